// Helpers shared by the Catch2 tests.
#pragma once

#include "pmq/error.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace pmq_test {

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs f and returns the pmq::error it throws; fails the test if it throws none.
template <class F> pmq::error error_of(F &&f) {
  try {
    f();
  } catch (const pmq::error &e) {
    return e;
  }
  FAIL("expected a pmq::error");
  throw;
}

inline bool has_problem(const pmq::error &e, const std::string &path, const std::string &fragment) {
  for (const auto &p : e.problems())
    if (p.path == path && p.message.find(fragment) != std::string::npos) return true;
  return false;
}

} // namespace pmq_test
