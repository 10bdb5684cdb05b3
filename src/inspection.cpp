#include "pmq/inspection.hpp"

namespace pmq {

void check_inspection(const inspection &i, const std::string &path, problem_list &problems) {
  if (i.id.empty()) problems.add(join_path(path, "id"), "must not be empty");
  for (std::size_t k = 0; k < i.carry_over.size(); ++k)
    if (i.carry_over[k].points <= points{})
      problems.add(join_path(join_path(join_path(path, "carry_over"), k), "points"),
                   "must be greater than 0, got " + i.carry_over[k].points.to_string());
}

inspection inspection_from_json(const json &value) {
  auto i = from_json_value<inspection>(value);
  problem_list problems;
  check_inspection(i, "", problems);
  problems.throw_if_any();
  return i;
}

std::vector<inspection> load_inspections(std::string_view json_text) {
  auto all = from_json_value<std::vector<inspection>>(parse_json(json_text));
  problem_list problems;
  for (std::size_t k = 0; k < all.size(); ++k)
    check_inspection(all[k], join_path("", k), problems);
  problems.throw_if_any();
  return all;
}

inspection load_inspection(std::string_view json_text) {
  return inspection_from_json(parse_json(json_text));
}

json to_json(const inspection &i) { return to_json_value(i); }

} // namespace pmq
