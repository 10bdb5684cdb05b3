#include "pmq/report.hpp"

#include "pmq/bands.hpp"
#include "pmq/calendar.hpp"
#include "pmq/svg.hpp"

#include <algorithm>
#include <map>

namespace pmq {

namespace {

using svg::escape;

// The reports' style: A4 pages, print breaks between sections, no data hatched. Fonts are the
// reader's: Noto CJK (Debian's fonts-noto-cjk) first, then what Windows and macOS have.
constexpr std::string_view css = R"(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
  "PingFang SC", sans-serif; font-size: 10pt; color: #222; background: #fff; }
body { margin: 0 auto; max-width: 186mm; padding: 6mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; text-align: center; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid #4a78b0; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 1mm 0; }
.sub { text-align: center; color: #555; margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 1mm 0 3mm; }
th, td { border: 1px solid #b8bec6; padding: 1.2mm 1.5mm; vertical-align: top;
  overflow-wrap: anywhere; word-break: break-word; }
th { background: #eef2f7; font-weight: 600; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.meta th { width: 22%; }
.nodata { color: #555; background: repeating-linear-gradient(45deg, #f4f4f4 0 4px, #dcdcdc 4px 6px); }
td.met, span.met, th.met { color: #1e6b34; background: #e4f3e8; }
td.missed, span.missed, th.missed { color: #9b2318; background: #fbe6e3; }
table.targets, table.summary, table.rectification { font-size: 9pt; }
table.targets { table-layout: auto; }
table.targets td.num, table.targets th.num, table.targets td.met, table.targets td.missed,
  table.targets td.nodata { white-space: nowrap; }
.pass { color: #1e6b34; } .fail { color: #9b2318; }
.score { display: flex; gap: 6mm; align-items: baseline; flex-wrap: wrap; margin: 2mm 0; }
.score .total { font-size: 26pt; font-weight: 700; }
.alert { border: 2px solid #c0392b; background: #fdf1ef; padding: 2mm 3mm; margin: 2mm 0; }
.note { color: #555; font-size: 9pt; }
.chart { display: block; width: 100%; max-width: 100%; margin: 1mm 0 3mm; }
ul { margin: 1mm 0; padding-left: 6mm; }
.sign { display: flex; justify-content: space-between; margin-top: 10mm; gap: 4mm; }
.sign div { flex: 1; border-top: 1px solid #444; padding-top: 1mm; }
.legend span { display: inline-block; padding: 0 2mm; margin-right: 2mm; }
@media print {
  body { max-width: none; padding: 0; }
  section + section { break-before: page; }
  tr, .alert, svg { break-inside: avoid; }
}
)";

double to_double(const fraction &f) { return f.convert_to<double>(); }
double to_double(points p) { return double(p.milli()) / 1000.0; }

std::string shown(points p) { return p.to_string(); }
std::string shown(const fraction &f, int places) { return render(f, places); }

struct page {
  language lang;
  std::string out;

  std::string m(std::string_view key) const { return escape(message(key, lang)); }
  std::string m(std::string_view key, std::initializer_list<std::string> args) const {
    return escape(message(key, lang, args));
  }

  void open(const std::string &kind, const std::string &title) {
    out += "<!DOCTYPE html>\n<html lang=\"";
    out += lang == language::zh ? "zh-CN" : "en";
    out += "\"><head><meta charset=\"utf-8\">"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"generator\" content=\"pmq\"><title>";
    out += escape(title);
    out += "</title><style>";
    out += css;
    out += "</style></head><body class=\"report " + kind + "\">\n";
  }
  std::string close() {
    out += "</body></html>\n";
    return std::move(out);
  }
  void section(const std::string &id, const std::string &heading) {
    out += "<section id=\"" + id + "\"><h2>" + heading + "</h2>\n";
  }
  void end_section() { out += "</section>\n"; }
  std::string nodata_cell(const char *tag = "td") const {
    return "<" + std::string(tag) + " class=\"nodata\">" + m("no_data") + "</" + tag + ">";
  }
  svg::bar_options bars(const std::string &id, std::string_view title) const {
    svg::bar_options o;
    o.id = id;
    o.title = std::string(title);
    o.no_data_text = message("no_data", lang);
    o.css_class = "chart bars " + id;
    return o;
  }
};

std::string short_time(const timestamp &t) {
  std::string s = format_timestamp(t);
  if (s.size() > 16) s.resize(16);
  std::replace(s.begin(), s.end(), 'T', ' ');
  return s;
}

// A rate written the way pmq writes KPI rates ({"exact", "value", ...}; null or no_data: none).
std::string rate_cell(const page &p, const json &j) {
  if (j.is_null() || !j.is_object() || j.contains("no_data") || !j.contains("value"))
    return p.nodata_cell();
  const auto &v = j.at("value");
  return "<td class=\"num\">" + escape(v.is_string() ? v.get<std::string>() : v.dump()) +
         (j.value("unit", "percent") == "percent" ? " %" : "") + "</td>";
}

std::string pay_band_text(const band &b, language lang) {
  if (lang == language::zh || !b.pay_adjustment) return b.label;
  const points p = *b.pay_adjustment;
  if (p == points{}) return "pay unchanged";
  return std::string("pay ") + (p > points{} ? "+" : "−") + (p > points{} ? p : -p).to_string() +
         " %";
}

// --- the inspection report ---------------------------------------------------------------

void households_section(page &p, const json &h) {
  p.section("households", p.m("report.households"));
  const auto num = [&](const char *k) -> std::string {
    return h.contains(k) && h.at(k).is_number_integer() ? std::to_string(h.at(k).get<long long>())
                                                        : std::string("—");
  };
  p.out += "<table class=\"meta\"><tr><th>" + p.m("report.hh_visited") + "</th><td class=\"num\">" +
           num("visited") + "</td></tr>";
  const json ratings = h.contains("ratings") ? h.at("ratings") : json::object();
  std::vector<svg::bar> bars;
  for (const char *k : {"satisfied", "basically_satisfied", "unsatisfied"}) {
    const auto n = ratings.contains(k) && ratings.at(k).is_number_integer()
                       ? std::optional<double>(double(ratings.at(k).get<long long>()))
                       : std::nullopt;
    const std::string key = std::string("report.hh_") + k;
    p.out += "<tr><th>" + p.m(key) + "</th><td class=\"num\">" +
             (n ? std::to_string(static_cast<long long>(*n)) : "—") + "</td></tr>";
    bars.push_back({std::string(message(key, p.lang)), n, std::nullopt,
                    n ? std::to_string(static_cast<long long>(*n)) : "",
                    std::string(k) == "unsatisfied" ? "bad" : "good", std::nullopt});
  }
  p.out += "<tr><th>" + p.m("report.hh_satisfaction") + "</th>" +
           rate_cell(p, h.contains("satisfaction_rate") ? h.at("satisfaction_rate") : json()) +
           "</tr>";
  p.out += "<tr><th>" + p.m("report.hh_complaints") + "</th><td class=\"num\">" +
           num("complaints") + "</td></tr><tr><th>" + p.m("report.hh_handled") +
           "</th><td class=\"num\">" + num("handled_properly") + "</td></tr>";
  p.out += "<tr><th>" + p.m("report.hh_handling_rate") + "</th>" +
           rate_cell(p, h.contains("complaint_handling_rate") ? h.at("complaint_handling_rate")
                                                              : json()) +
           "</tr></table>";
  p.out += svg::bar_chart(bars, p.bars("households", message("report.households", p.lang)));
  p.end_section();
}

} // namespace

std::string inspection_report(const standard &def, const inspection &ins, const score_result &r,
                              language lang) {
  page p{lang, {}};
  const std::string title = std::string(message("report.inspection_title", lang));
  p.open("inspection", title);
  p.out += "<h1>" + escape(title) + "</h1>\n<p class=\"sub\">" +
           p.m("report.inspection_sub", {ins.project.value_or("—"), ins.id}) + "</p>\n";

  // The sheet and the score.
  p.section("summary", p.m("report.summary"));
  p.out += "<table class=\"meta\">";
  const auto row = [&](const char *key, const std::string &value) {
    p.out += "<tr><th>" + p.m(key) + "</th><td>" + escape(value) + "</td></tr>";
  };
  row("project", ins.project.value_or("—"));
  row("report.date", ins.date ? format_date(*ins.date) : "—");
  row("report.inspector", ins.inspector.value_or("—"));
  row("report.sheet", ins.id);
  row("report.standard", def.title.empty() ? def.id : def.title + "（" + def.id + "）");
  row("report.version", def.version);
  p.out += "</table>\n";
  p.out += "<div class=\"score\"><div>" + p.m("report.score") +
           " <span class=\"total\" id=\"total-score\">";
  p.out += r.score ? escape(shown(*r.score)) : p.m("no_data");
  p.out += "</span> / " + escape(shown(r.full_score)) + "</div>";
  if (r.pass_mark) p.out += "<div>" + p.m("pass_mark", {shown(to_points(*r.pass_mark))}) + "</div>";
  if (r.passed)
    p.out += std::string("<div class=\"") + (*r.passed ? "pass" : "fail") + "\" id=\"verdict\">" +
             p.m(*r.passed ? "report.passed" : "report.failed") + "</div>";
  if (r.exact && r.full_score == points::from_milli(100000)) {
    try {
      const auto &b = classify(builtin_band_table("pay_adjustment"), *r.exact);
      p.out += "<div id=\"pay-band\">" + p.m("report.pay_band") + " " +
               escape(pay_band_text(b, lang)) + "</div>";
    } catch (const error &) {
      // outside the table's range: no band
    }
  }
  p.out +=
      "</div>\n<p class=\"note\">" +
      p.m("report.score_note", {shown(r.earned), shown(r.max_score), std::to_string(r.findings)}) +
      "</p>\n";
  if (!r.adjustments.empty()) {
    p.out += "<ul class=\"adjustments\">";
    for (const auto &a : r.adjustments)
      p.out += "<li>" + escape(shown(a.before)) + " → " + escape(shown(a.after)) + "：" +
               escape(a.explanation) + "</li>";
    p.out += "</ul>\n";
  }
  if (!r.vetoes.empty() || !r.failed_sections.empty()) {
    p.out += "<div class=\"alert\" id=\"alerts\">";
    for (const auto &v : r.vetoes) {
      std::string t;
      for (const auto &s : r.sections)
        for (const auto &it : s.items)
          if (it.id == v) t = it.title;
      p.out += "<p>" + p.m("report.veto_alert", {v, t}) + "</p>";
    }
    for (const auto &f : r.failed_sections) {
      std::string t, min;
      for (const auto &s : r.sections)
        if (s.id == f) {
          t = s.title;
          min = s.critical_min ? shown(*s.critical_min) : "";
        }
      p.out += "<p>" + p.m("report.critical_alert", {f, t, min}) + "</p>";
    }
    p.out += "</div>\n";
  }
  // A bar per section: earned against its maximum; a section with nothing applicable is no
  // data, hatched.
  std::vector<svg::bar> bars;
  double scale = 0;
  for (const auto &s : r.sections) {
    svg::bar b;
    b.label = s.title.empty() ? s.id : s.title;
    if (s.max_score > points{}) {
      b.value = to_double(s.score);
      b.max = to_double(s.max_score);
      b.text = shown(s.score) + " / " + shown(s.max_score);
      b.tone = s.failed_critical ? "bad" : s.score == s.max_score ? "good" : "";
      scale = std::max(scale, *b.max);
    } else {
      b.text = message("no_data", lang);
    }
    bars.push_back(std::move(b));
  }
  auto o = p.bars("sections", message("report.sections", lang));
  if (scale > 0) o.scale = scale;
  p.out += "<h3>" + p.m("report.sections") + "</h3>\n" + svg::bar_chart(bars, o);
  p.end_section();

  // Every deduction, with its findings (R-STD-4).
  p.section("deductions", p.m("report.deductions"));
  p.out +=
      "<table class=\"deductions\"><colgroup><col style=\"width:15%\"><col "
      "style=\"width:7%\"><col style=\"width:20%\"><col style=\"width:26%\"><col "
      "style=\"width:12%\"><col style=\"width:10%\"><col style=\"width:10%\"></colgroup><tr><th>" +
      p.m("report.item") + "</th><th class=\"num\">" + p.m("report.deducted") + "</th><th>" +
      p.m("report.explanation") + "</th><th>" + p.m("report.finding") + "</th><th>" +
      p.m("report.location") + "</th><th>" + p.m("report.time") + "</th><th>" +
      p.m("report.department") + "</th></tr>\n";
  // Notices to issue: one per responsible department (R-CAL-6: due a week after receipt).
  std::map<std::string, std::vector<std::string>> notices;
  std::vector<std::string> notice_order;
  const auto notice = [&](const std::string &dept, const std::string &what) {
    if (!notices.count(dept)) notice_order.push_back(dept);
    notices[dept].push_back(what);
  };
  std::size_t lost = 0;
  for (const auto &s : r.sections)
    for (const auto &it : s.items) {
      if (!(it.applicable && (it.deducted != points{} || it.vetoed))) continue;
      ++lost;
      const std::size_t span = std::max<std::size_t>(1, it.findings.size());
      const std::string head =
          "<td rowspan=\"" + std::to_string(span) + "\">" + escape(it.id) + " " + escape(it.title) +
          "</td><td class=\"num\" rowspan=\"" + std::to_string(span) + "\">" +
          (it.vetoed ? p.m("report.veto") : "−" + escape(shown(it.deducted))) +
          "</td><td rowspan=\"" + std::to_string(span) + "\">" + escape(it.explanation) + "</td>";
      if (it.findings.empty()) {
        p.out += "<tr class=\"item\">" + head + "<td colspan=\"4\" class=\"note\">" +
                 p.m("report.no_finding_recorded") + "</td></tr>\n";
        notice(std::string(message("unspecified", lang)), it.id + " " + it.title);
        continue;
      }
      for (std::size_t k = 0; k < it.findings.size(); ++k) {
        const auto &f = it.findings[k];
        p.out += "<tr class=\"item finding\">" + (k == 0 ? head : std::string()) +
                 "<td class=\"desc\">" + escape(f.description) + "</td><td>" + escape(f.location) +
                 "</td><td>" + escape(short_time(f.time)) + "</td><td>" + escape(f.department) +
                 "</td></tr>\n";
        notice(f.department.empty() ? std::string(message("unspecified", lang)) : f.department,
               it.id + " " + f.description);
      }
    }
  if (lost == 0) p.out += "<tr><td colspan=\"7\">" + p.m("report.no_deductions") + "</td></tr>";
  p.out += "</table>\n";
  p.end_section();

  p.section("notices", p.m("report.notices"));
  if (notice_order.empty()) {
    p.out += "<p>" + p.m("none") + "</p>";
  } else {
    const std::string due =
        r.date ? format_date(rectification_deadline(business_calendar{}, deadline_rules{}, *r.date))
               : std::string(message("report.due_unknown", lang));
    p.out += "<p class=\"note\">" + p.m("report.notices_note") + "</p>";
    p.out += "<table class=\"notices\"><colgroup><col style=\"width:18%\"><col><col "
             "style=\"width:18%\"></colgroup><tr><th>" +
             p.m("report.department") + "</th><th>" + p.m("report.to_rectify") + "</th><th>" +
             p.m("report.due") + "</th></tr>";
    for (const auto &d : notice_order) {
      p.out += "<tr class=\"notice\"><td>" + escape(d) + "</td><td><ul>";
      for (const auto &w : notices[d])
        p.out += "<li>" + escape(w) + "</li>";
      p.out += "</ul></td><td>" + escape(due) + "</td></tr>";
    }
    p.out += "</table>";
  }
  p.end_section();

  // Household visits (R-CAL-7, R-CAL-15), when the result carries them.
  const json j = to_json(r);
  if (j.contains("households") && j.at("households").is_object())
    households_section(p, j.at("households"));

  p.out += "<div class=\"sign\"><div>" + p.m("report.sign_inspector") + "</div><div>" +
           p.m("report.sign_approver") + "</div><div>" + p.m("report.sign_date") + "</div></div>\n";
  return p.close();
}

std::string inspection_report(const standard &def, std::string_view inspection_json,
                              language lang) {
  const compiled_standard cs(def);
  const auto ins = cs.read_inspection(inspection_json);
  auto r = cs.score(ins);
  if (lang != language::zh) explain(r, cs.definition(), ins.carry_over, lang);
  return inspection_report(cs.definition(), ins, r, lang);
}

// --- the period assessment ---------------------------------------------------------------

namespace {

std::string period_name(const std::string &text, language lang) {
  const auto pr = parse_period(text);
  if (!pr) return text;
  if (pr->kind == period_kind::half_year)
    return message("half_period", lang,
                   {std::to_string(pr->year),
                    std::string(message(pr->index == 1 ? "half_1" : "half_2", lang))});
  const std::string mm = lang == language::zh
                             ? std::to_string(pr->index)
                             : (pr->index < 10 ? "0" : "") + std::to_string(pr->index);
  return message("month_period", lang, {std::to_string(pr->year), mm});
}

std::string pay_label(const pay_outcome &pay, language lang) {
  if (lang == language::zh && pay.label) return *pay.label;
  if (!pay.percent) return "—";
  const points pc = *pay.percent;
  if (pc == points{})
    return std::string(
        message(pay.scheme == pay_scheme::per_point ? "perf_none" : "pay_none", lang));
  const std::string size = (pc < points{} ? -pc : pc).to_string();
  if (pay.scheme == pay_scheme::per_point) return message("perf_down", lang, {size});
  return message(pc > points{} ? "pay_up" : "pay_down", lang, {size});
}

} // namespace

std::string assessment_report(const assessment_result &r, language lang) {
  page p{lang, {}};
  const int dp = int(r.decimals);
  std::map<std::string, std::string> name_of, branch_of;
  for (const auto &pr : r.projects)
    name_of[pr.id] = pr.name;
  for (const auto &b : r.branches)
    branch_of[b.id] = b.name;
  const auto project_name = [&](const std::string &id) {
    const auto it = name_of.find(id);
    return it == name_of.end() ? id : it->second;
  };
  const std::string when = period_name(r.period, lang);
  const std::string title = message("report.assessment_title", lang, {r.company.name, when});
  p.open("assessment", title);
  p.out += "<h1>" + escape(title) + "</h1>\n<p class=\"sub\">" +
           p.m(r.regime == assessment_regime::branch ? "regime_branch" : "regime_company") + " · " +
           escape(format_date(r.from)) + " – " + escape(format_date(r.to)) + " · " +
           p.m("pass_mark", {shown(r.pass_mark_exact, 2)}) + "</p>\n";

  // Overview: company means, branches.
  p.section("overview", p.m("report.overview"));
  p.out += "<table class=\"branches\"><tr><th>" + p.m("branch") + "</th><th>" + p.m("head") +
           "</th><th class=\"num\">" + p.m("report.branch_score") + "</th><th class=\"num\">" +
           p.m("rank") + "</th><th>" + p.m("report.change") + "</th><th>" + p.m("pay") +
           "</th></tr>";
  for (const auto &b : r.branches) {
    p.out += "<tr><td>" + escape(b.name) + "</td><td>" + escape(b.head) + "</td>";
    p.out += b.score ? "<td class=\"num\">" + escape(shown(*b.score)) + "</td>" : p.nodata_cell();
    p.out += "<td class=\"num\">" + (b.rank ? std::to_string(*b.rank) : "—") + "</td><td>" +
             (b.change ? escape((b.change->score > points{} ? "+" : "") + shown(b.change->score))
                       : "—") +
             "</td><td>" + (b.pay ? escape(pay_label(*b.pay, lang)) : "—") + "</td></tr>";
  }
  p.out += "<tr><th>" + p.m("company") + "</th><td></td>";
  p.out += r.company.mean.score ? "<td class=\"num\" id=\"company-mean\">" +
                                      escape(shown(*r.company.mean.score)) + "</td>"
                                : p.nodata_cell();
  p.out += "<td colspan=\"3\" class=\"note\">" +
           p.m("report.all_projects_mean",
               {r.company.all_projects.score ? shown(*r.company.all_projects.score)
                                             : std::string(message("no_data", lang)),
                std::to_string(r.company.all_projects.inputs)}) +
           "</td></tr></table>\n";

  // Projects ranked (no data last, hatched, never as 0).
  std::vector<const project_assessment *> ranked;
  for (const auto &pr : r.projects)
    ranked.push_back(&pr);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto *a, const auto *b) {
    if (!a->rank_in_company || !b->rank_in_company)
      return bool(a->rank_in_company) && !b->rank_in_company;
    return *a->rank_in_company < *b->rank_in_company;
  });
  std::vector<svg::bar> bars;
  double hi = 100;
  const double pass = to_double(r.pass_mark_exact);
  for (const auto *pr : ranked) {
    svg::bar b;
    b.label = (pr->rank_in_company ? std::to_string(*pr->rank_in_company) + ". " : "— ") + pr->name;
    if (pr->score) {
      b.value = to_double(*pr->score);
      hi = std::max(hi, *b.value);
      b.text = shown(*pr->score);
      b.tone = pr->passed && !*pr->passed ? "bad" : "good";
    } else {
      b.text = message("report.unranked", lang);
    }
    b.mark = pass;
    bars.push_back(std::move(b));
  }
  auto o = p.bars("ranking", message("report.ranking", lang));
  o.scale = hi;
  o.mark_legend = message("pass_mark", lang, {shown(r.pass_mark_exact, 2)});
  p.out += "<h3>" + p.m("report.ranking") + "</h3>\n" + svg::bar_chart(bars, o);

  // Pay adjustments' distribution.
  std::vector<std::pair<std::string, int>> dist;
  std::vector<std::pair<points, std::string>> order;
  int no_pay = 0;
  for (const auto &pr : r.projects) {
    if (!pr.pay || !pr.pay->percent) {
      ++no_pay;
      continue;
    }
    const std::string l = pay_label(*pr.pay, lang);
    auto it = std::find_if(dist.begin(), dist.end(), [&](const auto &d) { return d.first == l; });
    if (it == dist.end()) {
      dist.emplace_back(l, 1);
      order.emplace_back(*pr.pay->percent, l);
    } else {
      ++it->second;
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto &a, const auto &b) { return a.first > b.first; });
  std::vector<svg::bar> pay_bars;
  for (const auto &entry : order) {
    const auto &[pc, l] = entry;
    const auto &label = entry.second; // a lambda may not capture a structured binding (C++17)
    const int n = std::find_if(dist.begin(), dist.end(), [&](const auto &d) {
                    return d.first == label;
                  })->second;
    pay_bars.push_back({l, double(n), std::nullopt,
                        message("report.projects_n", lang, {std::to_string(n)}),
                        pc > points{}   ? "good"
                        : pc < points{} ? "bad"
                                        : "muted",
                        std::nullopt});
  }
  if (no_pay > 0)
    pay_bars.push_back({std::string(message("report.no_data_unscored", lang)), std::nullopt,
                        std::nullopt, message("report.projects_n", lang, {std::to_string(no_pay)}),
                        "", std::nullopt});
  p.out += "<h3>" + p.m("report.pay_distribution") + "</h3>\n" +
           svg::bar_chart(pay_bars, p.bars("pay", message("report.pay_distribution", lang)));
  p.end_section();

  // The 汇总表 of each branch, row for row (R-REP-2, due R-CAL-5).
  p.section("summary-tables", p.m("report.summary_tables"));
  for (const auto &t : r.summary_tables) {
    p.out += "<h3>" + p.m("summary_title", {t.branch_name, period_name(t.period, lang)}) + "</h3>";
    p.out += "<p class=\"note\">" + p.m("branch_head", {t.head});
    if (t.due) p.out += " · " + p.m("due", {format_date(*t.due)});
    p.out += "</p><table class=\"summary\"><tr><th style=\"width:5%\">" + p.m("no") +
             "</th><th style=\"width:12%\">" + p.m("project") + "</th><th>" + p.m("head") + "</th>";
    for (const auto &i : t.inspectors)
      p.out += "<th class=\"num\">" + escape(i) + "</th>";
    p.out += "<th class=\"num\">" + p.m("mean") + "</th><th class=\"num\">" + p.m("deduction") +
             "</th><th class=\"num\">" + p.m("final") + "</th><th class=\"num\">" + p.m("rank") +
             "</th><th>" + p.m(r.scheme == pay_scheme::table ? "pay" : "performance_pay") +
             "</th><th>" + p.m("remarks") + "</th></tr>";
    for (const auto &row : t.rows) {
      const auto num = [&](const std::optional<points> &v) {
        return v ? "<td class=\"num\">" + escape(render(v->value(), dp)) + "</td>"
                 : p.nodata_cell();
      };
      p.out += "<tr class=\"summary-row\"><td class=\"num\">" + std::to_string(row.no) +
               "</td><td>" + escape(row.project) + "</td><td>" + escape(row.head) + "</td>";
      for (const auto &s : row.scores)
        p.out += s ? "<td class=\"num\">" + escape(render(s->value(), dp)) + "</td>"
                   : std::string("<td class=\"num\">—</td>");
      p.out += num(row.mean);
      p.out += "<td class=\"num\">" +
               (row.deduction && *row.deduction != points{}
                    ? "−" + escape(render(row.deduction->value(), dp))
                    : std::string()) +
               "</td>";
      p.out += num(row.final_score);
      p.out += "<td class=\"num\">" + (row.rank ? std::to_string(*row.rank) : "—") + "</td><td>";
      if (row.pay_percent) {
        pay_outcome po;
        po.scheme = r.scheme;
        po.percent = row.pay_percent;
        p.out += escape(pay_label(po, lang));
      }
      p.out += "</td><td>";
      std::string remarks;
      for (const auto rm : row.remarks) {
        if (!remarks.empty()) remarks += lang == language::zh ? "；" : "; ";
        remarks += rm == summary_remark::decided_on_exact && row.exact
                       ? message("decided_on_exact", lang, {render(*row.exact, 4) + "…"})
                       : std::string(message(boost::describe::enum_to_string(rm, "no_data"), lang));
      }
      p.out += escape(remarks) + "</td></tr>";
    }
    p.out += "<tr><th colspan=\"3\">" + p.m("branch_score") + "</th>";
    const std::size_t span = t.inspectors.size() + 7;
    p.out += t.branch_score ? "<td class=\"num\" colspan=\"" + std::to_string(span) + "\">" +
                                  escape(render(t.branch_score->value(), dp)) + "</td>"
                            : "<td class=\"nodata\" colspan=\"" + std::to_string(span) + "\">" +
                                  p.m("no_data") + "</td>";
    p.out += "</tr></table>\n";
  }
  p.end_section();

  // Trend over the supplied periods (R-REP-1).
  p.section("trend", p.m("report.trend"));
  std::vector<std::string> periods;
  for (const auto &pr : r.projects)
    for (const auto &t : pr.trend)
      if (std::find(periods.begin(), periods.end(), t.period) == periods.end())
        periods.push_back(t.period);
  std::sort(periods.begin(), periods.end());
  std::vector<svg::series> lines;
  for (const auto &pr : r.projects) {
    svg::series s{pr.name, std::vector<std::optional<double>>(periods.size())};
    for (const auto &t : pr.trend) {
      const auto k =
          std::size_t(std::find(periods.begin(), periods.end(), t.period) - periods.begin());
      if (t.score) s.values[k] = to_double(*t.score);
    }
    lines.push_back(std::move(s));
  }
  svg::line_options lo;
  lo.id = "trend";
  lo.title = message("report.trend", lang);
  lo.no_data_text = message("no_data", lang);
  lo.mark = pass;
  lo.mark_legend = message("pass_mark", lang, {shown(r.pass_mark_exact, 2)});
  lo.css_class = "chart lines trend";
  double lowest = 100;
  for (const auto &s : lines)
    for (const auto &v : s.values)
      if (v) lowest = std::min(lowest, *v);
  lo.y_min = std::max(0.0, std::min(60.0, std::floor((lowest - 5) / 10) * 10));
  lo.y_max = 100;
  std::vector<std::string> period_names;
  for (const auto &pe : periods)
    period_names.push_back(period_name(pe, lang));
  p.out += svg::line_chart(period_names, lines, lo);
  p.out += "<p class=\"note\">" + p.m("report.trend_note") + "</p>";
  p.end_section();

  // Where the points were lost (R-REP-1).
  const auto &an = r.analysis;
  p.section("analysis", p.m("analysis", {shown(an.total), std::to_string(an.sheets)}));
  p.out += "<p class=\"note\">" + p.m("analysis_note") + "</p>";
  std::vector<svg::bar> pareto;
  for (const auto &e : an.pareto)
    pareto.push_back({e.item + " " + e.title, to_double(e.points), std::nullopt,
                      message("report.pareto_text", lang,
                              {shown(e.points), shown(e.percent), shown(e.cumulative_percent)}),
                      "bad", std::nullopt});
  p.out += "<h3>" + p.m("pareto") + "</h3>\n";
  p.out += pareto.empty() ? "<p>" + p.m("none") + "</p>"
                          : svg::bar_chart(pareto, p.bars("pareto", message("pareto", lang)));
  const auto loss_bars = [&](const std::vector<loss> &ls, const char *id, const char *heading) {
    std::vector<svg::bar> bs;
    for (const auto &l : ls)
      bs.push_back({l.title.empty()
                        ? (l.id.empty() ? std::string(message("unspecified", lang)) : l.id)
                        : l.title,
                    to_double(l.points), std::nullopt,
                    message("report.points_n", lang, {shown(l.points)}), "warn", std::nullopt});
    p.out += "<h3>" + p.m(heading) + "</h3>\n";
    p.out += bs.empty() ? "<p>" + p.m("none") + "</p>"
                        : svg::bar_chart(bs, p.bars(id, message(heading, lang)));
  };
  loss_bars(an.sections, "by-section", "by_section");
  loss_bars(an.departments, "by-department", "by_department");
  if (!an.repeat_findings.empty()) {
    p.out += "<h3>" + p.m("repeats") + "</h3><ul>";
    for (const auto &f : an.repeat_findings) {
      std::string ps;
      for (const auto &x : f.periods)
        ps += (ps.empty() ? "" : ", ") + x;
      p.out +=
          "<li>" + p.m("repeat_line", {project_name(f.project), f.item, f.title, ps}) + "</li>";
    }
    p.out += "</ul>";
  }
  p.end_section();

  // The 整改情况表 (R-CAL-5).
  if (r.rectification) {
    const auto &t = *r.rectification;
    p.section("rectification", p.m("report.rectification"));
    p.out += "<h3>" + p.m("rect_title", {when, format_date(t.as_of)}) + "</h3><p class=\"note\">" +
             p.m("rect_due", {format_date(t.due)}) + "</p>";
    p.out +=
        "<table class=\"rectification\"><tr><th style=\"width:16%\">" + p.m("project") + "</th>";
    for (const char *k :
         {"rect_issued", "rect_open", "rect_overdue", "rect_on_time", "rect_late", "rect_awaiting",
          "rect_passed", "rect_failed", "rect_second", "rect_penalty"})
      p.out += "<th class=\"num\">" + p.m(k) + "</th>";
    p.out += "</tr>";
    const auto line = [&](const rectification_row &w, const std::string &name, bool total) {
      const char *td = total ? "th" : "td";
      p.out += std::string("<tr><") + td + ">" + escape(name) + "</" + td + ">";
      for (const auto n :
           {w.issued, w.open, w.overdue, w.rectified_on_time, w.rectified_late,
            w.awaiting_reinspection, w.passed, w.failed, w.second_notices, w.penalty_notices})
        p.out += std::string("<") + td + " class=\"num" +
                 ((n > 0 && (&n == &w.overdue || &n == &w.failed)) ? " missed" : "") + "\">" +
                 std::to_string(n) + "</" + td + ">";
      p.out += "</tr>";
    };
    for (const auto &w : t.rows)
      line(w, project_name(w.project), false);
    line(t.total, std::string(message("total", lang)), true);
    p.out += "</table>\n";
    p.end_section();
  }

  // Missing data, named.
  p.section("problems", p.m("problems"));
  if (r.problems.empty()) p.out += "<p>" + p.m("none") + "</p>";
  p.out += "<ul class=\"problems\">";
  for (const auto &n : r.problems) {
    const std::string project = n.project ? project_name(*n.project) : std::string();
    const std::string branch =
        n.branch ? (branch_of.count(*n.branch) ? branch_of[*n.branch] : *n.branch) : std::string();
    const std::string line = notice_text(n, project, branch, lang);
    p.out += "<li>" + escape(line) + "</li>";
  }
  p.out += "</ul>";
  p.end_section();
  return p.close();
}

// --- the 质量目标完成统计表 ------------------------------------------------------------------

namespace {

std::string status_cell(const page &p, target_status s, const std::string &value) {
  switch (s) {
  case target_status::met:
    return "<td class=\"num met\">✓ " + escape(value) + "</td>";
  case target_status::missed:
    return "<td class=\"num missed\">✗ " + escape(value) + "</td>";
  case target_status::no_data:
    break;
  }
  return p.nodata_cell();
}

std::string value_text(const statistics_row &row) {
  if (!row.actual.has_value()) return "";
  const json j = rate_to_json(row.actual, row.target.unit, row.places);
  std::string v = j.contains("value") && j.at("value").is_string()
                      ? j.at("value").get<std::string>()
                      : j.value("value", json()).dump();
  return row.target.unit == kpi_unit::percent ? v + " %" : v;
}

std::string gap_text(const statistics_row &row) {
  if (!row.gap) return "";
  const std::string g = render(*row.gap, row.places);
  return (*row.gap > 0 ? "+" : "") + g;
}

} // namespace

std::string targets_report(const std::vector<statistics_table> &tables, language lang) {
  page p{lang, {}};
  if (tables.empty()) throw error(errc::invalid_argument, "tables", "no table to render");
  const auto &t = tables.front();
  const std::string title = message("report.targets_title", lang, {t.company, t.when.label()});
  p.open("targets", title);
  p.out += "<h1>" + escape(title) + "</h1>\n<p class=\"sub\">" +
           p.m("report.targets_sub", {format_date(t.when.first()), format_date(t.when.last())}) +
           "</p>\n";
  p.section("targets", p.m("report.targets_overview"));
  p.out += "<p class=\"legend\"><span class=\"met\" id=\"count-met\">" +
           p.m("report.met_n", {std::to_string(t.met)}) +
           "</span><span class=\"missed\" id=\"count-missed\">" +
           p.m("report.missed_n", {std::to_string(t.missed)}) +
           "</span><span class=\"nodata\" id=\"count-nodata\">" +
           p.m("report.nodata_n", {std::to_string(t.no_data)}) + "</span></p>";
  // The table: target, each month of the period side by side, the period, gap and status.
  const std::size_t months = tables.size() - 1;
  p.out += "<table class=\"targets\"><tr><th style=\"width:7%\">" + p.m("report.key") +
           "</th><th style=\"width:20%\">" + p.m("report.kpi") + "</th><th>" +
           p.m("report.department") + "</th><th>" + p.m("head") + "</th><th>" +
           p.m("report.target") + "</th>";
  for (std::size_t k = 1; k < tables.size(); ++k)
    p.out += "<th class=\"num\">" + escape(tables[k].when.label()) + "</th>";
  p.out += "<th class=\"num\">" + (months ? p.m("report.period_value") : p.m("report.actual")) +
           "</th><th class=\"num\">" + p.m("report.gap") + "</th><th>" + p.m("report.status") +
           "</th></tr>";
  std::vector<std::pair<kpi_unit, std::vector<svg::bar>>> gaps; // one chart per unit
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto &row = t.rows[i];
    p.out += "<tr class=\"target-row " +
             std::string(boost::describe::enum_to_string(row.status, "")) + "\"><td>" +
             escape(row.key) + "</td><td>" + escape(row.name) +
             (row.rule ? "<br><span class=\"note\">" + escape(*row.rule) + "</span>" : "") +
             "</td><td>" + escape(row.department) + "</td><td>" + escape(row.owner) + "</td><td>" +
             escape(describe(row.applied_target)) + "</td>";
    for (std::size_t k = 1; k < tables.size(); ++k) {
      const statistics_row *m = nullptr;
      for (const auto &x : tables[k].rows)
        if (x.key == row.key) m = &x;
      p.out += m ? status_cell(p, m->status, value_text(*m)) : p.nodata_cell();
    }
    p.out += status_cell(p, row.status, value_text(row));
    p.out += row.gap ? "<td class=\"num " +
                           std::string(row.status == target_status::met ? "met" : "missed") +
                           "\">" + escape(gap_text(row)) + "</td>"
                     : p.nodata_cell();
    p.out += row.status == target_status::no_data
                 ? p.nodata_cell()
                 : std::string("<td class=\"") +
                       (row.status == target_status::met ? "met" : "missed") + "\">" +
                       p.m(row.status == target_status::met ? "report.met" : "report.missed") +
                       "</td>";
    p.out += "</tr>";
    svg::bar b;
    b.label = row.key;
    if (row.gap) {
      b.value = to_double(*row.gap);
      b.text = gap_text(row);
      b.tone = row.status == target_status::met ? "good" : "bad";
    } else {
      b.text = message("no_data", lang);
    }
    const kpi_unit u = row.applied_target.unit;
    auto g = std::find_if(gaps.begin(), gaps.end(), [&](const auto &x) { return x.first == u; });
    if (g == gaps.end()) g = gaps.insert(gaps.end(), {u, {}});
    g->second.push_back(std::move(b));
  }
  p.out += "</table>\n<p class=\"note\">" + p.m("report.gap_note") + "</p>";
  // Gaps in different units are not drawn on one scale: a chart per unit.
  for (auto &[u, bars] : gaps) {
    const std::string unit = boost::describe::enum_to_string(u, "count");
    const std::string heading =
        message("report.gap_chart", lang, {std::string(message("unit." + unit, lang))});
    auto o = p.bars("gaps-" + unit, heading);
    o.css_class = "chart bars gaps";
    p.out += "<h3>" + escape(heading) + "</h3>" + svg::bar_chart(bars, o);
  }
  p.end_section();
  return p.close();
}

std::string targets_report(const compiled_plan &plan, const std::vector<month_actuals> &months,
                           const period &p, language lang) {
  const period *pr = &p;
  std::vector<statistics_table> tables{plan.table(months, *pr)};
  if (pr->kind != period_kind::month)
    for (date d = pr->first(); d <= pr->last();) {
      const period m = period_of(d, period_kind::month);
      tables.push_back(plan.table(months, m));
      d = m.last() + boost::gregorian::days(1);
    }
  return targets_report(tables, lang);
}

} // namespace pmq
