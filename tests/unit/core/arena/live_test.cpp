#include "core/arena/live.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lingyan::core::arena {
namespace {

// Three contestants (甲 from seat 3's town), three judges, trim 0 unless a test says otherwise.
struct Fixture {
    ContestSetup setup;
    Recusals recusals;
    LiveState state;
    std::int64_t clock = 1'000'000;

    Fixture() {
        setup.name = "擂台赛";
        setup.criteria = {{"statement", "现场陈述", 0, 40, 40, false},
                          {"defence", "现场答辩", 0, 10, 10, false},
                          {"inspection", "实地察看", 0, 50, 50, true}};
        setup.aggregation = {0, false};
        for (int n = 1; n <= 3; ++n) setup.seats.push_back(Seat{10 + n, n, "评委" + std::to_string(n), 0});
        setup.contestants = {Contestant{1, ContestantKind::kPerson, 0, 0, "甲"},
                             Contestant{2, ContestantKind::kPerson, 0, 0, "乙"},
                             Contestant{3, ContestantKind::kPerson, 0, 0, "丙"}};
        setup.rounds = {Round{"决赛", {1, 2, 3}}};
        setup.titles = {Title{"金牌书记", 1, std::nullopt, "county"}};
        recusals = {{13, 1}};
        state = InitialState(setup);
    }

    Result<Prepared> Try(Request r) {
        r.at_ms = static_cast<double>(clock += 1000);
        return Prepare(setup, recusals, state, r);
    }
    // Prepares, records and applies; returns the refusal's message or "".
    std::string Do(Request r) {
        auto p = Try(std::move(r));
        if (!p) return p.error().message;
        if (!p->duplicate) {
            p->event.seq = state.seq + 1;
            Apply(setup, state, p->event);
        }
        return "";
    }
    std::string Host(EventKind kind) {
        Request r;
        r.kind = kind;
        return Do(r);
    }
    std::string Score(Id seat, Id contestant, std::vector<double> values, std::string key = "") {
        Request r;
        r.kind = EventKind::kScore;
        r.seat_id = seat;
        r.contestant_id = contestant;
        r.values = std::move(values);
        r.key = key.empty() ? std::to_string(seat) + "-" + std::to_string(contestant) : key;
        return Do(r);
    }
};

TEST(Live, AContestantFromAdvanceToReveal) {
    Fixture f;
    EXPECT_EQ(f.Host(EventKind::kAdvance), "");
    EXPECT_EQ(f.state.status, ContestStatus::kLive);
    EXPECT_EQ(f.state.CurrentContestant(), 1);
    EXPECT_EQ(f.Host(EventKind::kOpen), "");
    EXPECT_EQ(f.Score(11, 1, {36, 8}), "");
    EXPECT_EQ(f.Score(12, 1, {30, 7}), "");
    EXPECT_EQ(f.Host(EventKind::kClose), "");
    EXPECT_EQ(f.Host(EventKind::kReveal), "");
    auto standings = Standings(f.setup, f.recusals, f.state, 0);
    ASSERT_EQ(standings.ranking.size(), 1u);
    EXPECT_DOUBLE_EQ(standings.ranking[0].final_score, (44 + 37) / 2.0);
    EXPECT_EQ(f.state.seq, 6);
}

TEST(Live, RefusesScoresThatMustNotCountAndCountsNothing) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    EXPECT_NE(f.Score(11, 1, {30, 5}).find("尚未开始"), std::string::npos);
    f.Host(EventKind::kOpen);
    struct Case {
        const char* name;
        Id seat, contestant;
        std::vector<double> values;
        const char* says;
    } cases[] = {
        {"out of range", 11, 1, {41, 5}, "应在"},         {"too many decimals", 11, 1, {30.555, 5}, "两位小数"},
        {"wrong contestant", 11, 2, {30, 5}, "不是当前"}, {"recused", 13, 1, {30, 5}, "回避"},
        {"unknown seat", 99, 1, {30, 5}, "不存在"},
    };
    for (const auto& c : cases)
        EXPECT_NE(f.Score(c.seat, c.contestant, c.values).find(c.says), std::string::npos) << c.name;
    EXPECT_TRUE(f.state.scores.empty());
    EXPECT_EQ(f.Score(11, 1, {30, 5}), "");
    EXPECT_NE(f.Score(11, 1, {31, 5}, "another-key").find("重复"), std::string::npos);
    f.Host(EventKind::kClose);
    EXPECT_NE(f.Score(12, 1, {30, 5}).find("已关闭"), std::string::npos);
    EXPECT_EQ(f.state.scores.at({0, 1}).size(), 1u);
}

TEST(Live, ARetryWithTheSameKeyIsAcknowledgedButCountedOnce) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    f.Host(EventKind::kOpen);
    EXPECT_EQ(f.Score(11, 1, {30, 5}, "k1"), "");
    const auto seq = f.state.seq;
    Request retry;
    retry.kind = EventKind::kScore;
    retry.seat_id = 11;
    retry.contestant_id = 1;
    retry.values = {30, 5};
    retry.key = "k1";
    auto p = f.Try(retry);
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->duplicate);
    // Even after scoring closes and the contest moves on, the retry is still acknowledged.
    f.Host(EventKind::kClose);
    f.Host(EventKind::kAdvance);
    p = f.Try(retry);
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->duplicate);
    EXPECT_EQ(f.state.seq, seq + 2);
}

TEST(Live, RevealClosesScoringAndCountsMissingSeatsAsAbsent) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    EXPECT_NE(f.Host(EventKind::kClose).find("没有开启"), std::string::npos);
    f.Host(EventKind::kOpen);
    f.Score(11, 1, {30, 5});
    EXPECT_EQ(MissingSeats(f.setup, f.recusals, f.state, 0, 1).size(), 1u);  // seat 13 recuses from 甲
    EXPECT_EQ(f.Host(EventKind::kReveal), "");
    EXPECT_EQ(f.state.scoring, ScoringState::kClosed);
    EXPECT_NE(f.Score(12, 1, {30, 5}).find("已关闭"), std::string::npos);
    auto standings = Standings(f.setup, f.recusals, f.state, 0);
    ASSERT_EQ(standings.scores.size(), 1u);
    EXPECT_FALSE(standings.scores[0].complete);
    EXPECT_DOUBLE_EQ(standings.ranking[0].final_score, 35);
    EXPECT_NE(f.Host(EventKind::kReveal).find("已揭晓"), std::string::npos);
}

TEST(Live, AdvancingWhileScoringIsOpenClosesIt) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    f.Host(EventKind::kOpen);
    EXPECT_EQ(f.Host(EventKind::kAdvance), "");
    EXPECT_EQ(f.state.scoring, ScoringState::kIdle);
    EXPECT_NE(f.Score(11, 1, {30, 5}).find("不是当前"), std::string::npos);
}

TEST(Live, AReopenedScoreCanBeSubmittedOnceMoreAfterClose) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    f.Host(EventKind::kOpen);
    f.Score(11, 1, {30, 5});
    f.Score(12, 1, {20, 5});
    f.Host(EventKind::kClose);
    f.Host(EventKind::kReveal);
    Request reopen;
    reopen.kind = EventKind::kReopen;
    reopen.seat_id = 12;
    reopen.contestant_id = 1;
    EXPECT_NE(f.Do(reopen).find("理由"), std::string::npos);
    reopen.reason = "评委误触";
    EXPECT_EQ(f.Do(reopen), "");
    EXPECT_EQ(f.state.scores.at({0, 1}).count(12), 0u);
    EXPECT_EQ(f.Score(12, 1, {35, 5}, "second"), "");  // scoring is closed, but the seat was reopened
    EXPECT_NE(f.Score(12, 1, {36, 5}, "third").find("重复"), std::string::npos);
    auto standings = Standings(f.setup, f.recusals, f.state, 0);
    EXPECT_DOUBLE_EQ(standings.ranking[0].final_score, (35 + 40) / 2.0);
}

TEST(Live, TimerAccumulatesAcrossStartsAndStopsAndStopsOnClose) {
    Fixture f;
    f.Host(EventKind::kAdvance);
    Request timer;
    timer.kind = EventKind::kTimer;
    timer.timer = TimerAction::kStart;
    EXPECT_EQ(f.Do(timer), "");
    EXPECT_NE(f.Do(timer).find("已在进行"), std::string::npos);
    timer.timer = TimerAction::kStop;
    EXPECT_EQ(f.Do(timer), "");
    EXPECT_DOUBLE_EQ(f.state.timer.elapsed_ms, 2000);  // the refused start still advanced the test clock
    timer.timer = TimerAction::kStart;
    f.Do(timer);
    f.Host(EventKind::kOpen);
    f.Host(EventKind::kClose);
    EXPECT_FALSE(f.state.timer.running);
    EXPECT_DOUBLE_EQ(f.state.timer.elapsed_ms, 4000);
    f.Host(EventKind::kAdvance);
    EXPECT_DOUBLE_EQ(f.state.timer.elapsed_ms, 0);
}

TEST(Live, AfterTheLastAdvanceCallsBackWhoWasNotRevealedThenRefuses) {
    Fixture f;
    f.Host(EventKind::kAdvance);  // 甲: not revealed (absent when called)
    f.Host(EventKind::kAdvance);  // 乙
    f.Host(EventKind::kReveal);
    f.Host(EventKind::kAdvance);  // 丙
    f.Host(EventKind::kReveal);
    EXPECT_EQ(f.Host(EventKind::kAdvance), "");
    EXPECT_EQ(f.state.CurrentContestant(), 1);  // 甲 is called again
    f.Host(EventKind::kReveal);
    EXPECT_NE(f.Host(EventKind::kAdvance).find("最后一位"), std::string::npos);
}

TEST(Live, ReplayingTheRecordedEventsRebuildsTheSameState) {
    Fixture f;
    std::vector<Event> log;
    auto record = [&](Request r) {
        r.at_ms = static_cast<double>(f.clock += 1000);
        auto p = Prepare(f.setup, f.recusals, f.state, r);
        ASSERT_TRUE(p.ok()) << p.error().message;
        p->event.seq = f.state.seq + 1;
        Apply(f.setup, f.state, p->event);
        log.push_back(p->event);
    };
    Request r;
    r.kind = EventKind::kDraw;
    r.seed = 7;
    record(r);
    r = {};
    r.kind = EventKind::kAdvance;
    record(r);
    r.kind = EventKind::kOpen;
    record(r);
    r = {};
    r.kind = EventKind::kScore;
    r.seat_id = 11;
    r.contestant_id = f.state.CurrentContestant();
    r.values = {33, 9};
    r.key = "a";
    record(r);
    r = {};
    r.kind = EventKind::kPreScore;
    r.contestant_id = 2;
    r.criterion = "inspection";
    r.values = {44};
    record(r);

    LiveState replayed = InitialState(f.setup);
    for (const auto& e : log) Apply(f.setup, replayed, e);
    EXPECT_EQ(replayed.seq, f.state.seq);
    EXPECT_EQ(replayed.orders, f.state.orders);
    EXPECT_EQ(replayed.CurrentContestant(), f.state.CurrentContestant());
    EXPECT_EQ(replayed.scores.size(), 1u);
    EXPECT_EQ(replayed.pre.at(2).at(0), 44);
}

TEST(Live, FinishFixesTheTitlesFromTheRevealedRanking) {
    Fixture f;
    const std::vector<std::vector<double>> sheets = {{30, 5}, {38, 9}, {20, 5}};
    for (Id contestant = 1; contestant <= 3; ++contestant) {
        f.Host(EventKind::kAdvance);
        f.Host(EventKind::kOpen);
        for (Id seat = 11; seat <= 13; ++seat)
            if (!f.recusals.count({seat, contestant})) f.Score(seat, contestant, sheets[contestant - 1]);
        f.Host(EventKind::kClose);
        f.Host(EventKind::kReveal);
    }
    EXPECT_EQ(f.Host(EventKind::kFinish), "");
    auto titles = Titles(f.setup, f.recusals, f.state);
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0].contestant_ids, (std::vector<Id>{2}));
    EXPECT_NE(f.Score(11, 1, {30, 5}, "late").find("已结束"), std::string::npos);
}

}  // namespace
}  // namespace lingyan::core::arena
