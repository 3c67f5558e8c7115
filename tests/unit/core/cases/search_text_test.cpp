#include "core/cases/search_text.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::cases {
namespace {

using Tokens = std::vector<std::string>;

TEST(IndexTokens, PairsOfEveryChineseRunItsLastCharacterAndLatinWordsLowerCased) {
    EXPECT_EQ(IndexTokens("跟岗培育"), (Tokens{"跟岗", "岗培", "培育", "育"}));
    EXPECT_EQ(IndexTokens("村，GDP增长6700亿"), (Tokens{"村", "gdp", "增长", "长", "6700", "亿"}));
    EXPECT_EQ(IndexTokens("ＧＤＰ"), (Tokens{"gdp"}));  // full width folded
    EXPECT_TRUE(IndexTokens("，。 ！").empty());
}

TEST(ParseSearchQuery, WordsAreRunsOfTokensTheLastOpenWhereTheArticleMayGoOn) {
    auto words = ParseSearchQuery("  跟岗培育　村 头雁”南飞 GD ，");
    ASSERT_TRUE(words) << words.error().message;
    ASSERT_EQ(words->size(), 4u);
    EXPECT_EQ((*words)[0].tokens, (Tokens{"跟岗", "岗培", "培育"}));
    EXPECT_FALSE((*words)[0].prefix_last);
    EXPECT_EQ((*words)[1].tokens, (Tokens{"村"}));
    EXPECT_TRUE((*words)[1].prefix_last);
    EXPECT_EQ((*words)[2].tokens, (Tokens{"头雁", "雁", "南飞"}));  // as the article is indexed
    EXPECT_TRUE((*words)[0].one_run);
    EXPECT_FALSE((*words)[2].one_run);
    EXPECT_EQ((*words)[3].text, "gd");
    EXPECT_TRUE((*words)[3].prefix_last);
    EXPECT_TRUE(ParseSearchQuery("   ")->empty());
}

TEST(ParseSearchQuery, TooLongTooManyWordsOrNotUtf8IsRefusedNamingQ) {
    const auto long_query = ParseSearchQuery(std::string(101, 'a'));
    ASSERT_FALSE(long_query);
    EXPECT_EQ(long_query.error().field, "q");
    EXPECT_NE(long_query.error().message.find("100"), std::string::npos);
    EXPECT_TRUE(ParseSearchQuery(std::string(100, 'a')));
    const auto many = ParseSearchQuery("a b c d e f g h i");
    ASSERT_FALSE(many);
    EXPECT_EQ(many.error().field, "q");
    EXPECT_FALSE(ParseSearchQuery("\xff\xfe"));
}

std::string Render(const std::vector<SnippetPart>& parts) {
    std::string out;
    for (const auto& p : parts) out += p.hit ? "[" + p.text + "]" : p.text;
    return out;
}

TEST(Snippet, MarksEveryWordAroundTheFirstHitAndCutsWithEllipses) {
    auto words = *ParseSearchQuery("培育 gdp");
    const std::string body = "第一段没有。\n村书记跟岗培育一个月，GDP 与培育。后面还有很长很长的文字内容";
    EXPECT_EQ(Render(Snippet(body, words, 24)), "村书记跟岗[培育]一个月，[GDP] 与[培育]。后面还有很…");
    EXPECT_EQ(Render(Snippet(body, {}, 5)), "第一段没有…");
    EXPECT_EQ(Render(Snippet("短文", words, 50)), "短文");
}

}  // namespace
}  // namespace lingyan::core::cases
