#pragma once
// What the closed loop's responses show of their records (http/server/described_json.hpp):
// tickets, meetings, 议事堂 records, colour rules and notifications. The handlers add the rest.

#include "app/tickets/ticket_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::tickets {
LINGYAN_JSON_ENUM_AS_NAME(Source, SourceName)
LINGYAN_JSON_ENUM_AS_NAME(Priority, PriorityName)
LINGYAN_JSON_ENUM_AS_NAME(State, StateName)
LINGYAN_JSON_ENUM_AS_NAME(Colour, ColourName)
LINGYAN_JSON_ENUM_AS_NAME(MeetingKind, MeetingKindName)
BOOST_DESCRIBE_STRUCT(Ticket, (),
                      (id, source, source_id, title, detail, category, priority, location, raiser_name, raiser_phone,
                       state, office_unit_id, handler_unit_id, leader, allowed_days, signed_late, colour, reopen_count,
                       send_back_count, satisfied, extension_days, extension_reason, merged_into, created_at,
                       updated_at))
BOOST_DESCRIBE_STRUCT(Meeting, (),
                      (id, kind, title, held_on, unit_id, leaders, participants, minutes, created_by, created_at))
BOOST_DESCRIBE_STRUCT(Deliberation, (), (id, unit_id, topic, held_on, participants, decision, created_by, created_at))
BOOST_DESCRIBE_STRUCT(ColourRules, (),
                      (blue_days_left, yellow_numerator, yellow_denominator, talk_reds, talk_period_months))
}  // namespace lingyan::core::tickets

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(TicketEvent, (), (id, at, on_date, user, action, note, detail))
BOOST_DESCRIBE_STRUCT(NotificationRecord, (), (id, kind, title, body, ticket_id, created_at))
}  // namespace lingyan::core::ports

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(TicketView, (), (office_unit, handler_unit, source_title, actions, working_days_left))
BOOST_DESCRIBE_STRUCT(MeetingView, (), (unit, items, closed))
BOOST_DESCRIBE_STRUCT(UnitStats, (),
                      (rank, unit_id, unit, received, closed, on_time, overdue, open, avg_days_to_close, on_time_rate,
                       satisfaction_rate, reopen_rate))
}  // namespace lingyan::app

namespace lingyan::http {
// What a `colour` query that names no colour is told (tickets and projects filter by it).
inline constexpr const char* kColourProblem = "colour 应为 none、blue、yellow 或 red";
}  // namespace lingyan::http
