#include "common.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace pmq::capi {

fraction exact_argument(const char *text, const char *name) {
  if (const auto v = parse_fraction(text)) return *v;
  throw error(errc::invalid_input, name,
              std::string("not an exact number: expected a decimal such as \"89.9967\" or a "
                          "fraction such as \"26999/300\" (at most 60 digits), got \"") +
                  std::string(text).substr(0, 80) + "\"");
}

namespace {
struct last_error {
  std::string message;
  std::string path;
  std::string problems = "[]";
};
thread_local last_error last;

int c_code(errc e) {
  switch (e) {
  case errc::invalid_argument:
    return PMQ_EINVAL;
  case errc::parse:
    return PMQ_EPARSE;
  case errc::invalid_input:
    return PMQ_EINPUT;
  case errc::out_of_memory:
    return PMQ_ENOMEM;
  case errc::internal:
    return PMQ_EINTERNAL;
  }
  return PMQ_EINTERNAL;
}

void set_problems(const std::vector<problem> &problems) {
  json arr = json::array();
  for (const auto &p : problems)
    arr.push_back({{"path", p.path}, {"message", p.message}});
  last.problems = arr.dump();
}
} // namespace

int fail(int code, std::string path, std::string message) {
  try {
    last.message = path.empty() ? message : path + ": " + message;
    set_problems({{path, message}});
    last.path = std::move(path);
  } catch (...) {
    last.message.clear();
    last.path.clear();
  }
  return code;
}

int ok() {
  last.message.clear();
  last.path.clear();
  last.problems = "[]";
  return PMQ_OK;
}

char *dup(std::string_view s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

int give(char **out, const json &j) {
  *out = dup(j.dump());
  return ok();
}

int from_current_exception() noexcept {
  try {
    throw;
  } catch (const error &e) {
    try {
      last.message = e.what();
      last.path = e.path();
      set_problems(e.problems());
    } catch (...) {
    }
    return c_code(e.code());
  } catch (const std::bad_alloc &) {
    return fail(PMQ_ENOMEM, "", "out of memory");
  } catch (const std::exception &e) {
    return fail(PMQ_EINTERNAL, "", std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(PMQ_EINTERNAL, "", "internal error: unknown exception");
  }
}

} // namespace pmq::capi

extern "C" {

PMQ_API const char *pmq_version(void) { return PMQ_PROJECT_VERSION; }
PMQ_API const char *pmq_last_error(void) { return pmq::capi::last.message.c_str(); }
PMQ_API const char *pmq_last_error_path(void) { return pmq::capi::last.path.c_str(); }
PMQ_API const char *pmq_last_error_json(void) { return pmq::capi::last.problems.c_str(); }
PMQ_API void pmq_free(void *p) { std::free(p); }

} // extern "C"
