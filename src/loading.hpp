// Reading and checking a document in one pass (internal to the core).
//
// A document is read (types, required and unknown fields) and then checked (the rules of
// its concern). Both kinds of problem are reported together, so a type error in one item
// does not hide a broken rule in another: a checking problem is left out only when a
// reading problem lies inside the object that holds it, since that object's values may be
// defaults rather than what the document says.
#pragma once

#include "pmq/json.hpp"

#include <string>
#include <vector>

namespace pmq {

/// The object a path's last member belongs to: "sections[0].items[1]" for
/// "sections[0].items[1].max_score", "" for "total".
inline std::string enclosing(const std::string &path) {
  const auto cut = path.find_last_of(".[");
  return cut == std::string::npos ? std::string() : path.substr(0, cut);
}

/// Whether `path` lies inside (or is) the object at `base`.
inline bool inside(const std::string &path, const std::string &base) {
  if (base.empty()) return true;
  return path.compare(0, base.size(), base) == 0 &&
         (path.size() == base.size() || path[base.size()] == '.' || path[base.size()] == '[');
}

/// Reading problems, then the checking problems they do not make moot.
inline std::vector<problem> merge_problems(std::vector<problem> reading,
                                           std::vector<problem> checking) {
  const auto read = reading.size();
  for (auto &c : checking) {
    const auto base = enclosing(c.path);
    bool moot = false;
    for (std::size_t i = 0; i < read; ++i)
      moot = moot || inside(reading[i].path, base);
    if (!moot) reading.push_back(std::move(c));
  }
  return reading;
}

/// Reads a T from `value`, checks it with `check(const T&) -> std::vector<problem>`, and
/// throws pmq::error(invalid_input) with every problem of both.
template <class T, class Check> T read_and_check(const json &value, Check check) {
  T out{};
  problem_list reading;
  json_io::read(value, out, std::string(), reading);
  throw_if_any(merge_problems(reading.items(), check(out)));
  return out;
}

/// Reads a T from `value` and gives `use(const T&)` (which checks as it goes and throws
/// pmq::error with its problems). When reading found problems, `use` still goes over what
/// was read, so that its own problems are reported with them (those not made moot) in one
/// pass; any other failure of `use` on such a half-read document is left out, and the
/// reading problems are thrown.
template <class T, class Use>
auto read_then(const json &value, Use use, const std::string &path = "") {
  T out{};
  problem_list reading;
  json_io::read(value, out, path, reading);
  if (reading.empty()) return use(static_cast<const T &>(out));
  std::vector<problem> checking;
  try {
    (void)use(static_cast<const T &>(out));
  } catch (const error &e) {
    if (e.code() == errc::invalid_input) checking = e.problems();
  } catch (const std::exception &) {
    // Defaults a check was not written for: the reading problems say what is wrong.
  }
  throw error(errc::invalid_input, merge_problems(reading.items(), std::move(checking)));
}

} // namespace pmq
