#include "pmq/assessment.hpp"

#include "pmq/kpi.hpp"
#include "pmq/scoring.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace pmq {

namespace {

// --- paths and periods ---------------------------------------------------------------------

// base + a path reported relative to it ("" → base, "[2].x" → base[2].x, "x" → base.x).
std::string under(const std::string &base, const std::string &path) {
  if (path.empty()) return base;
  if (base.empty()) return path;
  return path.front() == '[' ? base + path : base + "." + path;
}

void add_all(problem_list &problems, const std::string &base, const error &e) {
  for (const auto &p : e.problems())
    problems.add(under(base, p.path), p.message);
}

// A month or half-year as a count of periods since year 0, so that "the period before" is
// ordinal − 1 across the turn of the year.
std::int64_t ordinal(const period &p) {
  return p.kind == period_kind::month ? std::int64_t(p.year) * 12 + (p.index - 1)
                                      : std::int64_t(p.year) * 2 + (p.index - 1);
}

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

fraction shown_fraction(const fraction &v, std::uint32_t decimals) {
  return round_half_up(v, int(decimals));
}
points shown(const fraction &v, std::uint32_t decimals) {
  return to_points(shown_fraction(v, decimals));
}

// Competition ranking (1, 2, 2, 4) by exact score, highest first; entries without data are
// left out by the caller.
std::vector<std::uint32_t> ranks(const std::vector<const fraction *> &scores) {
  std::vector<std::size_t> order(scores.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return *scores[a] > *scores[b]; });
  std::vector<std::uint32_t> out(scores.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    out[order[k]] = (k > 0 && *scores[order[k]] == *scores[order[k - 1]])
                        ? out[order[k - 1]]
                        : static_cast<std::uint32_t>(k + 1);
  return out;
}

// --- the history of earlier periods --------------------------------------------------------

struct history {
  // ordinal → the period's entry
  std::map<std::int64_t, const previous_period *> periods;

  const previous_project *project(std::int64_t ord, const std::string &id) const {
    const auto it = periods.find(ord);
    if (it == periods.end()) return nullptr;
    for (const auto &p : it->second->projects)
      if (p.project == id) return &p;
    return nullptr;
  }
  const previous_branch *branch(std::int64_t ord, const std::string &id) const {
    const auto it = periods.find(ord);
    if (it == periods.end()) return nullptr;
    for (const auto &b : it->second->branches)
      if (b.branch == id) return &b;
    return nullptr;
  }
};

template <class Entry> std::optional<bool> failed(const Entry *e, const fraction &pass_mark) {
  if (!e) return std::nullopt;
  if (e->passed) return !*e->passed;
  if (!e->score) return std::nullopt; // no data: neither passed nor failed
  return *e->score < pass_mark;
}

// Periods, trend, change and the run of failures of one subject (project or branch).
template <class Lookup>
void history_of(const history &h, std::int64_t current, const std::optional<fraction> &exact,
                const std::optional<bool> &passed, const fraction &pass_mark,
                std::uint32_t decimals, Lookup lookup, std::vector<period_score> &trend,
                std::optional<score_change> &change, std::uint32_t &failed_in_row,
                std::vector<std::string> &run, const std::string &current_label) {
  for (const auto &[ord, pp] : h.periods) {
    const auto *e = lookup(ord);
    if (!e) continue;
    period_score ps;
    ps.period = pp->period;
    if (e->score) {
      ps.exact = *e->score;
      ps.score = shown(*e->score, decimals);
    }
    ps.passed = e->passed ? e->passed
                          : (e->score ? std::optional<bool>(*e->score >= pass_mark) : std::nullopt);
    trend.push_back(std::move(ps));
  }
  period_score now;
  now.period = current_label;
  if (exact) {
    now.exact = *exact;
    now.score = shown(*exact, decimals);
  }
  now.passed = passed;
  trend.push_back(std::move(now));

  if (const auto *prev = lookup(current - 1); prev && prev->score && exact) {
    const fraction d = *exact - *prev->score;
    change = score_change{h.periods.at(current - 1)->period, d, shown(d, decimals)};
  }

  failed_in_row = 0;
  run.clear();
  if (passed && !*passed) {
    failed_in_row = 1;
    run.push_back(current_label);
    for (std::int64_t ord = current - 1;; --ord) {
      const auto f = failed(lookup(ord), pass_mark);
      if (!f || !*f) break; // a gap, no data or a pass ends the run
      ++failed_in_row;
      run.insert(run.begin(), h.periods.at(ord)->period);
    }
  }
}

// --- labels, in both languages, in one place ----------------------------------------------

// The labels are rows of pmq's one messages table (src/explain.cpp).
std::string_view label(std::string_view key, language lang) { return message(key, lang); }

std::string format(std::string_view key, language lang, std::initializer_list<std::string> args) {
  return message(key, lang, args);
}

std::string period_label(const std::string &text, language lang) {
  const auto p = parse_period(text);
  if (!p) return text;
  if (p->kind == period_kind::half_year)
    return format(
        "half_period", lang,
        {std::to_string(p->year), std::string(label(p->index == 1 ? "half_1" : "half_2", lang))});
  const std::string m = lang == language::zh
                            ? std::to_string(p->index)
                            : (p->index < 10 ? "0" : "") + std::to_string(p->index);
  return format("month_period", lang, {std::to_string(p->year), m});
}

std::string pay_text(const std::optional<points> &percent, pay_scheme scheme, language lang) {
  if (!percent) return "";
  const std::string size = (*percent < points{} ? -*percent : *percent).to_string();
  if (scheme == pay_scheme::per_point)
    return *percent == points{} ? std::string(label("perf_none", lang))
                                : format("perf_down", lang, {size});
  if (*percent == points{}) return std::string(label("pay_none", lang));
  return format(*percent > points{} ? "pay_up" : "pay_down", lang, {size});
}

} // namespace

// --- reading --------------------------------------------------------------------------------

assessment_request assessment_request_from_json(const json &value) {
  // "pay.table" may name a built-in band table; it is read as that table.
  if (value.is_object()) {
    const auto pay = value.find("pay");
    if (pay != value.end() && pay->is_object()) {
      const auto table = pay->find("table");
      if (table != pay->end() && table->is_string()) {
        const auto &id = table->get_ref<const std::string &>();
        const auto ids = builtin_band_table_ids();
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
          std::string known;
          for (const auto &k : ids)
            known += (known.empty() ? "" : ", ") + k;
          throw error(errc::invalid_input, "pay.table",
                      "no built-in band table \"" + id + "\" (built in: " + known + ")");
        }
        json copy = value;
        copy["pay"]["table"] = to_json(builtin_band_table(id));
        return from_json_value<assessment_request>(copy);
      }
    }
  }
  return from_json_value<assessment_request>(value);
}

// --- the assessment -------------------------------------------------------------------------

namespace {

struct project_slot {
  std::size_t branch = 0;
  std::size_t index = 0; // in the branch
  std::string path;      // organisation.branches[b].projects[p]
  const compiled_standard *standard = nullptr;
};

// One scored sheet of a project, with where it came from.
struct sheet {
  inspector_score score;
  const score_result *detail = nullptr; // raw inspections only
};

struct loss_sum {
  std::string title;
  fraction exact = 0;
  std::uint32_t sheets = 0;
  std::uint32_t projects = 0;
};

void add_loss(std::map<std::string, loss_sum> &to, const std::string &id, const std::string &title,
              const fraction &amount, std::uint32_t sheets) {
  auto &l = to[id];
  if (l.title.empty()) l.title = title;
  l.exact += amount;
  l.sheets += sheets;
  if (amount > 0) ++l.projects;
}

std::vector<loss> sorted_losses(const std::map<std::string, loss_sum> &m, std::uint32_t decimals) {
  std::vector<loss> out;
  for (const auto &[id, l] : m) {
    if (l.exact <= 0) continue;
    out.push_back({id, l.title, l.exact, shown(l.exact, decimals), l.sheets, l.projects});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const loss &a, const loss &b) { return a.exact > b.exact; });
  return out;
}

// Whether an item lost points on a sheet. Only three-level judgements make an item's exact
// score a fraction that its shown score (in thousandths) may round; every other kind's exact
// score is its shown score, so the cheap comparison decides (most items lose nothing).
bool lost_points(const item_result &it) {
  if (!it.applicable) return false;
  return it.kind == item_kind::three_level ? it.exact < it.max_score.value()
                                           : it.score < it.max_score;
}

pay_outcome pay_of(const std::string &head, const fraction &exact, pay_scheme scheme,
                   const band_table &table, const per_point_scheme &pp) {
  pay_outcome out;
  out.head = head;
  out.scheme = scheme;
  if (scheme == pay_scheme::table) {
    const auto &b = classify(table, exact); // on the exact score: 26999/300 is below 90
    out.band = b.id;
    out.label = b.label;
    if (b.pay_adjustment) {
      out.percent = *b.pay_adjustment;
      out.percent_exact = b.pay_adjustment->value();
    }
  } else {
    auto r = per_point_pay(exact, pp);
    out.percent = -r.pay_reduction;
    out.percent_exact = -r.pay_reduction_exact;
    out.per_point = std::move(r);
  }
  return out;
}

} // namespace

assessment_result assess(const assessment_request &req) {
  problem_list problems;

  // The period.
  const auto per = parse_period(req.period);
  const auto wanted =
      req.regime == assessment_regime::branch ? period_kind::month : period_kind::half_year;
  if (!per || per->kind != wanted)
    problems.add("period", quoted(req.period) + " is not a " +
                               (wanted == period_kind::month
                                    ? "month (YYYY-MM): the branch regime assesses monthly"
                                    : "half-year (YYYY-H1 or YYYY-H2): the company regime "
                                      "assesses every half-year"));
  const bool period_ok = per && per->kind == wanted;
  if (req.decimals > 3)
    problems.add("decimals", "must be 0 to 3, got " + std::to_string(req.decimals));
  if (req.top_n < 1 || req.top_n > 1000)
    problems.add("top_n", "must be 1 to 1000, got " + std::to_string(req.top_n));
  if (req.calendar) check_calendar(*req.calendar, "calendar", problems);
  if (req.rules) check_rules(*req.rules, "rules", problems);

  // The pay scheme and the scale every score is on.
  const band_table &table = req.pay.table ? *req.pay.table : builtin_band_table("pay_adjustment");
  const per_point_scheme pp = req.pay.per_point.value_or(per_point_scheme{});
  points full{100};
  if (req.pay.scheme == pay_scheme::table) {
    if (req.pay.per_point) problems.add("pay.per_point", "only with \"scheme\": \"per_point\"");
    for (const auto &p : check_band_table(table))
      problems.add(under("pay.table", p.path), p.message);
    if (table.min > points{})
      problems.add("pay.table.min", "must be at most 0: a final score may be anything from 0");
    full = table.max;
  } else {
    if (req.pay.table) problems.add("pay.table", "only with \"scheme\": \"table\"");
    try {
      per_point_pay(fraction(0), pp);
    } catch (const error &e) {
      add_all(problems, "pay.per_point", e);
    }
    full = pp.full_score;
  }
  fraction pass_mark = req.pass_mark                             ? req.pass_mark->value()
                       : req.pay.scheme == pay_scheme::per_point ? pp.pass_mark.value()
                                                                 : fraction(90);
  if (req.pass_mark && (*req.pass_mark < points{} || *req.pass_mark > full))
    problems.add("pass_mark", "must be between 0 and the full score " + full.to_string() +
                                  ", got " + req.pass_mark->to_string());
  if (req.pass_mark && req.pay.scheme == pay_scheme::per_point && *req.pass_mark != pp.pass_mark)
    problems.add("pass_mark", "differs from pay.per_point.pass_mark (" + pp.pass_mark.to_string() +
                                  "): give one pass mark");

  // Standards: the request's, then the built-ins, compiled once each.
  std::map<std::string, std::size_t> request_standards;
  for (std::size_t k = 0; k < req.standards.size(); ++k) {
    const auto path = join_path("standards", k);
    const auto &s = req.standards[k];
    if (auto [it, fresh] = request_standards.emplace(s.id, k); !fresh)
      problems.add(join_path(path, "id"), "duplicate standard id " + quoted(s.id) +
                                              " (first at standards[" + std::to_string(it->second) +
                                              "])");
    for (const auto &p : check_standard(s))
      problems.add(under(path, p.path), p.message);
  }
  const auto builtin_ids = builtin_standard_ids();
  const auto find_standard = [&](const std::string &id) -> const standard * {
    if (const auto it = request_standards.find(id); it != request_standards.end())
      return &req.standards[it->second];
    if (std::find(builtin_ids.begin(), builtin_ids.end(), id) != builtin_ids.end())
      return &builtin_standard(id);
    return nullptr;
  };
  const std::string default_standard = req.standard.value_or(builtin_standard("").id);
  if (req.standard && !find_standard(*req.standard))
    problems.add("standard", "no standard " + quoted(*req.standard) +
                                 " in the request's standards or built in");
  std::map<std::string, std::unique_ptr<compiled_standard>> compiled; // by id
  std::vector<std::unique_ptr<compiled_standard>> derived;

  // The organisation.
  const auto &org = req.organisation;
  std::vector<project_slot> slots;
  std::unordered_map<std::string, std::size_t> project_index; // id → slot
  std::set<std::string> branch_ids;
  if (org.branches.empty())
    problems.add("organisation.branches", "an organisation has at least one branch");
  for (std::size_t b = 0; b < org.branches.size(); ++b) {
    const auto &br = org.branches[b];
    const auto bp = join_path("organisation.branches", b);
    if (br.id.empty()) problems.add(join_path(bp, "id"), "must not be empty");
    if (!branch_ids.insert(br.id).second)
      problems.add(join_path(bp, "id"), "duplicate branch id " + quoted(br.id));
    if (br.head.empty()) problems.add(join_path(bp, "head"), "name the branch's head");
    if (br.projects.empty())
      problems.add(join_path(bp, "projects"), "a branch has at least one project");
    for (std::size_t p = 0; p < br.projects.size(); ++p) {
      const auto &pr = br.projects[p];
      const auto pp_path = join_path(join_path(bp, "projects"), p);
      if (pr.id.empty()) problems.add(join_path(pp_path, "id"), "must not be empty");
      if (pr.head.empty()) problems.add(join_path(pp_path, "head"), "name the project's head");
      if (const auto it = project_index.find(pr.id); it != project_index.end()) {
        const auto &first = slots[it->second];
        problems.add(join_path(pp_path, "id"),
                     first.branch == b ? "duplicate project id " + quoted(pr.id) + " (first at " +
                                             first.path + ")"
                                       : "project " + quoted(pr.id) + " is already in branch " +
                                             quoted(org.branches[first.branch].id) + " (" +
                                             first.path + "): a project belongs to one branch");
        continue;
      }
      project_slot slot{b, p, pp_path, nullptr};
      // Its standard: named, or the request's default; derived when it selects clauses.
      const std::string sid = pr.standard.value_or(default_standard);
      const standard *base = find_standard(sid);
      if (!base) {
        if (pr.standard)
          problems.add(join_path(pp_path, "standard"),
                       "no standard " + quoted(sid) + " in the request's standards or built in");
      } else if (pr.selection) {
        try {
          auto s = derive_standard(*base, *pr.selection);
          derived.push_back(std::make_unique<compiled_standard>(std::move(s)));
          slot.standard = derived.back().get();
        } catch (const error &e) {
          add_all(problems, join_path(pp_path, "selection"), e);
        }
      } else {
        auto &c = compiled[sid];
        if (!c) {
          try {
            c = std::make_unique<compiled_standard>(*base);
          } catch (const error &) {
            // reported at standards[k] above
          }
        }
        slot.standard = c.get();
      }
      if (slot.standard && full_score(slot.standard->definition()) != full)
        problems.add(join_path(pp_path, pr.selection ? "selection" : "standard"),
                     "the project's standard " + quoted(slot.standard->definition().id) +
                         " is out of " + full_score(slot.standard->definition()).to_string() +
                         " but the pay scale is out of " + full.to_string() +
                         ": derive it with \"derive\": \"rebase\" (or give rebase_to) so that "
                         "every project is scored on one scale");
      project_index.emplace(pr.id, slots.size());
      slots.push_back(std::move(slot));
    }
  }
  const auto known_project = [&](const std::string &id) { return project_index.count(id) > 0; };
  const auto not_in_org = [](const std::string &id) {
    return "no project " + quoted(id) + " in the organisation";
  };

  const date from = period_ok ? per->first() : date(2000, 1, 1);
  const date to = period_ok ? per->last() : date(2000, 1, 1);
  const auto outside = [&](const date &d) { return period_ok && (d < from || d > to); };
  const auto outside_message = [&](const date &d) {
    return format_date(d) + " is outside the period " + req.period + " (" + format_date(from) +
           " to " + format_date(to) + ")";
  };

  // Inspections: each names a known project, an inspector and a date in the period, and is
  // scored against its project's standard.
  std::vector<std::vector<sheet>> sheets(slots.size());
  std::map<std::pair<std::string, std::string>, std::string> inspectors; // → first path
  const auto claim_inspector = [&](const std::string &project, const std::string &inspector,
                                   const std::string &path) {
    if (inspector.empty() || !known_project(project)) return;
    const auto [it, fresh] = inspectors.emplace(std::pair{project, inspector}, path);
    if (!fresh)
      problems.add(path, "inspector " + quoted(inspector) + " already scored project " +
                             quoted(project) + " this period (" + it->second +
                             "): one score per inspector (R-SCORE-1)");
  };
  std::vector<score_result> details(req.inspections.size());
  std::vector<bool> scored(req.inspections.size(), false);
  std::set<std::string> inspection_ids;
  for (std::size_t k = 0; k < req.inspections.size(); ++k) {
    const auto &ins = req.inspections[k];
    const auto ip = join_path("inspections", k);
    if (ins.id.empty())
      problems.add(join_path(ip, "id"), "must not be empty");
    else if (!inspection_ids.insert(ins.id).second)
      problems.add(join_path(ip, "id"), "duplicate inspection id " + quoted(ins.id));
    if (!ins.project)
      problems.add(join_path(ip, "project"), "an assessed inspection names its project");
    else if (!known_project(*ins.project))
      problems.add(join_path(ip, "project"), not_in_org(*ins.project));
    if (!ins.inspector || ins.inspector->empty())
      problems.add(join_path(ip, "inspector"), "an assessed inspection names its inspector");
    else if (ins.project)
      claim_inspector(*ins.project, *ins.inspector, join_path(ip, "inspector"));
    if (!ins.date)
      problems.add(join_path(ip, "date"), "an assessed inspection is dated");
    else if (outside(*ins.date))
      problems.add(join_path(ip, "date"), outside_message(*ins.date));
    if (!ins.carry_over.empty())
      problems.add(join_path(ip, "carry_over"),
                   "give carry-overs in the request's carry_over: each is taken once from its "
                   "project's mean (R-SCORE-3), not from one inspector's sheet");
    if (ins.project && known_project(*ins.project)) {
      const auto *cs = slots[project_index.at(*ins.project)].standard;
      if (cs) {
        try {
          details[k] = cs->score(ins);
          scored[k] = true;
        } catch (const error &e) {
          add_all(problems, ip, e);
        }
      }
    }
  }

  // Already-scored results.
  for (std::size_t k = 0; k < req.scores.size(); ++k) {
    const auto &s = req.scores[k];
    const auto sp = join_path("scores", k);
    if (!known_project(s.project)) problems.add(join_path(sp, "project"), not_in_org(s.project));
    if (s.inspector.empty())
      problems.add(join_path(sp, "inspector"), "must not be empty");
    else
      claim_inspector(s.project, s.inspector, join_path(sp, "inspector"));
    if (s.date && outside(*s.date)) problems.add(join_path(sp, "date"), outside_message(*s.date));
    if (s.score < 0 || s.score > full.value())
      problems.add(join_path(sp, "score"),
                   "must be between 0 and " + full.to_string() + ", got " + to_string(s.score));
  }

  // Carry-overs of this period (R-SCORE-3).
  std::vector<std::vector<carry_over>> carried(slots.size());
  std::set<std::string> orders;
  for (std::size_t k = 0; k < req.carry_over.size(); ++k) {
    const auto &c = req.carry_over[k];
    const auto cp = join_path("carry_over", k);
    if (c.order.empty())
      problems.add(join_path(cp, "order"), "must not be empty");
    else if (!orders.insert(c.order).second)
      problems.add(join_path(cp, "order"),
                   "order " + quoted(c.order) + " is carried over twice: it is deducted once");
    if (c.points <= points{})
      problems.add(join_path(cp, "points"), "must be greater than 0, got " + c.points.to_string());
    if (c.applies_to && *c.applies_to != req.period)
      problems.add(join_path(cp, "applies_to"),
                   "carried into " + *c.applies_to + ", not this period " + req.period);
    if (!known_project(c.project))
      problems.add(join_path(cp, "project"),
                   not_in_org(c.project) + ": a carry-over belongs to its project");
    else
      carried[project_index.at(c.project)].push_back(c);
  }

  // Earlier periods.
  history hist;
  const std::int64_t current = period_ok ? ordinal(*per) : 0;
  for (std::size_t k = 0; k < req.previous.size(); ++k) {
    const auto &pv = req.previous[k];
    const auto vp = join_path("previous", k);
    const auto pp_ = parse_period(pv.period);
    if (!pp_ || pp_->kind != wanted) {
      problems.add(join_path(vp, "period"),
                   quoted(pv.period) + " is not a period of this regime (" +
                       (wanted == period_kind::month ? "YYYY-MM" : "YYYY-H1/H2") + ")");
      continue;
    }
    if (period_ok && ordinal(*pp_) >= current) {
      problems.add(join_path(vp, "period"), pv.period + " is not before " + req.period);
      continue;
    }
    if (!hist.periods.emplace(ordinal(*pp_), &pv).second)
      problems.add(join_path(vp, "period"), "period " + pv.period + " is given twice");
    std::set<std::string> seen;
    for (std::size_t j = 0; j < pv.projects.size(); ++j) {
      const auto &e = pv.projects[j];
      const auto ep = join_path(join_path(vp, "projects"), j);
      if (!known_project(e.project)) problems.add(join_path(ep, "project"), not_in_org(e.project));
      if (!seen.insert(e.project).second)
        problems.add(join_path(ep, "project"), "project " + quoted(e.project) + " given twice");
      if (e.score && (*e.score < 0 || *e.score > full.value()))
        problems.add(join_path(ep, "score"),
                     "must be between 0 and " + full.to_string() + ", got " + to_string(*e.score));
    }
    seen.clear();
    for (std::size_t j = 0; j < pv.branches.size(); ++j) {
      const auto &e = pv.branches[j];
      const auto ep = join_path(join_path(vp, "branches"), j);
      if (!branch_ids.count(e.branch))
        problems.add(join_path(ep, "branch"),
                     "no branch " + quoted(e.branch) + " in the organisation");
      if (!seen.insert(e.branch).second)
        problems.add(join_path(ep, "branch"), "branch " + quoted(e.branch) + " given twice");
      if (e.score && (*e.score < 0 || *e.score > full.value()))
        problems.add(join_path(ep, "score"),
                     "must be between 0 and " + full.to_string() + ", got " + to_string(*e.score));
    }
  }

  // The 整改情况表 (R-CAL-5) is the branch's document (000 二(二)1.4).
  std::optional<rectification_table> rect;
  const business_calendar cal = req.calendar.value_or(business_calendar{});
  const deadline_rules rules = req.rules.value_or(deadline_rules{});
  if (req.rectification) {
    for (std::size_t k = 0; k < req.rectification->events.size(); ++k) {
      const auto &ev = req.rectification->events[k];
      if (ev.project && !known_project(*ev.project))
        problems.add(join_path(join_path("rectification.events", k), "project"),
                     not_in_org(*ev.project));
    }
    if (period_ok && req.regime == assessment_regime::branch) {
      try {
        rect =
            rectification_status_table(req.rectification->events, year_month{per->year, per->index},
                                       req.rectification->as_of.value_or(to), cal, rules);
      } catch (const error &e) {
        add_all(problems, "rectification", e);
      }
    }
    // R-SCORE-3 from the events: each order whose re-inspection failed in the previous
    // assessment period is deducted once in this one (its applies_to is this period).
    if (period_ok && req.rectification->derive_carry_over.value_or(true)) {
      const points each = req.rectification->carry_over_points.value_or(points{2});
      std::vector<year_month> months;
      if (req.regime == assessment_regime::branch) {
        months.push_back(year_month{per->year, per->index}.prev());
      } else {
        const int year = per->index == 1 ? per->year - 1 : per->year;
        for (int m = per->index == 1 ? 7 : 1, n = 0; n < 6; ++m, ++n)
          months.push_back(year_month{year, m});
      }
      std::map<std::string, std::size_t> explicit_orders;
      for (std::size_t k = 0; k < req.carry_over.size(); ++k)
        explicit_orders.emplace(req.carry_over[k].order, k);
      for (const auto &m : months) {
        if (m.year < 1400) continue; // before the first date pmq holds: no events there
        try {
          for (const auto &c :
               carry_overs(req.rectification->events, m, each, cal, rules, req.regime)) {
            if (c.applies_to != req.period) continue;
            if (const auto it = explicit_orders.find(c.order); it != explicit_orders.end()) {
              problems.add(join_path(join_path("carry_over", it->second), "order"),
                           "order " + quoted(c.order) +
                               " is also carried over from rectification.events (re-inspection "
                               "failed in " +
                               format_year_month(m) +
                               "): give it once, or set rectification.derive_carry_over to false");
              continue;
            }
            if (project_index.count(c.project)) carried[project_index.at(c.project)].push_back(c);
          }
        } catch (const error &e) {
          add_all(problems, "rectification", e);
        }
      }
    }
  }
  problems.throw_if_any();

  // --- the scores ---------------------------------------------------------------------------
  for (std::size_t k = 0; k < req.inspections.size(); ++k) {
    if (!scored[k]) continue;
    const auto &ins = req.inspections[k];
    const auto &d = details[k];
    sheet s;
    s.score.inspector = *ins.inspector;
    s.score.inspection = ins.id;
    s.score.date = ins.date;
    s.score.score = d.score;
    s.score.exact = d.exact;
    s.score.passed = d.passed;
    s.score.findings = d.findings;
    s.detail = &d;
    sheets[project_index.at(*ins.project)].push_back(std::move(s));
  }
  for (const auto &g : req.scores) {
    sheet s;
    s.score.inspector = g.inspector;
    s.score.inspection = g.inspection;
    s.score.date = g.date;
    s.score.exact = g.score;
    s.score.score = shown(g.score, req.decimals);
    sheets[project_index.at(g.project)].push_back(std::move(s));
  }

  // Means and carry-overs, exactly, by the roll-up (R-SCORE-1, R-SCORE-2, R-SCORE-3), banded
  // on the exact values when the pay follows a table (R-SCORE-4).
  rollup_input ri;
  ri.decimals = req.decimals;
  if (req.pay.scheme == pay_scheme::table) ri.bands = table;
  for (std::size_t b = 0; b < org.branches.size(); ++b) {
    branch_scores bs;
    bs.id = org.branches[b].id;
    for (const auto &pr : org.branches[b].projects) {
      const auto i = project_index.at(pr.id);
      project_scores ps;
      ps.id = pr.id;
      for (const auto &s : sheets[i])
        if (s.score.exact) ps.scores.push_back(*s.score.exact);
      ps.carry_over = ps.scores.empty() ? std::vector<carry_over>{} : carried[i];
      bs.projects.push_back(std::move(ps));
    }
    ri.branches.push_back(std::move(bs));
  }
  const rollup_result ru = roll_up(ri);

  assessment_result out;
  out.regime = req.regime;
  out.period = req.period;
  out.from = from;
  out.to = to;
  out.pass_mark_exact = pass_mark;
  out.scheme = req.pay.scheme;
  out.decimals = req.decimals;
  out.company.name = org.company;
  out.company.mean = ru.company;
  out.company.all_projects = ru.all_projects;
  out.company.mean.band.reset(); // no one's pay follows the company's mean
  out.company.all_projects.band.reset();
  out.as_previous.period = req.period;

  const std::optional<date> due = req.regime == assessment_regime::branch
                                      ? std::optional<date>(score_summary_deadline(
                                            cal, rules, year_month{per->year, per->index}))
                                      : std::nullopt;
  if (!req.previous.empty() && !hist.periods.count(current - 1)) {
    const period before = [&] {
      period p = *per;
      if (--p.index < 1) {
        --p.year;
        p.index = p.kind == period_kind::month ? 12 : 2;
      }
      return p;
    }();
    assessment_notice n;
    n.kind = assessment_notice_kind::previous_period_missing;
    n.period = before.label();
    out.problems.push_back(std::move(n));
  }

  out.projects.resize(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto &slot = slots[i];
    const auto &pr = org.branches[slot.branch].projects[slot.index];
    const auto &rr = ru.branches[slot.branch].projects[slot.index];
    auto &pa = out.projects[i];
    pa.id = pr.id;
    pa.name = pr.name.value_or(pr.id);
    pa.branch = org.branches[slot.branch].id;
    pa.head = pr.head;
    pa.standard = slot.standard->definition().id;
    for (const auto &s : sheets[i]) {
      pa.inspectors.push_back(s.score);
      if (!s.score.exact) {
        assessment_notice n;
        n.kind = assessment_notice_kind::inspection_no_data;
        n.branch = pa.branch;
        n.project = pa.id;
        n.inspection = s.score.inspection;
        out.problems.push_back(std::move(n));
      }
    }
    pa.inputs = rr.result.inputs;
    pa.carry_over = carried[i];
    for (const auto &c : carried[i])
      pa.carry_over_points += c.points;
    if (rr.result.exact) {
      pa.mean_exact = rr.before_carry_over ? *rr.before_carry_over : *rr.result.exact;
      pa.mean = shown(*pa.mean_exact, req.decimals);
      pa.exact = rr.result.exact;
      pa.score = rr.result.score;
      pa.passed = *pa.exact >= pass_mark;
      pa.pay = pay_of(pa.head, *pa.exact, req.pay.scheme, table, pp);
    } else {
      assessment_notice n;
      n.kind = assessment_notice_kind::project_no_data;
      n.branch = pa.branch;
      n.project = pa.id;
      out.problems.push_back(std::move(n));
      for (const auto &c : carried[i]) {
        assessment_notice m;
        m.kind = assessment_notice_kind::carry_over_not_applied;
        m.branch = pa.branch;
        m.project = pa.id;
        m.order = c.order;
        out.problems.push_back(std::move(m));
      }
    }
    // Items that lost points on any of its sheets, in the standard's order.
    std::set<std::string> failed_set;
    for (const auto &s : sheets[i])
      if (s.detail && s.detail->exact)
        for (const auto &sec : s.detail->sections)
          for (const auto &it : sec.items)
            if (lost_points(it)) failed_set.insert(it.id);
    for (const auto &sec : slot.standard->definition().sections)
      for (const auto &it : sec.items)
        if (failed_set.count(it.id)) pa.failed_items.push_back(it.id);
    std::vector<std::string> run;
    const auto id = pa.id;
    history_of(
        hist, current, pa.exact, pa.passed, pass_mark, req.decimals,
        [&hist, &id](std::int64_t ord) { return hist.project(ord, id); }, pa.trend, pa.change,
        pa.failed_in_row, run, req.period);
    pa.consecutive_failure = pa.failed_in_row >= 2;
    if (pa.consecutive_failure)
      out.consecutive_failures.push_back({failure_subject::project, pa.id, run});
    out.as_previous.projects.push_back({pa.id, pa.exact, pa.passed, pa.failed_items});
  }

  // Ranks: within each branch and in the company; projects without data are unranked.
  {
    std::vector<const fraction *> all;
    std::vector<std::size_t> who;
    for (std::size_t i = 0; i < out.projects.size(); ++i)
      if (out.projects[i].exact) {
        all.push_back(&*out.projects[i].exact);
        who.push_back(i);
      }
    const auto r = ranks(all);
    for (std::size_t k = 0; k < who.size(); ++k)
      out.projects[who[k]].rank_in_company = r[k];
    for (std::size_t b = 0; b < org.branches.size(); ++b) {
      std::vector<const fraction *> in;
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i].branch == b && out.projects[i].exact) {
          in.push_back(&*out.projects[i].exact);
          members.push_back(i);
        }
      const auto rb = ranks(in);
      for (std::size_t k = 0; k < members.size(); ++k)
        out.projects[members[k]].rank_in_branch = rb[k];
    }
  }

  // Branches (R-SCORE-2); in the company regime the branch head's pay moves (000 二(一)1.5).
  out.branches.resize(org.branches.size());
  {
    std::vector<const fraction *> with;
    std::vector<std::size_t> who;
    for (std::size_t b = 0; b < org.branches.size(); ++b) {
      const auto &br = org.branches[b];
      const auto &rb = ru.branches[b];
      auto &ba = out.branches[b];
      ba.id = br.id;
      ba.name = br.name.value_or(br.id);
      ba.head = br.head;
      for (const auto &pr : br.projects)
        ba.projects.push_back(pr.id);
      ba.inputs = rb.result.inputs;
      ba.exact = rb.result.exact;
      ba.score = rb.result.score;
      if (ba.exact) {
        ba.passed = *ba.exact >= pass_mark;
        if (req.regime == assessment_regime::company)
          ba.pay = pay_of(ba.head, *ba.exact, req.pay.scheme, table, pp);
      } else {
        assessment_notice n;
        n.kind = assessment_notice_kind::branch_no_data;
        n.branch = ba.id;
        out.problems.push_back(std::move(n));
      }
      std::vector<std::string> run;
      const auto id = ba.id;
      history_of(
          hist, current, ba.exact, ba.passed, pass_mark, req.decimals,
          [&hist, &id](std::int64_t ord) { return hist.branch(ord, id); }, ba.trend, ba.change,
          ba.failed_in_row, run, req.period);
      ba.consecutive_failure = ba.failed_in_row >= 2;
      if (ba.consecutive_failure)
        out.consecutive_failures.push_back({failure_subject::branch, ba.id, run});
      out.as_previous.branches.push_back({ba.id, ba.exact, ba.passed});
      if (ba.exact) {
        with.push_back(&*ba.exact);
        who.push_back(b);
      }
    }
    const auto r = ranks(with);
    for (std::size_t k = 0; k < who.size(); ++k)
      out.branches[who[k]].rank = r[k];
  }

  // Top and bottom: the best and worst top_n, ties at the cut kept.
  {
    std::vector<std::size_t> ranked;
    for (std::size_t i = 0; i < out.projects.size(); ++i)
      if (out.projects[i].exact) ranked.push_back(i);
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
      return *out.projects[a].exact > *out.projects[b].exact;
    });
    const auto entry = [&](std::size_t i) {
      const auto &p = out.projects[i];
      return standing{p.id, p.branch, *p.rank_in_company, *p.exact, *p.score};
    };
    for (std::size_t k = 0; k < ranked.size(); ++k) {
      if (k >= req.top_n &&
          *out.projects[ranked[k]].exact != *out.projects[ranked[req.top_n - 1]].exact)
        break;
      out.top.push_back(entry(ranked[k]));
    }
    for (std::size_t k = 0; k < ranked.size(); ++k) {
      const auto i = ranked[ranked.size() - 1 - k];
      if (k >= req.top_n &&
          *out.projects[i].exact != *out.projects[ranked[ranked.size() - req.top_n]].exact)
        break;
      out.bottom.push_back(entry(i));
    }
  }

  // The 汇总表 of each branch (R-REP-2), due before the 5th of the next month (R-CAL-5).
  for (std::size_t b = 0; b < org.branches.size(); ++b) {
    summary_table t;
    t.branch = out.branches[b].id;
    t.branch_name = out.branches[b].name;
    t.head = out.branches[b].head;
    t.period = req.period;
    t.due = due;
    t.branch_score = out.branches[b].score;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (slots[i].branch == b) members.push_back(i);
    for (const auto i : members)
      for (const auto &s : out.projects[i].inspectors)
        if (std::find(t.inspectors.begin(), t.inspectors.end(), s.inspector) == t.inspectors.end())
          t.inspectors.push_back(s.inspector);
    std::uint32_t no = 0;
    for (const auto i : members) {
      const auto &p = out.projects[i];
      summary_row row;
      row.no = ++no;
      row.project = p.name;
      row.head = p.head;
      row.scores.assign(t.inspectors.size(), std::nullopt);
      for (const auto &s : p.inspectors) {
        const auto col =
            std::size_t(std::find(t.inspectors.begin(), t.inspectors.end(), s.inspector) -
                        t.inspectors.begin());
        if (s.exact) row.scores[col] = shown(*s.exact, req.decimals);
      }
      row.mean = p.mean;
      if (!p.carry_over.empty()) {
        row.deduction = p.carry_over_points;
        for (const auto &c : p.carry_over)
          row.orders.push_back(c.order);
      }
      row.final_score = p.score;
      row.rank = p.rank_in_branch;
      if (p.pay) row.pay_percent = p.pay->percent;
      if (!p.exact) {
        row.remarks.push_back(summary_remark::no_data);
        if (!p.carry_over.empty()) row.remarks.push_back(summary_remark::carry_over_not_applied);
      }
      if (p.consecutive_failure) row.remarks.push_back(summary_remark::consecutive_failure);
      // When the shown score would decide otherwise than the exact one (26999/300 is shown
      // as 90.00 but is below 90), the row says what was decided on.
      if (p.exact && p.score && p.score->value() != *p.exact) {
        const fraction s = p.score->value();
        bool hidden = (s >= pass_mark) != *p.passed;
        if (req.pay.scheme == pay_scheme::table)
          hidden = hidden || classify(table, s).id != classify(table, *p.exact).id;
        else
          hidden = hidden || per_point_pay(s, pp).pay_reduction_exact !=
                                 per_point_pay(*p.exact, pp).pay_reduction_exact;
        if (hidden) row.remarks.push_back(summary_remark::decided_on_exact);
      }
      row.exact = p.exact;
      t.rows.push_back(std::move(row));
    }
    out.summary_tables.push_back(std::move(t));
  }
  out.rectification = std::move(rect);

  // Quality analysis (R-REP-1): where the points were lost. Each project counts once: the
  // mean, over its scored sheets, of what each item lost on each sheet; the sums are exact.
  {
    auto &an = out.analysis;
    std::map<std::string, loss_sum> by_section, by_item, by_department;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      std::map<std::string, loss_sum> ps, pi, pd;
      std::map<std::string, fraction> sheet_departments;
      std::uint32_t n = 0;
      for (const auto &s : sheets[i]) {
        if (!s.detail) {
          ++an.scores_without_items;
          continue;
        }
        if (!s.detail->exact) continue;
        ++n;
        ++an.sheets;
        for (const auto &sec : s.detail->sections) {
          fraction section_lost = 0;
          for (const auto &it : sec.items) {
            if (!lost_points(it)) continue;
            const fraction lost = it.max_score.value() - it.exact;
            section_lost += lost;
            add_loss(pi, it.id, it.title, lost, 1);
            // The findings' departments share the item's loss equally (R-STD-4); an item
            // without findings is "not stated" ("").
            if (it.findings.empty()) {
              sheet_departments[""] += lost;
            } else {
              const fraction share = lost / static_cast<std::int64_t>(it.findings.size());
              for (const auto &f : it.findings)
                sheet_departments[f.department] += share;
            }
          }
          if (section_lost > 0) add_loss(ps, sec.id, sec.title, section_lost, 1);
        }
        for (const auto &[department, lost] : sheet_departments)
          add_loss(pd, department, department, lost, 1);
        sheet_departments.clear();
      }
      if (n == 0) continue;
      const auto fold = [n](std::map<std::string, loss_sum> &into,
                            const std::map<std::string, loss_sum> &from_project) {
        for (const auto &[key, l] : from_project) {
          auto &t = into[key];
          if (t.title.empty()) t.title = l.title;
          t.exact += l.exact / static_cast<std::int64_t>(n);
          t.sheets += l.sheets;
          ++t.projects;
        }
      };
      fold(by_section, ps);
      fold(by_item, pi);
      fold(by_department, pd);
    }
    an.total_exact = 0;
    for (const auto &[id, l] : by_item)
      an.total_exact += l.exact;
    an.total = shown(an.total_exact, req.decimals);
    an.sections = sorted_losses(by_section, req.decimals);
    an.items = sorted_losses(by_item, req.decimals);
    an.departments = sorted_losses(by_department, req.decimals);
    // The Pareto: the five costliest items, and any tied with the fifth.
    fraction cumulative = 0;
    for (std::size_t k = 0; k < an.items.size(); ++k) {
      const auto &l = an.items[k];
      if (k >= 5 && l.exact != an.items[4].exact) break;
      const fraction share = l.exact / an.total_exact;
      cumulative += share;
      an.pareto.push_back({l.id, l.title, l.exact, l.points, share, shown(share * 100, 1),
                           shown(cumulative * 100, 1)});
    }
    // Repeat findings: an item failed now and in the supplied period(s) right before.
    for (const auto &p : out.projects)
      for (const auto &item : p.failed_items) {
        std::vector<std::string> run{req.period};
        for (std::int64_t ord = current - 1;; --ord) {
          const auto *e = hist.project(ord, p.id);
          if (!e || std::find(e->failed_items.begin(), e->failed_items.end(), item) ==
                        e->failed_items.end())
            break;
          run.insert(run.begin(), hist.periods.at(ord)->period);
        }
        if (run.size() < 2) continue;
        const auto it = by_item.find(item);
        an.repeat_findings.push_back(
            {p.id, item, it != by_item.end() ? it->second.title : std::string(), run});
      }
  }
  return out;
}

assessment_result assess(std::string_view request_json) {
  return assess(assessment_request_from_json(parse_json(request_json)));
}

json to_json(const assessment_result &r) { return to_json_value(r); }

// --- rendering -----------------------------------------------------------------------------

namespace {

std::string cell(const std::optional<points> &p, std::uint32_t decimals) {
  return p ? render(p->value(), int(decimals)) : std::string();
}

std::string remark_text(const summary_row &row, language lang) {
  std::string out;
  for (const auto r : row.remarks) {
    if (!out.empty()) out += lang == language::zh ? "；" : "; ";
    if (r == summary_remark::decided_on_exact && row.exact)
      out += format("decided_on_exact", lang,
                    {to_string(*row.exact) + " = " + render(*row.exact, 4) + "…"});
    else
      out += label(boost::describe::enum_to_string(r, "no_data"), lang);
  }
  return out;
}

// The display width of UTF-8 text in a terminal: East Asian wide and full-width characters
// take two columns.
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
      len = 4;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      len = 3;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    }
    i += len;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

using rows_t = std::vector<std::vector<std::string>>;

// One block of a sheet: a title row, a note row, the header and the rows.
void summary_block(const assessment_result &r, const summary_table &t, language lang, rows_t &out) {
  out.push_back({format("summary_title", lang, {t.branch_name, period_label(t.period, lang)})});
  std::vector<std::string> note{format("branch_head", lang, {t.head})};
  if (t.due) note.push_back(format("due", lang, {format_date(*t.due)}));
  out.push_back(std::move(note));
  std::vector<std::string> header{std::string(label("no", lang)),
                                  std::string(label("project", lang)),
                                  std::string(label("head", lang))};
  for (const auto &name : t.inspectors)
    header.push_back(name);
  for (const char *k : {"mean", "deduction", "final", "rank"})
    header.emplace_back(label(k, lang));
  header.emplace_back(label(r.scheme == pay_scheme::table ? "pay" : "performance_pay", lang));
  header.emplace_back(label("remarks", lang));
  out.push_back(std::move(header));
  for (const auto &row : t.rows) {
    std::vector<std::string> cells{std::to_string(row.no), row.project, row.head};
    for (const auto &s : row.scores)
      cells.push_back(cell(s, r.decimals));
    cells.push_back(cell(row.mean, r.decimals));
    std::string deduction;
    if (row.deduction) {
      deduction = row.deduction->to_string();
      std::string list;
      for (const auto &o : row.orders)
        list += (list.empty() ? "" : ", ") + o;
      deduction += lang == language::zh ? "（" + list + "）" : " (" + list + ")";
    }
    cells.push_back(deduction);
    cells.push_back(cell(row.final_score, r.decimals));
    cells.push_back(row.rank ? std::to_string(*row.rank) : std::string());
    cells.push_back(pay_text(row.pay_percent, r.scheme, lang));
    cells.push_back(remark_text(row, lang));
    out.push_back(std::move(cells));
  }
  if (t.branch_score)
    out.push_back({std::string(label("branch_score", lang)), cell(t.branch_score, r.decimals)});
  else
    out.push_back({std::string(label("branch_score", lang)), std::string(label("no_data", lang))});
}

void rectification_block(const assessment_result &r, const rectification_table &t, language lang,
                         rows_t &out) {
  out.push_back({format("rect_title", lang, {period_label(r.period, lang), format_date(t.as_of)})});
  out.push_back({format("rect_due", lang, {format_date(t.due)})});
  std::vector<std::string> header{std::string(label("branch", lang)),
                                  std::string(label("project", lang))};
  for (const char *k :
       {"rect_issued", "rect_open", "rect_overdue", "rect_on_time", "rect_late", "rect_awaiting",
        "rect_passed", "rect_failed", "rect_second", "rect_penalty"})
    header.emplace_back(label(k, lang));
  out.push_back(std::move(header));
  const auto line = [&](const rectification_row &row, const std::string &branch,
                        const std::string &name) {
    out.push_back({branch, name, std::to_string(row.issued), std::to_string(row.open),
                   std::to_string(row.overdue), std::to_string(row.rectified_on_time),
                   std::to_string(row.rectified_late), std::to_string(row.awaiting_reinspection),
                   std::to_string(row.passed), std::to_string(row.failed),
                   std::to_string(row.second_notices), std::to_string(row.penalty_notices)});
  };
  // In the organisation's order, branch by branch.
  for (const auto &b : r.branches)
    for (const auto &p : r.projects)
      if (p.branch == b.id)
        for (const auto &row : t.rows)
          if (row.project == p.id) line(row, b.name, p.name);
  line(t.total, std::string(label("total", lang)), "");
}

std::string csv_field(const std::string &s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void text_block(const rows_t &rows, std::string &out) {
  // Align the rows that have the most cells (the header and the table's rows).
  std::size_t columns = 0;
  for (const auto &r : rows)
    columns = std::max(columns, r.size());
  std::vector<std::size_t> width(columns, 0);
  for (const auto &r : rows)
    if (r.size() == columns)
      for (std::size_t c = 0; c < columns; ++c)
        width[c] = std::max(width[c], display_width(r[c]));
  for (const auto &r : rows) {
    std::string line;
    if (r.size() != columns) {
      for (const auto &c : r)
        line += (line.empty() ? "" : "  ") + c;
    } else {
      for (std::size_t c = 0; c < columns; ++c) {
        if (c) line += "  ";
        line += r[c];
        if (c + 1 < columns) line.append(width[c] - display_width(r[c]), ' ');
      }
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
    }
    out += line + "\n";
  }
}

} // namespace

std::vector<assessment_sheet> assessment_sheets(const assessment_result &r, language lang) {
  std::vector<assessment_sheet> out;
  assessment_sheet summary{std::string(label("sheet_summary", lang)), {}};
  for (std::size_t b = 0; b < r.summary_tables.size(); ++b) {
    if (b) summary.rows.push_back({});
    summary_block(r, r.summary_tables[b], lang, summary.rows);
  }
  out.push_back(std::move(summary));
  if (r.rectification) {
    assessment_sheet rect{std::string(label("sheet_rectification", lang)), {}};
    rectification_block(r, *r.rectification, lang, rect.rows);
    out.push_back(std::move(rect));
  }
  return out;
}

std::string assessment_csv(const assessment_result &r, language lang, std::size_t sheet_index) {
  const auto sheets = assessment_sheets(r, lang);
  if (sheet_index >= sheets.size())
    throw error(errc::invalid_argument, "sheet",
                "no sheet " + std::to_string(sheet_index) + " (there are " +
                    std::to_string(sheets.size()) + ")");
  std::string out = "\xEF\xBB\xBF"; // the BOM that makes Excel read UTF-8
  for (const auto &row : sheets[sheet_index].rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      out += csv_field(row[c]);
    }
    out += "\r\n";
  }
  return out;
}

std::string notice_text(const assessment_notice &n, const std::string &project,
                        const std::string &branch, language lang) {
  switch (n.kind) {
  case assessment_notice_kind::project_no_data:
    return format("p_project_no_data", lang, {project, branch});
  case assessment_notice_kind::branch_no_data:
    return format("p_branch_no_data", lang, {branch});
  case assessment_notice_kind::inspection_no_data:
    return format("p_inspection_no_data", lang, {n.inspection.value_or(""), project});
  case assessment_notice_kind::carry_over_not_applied:
    return format("p_carry_over_not_applied", lang, {n.order.value_or(""), project});
  case assessment_notice_kind::previous_period_missing:
    return format("p_previous_period_missing", lang, {n.period.value_or("")});
  }
  return {};
}

std::string assessment_text(const assessment_result &r, language lang) {
  std::string out;
  const auto d = r.decimals;
  const auto exact_text = [d](const std::optional<fraction> &v) {
    return v ? render(*v, int(d)) : std::string();
  };
  out += format("report_title", lang,
                {r.company.name, period_label(r.period, lang),
                 std::string(label(r.regime == assessment_regime::branch ? "regime_branch"
                                                                         : "regime_company",
                                   lang))}) +
         "  " + format("pass_mark", lang, {render(r.pass_mark_exact, int(d))}) + "\n\n";
  const auto sheets = assessment_sheets(r, lang);
  for (const auto &s : sheets) {
    rows_t block;
    for (const auto &row : s.rows) {
      if (row.empty()) {
        text_block(block, out);
        out += "\n";
        block.clear();
      } else {
        block.push_back(row);
      }
    }
    text_block(block, out);
    out += "\n";
  }

  out += std::string(label("branches", lang)) + "\n";
  for (const auto &b : r.branches) {
    if (!b.exact) {
      out += "  " + format("branch_line_no_data", lang, {b.name, b.head}) + "\n";
      continue;
    }
    const std::string pay =
        b.pay ? format("branch_pay", lang, {pay_text(b.pay->percent, r.scheme, lang)}) : "";
    out += "  " +
           format("branch_line", lang,
                  {b.name, b.head, exact_text(b.exact), std::to_string(b.rank.value_or(0)), pay}) +
           "\n";
  }
  out += std::string(label("company", lang)) + "\n  " +
         format("company_line", lang,
                {r.company.name,
                 r.company.mean.exact ? exact_text(r.company.mean.exact)
                                      : std::string(label("no_data", lang)),
                 std::to_string(r.company.mean.inputs),
                 r.company.all_projects.exact ? exact_text(r.company.all_projects.exact)
                                              : std::string(label("no_data", lang)),
                 std::to_string(r.company.all_projects.inputs)}) +
         "\n";
  const auto name_of = [&](const std::string &id) {
    for (const auto &p : r.projects)
      if (p.id == id) return p.name;
    return id;
  };
  const auto branch_name = [&](const std::string &id) {
    for (const auto &b : r.branches)
      if (b.id == id) return b.name;
    return id;
  };
  const auto standings = [&](const char *key, const std::vector<standing> &list) {
    out += format(key, lang, {std::to_string(list.size())}) + "\n";
    for (const auto &s : list)
      out += "  " +
             format("standing_line", lang,
                    {std::to_string(s.rank), name_of(s.project), branch_name(s.branch),
                     exact_text(s.exact)}) +
             "\n";
  };
  standings("top", r.top);
  standings("bottom", r.bottom);
  if (!r.consecutive_failures.empty()) {
    out += std::string(label("failures", lang)) + "\n";
    for (const auto &f : r.consecutive_failures) {
      std::string periods;
      for (const auto &p : f.periods)
        periods += (periods.empty() ? "" : ", ") + p;
      out +=
          "  " +
          format("failure_line", lang,
                 {f.kind == failure_subject::project ? name_of(f.subject) : branch_name(f.subject),
                  periods}) +
          "\n";
    }
  }
  const auto &an = r.analysis;
  out += "\n" +
         format("analysis", lang, {render(an.total_exact, int(d)), std::to_string(an.sheets)}) +
         "\n  " + std::string(label("analysis_note", lang)) + "\n";
  out += std::string(label("pareto", lang)) + "\n";
  std::size_t k = 0;
  for (const auto &e : an.pareto)
    out += "  " +
           format("pareto_line", lang,
                  {std::to_string(++k), e.item, e.title, render(e.exact, int(d)),
                   render(e.percent.value(), 1), render(e.cumulative_percent.value(), 1)}) +
           "\n";
  const auto losses = [&](const char *key, const std::vector<loss> &list, bool departments) {
    out += std::string(label(key, lang)) + "\n";
    for (const auto &l : list)
      out += "  " +
             (departments ? format("department_line", lang,
                                   {l.id.empty() ? std::string(label("unspecified", lang)) : l.id,
                                    render(l.exact, int(d))})
                          : format("loss_line", lang, {l.id, l.title, render(l.exact, int(d))})) +
             "\n";
  };
  losses("by_section", an.sections, false);
  losses("by_department", an.departments, true);
  if (!an.repeat_findings.empty()) {
    out += std::string(label("repeats", lang)) + "\n";
    for (const auto &f : an.repeat_findings) {
      std::string periods;
      for (const auto &p : f.periods)
        periods += (periods.empty() ? "" : ", ") + p;
      out +=
          "  " + format("repeat_line", lang, {name_of(f.project), f.item, f.title, periods}) + "\n";
    }
  }
  out += "\n" + std::string(label("problems", lang)) + "\n";
  if (r.problems.empty()) out += "  " + std::string(label("none", lang)) + "\n";
  for (const auto &p : r.problems) {
    const std::string project = p.project ? name_of(*p.project) : std::string();
    const std::string branch = p.branch ? branch_name(*p.branch) : std::string();
    const std::string line = notice_text(p, project, branch, lang);
    out += "  " + line + "\n";
  }
  return out;
}

} // namespace pmq
