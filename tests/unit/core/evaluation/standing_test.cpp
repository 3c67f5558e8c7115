#include "core/evaluation/standing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/evaluation/facts.hpp"

namespace lingyan::core::evaluation {
namespace {

// Two manual leaves "a" (weight 3) and "b" (weight 1), max 100, scale 100: total = 0.75·a + 0.25·b.
CompiledFramework TwoLeaves() {
    Framework fw;
    fw.name = "t";
    for (auto [id, weight] : {std::pair{"a", 3.0}, std::pair{"b", 1.0}}) {
        CriterionSpec c;
        c.id = id;
        c.name = id;
        c.weight = weight;
        c.method = Method::kManual;
        c.max = 100;
        fw.criteria.push_back(c);
    }
    fw.awards = {{"一等奖", 1, 0}};
    auto compiled = Compile(std::move(fw));
    EXPECT_TRUE(compiled) << compiled.error().message;
    return std::move(compiled).value();
}

struct Subject {
    std::string name;
    double a, b;
    int track = -1;
    double coefficient = 1;
    bool veto = false;
};

Evaluation Evaluate(FactSheet& sheet, const std::vector<Subject>& subjects, std::vector<int>& tracks) {
    for (const auto& s : subjects) {
        sheet.AddSubject(s.name);
        EXPECT_TRUE(sheet.AddNumber(s.name, "a", "value", s.a));
        EXPECT_TRUE(sheet.AddNumber(s.name, "b", "value", s.b));
        if (s.coefficient != 1) {
            EXPECT_TRUE(sheet.SetCoefficient(s.name, s.coefficient));
        }
        if (s.veto) {
            EXPECT_TRUE(sheet.AddVeto(s.name, "信访"));
        }
        tracks.push_back(s.track);
    }
    auto e = evaluation::Evaluate(sheet);
    EXPECT_TRUE(e);
    return std::move(e).value();
}

std::vector<std::string> Names(const Evaluation& e, const std::vector<std::size_t>& positions) {
    std::vector<std::string> out;
    for (auto p : positions) out.push_back(e.ranking[p].name);
    return out;
}

int TrackRankOf(const Evaluation& e, const Standing& st, const std::string& name) {
    for (std::size_t p = 0; p < e.ranking.size(); ++p)
        if (e.ranking[p].name == name) return st.track_rank[p];
    ADD_FAILURE() << name;
    return 0;
}

int BandOf(const Evaluation& e, const Standing& st, const std::string& name) {
    for (std::size_t p = 0; p < e.ranking.size(); ++p)
        if (e.ranking[p].name == name) return st.band[p];
    ADD_FAILURE() << name;
    return -2;
}

TEST(Coefficient, MultipliesTheTotalAndDecidesTheRanking) {
    const auto fw = TwoLeaves();
    FactSheet sheet(fw, "t");
    std::vector<int> tracks;
    // 工业村 80 × 1.0 = 80; 农业村 76 × 1.1 = 83.6 overtakes it.
    const auto e = Evaluate(sheet, {{"工业村", 80, 80, 0, 1.0}, {"农业村", 76, 76, 1, 1.1}}, tracks);
    EXPECT_EQ(e.ranking[0].name, "农业村");
    EXPECT_EQ(e.ranking[0].total_cents, 8360);
    EXPECT_DOUBLE_EQ(e.ranking[0].coefficient, 1.1);
    EXPECT_EQ(e.ranking[1].total_cents, 8000);
    EXPECT_EQ(e.ranking[0].award, 0);
}

TEST(Coefficient, RefusesZeroNegativeAndNaN) {
    const auto fw = TwoLeaves();
    FactSheet sheet(fw, "t");
    EXPECT_FALSE(sheet.SetCoefficient("x", 0));
    EXPECT_FALSE(sheet.SetCoefficient("x", -1));
    EXPECT_FALSE(sheet.SetCoefficient("x", std::nan("")));
    EXPECT_TRUE(sheet.SetCoefficient("x", 0.9));
}

TEST(Standing, TracksAreRankedSeparatelyWithSharedRanks) {
    const auto fw = TwoLeaves();
    FactSheet sheet(fw, "t");
    std::vector<int> tracks;
    const auto e = Evaluate(sheet,
                            {{"甲", 90, 90, 0}, {"乙", 85, 85, 1}, {"丙", 80, 80, 0}, {"丁", 80, 80, 0}, {"戊", 70, 70, 1},
                             {"己", 60, 60, -1}},
                            tracks);
    StandingSpec spec;
    spec.tracks = {{"农业", 1}, {"工业", 1}};
    const auto st = Stand(e, fw, tracks, spec);
    EXPECT_EQ(TrackRankOf(e, st, "甲"), 1);
    EXPECT_EQ(TrackRankOf(e, st, "丙"), 2);
    EXPECT_EQ(TrackRankOf(e, st, "丁"), 2);  // tied with 丙
    EXPECT_EQ(TrackRankOf(e, st, "乙"), 1);
    EXPECT_EQ(TrackRankOf(e, st, "戊"), 2);
    EXPECT_EQ(TrackRankOf(e, st, "己"), 1);  // alone without a track
    EXPECT_EQ(st.band, std::vector<int>(6, -1));
}

TEST(Standing, BandsFollowRankAndKeepTiesTogether) {
    const auto fw = TwoLeaves();
    FactSheet sheet(fw, "t");
    std::vector<int> tracks;
    std::vector<Subject> subjects;
    // Ten subjects with totals 100, 90, …, 10, except that the 2nd and 3rd tie.
    for (int i = 0; i < 10; ++i) {
        const double v = i == 2 ? 90 : 100 - 10 * i;
        subjects.push_back({"s" + std::to_string(i), v, v});
    }
    subjects.push_back({"否决", 100, 100, -1, 1, true});
    const auto e = Evaluate(sheet, subjects, tracks);
    StandingSpec spec;
    spec.bands = {{"好", 0.2, false}, {"中", 0.6, false}, {"差", 0.2, true}};
    const auto st = Stand(e, fw, tracks, spec);
    // 10 ranked: top 2 positions are 好, but s2 ties s1 at rank 2 and joins them.
    EXPECT_EQ(BandOf(e, st, "s0"), 0);
    EXPECT_EQ(BandOf(e, st, "s1"), 0);
    EXPECT_EQ(BandOf(e, st, "s2"), 0);
    EXPECT_EQ(BandOf(e, st, "s3"), 1);
    EXPECT_EQ(BandOf(e, st, "s7"), 1);  // rank 8: 7 ahead < round(10·0.8) = 8
    EXPECT_EQ(BandOf(e, st, "s8"), 2);
    EXPECT_EQ(BandOf(e, st, "s9"), 2);
    EXPECT_EQ(BandOf(e, st, "否决"), 2);  // vetoed: last band
}

TEST(Standing, NegativeListTakesTheBottomOfACriterionWithTies) {
    const auto fw = TwoLeaves();
    FactSheet sheet(fw, "t");
    std::vector<int> tracks;
    const auto e = Evaluate(
        sheet, {{"甲", 90, 10}, {"乙", 90, 20}, {"丙", 50, 20}, {"丁", 95, 5}, {"否决", 10, 0, -1, 1, true}}, tracks);
    StandingSpec spec;
    spec.negative = NegativeListSpec{"躺平奖", "b", 2};
    const auto st = Stand(e, fw, tracks, spec);
    // b: 丁 5, 甲 10, then 乙 and 丙 tie at 20 — the vetoed subject is not listed.
    EXPECT_EQ(Names(e, st.negative), (std::vector<std::string>{"丁", "甲"}));
    EXPECT_EQ(st.negative_overflow, 0);
    spec.negative->count = 3;
    const auto tied = Stand(e, fw, tracks, spec);
    EXPECT_EQ(Names(e, tied.negative), (std::vector<std::string>{"丁", "甲", "丙", "乙"}));
    EXPECT_EQ(tied.negative_overflow, 1);
    spec.negative->criterion = "";  // by total: 丙 (42.5) is last among the complete ones
    spec.negative->count = 1;
    EXPECT_EQ(Names(e, Stand(e, fw, tracks, spec).negative), (std::vector<std::string>{"丙"}));
}

TEST(Standing, ValidationNamesTheField) {
    const auto fw = TwoLeaves();
    StandingSpec spec;
    spec.bands = {{"好", 0.3, false}, {"差", 0.3, true}};
    auto s = ValidateStanding(spec, fw);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().field, "bands");
    spec.bands = {{"好", 0.5, false}, {"差", 0.5, true}};
    EXPECT_TRUE(ValidateStanding(spec, fw));
    spec.tracks = {{"农业", 1}, {"农业", 1.1}};
    EXPECT_EQ(ValidateStanding(spec, fw).error().field, "tracks");
    spec.tracks = {{"农业", 0}};
    EXPECT_EQ(ValidateStanding(spec, fw).error().field, "tracks");
    spec.tracks.clear();
    spec.negative = NegativeListSpec{"躺平奖", "nope", 1};
    EXPECT_EQ(ValidateStanding(spec, fw).error().field, "negative");
    spec.negative = NegativeListSpec{"躺平奖", "a", 0};
    EXPECT_EQ(ValidateStanding(spec, fw).error().field, "negative");
}

}  // namespace
}  // namespace lingyan::core::evaluation

namespace lingyan::core::evaluation {
namespace {

TEST(ReviewGrade, AwardsAndTopBandExcellentBottomBandBasicNegativeListAndVetoIncompetent) {
    Framework fw;
    fw.name = "t";
    CriterionSpec c;
    c.id = "a";
    c.name = "a";
    c.method = Method::kManual;
    c.max = 100;
    fw.criteria = {c};
    fw.awards = {{"优秀书记", 1, 0}};
    auto compiled = Compile(fw);
    ASSERT_TRUE(compiled);
    FactSheet sheet(*compiled, "t");
    const std::vector<std::pair<std::string, double>> scores = {{"甲", 95}, {"乙", 90}, {"丙", 80}, {"丁", 70}, {"戊", 60}, {"己", 99}};
    for (const auto& [name, v] : scores) ASSERT_TRUE(sheet.AddNumber(name, "a", "value", v));
    ASSERT_TRUE(sheet.AddVeto("己", "违纪"));
    auto e = Evaluate(sheet);
    ASSERT_TRUE(e);
    StandingSpec spec;
    spec.bands = {{"好", 0.4, false}, {"中", 0.4, false}, {"差", 0.2, true}};
    spec.negative = NegativeListSpec{"躺平奖", "", 1};
    const auto st = Stand(*e, *compiled, std::vector<int>(6, -1), spec);
    std::map<std::string, std::string> grade;
    for (std::size_t pos = 0; pos < e->ranking.size(); ++pos) grade[e->ranking[pos].name] = ReviewGrade(*e, st, spec, pos);
    EXPECT_EQ(grade["甲"], "优秀");    // the award
    EXPECT_EQ(grade["乙"], "优秀");    // first band (2 of 5)
    EXPECT_EQ(grade["丙"], "称职");
    EXPECT_EQ(grade["丁"], "称职");
    EXPECT_EQ(grade["戊"], "不称职");  // last: on the negative list
    EXPECT_EQ(grade["己"], "不称职");  // vetoed
    spec.negative.reset();
    const auto plain = Stand(*e, *compiled, std::vector<int>(6, -1), spec);
    EXPECT_STREQ(ReviewGrade(*e, plain, spec, e->position[4]), "基本称职");  // 戊: bottom band, followed up
}

}  // namespace
}  // namespace lingyan::core::evaluation
