#include "app/training/pool_rules_json.hpp"

#include <gtest/gtest.h>

namespace lingyan::app {
namespace {

namespace training = core::training;

TEST(PoolRulesJson, RoundTripsEveryRule) {
    training::EligibilityRules rules;
    rules.min_age = 22;
    rules.max_age = 35;
    rules.min_education = core::roster::Education::kJuniorCollege;
    rules.allowed_posts = {"机关中层", "副书记\"甲\""};
    rules.min_years_in_post = 2;
    rules.min_party = training::PartyStanding::kFull;
    const std::string text = RulesToJson(rules);
    auto back = RulesFromJson(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->min_age, 22);
    EXPECT_EQ(back->max_age, 35);
    EXPECT_EQ(back->min_education, core::roster::Education::kJuniorCollege);
    EXPECT_EQ(back->allowed_posts, rules.allowed_posts);
    EXPECT_EQ(back->min_years_in_post, 2);
    EXPECT_EQ(back->min_party, training::PartyStanding::kFull);
    EXPECT_EQ(RulesToJson(*back), text);
}

TEST(PoolRulesJson, RoundTripsAnHonourRule) {
    auto rules = RulesFromJson(R"({"honour_title":"金牌书记","honour_level":"city","honour_within_years":3})");
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    ASSERT_TRUE(rules->honour.has_value());
    EXPECT_EQ(rules->honour->title, "金牌书记");
    EXPECT_EQ(rules->honour->min_level, core::honours::Level::kCity);
    EXPECT_EQ(rules->honour->within_years, 3);
    EXPECT_EQ(RulesToJson(*rules), R"({"honour_title":"金牌书记","honour_level":"city","honour_within_years":3})");
    EXPECT_EQ(RulesFromJson(R"({"honour_level":"city"})").error().field, "rules.honour_title");
    EXPECT_EQ(RulesFromJson(R"({"honour_title":"x","honour_level":"国家级"})").error().field, "rules.honour_level");
}

TEST(PoolRulesJson, EmptyObjectMeansNoRules) {
    auto rules = RulesFromJson(" { } ");
    ASSERT_TRUE(rules.ok());
    EXPECT_FALSE(rules->max_age.has_value());
    EXPECT_TRUE(rules->allowed_posts.empty());
    EXPECT_EQ(RulesToJson(*rules), "{}");
}

TEST(PoolRulesJson, ReadsEscapesAndNulls) {
    auto rules = RulesFromJson(R"({"allowed_posts":["\u4e66\u8bb0"],"max_age":null})");
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    EXPECT_EQ(rules->allowed_posts, std::vector<std::string>{"书记"});
    EXPECT_FALSE(rules->max_age.has_value());
}

TEST(PoolRulesJson, RefusesBadInputNamingTheKey) {
    struct Case {
        const char* text;
        const char* field;
    };
    const Case cases[] = {
        {R"({"max_age":"35"})", "rules.max_age"},
        {R"({"max_age":-1})", "rules.max_age"},
        {R"({"min_education":"phd"})", "rules.min_education"},
        {R"({"min_party":"member"})", "rules.min_party"},
        {R"({"allowed_posts":"书记"})", "rules.allowed_posts"},
        {R"({"allowed_posts":[""]})", "rules.allowed_posts"},
        {R"({"colour":"red"})", "rules.colour"},
        {R"({"min_age":40,"max_age":35})", "rules.min_age"},
        {R"({"max_age":35} trailing)", "rules"},
        {R"([1,2])", "rules"},
    };
    for (const auto& c : cases) {
        auto r = RulesFromJson(c.text);
        ASSERT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.error().code, core::errc::kInvalid) << c.text;
        EXPECT_EQ(r.error().field, c.field) << c.text;
    }
}

}  // namespace
}  // namespace lingyan::app
