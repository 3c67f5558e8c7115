#include <gtest/gtest.h>

#include "exchange/text/chinese_converter.hpp"

namespace lingyan::exchange::text {
namespace {

TEST(OpenccConverter, ConvertsTraditionalToSimplifiedAndKeepsTheRest) {
    const ChineseConverter converter;
    EXPECT_EQ(converter.Convert("黨組織書記帶頭發展村集體經濟"), "党组织书记带头发展村集体经济");
    EXPECT_EQ(converter.Convert("已经是简体 ABC 123，标点。"), "已经是简体 ABC 123，标点。");
    EXPECT_EQ(converter.Convert(""), "");
    EXPECT_EQ(converter.Convert(std::string_view("體\0體", 7)), std::string("体\0体", 7));
}

TEST(OpenccConverter, TheSharedConverterGivesTheSameResult) {
    EXPECT_EQ(TraditionalToSimplified("頭雁領飛"), "头雁领飞");
}

TEST(OpenccConverter, AMissingConfigurationThrowsNamingIt) {
    try {
        ChineseConverter converter("/nonexistent/opencc.json");
        FAIL() << "loaded a missing configuration";
    } catch (const OpenccError& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/opencc.json"), std::string::npos);
    }
}

}  // namespace
}  // namespace lingyan::exchange::text
