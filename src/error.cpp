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
// Never empty, never an empty message, always valid UTF-8 without NUL.
std::vector<problem> non_empty(std::vector<problem> problems) {
  if (problems.empty()) problems.push_back({"", "invalid input"});
  for (auto &p : problems) {
    p.path = message_text(p.path);
    p.message = p.message.empty() ? "invalid input" : message_text(p.message);
  }
  return problems;
}

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when it is ill-formed.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}
} // namespace

error::error(errc code, std::vector<problem> problems)
    : std::runtime_error(describe(non_empty(problems))), code_(code),
      problems_(non_empty(std::move(problems))) {}

error::error(errc code, std::string path, std::string message)
    : error(code, std::vector<problem>{{std::move(path), std::move(message)}}) {}

std::string message_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      out += "\\u0000";
      ++i;
    } else if (const auto n = utf8_sequence(text, i); n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
      ++i;
    }
  }
  return out;
}

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
