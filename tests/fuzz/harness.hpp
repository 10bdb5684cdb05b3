// What every fuzz harness checks after each call into the C ABI: pmq's error contract
// (docs/reliability.md). A breach aborts, so libFuzzer saves the input as a crash:
//   - PMQ_EINTERNAL, or any status that pmq.h does not define;
//   - a failure that leaves an output (a string or a handle) set;
//   - a failure without a message, or whose details are not this call's (the problems JSON
//     not an array, its first path not pmq_last_error_path(), text that is not UTF-8);
//   - a success without its output, with error details left over, or whose output is not JSON.
// Kept free of heavy headers: each harness is one small file.
#pragma once

#include <pmq/pmq.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pmq_fuzz {

/// The fuzz input cut at NUL bytes into `n` NUL-terminated arguments (missing ones are "").
/// A C string cannot hold a NUL, so this loses nothing; seeds are "first\0second".
class args {
public:
  args(const std::uint8_t *data, std::size_t size, std::size_t n);
  const char *operator[](std::size_t i) const { return parts_[i].c_str(); }
  /// Argument i read as a decimal integer (saturating; 0 when it is not a number).
  std::int64_t integer(std::size_t i) const;

private:
  std::vector<std::string> parts_;
};

/// Checks a call that returns a string through `char **` (freed here): JSON unless
/// `json_output` is false (a rendered table: text or CSV, still valid UTF-8).
void check_string(const char *function, int status, char *out, bool json_output = true);
/// Checks a call that creates a handle (not freed here: the caller uses it, then frees it).
void check_handle(const char *function, int status, const void *handle);
/// Checks a call with no output pointer that must stay NULL (status only).
void check_status(const char *function, int status);

/// Runs f(&out) and checks it as a string-returning call.
template <class F> void call_string(const char *function, F &&f) {
  char *out = reinterpret_cast<char *>(1); // a call must clear it
  const int status = f(&out);
  check_string(function, status, out);
}

/// Runs f(&out) and checks it as a call returning text that is not JSON.
template <class F> void call_text(const char *function, F &&f) {
  char *out = reinterpret_cast<char *>(1); // a call must clear it
  const int status = f(&out);
  check_string(function, status, out, false);
}

/// Runs f(&handle), checks it, and returns the handle (NULL after a failure).
template <class H, class F> H *call_handle(const char *function, F &&f) {
  H *handle = reinterpret_cast<H *>(1); // a call must clear it
  const int status = f(&handle);
  check_handle(function, status, handle);
  return handle;
}

} // namespace pmq_fuzz
