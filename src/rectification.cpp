#include "pmq/rectification.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace pmq {

namespace {

std::string kind_name(rectification_event_kind k) {
  json j;
  json_io::write(j, k);
  return j.get<std::string>();
}

std::string state_name(rectification_state s) {
  json j;
  json_io::write(j, s);
  return j.get<std::string>();
}

// Fields each kind may carry; anything else is a mistake worth reporting.
void check_event(const rectification_event &e, const std::string &p, problem_list &problems) {
  using k = rectification_event_kind;
  if (e.order.empty()) problems.add(join_path(p, "order"), "must not be empty");
  if (e.date.year() == 9999 && e.date.month() == 12)
    problems.add(join_path(p, "date"),
                 "its deadline falls after 9999-12-31, the last date pmq holds");
  auto only = [&](bool present, const char *field, bool allowed) {
    if (present && !allowed)
      problems.add(join_path(p, field),
                   std::string("not used by a \"") + kind_name(e.kind) + "\" event");
  };
  only(e.project.has_value(), "project", e.kind == k::issued);
  only(e.department.has_value(), "department", e.kind == k::issued);
  only(e.item.has_value(), "item", e.kind == k::issued);
  only(e.received.has_value(), "received", e.kind == k::issued);
  only(e.passed.has_value(), "passed", e.kind == k::reinspected);
  only(e.person.has_value(), "person", e.kind == k::penalty_notice);
  only(e.amount.has_value(), "amount", e.kind == k::penalty_notice);
  only(e.reason.has_value(), "reason", e.kind == k::penalty_notice);
  only(e.due.has_value(), "due",
       e.kind == k::issued || e.kind == k::capa_opened || e.kind == k::capa_verified);
  only(e.days.has_value(), "days", e.kind == k::issued);
  only(e.severity.has_value(), "severity", e.kind == k::issued);
  only(e.responsible.has_value(), "responsible", e.kind == k::issued);
  only(e.scope.has_value(), "scope", e.kind == k::issued);
  only(e.owner.has_value(), "owner", e.kind == k::capa_opened);
  only(e.approver.has_value(), "approver", e.kind == k::capa_opened);
  only(e.effective.has_value(), "effective", e.kind == k::capa_verified);
  if (e.due && *e.due < e.date)
    problems.add(join_path(p, "due"), "due " + format_date(*e.due) + " before the event's date (" +
                                          format_date(e.date) + ")");
  if (e.kind == k::issued) {
    if (e.due && e.days)
      problems.add(join_path(p, "days"), "give the notice's due date or its days, not both");
    if (e.days && (*e.days < 1 || *e.days > 366))
      problems.add(join_path(p, "days"), "must be 1..366 days, got " + std::to_string(*e.days));
    if (e.due && e.received && *e.due >= e.date && *e.due < *e.received)
      problems.add(join_path(p, "due"), "due " + format_date(*e.due) +
                                            " before the notice was received (" +
                                            format_date(*e.received) + ")");
    if (!e.project || e.project->empty())
      problems.add(join_path(p, "project"), "an \"issued\" event names its project");
    if (e.received && *e.received < e.date)
      problems.add(join_path(p, "received"), "received " + format_date(*e.received) +
                                                 " before it was issued (" + format_date(e.date) +
                                                 ")");
  }
  if (e.kind == k::capa_opened) {
    if (!e.owner || e.owner->empty())
      problems.add(join_path(p, "owner"), "a corrective/preventive action names its owner");
    if (!e.approver || e.approver->empty())
      problems.add(join_path(p, "approver"), "a corrective/preventive action names its approver");
    if (!e.due) problems.add(join_path(p, "due"), "a corrective/preventive action has a due date");
  }
  if (e.kind == k::capa_verified) {
    if (!e.effective)
      problems.add(join_path(p, "effective"), "a verification says whether the action worked");
    else if (!*e.effective && !e.due)
      problems.add(join_path(p, "due"),
                   "an action found not effective is reopened with a new due date");
    else if (*e.effective && e.due)
      problems.add(join_path(p, "due"), "only an action found not effective gets a new due date");
  }
  if (e.kind == k::reinspected && !e.passed)
    problems.add(join_path(p, "passed"), "a \"reinspected\" event says whether it passed");
  if (e.kind == k::penalty_notice) {
    if (!e.person || e.person->empty())
      problems.add(join_path(p, "person"), "a penalty notice names the person responsible");
    if (e.amount && *e.amount < money{})
      problems.add(join_path(p, "amount"), "must not be negative, got " + e.amount->to_string());
  }
}

std::string capa_state_name(capa_state s) {
  json j;
  json_io::write(j, s);
  return j.get<std::string>();
}

// R-CAL-11: a notice's deadline counted from `from` — the notice's own days, else the severity's
// default, else R-CAL-6's week. Sets where it came from.
date notice_due(const business_calendar &cal, const deadline_rules &rules, const date &from,
                finding_severity sev, std::optional<std::uint32_t> own_days,
                std::string &due_from) {
  auto n = own_days;
  due_from = "notice";
  if (!n) {
    n = sev == finding_severity::major       ? rules.major_days
        : sev == finding_severity::potential ? rules.potential_days
                                             : std::nullopt;
    due_from = "severity";
  }
  if (!n) {
    due_from = "R-CAL-6";
    return rectification_deadline(cal, rules, from);
  }
  return add_working_days(cal, from, *n);
}

struct tracked {
  order_status s;
  std::optional<std::uint32_t> own_days; // R-CAL-11: the notice's days, kept for a second notice
  std::vector<date> failed_on;
  date first_due;            // R-CAL-6: one week from receipt; later deadlines do not excuse
  std::size_t issued_at = 0; // index of the "issued" event
};

// The one place the state machine lives. Applies the events dated ≤ limit; transition
// problems are added with the event's path.
std::vector<tracked> replay(const std::vector<rectification_event> &events, const date &limit,
                            const business_calendar &cal, const deadline_rules &rules,
                            problem_list &problems) {
  using k = rectification_event_kind;
  using st = rectification_state;
  // Events of each order in date order (stable: same-day events keep their input order).
  std::vector<std::size_t> order(events.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return events[a].date < events[b].date; });
  std::map<std::string, std::size_t> index; // order id → position in out
  std::vector<tracked> out;
  auto advance = [&](order_status &s, const date &d) {
    if ((s.state == st::issued || s.state == st::failed) && d > s.due) s.state = st::overdue;
  };
  for (const auto i : order) {
    const auto &e = events[i];
    if (e.date > limit) continue;
    const auto p = join_path("events", i);
    const auto found = index.find(e.order);
    if (e.kind == k::issued) {
      if (found != index.end()) {
        problems.add(join_path(p, "kind"), "order \"" + e.order + "\" was already issued (events[" +
                                               std::to_string(out[found->second].issued_at) + "])");
        continue;
      }
      tracked t;
      t.issued_at = i;
      t.s.order = e.order;
      t.s.project = e.project.value_or("");
      t.s.department = e.department;
      t.s.item = e.item;
      t.s.description = e.description;
      t.s.issued = e.date;
      t.s.received = e.received.value_or(e.date);
      t.s.severity = e.severity.value_or(finding_severity::ordinary);
      t.s.responsible = e.responsible;
      t.s.scope = e.scope;
      t.own_days = e.days;
      if (e.due) {
        t.s.due = *e.due;
        t.s.due_from = "notice";
      } else {
        t.s.due = notice_due(cal, rules, t.s.received, t.s.severity, e.days, t.s.due_from);
      }
      t.first_due = t.s.due;
      if (t.s.severity != finding_severity::ordinary) t.s.capa = capa_status{};
      index.emplace(e.order, out.size());
      out.push_back(std::move(t));
      continue;
    }
    if (found == index.end()) {
      problems.add(join_path(p, "order"), "order \"" + e.order +
                                              "\" has no \"issued\" event on or before " +
                                              format_date(e.date));
      continue;
    }
    auto &t = out[found->second];
    auto &s = t.s;
    advance(s, e.date);
    const auto refuse = [&](const std::string &why) {
      problems.add(join_path(p, "kind"), "order \"" + e.order + "\" is " + state_name(s.state) +
                                             " on " + format_date(e.date) + ": cannot record \"" +
                                             kind_name(e.kind) + "\" (" + why + ")");
    };
    const auto refuse_capa = [&](const std::string &why) {
      problems.add(join_path(p, "kind"), "order \"" + e.order + "\": cannot record \"" +
                                             kind_name(e.kind) + "\" on " + format_date(e.date) +
                                             " (" + why + ")");
    };
    switch (e.kind) {
    case k::issued:
      break; // handled above
    case k::capa_opened:
      if (s.capa && s.capa->state != capa_state::required)
        refuse_capa("its corrective/preventive action is already " +
                    capa_state_name(s.capa->state));
      else {
        if (!s.capa) s.capa = capa_status{};
        s.capa->state = capa_state::open;
        s.capa->owner = e.owner;
        s.capa->approver = e.approver;
        s.capa->opened = e.date;
        s.capa->due = e.due;
      }
      break;
    case k::capa_implemented:
      if (!s.capa || s.capa->state == capa_state::required)
        refuse_capa("no corrective/preventive action was opened");
      else if (s.capa->state != capa_state::open)
        refuse_capa("its action is " + capa_state_name(s.capa->state) + ", not open");
      else {
        s.capa->state = capa_state::implemented;
        s.capa->implemented = e.date;
      }
      break;
    case k::capa_verified:
      if (!s.capa || s.capa->state == capa_state::required)
        refuse_capa("no corrective/preventive action was opened");
      else if (s.capa->state == capa_state::open)
        refuse_capa("verification before implementation: the action is not reported implemented");
      else if (s.capa->state == capa_state::effective)
        refuse_capa("the action was already verified effective");
      else {
        s.capa->verified = e.date;
        if (*e.effective) {
          s.capa->state = capa_state::effective;
        } else {
          s.capa->state = capa_state::open; // reopened with a new due date
          ++s.capa->reopened;
          s.capa->due = e.due;
          s.capa->implemented.reset();
        }
      }
      break;
    case k::penalty_notice:
      s.penalties.push_back({e.date, e.person.value_or(""), e.amount, e.reason});
      break;
    case k::rectified:
      if (s.state == st::rectified)
        refuse("already reported done, awaiting re-inspection");
      else if (s.state == st::passed)
        refuse("closed: it passed re-inspection");
      else {
        s.rectified_late = e.date > t.first_due;
        s.rectified = e.date;
        s.state = st::rectified;
      }
      break;
    case k::reinspected:
      if (s.state == st::issued || s.state == st::failed)
        refuse("not reported done and not yet overdue (due " + format_date(s.due) + ")");
      else if (s.state == st::passed)
        refuse("closed: it passed re-inspection");
      else if (*e.passed) {
        s.state = st::passed;
        s.reinspected = e.date;
      } else {
        // R-CAL-6 / R-SCORE-3: second notice, circular, a new week from the second notice.
        s.state = st::failed;
        s.reinspected = e.date;
        ++s.failed_reinspections;
        s.second_notice = s.circulated = true;
        s.due = notice_due(cal, rules, e.date, s.severity, t.own_days, s.due_from);
        t.failed_on.push_back(e.date);
      }
      break;
    }
  }
  for (auto &t : out) {
    if (limit != date(boost::gregorian::max_date_time)) advance(t.s, limit);
    if (t.s.state == st::overdue)
      t.s.days_overdue = static_cast<std::uint32_t>((limit - t.s.due).days());
    auto &c = t.s.capa;
    if (c && c->state == capa_state::open && c->due && limit > *c->due &&
        limit != date(boost::gregorian::max_date_time)) {
      c->overdue = true;
      c->days_overdue = static_cast<std::uint32_t>((limit - *c->due).days());
    }
    t.s.closed = t.s.state == st::passed && (!c || c->state == capa_state::effective);
  }
  return out;
}

// Validates every event and the whole history, then replays up to as_of.
std::vector<tracked> checked_replay(const std::vector<rectification_event> &events,
                                    const date &as_of, const business_calendar &cal,
                                    const deadline_rules &rules, problem_list &problems) {
  for (std::size_t i = 0; i < events.size(); ++i)
    check_event(events[i], join_path("events", i), problems);
  problems.throw_if_any();
  replay(events, date(boost::gregorian::max_date_time), cal, rules, problems);
  problems.throw_if_any();
  return replay(events, as_of, cal, rules, problems);
}

void check_options(const std::optional<business_calendar> &c,
                   const std::optional<deadline_rules> &r, problem_list &problems) {
  if (c) check_calendar(*c, "calendar", problems);
  if (r) check_rules(*r, "rules", problems);
}

} // namespace

std::vector<order_status> rectification_states(const std::vector<rectification_event> &events,
                                               const date &as_of, const business_calendar &calendar,
                                               const deadline_rules &rules) {
  problem_list problems;
  auto tracked = checked_replay(events, as_of, calendar, rules, problems);
  std::vector<order_status> out;
  out.reserve(tracked.size());
  for (auto &t : tracked)
    out.push_back(std::move(t.s));
  return out;
}

std::vector<std::string> overdue_capas(const std::vector<order_status> &states) {
  std::vector<std::string> out;
  for (const auto &s : states)
    if (s.capa && s.capa->overdue) out.push_back(s.order);
  return out;
}

std::vector<std::string> overdue_orders(const std::vector<order_status> &states) {
  std::vector<std::string> out;
  for (const auto &s : states)
    if (s.state == rectification_state::overdue) out.push_back(s.order);
  return out;
}

rectification_table rectification_status_table(const std::vector<rectification_event> &events,
                                               year_month month, const date &as_of,
                                               const business_calendar &calendar,
                                               const deadline_rules &rules) {
  if (month.year == 9999 && month.month == 12)
    throw error(errc::invalid_input, "month",
                "its table is due in 10000, after 9999-12-31, the last date pmq holds");
  rectification_table t{month, as_of, score_summary_deadline(calendar, rules, month), {}, {}};
  t.total.project = "*";
  std::map<std::string, rectification_row> rows;
  for (const auto &s : rectification_states(events, as_of, calendar, rules)) {
    if (month_of(s.issued) != month) continue;
    auto &row = rows[s.project];
    row.project = s.project;
    for (auto *r : {&row, &t.total}) {
      ++r->issued;
      switch (s.state) {
      case rectification_state::issued:
        ++r->open;
        break;
      case rectification_state::overdue:
        ++r->overdue;
        break;
      case rectification_state::rectified:
        ++r->awaiting_reinspection;
        break;
      case rectification_state::passed:
        ++r->passed;
        break;
      case rectification_state::failed:
        ++r->failed;
        break;
      }
      if (s.rectified) ++(s.rectified_late ? r->rectified_late : r->rectified_on_time);
      if (s.second_notice) ++r->second_notices;
      if (s.severity == finding_severity::major) ++r->major;
      if (s.severity == finding_severity::potential) ++r->potential;
      if (s.capa && s.capa->state != capa_state::effective) ++r->capa_open;
      if (s.capa && s.capa->overdue) ++r->capa_overdue;
      if (s.closed) ++r->closed;
      r->penalty_notices += static_cast<std::uint32_t>(s.penalties.size());
    }
  }
  for (auto &[name, row] : rows)
    t.rows.push_back(std::move(row));
  return t;
}

std::string next_assessment_period(year_month month, assessment_regime regime) {
  if (regime == assessment_regime::branch) return format_year_month(month.next());
  return month.month <= 6 ? std::to_string(month.year) + "-H2"
                          : std::to_string(month.year + 1) + "-H1";
}

std::vector<carry_over> carry_overs(const std::vector<rectification_event> &events,
                                    year_month month, points points_per_order,
                                    const business_calendar &calendar, const deadline_rules &rules,
                                    assessment_regime regime) {
  if (points_per_order <= points{})
    throw error(errc::invalid_input, "carry_over_points",
                "must be greater than 0, got " + points_per_order.to_string());
  if (month.year == 9999 &&
      (month.month == 12 || (regime == assessment_regime::company && month.month >= 7)))
    throw error(errc::invalid_input, "month",
                "the next assessment after " + format_year_month(month) +
                    " falls after 9999-12-31, the last date pmq holds");
  problem_list problems;
  const auto tracked = checked_replay(events, month.last_day(), calendar, rules, problems);
  const auto applies_to = next_assessment_period(month, regime);
  const char *circulated =
      regime == assessment_regime::branch ? "circulated branch-wide" : "circulated company-wide";
  std::vector<carry_over> out;
  for (const auto &t : tracked) {
    std::vector<date> in_month;
    for (const auto &d : t.failed_on)
      if (month_of(d) == month) in_month.push_back(d);
    if (in_month.empty()) continue;
    std::string reason = "R-SCORE-3: re-inspection on " + format_date(in_month.front());
    for (std::size_t i = 1; i < in_month.size(); ++i)
      reason += ", " + format_date(in_month[i]);
    reason += " found the rectification of " + t.s.project +
              (t.s.item ? " item " + *t.s.item : "") + " not done (second notice, " + circulated +
              "); deducted at the project's next assessment, " + applies_to;
    out.push_back({t.s.order, t.s.project, t.s.department, points_per_order, reason, applies_to});
  }
  return out;
}

rectification_status_report rectification_status(const rectification_status_request &req) {
  problem_list problems;
  check_options(req.calendar, req.rules, problems);
  problems.throw_if_any();
  rectification_status_report out;
  out.as_of = req.as_of;
  out.orders =
      rectification_states(req.events, req.as_of, req.calendar.value_or(business_calendar{}),
                           req.rules.value_or(deadline_rules{}));
  out.overdue = overdue_orders(out.orders);
  out.overdue_capas = overdue_capas(out.orders);
  return out;
}

rectification_report rectification_monthly_report(const rectification_report_request &req) {
  problem_list problems;
  check_options(req.calendar, req.rules, problems);
  if (req.as_of && *req.as_of < req.month.first_day())
    problems.add("as_of", format_date(*req.as_of) + " is before the month " +
                              format_year_month(req.month) + " starts");
  if (req.carry_over_points && *req.carry_over_points <= points{})
    problems.add("carry_over_points",
                 "must be greater than 0, got " + req.carry_over_points->to_string());
  const auto regime = req.regime.value_or(assessment_regime::branch);
  if (req.month.year == 9999 && req.month.month == 12)
    problems.add("month", "its table is due in 10000, after 9999-12-31, the last date pmq holds");
  else if (req.month.year == 9999 && req.month.month >= 7 && regime == assessment_regime::company)
    problems.add("month",
                 "the next half-year assessment falls after 9999-12-31, the last date pmq holds");
  problems.throw_if_any();
  const auto cal = req.calendar.value_or(business_calendar{});
  const auto rules = req.rules.value_or(deadline_rules{});
  return {rectification_status_table(req.events, req.month,
                                     req.as_of.value_or(req.month.last_day()), cal, rules),
          carry_overs(req.events, req.month, req.carry_over_points.value_or(points{2}), cal, rules,
                      regime)};
}

// --- consecutive failures ---------------------------------------------------------------------

namespace {

// A period's first and last day; nullopt when the text is none of the accepted forms.
std::optional<std::pair<date, date>> period_span(std::string_view s) {
  if (auto d = parse_date(s)) return std::pair{*d, *d};
  if (auto m = parse_year_month(s)) return std::pair{m->first_day(), m->last_day()};
  if (s.size() < 4) return std::nullopt;
  const auto year = parse_year_month(std::string(s.substr(0, 4)) + "-01");
  if (!year) return std::nullopt;
  if (s.size() == 4)
    return std::pair{year->first_day(), date(static_cast<unsigned short>(year->year), 12, 31)};
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  const int n = s[6] - '0';
  if (s[5] == 'H' && (n == 1 || n == 2)) {
    const year_month first{year->year, n == 1 ? 1 : 7};
    return std::pair{first.first_day(), year_month{year->year, first.month + 5}.last_day()};
  }
  if (s[5] == 'Q' && n >= 1 && n <= 4) {
    const year_month first{year->year, (n - 1) * 3 + 1};
    return std::pair{first.first_day(), year_month{year->year, first.month + 2}.last_day()};
  }
  return std::nullopt;
}

} // namespace

std::vector<consecutive_failure> consecutive_failures(const consecutive_failures_request &req) {
  problem_list problems;
  struct entry {
    date start, end;
    bool failed;
    std::size_t index;
  };
  std::vector<std::string> subjects;
  std::map<std::string, std::vector<entry>> by_subject;
  for (std::size_t i = 0; i < req.assessments.size(); ++i) {
    const auto &a = req.assessments[i];
    const auto p = join_path("assessments", i);
    bool ok = true;
    if (a.subject.empty()) {
      problems.add(join_path(p, "subject"), "must not be empty");
      ok = false;
    }
    const auto span = period_span(a.period);
    if (!span) {
      problems.add(join_path(p, "period"),
                   "\"" + a.period +
                       "\" is not a period (expected YYYY, YYYY-Hn, YYYY-Qn, "
                       "YYYY-MM or YYYY-MM-DD)");
      ok = false;
    }
    if (a.score && a.passed) {
      problems.add(join_path(p, "passed"), "give score or passed, not both");
      ok = false;
    } else if (!a.score && !a.passed) {
      problems.add(p, "give score or passed");
      ok = false;
    } else if (a.score && (a.score->value < 0 || a.score->value > 1000000)) {
      problems.add(join_path(p, "score"),
                   "must be between 0 and 1000000, got " + to_string(a.score->value));
      ok = false;
    }
    if (!ok) continue;
    const bool failed = a.score ? a.score->value < req.pass_threshold.value() : !*a.passed;
    if (!by_subject.count(a.subject)) subjects.push_back(a.subject);
    by_subject[a.subject].push_back({span->first, span->second, failed, i});
  }
  for (auto &[subject, list] : by_subject) {
    std::stable_sort(list.begin(), list.end(),
                     [](const entry &a, const entry &b) { return a.start < b.start; });
    for (std::size_t k = 1; k < list.size(); ++k)
      if (list[k].start <= list[k - 1].end)
        problems.add(join_path(join_path("assessments", list[k].index), "period"),
                     "\"" + req.assessments[list[k].index].period + "\" overlaps \"" +
                         req.assessments[list[k - 1].index].period +
                         "\" of the same subject (assessments[" +
                         std::to_string(list[k - 1].index) + "])");
  }
  problems.throw_if_any();
  std::vector<consecutive_failure> out;
  for (const auto &subject : subjects) {
    const auto &list = by_subject[subject];
    for (std::size_t k = 1; k < list.size(); ++k)
      if (list[k].failed && list[k - 1].failed &&
          (req.gaps == gap_rule::ignored ||
           list[k].start == list[k - 1].end + boost::gregorian::days(1)))
        out.push_back({subject, req.assessments[list[k - 1].index].period,
                       req.assessments[list[k].index].period,
                       "two consecutive failed assessments: public reprimand and penalty "
                       "(通报批评并处罚, R-SCORE-6)"});
  }
  return out;
}

void read(const json &j, assessment_score &out, const std::string &path, problem_list &problems) {
  json_io::read(j, out.value, path, problems); // the exact-value reader: numbers or "26999/300"
}

void write(json &j, const assessment_score &v) {
  if (const auto p = points::exactly(v.value))
    json_io::write(j, *p);
  else
    j = to_string(v.value);
}

rectification_status_request rectification_status_request_from_json(const json &value) {
  return from_json_value<rectification_status_request>(value);
}
rectification_report_request rectification_report_request_from_json(const json &value) {
  return from_json_value<rectification_report_request>(value);
}
consecutive_failures_request consecutive_failures_request_from_json(const json &value) {
  return from_json_value<consecutive_failures_request>(value);
}

json to_json(const rectification_status_report &r) { return to_json_value(r); }
json to_json(const rectification_report &r) { return to_json_value(r); }
json to_json(const std::vector<consecutive_failure> &r) { return to_json_value(r); }
json to_json(const std::vector<carry_over> &r) { return to_json_value(r); }

} // namespace pmq
