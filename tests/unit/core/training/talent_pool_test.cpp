#include "core/training/talent_pool.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::training {
namespace {

using roster::Education;

// 兴村特岗书记: ≤ 35, agency mid-level cadres, college, party member.
TalentPool SpecialPostPool(int quota = 2) {
    TalentPool pool;
    pool.id = 2;
    pool.name = "兴村特岗书记";
    pool.quota = quota;
    pool.rules.max_age = 35;
    pool.rules.min_education = Education::kJuniorCollege;
    pool.rules.allowed_posts = {"机关中层"};
    pool.rules.min_years_in_post = 2;
    pool.rules.min_party = PartyStanding::kProbationary;
    return pool;
}

Candidate WangJingjing(roster::Id id = 1) {
    Candidate c;
    c.person_id = id;
    c.name = "王晶晶";
    c.town_id = 10;
    c.birth_date = "1990-05-01";
    c.education = Education::kBachelor;
    c.current_post = "机关中层";
    c.post_start_date = "2017-09-01";
    c.party = PartyStanding::kFull;
    return c;
}

TEST(PoolEligibility, ReportsEveryRuleWithItsReason) {
    auto report = CheckEligibility(SpecialPostPool().rules, WangJingjing(), "2021-01-15");
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->eligible);
    ASSERT_EQ(report->checks.size(), 5u);
    EXPECT_EQ(report->checks[0].rule, "age");
    EXPECT_EQ(report->checks[0].reason, "年龄 30 岁，符合要求");
    EXPECT_EQ(report->checks[3].reason, "任现职 3 年，满 2 年");
}

TEST(PoolEligibility, FailsTheRulesThatFailAndSaysWhy) {
    Candidate c = WangJingjing();
    c.birth_date = "1985-01-14";        // 36 on 2021-01-15
    c.education = Education::kHighSchool;
    c.current_post = "村委委员";
    c.post_start_date = "2020-03-01";
    c.party = PartyStanding::kNone;
    auto report = CheckEligibility(SpecialPostPool().rules, c, "2021-01-15");
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->eligible);
    for (const auto& check : report->checks) EXPECT_FALSE(check.passed) << check.rule;
    EXPECT_EQ(report->checks[0].reason, "年龄 36 岁，超过上限 35 岁");
    EXPECT_EQ(report->checks[4].reason, "政治面貌 非党员，须为 预备党员及以上");
}

TEST(PoolEligibility, AgeIsTakenOnTheCheckDate) {
    Candidate c = WangJingjing();
    c.birth_date = "1985-06-30";
    EXPECT_TRUE(CheckEligibility(SpecialPostPool().rules, c, "2021-06-29")->eligible);   // 35
    EXPECT_FALSE(CheckEligibility(SpecialPostPool().rules, c, "2021-06-30")->eligible);  // 36
    EXPECT_FALSE(CheckEligibility(SpecialPostPool().rules, c, "2021-02-30").ok());
}

TEST(PoolMembership, FollowsTheLegalLifeCycleOnly) {
    EXPECT_TRUE(CanTransition(MemberState::kNominated, MemberState::kSelected));
    EXPECT_TRUE(CanTransition(MemberState::kGraduated, MemberState::kAppointed));
    EXPECT_TRUE(CanTransition(MemberState::kInTraining, MemberState::kLeft));
    EXPECT_FALSE(CanTransition(MemberState::kNominated, MemberState::kInTraining));
    EXPECT_FALSE(CanTransition(MemberState::kLeft, MemberState::kSelected));
    EXPECT_FALSE(CanTransition(MemberState::kAppointed, MemberState::kGraduated));

    const TalentPool pool = SpecialPostPool();
    auto m = Nominate(pool, {}, WangJingjing(), "2021-01-10");
    ASSERT_TRUE(m.ok());
    for (auto to : {MemberState::kSelected, MemberState::kInTraining, MemberState::kGraduated, MemberState::kAppointed}) {
        auto next = Transition(pool, {*m}, *m, WangJingjing(), to, "2021-01-15");
        ASSERT_TRUE(next.ok()) << MemberStateName(to) << ": " << next.error().message;
        m = next;
    }
    EXPECT_EQ(m->history.size(), 4u);
    EXPECT_EQ(m->state, MemberState::kAppointed);
    auto bad = Transition(pool, {*m}, *m, WangJingjing(), MemberState::kInTraining, "2021-02-01");
    EXPECT_EQ(bad.error().code, errc::kConflict);
    auto backwards = Transition(pool, {*m}, *m, WangJingjing(), MemberState::kLeft, "2020-12-31");
    EXPECT_EQ(backwards.error().field, "date");
}

TEST(PoolMembership, EachStateHasItsOwnWords) {
    EXPECT_STREQ(MemberStateLabel(MemberState::kNominated), "已提名");
    EXPECT_STREQ(MemberStateLabel(MemberState::kSelected), "已入库");
    EXPECT_STREQ(MemberStateLabel(MemberState::kInTraining), "培养中");
    EXPECT_STREQ(MemberStateLabel(MemberState::kGraduated), "已结业");
    EXPECT_STREQ(MemberStateLabel(MemberState::kAppointed), "已任用");
    EXPECT_STREQ(MemberStateLabel(MemberState::kLeft), "已退出");
}

TEST(PoolQuota, RefusesSelectionBeyondTheQuotaAndTownQuota) {
    TalentPool pool = SpecialPostPool(2);
    pool.town_quota[10] = 1;
    std::vector<Membership> members;
    auto first = Nominate(pool, members, WangJingjing(1), "2021-01-10");
    first = Transition(pool, members, *first, WangJingjing(1), MemberState::kSelected, "2021-01-15");
    ASSERT_TRUE(first.ok());
    members.push_back(*first);
    auto second = Nominate(pool, members, WangJingjing(2), "2021-01-10");
    auto refused = Transition(pool, members, *second, WangJingjing(2), MemberState::kSelected, "2021-01-15");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "town_quota");

    Candidate other_town = WangJingjing(3);
    other_town.town_id = 11;
    auto third = Nominate(pool, members, other_town, "2021-01-10");
    third = Transition(pool, members, *third, other_town, MemberState::kSelected, "2021-01-15");
    ASSERT_TRUE(third.ok());
    members.push_back(*third);
    EXPECT_EQ(CountQuotaUse(pool, members).used, 2);

    Candidate fourth_person = WangJingjing(4);
    fourth_person.town_id = 12;
    auto fourth = Nominate(pool, members, fourth_person, "2021-01-10");
    auto full = Transition(pool, members, *fourth, fourth_person, MemberState::kSelected, "2021-01-15");
    EXPECT_EQ(full.error().field, "quota");
    EXPECT_FALSE(Nominate(pool, members, WangJingjing(1), "2021-02-01").ok());  // already in the pool
}

TEST(PoolQuota, IneligibleSelectionNeedsAnOverrideReason) {
    const TalentPool pool = SpecialPostPool();
    Candidate older = WangJingjing();
    older.birth_date = "1980-01-01";
    auto m = Nominate(pool, {}, older, "2021-01-10");
    auto refused = Transition(pool, {}, *m, older, MemberState::kSelected, "2021-01-15");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "override_reason");
    EXPECT_NE(refused.error().message.find("超过上限 35 岁"), std::string::npos);
    auto overridden = Transition(pool, {}, *m, older, MemberState::kSelected, "2021-01-15", {}, "市委组织部特批");
    ASSERT_TRUE(overridden.ok());
    EXPECT_EQ(overridden->override_reason, "市委组织部特批");
}

}  // namespace
}  // namespace lingyan::core::training

namespace lingyan::core::training {
namespace {

TEST(PoolEligibility, AnHonourRuleNeedsTheTitleAtTheLevelInTheLastYears) {
    EligibilityRules rules;
    rules.honour = honours::HonourRule{"金牌书记", honours::Level::kCity, 3};
    Candidate c = WangJingjing();
    auto report = CheckEligibility(rules, c, "2026-06-01");
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->eligible);
    EXPECT_EQ(report->checks.back().rule, "honour");
    EXPECT_EQ(report->checks.back().reason, "未获近 3 年市级及以上金牌书记");
    honours::Honour h;
    h.person_id = c.person_id;
    h.title = "金牌书记";
    h.level = honours::Level::kCity;
    h.year = 2024;
    c.honours = {h};
    report = CheckEligibility(rules, c, "2026-06-01");
    EXPECT_TRUE(report->eligible);
    EXPECT_EQ(report->checks.back().reason, "已获 2024 年市级金牌书记");
}

}  // namespace
}  // namespace lingyan::core::training
