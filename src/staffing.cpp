#include "pmq/staffing.hpp"

#include "pmq/calendar.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pmq {

namespace g = boost::gregorian;

date add_years(const date &d, std::uint32_t years) {
  if (int(d.year()) + std::int64_t(years) > 9999)
    throw error(errc::invalid_input, "",
                format_date(d) + " + " + std::to_string(years) +
                    " years is after 9999-12-31, the last date pmq holds");
  const int y = int(d.year()) + int(years);
  if (d.month() == 2 && d.day() == 29 && !g::gregorian_calendar::is_leap_year(y))
    return date(y, 3, 1);
  return date(y, d.month(), d.day());
}

date subtract_months(const date &d, std::uint32_t months) {
  const std::int64_t total64 = std::int64_t(d.year()) * 12 + int(d.month()) - 1 - months;
  if (total64 < 1400 * 12)
    throw error(errc::invalid_input, "",
                format_date(d) + " − " + std::to_string(months) +
                    " months is before 1400-01-01, the first date pmq holds");
  const int total = int(total64);
  const int y = total / 12, m = total % 12 + 1;
  const int last = g::gregorian_calendar::end_of_month_day(y, m);
  return date(y, m, std::min<int>(d.day(), last));
}

std::uint32_t age_on(const date &birth, const date &on) {
  if (on < birth)
    throw error(errc::invalid_argument, "",
                "the reference date " + format_date(on) + " is before the birth date " +
                    format_date(birth));
  std::uint32_t years = std::uint32_t(on.year() - birth.year());
  if (years > 0 && add_years(birth, years) > on) --years;
  return years;
}

std::optional<age_range> age_range_for(role_kind kind, const staffing_rules &rules) {
  for (const auto &r : rules.age_ranges)
    if (r.kind == kind) return r;
  return std::nullopt;
}

std::vector<std::uint32_t> vacancy_runs(std::uint32_t headcount,
                                        const std::vector<std::uint32_t> &present) {
  std::vector<std::uint32_t> runs;
  std::uint32_t run = 0;
  for (auto p : present) {
    if (p < headcount) {
      ++run;
    } else if (run) {
      runs.push_back(run);
      run = 0;
    }
  }
  if (run) runs.push_back(run);
  return runs;
}

namespace {
// round(n / d) half up for n ≥ 0, d > 0, without overflow for any uint64 inputs below.
__extension__ typedef unsigned __int128 u128;

std::int64_t div_half_up(u128 n, u128 d) {
  const u128 q = n / d, r = n % d;
  return std::int64_t(r * 2 >= d ? q + 1 : q);
}
} // namespace

money settle_by_attendance(money fee, std::uint64_t attended, std::uint64_t contracted) {
  if (contracted == 0)
    throw error(errc::invalid_argument, "",
                "no contracted person-days: the pro-rata fee has no data");
  if (attended > contracted)
    throw error(errc::invalid_argument, "", "attended person-days exceed the contracted ones");
  if (fee < money{}) throw error(errc::invalid_argument, "", "the fee must not be negative");
  return money::from_fen(div_half_up(u128(fee.fen()) * attended, contracted));
}

bool manager_notice_in_time(const date &notice, const date &change, std::uint32_t months) {
  return notice <= subtract_months(change, months);
}

bool roster_on_time(const date &submitted, std::uint32_t year, std::uint32_t month,
                    const staffing_rules &rules) {
  // One reading of "before the Nth" across pmq: the calendar's deadline rule (R-OUT-7).
  deadline_rules r;
  r.before_includes_day = rules.roster_due_day_inclusive;
  r.roster_day = rules.roster_due_day;
  return submitted <= roster_deadline(business_calendar{}, r, year_month{int(year), int(month)});
}

std::uint32_t missing_patrol_records(std::uint32_t records, std::uint32_t minimum) {
  return records >= minimum ? 0 : minimum - records;
}

std::vector<problem> check_staffing_rules(const staffing_rules &r, const std::string &base) {
  problem_list out;
  if (r.roster_due_day < 1 || r.roster_due_day > 31)
    out.add(join_path(base, "roster_due_day"),
            "must be 1..31, got " + std::to_string(r.roster_due_day));
  if (r.vacancy_grace_days > 366)
    out.add(join_path(base, "vacancy_grace_days"), "must be at most 366");
  if (r.min_patrols_per_day > 1000)
    out.add(join_path(base, "min_patrols_per_day"), "must be at most 1000");
  if (r.manager_notice_months > 120)
    out.add(join_path(base, "manager_notice_months"), "must be at most 120");
  std::set<role_kind> seen;
  for (std::size_t i = 0; i < r.age_ranges.size(); ++i) {
    const auto p = join_path(join_path(base, "age_ranges"), i);
    const auto &a = r.age_ranges[i];
    if (a.min_age > a.max_age)
      out.add(join_path(p, "min_age"), "min_age " + std::to_string(a.min_age) +
                                           " exceeds max_age " + std::to_string(a.max_age));
    if (!seen.insert(a.kind).second)
      out.add(join_path(p, "kind"), "a second age range for the same role kind");
  }
  return out.items();
}

namespace {
bool valid_month(std::uint32_t year, std::uint32_t month) {
  return year >= 1400 && year <= 9999 && month >= 1 && month <= 12;
}
} // namespace

std::vector<problem> check_staffing_month(const staffing_month &m, const std::string &base,
                                          const staffing_rules &rules) {
  problem_list out;
  const auto at = [&](const std::string &member) { return join_path(base, member); };
  if (m.supplier.empty()) out.add(at("supplier"), "must not be empty");
  if (m.year < 1400 || m.year > 9999)
    out.add(at("year"), "must be 1400..9999, got " + std::to_string(m.year));
  if (m.month < 1 || m.month > 12)
    out.add(at("month"), "must be 1..12, got " + std::to_string(m.month));
  const bool month_ok = valid_month(m.year, m.month);
  const std::uint32_t days =
      month_ok ? g::gregorian_calendar::end_of_month_day(int(m.year), int(m.month)) : 0;
  const date first = month_ok ? date(int(m.year), int(m.month), 1) : date(2000, 1, 1);
  const date last = month_ok ? date(int(m.year), int(m.month), int(days)) : date(2000, 1, 1);

  if (m.contract.empty()) out.add(at("contract"), "a contract needs at least one role");
  std::map<std::string, std::size_t> roles;
  for (std::size_t i = 0; i < m.contract.size(); ++i) {
    const auto p = join_path(at("contract"), i);
    const auto &q = m.contract[i];
    if (q.role.empty())
      out.add(join_path(p, "role"), "must not be empty");
    else if (!roles.emplace(q.role, i).second)
      out.add(join_path(p, "role"), "duplicate role \"" + q.role + "\"");
    if (q.headcount == 0)
      out.add(join_path(p, "headcount"), "must be greater than 0");
    else if (q.headcount > 100000)
      out.add(join_path(p, "headcount"), "must be at most 100000");
  }

  std::set<std::string> staff;
  for (std::size_t i = 0; i < m.roster.size(); ++i) {
    const auto p = join_path(at("roster"), i);
    const auto &s = m.roster[i];
    if (s.id.empty())
      out.add(join_path(p, "id"), "must not be empty");
    else if (!staff.insert(s.id).second)
      out.add(join_path(p, "id"), "duplicate staff id \"" + s.id + "\"");
    if (!roles.count(s.role))
      out.add(join_path(p, "role"), "no role \"" + s.role + "\" in the contract");
    if (month_ok && s.birth_date > first)
      out.add(join_path(p, "birth_date"),
              "born after the month begins (" + format_date(s.birth_date) + ")");
  }

  std::set<std::string> attended;
  for (std::size_t i = 0; i < m.attendance.size(); ++i) {
    const auto p = join_path(at("attendance"), i);
    const auto &a = m.attendance[i];
    if (!roles.count(a.role))
      out.add(join_path(p, "role"), "no role \"" + a.role + "\" in the contract");
    else if (!attended.insert(a.role).second)
      out.add(join_path(p, "role"), "attendance for \"" + a.role + "\" given twice");
    if (month_ok && a.present.size() != days)
      out.add(join_path(p, "present"), "expected one count per day of the month (" +
                                           std::to_string(days) + "), got " +
                                           std::to_string(a.present.size()));
    for (std::size_t d = 0; d < a.present.size(); ++d)
      if (a.present[d] > 1000000)
        out.add(join_path(join_path(p, "present"), d), "implausibly large head count");
  }
  for (const auto &[role, i] : roles)
    if (!attended.count(role)) out.add(at("attendance"), "no attendance for role \"" + role + "\"");

  std::set<std::string> logged;
  for (std::size_t i = 0; i < m.patrols.size(); ++i) {
    const auto p = join_path(at("patrols"), i);
    const auto &l = m.patrols[i];
    if (!staff.count(l.staff))
      out.add(join_path(p, "staff"), "no staff \"" + l.staff + "\" on the roster");
    else if (!logged.insert(l.staff).second)
      out.add(join_path(p, "staff"), "patrols of \"" + l.staff + "\" given twice");
    if (month_ok && l.records.size() != days)
      out.add(join_path(p, "records"), "expected one entry per day of the month (" +
                                           std::to_string(days) + "), got " +
                                           std::to_string(l.records.size()));
  }

  for (std::size_t i = 0; i < m.changes.size(); ++i) {
    const auto p = join_path(at("changes"), i);
    const auto &c = m.changes[i];
    if (!roles.count(c.role))
      out.add(join_path(p, "role"), "no role \"" + c.role + "\" in the contract");
    if (!c.left && !c.joined)
      out.add(join_path(p, "left"), "a change names who left, who joined, or both");
    if (!month_ok) continue;
    if (c.date > last)
      out.add(join_path(p, "date"), "after the month (" + format_date(c.date) + ")");
    else if (c.manager && c.date.year() != int(m.year))
      out.add(join_path(p, "date"),
              "manager changes are counted per calendar year: give this year's only");
    else if (!c.manager && c.date < first)
      out.add(join_path(p, "date"),
              "staff changes before the month are not counted: give this month's only");
    else if (c.manager && c.date >= first &&
             std::int64_t(c.date.year()) * 12 + int(c.date.month()) - 1 -
                     rules.manager_notice_months <
                 1400 * 12)
      out.add(join_path(p, "date"), "its notice deadline (" +
                                        std::to_string(rules.manager_notice_months) +
                                        " months before) falls before 1400-01-01");
  }

  std::set<std::string> carried;
  for (std::size_t i = 0; i < m.carried_vacancies.size(); ++i) {
    const auto p = join_path(at("carried_vacancies"), i);
    const auto &v = m.carried_vacancies[i];
    if (!roles.count(v.role))
      out.add(join_path(p, "role"), "no role \"" + v.role + "\" in the contract");
    else if (!carried.insert(v.role).second)
      out.add(join_path(p, "role"), "a second open vacancy for \"" + v.role +
                                        "\": a run of short days is one vacancy per role");
    if (month_ok && v.since >= first)
      out.add(join_path(p, "since"), format_date(v.since) +
                                         " is not before the month: a carried vacancy began in "
                                         "an earlier month and was open on its last day");
  }
  return out.items();
}

namespace {
void count(std::vector<incident_count> &totals, incident kind, std::uint32_t n) {
  for (auto &t : totals)
    if (t.kind == kind) {
      t.count += n;
      return;
    }
  totals.push_back({kind, n, std::nullopt});
}
} // namespace

staffing_result check_staffing(const staffing_month &m, const staffing_rules &rules) {
  auto problems = check_staffing_rules(rules, "rules");
  auto more = check_staffing_month(m, "", rules);
  problems.insert(problems.end(), more.begin(), more.end());
  throw_if_any(std::move(problems));

  staffing_result r;
  r.supplier = m.supplier;
  r.year = m.year;
  r.month = m.month;
  r.days = g::gregorian_calendar::end_of_month_day(int(m.year), int(m.month));
  const date first(int(m.year), int(m.month), 1);
  const date last(int(m.year), int(m.month), int(r.days));
  auto violate = [&](const char *rule, incident kind, std::string subject, std::optional<date> on,
                     std::uint32_t n, std::string message) {
    r.violations.push_back({rule, kind, std::move(subject), on, n, std::move(message)});
  };

  // R-OUT-5: vacancies and attendance, per role.
  std::map<std::string, const role_quota *> quota;
  for (const auto &q : m.contract)
    quota[q.role] = &q;
  for (const auto &q : m.contract) {
    const auto &a = *std::find_if(m.attendance.begin(), m.attendance.end(),
                                  [&](const role_attendance &x) { return x.role == q.role; });
    role_staffing rs;
    rs.role = q.role;
    rs.headcount = q.headcount;
    rs.contracted_person_days = std::uint64_t(q.headcount) * r.days;
    // A run open on the previous month's last day goes on counting (R-OUT-5's three days may
    // cross the month end); it is one violation, in the month its grace runs out.
    std::int64_t run = 0;
    for (const auto &v : m.carried_vacancies)
      if (v.role == q.role) run = (first - v.since).days();
    bool late_day = false;
    for (std::uint32_t d = 0; d < r.days; ++d) {
      const auto p = a.present[d];
      rs.attended_person_days += std::min(p, q.headcount);
      if (p < q.headcount) {
        ++rs.vacancy_days;
        if (++run > std::int64_t(rules.vacancy_grace_days)) late_day = true;
        if (run == std::int64_t(rules.vacancy_grace_days) + 1) {
          ++rs.late_vacancies;
          const date start = first + g::days(d) - g::days(run - 1);
          violate("R-OUT-5", incident::unfilled_vacancy, q.role, first + g::days(d), 1,
                  "vacancy since " + format_date(start) + " not filled within " +
                      std::to_string(rules.vacancy_grace_days) + " days (" + std::to_string(p) +
                      " of " + std::to_string(q.headcount) + " on site)");
        }
      } else {
        run = 0;
      }
    }
    if (run > 0) r.open_vacancies.push_back({q.role, last - g::days(run - 1)});
    r.contracted_person_days += rs.contracted_person_days;
    r.attended_person_days += rs.attended_person_days;
    r.settle_by_attendance = r.settle_by_attendance || late_day;
    if (rs.late_vacancies) count(r.incidents, incident::unfilled_vacancy, rs.late_vacancies);
    r.roles.push_back(rs);
  }

  // R-OUT-6: manager changes in the calendar year; notice, interview, handover.
  std::vector<const staff_change *> managers;
  for (const auto &c : m.changes)
    if (c.manager) managers.push_back(&c);
  std::stable_sort(managers.begin(), managers.end(),
                   [](const staff_change *a, const staff_change *b) { return a->date < b->date; });
  for (std::size_t k = 0; k < managers.size(); ++k) {
    const auto &c = *managers[k];
    if (c.date < first) continue; // counted above, judged in its own month
    const std::string who = c.joined.value_or(c.left.value_or(c.role));
    if (k + 1 > rules.max_manager_changes_per_year)
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "manager change no. " + std::to_string(k + 1) + " this year (at most " +
                  std::to_string(rules.max_manager_changes_per_year) + ")");
    if (!c.notice_date)
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "no written notice recorded");
    else if (!manager_notice_in_time(*c.notice_date, c.date, rules.manager_notice_months))
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "notice on " + format_date(*c.notice_date) + ", later than " +
                  format_date(subtract_months(c.date, rules.manager_notice_months)));
    if (c.interviewed != true)
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "newcomer not interviewed by the client");
    if (!c.handover_start)
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "no handover recorded");
    else if (*c.handover_start > c.date ||
             std::uint32_t((c.date - *c.handover_start).days()) < rules.manager_handover_days)
      violate("R-OUT-6", incident::manager_change_violation, who, c.date, 1,
              "handover from " + format_date(*c.handover_start) + " is shorter than " +
                  std::to_string(rules.manager_handover_days) + " days");
  }

  // R-OUT-7: roster in time; staff changes in the month.
  if (!m.roster_submitted)
    violate("R-OUT-7", incident::late_roster, m.supplier, std::nullopt, 1, "no roster submitted");
  else if (!roster_on_time(*m.roster_submitted, m.year, m.month, rules))
    violate("R-OUT-7", incident::late_roster, m.supplier, m.roster_submitted, 1,
            "roster submitted on " + format_date(*m.roster_submitted) + ", due " +
                (rules.roster_due_day_inclusive ? "by the " : "before the ") +
                std::to_string(rules.roster_due_day) + "th");
  std::vector<date> in_month;
  for (const auto &c : m.changes)
    if (c.date >= first && c.date <= last) in_month.push_back(c.date);
  std::sort(in_month.begin(), in_month.end());
  if (in_month.size() > rules.max_staff_changes_per_month) {
    const auto excess = std::uint32_t(in_month.size() - rules.max_staff_changes_per_month);
    violate("R-OUT-7", incident::excess_staff_changes, m.supplier,
            in_month[rules.max_staff_changes_per_month], excess,
            std::to_string(in_month.size()) + " staff changes this month (at most " +
                std::to_string(rules.max_staff_changes_per_month) + ")");
  }

  // R-OUT-8: ages on the first day of the month, certificates.
  for (const auto &s : m.roster) {
    const auto &q = *quota.at(s.role);
    if (const auto range = age_range_for(q.kind, rules)) {
      const auto age = age_on(s.birth_date, first);
      if (age < range->min_age || age > range->max_age)
        violate("R-OUT-8", incident::age_out_of_range, s.id, first, 1,
                "aged " + std::to_string(age) + ", outside " + std::to_string(range->min_age) +
                    "–" + std::to_string(range->max_age) + " for " + q.role);
    }
    if (q.certificate_required && !s.certified)
      violate("R-OUT-8", incident::missing_certificate, s.id, std::nullopt, 1,
              q.role + " without the required certificate");
  }

  // R-OUT-9: patrols.
  for (const auto &s : m.roster) {
    if (!s.patrols) continue;
    const auto log = std::find_if(m.patrols.begin(), m.patrols.end(),
                                  [&](const patrol_log &l) { return l.staff == s.id; });
    std::uint32_t missing = 0, short_days = 0;
    if (log == m.patrols.end()) {
      missing = rules.min_patrols_per_day * r.days;
      short_days = rules.min_patrols_per_day ? r.days : 0;
    } else {
      for (const auto &day : log->records)
        if (day) {
          const auto n = missing_patrol_records(*day, rules.min_patrols_per_day);
          missing += n;
          short_days += n ? 1 : 0;
        }
    }
    if (missing)
      violate("R-OUT-9", incident::missing_patrol_record, s.id, std::nullopt, missing,
              std::to_string(missing) + " patrol records missing on " + std::to_string(short_days) +
                  (short_days == 1 ? " day" : " days") +
                  (log == m.patrols.end() ? " (no patrol log)" : ""));
  }

  // Totals per kind, in the enum's order.
  std::vector<incident_count> totals;
  for (const auto &v : r.violations)
    if (v.kind != incident::unfilled_vacancy) count(totals, v.kind, v.count);
  for (const auto &t : totals)
    count(r.incidents, t.kind, t.count);
  std::stable_sort(
      r.incidents.begin(), r.incidents.end(),
      [](const incident_count &a, const incident_count &b) { return a.kind < b.kind; });
  return r;
}

staffing_month load_staffing_month(std::string_view json_text) {
  auto m = from_json_text<staffing_month>(json_text);
  // Checks that depend on the rules (a notice period reaching before 1400) wait for them.
  staffing_rules lenient;
  lenient.manager_notice_months = 0;
  throw_if_any(check_staffing_month(m, "", lenient));
  return m;
}

staffing_rules load_staffing_rules(std::string_view json_text) {
  auto r = from_json_text<staffing_rules>(json_text);
  throw_if_any(check_staffing_rules(r));
  return r;
}

json to_json(const staffing_result &r) { return to_json_value(r); }

} // namespace pmq
