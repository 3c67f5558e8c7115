#include "core/evaluation/templates.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace lingyan::core::evaluation {
namespace {

TEST(ScoringTemplates, EveryBuiltinTemplateCompilesAndHasAnAward) {
    const auto templates = BuiltinTemplates();
    ASSERT_EQ(templates.size(), 5u);
    std::set<std::string> keys;
    for (const auto& t : templates) {
        auto compiled = Compile(t.framework);
        EXPECT_TRUE(compiled.ok()) << t.key << ": " << (compiled.ok() ? "" : compiled.error().message);
        EXPECT_FALSE(t.framework.awards.empty()) << t.key;
        keys.insert(std::string(t.key));
    }
    EXPECT_EQ(keys.size(), templates.size());
}

std::vector<std::string> TopLevelNames(const Framework& fw) {
    std::vector<std::string> out;
    for (const auto& c : fw.criteria) {
        if (c.parent.empty()) out.push_back(c.name);
    }
    return out;
}

TEST(ScoringTemplates, SanhaoTemplatesUseTheFourStandardsOfTheirRole) {
    const auto templates = BuiltinTemplates();
    EXPECT_EQ(TopLevelNames(FindTemplate(templates, "sanhao-team")->framework),
              (std::vector<std::string>{"引领力强", "凝聚力强", "战斗力强", "公信力强"}));
    EXPECT_EQ(TopLevelNames(FindTemplate(templates, "sanhao-leader")->framework),
              (std::vector<std::string>{"政治站位高", "驾驭水平高", "担当能级高", "发展本领高"}));
    EXPECT_EQ(TopLevelNames(FindTemplate(templates, "sanhao-deputy")->framework),
              (std::vector<std::string>{"政治素质优", "执行能力优", "开拓精神优", "专业素养优"}));
    EXPECT_EQ(TopLevelNames(FindTemplate(templates, "sihao-secretary")->framework),
              (std::vector<std::string>{"政治素质好", "发展实绩好", "作风形象好", "群众口碑好"}));
}

TEST(ScoringTemplates, DeputyTemplateCarriesTheTwentySevenItemGuidanceListAsLeaves) {
    const auto templates = BuiltinTemplates();
    auto compiled = Compile(FindTemplate(templates, "sanhao-deputy")->framework);
    ASSERT_TRUE(compiled.ok());
    EXPECT_EQ(compiled->leaves().size(), 27u);
    for (int leaf : compiled->leaves()) EXPECT_EQ(compiled->nodes()[static_cast<std::size_t>(leaf)].depth, 1);
}

TEST(ScoringTemplates, AwardQuotasFollowTheFirstJiangyanCommendation) {
    // 首批表彰好班子4个、好班长4名、好班副18名 (seed 002).
    const auto templates = BuiltinTemplates();
    EXPECT_EQ(FindTemplate(templates, "sanhao-team")->framework.awards[0].quota, 4);
    EXPECT_EQ(FindTemplate(templates, "sanhao-leader")->framework.awards[0].quota, 4);
    EXPECT_EQ(FindTemplate(templates, "sanhao-deputy")->framework.awards[0].quota, 18);
    EXPECT_EQ(FindTemplate(templates, "secretary-project")->framework.awards.size(), 3u);
    EXPECT_EQ(FindTemplate(templates, "nope"), nullptr);
}

}  // namespace
}  // namespace lingyan::core::evaluation
