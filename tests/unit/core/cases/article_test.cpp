#include "core/cases/article.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace lingyan::core::cases {
namespace {

std::string Seed(const std::string& name) {
    std::ifstream in(std::string(LINGYAN_CASE_SEEDS) + "/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    EXPECT_FALSE(s.str().empty()) << name;
    return s.str();
}

bool Has(const std::vector<std::string>& lines, std::string_view part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

TEST(CleanArticle, ANewsPageKeepsTheArticleAndDropsBreadcrumbStampFooterAndTheListsAfterIt) {
    const auto a = CleanArticle(Seed("000_eb9f57ce24ab25c7.txt"));
    EXPECT_EQ(a.title, "跟岗培育“头雁”南飞强本领");
    EXPECT_EQ(a.paragraphs.size(), 19u);
    EXPECT_EQ(a.paragraphs.front().rfind("26日,第二批南通市", 0), 0u);
    EXPECT_TRUE(Has(a.paragraphs, "签订各类结对共建协议45个"));
    EXPECT_TRUE(Has(a.dropped, "当前位置"));
    EXPECT_TRUE(Has(a.dropped, "admin7个月前"));
    EXPECT_TRUE(Has(a.dropped, "网站地图"));                              // the footer ends the article …
    EXPECT_TRUE(Has(a.dropped, "苏州上半年全市项目立项总投资超6700亿"));  // … and the unrelated news after it
    for (std::string_view chrome : {"当前位置", "微信", "http", "相关文章", "楼盘"})
        EXPECT_FALSE(Has(a.paragraphs, chrome)) << chrome;
    EXPECT_FALSE(a.published);  // "(09-24)" names no year
}

TEST(CleanArticle, AnOfficialPageGivesItsSourceAndTimeFromTheLineUnderTheTitle) {
    const auto a = CleanArticle(Seed("002_ea54b9c37c75fc56.txt"));
    EXPECT_EQ(a.title, "泰州姜堰:百舸破浪千帆扬");
    EXPECT_EQ(a.source, "姜堰区委组织部");
    ASSERT_TRUE(a.published);
    EXPECT_EQ(FormatIsoDate(*a.published), "2022-05-25");
    EXPECT_EQ(a.paragraphs.size(), 22u);
    EXPECT_TRUE(Has(a.dropped, "ICP备"));
    EXPECT_TRUE(Has(a.dropped, "+1"));
    EXPECT_FALSE(Has(a.paragraphs, "验证码"));
}

TEST(CleanArticle, AForumPostTakesTheMarkedTitleAndTheSourceFromItsCredits) {
    const auto a = CleanArticle(Seed("003_09e89491b425070b.txt"));
    EXPECT_EQ(a.title, "撤县设市之激荡三十年三十领航溧阳融");
    EXPECT_EQ(a.source, "溧阳市融媒体中心");
    EXPECT_TRUE(Has(a.dropped, "溧阳市"));    // the forum's name above the post
    EXPECT_TRUE(Has(a.dropped, "m.39.net"));  // an advert link under the title
    EXPECT_TRUE(Has(a.dropped, "韩一宁"));    // the credits after 内容来源
    EXPECT_FALSE(Has(a.paragraphs, "http"));
    EXPECT_EQ(a.paragraphs.back().rfind("党建强、则发展强,党建强", 0), 0u);
}

TEST(CleanArticle, PlainTextWithoutATitleLineTakesItsFirstSentence) {
    const auto a = CleanArticle("  近年来，某村探索积分制管理，群众参与度明显提高。\n\n第二段文字。");
    EXPECT_EQ(a.title, "近年来");
    ASSERT_EQ(a.paragraphs.size(), 2u);
    EXPECT_TRUE(a.dropped.empty());
}

TEST(CleanArticle, HtmlReferencesAreDecodedAndARepeatedLineKeptOnce) {
    const auto a = CleanArticle(
        "标题&ldquo;头雁&rdquo;\n正文&#8220;一&#8221; &amp; 二。\n正文&#8220;一&#8221; &amp; 二。\n&bogus; 三");
    EXPECT_EQ(a.title, "标题“头雁”");
    ASSERT_EQ(a.paragraphs.size(), 2u);
    EXPECT_EQ(a.paragraphs[0], "正文“一” & 二。");
    EXPECT_EQ(a.paragraphs[1], "&bogus; 三");
}

TEST(CleanArticle, EmptyOrChromeOnlyTextHasNoParagraphs) {
    EXPECT_TRUE(CleanArticle("").paragraphs.empty());
    const auto a = CleanArticle("当前位置:首页 > 新闻\n分享到:\n相关文章\n别的文章");
    EXPECT_TRUE(a.paragraphs.empty());
    EXPECT_EQ(a.dropped.size(), 4u);
}

}  // namespace
}  // namespace lingyan::core::cases
