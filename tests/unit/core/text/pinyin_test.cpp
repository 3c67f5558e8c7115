#include "core/text/pinyin.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::text {
namespace {

TEST(OpenccPinyin, StripsBracketedPinyinAfterChineseCharactersOnly) {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"問(wèn)題(tí)", "問題"},
        {"发展（fā zhǎn）集体经济", "发展集体经济"},
        {"书记(2021年)", "书记(2021年)"},
        {"GDP (gross)", "GDP (gross)"},
        {"村(cūn", "村(cūn"},
        {"村()", "村()"},
        {"", ""},
    };
    for (const Case& c : cases) EXPECT_EQ(StripPinyinAnnotations(c.in), c.out) << c.in;
}

TEST(OpenccPinyin, CountsTheAnnotationsItRemoves) {
    std::size_t removed = 99;
    EXPECT_EQ(StripPinyinAnnotations("歡迎訪問(wèn)【運(yùn)城】", &removed), "歡迎訪問【運城】");
    EXPECT_EQ(removed, 2u);
    EXPECT_EQ(StripPinyinAnnotations("村(社区)", &removed), "村(社区)");
    EXPECT_EQ(removed, 0u);
}

}  // namespace
}  // namespace lingyan::core::text
