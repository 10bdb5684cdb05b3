// The error contract where issue 10 found it broken (docs/reliability.md): each test is named
// for the defect it guards. The C ABI's side (stale messages, typed counts) is in
// tests/c/contract_regressions_test.c; the bad-input catalogue in tests/c/invalid_catalogue_test.c.
#include "pmq/inspection.hpp"
#include "pmq/json.hpp"
#include "pmq/kpi.hpp"
#include "pmq/standard.hpp"
#include "pmq/supplier.hpp"

#include "test_support.hpp"

#include <string>

using namespace pmq_test;

namespace {
const std::string item_prefix =
    R"({"id":"s","version":"1","title":"t","sections":[{"id":"A","title":"保洁","items":[{"id":"A-1","title":"x","requirement":"y","kind":"pass_fail","max_score":)";
const std::string item_suffix = "}]}]}";

pmq::error parse_error_of(const std::string &text, const std::string &base = "") {
  return error_of([&] { pmq::parse_json(text, base); });
}

// An inspection of the built-in standard with n findings on one deduct item (~95 bytes each).
std::string inspection_with_findings(std::size_t n) {
  std::string s = R"({"id":"big","responses":[{"item":"BJ-01","defects":0,"findings":[)";
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ',';
    s += R"({"description":"楼道堆放杂物 )" + std::to_string(i) +
         R"(","location":"3号楼","time":"2026-11-18T09:05+08:00","department":"保洁部"})";
  }
  return s + "]}]}";
}
} // namespace

TEST_CASE("defect 3: a supplier bar ending after 9999-12-31 is an input error at its date",
          "[R-OUT-11][issue10][bad-input]") {
  pmq::yearly_review y;
  y.year = 9999;
  y.decided = *pmq::parse_date("9999-12-31");
  y.suppliers.push_back({"A", {pmq::points{50}}, {}});
  auto e = error_of([&] { pmq::evaluate_year(y); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "decided", "ends after 9999-12-31"));

  pmq::bid_query q;
  q.supplier = "A";
  q.on = *pmq::parse_date("9999-12-30");
  q.decisions.push_back({"A", *pmq::parse_date("9999-01-01"), pmq::bar_reason::unqualified, {}});
  e = error_of([&] { pmq::may_bid(q); });
  CHECK(has_problem(e, "decisions[0].decided", "ends after 9999-12-31"));
  // The last bar that fits still works: 2 years from 9997-12-31 run through 9999-12-30.
  q.decisions[0].decided = *pmq::parse_date("9997-12-31");
  CHECK_FALSE(pmq::may_bid(q).may_bid);
  e = error_of([&] { pmq::bar_for(q.decisions[0], pmq::bar_rules{5, 5}); });
  CHECK(has_problem(e, "decided", "a bar of 5 years"));
}

TEST_CASE("defect 4: error texts are valid UTF-8 and never hide behind a NUL",
          "[issue10][bad-input]") {
  CHECK(pmq::message_text("ok 中文") == "ok 中文");
  CHECK(pmq::message_text(std::string("a\0b", 3)) == "a\\u0000b");
  CHECK(pmq::message_text("\xff") == "\xEF\xBF\xBD");
  CHECK(pmq::message_text("\xE4\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // a cut-off sequence
  CHECK(pmq::message_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  CHECK(pmq::message_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong
  const pmq::error e(pmq::errc::invalid_input, std::string("\0", 1), "");
  CHECK(e.path() == "\\u0000");
  CHECK(e.problems().front().message == "invalid input"); // never an empty message
  CHECK(std::string(e.what()) == "\\u0000: invalid input");
  // A key of "\u0000" in a document: the path names it visibly.
  const auto u = error_of([] { pmq::load_inspection(R"({"id":"x","responses":[],"\u0000":1})"); });
  CHECK(has_problem(u, "\\u0000", "unknown field"));
}

TEST_CASE("defect 5: numbers with more digits than a double holds are refused, not rounded",
          "[issue10][bad-input]") {
  // 89.99999999999999999 reads as the double 90: a score under a pass mark would pass.
  auto e = error_of([] { pmq::load_standard(item_prefix + "89.99999999999999999" + item_suffix); });
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "sections[0].items[0].max_score", "more digits than pmq reads exactly"));
  e = error_of([] {
    pmq::quantities_from_json(pmq::parse_json(R"({"a": 0.1230000000000000001})"), "counts");
  });
  CHECK(has_problem(e, "a", "number 0.1230000000000000001"));
  e = parse_error_of(R"({"values": [1, 123456789012345678901234]})");
  CHECK(has_problem(e, "values[1]", "more digits"));
  e = parse_error_of("[1e-400]"); // underflows to 0
  CHECK(has_problem(e, "[0]", "more digits"));
  e = parse_error_of("{\"a\": 0.1000000000000000000001}", "values");
  CHECK(has_problem(e, "values.a", "more digits"));
  // What a double holds exactly as written is read as written.
  for (const char *ok : {"0.1", "89.999", "1e300", "-0.0", "1E2", "0.30000000000000004",
                         "123456789012345", "0.000001", "5e-324", "18446744073709551615"})
    CHECK_NOTHROW(pmq::parse_json(std::string("[") + ok + "]"));
  CHECK(pmq::load_standard(item_prefix + "89.999" + item_suffix).sections[0].items[0].max_score ==
        pmq::points::from_milli(89999));
  // Long number texts are shortened in the message.
  e = parse_error_of("[0." + std::string(5000, '1') + "]");
  CHECK(e.problems().front().message.size() < 200);
}

TEST_CASE("defect 6: parsing is linear, 64,000 findings in one pass", "[issue10]") {
  const auto work_for = [](const std::string &text) {
    pmq::detail::parse_work w;
    pmq::detail::parse_json_counting(text, "", 64, w);
    return w;
  };
  const std::string small = inspection_with_findings(1000);
  const std::string big = inspection_with_findings(64000);
  REQUIRE(big.size() > 6'000'000);
  const auto ws = work_for(small), wb = work_for(big);
  // Work per finding is the same at 1,000 and 64,000: 5 values and 4 keys each, and one key
  // comparison for each key at most (a hash probe, never a rescan of the object or array).
  CHECK(wb.values <= 64 * ws.values + 64);
  CHECK(wb.keys <= 64 * ws.keys + 64);
  CHECK(wb.key_comparisons <= wb.keys);
  CHECK(wb.values < big.size() / 16);
  // One object of 64,000 keys: duplicate detection stays one probe per key.
  std::string wide = "{";
  for (int i = 0; i < 64000; ++i)
    wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  wide += "}";
  const auto ww = work_for(wide);
  CHECK(ww.keys == 64000);
  CHECK(ww.key_comparisons <= 64000);
  // And the whole load (parse, then read into structs) takes the big document.
  CHECK(pmq::load_inspection(big).responses.at(0).findings.size() == 64000);
}

TEST_CASE("defect 7: duplicate keys are refused with their path, never last-one-wins",
          "[issue10][bad-input]") {
  auto e = parse_error_of(R"({"valid_complaints":40, "handled_late":1, "handled_late":0})");
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "handled_late", "duplicate key"));
  e = parse_error_of(R"({"a":{"b":[{"x":1},{"x":1,"y":2,"x":3}]}})");
  CHECK(has_problem(e, "a.b[1].x", "duplicate key"));
  e = parse_error_of(R"({"k":1,"k":1})", "values");
  CHECK(has_problem(e, "values.k", "duplicate key"));
  // Many keys, the duplicate last: found through the hash index too.
  std::string wide = "{";
  for (int i = 0; i < 100; ++i)
    wide += "\"k" + std::to_string(i) + "\":0,";
  wide += "\"k7\":1}";
  CHECK(has_problem(parse_error_of(wide), "k7", "duplicate key"));
  // The same key in different objects is no duplicate.
  CHECK_NOTHROW(pmq::parse_json(R"([{"x":1},{"x":2,"y":{"x":3}}])"));
  e = error_of([] { pmq::load_inspection(R"({"id":"x","responses":[{"item":"A","item":"B"}]})"); });
  CHECK(has_problem(e, "responses[0].item", "duplicate key"));
}

TEST_CASE("deep nesting is refused at its path", "[issue10][bad-input]") {
  const auto e = parse_error_of(R"({"a":[)" + std::string(100, '[') + std::string(100, ']') + "]}");
  CHECK(e.code() == pmq::errc::parse);
  CHECK(std::string(e.what()).find("nested deeper than 64") != std::string::npos);
  CHECK(e.path().rfind("a[0]", 0) == 0);
  CHECK_NOTHROW(pmq::parse_json(std::string(64, '[') + std::string(64, ']')));
}
