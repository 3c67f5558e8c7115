#pragma once
// What the personnel responses show of their records (http/server/described_json.hpp): decisions
// and 躺平奖 nominations. The handlers add the rest.

#include "app/personnel/decision_service.hpp"
#include "app/personnel/nomination_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::personnel {
LINGYAN_JSON_ENUM_AS_NAME(Kind, KindName)
LINGYAN_JSON_ENUM_AS_NAME(Ground, GroundName)
LINGYAN_JSON_ENUM_AS_NAME(Category, CategoryName)
LINGYAN_JSON_ENUM_AS_NAME(NominationState, StateName)
BOOST_DESCRIBE_STRUCT(Decision, (),
                      (id, person_id, name, unit_id, kind, ground, ground_id, ground_label, content, document_no,
                       decided_on, decided_by, decided_at))
BOOST_DESCRIBE_STRUCT(Nomination, (),
                      (id, person_id, name, unit_id, year, category, reason, evidence, state, nominated_by,
                       nominated_at, reviewed_by, reviewed_at, review_reason))
}  // namespace lingyan::core::personnel

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(NominationView, (), (position))
}  // namespace lingyan::app
