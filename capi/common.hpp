// Shared plumbing of the C ABI: every exported body runs inside pmq::capi::guard, which
// turns every exception into a status code and the thread's last error. Internal.
#pragma once

#include "pmq/error.hpp"
#include "pmq/json.hpp"
#include "pmq/pmq.h"

#include <string>
#include <string_view>

namespace pmq::capi {

/// Records a failure as the thread's last error; returns the C code.
int fail(int code, std::string path, std::string message);
/// Records success (clears the last error); returns PMQ_OK.
int ok();

/// Copies a string into malloc'd memory for the caller (released with pmq_free).
char *dup(std::string_view s);

/// Text built piece by piece straight into malloc'd memory for the caller (pmq_free), so a
/// large result is never held twice; freed unless released.
class text_buffer {
public:
  text_buffer() = default;
  ~text_buffer();
  text_buffer(const text_buffer &) = delete;
  text_buffer &operator=(const text_buffer &) = delete;
  void append(std::string_view s);
  /// The NUL-terminated text, now the caller's.
  char *release();

private:
  char *data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

/// Writes JSON into *out for the caller.
int give(char **out, const json &j);

int from_current_exception() noexcept;

/// Runs body() and maps every exception to a PMQ_E... code and message.
template <class F> int guard(F &&body) noexcept {
  try {
    return body();
  } catch (...) {
    return from_current_exception();
  }
}

/// NULL-argument check: PMQ_EINVAL naming the parameter.
#define PMQ_REQUIRE(arg)                                                                           \
  do {                                                                                             \
    if ((arg) == nullptr) return ::pmq::capi::fail(PMQ_EINVAL, "", #arg " must not be NULL");      \
  } while (0)

/// An exact number passed as text ("89.9967", "26999/300", "90"); PMQ_EINPUT naming
/// `name` when it is not one.
fraction exact_argument(const char *text, const char *name);

/// The shape of a JSON-in, JSON-out entry point: checks both pointers (PMQ_EINVAL naming
/// the NULL one), clears *out_json, parses request_json and gives body(parsed request) to
/// the caller, all inside guard.
template <class F> int json_call(const char *request_json, char **out_json, F &&body) noexcept {
  return guard([&] {
    PMQ_REQUIRE(out_json);
    *out_json = nullptr;
    PMQ_REQUIRE(request_json);
    return give(out_json, body(parse_json(request_json)));
  });
}

} // namespace pmq::capi
