// Exact rates and the KPI expression language (custom KPIs as data).
//
// A rate is an exact fraction or "no data" with a reason (R-KPI-31): a zero denominator
// is neither 0 % nor 100 %. An expression is a small, safe formula over named counts —
// `(valid - late) / valid`, `min(a, b)`, `if(done >= planned, 1, 0)` — parsed and checked
// once (syntax errors and unknown names are reported with their position), then evaluated
// exactly in big-integer fractions (no overflow, whatever the values) and a zero divisor
// yields no data. The catalogue of
// R-KPI-1 … R-KPI-13 (kpi.hpp) is written in this language, so a company can add its own.
//
// Grammar (whitespace is free; `×` `÷` `−` are accepted for `*` `/` `-`):
//   expr    := sum [ ("<" | "<=" | ">" | ">=" | "==" | "!=") sum ]
//   sum     := product { ("+" | "-") product }
//   product := unary { ("*" | "/") unary }
//   unary   := "-" unary | primary
//   primary := number | name | name "(" expr { "," expr } ")" | "(" expr ")"
// number: a decimal such as 100 or 0.5 (exact); name: [A-Za-z_][A-Za-z0-9_]*; functions:
// min(a, b, …), max(a, b, …), if(condition, then, else). A comparison is 1 when true and 0
// when false; `if` takes its `then` branch when the condition is not 0 and evaluates only
// the branch it takes. Any operand that is "no data" makes the result "no data".
#pragma once

#include "pmq/error.hpp"
#include "pmq/numeric.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// Exact arithmetic on fractions (big-integer rationals: no overflow whatever the size).
namespace exact {
fraction add(const fraction &a, const fraction &b, std::string_view what = "");
fraction sub(const fraction &a, const fraction &b, std::string_view what = "");
fraction mul(const fraction &a, const fraction &b, std::string_view what = "");
/// b must not be zero (callers turn a zero divisor into "no data" first).
fraction div(const fraction &a, const fraction &b, std::string_view what = "");
/// "197/200", "3", "-1/2".
std::string to_string(const fraction &f);
/// Parses a plain decimal ("98", "0.125", "-3") exactly; empty optional otherwise
/// (at most 60 digits).
std::optional<fraction> parse_decimal(std::string_view text);
} // namespace exact

/// A value that may be "no data" (R-KPI-31). Rates, counts and scores alike are exact
/// fractions until rendered.
class rate {
public:
  /// "no data" with the reason "no data".
  rate() : reason_("no data") {}
  static rate of(fraction v) {
    rate r;
    r.value_ = v;
    r.reason_.clear();
    return r;
  }
  static rate no_data(std::string reason) {
    rate r;
    r.reason_ = std::move(reason);
    return r;
  }
  /// numerator ÷ denominator, or no data (with `reason`) when the denominator is zero.
  static rate ratio(const fraction &numerator, const fraction &denominator,
                    std::string reason = "denominator is zero");

  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }
  /// The exact value; throws std::logic_error when there is no data.
  const fraction &value() const;
  /// Why there is no data ("" when there is a value).
  const std::string &reason() const { return reason_; }
  /// The value rendered as a percentage (× 100) to `places`, or "no data".
  std::string percent(int places = 2) const;

  bool operator==(const rate &o) const { return value_ == o.value_; }

private:
  std::optional<fraction> value_;
  std::string reason_;
};

/// Named inputs of an expression: exact non-negative quantities (counts, yuan, m², hours).
using quantities = std::map<std::string, fraction, std::less<>>;

/// A compiled expression: immutable, shareable between threads.
class expression {
public:
  static constexpr int default_max_depth = 200;

  /// Parses `text`. When `known` is given, every name must be in it; otherwise the names
  /// used become the expression's inputs. Throws pmq::error(errc::invalid_input) under
  /// `path` with messages such as "unknown name \"lates\" at position 9" or
  /// "expected \")\" at position 14"; nesting deeper than `max_depth` is an error, not a
  /// crash.
  static expression parse(std::string_view text, const std::vector<std::string> *known = nullptr,
                          const std::string &path = "expression",
                          int max_depth = default_max_depth);

  expression(const expression &);
  expression &operator=(const expression &);
  expression(expression &&) noexcept;
  expression &operator=(expression &&) noexcept;
  ~expression();

  const std::string &text() const;
  /// The names the expression reads, sorted, each once.
  const std::vector<std::string> &names() const;

  /// Evaluates exactly. A missing name is an error at `path.name`; an overflow is an
  /// error; a zero divisor gives no data, with `no_data_reason` when one is given.
  rate evaluate(const quantities &values, const std::string &path = "counts",
                const std::string &no_data_reason = "") const;

  /// Evaluates with the values given by position, one per name in the order of names():
  /// no map is built, so one expression evaluates many times cheaply. A count other than
  /// names().size() is an error at `path`.
  rate evaluate(std::span<const fraction> values, const std::string &path = "values") const;

private:
  struct impl;
  explicit expression(std::shared_ptr<const impl> p);
  std::shared_ptr<const impl> impl_;
};

} // namespace pmq
