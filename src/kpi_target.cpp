// Quality targets: a comparator and a threshold in a unit, and whether a rate meets them.
#include "kpi_detail.hpp"

namespace pmq {

using namespace kpi_detail;

namespace {
const char *symbol(comparator c) {
  switch (c) {
  case comparator::ge:
    return "≥";
  case comparator::gt:
    return ">";
  case comparator::le:
    return "≤";
  case comparator::lt:
    return "<";
  case comparator::eq:
    return "=";
  }
  return "?";
}
const char *unit_suffix(kpi_unit u) {
  switch (u) {
  case kpi_unit::percent:
    return " %";
  case kpi_unit::count:
    return "";
  case kpi_unit::points:
    return " points";
  case kpi_unit::times_per_period:
    return " times per period";
  }
  return "";
}
} // namespace

std::string describe(const target_spec &t) {
  return std::string(symbol(t.op)) + " " + t.threshold.to_string() + unit_suffix(t.unit);
}

fraction in_unit(kpi_unit u, const fraction &value) {
  return u == kpi_unit::percent ? exact::mul(value, fraction(100)) : value;
}

target_result evaluate_target(const target_spec &t, const rate &actual) {
  target_result out;
  if (!actual) return out; // R-KPI-31: neither met nor missed
  const fraction v = in_unit(t.unit, actual.value());
  const fraction th = t.threshold.value();
  bool met = false;
  switch (t.op) {
  case comparator::ge:
    met = v >= th;
    break;
  case comparator::gt:
    met = v > th;
    break;
  case comparator::le:
    met = v <= th;
    break;
  case comparator::lt:
    met = v < th;
    break;
  case comparator::eq:
    met = v == th;
    break;
  }
  out.status = met ? target_status::met : target_status::missed;
  out.gap = exact::sub(v, th);
  return out;
}

json rate_to_json(const rate &r, kpi_unit unit, int places) {
  json j = json::object();
  if (!r) {
    j["no_data"] = true;
    j["reason"] = r.reason();
    return j;
  }
  j["exact"] = exact::to_string(r.value());
  j["value"] = render(in_unit(unit, r.value()), places);
  j["unit"] = enum_name(unit);
  return j;
}

} // namespace pmq
