#include "core/arena/aggregation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace lingyan::core::arena {
namespace {

std::vector<Seat> Seats(int n) {
    std::vector<Seat> seats;
    for (int number = 1; number <= n; ++number)
        seats.push_back(Seat{100 + number, number, "评委" + std::to_string(number)});
    return seats;
}

// Scores by seat number (1-based); a negative value = not submitted.
std::map<Id, double> Totals(const std::vector<double>& by_number) {
    std::map<Id, double> out;
    for (std::size_t idx = 0; idx < by_number.size(); ++idx)
        if (by_number[idx] >= 0) out[101 + static_cast<Id>(idx)] = by_number[idx];
    return out;
}

std::string Marks(const ContestantScore& s) {
    std::string out;
    for (const auto& seat : s.seats) {
        switch (seat.mark) {
            case SeatMark::kCounted:
                out += 'c';
                break;
            case SeatMark::kDroppedHigh:
                out += 'H';
                break;
            case SeatMark::kDroppedLow:
                out += 'L';
                break;
            case SeatMark::kRecused:
                out += 'r';
                break;
            case SeatMark::kMissing:
                out += '-';
                break;
        }
    }
    return out;
}

struct TrimCase {
    const char* name;
    int seats;
    std::vector<double> totals;  // by seat number, -1 = not submitted
    std::set<int> recused;       // seat numbers
    int trim;
    double stage;
    const char* marks;
    bool complete;
};

TEST(ScoreContestant, TrimsAndAccountsForMissingAndRecusedScoresAsAbsent) {
    const TrimCase cases[] = {
        {"no trim: plain mean", 3, {80, 90, 100}, {}, 0, 90, "ccc", true},
        {"trim one of seven", 7, {80, 85, 90, 95, 88, 70, 99}, {}, 1, (80 + 85 + 90 + 95 + 88) / 5.0, "cccccLH", true},
        {"trim two of seven", 7, {80, 85, 90, 95, 88, 70, 99}, {}, 2, (85 + 90 + 88) / 3.0, "LccHcLH", true},
        // One judge recuses: six scores present, trim 1 → the mean of the middle four.
        {"recused seat is absent, not zero",
         7,
         {80, 85, 90, -1, 88, 70, 99},
         {4},
         1,
         (80 + 85 + 90 + 88) / 4.0,
         "cccrcLH",
         true},
        // Two recuse and one has not submitted: four present, trim 1 → the middle two.
        {"recused and missing", 7, {80, 85, -1, -1, 88, 70, -1}, {3, 4}, 1, (80 + 85) / 2.0, "ccrrHL-", false},
        // Only two present: trim shrinks to 0 so that a score remains.
        {"trim shrinks when too few remain", 5, {80, 90, -1, -1, -1}, {3, 4, 5}, 1, 85, "ccrrr", true},
        {"three present, trim one", 5, {80, 90, 70, -1, -1}, {4, 5}, 1, 80, "cHLrr", true},
        // Equal highs: the higher seat number is dropped; equal lows: the lower one.
        {"ties among dropped scores", 5, {90, 70, 90, 70, 80}, {}, 1, (90 + 70 + 80) / 3.0, "cLHcc", true},
    };
    for (const auto& c : cases) {
        std::set<Id> recused;
        for (int number : c.recused) recused.insert(100 + number);
        auto s = ScoreContestant(1, Seats(c.seats), Totals(c.totals), recused, Aggregation{c.trim, false}, nullptr, 100,
                                 0, true);
        EXPECT_NEAR(s.stage, c.stage, 1e-9) << c.name;
        EXPECT_EQ(Marks(s), c.marks) << c.name;
        EXPECT_EQ(s.complete, c.complete) << c.name;
    }
}

TEST(ScoreContestant, NoScoresGiveOnlyThePreScore) {
    auto s = ScoreContestant(1, Seats(3), {}, {}, Aggregation{1, false}, nullptr, 50, 42.5, true);
    EXPECT_EQ(s.present, 0);
    EXPECT_FALSE(s.complete);
    EXPECT_DOUBLE_EQ(s.final_score, 42.5);
}

TEST(ScoreContestant, FinalIsStagePlusPreRoundedToHundredths) {
    auto s =
        ScoreContestant(1, Seats(3), Totals({40.1, 40.2, 40.4}), {}, Aggregation{0, false}, nullptr, 50, 45.005, true);
    EXPECT_NEAR(s.stage, 40.2333333, 1e-6);
    EXPECT_DOUBLE_EQ(s.final_score, 85.24);
}

TEST(Normalize, CancelsLenientAndStrictJudges) {
    // Judge 101 is lenient (+10 on everyone), judge 102 strict; both rank A > B > C alike.
    TotalsTable totals = {{1, {{101, 95}, {102, 75}}}, {2, {{101, 90}, {102, 70}}}, {3, {{101, 85}, {102, 65}}}};
    auto norm = ComputeNormalization(totals);
    EXPECT_DOUBLE_EQ(norm.panel_mean, 80);
    for (Id contestant : {1, 2, 3}) {
        const double a = Normalize(norm, 101, totals[contestant][101], 100);
        const double b = Normalize(norm, 102, totals[contestant][102], 100);
        EXPECT_NEAR(a, b, 1e-9) << contestant;
    }
    // A judge's own mean maps to the panel mean.
    EXPECT_NEAR(Normalize(norm, 101, 90, 100), 80, 1e-9);
}

TEST(Normalize, KeepsRawWithOneScoreAndPanelMeanWithoutSpread) {
    TotalsTable totals = {{1, {{101, 90}, {102, 70}, {103, 80}}}, {2, {{102, 80}, {103, 80}}}};
    auto norm = ComputeNormalization(totals);
    EXPECT_DOUBLE_EQ(Normalize(norm, 101, 90, 100), 90);                // one score: raw
    EXPECT_NEAR(Normalize(norm, 103, 80, 100), norm.panel_mean, 1e-9);  // no spread: panel mean
    EXPECT_DOUBLE_EQ(Normalize(norm, 999, 77, 100), 77);                // unknown judge: raw
}

TEST(Normalize, ClampsToTheSheetRange) {
    TotalsTable totals = {{1, {{101, 50}, {102, 0}}}, {2, {{101, 49}, {102, 50}}}, {3, {{101, 10}, {102, 25}}}};
    auto norm = ComputeNormalization(totals);
    for (double raw : {0.0, 10.0, 49.0, 50.0}) {
        const double v = Normalize(norm, 101, raw, 50);
        EXPECT_GE(v, 0);
        EXPECT_LE(v, 50);
    }
}

TEST(Normalize, AJudgeWhoSpreadsScoresWidelyNoLongerOutvotesTheOthers) {
    // Judges 101 and 102 prefer contestant 1 by one point; judge 103 prefers 2 by 35 points.
    TotalsTable totals = {{1, {{101, 90}, {102, 90}, {103, 60}}}, {2, {{101, 89}, {102, 89}, {103, 95}}}};
    auto seats = Seats(3);
    auto norm = ComputeNormalization(totals);
    std::vector<ContestantScore> raw, normalized;
    for (Id c : {1, 2}) {
        raw.push_back(ScoreContestant(c, seats, totals[c], {}, Aggregation{0, false}, nullptr, 100, 0, true));
        normalized.push_back(ScoreContestant(c, seats, totals[c], {}, Aggregation{0, true}, &norm, 100, 0, true));
    }
    EXPECT_EQ(Rank(raw).front().contestant_id, 2);         // raw means 80 and 91
    EXPECT_EQ(Rank(normalized).front().contestant_id, 1);  // two judges of three prefer 1
}

ContestantScore Scored(Id id, double final_score, double stage) {
    ContestantScore s;
    s.contestant_id = id;
    s.final_score = final_score;
    s.stage = stage;
    return s;
}

TEST(Rank, TiesShareTheBetterRankAfterTheStageScoreTiebreak) {
    // 2 and 3 tie on the final; 3 has the better stage score. 4 and 5 tie on both.
    auto rows = Rank({Scored(1, 95, 50), Scored(2, 90, 40), Scored(3, 90, 45), Scored(4, 80, 40), Scored(5, 80, 40),
                      Scored(6, 70, 40)});
    std::vector<std::pair<Id, int>> got;
    for (const auto& r : rows) got.emplace_back(r.contestant_id, r.rank);
    EXPECT_EQ(got, (std::vector<std::pair<Id, int>>{{1, 1}, {3, 2}, {2, 3}, {4, 4}, {5, 4}, {6, 6}}));
    EXPECT_TRUE(rows[3].tied);
    EXPECT_TRUE(rows[4].tied);
    EXPECT_FALSE(rows[1].tied);
}

TEST(Rank, ComparesInHundredths) {
    auto rows = Rank({Scored(1, 88.004, 40), Scored(2, 88.001, 40)});
    EXPECT_EQ(rows[0].rank, 1);
    EXPECT_EQ(rows[1].rank, 1);
}

TEST(AwardTitles, TakesQuotasInOrderAndIncludesTiesAtTheBoundary) {
    auto ranking = Rank({Scored(1, 95, 50), Scored(2, 93, 40), Scored(3, 90, 40), Scored(4, 90, 40), Scored(5, 85, 40),
                         Scored(6, 60, 40)});
    std::vector<Title> titles = {{"金牌书记", 3, std::nullopt, "county"}, {"优秀书记", 2, 80.0, "county"}};
    auto awards = AwardTitles(ranking, titles);
    ASSERT_EQ(awards.size(), 2u);
    EXPECT_EQ(awards[0].contestant_ids, (std::vector<Id>{1, 2, 3, 4}));
    EXPECT_TRUE(awards[0].tie_at_boundary);
    // 6 is below the minimum: only 5 gets the second title.
    EXPECT_EQ(awards[1].contestant_ids, (std::vector<Id>{5}));
    EXPECT_FALSE(awards[1].tie_at_boundary);
}

TEST(AwardTitles, MinimumScoreCanLeaveATitleEmpty) {
    auto ranking = Rank({Scored(1, 70, 40)});
    auto awards = AwardTitles(ranking, {{"金牌书记", 1, 80.0, "county"}});
    EXPECT_TRUE(awards[0].contestant_ids.empty());
}

}  // namespace
}  // namespace lingyan::core::arena
