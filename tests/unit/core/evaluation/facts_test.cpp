#include "core/evaluation/facts.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lingyan::core::evaluation {
namespace {

CompiledFramework Sample() {
    Framework fw;
    auto leaf = [](std::string id, Method method) {
        CriterionSpec c;
        c.id = std::move(id);
        c.method = method;
        return c;
    };
    CriterionSpec group;
    group.id = "g";
    auto child = leaf("t", Method::kTarget);
    child.parent = "g";
    auto growth = leaf("gr", Method::kGrowth);
    growth.floor = 0;
    growth.ceiling = 1;
    auto manual = leaf("m", Method::kManual);
    manual.max = 10;
    auto count = leaf("c", Method::kCount);
    count.per = 1;
    count.cap = 5;
    fw.criteria = {group,
                   child,
                   growth,
                   leaf("j", Method::kJudges),
                   leaf("r", Method::kRating),
                   manual,
                   count,
                   leaf("k", Method::kRank)};
    auto compiled = Compile(fw);
    EXPECT_TRUE(compiled.ok());
    return std::move(compiled).value();
}

struct Bad {
    const char* what;
    std::vector<std::vector<std::string>> before;  // accepted first
    std::vector<std::string> row;                  // refused
};

TEST(ScoringFacts, RefusesBadFactsNamingSourceAndLine) {
    const Bad cases[] = {
        {"unknown criterion", {}, {"A", "nope", "actual", "1"}},
        {"fact on a group", {}, {"A", "g", "actual", "1"}},
        {"unknown key for method", {}, {"A", "t", "judge", "1"}},
        {"non-number", {}, {"A", "t", "actual", "十二"}},
        {"number with trailing text", {}, {"A", "t", "actual", "12abc"}},
        {"empty value", {}, {"A", "t", "actual", ""}},
        {"not finite", {}, {"A", "t", "actual", "inf"}},
        {"target zero", {}, {"A", "t", "target", "0"}},
        {"target negative", {}, {"A", "t", "target", "-3"}},
        {"growth base zero", {}, {"A", "gr", "base", "0"}},
        {"judge above max", {}, {"A", "j", "judge", "100.5"}},
        {"judge below zero", {}, {"A", "j", "judge", "-1"}},
        {"manual above max", {}, {"A", "m", "value", "11"}},
        {"manual below zero", {}, {"A", "m", "value", "-0.1"}},
        {"negative rating count", {}, {"A", "r", "优秀", "-1"}},
        {"negative count", {}, {"A", "c", "count", "-2"}},
        {"duplicate actual", {{"A", "t", "actual", "1"}}, {"A", "t", "actual", "2"}},
        {"duplicate rank value", {{"A", "k", "value", "1"}}, {"A", "k", "value", "1"}},
        {"duplicate manual value", {{"A", "m", "value", "1"}}, {"A", "m", "value", "1"}},
        {"duplicate veto", {{"A", "-", "veto", "x"}}, {"A", "-", "veto", "y"}},
        {"negative bonus", {}, {"A", "-", "bonus", "-1"}},
        {"unknown subject-level key", {}, {"A", "-", "score", "1"}},
        {"empty subject", {}, {"", "t", "actual", "1"}},
    };
    const auto fw = Sample();
    for (const auto& c : cases) {
        FactSheet sheet(fw, "inputs.csv");
        std::size_t line = 2;
        for (const auto& row : c.before) ASSERT_TRUE(sheet.Add(row[0], row[1], row[2], row[3], line++).ok()) << c.what;
        auto status = sheet.Add(c.row[0], c.row[1], c.row[2], c.row[3], 42);
        ASSERT_FALSE(status.ok()) << c.what;
        EXPECT_EQ(status.error().field, "inputs.csv:42") << c.what;
        EXPECT_FALSE(status.error().message.empty()) << c.what;
    }
}

TEST(ScoringFacts, AcceptsRepeatedJudgeScoresRatingCountsAndBonuses) {
    const auto fw = Sample();
    FactSheet sheet(fw, "in.csv");
    EXPECT_TRUE(sheet.Add("A", "j", "judge", "90").ok());
    EXPECT_TRUE(sheet.Add("A", "j", "judge", "90").ok());
    EXPECT_TRUE(sheet.Add("A", "r", "优秀", "2").ok());
    EXPECT_TRUE(sheet.Add("A", "r", "优秀", "3").ok());
    EXPECT_TRUE(sheet.Add("A", "-", "bonus", "1.5").ok());
    EXPECT_TRUE(sheet.Add("A", "-", "bonus", " +2 ").ok());
    const auto& a = sheet.subjects()[0];
    EXPECT_EQ(
        a.leaves[static_cast<std::size_t>(fw.nodes()[static_cast<std::size_t>(fw.Find("j"))].leaf_index)].judges.size(),
        2u);
    EXPECT_DOUBLE_EQ(a.bonus, 3.5);
}

TEST(ScoringFacts, SubjectsKeepTheOrderInWhichTheyAreFirstSeen) {
    const auto fw = Sample();
    FactSheet sheet(fw, "in.csv");
    ASSERT_TRUE(sheet.Add("乙", "k", "value", "1").ok());
    ASSERT_TRUE(sheet.Add("甲", "k", "value", "1").ok());
    ASSERT_TRUE(sheet.Add("乙", "m", "value", "1").ok());
    sheet.AddSubject("丙");
    ASSERT_EQ(sheet.subjects().size(), 3u);
    EXPECT_EQ(sheet.subjects()[0].name, "乙");
    EXPECT_EQ(sheet.subjects()[2].name, "丙");
    EXPECT_EQ(sheet.Find("甲"), 1);
    EXPECT_EQ(sheet.Find("丁"), -1);
}

}  // namespace
}  // namespace lingyan::core::evaluation
