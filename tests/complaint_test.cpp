#include "pmq/complaint.hpp"

#include "test_support.hpp"

using pmq_test::error_of;
using pmq_test::has_problem;

namespace {

pmq::complaints_report evaluate(const std::string &text) {
  return pmq::evaluate_complaints(pmq::complaints_request_from_json(pmq::parse_json(text)));
}

const char *month = R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
  {"id": "C-1", "category": "urgent_repair", "received": "2026-11-30T08:00+08:00",
   "responded": "2026-11-30T08:30+08:00", "handled": "2026-11-30T09:00+08:00",
   "followed_up": "2026-11-30T10:00+08:00", "satisfied": true},
  {"id": "C-2", "category": "urgent_repair", "received": "2026-11-30T08:00+08:00",
   "responded": "2026-11-30T08:31+08:00", "handled": "2026-11-30T09:00+08:00"},
  {"id": "C-3", "category": "urgent_repair", "received": "2026-11-30T08:00+08:00",
   "responded": "2026-11-30T08:10+08:00", "handled": "2026-11-30T09:01+08:00"},
  {"id": "C-4", "category": "cleaning", "received": "2026-11-29T09:00+08:00",
   "handled": "2026-11-30T09:00+08:00"},
  {"id": "C-5", "category": "service_attitude", "received": "2026-11-29T17:59+08:00"},
  {"id": "C-6", "category": "repair", "received": "2026-11-30T10:00+08:00"},
  {"id": "C-7", "category": "other", "received": "2026-11-30T10:00+08:00", "valid": false},
  {"id": "C-8", "category": "urgent_repair", "received": "2026-11-30T00:00Z",
   "responded": "2026-11-30T08:20+08:00", "handled": "2026-11-30T08:59+08:00"}
]})";

} // namespace

TEST_CASE("R-CAL-10 default classes and their time limits", "[R-CAL-10]") {
  const auto c = pmq::default_complaint_classes();
  REQUIRE(c.front().id == "urgent_repair");
  CHECK(*c.front().respond_minutes == 30);
  CHECK(c.front().handle_minutes == 60);
  for (std::size_t i = 1; i < c.size(); ++i)
    CHECK(c[i].handle_minutes == 1440);
}

TEST_CASE("R-CAL-10 on time or late from timestamps, limits inclusive", "[R-CAL-10]") {
  const auto r = evaluate(month);
  REQUIRE(r.complaints.size() == 8);
  using t = pmq::timeliness;
  CHECK(*r.complaints[0].respond == t::on_time); // exactly 30 minutes
  CHECK(r.complaints[0].handle == t::on_time);   // exactly 60 minutes
  CHECK_FALSE(r.complaints[0].late);
  CHECK(*r.complaints[1].respond == t::late); // 31 minutes
  CHECK(r.complaints[1].late);
  CHECK(r.complaints[2].handle == t::late);    // 61 minutes
  CHECK(r.complaints[3].handle == t::on_time); // exactly 24 hours
  CHECK(r.complaints[4].handle == t::late);    // not handled, 24 h 1 min later
  CHECK(r.complaints[5].handle == t::pending); // not handled, not yet due
  CHECK(r.complaints[7].handle == t::on_time); // offsets differ: 00:00Z = 08:00+08:00
  CHECK(pmq::format_timestamp(r.complaints[7].handle_due) == "2026-11-30T01:00:00Z");
}

TEST_CASE("R-CAL-10 counts for R-KPI-6 / R-KPI-12 and follow-up coverage",
          "[R-CAL-10][R-KPI-6][R-KPI-12]") {
  const auto r = evaluate(month);
  const auto &n = r.counts;
  CHECK(n.complaints == 8);
  CHECK(n.valid_complaints == 7); // C-7 is not a valid complaint
  CHECK(n.handled_on_time == 3);  // C-1, C-4, C-8
  CHECK(n.handled_late == 3);     // C-2, C-3, C-5
  CHECK(n.pending == 1);          // C-6
  CHECK(n.handled == 5);
  CHECK(n.followed_up == 1);
  CHECK(n.not_followed_up == 4);
  CHECK(n.satisfied == 1);
  CHECK(n.not_satisfied == 0);
  CHECK(r.missing_follow_up == std::vector<std::string>{"C-2", "C-3", "C-4", "C-8"});
  const auto j = pmq::to_json(r);
  CHECK(j["counts"]["valid_complaints"] == 7);
  CHECK(j["counts"]["handled_late"] == 3);
}

TEST_CASE("R-CAL-10 classes are data", "[R-CAL-10]") {
  const auto r = evaluate(R"({"as_of": "2026-11-30T18:00+08:00",
    "classes": [{"id": "noise", "title": "噪音", "handle_minutes": 120}],
    "complaints": [{"id": "N", "category": "noise", "received": "2026-11-30T08:00+08:00",
                    "handled": "2026-11-30T10:01+08:00"}]})");
  CHECK(r.complaints[0].handle == pmq::timeliness::late);
  CHECK_FALSE(r.complaints[0].respond);
}

TEST_CASE("R-CAL-10 bad complaints name the field", "[R-CAL-10][bad-input]") {
  auto e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "noise", "received": "2026-11-30T08:00+08:00"}]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "complaints[0].category", "unknown class"));
  // a time without an offset
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00"}]})");
  });
  CHECK(has_problem(e, "complaints[0].received", "UTC offset"));
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00+08:00", "handled": "2026-11-30T07:00+08:00"}]})");
  });
  CHECK(has_problem(e, "complaints[0].handled", "before the complaint was received"));
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00+08:00", "satisfied": true}]})");
  });
  CHECK(has_problem(e, "complaints[0].satisfied", "follow-up"));
  e = error_of(
      [] { evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "classes": [], "complaints": []})"); });
  CHECK(has_problem(e, "classes", "at least one"));
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "classes": [{"id": "x", "title": "x",
      "respond_minutes": 90, "handle_minutes": 60}], "complaints": []})");
  });
  CHECK(has_problem(e, "classes[0].respond_minutes", "1..handle_minutes"));
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "classes": [{"id": "x", "title": "x",
      "handle_minutes": -60}], "complaints": []})");
  });
  CHECK(has_problem(e, "classes[0].handle_minutes", "out of range"));
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-12-01T08:00+08:00"}]})");
  });
  CHECK(has_problem(e, "complaints[0].received", "after as_of"));
}

TEST_CASE("R-CAL-10 offsets no zone uses and moments beyond 9999 are input errors",
          "[R-CAL-10][bad-input]") {
  // issue 9: +14:30 was accepted
  auto e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00+14:30"}]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "complaints[0].received", "-12:00 to +14:00"));
  CHECK(evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00+14:00"}]})")
            .counts.valid_complaints == 1);
  // as_of whose UTC is in the year 10000: an input error naming it, not an internal one
  e = error_of([] {
    evaluate(R"({"as_of": "9999-12-31T23:00-05:00", "complaints": [
      {"id": "C", "category": "other", "received": "2026-11-30T08:00+08:00"}]})");
  });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "as_of", "not a valid time"));
  // minutes are counts: whole numbers
  e = error_of([] {
    evaluate(R"({"as_of": "2026-11-30T18:00+08:00", "classes": [{"id": "x", "title": "x",
      "respond_minutes": 30.5, "handle_minutes": 60}], "complaints": []})");
  });
  CHECK(has_problem(e, "classes[0].respond_minutes", "expected an integer"));
}
