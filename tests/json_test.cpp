// The generic JSON reader: every bad-input class gets a clear error with its JSON path.
#include "pmq/json.hpp"
#include "pmq/standard.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace {
pmq::error load_error(const std::string &text) {
  try {
    pmq::load_standard(text);
  } catch (const pmq::error &e) {
    return e;
  }
  FAIL("no error for " << text);
  throw;
}

bool has_problem(const pmq::error &e, const std::string &path, const std::string &fragment) {
  for (const auto &p : e.problems())
    if (p.path == path && p.message.find(fragment) != std::string::npos) return true;
  return false;
}

const std::string good_item =
    R"({"id":"A-1","title":"地面","requirement":"地面无杂物","max_score":10,"kind":"deduct","deduction":1})";
std::string standard_with_item(const std::string &item) {
  return R"({"id":"s","version":"1","title":"t","sections":[{"id":"A","title":"保洁","items":[)" +
         item + "]}]}";
}

// A struct with map members, to test the std::map<std::string, T> overloads.
struct tally {
  std::string name;
  std::map<std::string, std::uint32_t> counts;
  std::map<std::string, std::vector<pmq::money>> fees;
  std::map<std::string, std::uint32_t, std::less<>> extra;
  static constexpr std::array<std::string_view, 1> json_defaulted{"extra"};
};
BOOST_DESCRIBE_STRUCT(tally, (), (name, counts, fees, extra))
} // namespace

TEST_CASE("malformed JSON is a parse error", "[json][bad-input]") {
  for (const char *text : {"", "{", "{\"id\": }", "[1,2", "{\"a\":1}x", "NaN", "{\"a\": NaN}"}) {
    auto e = load_error(text);
    CHECK(e.code() == pmq::errc::parse);
  }
}

TEST_CASE("invalid UTF-8 is a parse error", "[json][bad-input]") {
  auto e = load_error("{\"id\": \"\xff\xfe\"}");
  CHECK(e.code() == pmq::errc::parse);
}

TEST_CASE("deep nesting is refused, not a stack overflow", "[json][bad-input]") {
  std::string deep(100000, '[');
  auto e = load_error(deep);
  CHECK(e.code() == pmq::errc::parse);
  CHECK(std::string(e.what()).find("nested deeper") != std::string::npos);
}

TEST_CASE("missing fields are named by path", "[json][bad-input]") {
  auto e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","kind":"deduct","deduction":1})"));
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "sections[0].items[0].max_score", "missing required field"));
}

TEST_CASE("wrong types are named by path", "[json][bad-input]") {
  auto e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_score":"10","kind":"deduct","deduction":1})"));
  CHECK(has_problem(e, "sections[0].items[0].max_score", "expected a number, got a string"));
  e = load_error(R"({"id":"s","version":"1","title":"t","sections":{}})");
  CHECK(has_problem(e, "sections", "expected an array"));
  e = load_error("[]");
  CHECK(has_problem(e, "", "expected an object"));
}

TEST_CASE("unknown fields and enum values are errors", "[json][bad-input]") {
  auto e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_socre":10,"max_score":10,"kind":"deduct","deduction":1})"));
  CHECK(has_problem(e, "sections[0].items[0].max_socre", "unknown field"));
  e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_score":10,"kind":"bonus"})"));
  CHECK(has_problem(e, "sections[0].items[0].kind", "unknown value \"bonus\""));
}

TEST_CASE("numbers with more decimals than held exactly are errors, not rounded",
          "[json][bad-input]") {
  auto e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_score":10.0001,"kind":"pass_fail"})"));
  CHECK(has_problem(e, "sections[0].items[0].max_score", "more than 3 decimals"));
  e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_score":1e300,"kind":"pass_fail"})"));
  CHECK(has_problem(e, "sections[0].items[0].max_score", "too large"));
  e = load_error(standard_with_item(
      R"({"id":"A-1","title":"x","requirement":"y","max_score":18446744073709551615,"kind":"pass_fail"})"));
  CHECK(has_problem(e, "sections[0].items[0].max_score", "out of range"));
}

TEST_CASE("every problem is reported at once", "[json][bad-input]") {
  auto e =
      load_error(standard_with_item(R"({"id":1,"title":"x","max_score":"a","kind":"deduct"})"));
  CHECK(e.problems().size() >= 3);
  CHECK(has_problem(e, "sections[0].items[0].id", "expected a string"));
  CHECK(has_problem(e, "sections[0].items[0].requirement", "missing"));
  CHECK(has_problem(e, "sections[0].items[0].max_score", "expected a number"));
}

TEST_CASE("a standard round-trips through JSON", "[json][R-STD-1]") {
  const auto s = pmq::load_standard(standard_with_item(good_item));
  const auto again = pmq::load_standard(pmq::to_json(s).dump());
  CHECK(pmq::to_json(again) == pmq::to_json(s));
}

TEST_CASE("maps of strings to values read and write as JSON objects", "[json]") {
  const auto t = pmq::from_json_value<tally>(pmq::parse_json(
      R"({"name": "t", "counts": {"b": 2, "a": 1}, "fees": {"x": [1.5, 2], "y": []}})"));
  CHECK(t.counts == std::map<std::string, std::uint32_t>{{"a", 1}, {"b", 2}});
  CHECK(t.fees.at("x") ==
        std::vector<pmq::money>{pmq::money::from_fen(150), pmq::money::from_fen(200)});
  CHECK(t.fees.at("y").empty());
  CHECK(t.extra.empty());
  const auto j = pmq::to_json_value(t);
  CHECK(j["counts"].dump() == R"({"a":1,"b":2})"); // in key order
  CHECK(j["fees"]["y"] == pmq::json::array());
  CHECK(!j.contains("extra")); // empty and defaulted: left out, as it may be read back
  CHECK(pmq::to_json_value(pmq::from_json_value<tally>(j)) == j);
  CHECK(pmq::from_json_value<tally>(pmq::parse_json(R"({"name": "t", "counts": {}, "fees": {}})"))
            .counts.empty());
  const auto m =
      pmq::from_json_value<std::map<std::string, bool>>(pmq::parse_json(R"({"k": true})"));
  CHECK(m.at("k"));
}

TEST_CASE("map members are strict, with a path for every problem", "[json][bad-input]") {
  pmq::error e(pmq::errc::invalid_input, "", "");
  try {
    pmq::from_json_value<tally>(pmq::parse_json(
        R"({"name": "t", "counts": {"a": -1, "b": "2", "c": 3}, "fees": {"x": [1, 0.001]},
            "extra": []})"));
    FAIL("no error");
  } catch (const pmq::error &caught) {
    e = caught;
  }
  CHECK(e.code() == pmq::errc::invalid_input);
  CHECK(has_problem(e, "counts.a", "out of range"));
  CHECK(has_problem(e, "counts.b", "got a string"));
  CHECK(has_problem(e, "fees.x[1]", "decimals"));
  CHECK(has_problem(e, "extra", "expected an object, got an array"));
  CHECK(e.problems().size() == 4);
  try {
    pmq::from_json_value<std::map<std::string, bool>>(pmq::parse_json("[true]"), "flags");
    FAIL("no error");
  } catch (const pmq::error &caught) {
    CHECK(has_problem(caught, "flags", "expected an object, got an array"));
  }
}

TEST_CASE("parse errors in pmq's words, with line and column", "[json][bad-input]") {
  auto e = load_error("{\"id\": \"x\",\n  \"sections\": [1, }");
  CHECK(e.code() == pmq::errc::parse);
  CHECK(e.problems().front().message ==
        "not valid JSON at line 2, column 19: unexpected '}' (expected a value)");
  e = load_error("{");
  CHECK(e.problems().front().message.rfind(
            "not valid JSON at line 1, column 2: the text ends too early", 0) == 0);
  e = load_error("{\"标题\": \"楼道\" \"x\"}");
  CHECK(e.problems().front().message ==
        "not valid JSON at line 1, column 15: unexpected string (expected '}') in an object");
  for (const char *text : {"", "{", "[1,2", "{\"a\":1}x", "NaN", "{\"id\": \"\xff\"}", "1e999"}) {
    const auto m = load_error(text).problems().front().message;
    CHECK(m.find("json.exception") == std::string::npos);
    CHECK(m.find("not valid JSON at line 1, column ") == 0);
  }
}

TEST_CASE("reading and checking report every problem in one pass", "[json][R-STD-1]") {
  // A type error in one item does not hide a broken rule in another; checks inside the
  // object with the type error are left out (its values are defaults, not the document's).
  const auto e = load_error(R"({"id":"s","version":"1","title":"t","sections":[
    {"id":"A","title":"a","total":99,"items":[{"id":"A-1","title":"x","requirement":"r",
      "max_score":"ten","kind":"deduct","deduction":1}]},
    {"id":"B","title":"b","items":[{"id":"B-1","title":"y","requirement":"r","max_score":-1,
      "kind":"pass_fail"}]}]})");
  REQUIRE(e.problems().size() == 2);
  CHECK(e.problems()[0].path == "sections[0].items[0].max_score");
  CHECK(e.problems()[1].path == "sections[1].items[0].max_score");
  CHECK(e.problems()[1].message.find("greater than 0") != std::string::npos);
}
