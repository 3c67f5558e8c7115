#include "core/auth/scope.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::auth {
namespace {

roster::RegionTree Tree() {
    std::vector<roster::Unit> units(3);
    units[0].id = 1;
    units[1].id = 2;
    units[1].parent_id = 1;
    units[2].id = 3;
    return std::move(roster::RegionTree::Build(units)).value();
}

TEST(Scope, ASubtreeScopeCoversItsUnitsOnly) {
    auto tree = Tree();
    Actor town{1, "town", Role::kTown, 1};
    EXPECT_TRUE(InScope(tree, town, 1));
    EXPECT_TRUE(InScope(tree, town, 2));
    EXPECT_FALSE(InScope(tree, town, 3));
    EXPECT_FALSE(InScope(tree, town, 99));
}

TEST(Scope, TheWholeDeploymentScopeIsForAdminsOnly) {
    auto tree = Tree();
    EXPECT_TRUE(InScope(tree, Actor{1, "admin", Role::kAdmin, 0}, 3));
    EXPECT_FALSE(InScope(tree, Actor{1, "admin", Role::kAdmin, 0}, 99));
    EXPECT_FALSE(InScope(tree, Actor{2, "odd", Role::kCounty, 0}, 3));
}

}  // namespace
}  // namespace lingyan::core::auth

namespace lingyan::core::auth {
namespace {

TEST(Roles, ManagersAreTheOrganizationDepartments) {
    for (Role r : {Role::kAdmin, Role::kCounty, Role::kTown}) EXPECT_TRUE(IsManager(r)) << RoleName(r);
    for (Role r : {Role::kSecretary, Role::kJudge, Role::kMember}) EXPECT_FALSE(IsManager(r)) << RoleName(r);
    EXPECT_EQ(CanImportRoster(Role::kSecretary), IsManager(Role::kSecretary));
}

TEST(Roles, OfficersManageTheAccountsOfTheRolesBelowTheirOwn) {
    for (Role r : {Role::kAdmin, Role::kCounty, Role::kTown, Role::kSecretary, Role::kJudge, Role::kMember})
        EXPECT_TRUE(MayManageAccountOf(Role::kAdmin, r)) << RoleName(r);
    EXPECT_FALSE(MayManageAccountOf(Role::kCounty, Role::kAdmin));
    EXPECT_FALSE(MayManageAccountOf(Role::kCounty, Role::kCounty));
    for (Role r : {Role::kTown, Role::kSecretary, Role::kJudge, Role::kMember})
        EXPECT_TRUE(MayManageAccountOf(Role::kCounty, r)) << RoleName(r);
    EXPECT_FALSE(MayManageAccountOf(Role::kTown, Role::kTown));
    EXPECT_FALSE(MayManageAccountOf(Role::kTown, Role::kCounty));
    for (Role r : {Role::kSecretary, Role::kJudge, Role::kMember})
        EXPECT_TRUE(MayManageAccountOf(Role::kTown, r)) << RoleName(r);
    for (Role actor : {Role::kSecretary, Role::kJudge, Role::kMember})
        for (Role r : {Role::kSecretary, Role::kJudge, Role::kMember})
            EXPECT_FALSE(MayManageAccountOf(actor, r)) << RoleName(actor) << " " << RoleName(r);
}

TEST(Roles, EachRoleHasItsOwnWords) {
    EXPECT_STREQ(RoleLabel(Role::kAdmin), "系统管理员");
    EXPECT_STREQ(RoleLabel(Role::kCounty), "区县组织部");
    EXPECT_STREQ(RoleLabel(Role::kTown), "镇街党(工)委");
    EXPECT_STREQ(RoleLabel(Role::kSecretary), "村/社区书记");
    EXPECT_STREQ(RoleLabel(Role::kJudge), "评委");
    EXPECT_STREQ(RoleLabel(Role::kMember), "党员");
}

}  // namespace
}  // namespace lingyan::core::auth
