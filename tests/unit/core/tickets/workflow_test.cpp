#include "core/tickets/workflow.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace lingyan::core::tickets {
namespace {

using enum State;
using enum Action;
using enum Party;

// Every allowed transition, written out independently of the table in workflow.cpp.
struct Allowed {
    State from;
    Action action;
    Party party;
    State to;
};
constexpr Allowed kAllowed[] = {
    {kRegistered, kAssign, kOffice, kAssigned},
    {kRegistered, kMerge, kOffice, kMerged},
    {kRegistered, kSplit, kOffice, kSplitUp},
    {kAssigned, kSign, kHandler, kSigned},
    {kAssigned, kReassign, kOffice, kAssigned},
    {kAssigned, kMerge, kOffice, kMerged},
    {kAssigned, kRequestExtension, kHandler, kAssigned},
    {kAssigned, kApproveExtension, kOffice, kAssigned},
    {kAssigned, kRejectExtension, kOffice, kAssigned},
    {kSigned, kNote, kHandler, kInProgress},
    {kSigned, kReport, kHandler, kReported},
    {kSigned, kReassign, kOffice, kAssigned},
    {kSigned, kMerge, kOffice, kMerged},
    {kSigned, kRequestExtension, kHandler, kSigned},
    {kSigned, kApproveExtension, kOffice, kSigned},
    {kSigned, kRejectExtension, kOffice, kSigned},
    {kInProgress, kNote, kHandler, kInProgress},
    {kInProgress, kReport, kHandler, kReported},
    {kInProgress, kReassign, kOffice, kAssigned},
    {kInProgress, kMerge, kOffice, kMerged},
    {kInProgress, kRequestExtension, kHandler, kInProgress},
    {kInProgress, kApproveExtension, kOffice, kInProgress},
    {kInProgress, kRejectExtension, kOffice, kInProgress},
    {kReported, kAccept, kOffice, kVerified},
    {kReported, kSendBack, kOffice, kInProgress},
    {kVerified, kSatisfied, kOffice, kClosed},
    {kVerified, kSatisfied, kRaiser, kClosed},
    {kVerified, kDissatisfied, kOffice, kInProgress},
    {kVerified, kDissatisfied, kRaiser, kInProgress},
};

constexpr State kStates[] = {kRegistered, kAssigned, kSigned,  kInProgress, kReported,
                             kVerified,   kClosed,   kMerged, kSplitUp};
constexpr Action kActions[] = {kAssign,           kSign,           kNote,           kReport,   kAccept,
                               kSendBack,         kSatisfied,      kDissatisfied,   kRequestExtension,
                               kApproveExtension, kRejectExtension, kReassign,      kMerge,    kSplit};
constexpr Party kParties[] = {kOffice, kHandler, kRaiser};

TEST(Workflow, EveryAllowedTransitionLeadsWhereTheTableSays) {
    for (const auto& a : kAllowed) {
        auto next = Next(a.from, a.action, a.party);
        ASSERT_TRUE(next.ok()) << StateName(a.from) << " " << ActionName(a.action) << " " << PartyName(a.party);
        EXPECT_EQ(*next, a.to) << StateName(a.from) << " " << ActionName(a.action);
    }
    EXPECT_EQ(Transitions().size(), std::size(kAllowed));
}

TEST(Workflow, EveryOtherTransitionIsRefusedAsConflictOrForbidden) {
    std::set<std::tuple<State, Action, Party>> allowed;
    std::set<std::pair<State, Action>> some_party;
    for (const auto& a : kAllowed) {
        allowed.insert({a.from, a.action, a.party});
        some_party.insert({a.from, a.action});
    }
    int refused = 0;
    for (auto s : kStates)
        for (auto a : kActions)
            for (auto p : kParties) {
                if (allowed.count({s, a, p})) continue;
                auto next = Next(s, a, p);
                ASSERT_FALSE(next.ok()) << StateName(s) << " " << ActionName(a) << " " << PartyName(p);
                // The action exists from this state for someone else: forbidden; otherwise out of order.
                EXPECT_EQ(next.error().code, some_party.count({s, a}) ? errc::kForbidden : errc::kConflict)
                    << StateName(s) << " " << ActionName(a) << " " << PartyName(p);
                ++refused;
            }
    EXPECT_EQ(refused, 9 * 14 * 3 - static_cast<int>(std::size(kAllowed)));
}

TEST(Workflow, OutOfOrderStepsNameTheStateAndTheAction) {
    struct Case {
        const char* name;
        State from;
        Action action;
        const char* words;
    } cases[] = {
        {"verify before done", kInProgress, kAccept, "工单当前为「办理中」，不能「查办通过」"},
        {"close without call-back", kReported, kSatisfied, "工单当前为「已报结」，不能「回访满意」"},
        {"sign twice", kSigned, kSign, "工单当前为「已签收」，不能「签收」"},
        {"note before signing", kAssigned, kNote, "不能「报送进展」"},
        {"anything after closing", kClosed, kNote, "工单当前为「已办结」"},
        {"split after assignment", kAssigned, kSplit, "不能「拆分」"},
        {"extension after the report", kReported, kRequestExtension, "不能「申请延期」"},
    };
    for (const auto& c : cases) {
        auto next = Next(c.from, c.action, kHandler);
        if (next.ok()) next = Next(c.from, c.action, kOffice);
        ASSERT_FALSE(next.ok()) << c.name;
        if (next.error().code == errc::kForbidden) next = Next(c.from, c.action, kOffice);
        EXPECT_NE(next.error().message.find(c.words), std::string::npos) << c.name << ": " << next.error().message;
    }
}

TEST(Workflow, OpenRunningAndWaitingFollowTheState) {
    for (auto s : kStates) {
        EXPECT_EQ(IsOpen(s), s != kClosed && s != kMerged && s != kSplitUp) << StateName(s);
        EXPECT_EQ(IsRunning(s), s == kAssigned || s == kSigned || s == kInProgress) << StateName(s);
    }
    EXPECT_EQ(WaitingOn(kRegistered), kOffice);
    EXPECT_EQ(WaitingOn(kReported), kOffice);
    EXPECT_EQ(WaitingOn(kVerified), kOffice);
    EXPECT_EQ(WaitingOn(kSigned), kHandler);
    EXPECT_FALSE(WaitingOn(kClosed).has_value());
}

TEST(Workflow, NamesRoundTrip) {
    for (auto s : kStates) EXPECT_EQ(StateFromName(StateName(s)), s);
    for (auto a : kActions) EXPECT_EQ(ActionFromName(ActionName(a)), a);
    EXPECT_FALSE(StateFromName("deleted").has_value());
    EXPECT_FALSE(ActionFromName("delete").has_value());
}

}  // namespace
}  // namespace lingyan::core::tickets
