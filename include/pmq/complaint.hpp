// Complaints: classes with handling time limits, timeliness and follow-up (R-CAL-10).
//
// Complaints are classified (service attitude, late repair, poor cleaning, …) and each class
// has a handling time limit, given as data (default_complaint_classes() documents the
// defaults: an urgent repair is responded to within 30 minutes and attended within an
// hour, everything else is handled within 24 hours). Each complaint is judged from its
// timestamps (with explicit UTC offsets): on time, late, or pending (not done, not yet due)
// as of a moment given by the caller. Every complaint gets a follow-up call (回访), 100 %
// for complaints.
//
// The counts feed the KPI catalogue: R-KPI-6 and R-KPI-12 are
// (valid_complaints − handled_late) ÷ valid_complaints; R-KPI-7 uses satisfied,
// not_satisfied and valid_complaints. No rate is computed here: a month without valid
// complaints has no rate (R-KPI-31), which the KPI helper decides.
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/json.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmq {

/// A class of complaint and its time limits, counted in minutes from receipt.
struct complaint_class {
  std::string id;
  std::string title;
  std::optional<std::uint32_t> respond_minutes; ///< first response (acknowledged / on the way)
  std::uint32_t handle_minutes = 1440;          ///< attended to / handled
};
BOOST_DESCRIBE_STRUCT(complaint_class, (), (id, title, respond_minutes, handle_minutes))

/// R-CAL-10 defaults: urgent_repair (respond 30 min, attend 60 min); repair, service_attitude,
/// cleaning, security, other (handled within 24 h = 1440 min).
std::vector<complaint_class> default_complaint_classes();

struct complaint {
  std::string id;
  std::string category; ///< a complaint_class id
  timestamp received;
  bool valid = true; ///< an invalid complaint (无效投诉) is listed but not counted
  std::optional<timestamp> responded;
  std::optional<timestamp> handled;
  std::optional<timestamp> followed_up; ///< the follow-up call (回访)
  std::optional<bool> satisfied;        ///< the resident's answer at follow-up
  static constexpr std::array<std::string_view, 1> json_defaulted{"valid"};
};
BOOST_DESCRIBE_STRUCT(complaint, (),
                      (id, category, received, valid, responded, handled, followed_up, satisfied))

/// pending: not done yet and not yet due.
BOOST_DEFINE_ENUM_CLASS(timeliness, on_time, late, pending)

struct complaint_result {
  std::string id;
  std::string category;
  bool valid = true;
  std::optional<timestamp> respond_due;
  std::optional<timeliness> respond; ///< when the class has a response limit
  timestamp handle_due;
  timeliness handle = timeliness::pending;
  bool late = false; ///< any limit missed (counted in handled_late)
  bool followed_up = false;
  std::optional<bool> satisfied;
};
BOOST_DESCRIBE_STRUCT(complaint_result, (),
                      (id, category, valid, respond_due, respond, handle_due, handle, late,
                       followed_up, satisfied))

/// The counts behind R-KPI-6, R-KPI-7, R-KPI-12 (valid complaints only, except `complaints`).
struct complaint_counts {
  std::uint32_t complaints = 0; ///< all listed, valid or not
  std::uint32_t valid_complaints = 0;
  std::uint32_t handled_on_time = 0; ///< every limit met
  std::uint32_t handled_late = 0;    ///< a limit missed, done late or still not done past due
  std::uint32_t pending = 0;         ///< not done, not yet due
  std::uint32_t handled = 0;         ///< with a handled time
  std::uint32_t followed_up = 0;
  std::uint32_t not_followed_up = 0; ///< handled but no follow-up call yet
  std::uint32_t satisfied = 0;
  std::uint32_t not_satisfied = 0;
};
BOOST_DESCRIBE_STRUCT(complaint_counts, (),
                      (complaints, valid_complaints, handled_on_time, handled_late, pending,
                       handled, followed_up, not_followed_up, satisfied, not_satisfied))

struct complaints_request {
  std::optional<std::vector<complaint_class>> classes; ///< default_complaint_classes()
  timestamp as_of;
  std::vector<complaint> complaints;
};
BOOST_DESCRIBE_STRUCT(complaints_request, (), (classes, as_of, complaints))

struct complaints_report {
  timestamp as_of;
  std::vector<complaint_result> complaints;
  complaint_counts counts;
  std::vector<std::string> missing_follow_up; ///< valid, handled, not followed up (R-CAL-10: 100 %)
};
BOOST_DESCRIBE_STRUCT(complaints_report, (), (as_of, complaints, counts, missing_follow_up))

/// R-CAL-10: judges every complaint against its class's limits as of `as_of`. A limit is met
/// when the moment is at or before received + limit (exactly 30 minutes is on time).
complaints_report evaluate_complaints(const complaints_request &request);
complaints_request complaints_request_from_json(const json &value);

json to_json(const complaints_report &r);

} // namespace pmq
