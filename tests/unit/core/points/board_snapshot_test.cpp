#include "core/points/board_snapshot.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/points/tally.hpp"

namespace lingyan::core::points {
namespace {

constexpr Points P(std::int64_t whole) { return whole * kOnePoint; }

// Two categories; rules 0 and 2 capped, rule 3 a 清零 item.
SnapshotRules FourRules() {
    SnapshotRules r;
    r.rules = {
        Rule{"S1", "参加学习", "学习活动", P(2), P(10)},
        Rule{"V1", "志愿服务", "志愿服务", P(5), std::nullopt},
        Rule{"N1", "违反纪律", "负面清单", P(-8), P(12)},
        Rule{"Z1", "严重违纪", "负面清单", P(-1), std::nullopt},
    };
    r.category_of_rule = {0, 1, 2, 2};
    r.zeroing_rule = {false, false, false, true};
    r.categories = 3;
    return r;
}

BoardSnapshot Empty(const SnapshotRules& rules, std::vector<std::int64_t> ids) {
    BoardSnapshot s;
    s.categories = rules.categories;
    s.columns = rules.Columns();
    s.member_ids = std::move(ids);
    s.values.assign(s.member_ids.size() * s.stride(), 0);
    return s;
}

TEST(BoardSnapshot, EncodedAndDecodedIsTheSame) {
    const auto rules = FourRules();
    auto s = Empty(rules, {3, 4, 90, 1'000'000'007, std::int64_t{1} << 40});
    for (std::size_t i = 0; i < s.values.size(); ++i)
        s.values[i] = (i % 3 == 0 ? -1 : 1) * static_cast<Points>(i * i * 977);
    s.values.back() = INT64_MIN;
    const auto text = EncodeBoardSnapshot(s);
    std::string error;
    const auto back = DecodeBoardSnapshot(text, &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->member_ids, s.member_ids);
    EXPECT_EQ(back->categories, 3);
    EXPECT_EQ(back->columns, 2);
    EXPECT_EQ(back->values, s.values);
    EXPECT_EQ(back->RowOf(90), 2u);
    EXPECT_FALSE(back->RowOf(5));

    const auto none = DecodeBoardSnapshot(EncodeBoardSnapshot(Empty(rules, {})));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->member_ids.empty());
}

TEST(BoardSnapshot, DecodeRefusesWhatIsNotExactlyASnapshot) {
    const auto rules = FourRules();
    auto s = Empty(rules, {1, 2, 3});
    s.values[4] = P(7);
    const std::string good = EncodeBoardSnapshot(s);
    std::string error;

    EXPECT_FALSE(DecodeBoardSnapshot("", &error));
    EXPECT_EQ(error, "不是积分榜快照");
    EXPECT_FALSE(DecodeBoardSnapshot("LYBS2" + good.substr(5), &error));
    EXPECT_EQ(error, "不是积分榜快照");

    std::string flipped = good;
    flipped[10] = static_cast<char>(flipped[10] ^ 1);
    EXPECT_FALSE(DecodeBoardSnapshot(flipped, &error));
    EXPECT_EQ(error, "积分榜快照校验和不符");

    EXPECT_FALSE(DecodeBoardSnapshot(good.substr(0, good.size() - 1), &error));
    EXPECT_EQ(error, "积分榜快照校验和不符");

    // Ids not ascending: the same id twice.
    auto twice = Empty(rules, {5, 5});
    EXPECT_FALSE(DecodeBoardSnapshot(EncodeBoardSnapshot(twice), &error));
    EXPECT_EQ(error, "积分榜快照的党员编号未升序");

    // A member count beyond the text is refused before anything is allocated for it.
    auto many = Empty(rules, {1});
    many.member_ids = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};  // ten ids, one member's values
    EXPECT_FALSE(DecodeBoardSnapshot(EncodeBoardSnapshot(many), &error));
    EXPECT_EQ(error, "积分榜快照的大小不符");
}

// Events counted into a snapshot one by one give what the reference tally gives for the whole
// ledger at once: capped category totals, the raw sums of the capped rules, the 清零 net quantity.
TEST(BoardSnapshot, CountedEventsEqualTheReferenceTally) {
    const auto rules = FourRules();
    constexpr std::size_t kMembers = 40;
    std::vector<std::int64_t> ids;
    for (std::size_t m = 0; m < kMembers; ++m) ids.push_back(static_cast<std::int64_t>(m * 7 + 3));
    auto s = Empty(rules, ids);
    std::mt19937 rng(12345);
    std::vector<LedgerEvent> events;
    for (int i = 0; i < 3000; ++i) {
        const auto member = static_cast<MemberIdx>(rng() % kMembers);
        const auto rule = static_cast<RuleIdx>(rng() % rules.rules.size());
        const Points quantity = (rng() % 5 == 0 ? -1 : 1) * static_cast<Points>(50 + rng() % 200);
        events.push_back({member, rule, 0, EventStatus::kApproved, quantity});
        CountIntoSnapshot(s, rules, static_cast<std::size_t>(member), rule, quantity);
    }
    TallyConfig config;
    config.rules = rules.rules;
    const auto by_category = TallyByCategory(config, kMembers, events, rules.category_of_rule, rules.categories);
    for (std::size_t m = 0; m < kMembers; ++m) {
        const Points* row = s.Row(m);
        Points zeroing = 0, capped_s1 = 0, capped_n1 = 0;
        for (const auto& e : events) {
            if (static_cast<std::size_t>(e.member) != m) continue;
            if (e.rule == 3) zeroing += e.quantity;
            if (e.rule == 0) capped_s1 += EventWorth(rules.rules[0].points, e.quantity);
            if (e.rule == 2) capped_n1 += EventWorth(rules.rules[2].points, e.quantity);
        }
        EXPECT_EQ(row[0], zeroing) << m;
        for (int c = 0; c < rules.categories; ++c)
            EXPECT_EQ(row[1 + c], by_category[static_cast<std::size_t>(c)][m]) << m << " " << c;
        EXPECT_EQ(row[4], capped_s1) << m;
        EXPECT_EQ(row[5], capped_n1) << m;
    }
}

}  // namespace
}  // namespace lingyan::core::points
