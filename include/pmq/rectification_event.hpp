// Rectification events: the dated events of a rectification order (整改通知), as an ERP sends
// them (R-CAL-6, R-CAL-11, R-CAL-12, R-SCORE-7). The type alone, so that inspection plans
// (calendar.hpp, R-CAL-13) can take them as well as the order lifecycle (rectification.hpp).
#pragma once

#include "pmq/datetime.hpp"
#include "pmq/json.hpp"
#include "pmq/numeric.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace pmq {

BOOST_DEFINE_ENUM_CLASS(rectification_event_kind, issued, rectified, reinspected, penalty_notice,
                        capa_opened, capa_implemented, capa_verified)

/// R-CAL-12: a finding's severity (一般 / 重大 / 潜在不合格).
BOOST_DEFINE_ENUM_CLASS(finding_severity, ordinary, major, potential)

/// Where a notice is circulated (000 §二(一), (二)): company-wide (全公司范围内, a head-office
/// finding) or branch-wide (分公司范围内, a branch finding).
BOOST_DEFINE_ENUM_CLASS(circulation_scope, company, branch)

/// One dated event of an order. Which optional fields apply depends on the kind:
/// issued: project (required), department, responsible, item, description, received (default:
/// the event's date), due or days (R-CAL-11), severity (R-CAL-12, default ordinary), scope;
/// reinspected: passed (required); penalty_notice: person (required), amount, reason;
/// capa_opened: owner, approver, due (all required); capa_verified: effective (required), due
/// (required when not effective: the reopened action's new due date).
struct rectification_event {
  std::string order;
  rectification_event_kind kind = rectification_event_kind::issued;
  pmq::date date;
  std::optional<std::string> project;
  std::optional<std::string> department; ///< 责任部门: the department the notice goes to
  std::optional<std::string> item;
  std::optional<std::string> description;
  std::optional<pmq::date> received;
  std::optional<bool> passed;
  std::optional<std::string> person;
  std::optional<money> amount;
  std::optional<std::string> reason;
  std::optional<pmq::date> due;      ///< R-CAL-11: the notice's own deadline; CAPA due
  std::optional<std::uint32_t> days; ///< R-CAL-11: ... or days from receipt (1..366)
  std::optional<finding_severity> severity;
  std::optional<std::string> responsible; ///< 责任人: the person responsible for the rectification
  std::optional<circulation_scope> scope;
  std::optional<std::string> owner;    ///< CAPA: who carries the action out
  std::optional<std::string> approver; ///< CAPA: who approves it (副总经理, 000 5.4.3)
  std::optional<bool> effective;       ///< CAPA verification: did it work
};
BOOST_DESCRIBE_STRUCT(rectification_event, (),
                      (order, kind, date, project, department, item, description, received, passed,
                       person, amount, reason, due, days, severity, responsible, scope, owner,
                       approver, effective))

} // namespace pmq
