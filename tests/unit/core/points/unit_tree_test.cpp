#include "core/points/unit_tree.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::points {
namespace {

TEST(PointsUnitTree, SubtreesAreContiguousInPreOrder) {
    //      0
    //    1   2
    //   3     4
    auto tree = UnitTree::Build({kNoUnit, 0, 0, 1, 2});
    ASSERT_TRUE(tree.ok());
    EXPECT_EQ(tree->subtree_size(0), 5);
    EXPECT_EQ(tree->subtree_size(1), 2);
    EXPECT_TRUE(tree->Contains(1, 3));
    EXPECT_FALSE(tree->Contains(1, 4));
    EXPECT_TRUE(tree->Contains(0, 4));
    EXPECT_EQ(tree->depth(4), 2);
    EXPECT_EQ(tree->Ancestry(3), (std::vector<UnitIdx>{3, 1, 0}));
}

TEST(PointsUnitTree, RefusesACycleNamingAUnitOnIt) {
    auto tree = UnitTree::Build({kNoUnit, 3, 1, 2, 1});  // 1 → 3 → 2 → 1, and 4 hangs below
    ASSERT_FALSE(tree.ok());
    EXPECT_EQ(tree.error().field, "unit:1");
    auto self = UnitTree::Build({0});
    ASSERT_FALSE(self.ok());
    EXPECT_EQ(self.error().field, "unit:0");
}

}  // namespace
}  // namespace lingyan::core::points
