// Shared pieces of the `pmq` command line. Each concern adds its subcommands in its own
// file (examples/cli/<concern>_cmd.cpp) and registers them in main.cpp's table.
#pragma once

#include "pmq/error.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace pmq_cli {

/// Bad usage: exit status 2 with the usage text.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The whole file, or pmq::error(invalid_argument) naming it.
std::string read_file(const std::string &path);

/// Parses `--name value` pairs from argv[first...]; only `allowed` names; flags listed in
/// `switches` take no value (they map to "1").
std::map<std::string, std::string> options(int argc, char **argv, int first,
                                           const std::vector<std::string> &allowed,
                                           const std::vector<std::string> &switches = {});

/// A subcommand: `pmq <name> ...`; argv[1] is the name. Returns the exit status.
struct command {
  const char *name;
  const char *usage; ///< one or more usage lines, each starting "pmq <name>"
  int (*run)(int argc, char **argv);
};

// The subcommands, one set per concern.
int run_score(int argc, char **argv);
int run_standards(int argc, char **argv);
int run_standard(int argc, char **argv);
int run_supplier(int argc, char **argv);
int run_calendar(int argc, char **argv);
int run_rectification(int argc, char **argv);
int run_complaints(int argc, char **argv);
int run_kpi(int argc, char **argv);

} // namespace pmq_cli
