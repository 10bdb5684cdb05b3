// Checking a company's own rules: errors, and warnings about what loads but is probably wrong.
#include "pmq/check.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {
pmq::json standard_doc() {
  return pmq::parse_json(R"({"id": "co", "version": "1", "title": "公司标准", "pass_mark": 8,
    "sections": [
      {"id": "BJ", "title": "保洁", "critical_min": 10, "items": [
        {"id": "BJ-01", "title": "楼道", "requirement": "无杂物", "max_score": 6,
         "kind": "deduct", "deduction": 6},
        {"id": "BJ-02", "title": "楼道", "requirement": "", "max_score": 4, "kind": "pass_fail"}]},
      {"id": "LH", "title": "保洁", "items": [
        {"id": "LH-01", "title": "绿化", "requirement": "修剪", "max_score": 5, "kind": "graded",
         "step": 2},
        {"id": "LH-02", "title": "事故", "requirement": "无", "max_score": 0, "kind": "veto",
         "veto_effect": "cap", "veto_cap": 15}]}]})");
}

bool warns(const pmq::check_report &r, const std::string &path, const std::string &fragment) {
  for (const auto &w : r.warnings)
    if (w.path == path && w.message.find(fragment) != std::string::npos) return true;
  return false;
}
} // namespace

TEST_CASE("check: a standard that loads but is probably wrong", "[check][R-STD-1][R-STD-5]") {
  const auto r = pmq::check_document(standard_doc());
  CHECK(r.kind == pmq::document_kind::standard);
  CHECK(r.valid);
  CHECK(r.errors.empty());
  CHECK(warns(r, "sections[0].items[0].deduction", "one defect takes the whole item"));
  CHECK(warns(r, "sections[0].items[1].title", "duplicate item title \"楼道\""));
  CHECK(warns(r, "sections[0].items[1].requirement", "R-STD-3"));
  CHECK(warns(r, "sections[1].title", "duplicate section title"));
  CHECK(warns(r, "sections[1].items[0].step", "cannot give full marks"));
  CHECK(warns(r, "sections[1].items[1].veto_cap", "caps nothing"));
  CHECK(warns(r, "sections[0].critical_min", "a single defect fails"));
}

TEST_CASE("check: pass marks and critical minimums on both sides", "[check][R-STD-5]") {
  auto doc = standard_doc();
  doc["pass_mark"] = 0;
  CHECK(warns(pmq::check_document(doc), "pass_mark", "every inspection passes"));
  doc["pass_mark"] = 15;
  CHECK(warns(pmq::check_document(doc), "pass_mark", "only a perfect inspection passes"));
  doc["pass_mark"] = 14;
  CHECK_FALSE(warns(pmq::check_document(doc), "pass_mark", ""));
  doc["sections"][0]["critical_min"] = 0;
  CHECK(warns(pmq::check_document(doc), "sections[0].critical_min", "can never fail"));
  doc["sections"][0]["critical_min"] = 9;
  CHECK_FALSE(warns(pmq::check_document(doc), "sections[0].critical_min", ""));
}

TEST_CASE("check: errors are reported and warnings not looked for", "[check][R-STD-1]") {
  auto doc = standard_doc();
  doc["pass_mark"] = 120;
  doc["sections"][1]["items"][1].erase("veto_effect");
  const auto r = pmq::check_document(doc);
  CHECK_FALSE(r.valid);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.warnings.empty());
}

TEST_CASE("check: the built-in standards and band tables are clean", "[check][R-STD-6]") {
  for (const auto &id : pmq::builtin_standard_ids()) {
    const auto r = pmq::check_document(pmq::to_json(pmq::builtin_standard(id)));
    CHECK(r.valid);
    CHECK(r.warnings.empty());
  }
  for (const auto &id : pmq::builtin_band_table_ids()) {
    const auto r = pmq::check_document(pmq::to_json(pmq::builtin_band_table(id)));
    CHECK(r.valid);
    CHECK(r.warnings.empty());
  }
}

TEST_CASE("check: band tables whose outcomes go against the score", "[check][R-SCORE-4]") {
  const auto r = pmq::check_document(pmq::parse_json(R"({"id": "t", "title": "t", "min": 0,
    "max": 100, "bands": [
      {"id": "low", "label": "低", "to": 90, "pay_adjustment": 5, "passed": true},
      {"id": "high", "label": "低", "from": 90, "pay_adjustment": 0, "passed": false}]})"));
  CHECK(r.kind == pmq::document_kind::band_table);
  CHECK(warns(r, "bands[1].pay_adjustment", "pays less"));
  CHECK(warns(r, "bands[1].passed", "fails where a lower one passes"));
  CHECK(warns(r, "bands[1].label", "duplicate label"));
}

TEST_CASE("check: KPI definitions, target plans and fee plans", "[check][R-KPI-30][R-KPI-32]") {
  const auto k = pmq::check_document(pmq::parse_json(R"({"id": "k", "name": "k",
    "expression": "a / b", "inputs": [{"name": "a", "description": "a"},
    {"name": "b", "description": "b"}, {"name": "c", "description": "c"}],
    "target": {"op": "ge", "threshold": 101, "unit": "percent"}})"));
  CHECK(k.kind == pmq::document_kind::kpi_definition);
  CHECK(warns(k, "inputs[2].name", "never uses it"));
  CHECK(warns(k, "target.threshold", "no share of a whole"));
  CHECK(warns(k, "no_data_reason", "R-KPI-31"));

  const auto p = pmq::check_document(pmq::parse_json(R"({"company": "c", "year": 2026,
    "targets": [{"key": "A", "kpi": "R-KPI-12", "department": "客服部", "owner": "张三"},
                {"key": "B", "kpi": "R-KPI-12", "department": "客服部", "owner": "李四"}]})"));
  CHECK(p.kind == pmq::document_kind::target_plan);
  CHECK(warns(p, "targets[0].measures", "no measures"));
  CHECK(warns(p, "targets[1].kpi", "the same KPI"));

  const auto f = pmq::check_document(pmq::parse_json(R"({"name": "n", "lines": [
    {"fee_type": "电费欠费", "due": 100, "target_rate": 90},
    {"fee_type": "物业费欠费", "due": 0, "target_rate": 90}]})"));
  CHECK(f.kind == pmq::document_kind::fee_plan);
  CHECK(f.valid);
  CHECK(warns(f, "lines[1].due", "no data"));
  const auto bad = pmq::check_document(pmq::parse_json(R"({"name": "n", "lines": [
    {"fee_type": "电费欠费", "due": 100, "target_rate": 90,
     "collected": [{"month": "2026-04", "amount": 200}]}]})"));
  CHECK_FALSE(bad.valid);
}

TEST_CASE("check: a document of no known kind", "[check][bad-input]") {
  const auto e = pmq_test::error_of([] { pmq::check_document(pmq::parse_json("{\"x\": 1}")); });
  CHECK(e.code() == pmq::errc::invalid_input);
  const auto r = pmq::check_document(standard_doc(), pmq::document_kind::band_table);
  CHECK_FALSE(r.valid);
}
