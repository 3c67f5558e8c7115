#pragma once
// What the projects' responses show of their records (http/server/described_json.hpp): the
// project, its milestones, claims, reports and events. The handlers add the rest.

#include "app/projects/project_service.hpp"
#include "http/routes/tickets/described.hpp"  // the colour, as tickets write it

namespace lingyan::core::projects {
LINGYAN_JSON_ENUM_AS_NAME(Kind, KindName)
LINGYAN_JSON_ENUM_AS_NAME(State, StateName)
LINGYAN_JSON_ENUM_AS_NAME(ClaimStatus, ClaimStatusName)
BOOST_DESCRIBE_STRUCT(Project, (),
                      (id, kind, title, detail, office_unit_id, responsibility, state, colour, created_by, created_at,
                       updated_at))
BOOST_DESCRIBE_STRUCT(Milestone, (), (id, claim_id, seq, title, deadline))
BOOST_DESCRIBE_STRUCT(Claim, (), (id, unit_id, owner_person_id, responsibility, claimed_on, status, reason, decided_by))
BOOST_DESCRIBE_STRUCT(Figure, (), (name, value, unit))
BOOST_DESCRIBE_STRUCT(Report, (), (id, milestone_done, on_date, text, figures, attachment_ids, user, at))
}  // namespace lingyan::core::projects

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(ProjectEvent, (), (id, at, on_date, user, action, note, detail))
}  // namespace lingyan::core::ports

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(ProjectView, (), (office_unit, unit, owner, actions, milestones_done, working_days_left))
BOOST_DESCRIBE_STRUCT(ClaimView, (), (unit, owner))
}  // namespace lingyan::app
