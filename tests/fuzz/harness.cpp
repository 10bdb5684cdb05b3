#include "harness.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pmq_fuzz {

args::args(const std::uint8_t *data, std::size_t size, std::size_t n) : parts_(n) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < size && k < n; ++i) {
    if (data[i] == 0)
      ++k;
    else
      parts_[k].push_back(static_cast<char>(data[i]));
  }
}

std::int64_t args::integer(std::size_t i) const {
  const char *s = parts_[i].c_str();
  char *end = nullptr;
  const long long v = std::strtoll(s, &end, 10); // saturates at the int64 limits
  return end == s ? 0 : v;
}

namespace {
[[noreturn]] void breach(const char *function, int status, const char *what) {
  std::fprintf(stderr,
               "pmq contract breach in %s: %s\n  status %d\n  message \"%s\"\n  path \"%s\"\n"
               "  problems %s\n",
               function, what, status, pmq_last_error(), pmq_last_error_path(),
               pmq_last_error_json());
  std::abort();
}

bool utf8(const char *text) {
  try {
    (void)nlohmann::json(text).dump(); // the strict dump throws on ill-formed UTF-8
    return true;
  } catch (const nlohmann::json::exception &) {
    return false;
  }
}

// TODO(issue 9): "Exact where rules meet" replaces the int64 fractions; until it is merged,
// results of 9.2e12 and more are PMQ_EINTERNAL "number too large to round" (issue 10,
// defect 1). The lead turns PMQ_FUZZ_TOLERATE_ISSUE9 off when merging issue 9.
bool known_issue9(int status) {
#if PMQ_FUZZ_TOLERATE_ISSUE9
  if (status != PMQ_EINTERNAL || !std::strstr(pmq_last_error(), "too large to round")) return false;
  static bool told = false;
  if (!told) std::fprintf(stderr, "pmq fuzz: tolerated until issue 9: %s\n", pmq_last_error());
  told = true;
  return true;
#else
  (void)status;
  return false;
#endif
}

void check(const char *function, int status, bool has_output, bool output_set) {
  switch (status) {
  case PMQ_OK:
    if (has_output && !output_set) breach(function, status, "success without its output");
    if (*pmq_last_error() || *pmq_last_error_path() || std::strcmp(pmq_last_error_json(), "[]"))
      breach(function, status, "success with error details left over");
    return;
  case PMQ_EINVAL:
  case PMQ_EPARSE:
  case PMQ_EINPUT:
  case PMQ_ENOMEM:
    break;
  case PMQ_EINTERNAL:
    if (!known_issue9(status))
      breach(function, status, "PMQ_EINTERNAL: an internal error reached the caller");
    break;
  default:
    breach(function, status, "a status pmq.h does not define");
  }
  if (output_set) breach(function, status, "failure with its output set");
  if (!*pmq_last_error()) breach(function, status, "failure without a message");
  if (!utf8(pmq_last_error()) || !utf8(pmq_last_error_path()))
    breach(function, status, "message or path not valid UTF-8");
  nlohmann::json problems;
  try {
    problems = nlohmann::json::parse(pmq_last_error_json());
  } catch (const nlohmann::json::exception &) {
    breach(function, status, "pmq_last_error_json() is not JSON");
  }
  if (!problems.is_array() || problems.empty() || !problems[0].is_object() ||
      !problems[0].contains("path") || !problems[0].contains("message"))
    breach(function, status, "pmq_last_error_json() is not a non-empty array of problems");
  if (problems[0]["path"] != pmq_last_error_path())
    breach(function, status, "the problems' first path is not pmq_last_error_path(): stale");
  for (const auto &p : problems)
    if (!p.is_object() || !p.contains("message") || !p["message"].is_string() ||
        p["message"].get_ref<const std::string &>().empty())
      breach(function, status, "a problem without a message");
}
} // namespace

void check_string(const char *function, int status, char *out, bool json_output) {
  check(function, status, true, out != nullptr);
  if (status == PMQ_OK && json_output && !nlohmann::json::accept(out))
    breach(function, status, "the output is not JSON");
  pmq_free(out);
}

void check_handle(const char *function, int status, const void *handle) {
  check(function, status, true, handle != nullptr);
}

void check_status(const char *function, int status) { check(function, status, false, false); }

} // namespace pmq_fuzz
