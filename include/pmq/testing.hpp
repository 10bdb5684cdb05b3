// Unit tests of a company's own rules, in isolation: the engine behind `pmq test cases.json`
// and Python's `pmq.testing`.
//
// A quality department writes cases — "this inspection against our standard scores 94.5 and
// passes", "94.999 is in the +5 % pay band", "40 complaints with one late miss the 100 %
// target" — and runs them whenever a rule changes. A case names its rules (a standard, a
// band table, a KPI definition or a per-point scheme: built in by id, or a document), its
// input and what it expects; running it compares each expectation exactly (decimals and
// fractions, never floating point) and explains the actual result. The formats are in
// docs/testing.md. Documents are given inline here: front ends read the files a case file
// names (paths ending in ".json", relative to the case file) and put their contents in place.
// Serves R-STD-5, R-SCORE-4, R-SCORE-5, R-SCORE-6 and the R-KPI rules, as data.
#pragma once

#include "pmq/error.hpp"
#include "pmq/json.hpp"

#include <string>
#include <vector>

namespace pmq {

/// One expectation that did not hold: the field, what the case expected, what came out.
struct case_failure {
  std::string field;
  std::string expected;
  std::string actual;
};

/// The outcome of one case.
struct case_outcome {
  std::string name;
  std::string kind; ///< "score", "band", "kpi" or "per_point"
  bool passed = false;
  /// Problems with the case itself (a rule that does not load, an input that is invalid, an
  /// unknown expectation): the case is an error, not a failure.
  std::vector<problem> errors;
  std::vector<case_failure> failures;
  std::vector<std::string> explanation; ///< how the actual result came about
  json actual;                          ///< the full result, as the C ABI would return it
};

/// The members of a case (docs/testing.md), read at `path` (e.g. "cases[3]").
///   {"name", "standard"?, "inspection", "bands"?, "expect": {"score"?, "passed"?,
///    "status"?, "band"?, "items"?, "sections"?, "findings"?}}
///   {"name", "bands", "score", "expect": {"band"?, "pay_adjustment"?, "award_eligible"?,
///    "passed"?}}
///   {"name", "kpi", "counts", "target"?, "expect": {"status"?, "rate"?, "gap"?}}
///   {"name", "per_point", "score", "expect": {"passed"?, "points_lost"?, "pay_reduction"?}}
/// A built-in rule is named by its id; any other rule is the document itself.
case_outcome run_case(const json &test_case, const std::string &path = "");

/// Every case of a case file ({"defaults"?: {...}, "cases": [...]}, or the array of cases), in
/// order; each case takes the members of "defaults" it does not give itself.
std::vector<case_outcome> run_cases(const json &case_file);

json to_json(const case_outcome &o);

} // namespace pmq
