#include "core/evaluation/engine.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace lingyan::core::evaluation {
namespace {

struct Row {
    std::string subject, criterion, key, value;
};

CriterionSpec Leaf(std::string id, Method method, double weight = 1) {
    CriterionSpec c;
    c.id = std::move(id);
    c.name = c.id;
    c.weight = weight;
    c.method = method;
    return c;
}

CompiledFramework MustCompile(Framework fw) {
    auto compiled = Compile(std::move(fw));
    if (!compiled) ADD_FAILURE() << compiled.error().message;
    return std::move(compiled).value();
}

// Evaluates rows against a compiled framework; fails the test on any refused fact.
Evaluation MustEvaluate(const CompiledFramework& fw, const std::vector<Row>& rows) {
    FactSheet sheet(fw, "in.csv");
    for (std::size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        const Row& r = rows[row_idx];
        auto status = sheet.Add(r.subject, r.criterion, r.key, r.value, row_idx + 2);
        if (!status) ADD_FAILURE() << status.error().field << ": " << status.error().message;
    }
    auto evaluation = Evaluate(sheet);
    if (!evaluation) ADD_FAILURE() << evaluation.error().message;
    return std::move(evaluation).value();
}

const SubjectResult& Of(const Evaluation& e, const std::string& name) {
    for (const auto& r : e.ranking) {
        if (r.name == name) return r;
    }
    ADD_FAILURE() << "no subject " << name;
    return e.ranking.front();
}

Framework OneLeaf(CriterionSpec leaf) {
    Framework fw;
    fw.name = "t";
    fw.criteria = {std::move(leaf)};
    return fw;
}

// ---- leaf methods ---------------------------------------------------------------------------

struct MethodCase {
    const char* what;
    CriterionSpec leaf;
    std::vector<Row> rows;  // for subject "A" (rank cases add others)
    double expected_s;
};

CriterionSpec With(CriterionSpec c, auto change) {
    change(c);
    return c;
}

TEST(ScoringEngine, EachLeafMethodComputesItsNormalizedScore) {
    const auto growth = With(Leaf("x", Method::kGrowth), [](auto& c) {
        c.floor = 0.0;
        c.ceiling = 0.2;
    });
    const auto count = With(Leaf("x", Method::kCount), [](auto& c) {
        c.per = 2;
        c.cap = 10;
    });
    const auto manual = With(Leaf("x", Method::kManual), [](auto& c) { c.max = 20; });
    const MethodCase cases[] = {
        {"target below target",
         Leaf("x", Method::kTarget),
         {{"A", "x", "actual", "75"}, {"A", "x", "target", "100"}},
         0.75},
        {"target above target is capped",
         Leaf("x", Method::kTarget),
         {{"A", "x", "actual", "130"}, {"A", "x", "target", "100"}},
         1.0},
        {"target with negative actual is 0",
         Leaf("x", Method::kTarget),
         {{"A", "x", "actual", "-5"}, {"A", "x", "target", "100"}},
         0.0},
        {"growth inside band", growth, {{"A", "x", "actual", "110"}, {"A", "x", "base", "100"}}, 0.5},
        {"growth above ceiling", growth, {{"A", "x", "actual", "150"}, {"A", "x", "base", "100"}}, 1.0},
        {"growth below floor", growth, {{"A", "x", "actual", "90"}, {"A", "x", "base", "100"}}, 0.0},
        {"growth from negative base uses |base|",
         growth,
         {{"A", "x", "actual", "-90"}, {"A", "x", "base", "-100"}},
         0.5},
        {"judges drop highest and lowest",
         Leaf("x", Method::kJudges),
         {{"A", "x", "judge", "100"}, {"A", "x", "judge", "80"}, {"A", "x", "judge", "90"}, {"A", "x", "judge", "0"}},
         0.85},
        {"judges with trim 0 average all",
         With(Leaf("x", Method::kJudges),
              [](auto& c) {
                  c.trim = 0;
                  c.max = 10;
              }),
         {{"A", "x", "judge", "6"}, {"A", "x", "judge", "9"}},
         0.75},
        {"rating weights grades",
         Leaf("x", Method::kRating),
         {{"A", "x", "优秀", "6"}, {"A", "x", "称职", "2"}, {"A", "x", "基本称职", "1"}, {"A", "x", "不称职", "1"}},
         (6 * 1.0 + 2 * 0.8 + 1 * 0.6) / 10},
        {"rating counts on several rows add up",
         Leaf("x", Method::kRating),
         {{"A", "x", "优秀", "1"}, {"A", "x", "不称职", "1"}, {"A", "x", "优秀", "2"}},
         0.75},
        {"count below cap", count, {{"A", "x", "count", "3"}}, 0.6},
        {"count above cap", count, {{"A", "x", "count", "9"}}, 1.0},
        {"manual over max", manual, {{"A", "x", "value", "15"}}, 0.75},
        {"rank alone is first", Leaf("x", Method::kRank), {{"A", "x", "value", "3"}}, 1.0},
        {"rank among three",
         Leaf("x", Method::kRank),
         {{"A", "x", "value", "5"}, {"B", "x", "value", "9"}, {"C", "x", "value", "1"}},
         0.5},
    };
    for (const auto& c : cases) {
        auto fw = MustCompile(OneLeaf(c.leaf));
        auto e = MustEvaluate(fw, c.rows);
        const auto& a = Of(e, "A");
        EXPECT_NEAR(a.s[0], c.expected_s, 1e-12) << c.what;
        EXPECT_NEAR(a.total, 100 * c.expected_s, 1e-9) << c.what;
        EXPECT_FALSE(a.incomplete) << c.what;
    }
}

TEST(ScoringEngine, RankTiesShareTheBetterRankAndOnlySubjectsWithAValueCount) {
    auto fw = MustCompile(OneLeaf(Leaf("x", Method::kRank)));
    auto e = MustEvaluate(fw, {{"A", "x", "value", "9"},
                               {"B", "x", "value", "9"},
                               {"C", "x", "value", "5"},
                               {"D", "x", "value", "1"},
                               {"E", "-", "bonus", "0"}});
    // N = 4 (E has no value): ranks 1,1,3,4 → s = 1, 1, 1/3, 0.
    EXPECT_DOUBLE_EQ(Of(e, "A").s[0], 1.0);
    EXPECT_DOUBLE_EQ(Of(e, "B").s[0], 1.0);
    EXPECT_DOUBLE_EQ(Of(e, "C").s[0], 1.0 / 3);
    EXPECT_DOUBLE_EQ(Of(e, "D").s[0], 0.0);
    EXPECT_DOUBLE_EQ(Of(e, "E").s[0], 0.0);
    EXPECT_TRUE(Of(e, "E").incomplete);
}

TEST(ScoringEngine, MissingInputScoresZeroAndFlagsTheSubjectIncomplete) {
    Framework fw;
    fw.criteria = {Leaf("t", Method::kTarget), Leaf("r", Method::kRating)};
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"A", "t", "actual", "50"},  // target missing
                                     {"A", "r", "优秀", "1"},
                                     {"B", "t", "actual", "50"},
                                     {"B", "t", "target", "100"},
                                     {"B", "r", "优秀", "0"}});  // no votes at all
    EXPECT_TRUE(Of(e, "A").incomplete);
    EXPECT_DOUBLE_EQ(Of(e, "A").total, 50.0);
    EXPECT_TRUE(Of(e, "B").incomplete);
    EXPECT_DOUBLE_EQ(Of(e, "B").total, 25.0);
}

TEST(ScoringEngine, ParentScoreIsTheWeightedMeanOfItsChildren) {
    Framework fw;
    CriterionSpec group;
    group.id = "g";
    group.weight = 1;
    auto a = Leaf("a", Method::kManual, 1);
    a.parent = "g";
    a.max = 10;
    auto b = Leaf("b", Method::kManual, 3);
    b.parent = "g";
    b.max = 10;
    auto c = Leaf("c", Method::kManual, 1);
    c.max = 10;
    fw.criteria = {group, a, b, c};
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"A", "a", "value", "10"}, {"A", "b", "value", "2"}, {"A", "c", "value", "5"}});
    const double g = (1 * 1.0 + 3 * 0.2) / 4;
    EXPECT_DOUBLE_EQ(Of(e, "A").s[0], g);
    EXPECT_NEAR(Of(e, "A").total, 100 * (g + 0.5) / 2, 1e-9);
}

TEST(ScoringEngine, BonusAndPenaltyAreSummedCappedAndTheTotalNeverGoesBelowZero) {
    auto fw = OneLeaf(With(Leaf("m", Method::kManual), [](auto& c) { c.max = 100; }));
    fw.bonus_cap = 5;
    fw.penalty_cap = 30;
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"A", "m", "value", "80"},
                                     {"A", "-", "bonus", "3"},
                                     {"A", "-", "bonus", "4"},
                                     {"A", "-", "penalty", "1"},
                                     {"B", "m", "value", "10"},
                                     {"B", "-", "penalty", "20"},
                                     {"B", "-", "penalty", "20"}});
    EXPECT_DOUBLE_EQ(Of(e, "A").bonus, 5);
    EXPECT_DOUBLE_EQ(Of(e, "A").total, 80 + 5 - 1);
    EXPECT_DOUBLE_EQ(Of(e, "B").penalty, 30);
    EXPECT_DOUBLE_EQ(Of(e, "B").total, 0);
}

TEST(ScoringEngine, NoCapMeansBonusIsAddedInFull) {
    auto compiled = MustCompile(OneLeaf(With(Leaf("m", Method::kManual), [](auto& c) { c.max = 100; })));
    auto e = MustEvaluate(compiled, {{"A", "m", "value", "90"}, {"A", "-", "bonus", "25"}});
    EXPECT_DOUBLE_EQ(Of(e, "A").total, 115);
}

TEST(ScoringEngine, TooFewJudgesIsRefusedNamingTheFirstScoreLine) {
    auto compiled = MustCompile(OneLeaf(Leaf("j", Method::kJudges)));
    FactSheet sheet(compiled, "in.csv");
    ASSERT_TRUE(sheet.Add("A", "j", "judge", "90", 2).ok());
    ASSERT_TRUE(sheet.Add("B", "j", "judge", "90", 3).ok());
    ASSERT_TRUE(sheet.Add("B", "j", "judge", "80", 4).ok());
    auto e = Evaluate(sheet);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "in.csv:2");
}

// ---- ranking ------------------------------------------------------------------------------

std::vector<std::tuple<std::string, int>> Ranks(const Evaluation& e) {
    std::vector<std::tuple<std::string, int>> out;
    for (const auto& r : e.ranking) out.emplace_back(r.name, r.rank);
    return out;
}

Framework ManualPair() {
    Framework fw;
    auto a = Leaf("a", Method::kManual);
    a.max = 100;
    auto b = Leaf("b", Method::kManual);
    b.max = 100;
    fw.criteria = {a, b};
    return fw;
}

TEST(ScoringEngine, TotalsEqualAfterRoundingToTwoDecimalsShareARankAndTheNextRankIsSkipped) {
    auto compiled = MustCompile(OneLeaf(With(Leaf("m", Method::kManual), [](auto& c) { c.max = 100; })));
    auto e = MustEvaluate(compiled, {{"D", "m", "value", "95"},
                                     {"B", "m", "value", "90.001"},
                                     {"C", "m", "value", "89.996"},
                                     {"A", "m", "value", "70"}});
    EXPECT_EQ(Ranks(e), (std::vector<std::tuple<std::string, int>>{{"D", 1}, {"B", 2}, {"C", 2}, {"A", 4}}));
}

TEST(ScoringEngine, TiebreakCriteriaDecideEqualTotalsInOrder) {
    auto fw = ManualPair();
    fw.tiebreak = {"b"};
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"X", "a", "value", "80"},
                                     {"X", "b", "value", "60"},
                                     {"Y", "a", "value", "60"},
                                     {"Y", "b", "value", "80"},
                                     {"Z", "a", "value", "70"},
                                     {"Z", "b", "value", "70"}});
    EXPECT_EQ(Ranks(e), (std::vector<std::tuple<std::string, int>>{{"Y", 1}, {"Z", 2}, {"X", 3}}));
}

TEST(ScoringEngine, SubjectsStillTiedAfterTiebreakShareTheRankAndAreListedByName) {
    auto fw = ManualPair();
    fw.tiebreak = {"b"};
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"乙", "a", "value", "80"},
                                     {"乙", "b", "value", "60"},
                                     {"甲", "a", "value", "80"},
                                     {"甲", "b", "value", "60"}});
    EXPECT_EQ(e.ranking[0].rank, 1);
    EXPECT_EQ(e.ranking[1].rank, 1);
    EXPECT_LT(e.ranking[0].name, e.ranking[1].name);
}

TEST(ScoringEngine, VetoedSubjectsRankAfterAllOthersWhateverTheirTotal) {
    auto compiled = MustCompile(OneLeaf(With(Leaf("m", Method::kManual), [](auto& c) { c.max = 100; })));
    auto e = MustEvaluate(compiled, {{"A", "m", "value", "99"},
                                     {"A", "-", "veto", "发生重大安全事故"},
                                     {"B", "m", "value", "50"},
                                     {"C", "m", "value", "10"},
                                     {"D", "m", "value", "80"},
                                     {"D", "-", "veto", "违纪"}});
    EXPECT_EQ(Ranks(e), (std::vector<std::tuple<std::string, int>>{{"B", 1}, {"C", 2}, {"A", 3}, {"D", 4}}));
    EXPECT_TRUE(Of(e, "A").vetoed);
    EXPECT_EQ(Of(e, "A").veto_reason, "发生重大安全事故");
}

// ---- awards -------------------------------------------------------------------------------

Evaluation AwardRun(std::vector<AwardSpec> awards, const std::vector<std::pair<std::string, std::string>>& scores,
                    std::vector<Row> extra = {}) {
    auto fw = OneLeaf(With(Leaf("m", Method::kManual), [](auto& c) { c.max = 100; }));
    fw.awards = std::move(awards);
    auto compiled = MustCompile(fw);
    std::vector<Row> rows;
    for (const auto& [name, value] : scores) rows.push_back({name, "m", "value", value});
    rows.insert(rows.end(), extra.begin(), extra.end());
    return MustEvaluate(compiled, rows);
}

std::vector<std::string> Winners(const Evaluation& e, std::size_t award) {
    std::vector<std::string> out;
    for (std::size_t pos : e.awards[award].winners) out.push_back(e.ranking[pos].name);
    return out;
}

TEST(ScoringAwards, EachAwardTakesTheNextQuotaOfEligibleSubjectsInOrder) {
    auto e = AwardRun({{"金奖", 1, 0}, {"银奖", 2, 0}, {"铜奖", 3, 0}},
                      {{"A", "90"}, {"B", "80"}, {"C", "70"}, {"D", "60"}, {"E", "50"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"A"}));
    EXPECT_EQ(Winners(e, 1), (std::vector<std::string>{"B", "C"}));
    EXPECT_EQ(Winners(e, 2), (std::vector<std::string>{"D", "E"}));
    EXPECT_EQ(e.awards[2].overflow, 0);
    EXPECT_EQ(Of(e, "C").award, 1);
}

TEST(ScoringAwards, ATieAtTheQuotaBoundaryIncludesEveryTiedSubjectAndReportsTheOverflow) {
    auto e =
        AwardRun({{"好班子", 2, 0}, {"提名", 1, 0}}, {{"A", "90"}, {"B", "80"}, {"C", "80"}, {"D", "80"}, {"E", "70"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"A", "B", "C", "D"}));
    EXPECT_EQ(e.awards[0].overflow, 2);
    EXPECT_EQ(Winners(e, 1), (std::vector<std::string>{"E"}));
}

TEST(ScoringAwards, ATieInsideTheQuotaIsNoOverflow) {
    auto e = AwardRun({{"金奖", 3, 0}}, {{"A", "90"}, {"B", "90"}, {"C", "80"}, {"D", "70"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_EQ(e.awards[0].overflow, 0);
}

TEST(ScoringAwards, VetoedIncompleteAndBelowMinimumSubjectsAreSkipped) {
    auto fw = ManualPair();
    fw.awards = {{"好班长", 2, 60}};
    auto compiled = MustCompile(fw);
    auto e = MustEvaluate(compiled, {{"V", "a", "value", "100"},
                                     {"V", "b", "value", "100"},
                                     {"V", "-", "veto", "x"},
                                     {"I", "a", "value", "100"},  // b missing → incomplete, total 50
                                     {"P", "a", "value", "100"},
                                     {"P", "b", "value", "90"},
                                     {"Q", "a", "value", "60"},
                                     {"Q", "b", "value", "59.98"},  // 59.99 < 60
                                     {"R", "a", "value", "61"},
                                     {"R", "b", "value", "59"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"P", "R"}));
    EXPECT_EQ(Of(e, "V").award, -1);
    EXPECT_EQ(Of(e, "I").award, -1);
    EXPECT_EQ(Of(e, "Q").award, -1);
}

TEST(ScoringAwards, MinimumTotalIsComparedWithTheRoundedTotal) {
    auto e = AwardRun({{"合格", 5, 60}}, {{"A", "59.996"}, {"B", "59.994"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"A"}));
}

TEST(ScoringAwards, TooFewEligibleSubjectsLeaveTheQuotaPartlyEmpty) {
    auto e = AwardRun({{"金奖", 3, 0}}, {{"A", "90"}}, {{"B", "m", "value", "95"}, {"B", "-", "veto", "x"}});
    EXPECT_EQ(Winners(e, 0), (std::vector<std::string>{"A"}));
    EXPECT_EQ(e.awards[0].overflow, 0);
}

// ---- explanation --------------------------------------------------------------------------

TEST(ScoringExplain, ContributionsOfLeavesAddUpToScaleTimesRootScore) {
    Framework fw;
    CriterionSpec g;
    g.id = "g";
    g.weight = 2;
    auto j = Leaf("j", Method::kJudges);
    j.parent = "g";
    auto r = Leaf("r", Method::kRating, 2);
    r.parent = "g";
    auto t = Leaf("t", Method::kTarget);
    fw.criteria = {g, j, r, t};
    fw.scale = 50;
    auto compiled = MustCompile(fw);
    FactSheet sheet(compiled, "in.csv");
    for (const char* score : {"88", "70", "95", "91"}) ASSERT_TRUE(sheet.Add("A", "j", "judge", score).ok());
    ASSERT_TRUE(sheet.Add("A", "r", "优秀", "3").ok());
    ASSERT_TRUE(sheet.Add("A", "r", "称职", "1").ok());
    ASSERT_TRUE(sheet.Add("A", "t", "actual", "45").ok());
    ASSERT_TRUE(sheet.Add("A", "t", "target", "60").ok());
    auto e = Evaluate(sheet);
    ASSERT_TRUE(e.ok());
    auto x = Explain(sheet, *e, "A");
    ASSERT_TRUE(x.ok());
    double leaves = 0;
    for (const auto& c : x->criteria) {
        if (c.method != Method::kGroup) leaves += c.contribution;
    }
    EXPECT_NEAR(leaves, x->result.total, 1e-9);
    EXPECT_NEAR(x->s_root * 50, x->result.total, 1e-9);
    const auto& judges = x->criteria[1];
    ASSERT_EQ(judges.id, "j");
    int dropped = 0;
    for (const auto& in : judges.inputs) dropped += in.dropped;
    EXPECT_EQ(dropped, 2);
    EXPECT_DOUBLE_EQ(judges.s, (88 + 91) / 2.0 / 100);
    EXPECT_DOUBLE_EQ(x->criteria[3].global_share, 1.0 / 3);
}

TEST(ScoringExplain, UnknownSubjectIsNotFound) {
    auto compiled = MustCompile(OneLeaf(Leaf("x", Method::kRank)));
    FactSheet sheet(compiled, "in.csv");
    ASSERT_TRUE(sheet.Add("A", "x", "value", "1").ok());
    auto e = Evaluate(sheet);
    ASSERT_TRUE(e.ok());
    auto x = Explain(sheet, *e, "B");
    ASSERT_FALSE(x.ok());
    EXPECT_EQ(x.error().code, errc::kNotFound);
}

TEST(ScoringExplain, MissingLeafIsMarkedMissing) {
    auto compiled = MustCompile(OneLeaf(Leaf("x", Method::kTarget)));
    FactSheet sheet(compiled, "in.csv");
    ASSERT_TRUE(sheet.Add("A", "x", "target", "10").ok());
    auto e = Evaluate(sheet);
    ASSERT_TRUE(e.ok());
    auto x = Explain(sheet, *e, "A");
    ASSERT_TRUE(x.ok());
    EXPECT_TRUE(x->criteria[0].missing);
    EXPECT_TRUE(x->result.incomplete);
}

}  // namespace
}  // namespace lingyan::core::evaluation
