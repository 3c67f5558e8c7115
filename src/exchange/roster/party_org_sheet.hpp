#pragma once
// 党组织名册 (behind app::RosterFiles::party_orgs_xlsx): the party organizations of a list, one row
// each — name, kind, unit, superior organization, registered and direct members, grid branch, the
// approval's date and document number, state, and what the member count allows (提档升格).

#include <string>
#include <vector>

#include "app/roster/roster_service.hpp"

namespace lingyan::exchange::roster {

std::string PartyOrgsXlsx(const std::vector<app::PartyOrgView>& orgs);

}  // namespace lingyan::exchange::roster
