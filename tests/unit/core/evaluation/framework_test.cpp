#include "core/evaluation/framework.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lingyan::core::evaluation {
namespace framework_test {  // named: one unity-build unit holds several test files

CriterionSpec Leaf(std::string id, Method method, double weight = 1, std::string parent = "") {
    CriterionSpec c;
    c.id = std::move(id);
    c.name = c.id;
    c.parent = std::move(parent);
    c.weight = weight;
    c.method = method;
    return c;
}

CriterionSpec Group(std::string id, double weight = 1, std::string parent = "") {
    return Leaf(std::move(id), Method::kGroup, weight, std::move(parent));
}

Framework With(std::vector<CriterionSpec> criteria) {
    Framework fw;
    fw.name = "t";
    fw.criteria = std::move(criteria);
    return fw;
}

TEST(ScoringMethodNames, ParseAndPrintRoundTripForEveryLeafMethod) {
    for (const char* name : {"target", "growth", "judges", "rating", "rank", "count", "manual"}) {
        auto method = ParseMethod(name);
        ASSERT_TRUE(method.has_value()) << name;
        EXPECT_EQ(MethodName(*method), name);
    }
    EXPECT_FALSE(ParseMethod("group").has_value());
    EXPECT_FALSE(ParseMethod("Target").has_value());
    EXPECT_FALSE(ParseMethod("").has_value());
}

TEST(ScoringFramework, SharesAreWeightsOverSiblingsAndMultiplyDownTheTree) {
    auto fw = Compile(With({Group("g", 3), Leaf("x", Method::kRating, 1, "g"), Leaf("y", Method::kRating, 3, "g"),
                            Leaf("z", Method::kRank, 1)}));
    ASSERT_TRUE(fw.ok()) << fw.error().message;
    const auto& x = fw->nodes()[static_cast<std::size_t>(fw->Find("x"))];
    const auto& y = fw->nodes()[static_cast<std::size_t>(fw->Find("y"))];
    const auto& z = fw->nodes()[static_cast<std::size_t>(fw->Find("z"))];
    EXPECT_DOUBLE_EQ(x.share, 0.25);
    EXPECT_DOUBLE_EQ(x.global_share, 0.75 * 0.25);
    EXPECT_DOUBLE_EQ(y.global_share, 0.75 * 0.75);
    EXPECT_DOUBLE_EQ(z.global_share, 0.25);
    EXPECT_EQ(x.depth, 1);
    EXPECT_EQ(fw->leaves().size(), 3u);
}

TEST(ScoringFramework, NodesArePreOrderWithChildrenInGivenOrderEvenWhenParentsComeLater) {
    auto fw = Compile(With(
        {Leaf("b1", Method::kRank, 1, "b"), Leaf("a", Method::kRank), Group("b"), Leaf("b2", Method::kRank, 1, "b")}));
    ASSERT_TRUE(fw.ok()) << fw.error().message;
    std::vector<std::string> order;
    for (const auto& node : fw->nodes()) order.push_back(node.spec.id);
    EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "b1", "b2"}));
}

TEST(ScoringFramework, JudgesDefaultToTrimOneAndMaxHundred) {
    auto fw = Compile(With({Leaf("j", Method::kJudges)}));
    ASSERT_TRUE(fw.ok());
    EXPECT_EQ(fw->nodes()[0].trim, 1);
    EXPECT_DOUBLE_EQ(fw->nodes()[0].max, 100.0);
}

struct BadCase {
    const char* what;
    Framework framework;
    const char* field;
};

template <typename T>
T Tweak(T value, auto change) {
    change(value);
    return value;
}

TEST(ScoringFramework, RefusesInvalidFrameworksNamingTheOffendingField) {
    auto growth = Leaf("g", Method::kGrowth);
    auto count = Leaf("c", Method::kCount);
    auto manual = Leaf("m", Method::kManual);
    const BadCase cases[] = {
        {"no criteria", With({}), "criteria"},
        {"duplicate id", With({Leaf("a", Method::kRank), Leaf("a", Method::kRating)}), "a"},
        {"zero weight", With({Leaf("a", Method::kRank, 0)}), "a"},
        {"negative weight", With({Leaf("a", Method::kRank, -1)}), "a"},
        {"leaf without method", With({Group("a")}), "a"},
        {"group with method", With({Leaf("a", Method::kRank), Leaf("b", Method::kRank, 1, "a")}), "a"},
        {"unknown parent", With({Leaf("a", Method::kRank, 1, "nope")}), "a"},
        {"cycle of parents", With({Group("a", 1, "b"), Group("b", 1, "a"), Leaf("c", Method::kRank)}), "a"},
        {"self parent", With({Group("a", 1, "a"), Leaf("c", Method::kRank)}), "a"},
        {"growth without floor", With({Tweak(growth, [](auto& c) { c.ceiling = 0.2; })}), "g"},
        {"growth ceiling below floor",
         With({Tweak(growth,
                     [](auto& c) {
                         c.floor = 0.2;
                         c.ceiling = 0.1;
                     })}),
         "g"},
        {"count without cap", With({Tweak(count, [](auto& c) { c.per = 1; })}), "c"},
        {"count with zero per",
         With({Tweak(count,
                     [](auto& c) {
                         c.per = 0;
                         c.cap = 5;
                     })}),
         "c"},
        {"manual without max", With({manual}), "m"},
        {"judges with fractional trim", With({Tweak(Leaf("j", Method::kJudges), [](auto& c) { c.trim = 1.5; })}), "j"},
        {"judges with negative max", With({Tweak(Leaf("j", Method::kJudges), [](auto& c) { c.max = -1; })}), "j"},
        {"parameter of another method", With({Tweak(Leaf("j", Method::kJudges), [](auto& c) { c.floor = 0; })}), "j"},
        {"zero scale", Tweak(With({Leaf("a", Method::kRank)}), [](auto& f) { f.scale = 0; }), "scale"},
        {"negative bonus cap", Tweak(With({Leaf("a", Method::kRank)}), [](auto& f) { f.bonus_cap = -1; }), "bonus_cap"},
        {"unknown tiebreak", Tweak(With({Leaf("a", Method::kRank)}), [](auto& f) { f.tiebreak = {"zz"}; }), "tiebreak"},
        {"award quota zero",
         Tweak(With({Leaf("a", Method::kRank)}),
               [](auto& f) {
                   f.awards = {{"金奖", 0, 0}};
               }),
         "awards"},
        {"award without name",
         Tweak(With({Leaf("a", Method::kRank)}),
               [](auto& f) {
                   f.awards = {{"", 1, 0}};
               }),
         "awards"},
    };
    for (const auto& c : cases) {
        auto result = Compile(c.framework);
        ASSERT_FALSE(result.ok()) << c.what;
        EXPECT_EQ(result.error().code, errc::kInvalid) << c.what;
        EXPECT_EQ(result.error().field, c.field) << c.what << ": " << result.error().message;
    }
}

TEST(ScoringFramework, FindsCriteriaByIdAndReportsUnknownOnes) {
    auto fw = Compile(With({Group("g"), Leaf("x", Method::kRank, 1, "g")}));
    ASSERT_TRUE(fw.ok());
    EXPECT_EQ(fw->Find("g"), 0);
    EXPECT_EQ(fw->Find("x"), 1);
    EXPECT_EQ(fw->Find("y"), kNoNode);
}

}  // namespace framework_test
}  // namespace lingyan::core::evaluation
