#include "pmq/complaint.hpp"

#include <map>

namespace pmq {

std::vector<complaint_class> default_complaint_classes() {
  return {
      {"urgent_repair", "紧急维修 urgent repair (water, power, gas, lifts)", 30, 60},
      {"repair", "维修不及时 late repair", std::nullopt, 1440},
      {"service_attitude", "服务态度 service attitude", std::nullopt, 1440},
      {"cleaning", "保洁不到位 poor cleaning", std::nullopt, 1440},
      {"security", "秩序维护 order and security", std::nullopt, 1440},
      {"other", "其他 other", std::nullopt, 1440},
  };
}

namespace {

timestamp plus_minutes(const timestamp &t, std::uint32_t minutes) {
  return {t.local + boost::posix_time::minutes(minutes), t.offset_minutes};
}

bool before(const timestamp &a, const timestamp &b) { return a.utc() < b.utc(); }

timeliness judge(const std::optional<timestamp> &done, const timestamp &due,
                 const timestamp &as_of) {
  if (done) return before(due, *done) ? timeliness::late : timeliness::on_time;
  return before(due, as_of) ? timeliness::late : timeliness::pending;
}

constexpr std::uint32_t max_limit = 60 * 24 * 366; // a year, in minutes

} // namespace

complaints_report evaluate_complaints(const complaints_request &req) {
  problem_list problems;
  const auto classes = req.classes.value_or(default_complaint_classes());
  std::map<std::string, const complaint_class *> by_id;
  if (classes.empty()) problems.add("classes", "at least one complaint class is needed");
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const auto &c = classes[i];
    const auto p = join_path("classes", i);
    if (c.id.empty())
      problems.add(join_path(p, "id"), "must not be empty");
    else if (!by_id.emplace(c.id, &c).second)
      problems.add(join_path(p, "id"), "duplicate class \"" + c.id + "\"");
    if (c.handle_minutes < 1 || c.handle_minutes > max_limit)
      problems.add(join_path(p, "handle_minutes"), "must be 1.." + std::to_string(max_limit) +
                                                       " minutes, got " +
                                                       std::to_string(c.handle_minutes));
    if (c.respond_minutes && (*c.respond_minutes < 1 || *c.respond_minutes > c.handle_minutes))
      problems.add(join_path(p, "respond_minutes"),
                   "must be 1..handle_minutes (" + std::to_string(c.handle_minutes) + "), got " +
                       std::to_string(*c.respond_minutes));
  }
  std::map<std::string, std::size_t> ids;
  for (std::size_t i = 0; i < req.complaints.size(); ++i) {
    const auto &c = req.complaints[i];
    const auto p = join_path("complaints", i);
    if (c.id.empty())
      problems.add(join_path(p, "id"), "must not be empty");
    else if (auto [it, fresh] = ids.emplace(c.id, i); !fresh)
      problems.add(join_path(p, "id"), "duplicate complaint \"" + c.id +
                                           "\" (first at complaints[" + std::to_string(it->second) +
                                           "])");
    if (!by_id.count(c.category) && !classes.empty()) {
      std::string names;
      for (const auto &k : classes)
        names += (names.empty() ? "" : ", ") + k.id;
      problems.add(join_path(p, "category"),
                   "unknown class \"" + c.category + "\" (expected one of: " + names + ")");
    }
    if (c.received.local.date().year() == 9999)
      problems.add(join_path(p, "received"),
                   "its time limit may fall after 9999-12-31, the last date pmq holds");
    else if (before(req.as_of, c.received))
      problems.add(join_path(p, "received"), "after as_of (" + format_timestamp(req.as_of) + ")");
    const std::pair<const char *, const std::optional<timestamp> *> moments[] = {
        {"responded", &c.responded}, {"handled", &c.handled}, {"followed_up", &c.followed_up}};
    for (const auto &[name, t] : moments) {
      if (!*t) continue;
      if (before(**t, c.received))
        problems.add(join_path(p, name), format_timestamp(**t) +
                                             " is before the complaint was received (" +
                                             format_timestamp(c.received) + ")");
      else if (before(req.as_of, **t))
        problems.add(join_path(p, name), "after as_of (" + format_timestamp(req.as_of) + ")");
    }
    if (c.followed_up && c.handled && before(*c.followed_up, *c.handled))
      problems.add(join_path(p, "followed_up"), "the follow-up call comes after handling (" +
                                                    format_timestamp(*c.handled) + ")");
    if (c.followed_up && !c.handled)
      problems.add(join_path(p, "followed_up"), "a follow-up call needs a handled time");
    if (c.satisfied && !c.followed_up)
      problems.add(join_path(p, "satisfied"),
                   "satisfaction is asked at the follow-up call: give followed_up");
  }
  problems.throw_if_any();

  complaints_report out;
  out.as_of = req.as_of;
  auto &n = out.counts;
  for (const auto &c : req.complaints) {
    const auto &k = *by_id.at(c.category);
    complaint_result r;
    r.id = c.id;
    r.category = c.category;
    r.valid = c.valid;
    if (k.respond_minutes) {
      r.respond_due = plus_minutes(c.received, *k.respond_minutes);
      // A handled complaint has been responded to, at the latest when handled.
      r.respond = judge(c.responded ? c.responded : c.handled, *r.respond_due, req.as_of);
    }
    r.handle_due = plus_minutes(c.received, k.handle_minutes);
    r.handle = judge(c.handled, r.handle_due, req.as_of);
    r.late = r.handle == timeliness::late || r.respond == timeliness::late;
    r.followed_up = c.followed_up.has_value();
    r.satisfied = c.satisfied;
    ++n.complaints;
    if (c.valid) {
      ++n.valid_complaints;
      if (r.late)
        ++n.handled_late;
      else if (r.handle == timeliness::pending || r.respond == timeliness::pending)
        ++n.pending;
      else
        ++n.handled_on_time;
      if (c.handled) ++n.handled;
      if (r.followed_up)
        ++n.followed_up;
      else if (c.handled) {
        ++n.not_followed_up;
        out.missing_follow_up.push_back(c.id);
      }
      if (c.satisfied) ++(*c.satisfied ? n.satisfied : n.not_satisfied);
    }
    out.complaints.push_back(std::move(r));
  }
  return out;
}

complaints_request complaints_request_from_json(const json &value) {
  return from_json_value<complaints_request>(value);
}

json to_json(const complaints_report &r) { return to_json_value(r); }

} // namespace pmq
