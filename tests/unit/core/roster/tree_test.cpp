#include "core/roster/tree.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::roster {
namespace {

Unit U(Id id, std::optional<Id> parent, std::string name, std::string code = "", UnitKind kind = UnitKind::kVillage) {
    Unit u;
    u.id = id;
    u.parent_id = parent;
    u.name = std::move(name);
    u.code = std::move(code);
    u.kind = kind;
    return u;
}

RegionTree Sample() {
    auto t = RegionTree::Build({U(1, std::nullopt, "苏州市", "320500000000", UnitKind::kCity),
                                U(2, 1, "张家港市", "320582000000", UnitKind::kCounty),
                                U(3, 2, "杨舍镇", "320582001000", UnitKind::kTown),
                                U(5, 3, "北联村", "320582001202"), U(4, 3, "善港村", "320582001201"),
                                U(6, 1, "太仓市", "320585000000", UnitKind::kCounty)});
    EXPECT_TRUE(t.ok());
    return std::move(t).value();
}

TEST(RegionTree, SubtreeMembershipFollowsTheTree) {
    RegionTree t = Sample();
    EXPECT_TRUE(t.InSubtree(1, 5));
    EXPECT_TRUE(t.InSubtree(3, 3));
    EXPECT_TRUE(t.InSubtree(2, 4));
    EXPECT_FALSE(t.InSubtree(6, 4));
    EXPECT_FALSE(t.InSubtree(5, 3));
    EXPECT_FALSE(t.InSubtree(3, 99));
}

TEST(RegionTree, ChildrenAreOrderedByDivisionCode) {
    RegionTree t = Sample();
    auto kids = t.Children(3);
    ASSERT_EQ(kids.size(), 2u);
    EXPECT_EQ(kids[0], 4);  // 善港村 …201 before 北联村 …202
    EXPECT_EQ(kids[1], 5);
    ASSERT_EQ(t.Children(std::nullopt).size(), 1u);
}

TEST(RegionTree, AncestorsRunFromTheRootDown) {
    RegionTree t = Sample();
    auto a = t.Ancestors(5);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0]->name, "苏州市");
    EXPECT_EQ(a[2]->name, "杨舍镇");
    EXPECT_EQ(t.Depth(5), 3);
}

TEST(RegionTree, SearchMatchesNameSubstringsAndCodePrefixesInsideTheSubtree) {
    RegionTree t = Sample();
    EXPECT_EQ(t.Search(1, "北联").size(), 1u);
    EXPECT_EQ(t.Search(1, "3205820012").size(), 2u);
    EXPECT_TRUE(t.Search(6, "北联").empty());
}

TEST(RegionTree, RefusesUnknownParentsAndCycles) {
    auto orphan = RegionTree::Build({U(1, std::nullopt, "a"), U(2, 7, "b")});
    ASSERT_FALSE(orphan.ok());
    EXPECT_EQ(orphan.error().field, "parent_id");
    auto cycle = RegionTree::Build({U(1, std::nullopt, "root"), U(2, 3, "甲"), U(3, 2, "乙")});
    ASSERT_FALSE(cycle.ok());
    EXPECT_NE(cycle.error().message.find("循环"), std::string::npos);
    auto dup = RegionTree::Build({U(1, std::nullopt, "a"), U(1, std::nullopt, "b")});
    EXPECT_FALSE(dup.ok());
}

}  // namespace
}  // namespace lingyan::core::roster

namespace lingyan::core::roster {
namespace {

TEST(UnitLabels, ChineseAndEnglishKindsAndEconomies) {
    EXPECT_EQ(KindFromLabel("街道"), UnitKind::kTown);
    EXPECT_EQ(KindFromLabel("县级市"), UnitKind::kCounty);
    EXPECT_EQ(KindFromLabel("社区"), UnitKind::kCommunity);
    EXPECT_EQ(KindFromLabel("village"), UnitKind::kVillage);
    EXPECT_FALSE(KindFromLabel("庄园"));
    EXPECT_EQ(EconomyFromLabel(""), Economy::kNone);
    EXPECT_EQ(EconomyFromLabel("工业"), Economy::kIndustry);
    EXPECT_EQ(EconomyFromLabel("urban"), Economy::kUrban);
    EXPECT_FALSE(EconomyFromLabel("渔业"));
}

}  // namespace
}  // namespace lingyan::core::roster
