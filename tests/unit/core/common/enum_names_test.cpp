// EnumName tables: an enum's names and labels, and the lookups by name (or label).
#include "core/common/enum_names.hpp"

#include <gtest/gtest.h>

#include <string>

namespace lingyan::core {
namespace {

enum class Level { kHigh, kLow, kUnlisted };
constexpr EnumName<Level> kLevels[] = {{Level::kHigh, "high", "高"}, {Level::kLow, "low", "低"}};

TEST(EnumNames, NameAndLabelOfAValueAndTheFallbackForOneNotInTheTable) {
    EXPECT_EQ(std::string(EnumNameOf(kLevels, Level::kLow, "?")), "low");
    EXPECT_EQ(std::string(EnumLabelOf(kLevels, Level::kHigh, "?")), "高");
    EXPECT_EQ(std::string(EnumNameOf(kLevels, Level::kUnlisted, "fallback")), "fallback");
    EXPECT_EQ(std::string(EnumLabelOf(kLevels, Level::kUnlisted, "兜底")), "兜底");
}

TEST(EnumNames, FromNameMatchesLabelsOnlyWhenAsked) {
    EXPECT_EQ(EnumFromName(kLevels, "low"), Level::kLow);
    EXPECT_EQ(EnumFromName(kLevels, "低"), std::nullopt);
    EXPECT_EQ(EnumFromName(kLevels, "低", NameMatch::kNameOrLabel), Level::kLow);
    EXPECT_EQ(EnumFromName(kLevels, "", NameMatch::kNameOrLabel), std::nullopt);
    EXPECT_EQ(EnumFromName(kLevels, "middle"), std::nullopt);
}

}  // namespace
}  // namespace lingyan::core
