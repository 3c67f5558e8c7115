#include "core/text/join.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::text {
namespace join_test {

TEST(Join, NamesWithTheEnumerationCommaOrTheSeparatorGiven) {
    EXPECT_EQ(Join({}), "");
    EXPECT_EQ(Join({"灵湖村书记"}), "灵湖村书记");
    EXPECT_EQ(Join({"灵湖村书记", "善港村书记", "前塘村书记"}), "灵湖村书记、善港村书记、前塘村书记");
    EXPECT_EQ(Join({"甲", "", "乙"}, "；"), "甲；；乙");  // an empty item keeps its place
}

}  // namespace join_test
}  // namespace lingyan::core::text
