#pragma once
// Rules about party organizations (党组织): names, the kinds a unit may hold, upgrades (提档升格)
// by member count, dissolution. Field names in errors are the API's JSON names.

#include <optional>
#include <string_view>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::roster {

// The member counts a kind needs (党章 and the 提档升格 practice of seed 003): a general branch
// 50, a committee 100; a branch or a group any number.
inline constexpr int kGeneralBranchMembers = 50;
inline constexpr int kCommitteeMembers = 100;
int MembersNeededFor(PartyOrgKind kind);

// 党委 3 > 党总支 2 > 党支部 1 > 党小组 0.
int KindRank(PartyOrgKind kind);
const char* PartyOrgKindLabel(PartyOrgKind kind);  // 党委, 党总支, 党支部, 党小组

inline constexpr std::size_t kMaxOrgNameChars = 60;
inline constexpr std::size_t kMaxDocumentNoChars = 60;
inline constexpr std::size_t kMaxPlaceChars = 60;

// A name: not empty, at most kMaxOrgNameChars characters, no control characters.
Status ValidOrgName(std::string_view name);
// An approval: a real date not after `today` (field `date_field`, called `date_label` in the
// message) and a document number of at most kMaxDocumentNoChars characters (field
// `document_no`, required when `require_document`).
Status ValidApproval(std::string_view date, std::string_view document_no, std::string_view today,
                     bool require_document, std::string_view date_field = "approved_on",
                     std::string_view date_label = "批复日期");

// May `org` (with `members` registered members) become `to`? Only upwards (branch → general
// branch → committee), only an active organization, only with the members `to` needs; a grid
// branch (`on_grid`) stays a branch. Errors name the field `kind`.
Status CheckUpgrade(const PartyOrg& org, PartyOrgKind to, int members, bool on_grid);

// Which kinds a unit of `unit_kind` may hold: a grid only a branch or a group (网格党支部/党小组).
Status CheckKindForUnit(PartyOrgKind kind, UnitKind unit_kind);

}  // namespace lingyan::core::roster
