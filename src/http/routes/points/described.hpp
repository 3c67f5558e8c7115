#pragma once
// What the points responses show of their records (http/server/described_json.hpp): events with
// their member and rule, members, and a member's rank in each scope. Points (hundredths) are
// written by the handlers, as text.

#include "app/points/points_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::points {
LINGYAN_JSON_ENUM_AS_NAME(EventStatus, EventStatusName)
}  // namespace lingyan::core::points

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(PointsEventRecord, (),
                      (id, member_id, note, status, submitted_by, submitted_at, decided_by, decided_at, reason))
}  // namespace lingyan::core::ports

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(PointsEventView, (), (member_name, unit_name, rule_name, category))
BOOST_DESCRIBE_STRUCT(MemberRef, (), (id, name, unit_id, unit_name))
BOOST_DESCRIBE_STRUCT(ScopeRankView, (), (unit_id, unit_name, rank, size))
}  // namespace lingyan::app
