#pragma once
// What the party organizations' responses show of their records (http/server/described_json.hpp):
// an organization, its members, history and 党员中心户. The handlers add the rest.

#include "app/roster/roster_service.hpp"
#include "core/roster/tree.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::roster {
LINGYAN_JSON_ENUM_AS_NAME(PartyOrgKind, PartyOrgKindName)
BOOST_DESCRIBE_STRUCT(PartyOrg, (), (id, unit_id, name, kind, member_count, approved_on, document_no))
BOOST_DESCRIBE_STRUCT(PartyOrgEvent, (), (action, from, to, approved_on, document_no, done_by, done_at))
BOOST_DESCRIBE_STRUCT(PartyHousehold, (), (id, org_id, person_id, place, created_on))
}  // namespace lingyan::core::roster

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(PartyOrgView, (), (unit_name, parent_name, direct_members, grid, upgrade_hint))
BOOST_DESCRIBE_STRUCT(PartyOrgMemberView, (), (person_id, name, unit_name, party_join_date))
BOOST_DESCRIBE_STRUCT(PartyHouseholdView, (), (person_name))
}  // namespace lingyan::app
