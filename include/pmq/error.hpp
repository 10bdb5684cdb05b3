// Errors: how pmq reports bad input.
//
// Every invalid input throws pmq::error. It carries a code (what kind of failure) and
// every problem validation could find, each with the JSON path of the offending field
// (`sections[2].items[0].max_score`), so a caller can fix all of them in one round.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// Kinds of failure. The values are those of the C ABI's PMQ_E… codes (negated there).
enum class errc {
  invalid_argument = 1, ///< a NULL or out-of-range argument (not data)
  parse = 2,            ///< the text is not JSON (or not UTF-8)
  invalid_input = 3,    ///< well-formed JSON that breaks the format or a rule
  out_of_memory = 4,
  internal = 5,
};

/// One problem with the input: where it is (a JSON path, "" for the document) and what.
struct problem {
  std::string path;
  std::string message;
};

class error : public std::runtime_error {
public:
  error(errc code, std::vector<problem> problems);
  error(errc code, std::string path, std::string message);

  errc code() const noexcept { return code_; }
  /// Every problem found; never empty.
  const std::vector<problem> &problems() const noexcept { return problems_; }
  /// The first problem's path ("" when the whole document is at fault).
  const std::string &path() const noexcept { return problems_.front().path; }

private:
  errc code_;
  std::vector<problem> problems_;
};

/// Collects problems during validation, then throws them all at once.
class problem_list {
public:
  void add(std::string path, std::string message) {
    items_.push_back({std::move(path), std::move(message)});
  }
  bool empty() const { return items_.empty(); }
  const std::vector<problem> &items() const { return items_; }
  /// Throws pmq::error(errc::invalid_input) if any problem was added.
  void throw_if_any() const;

private:
  std::vector<problem> items_;
};

/// Throws pmq::error(errc::invalid_input) with these problems if there are any.
void throw_if_any(std::vector<problem> problems);

/// `text` made fit for an error message: ill-formed UTF-8 becomes U+FFFD and NUL becomes the
/// six characters `\u0000` (a C caller reads a message only up to its first NUL). pmq::error
/// applies it to every path and message, so what() is always valid UTF-8.
std::string message_text(std::string_view text);

/// Appends a member name or an index to a JSON path: join_path("a", "b") == "a.b",
/// join_path("a", 2) == "a[2]", join_path("", "b") == "b".
std::string join_path(const std::string &base, const std::string &member);
std::string join_path(const std::string &base, std::size_t index);

} // namespace pmq
