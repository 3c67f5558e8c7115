#include "core/auth/scope.hpp"

namespace lingyan::core::auth {

namespace {
constexpr std::pair<Role, const char*> kRoles[] = {{Role::kAdmin, "admin"},         {Role::kCounty, "county"},
                                                   {Role::kTown, "town"},           {Role::kSecretary, "secretary"},
                                                   {Role::kJudge, "judge"},         {Role::kMember, "member"}};
}  // namespace

std::optional<Role> RoleFromString(std::string_view s) {
    for (auto [r, name] : kRoles)
        if (s == name) return r;
    return std::nullopt;
}

const char* RoleName(Role r) {
    for (auto [role, name] : kRoles)
        if (role == r) return name;
    return "";
}

const char* RoleLabel(Role r) {
    switch (r) {
        case Role::kAdmin: return "系统管理员";
        case Role::kCounty: return "区县组织部";
        case Role::kTown: return "镇街党(工)委";
        case Role::kSecretary: return "村/社区书记";
        case Role::kJudge: return "评委";
        case Role::kMember: return "党员";
    }
    return "";
}

bool InScope(const roster::RegionTree& tree, const Actor& actor, roster::Id unit) {
    if (actor.scope_unit_id == 0) return actor.role == Role::kAdmin && tree.Find(unit) != nullptr;
    return tree.InSubtree(actor.scope_unit_id, unit);
}

bool CanReadRoster(Role r) { return r != Role::kJudge && r != Role::kMember; }
bool CanWriteRoster(Role r) { return r == Role::kAdmin || r == Role::kCounty || r == Role::kTown || r == Role::kSecretary; }
bool CanImportRoster(Role r) { return IsManager(r); }
bool IsManager(Role r) { return r == Role::kAdmin || r == Role::kCounty || r == Role::kTown; }
bool IsAdmin(Role r) { return r == Role::kAdmin; }
bool MayManageAccountOf(Role actor, Role target) {
    if (actor == Role::kAdmin) return true;
    // The roles are declared from the top down: a larger value is a role below.
    return IsManager(actor) && static_cast<int>(target) > static_cast<int>(actor);
}

}  // namespace lingyan::core::auth
