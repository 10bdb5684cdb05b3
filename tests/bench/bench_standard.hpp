// The benchmarks' synthetic standard: `sections` × `items_per_section` items of 1 point, every
// fourth pass/fail and the others deducting `deduction` per defect. Shared by the scoring and
// assessment benchmarks so they measure the same kind of sheet.
#pragma once

#include "pmq/standard.hpp"

#include <string>

namespace pmq_bench {

inline pmq::standard synthetic_standard(const std::string &id, int sections, int items_per_section,
                                        pmq::points deduction) {
  pmq::standard s;
  s.id = id;
  s.version = "1";
  s.title = "100-item standard";
  for (int si = 0; si < sections; ++si) {
    pmq::section sec;
    sec.id = "S" + std::to_string(si);
    sec.title = sec.id;
    for (int ii = 0; ii < items_per_section; ++ii) {
      pmq::item it;
      it.id = sec.id + "-" + std::to_string(ii);
      it.title = "条款 " + it.id;
      it.requirement = "地面无杂物、无积尘";
      it.max_score = pmq::points{1};
      it.kind = ii % 4 == 3 ? pmq::item_kind::pass_fail : pmq::item_kind::deduct;
      if (it.kind == pmq::item_kind::deduct) it.deduction = deduction;
      sec.items.push_back(it);
    }
    s.sections.push_back(sec);
  }
  return s;
}

} // namespace pmq_bench
