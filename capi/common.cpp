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

// Records a failure as the thread's last error. Every field is replaced, so nothing of an
// earlier call survives; if recording itself fails (out of memory), short texts that need no
// allocation stand in. Problems are valid UTF-8 already (pmq::error sees to it); the dump
// would replace anything else rather than throw.
void record(const std::vector<problem> &problems, const std::string &message) noexcept {
  try {
    json arr = json::array();
    for (const auto &p : problems)
      arr.push_back({{"path", p.path}, {"message", p.message}});
    std::string dumped = arr.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string path = problems.empty() ? std::string() : problems.front().path;
    std::string text = message.empty() ? std::string("invalid input") : message;
    last.problems = std::move(dumped);
    last.path = std::move(path);
    last.message = std::move(text);
  } catch (...) {
    last.message.assign("out of memory"); // fits std::string's inline buffer: cannot throw
    last.path.clear();
    last.problems.assign("[]");
  }
}
} // namespace

int fail(int code, std::string path, std::string message) {
  try {
    const error e(errc::internal, std::move(path), std::move(message)); // sanitises the texts
    record(e.problems(), e.what());
  } catch (...) {
    record({}, "");
  }
  return code;
}

int ok() {
  last.message.clear();
  last.path.clear();
  last.problems.assign("[]");
  return PMQ_OK;
}

char *dup(std::string_view s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

text_buffer::~text_buffer() { std::free(data_); }

void text_buffer::append(std::string_view s) {
  if (size_ + s.size() + 1 > capacity_) {
    std::size_t cap = capacity_ ? capacity_ : 4096;
    while (cap < size_ + s.size() + 1)
      cap += cap / 2;
    char *p = static_cast<char *>(std::realloc(data_, cap));
    if (!p) throw std::bad_alloc();
    data_ = p;
    capacity_ = cap;
  }
  if (!s.empty()) std::memcpy(data_ + size_, s.data(), s.size()); // data() may be null
  size_ += s.size();
}

char *text_buffer::release() {
  append(std::string_view());
  data_[size_] = '\0';
  char *p = data_;
  data_ = nullptr;
  size_ = capacity_ = 0;
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
    record(e.problems(), e.what());
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
