#include "pmq/error.hpp"

namespace pmq {

namespace {
std::string describe(const std::vector<problem> &problems) {
  std::string out;
  for (const auto &p : problems) {
    if (!out.empty()) out += "; ";
    out += p.path.empty() ? p.message : p.path + ": " + p.message;
  }
  return out;
}
std::vector<problem> non_empty(std::vector<problem> problems) {
  if (problems.empty()) problems.push_back({"", "invalid input"});
  return problems;
}
} // namespace

error::error(errc code, std::vector<problem> problems)
    : std::runtime_error(describe(non_empty(problems))), code_(code),
      problems_(non_empty(std::move(problems))) {}

error::error(errc code, std::string path, std::string message)
    : error(code, std::vector<problem>{{std::move(path), std::move(message)}}) {}

void problem_list::throw_if_any() const { pmq::throw_if_any(items_); }

void throw_if_any(std::vector<problem> problems) {
  if (!problems.empty()) throw error(errc::invalid_input, std::move(problems));
}

std::string join_path(const std::string &base, const std::string &member) {
  return base.empty() ? member : base + "." + member;
}

std::string join_path(const std::string &base, std::size_t index) {
  return base + "[" + std::to_string(index) + "]";
}

} // namespace pmq
