#include "core/text/cell_text.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::text {
namespace {

TEST(CellText, FullWidthDigitsAndLettersBecomeAsciiChinesePunctuationStays) {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"１３９１２３４５６７８", "13912345678"},
        {"３２０４８１ＡＢｘ", "320481ABx"},
        {"２０２４．０３．０７", "2024.03.07"},
        {"＋８６－１３９", "+86-139"},
        {"书记，主任（兼）", "书记，主任（兼）"},  // text, not NFKC'd
        {"刘　洋", "刘 洋"},
        {"", ""},
    };
    for (const Case& c : cases) EXPECT_EQ(FoldWidth(c.in), c.out) << c.in;
}

TEST(CellText, CellsAreTrimmedOfEveryKindOfBlank) {
    EXPECT_EQ(NormalizeCell("\xE3\x80\x80 张三\xC2\xA0\xE2\x80\x8B "), "张三");
    EXPECT_EQ(NormalizeCell(" ３２０４８１００３２０２　"), "320481003202");
    EXPECT_EQ(NormalizeCell("\xEF\xBB\xBF姓名"), "姓名");
}

TEST(CellText, ChineseNamesLoseInnerSpacesLatinNamesKeepOne) {
    EXPECT_EQ(NormalizeName("刘　洋"), "刘洋");
    EXPECT_EQ(NormalizeName(" 刘  洋 "), "刘洋");
    EXPECT_EQ(NormalizeName("阿不都·热合曼"), "阿不都·热合曼");
    EXPECT_EQ(NormalizeName("John   Smith"), "John Smith");
}

TEST(CellText, HeadersMatchWhateverTheirBlanksLineBreaksAndWidth) {
    EXPECT_EQ(NormalizeHeader("身份证\n号码"), "身份证号码");
    EXPECT_EQ(NormalizeHeader("入党\r\n时间"), "入党时间");
    EXPECT_EQ(NormalizeHeader("姓  名"), "姓名");
    EXPECT_EQ(NormalizeHeader("性　别"), "性别");
    EXPECT_EQ(NormalizeHeader("面积（平方公里）"), "面积(平方公里)");
    EXPECT_EQ(NormalizeHeader("＊姓名"), "*姓名");
}

TEST(CellText, Utf8ChecksAndLengths) {
    EXPECT_TRUE(IsValidUtf8("张三 abc"));
    EXPECT_FALSE(IsValidUtf8(std::string("a\0b", 3)));
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a surrogate
    EXPECT_EQ(Utf8Length("张三a"), 3u);
}

TEST(CellText, ExcerptCutsAtCharactersNotBytes) {
    EXPECT_EQ(Excerpt("张三李四", 2), "张三…");
    EXPECT_EQ(Excerpt("张三", 2), "张三");
    EXPECT_EQ(Excerpt("ab", 0), "…");
    EXPECT_EQ(Excerpt("", 5), "");
    EXPECT_EQ(Utf8Length(Excerpt(std::string(100000, 'x'), 100)), 101u);
}

}  // namespace
}  // namespace lingyan::core::text
