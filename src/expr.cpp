#include "pmq/expr.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace pmq {

// --- exact arithmetic ------------------------------------------------------------------

namespace exact {
// Big-integer rationals cannot overflow: these stay as the one place KPI arithmetic goes
// through, so a future bound on size has one home.
fraction add(const fraction &a, const fraction &b, std::string_view) { return a + b; }
fraction sub(const fraction &a, const fraction &b, std::string_view) { return a - b; }
fraction mul(const fraction &a, const fraction &b, std::string_view) { return a * b; }
fraction div(const fraction &a, const fraction &b, std::string_view) {
  if (b == 0) throw std::domain_error("pmq::exact::div by zero");
  return a / b;
}

std::string to_string(const fraction &f) { return pmq::to_string(f); }

std::optional<fraction> parse_decimal(std::string_view text) {
  if (text.find('/') != std::string_view::npos) return std::nullopt;
  return parse_fraction(text);
}
} // namespace exact

// --- rate ------------------------------------------------------------------------------

rate rate::ratio(const fraction &numerator, const fraction &denominator, std::string reason) {
  if (denominator == 0) return no_data(std::move(reason));
  return of(exact::div(numerator, denominator));
}

const fraction &rate::value() const {
  if (!value_) throw std::logic_error("pmq::rate: no data (" + reason_ + ")");
  return *value_;
}

std::string rate::percent(int places) const {
  if (!value_) return "no data";
  return render(exact::mul(*value_, fraction(100)), places);
}

// --- expressions -----------------------------------------------------------------------

namespace {

enum class op { number, name, neg, add, sub, mul, div, lt, le, gt, ge, eq, ne, min, max, if_ };

struct node {
  op kind = op::number;
  fraction value;
  std::string name;
  std::size_t slot = 0; // a name's index in the sorted names (the typed values' order)
  std::vector<int> kids;
  int pos = 0; // 1-based character position in the text
  int depth = 1;
};

enum class tok {
  end,
  number,
  name,
  lparen,
  rparen,
  comma,
  plus,
  minus,
  star,
  slash,
  lt,
  le,
  gt,
  ge,
  eq,
  ne
};

struct token {
  tok kind = tok::end;
  std::string text;
  int pos = 0;
};

class parser {
public:
  parser(std::string_view text, const std::string &path, int max_depth)
      : text_(text), path_(path), max_depth_(max_depth) {
    next();
  }

  std::vector<node> nodes;

  int parse_all() {
    const int root = parse_expr();
    if (cur_.kind != tok::end) fail("unexpected " + describe(cur_), cur_.pos);
    return root;
  }

private:
  std::string_view text_;
  const std::string &path_;
  int max_depth_;
  std::size_t at_ = 0;
  int chars_ = 0; // characters consumed before at_
  token cur_;
  int nesting_ = 0;

  [[noreturn]] void fail(const std::string &message, int pos) const {
    throw error(errc::invalid_input, path_, message + " at position " + std::to_string(pos));
  }

  static std::string describe(const token &t) {
    switch (t.kind) {
    case tok::end:
      return "end of expression";
    case tok::number:
      return "number " + t.text;
    case tok::name:
      return "name \"" + t.text + "\"";
    default:
      return "\"" + t.text + "\"";
    }
  }

  void advance(std::size_t bytes) {
    for (std::size_t k = 0; k < bytes; ++k)
      if ((static_cast<unsigned char>(text_[at_ + k]) & 0xC0) != 0x80) ++chars_;
    at_ += bytes;
  }

  bool starts(std::string_view s) const { return text_.substr(at_).substr(0, s.size()) == s; }

  void next() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      advance(1);
    cur_ = token{};
    cur_.pos = chars_ + 1;
    if (at_ >= text_.size()) return;
    const char c = text_[at_];
    const auto simple = [&](tok k, std::size_t bytes, std::string shown) {
      cur_.kind = k;
      cur_.text = std::move(shown);
      advance(bytes);
    };
    if ((c >= '0' && c <= '9') || c == '.') {
      std::size_t e = at_;
      while (e < text_.size() && ((text_[e] >= '0' && text_[e] <= '9') || text_[e] == '.'))
        ++e;
      cur_.kind = tok::number;
      cur_.text = std::string(text_.substr(at_, e - at_));
      advance(e - at_);
      return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') {
      std::size_t e = at_;
      while (e < text_.size() &&
             ((text_[e] >= 'A' && text_[e] <= 'Z') || (text_[e] >= 'a' && text_[e] <= 'z') ||
              (text_[e] >= '0' && text_[e] <= '9') || text_[e] == '_'))
        ++e;
      cur_.kind = tok::name;
      cur_.text = std::string(text_.substr(at_, e - at_));
      advance(e - at_);
      return;
    }
    switch (c) {
    case '(':
      return simple(tok::lparen, 1, "(");
    case ')':
      return simple(tok::rparen, 1, ")");
    case ',':
      return simple(tok::comma, 1, ",");
    case '+':
      return simple(tok::plus, 1, "+");
    case '-':
      return simple(tok::minus, 1, "-");
    case '*':
      return simple(tok::star, 1, "*");
    case '/':
      return simple(tok::slash, 1, "/");
    case '<':
      return starts("<=") ? simple(tok::le, 2, "<=") : simple(tok::lt, 1, "<");
    case '>':
      return starts(">=") ? simple(tok::ge, 2, ">=") : simple(tok::gt, 1, ">");
    case '=':
      if (starts("==")) return simple(tok::eq, 2, "==");
      fail("\"=\" is not an operator (use \"==\")", cur_.pos);
    case '!':
      if (starts("!=")) return simple(tok::ne, 2, "!=");
      fail("\"!\" is not an operator (use \"!=\")", cur_.pos);
    default:
      break;
    }
    if (starts("\xC3\x97")) return simple(tok::star, 2, "×");
    if (starts("\xC3\xB7")) return simple(tok::slash, 2, "÷");
    if (starts("\xE2\x88\x92")) return simple(tok::minus, 3, "−");
    if (starts("\xE2\x89\xA4")) return simple(tok::le, 3, "≤");
    if (starts("\xE2\x89\xA5")) return simple(tok::ge, 3, "≥");
    if (static_cast<unsigned char>(c) < 0x80)
      fail(std::string("unexpected character \"") + c + "\"", cur_.pos);
    fail("unexpected character", cur_.pos);
  }

  int add(op kind, int pos, std::vector<int> kids) {
    node n;
    n.kind = kind;
    n.pos = pos;
    int deepest = 0;
    for (int k : kids)
      deepest = std::max(deepest, nodes[std::size_t(k)].depth);
    n.depth = deepest + 1;
    if (n.depth > max_depth_)
      fail("expression nested deeper than " + std::to_string(max_depth_) + " levels", pos);
    n.kids = std::move(kids);
    nodes.push_back(std::move(n));
    return static_cast<int>(nodes.size() - 1);
  }

  struct nest_guard {
    parser &p;
    explicit nest_guard(parser &q, int pos) : p(q) {
      if (++p.nesting_ > p.max_depth_)
        p.fail("expression nested deeper than " + std::to_string(p.max_depth_) + " levels", pos);
    }
    ~nest_guard() { --p.nesting_; }
  };

  int parse_expr() {
    nest_guard g(*this, cur_.pos);
    const int left = parse_sum();
    op kind;
    switch (cur_.kind) {
    case tok::lt:
      kind = op::lt;
      break;
    case tok::le:
      kind = op::le;
      break;
    case tok::gt:
      kind = op::gt;
      break;
    case tok::ge:
      kind = op::ge;
      break;
    case tok::eq:
      kind = op::eq;
      break;
    case tok::ne:
      kind = op::ne;
      break;
    default:
      return left;
    }
    const int pos = cur_.pos;
    next();
    const int right = parse_sum();
    switch (cur_.kind) {
    case tok::lt:
    case tok::le:
    case tok::gt:
    case tok::ge:
    case tok::eq:
    case tok::ne:
      fail("comparisons do not chain; use parentheses", cur_.pos);
    default:
      break;
    }
    return add(kind, pos, {left, right});
  }

  int parse_sum() {
    int left = parse_product();
    while (cur_.kind == tok::plus || cur_.kind == tok::minus) {
      const op kind = cur_.kind == tok::plus ? op::add : op::sub;
      const int pos = cur_.pos;
      next();
      left = add(kind, pos, {left, parse_product()});
    }
    return left;
  }

  int parse_product() {
    int left = parse_unary();
    while (cur_.kind == tok::star || cur_.kind == tok::slash) {
      const op kind = cur_.kind == tok::star ? op::mul : op::div;
      const int pos = cur_.pos;
      next();
      left = add(kind, pos, {left, parse_unary()});
    }
    return left;
  }

  int parse_unary() {
    if (cur_.kind == tok::minus) {
      nest_guard g(*this, cur_.pos);
      const int pos = cur_.pos;
      next();
      return add(op::neg, pos, {parse_unary()});
    }
    return parse_primary();
  }

  int parse_primary() {
    const token t = cur_;
    switch (t.kind) {
    case tok::number: {
      const auto v = exact::parse_decimal(t.text);
      if (!v) fail("invalid number \"" + t.text + "\" (a decimal of at most 18 digits)", t.pos);
      next();
      const int i = add(op::number, t.pos, {});
      nodes[std::size_t(i)].value = *v;
      return i;
    }
    case tok::name: {
      next();
      if (cur_.kind != tok::lparen) {
        const int i = add(op::name, t.pos, {});
        nodes[std::size_t(i)].name = t.text;
        return i;
      }
      op kind;
      if (t.text == "min")
        kind = op::min;
      else if (t.text == "max")
        kind = op::max;
      else if (t.text == "if")
        kind = op::if_;
      else
        fail("unknown function \"" + t.text + "\" (known: min, max, if)", t.pos);
      next(); // (
      std::vector<int> args;
      if (cur_.kind == tok::rparen) fail(t.text + "() needs arguments", cur_.pos);
      args.push_back(parse_expr());
      while (cur_.kind == tok::comma) {
        next();
        args.push_back(parse_expr());
      }
      if (cur_.kind != tok::rparen)
        fail("expected \",\" or \")\", got " + describe(cur_), cur_.pos);
      next();
      if (kind == op::if_ && args.size() != 3)
        fail("if() takes 3 arguments (condition, then, else), got " + std::to_string(args.size()),
             t.pos);
      if (kind != op::if_ && args.size() < 2) fail(t.text + "() takes at least 2 arguments", t.pos);
      return add(kind, t.pos, std::move(args));
    }
    case tok::lparen: {
      next();
      const int inner = parse_expr();
      if (cur_.kind != tok::rparen) fail("expected \")\", got " + describe(cur_), cur_.pos);
      next();
      return inner;
    }
    default:
      fail("expected a number, a name or \"(\", got " + describe(t), t.pos);
    }
  }
};

} // namespace

struct expression::impl {
  std::string text;
  std::vector<node> nodes;
  int root = 0;
  std::vector<std::string> names;
};

expression::expression(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
expression::expression(const expression &) = default;
expression &expression::operator=(const expression &) = default;
expression::expression(expression &&) noexcept = default;
expression &expression::operator=(expression &&) noexcept = default;
expression::~expression() = default;

const std::string &expression::text() const { return impl_->text; }
const std::vector<std::string> &expression::names() const { return impl_->names; }

expression expression::parse(std::string_view text, const std::vector<std::string> *known,
                             const std::string &path, int max_depth) {
  auto p = std::make_shared<impl>();
  p->text = std::string(text);
  parser ps(text, path, max_depth);
  p->root = ps.parse_all();
  p->nodes = std::move(ps.nodes);
  problem_list problems;
  for (const auto &n : p->nodes) {
    if (n.kind != op::name) continue;
    if (known && std::find(known->begin(), known->end(), n.name) == known->end())
      problems.add(path, "unknown name \"" + n.name + "\" at position " + std::to_string(n.pos));
    p->names.push_back(n.name);
  }
  problems.throw_if_any();
  std::sort(p->names.begin(), p->names.end());
  p->names.erase(std::unique(p->names.begin(), p->names.end()), p->names.end());
  for (auto &n : p->nodes)
    if (n.kind == op::name)
      n.slot = std::size_t(std::lower_bound(p->names.begin(), p->names.end(), n.name) -
                           p->names.begin());
  return expression(std::move(p));
}

namespace {
struct evaluator {
  const std::vector<node> &nodes;
  const quantities *values; // by name, or else
  const fraction *slots;    // in the order of names()
  const std::string &path;
  const std::string &reason;

  rate eval(int i) const {
    const node &n = nodes[std::size_t(i)];
    switch (n.kind) {
    case op::number:
      return rate::of(n.value);
    case op::name: {
      if (!values) return rate::of(slots[n.slot]);
      const auto it = values->find(n.name);
      if (it == values->end())
        throw error(errc::invalid_input, join_path(path, n.name), "missing value");
      return rate::of(it->second);
    }
    case op::if_: {
      const rate c = eval(n.kids[0]);
      if (!c) return c;
      return eval(n.kids[c.value() != 0 ? 1 : 2]);
    }
    default:
      break;
    }
    std::vector<fraction> args;
    args.reserve(n.kids.size());
    for (int k : n.kids) {
      rate r = eval(k);
      if (!r) return r;
      args.push_back(r.value());
    }
    const auto truth = [](bool b) { return rate::of(fraction(b ? 1 : 0)); };
    {
      switch (n.kind) {
      case op::neg:
        return rate::of(exact::sub(fraction(0), args[0]));
      case op::add:
        return rate::of(exact::add(args[0], args[1]));
      case op::sub:
        return rate::of(exact::sub(args[0], args[1]));
      case op::mul:
        return rate::of(exact::mul(args[0], args[1]));
      case op::div:
        if (args[1] == 0)
          return rate::no_data(
              !reason.empty() ? reason : "divisor is zero at position " + std::to_string(n.pos));
        return rate::of(exact::div(args[0], args[1]));
      case op::lt:
        return truth(args[0] < args[1]);
      case op::le:
        return truth(args[0] <= args[1]);
      case op::gt:
        return truth(args[0] > args[1]);
      case op::ge:
        return truth(args[0] >= args[1]);
      case op::eq:
        return truth(args[0] == args[1]);
      case op::ne:
        return truth(args[0] != args[1]);
      case op::min:
        return rate::of(*std::min_element(args.begin(), args.end()));
      case op::max:
        return rate::of(*std::max_element(args.begin(), args.end()));
      default:
        break;
      }
    }
    throw std::logic_error("pmq::expression: unknown node");
  }
};
} // namespace

rate expression::evaluate(const quantities &values, const std::string &path,
                          const std::string &no_data_reason) const {
  return evaluator{impl_->nodes, &values, nullptr, path, no_data_reason}.eval(impl_->root);
}

rate expression::evaluate(std::span<const fraction> values, const std::string &path) const {
  if (values.size() != impl_->names.size())
    throw error(errc::invalid_input, path,
                "expected " + std::to_string(impl_->names.size()) +
                    " values (one per name, in the order of names()), got " +
                    std::to_string(values.size()));
  static const std::string no_reason;
  return evaluator{impl_->nodes, nullptr, values.data(), path, no_reason}.eval(impl_->root);
}

} // namespace pmq
