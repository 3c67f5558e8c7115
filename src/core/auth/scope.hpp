#pragma once
// Roles and scope rules. Every read and write is checked on the server against the caller's
// scope (a subtree of the region tree): reads outside scope look like "not found" (404), writes
// outside scope are "forbidden" (403). When adding a role, extend kRoles and the capability
// functions below, and the web app's menu (web/src/router).

#include <optional>
#include <string>
#include <string_view>

#include "core/roster/model.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::core::auth {

enum class Role { kAdmin, kCounty, kTown, kSecretary, kJudge, kMember };

std::optional<Role> RoleFromString(std::string_view s);
const char* RoleName(Role r);
const char* RoleLabel(Role r);  // 系统管理员, 区县组织部, 镇街党(工)委, 村/社区书记, 评委, 党员

// The authenticated caller of a use case.
struct Actor {
    roster::Id user_id = 0;
    std::string username;
    Role role = Role::kMember;
    roster::Id scope_unit_id = 0;
};

// The one scope rule: is `unit` inside the caller's scope? A scope of 0 (the whole deployment)
// is honoured for admins only; otherwise the unit must lie in the scope unit's subtree.
bool InScope(const roster::RegionTree& tree, const Actor& actor, roster::Id unit);

// May the role read the roster (units, people, statistics)?
bool CanReadRoster(Role r);
// May the role create, change or delete people and positions in its scope?
bool CanWriteRoster(Role r);
// May the role import a roster file?
bool CanImportRoster(Role r);
// The officers of the organization departments (admin, county, town): they manage units,
// campaigns, metrics, pools, programs and the ladder inside their scope.
bool IsManager(Role r);
// May the role manage users and read the audit log?
bool IsAdmin(Role r);
// Account management (the accounts page): admin manages every account; county and town manage
// the accounts of the roles below their own (town: secretary, judge, member) inside their scope.
// May `actor` create, change or reset an account of role `target`?
bool MayManageAccountOf(Role actor, Role target);

}  // namespace lingyan::core::auth
