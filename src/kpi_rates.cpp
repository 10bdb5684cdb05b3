// The catalogue KPIs R-KPI-1 … R-KPI-13 as named pure functions of counts.
#include "kpi_detail.hpp"

namespace pmq {

using namespace kpi_detail;

namespace {

rate part_of_whole(const char *part_name, std::int64_t part, const char *whole_name,
                   std::int64_t whole, const char *reason) {
  checks c;
  c.count(part_name, part);
  c.count(whole_name, whole);
  c.at_most(part_name, part, whole_name, whole);
  c.done();
  return rate::ratio(fraction(part), fraction(whole), reason);
}

rate whole_minus_part(const char *whole_name, std::int64_t whole, const char *part_name,
                      std::int64_t part, const char *reason) {
  checks c;
  c.count(whole_name, whole);
  c.count(part_name, part);
  c.at_most(part_name, part, whole_name, whole);
  c.done();
  return rate::ratio(fraction(whole - part), fraction(whole), reason);
}
} // namespace

rate document_error_rate(std::int64_t nonconforming, std::int64_t sent) {
  return part_of_whole("nonconforming", nonconforming, "sent", sent, "no documents sent");
}

rate publication_major_errors(std::int64_t major_errors) {
  checks c;
  c.count("major_errors", major_errors);
  c.done();
  return rate::of(fraction(major_errors));
}

rate typo_rate(std::int64_t errors, std::int64_t characters) {
  return part_of_whole("errors", errors, "characters", characters, "no characters published");
}

rate certified_manager_rate(std::int64_t certified, std::int64_t managers) {
  return part_of_whole("certified", certified, "managers", managers,
                       "no middle-and-above managers");
}

rate record_accuracy(std::int64_t records, std::int64_t wrong) {
  return whole_minus_part("records", records, "wrong", wrong, "no supervision records");
}

rate hotline_timeliness(std::int64_t valid_complaints, std::int64_t handled_late) {
  return whole_minus_part("valid_complaints", valid_complaints, "handled_late", handled_late,
                          "no valid complaints");
}

rate followup_satisfaction_manual(std::int64_t valid_complaints, std::int64_t satisfied,
                                  std::int64_t not_satisfied) {
  checks c;
  c.two_parts("satisfied", satisfied, "not_satisfied", not_satisfied, "valid_complaints",
              valid_complaints);
  c.done();
  return rate::ratio(fraction(satisfied - not_satisfied), fraction(valid_complaints),
                     "no valid complaints");
}

rate followup_satisfaction(std::int64_t satisfied, std::int64_t followed_up) {
  return part_of_whole("satisfied", satisfied, "followed_up", followed_up, "no follow-ups");
}

rate training_execution(std::int64_t held, std::int64_t planned) {
  return part_of_whole("held", held, "planned", planned, "no trainings planned");
}

rate reported_problem_timeliness(std::int64_t reported, std::int64_t not_closed_on_time) {
  return whole_minus_part("reported", reported, "not_closed_on_time", not_closed_on_time,
                          "no problems reported");
}

rate overall_satisfaction(std::int64_t questionnaires, std::int64_t items_per_questionnaire,
                          std::int64_t unsatisfied_items) {
  checks c;
  c.count("questionnaires", questionnaires);
  c.count("items_per_questionnaire", items_per_questionnaire);
  c.count("unsatisfied_items", unsatisfied_items);
  c.done();
  const fraction answered =
      exact::mul(fraction(questionnaires), fraction(items_per_questionnaire), "questionnaires");
  if (fraction(unsatisfied_items) > answered)
    throw error(errc::invalid_input, "unsatisfied_items",
                std::to_string(unsatisfied_items) +
                    " is more than questionnaires × items_per_questionnaire (" +
                    exact::to_string(answered) + ")");
  return rate::ratio(exact::sub(answered, fraction(unsatisfied_items)), answered,
                     "no questionnaires returned");
}

rate fee_collection_rate(money collected, money due) {
  checks c;
  if (collected.fen() < 0)
    c.problems.add("collected", "must not be negative, got " + collected.to_string());
  if (due.fen() < 0) c.problems.add("due", "must not be negative, got " + due.to_string());
  if (collected.fen() >= 0 && due.fen() >= 0 && collected > due)
    c.problems.add("collected",
                   collected.to_string() + " is more than due (" + due.to_string() + ")");
  c.done();
  return rate::ratio(fraction(collected.fen()), fraction(due.fen()), "no fees due");
}

rate complaint_timeliness(std::int64_t valid_complaints, std::int64_t handled_late) {
  return whole_minus_part("valid_complaints", valid_complaints, "handled_late", handled_late,
                          "no valid complaints");
}

rate lift_failure_rate(const lift_counts &l, lift_failure_definition d) {
  checks c;
  c.count("lifts", l.lifts);
  c.count("days", l.days);
  c.count("failures", l.failures);
  if (l.failure_hours < 0) c.problems.add("failure_hours", "must not be negative");
  if (l.service_hours < 0) c.problems.add("service_hours", "must not be negative");
  c.done();
  switch (d) {
  case lift_failure_definition::per_lift_day:
    return rate::ratio(fraction(l.failures),
                       exact::mul(fraction(l.lifts), fraction(l.days), "lifts"),
                       "no lifts in service");
  case lift_failure_definition::downtime_share: {
    const fraction hours = exact::mul(fraction(l.lifts), l.service_hours, "service_hours");
    if (l.failure_hours > hours)
      throw error(errc::invalid_input, "failure_hours",
                  "more than lifts × service_hours (" + exact::to_string(hours) + ")");
    return rate::ratio(l.failure_hours, hours, "no lift service hours");
  }
  case lift_failure_definition::per_lift:
    return rate::ratio(fraction(l.failures), fraction(l.lifts), "no lifts");
  }
  throw std::logic_error("pmq: unknown lift_failure_definition");
}

} // namespace pmq
