// Words for people, in one place: every label and explanation pmq writes, in Chinese (the
// default) and English, is a row of one messages table (src/explain.cpp) — data, not code
// spread over the concerns. A message is looked up by key and may take arguments {0}, {1}.
//
// Score explanations are produced here from a result's structured fields (defects, the
// item's per-defect deduction, the judged level, the veto), at output time: scoring keeps
// the numbers, explain() writes the words in the language asked for.
#pragma once

#include "pmq/inspection.hpp"
#include "pmq/scoring.hpp"
#include "pmq/standard.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// The language of labels, explanations and rendered tables: Chinese by default.
BOOST_DEFINE_ENUM_CLASS(language, zh, en)

/// "zh" or "en"; empty optional for anything else.
std::optional<language> parse_language(std::string_view text);

/// The message `key` in `lang`; the key itself when there is no such message.
std::string_view message(std::string_view key, language lang);

/// The message with {0}, {1}, ... replaced by the arguments.
std::string message(std::string_view key, language lang, std::initializer_list<std::string> args);

/// Writes every item's and adjustment's explanation of `r` in `lang`, from its structured
/// fields, the standard it was scored against and the carry-overs applied (R-SCORE-3).
void explain(score_result &r, const standard &def, const std::vector<carry_over> &carried,
             language lang);

/// The result's explanations in `lang` (a copy of `r`, explained again).
score_result explained(score_result r, const standard &def, const std::vector<carry_over> &carried,
                       language lang);

} // namespace pmq
