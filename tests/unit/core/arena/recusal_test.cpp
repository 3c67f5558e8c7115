#include "core/arena/recusal.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::arena {
namespace {

using roster::Unit;
using roster::UnitKind;

// 绍兴市 > 柯桥区 > {平水镇 > {若耶村 > 第一网格}, 兰亭街道 > {谢家坞村}}, and 越城区 > 府山街道.
roster::RegionTree Tree() {
    std::vector<Unit> units = {
        {1, std::nullopt, "", "绍兴市", UnitKind::kCity},
        {2, 1, "", "柯桥区", UnitKind::kCounty},
        {3, 2, "", "平水镇", UnitKind::kTown},
        {4, 2, "", "兰亭街道", UnitKind::kTown},
        {5, 3, "", "若耶村", UnitKind::kVillage},
        {6, 5, "", "第一网格", UnitKind::kGrid},
        {7, 4, "", "谢家坞村", UnitKind::kVillage},
        {8, 1, "", "越城区", UnitKind::kCounty},
        {9, 8, "", "府山街道", UnitKind::kTown},
    };
    return std::move(roster::RegionTree::Build(units)).value();
}

TEST(Recuses, ComparesTheAncestorsAtTheConfiguredLevel) {
    const auto tree = Tree();
    struct Case {
        const char* name;
        Id judge, contestant;
        RecusalLevel level;
        bool recuses;
    } cases[] = {
        {"same town: judge from the town office, contestant from its village", 3, 5, RecusalLevel::kTown, true},
        {"same town: a grid below the village", 6, 5, RecusalLevel::kTown, true},
        {"other town of the same county", 7, 5, RecusalLevel::kTown, false},
        {"judge from the county office is above the town level", 2, 5, RecusalLevel::kTown, false},
        {"county level: same county", 7, 5, RecusalLevel::kCounty, true},
        {"county level: other county", 9, 5, RecusalLevel::kCounty, false},
        {"village level: same village", 6, 5, RecusalLevel::kVillage, true},
        {"village level: town office is above the village", 3, 5, RecusalLevel::kVillage, false},
        {"none: never", 5, 5, RecusalLevel::kNone, false},
        {"unknown unit: never", 99, 5, RecusalLevel::kTown, false},
    };
    for (const auto& c : cases) EXPECT_EQ(Recuses(tree, c.judge, c.contestant, c.level), c.recuses) << c.name;
}

TEST(ComputeRecusals, ListsEverySeatAndContestantPairThatRecuses) {
    ContestSetup setup;
    setup.recusal = RecusalLevel::kTown;
    setup.seats = {Seat{11, 1, "评委一", 3}, Seat{12, 2, "评委二", 4}, Seat{13, 3, "评委三", 2}};
    setup.contestants = {Contestant{21, ContestantKind::kPerson, 0, 5, "甲"},
                         Contestant{22, ContestantKind::kPerson, 0, 7, "乙"}};
    EXPECT_EQ(ComputeRecusals(Tree(), setup), (Recusals{{11, 21}, {12, 22}}));
}

}  // namespace
}  // namespace lingyan::core::arena
