#include "pmq/inspection.hpp"

namespace pmq {

inspection inspection_from_json(const json& value) {
  auto i = from_json_value<inspection>(value);
  if (i.id.empty()) throw error(errc::invalid_input, "id", "must not be empty");
  return i;
}

inspection load_inspection(std::string_view json_text) {
  return inspection_from_json(parse_json(json_text));
}

json to_json(const inspection& i) { return to_json_value(i); }

} // namespace pmq
