#include "pmq/calendar.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pmq {

namespace {

constexpr long max_search_days = 3660; // ten years without a working day is a broken calendar

weekday weekday_of(const date &d) {
  // Boost counts from Sunday = 0; pmq's weekday counts from Monday.
  return static_cast<weekday>((d.day_of_week().as_number() + 6) % 7);
}

std::string weekday_name(weekday w) {
  json j;
  json_io::write(j, w);
  return j.get<std::string>();
}

const date &last_date() {
  static const date d(9999, 12, 31);
  return d;
}

date plus_days(const date &d, long n) {
  if (n > 0 && (last_date() - d).days() < n)
    throw error(errc::invalid_input, "", "deadline after 9999-12-31");
  if (n < 0 && (d - date(1400, 1, 1)).days() < -n)
    throw error(errc::invalid_input, "", "date before 1400-01-01");
  return d + boost::gregorian::days(n);
}

bool contains(const std::vector<date> &v, const date &d) {
  return std::find(v.begin(), v.end(), d) != v.end();
}

void check_day(std::uint32_t v, const std::string &path, problem_list &problems) {
  if (v < 1 || v > 31) problems.add(path, "a day of the month is 1..31, got " + std::to_string(v));
}

void check_count(std::uint32_t v, const std::string &path, problem_list &problems) {
  if (v < 1 || v > 366) problems.add(path, "must be 1..366 days, got " + std::to_string(v));
}

// The first working day in [from, to], scanning forward; nullopt if none.
std::optional<date> first_working(const business_calendar &c, date from, const date &to) {
  for (; from <= to; from = from + boost::gregorian::days(1))
    if (is_working_day(c, from)) return from;
  return std::nullopt;
}

// A day of a month clamped to its end, moved to the first working day from there; if the
// rest of the month has none, the last working day before it.
std::optional<date> working_day_from(const business_calendar &c, year_month m, std::uint32_t day) {
  const date last = m.last_day();
  const date start =
      std::min(last, date(static_cast<unsigned short>(m.year), static_cast<unsigned short>(m.month),
                          static_cast<unsigned short>(std::min<std::uint32_t>(day, last.day()))));
  if (auto d = first_working(c, start, last)) return d;
  for (date d = start; d >= m.first_day(); d = d - boost::gregorian::days(1))
    if (is_working_day(c, d)) return d;
  return std::nullopt;
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h;
}

void check_request_calendar(const std::optional<business_calendar> &c, problem_list &problems) {
  if (c) check_calendar(*c, "calendar", problems);
}

void check_request_rules(const std::optional<deadline_rules> &r, problem_list &problems) {
  if (r) check_rules(*r, "rules", problems);
}

} // namespace

// --- calendar -----------------------------------------------------------------------------

void check_calendar(const business_calendar &c, const std::string &path, problem_list &problems) {
  if (c.basis == day_basis::calendar_days) {
    if (!c.holidays.empty())
      problems.add(
          join_path(path, "holidays"),
          "holidays need basis \"working_days\" (a calendar_days calendar counts every day)");
    if (!c.workdays.empty())
      problems.add(
          join_path(path, "workdays"),
          "workdays need basis \"working_days\" (a calendar_days calendar counts every day)");
  }
  std::set<weekday> seen;
  for (std::size_t i = 0; i < c.weekend.size(); ++i)
    if (!seen.insert(c.weekend[i]).second)
      problems.add(join_path(join_path(path, "weekend"), i),
                   "duplicate weekend day " + weekday_name(c.weekend[i]));
  if (seen.size() == 7)
    problems.add(join_path(path, "weekend"), "a week needs at least one working day");
  std::set<date> hol;
  for (std::size_t i = 0; i < c.holidays.size(); ++i)
    if (!hol.insert(c.holidays[i]).second)
      problems.add(join_path(join_path(path, "holidays"), i),
                   "duplicate holiday " + format_date(c.holidays[i]));
  std::set<date> work;
  for (std::size_t i = 0; i < c.workdays.size(); ++i) {
    const auto &d = c.workdays[i];
    const auto p = join_path(join_path(path, "workdays"), i);
    if (!work.insert(d).second)
      problems.add(p, "duplicate workday " + format_date(d));
    else if (hol.count(d))
      problems.add(p, format_date(d) + " is also listed as a holiday");
    else if (!seen.count(weekday_of(d)))
      problems.add(p, format_date(d) + " is a " + weekday_name(weekday_of(d)) +
                          ", not a weekend day: a make-up working day (调休) falls on a weekend");
  }
}

void check_rules(const deadline_rules &r, const std::string &path, problem_list &problems) {
  check_count(r.rectification_days, join_path(path, "rectification_days"), problems);
  check_count(r.rectification_working_days, join_path(path, "rectification_working_days"),
              problems);
  check_day(r.plan_day, join_path(path, "plan_day"), problems);
  check_day(r.summary_day, join_path(path, "summary_day"), problems);
  check_day(r.roster_day, join_path(path, "roster_day"), problems);
  check_day(r.supplier_evaluation_day, join_path(path, "supplier_evaluation_day"), problems);
  check_day(r.metered_charges_day, join_path(path, "metered_charges_day"), problems);
  check_count(r.archive_loan_days, join_path(path, "archive_loan_days"), problems);
  check_count(r.archive_loan_working_days, join_path(path, "archive_loan_working_days"), problems);
  if (r.major_days) check_count(*r.major_days, join_path(path, "major_days"), problems);
  if (r.potential_days) check_count(*r.potential_days, join_path(path, "potential_days"), problems);
}

bool is_working_day(const business_calendar &c, const date &d) {
  if (c.basis == day_basis::calendar_days) return true;
  if (contains(c.workdays, d)) return true;
  if (contains(c.holidays, d)) return false;
  return std::find(c.weekend.begin(), c.weekend.end(), weekday_of(d)) == c.weekend.end();
}

date add_working_days(const business_calendar &c, const date &d, std::uint32_t n) {
  if (c.basis == day_basis::calendar_days) return plus_days(d, n);
  date cur = d;
  long idle = 0;
  while (n > 0) {
    cur = plus_days(cur, 1);
    if (is_working_day(c, cur)) {
      --n;
      idle = 0;
    } else if (++idle > max_search_days) {
      throw error(errc::invalid_input, "calendar", "no working day within ten years");
    }
  }
  return cur;
}

date roll_deadline(const business_calendar &c, const date &d) {
  if (c.basis == day_basis::calendar_days || c.roll == roll_rule::none) return d;
  const long step = c.roll == roll_rule::next_working_day ? 1 : -1;
  date cur = d;
  for (long i = 0; !is_working_day(c, cur); ++i) {
    if (i > max_search_days)
      throw error(errc::invalid_input, "calendar", "no working day within ten years");
    cur = plus_days(cur, step);
  }
  return cur;
}

date day_of_month_deadline(const business_calendar &c, const deadline_rules &r, year_month m,
                           std::uint32_t day) {
  const std::uint32_t last = r.before_includes_day ? day : day - 1;
  date raw = m.last_day();
  if (last == 0)
    raw = m.first_day() - boost::gregorian::days(1); // "before the 1st": the previous month's end
  else if (last < raw.day())
    raw = date(static_cast<unsigned short>(m.year), static_cast<unsigned short>(m.month),
               static_cast<unsigned short>(last));
  const date rolled = roll_deadline(c, raw);
  if (rolled.month() == raw.month()) return rolled;
  // Never roll out of the month ("before the 30th" on a Saturday 30 May is Friday 29 May).
  auto back = c;
  back.roll = roll_rule::previous_working_day;
  const date earlier = roll_deadline(back, raw);
  return earlier.month() == raw.month() ? earlier : raw;
}

date rectification_deadline(const business_calendar &c, const deadline_rules &r,
                            const date &received) {
  return c.basis == day_basis::calendar_days
             ? plus_days(received, r.rectification_days)
             : add_working_days(c, received, r.rectification_working_days);
}

date inspection_plan_deadline(const business_calendar &c, const deadline_rules &r,
                              year_month plan_month) {
  return day_of_month_deadline(c, r, plan_month.prev(), r.plan_day);
}

date inspection_plan_approval_deadline(const business_calendar &c, year_month plan_month) {
  // Rolling forward would land in the plan's own month: month end moves back instead.
  date d = plan_month.prev().last_day();
  if (c.basis == day_basis::working_days && c.roll != roll_rule::none)
    for (long i = 0; !is_working_day(c, d) && i < 31; ++i)
      d = plus_days(d, -1);
  return d;
}

date score_summary_deadline(const business_calendar &c, const deadline_rules &r, year_month month) {
  return day_of_month_deadline(c, r, month.next(), r.summary_day);
}

date roster_deadline(const business_calendar &c, const deadline_rules &r, year_month month) {
  return day_of_month_deadline(c, r, month, r.roster_day);
}

date supplier_evaluation_deadline(const business_calendar &c, const deadline_rules &r,
                                  year_month month) {
  return day_of_month_deadline(c, r, month.next(), r.supplier_evaluation_day);
}

date metered_charges_deadline(const business_calendar &c, const deadline_rules &r,
                              year_month month) {
  return day_of_month_deadline(c, r, month, r.metered_charges_day);
}

date archive_loan_due(const business_calendar &c, const deadline_rules &r, const date &borrowed) {
  return c.basis == day_basis::calendar_days
             ? plus_days(borrowed, r.archive_loan_days)
             : add_working_days(c, borrowed, r.archive_loan_working_days);
}

std::vector<deadline_entry> monthly_deadlines(const business_calendar &c, const deadline_rules &r,
                                              year_month month) {
  const auto m = format_year_month(month);
  const auto n = format_year_month(month.next());
  std::vector<deadline_entry> out{
      {"R-OUT-7", "supplier's staff roster for " + m, month, roster_deadline(c, r, month)},
      {"R-CAL-4", "inspection plan for " + n, month.next(),
       inspection_plan_deadline(c, r, month.next())},
      {"R-CAL-4", "approval of the inspection plan for " + n, month.next(),
       inspection_plan_approval_deadline(c, month.next())},
      {"R-CAL-9", "metered charges (secondary water supply, lifts) for " + m, month,
       metered_charges_deadline(c, r, month)},
      {"R-CAL-5", "branch score summary for " + m, month, score_summary_deadline(c, r, month)},
      {"R-CAL-5", "rectification status table for " + m, month,
       score_summary_deadline(c, r, month)},
      {"R-OUT-10", "supplier's monthly evaluation for " + m, month,
       supplier_evaluation_deadline(c, r, month)},
  };
  std::stable_sort(out.begin(), out.end(),
                   [](const deadline_entry &a, const deadline_entry &b) { return a.due < b.due; });
  return out;
}

deadlines_request deadlines_request_from_json(const json &value) {
  auto req = from_json_value<deadlines_request>(value);
  problem_list problems;
  if (req.month.year == 9999 && req.month.month == 12)
    problems.add("month", "its deadlines fall after 9999-12-31, the last date pmq holds");
  check_request_calendar(req.calendar, problems);
  check_request_rules(req.rules, problems);
  problems.throw_if_any();
  return req;
}

// --- archive loans ---------------------------------------------------------------------------

archive_loans_report check_archive_loans(const archive_loans_request &req) {
  problem_list problems;
  check_request_calendar(req.calendar, problems);
  check_request_rules(req.rules, problems);
  for (std::size_t i = 0; i < req.loans.size(); ++i) {
    const auto &l = req.loans[i];
    const auto p = join_path("loans", i);
    if (l.file.empty()) problems.add(join_path(p, "file"), "must not be empty");
    if (l.borrowed.year() == 9999 && l.borrowed.month() == 12)
      problems.add(join_path(p, "borrowed"),
                   "its due date falls after 9999-12-31, the last date pmq holds");
    if (l.borrowed > req.today)
      problems.add(join_path(p, "borrowed"),
                   format_date(l.borrowed) + " is after today (" + format_date(req.today) + ")");
    if (l.returned && *l.returned < l.borrowed)
      problems.add(join_path(p, "returned"), "returned " + format_date(*l.returned) +
                                                 " before it was borrowed (" +
                                                 format_date(l.borrowed) + ")");
    else if (l.returned && *l.returned > req.today)
      problems.add(join_path(p, "returned"),
                   format_date(*l.returned) + " is after today (" + format_date(req.today) + ")");
  }
  problems.throw_if_any();
  const auto cal = req.calendar.value_or(business_calendar{});
  const auto rules = req.rules.value_or(deadline_rules{});
  archive_loans_report out;
  out.today = req.today;
  for (const auto &l : req.loans) {
    loan_status s{l.file, l.borrower, l.borrowed, archive_loan_due(cal, rules, l.borrowed),
                  l.returned};
    const date end = l.returned.value_or(req.today);
    if (end > s.due) s.days_overdue = static_cast<std::uint32_t>((end - s.due).days());
    if (l.returned)
      s.state = s.days_overdue ? loan_state::returned_late : loan_state::returned_on_time;
    else
      s.state = s.days_overdue ? loan_state::overdue : loan_state::on_loan;
    if (s.state == loan_state::overdue) out.overdue.push_back(l.file);
    out.loans.push_back(std::move(s));
  }
  return out;
}

archive_loans_request archive_loans_request_from_json(const json &value) {
  return from_json_value<archive_loans_request>(value); // checked when evaluated
}

// --- randomness ----------------------------------------------------------------------------

seeded_random::seeded_random(std::uint64_t seed, std::string_view stream)
    : gen_(seed ^ fnv1a(stream)) {}

std::uint64_t seeded_random::below(std::uint64_t n) {
  // Values below 2^64 mod n are rejected, so the rest is a whole number of copies of 0..n-1.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t x = gen_();
    if (x >= threshold) return x % n;
  }
}

// --- inspection plans ------------------------------------------------------------------------

namespace {

void check_plan(const plan_request &req, const plan_options &o, problem_list &problems) {
  check_request_calendar(req.calendar, problems);
  if (req.to < req.from)
    problems.add("to", "the period ends (" + format_date(req.to) + ") before it starts (" +
                           format_date(req.from) + ")");
  else if ((req.to - req.from).days() > 730)
    problems.add("to", "a plan covers at most 731 days");
  if (req.from.year() < 1401) problems.add("from", "plans start in 1401 or later");
  if (req.to.year() > 9998) problems.add("to", "plans end in 9998 or earlier");
  if (req.projects.empty()) problems.add("projects", "at least one project is needed");
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < req.projects.size(); ++i) {
    const auto p = join_path("projects", i);
    if (req.projects[i].empty())
      problems.add(p, "must not be empty");
    else if (auto [it, fresh] = seen.emplace(req.projects[i], i); !fresh)
      problems.add(p, "duplicate project \"" + req.projects[i] + "\" (first at projects[" +
                          std::to_string(it->second) + "])");
  }
  if (req.projects.size() > 1000) problems.add("projects", "at most 1000 projects per plan");
  check_day(o.monthly_day, "options.monthly_day", problems);
  check_day(o.joint_day, "options.joint_day", problems);
  if (o.branch_day > 31)
    problems.add("options.branch_day", "a day of the month is 1..31 (0: none)");
  if (o.night_checks_per_month > 31)
    problems.add("options.night_checks_per_month", "at most 31 nights a month");
  if (o.joint_month_of_quarter < 1 || o.joint_month_of_quarter > 3)
    problems.add("options.joint_month_of_quarter", "must be 1, 2 or 3");
  if (o.audit_window_first_month < 1 || o.audit_window_first_month > 6)
    problems.add("options.audit_window_first_month", "must be 1..6 (a month of the half year)");
  if (o.audit_window_last_month < 1 || o.audit_window_last_month > 6)
    problems.add("options.audit_window_last_month", "must be 1..6 (a month of the half year)");
  else if (o.audit_window_last_month < o.audit_window_first_month)
    problems.add("options.audit_window_last_month", "the window ends before it starts");
  if (o.quarterly_day > 31)
    problems.add("options.quarterly_day", "a day of the month is 1..31 (0: none)");
  if (o.year_end_day > 31)
    problems.add("options.year_end_day", "a day of the month is 1..31 (0: none)");
  for (std::size_t i = 0; i < req.special.size(); ++i) {
    const auto &sc = req.special[i];
    const auto p = join_path("special", i);
    if (sc.day < req.from || sc.day > req.to)
      problems.add(join_path(p, "day"), format_date(sc.day) + " is outside the plan (" +
                                            format_date(req.from) + " to " + format_date(req.to) +
                                            ")");
    if (sc.what.empty()) problems.add(join_path(p, "what"), "must not be empty");
    if (sc.project &&
        std::find(req.projects.begin(), req.projects.end(), *sc.project) == req.projects.end())
      problems.add(join_path(p, "project"), "\"" + *sc.project + "\" is not a project of the plan");
  }
  if (req.rules) check_rules(*req.rules, "rules", problems);
}

bool in_range(const date &d, const date &from, const date &to) { return from <= d && d <= to; }

} // namespace

inspection_plan plan_inspections(const plan_request &req) {
  const auto o = req.options.value_or(plan_options{});
  problem_list problems;
  check_plan(req, o, problems);
  problems.throw_if_any();
  const auto cal = req.calendar.value_or(business_calendar{});
  const auto one = boost::gregorian::days(1);

  // (day, level) shared by every project, and per-project (day, project index, level).
  struct raw {
    date day;
    std::size_t project;
    check_level level;
    std::optional<std::string> order{};
    std::optional<date> due{};
    std::optional<std::string> what{};
  };
  std::vector<raw> slots;
  auto all_projects = [&](const date &d, check_level level) {
    for (std::size_t p = 0; p < req.projects.size(); ++p)
      slots.push_back({d, p, level});
  };

  if (o.daily)
    for (date d = req.from; d <= req.to; d = d + one)
      if (is_working_day(cal, d)) all_projects(d, check_level::daily);

  // Weeks start on weekly_on; the week's check is its first working day. A week the plan's
  // start cuts gets its check on its first working day inside the plan (check_in_plan), or
  // none when that day is not the week's regular one (regular_day_only).
  date week = req.from;
  while (weekday_of(week) != o.weekly_on)
    week = week - one;
  for (; week <= req.to; week = week + boost::gregorian::days(7)) {
    const date end = week + boost::gregorian::days(6);
    const auto d = o.partial_weeks == partial_week_rule::check_in_plan
                       ? first_working(cal, std::max(week, req.from), std::min(end, req.to))
                       : first_working(cal, week, end);
    if (d && in_range(*d, req.from, req.to)) all_projects(*d, check_level::weekly);
  }

  const year_month first = month_of(req.from), last = month_of(req.to);
  for (year_month m = first; m <= last; m = m.next()) {
    if (auto d = working_day_from(cal, m, o.monthly_day); d && in_range(*d, req.from, req.to))
      all_projects(*d, check_level::monthly);
    if (o.branch_day > 0)
      if (auto d = working_day_from(cal, m, o.branch_day); d && in_range(*d, req.from, req.to))
        all_projects(*d, check_level::branch_monthly);
    if ((m.month - 1) % 3 + 1 == static_cast<int>(o.joint_month_of_quarter)) {
      if (auto d = working_day_from(cal, m, o.joint_day); d && in_range(*d, req.from, req.to))
        all_projects(*d, check_level::joint_quarterly);
      if (o.quarterly_day > 0)
        if (auto d = working_day_from(cal, m, o.quarterly_day); d && in_range(*d, req.from, req.to))
          all_projects(*d, check_level::quarterly);
    }
    if (m.month == 12 && o.year_end_day > 0)
      if (auto d = working_day_from(cal, m, o.year_end_day); d && in_range(*d, req.from, req.to))
        all_projects(*d, check_level::year_end);
    // Night checks: any night of the month within the period, drawn without replacement.
    const date lo = std::max(m.first_day(), req.from), hi = std::min(m.last_day(), req.to);
    const auto nights = static_cast<std::uint64_t>((hi - lo).days() + 1);
    const auto k = std::min<std::uint64_t>(o.night_checks_per_month, nights);
    for (std::size_t p = 0; p < req.projects.size() && k > 0; ++p) {
      seeded_random rng(req.seed, "night|" + req.projects[p] + "|" + format_year_month(m));
      std::vector<long> pool(nights);
      for (std::uint64_t i = 0; i < nights; ++i)
        pool[i] = static_cast<long>(i);
      for (std::uint64_t i = 0; i < k; ++i) {
        std::swap(pool[i], pool[i + rng.below(nights - i)]);
        slots.push_back({lo + boost::gregorian::days(pool[i]), p, check_level::night});
      }
    }
  }

  // Head-office audits: one per project and half year, on a working day of the window. The
  // draw sees the whole window, never the plan's from/to (R-CAL-2: the date depends on seed,
  // project and half year only), and the plan lists it when it falls inside. Days of the
  // window are drawn until one is a working day: uniform over the working days, and only the
  // days drawn need to be known to the calendar.
  for (int y = first.year; y <= last.year; ++y)
    for (int half = 0; half < 2; ++half) {
      const year_month wfirst{y, half * 6 + static_cast<int>(o.audit_window_first_month)};
      const year_month wlast{y, half * 6 + static_cast<int>(o.audit_window_last_month)};
      const date lo = wfirst.first_day(), hi = wlast.last_day();
      if (hi < req.from || lo > req.to || !first_working(cal, lo, hi)) continue;
      const auto days = static_cast<std::uint64_t>((hi - lo).days() + 1);
      const auto period = std::to_string(y) + (half ? "-H2" : "-H1");
      for (std::size_t p = 0; p < req.projects.size(); ++p) {
        seeded_random rng(req.seed, "audit|" + req.projects[p] + "|" + period);
        date d = lo + boost::gregorian::days(static_cast<long>(rng.below(days)));
        while (!is_working_day(cal, d))
          d = lo + boost::gregorian::days(static_cast<long>(rng.below(days)));
        if (in_range(d, req.from, req.to)) slots.push_back({d, p, check_level::head_office_audit});
      }
    }

  const auto project_index = [&](const std::string &name) {
    return static_cast<std::size_t>(std::find(req.projects.begin(), req.projects.end(), name) -
                                    req.projects.begin());
  };
  for (const auto &sc : req.special) {
    if (sc.project)
      slots.push_back({sc.day, project_index(*sc.project), check_level::special, {}, {}, sc.what});
    else
      for (std::size_t p = 0; p < req.projects.size(); ++p)
        slots.push_back({sc.day, p, check_level::special, {}, {}, sc.what});
  }
  for (auto &f : follow_up_slots(req, cal, problems))
    slots.push_back({f.day, project_index(f.project), f.level, f.order, f.due, {}});
  problems.throw_if_any();

  // Stable: several follow-ups or special checks of one project on one day keep their order.
  std::stable_sort(slots.begin(), slots.end(), [](const raw &a, const raw &b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.project != b.project) return a.project < b.project;
    return a.level < b.level;
  });
  inspection_plan out{req.from, req.to, req.seed, {}};
  out.slots.reserve(slots.size());
  for (const auto &s : slots) {
    const char *rule =
        s.level == check_level::joint_quarterly ? "R-CAL-3"
        : s.level == check_level::head_office_audit || s.level == check_level::branch_monthly
            ? "R-CAL-2"
        : s.level == check_level::follow_up ? "R-CAL-13"
        : s.level == check_level::quarterly || s.level == check_level::year_end ||
                s.level == check_level::special
            ? "R-CAL-14"
            : "R-CAL-1";
    out.slots.push_back({s.day, req.projects[s.project], s.level, rule,
                         s.level == check_level::head_office_audit, s.order, s.due, s.what});
  }
  return out;
}

plan_request plan_request_from_json(const json &value) {
  return from_json_value<plan_request>(value); // checked when planned
}

// --- household visits ------------------------------------------------------------------------

std::vector<household> sample_households(const household_sample_request &req) {
  problem_list problems;
  if (req.households.empty()) problems.add("households", "the list of households is empty");
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < req.households.size(); ++i) {
    const auto p = join_path(join_path("households", i), "id");
    if (req.households[i].id.empty())
      problems.add(p, "must not be empty");
    else if (auto [it, fresh] = seen.emplace(req.households[i].id, i); !fresh)
      problems.add(p, "duplicate household \"" + req.households[i].id + "\" (first at households[" +
                          std::to_string(it->second) + "])");
  }
  if (req.min_count < 1) problems.add("min_count", "must be at least 1");
  if (req.max_count < req.min_count)
    problems.add("max_count",
                 "must not be less than min_count (" + std::to_string(req.min_count) + ")");
  else if (req.count < req.min_count || req.count > req.max_count)
    problems.add("count", "R-CAL-7 visits " + std::to_string(req.min_count) + " to " +
                              std::to_string(req.max_count) + " households, got " +
                              std::to_string(req.count));
  else if (!req.households.empty() && req.households.size() < req.count)
    problems.add("households", "only " + std::to_string(req.households.size()) +
                                   " households to choose " + std::to_string(req.count) + " from");
  problems.throw_if_any();

  std::vector<std::size_t> chosen;
  if (!req.spread_across_buildings) {
    seeded_random rng(req.seed, "households");
    std::vector<std::size_t> pool(req.households.size());
    for (std::size_t i = 0; i < pool.size(); ++i)
      pool[i] = i;
    for (std::size_t i = 0; i < req.count; ++i) {
      std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
      chosen.push_back(pool[i]);
    }
  } else {
    // Buildings in order of first appearance, then shuffled; each building's households
    // shuffled; buildings take turns.
    std::vector<std::string> buildings;
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < req.households.size(); ++i) {
      const auto b = req.households[i].building.value_or("");
      if (!members.count(b)) buildings.push_back(b);
      members[b].push_back(i);
    }
    auto shuffle = [](auto &v, seeded_random &rng) {
      for (std::size_t i = 0; i + 1 < v.size(); ++i)
        std::swap(v[i], v[i + rng.below(v.size() - i)]);
    };
    seeded_random order(req.seed, "households|buildings");
    shuffle(buildings, order);
    for (auto &[b, list] : members) {
      seeded_random rng(req.seed, "households|building|" + b);
      shuffle(list, rng);
    }
    for (std::size_t round = 0; chosen.size() < req.count; ++round)
      for (const auto &b : buildings)
        if (round < members[b].size() && chosen.size() < req.count)
          chosen.push_back(members[b][round]);
  }
  std::sort(chosen.begin(), chosen.end());
  std::vector<household> out;
  for (auto i : chosen)
    out.push_back(req.households[i]);
  return out;
}

household_sample_request household_sample_request_from_json(const json &value) {
  return from_json_value<household_sample_request>(value);
}

json to_json(const std::vector<deadline_entry> &table) { return to_json_value(table); }
json to_json(const archive_loans_report &r) { return to_json_value(r); }
json to_json(const inspection_plan &p) { return to_json_value(p); }
json to_json(const std::vector<household> &sample) { return to_json_value(sample); }

} // namespace pmq
