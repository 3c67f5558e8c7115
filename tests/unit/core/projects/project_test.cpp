#include "core/projects/project.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/calendar/china_calendar.hpp"

namespace lingyan::core::projects {
namespace {

using enum State;
using enum Action;
using enum Party;

const calendar::WorkCalendar& Cal() { return calendar::ShippedChinaCalendar(); }
CivilDate D(const char* s) { return *ParseIsoDate(s); }

// Every allowed transition, written out independently of the table in project.cpp.
struct Allowed {
    State from;
    Action action;
    Party party;
    State to;
};
constexpr Allowed kAllowed[] = {
    {kPublished, kClaim, kClaimant, kClaimed}, {kClaimed, kConfirm, kOffice, kActive},
    {kClaimed, kRefuse, kOffice, kPublished},  {kActive, kReport, kOwner, kActive},
    {kActive, kComplete, kOffice, kCompleted},
};

TEST(ProjectWorkflow, EveryStateActionAndPartyAsATable) {
    for (auto from : {kPublished, kClaimed, kActive, kCompleted})
        for (auto action : {kClaim, kConfirm, kRefuse, kReport, kComplete})
            for (auto party : {kOffice, kOwner, kClaimant}) {
                const Allowed* row = nullptr;
                bool other_party = false;
                for (const auto& a : kAllowed) {
                    if (a.from != from || a.action != action) continue;
                    if (a.party == party) row = &a;
                    else other_party = true;
                }
                auto next = Next(from, action, party);
                SCOPED_TRACE(std::string(StateName(from)) + " " + ActionName(action));
                if (row) {
                    ASSERT_TRUE(next.ok());
                    EXPECT_EQ(*next, row->to);
                } else {
                    ASSERT_FALSE(next.ok());
                    EXPECT_EQ(next.error().code, other_party ? errc::kForbidden : errc::kConflict);
                }
            }
}

TEST(ProjectWorkflow, AClaimedProjectCannotBeClaimedAgainAndSaysWhy) {
    auto again = Next(kClaimed, kClaim, kClaimant);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, errc::kConflict);
    EXPECT_EQ(again.error().field, "state");
    EXPECT_NE(again.error().message.find("已揭榜待确认"), std::string::npos);
}

TEST(ProjectNames, RoundTripByNameAndLabel) {
    for (auto k : {Kind::kSecretary, Kind::kMonitor, Kind::kDeputy, Kind::kBounty}) {
        EXPECT_EQ(KindFromName(KindName(k)), k);
        EXPECT_EQ(KindFromName(KindLabel(k)), k);
    }
    EXPECT_EQ(std::string(KindLabel(Kind::kBounty)), "揭榜挂帅");
    EXPECT_FALSE(KindFromName("other").has_value());
    for (auto s : {kPublished, kClaimed, kActive, kCompleted}) EXPECT_EQ(StateFromName(StateName(s)), s);
    for (auto a : {kClaim, kConfirm, kRefuse, kReport, kComplete}) EXPECT_EQ(ActionFromName(ActionName(a)), a);
}

TEST(PlanMilestones, DaysCountFromThePreviousMilestone) {
    // 2024-09-27 (Friday) + 2 working days: Sunday 9-29 is an adjusted working day (调休), then 9-30;
    // + 3 more skips the National Day week (10-1…10-7 off): 10-8, 10-9, 10-10.
    auto plan = PlanMilestones({{"调研", "", 2}, {"方案", "", 3}}, D("2024-09-27"), Cal());
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    ASSERT_EQ(plan->size(), 2u);
    EXPECT_EQ((*plan)[0].deadline, "2024-09-30");
    EXPECT_EQ((*plan)[0].seq, 1);
    EXPECT_EQ((*plan)[1].deadline, "2024-10-10");
}

TEST(PlanMilestones, AHandSetDeadlineOnANonWorkingDayIsRefusedNamingTheMilestone) {
    auto plan = PlanMilestones({{"调研", "2024-11-29", 0}, {"验收", "2024-10-01", 0}}, D("2024-09-02"), Cal());
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().field, "milestones[1].deadline");  // also before the first milestone
    auto holiday = PlanMilestones({{"调研", "2024-10-03", 0}}, D("2024-09-02"), Cal());
    ASSERT_FALSE(holiday.ok());
    EXPECT_EQ(holiday.error().field, "milestones[0].deadline");
    EXPECT_NE(holiday.error().message.find("不是工作日"), std::string::npos);
    // An adjusted working Saturday (调休上班) is a working day.
    EXPECT_TRUE(PlanMilestones({{"调研", "2024-10-12", 0}}, D("2024-09-02"), Cal()).ok());
}

TEST(PlanMilestones, RefusesEmptyTooManyUntitledAndBadDates) {
    EXPECT_EQ(PlanMilestones({}, D("2024-09-02"), Cal()).error().field, "milestones");
    std::vector<MilestoneInput> many(21, MilestoneInput{"节点", "", 1});
    EXPECT_EQ(PlanMilestones(many, D("2024-09-02"), Cal()).error().field, "milestones");
    EXPECT_EQ(PlanMilestones({{"", "", 5}}, D("2024-09-02"), Cal()).error().field, "milestones[0].title");
    EXPECT_EQ(PlanMilestones({{"调研", "2024-13-01", 0}}, D("2024-09-02"), Cal()).error().field,
              "milestones[0].deadline");
    EXPECT_EQ(PlanMilestones({{"调研", "", 0}}, D("2024-09-02"), Cal()).error().field, "milestones[0].days");
    EXPECT_EQ(PlanMilestones({{"调研", "2024-09-02", 0}}, D("2024-09-02"), Cal()).error().field,
              "milestones[0].deadline");
}

Project Active(const char* started_on) {
    Project p;
    p.state = kActive;
    p.started_on = started_on;
    return p;
}

std::vector<Milestone> Two() {
    // 2024-09-02 (Mon) → 09-13 (Fri): 10 working days; → 09-27: 10 more.
    return {Milestone{1, 1, 0, 1, "调研", "2024-09-13", ""}, Milestone{2, 1, 0, 2, "实施", "2024-09-27", ""}};
}

TEST(ProjectColour, FollowsTheTicketRulesPerMilestone) {
    const tickets::ColourRules rules;
    auto p = Active("2024-09-02");
    auto ms = Two();
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-03"), Cal(), rules), Colour::kNone);
    // 7 of 10 working days gone, no report: yellow.
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-11"), Cal(), rules), Colour::kYellow);
    // A report since the window began clears yellow; one working day left is blue.
    p.last_report_on = "2024-09-04";
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-12"), Cal(), rules), Colour::kBlue);
    // Past the first milestone's deadline and it is not done: red.
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-14"), Cal(), rules), Colour::kRed);
    // Done: the second milestone's window (from 09-13) decides; the 09-04 report is before it.
    ms[0].done_on = "2024-09-13";
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-16"), Cal(), rules), Colour::kNone);
    EXPECT_EQ(*ColourOf(p, ms, D("2024-09-25"), Cal(), rules), Colour::kYellow);
    ms[1].done_on = "2024-09-26";
    EXPECT_EQ(*ColourOf(p, ms, D("2024-10-30"), Cal(), rules), Colour::kNone);
}

TEST(ProjectColour, OnlyTheCurrentPlanAndOnlyActiveProjects) {
    const tickets::ColourRules rules;
    auto p = Active("2024-09-02");
    auto ms = Two();
    for (auto& m : ms) m.claim_id = 7;  // a refused claim's plan
    EXPECT_EQ(*ColourOf(p, ms, D("2024-10-30"), Cal(), rules), Colour::kNone);
    p.claim_id = 7;
    EXPECT_EQ(*ColourOf(p, ms, D("2024-10-30"), Cal(), rules), Colour::kRed);
    p.state = kCompleted;
    EXPECT_EQ(*ColourOf(p, ms, D("2024-10-30"), Cal(), rules), Colour::kNone);
}

TEST(ProjectText, FieldsAreNamed) {
    Project p;
    EXPECT_EQ(ValidateText(p).error().field, "title");
    p.title = std::string(201 * 3, 'x');
    EXPECT_EQ(ValidateText(p).error().field, "title");
    p.title = "乡村振兴示范带";
    EXPECT_TRUE(ValidateText(p).ok());
    EXPECT_TRUE(ValidateFigures({{"新增岗位", 12, "个"}}).ok());
    EXPECT_EQ(ValidateFigures({{"", 1, ""}}).error().field, "figures[0].name");
    EXPECT_EQ(ValidateFigures({{"a", 1, ""}, {"b\tc", 1, ""}}).error().field, "figures[1].name");
    EXPECT_EQ(ValidateFigures({{"a", std::nan(""), ""}}).error().field, "figures[0].value");
    EXPECT_EQ(ValidateFigures(std::vector<Figure>(21, Figure{"a", 1, ""})).error().field, "figures");
}

}  // namespace
}  // namespace lingyan::core::projects
