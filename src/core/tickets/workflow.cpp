#include "core/tickets/workflow.hpp"

#include <string>

#include "core/common/transition_table.hpp"

namespace lingyan::core::tickets {

namespace {

using enum State;
using enum Action;
using enum Party;

constexpr Transition kTransitions[] = {
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

    // 回访: by the office (a phone call) or by the raiser in the app.
    {kVerified, kSatisfied, kOffice, kClosed},
    {kVerified, kSatisfied, kRaiser, kClosed},
    {kVerified, kDissatisfied, kOffice, kInProgress},
    {kVerified, kDissatisfied, kRaiser, kInProgress},
};

struct Names {
    const char* name;
    const char* label;
};

constexpr Names kStateNames[] = {
    {"registered", "已登记"}, {"assigned", "已交办"}, {"signed", "已签收"},   {"in_progress", "办理中"},
    {"reported", "已报结"},   {"verified", "已查办"}, {"closed", "已办结"},   {"merged", "已合并"},
    {"split", "已拆分"},
};

constexpr Names kActionNames[] = {
    {"assign", "交办"},       {"sign", "签收"},
    {"note", "报送进展"},     {"report", "报结"},
    {"accept", "查办通过"},   {"send_back", "查办退回"},
    {"satisfied", "回访满意"}, {"dissatisfied", "回访不满意"},
    {"request_extension", "申请延期"}, {"approve_extension", "批准延期"},
    {"reject_extension", "驳回延期"},  {"reassign", "改派"},
    {"merge", "合并"},        {"split", "拆分"},
};

}  // namespace

std::span<const Transition> Transitions() { return kTransitions; }

Result<State> Next(State from, Action action, Party party) {
    const auto found = LookUpTransition(Transitions(), from, action, party);
    if (found.row) return found.row->to;
    if (found.other_party) return Forbidden(std::string("您不能对该工单「") + ActionLabel(action) + "」");
    return Conflict(std::string("工单当前为「") + StateLabel(from) + "」，不能「" + ActionLabel(action) + "」", "action");
}

bool IsOpen(State s) { return s != kClosed && s != kMerged && s != kSplitUp; }

bool IsRunning(State s) { return s == kAssigned || s == kSigned || s == kInProgress; }

std::optional<Party> WaitingOn(State s) {
    switch (s) {
        case kRegistered:
        case kReported:
        case kVerified:
            return kOffice;
        case kAssigned:
        case kSigned:
        case kInProgress:
            return kHandler;
        default:
            return std::nullopt;
    }
}

const char* StateName(State s) { return kStateNames[static_cast<int>(s)].name; }
const char* StateLabel(State s) { return kStateNames[static_cast<int>(s)].label; }
const char* ActionName(Action a) { return kActionNames[static_cast<int>(a)].name; }
const char* ActionLabel(Action a) { return kActionNames[static_cast<int>(a)].label; }

std::optional<State> StateFromName(std::string_view s) {
    for (int i = 0; i < static_cast<int>(std::size(kStateNames)); ++i)
        if (s == kStateNames[i].name) return static_cast<State>(i);
    return std::nullopt;
}

std::optional<Action> ActionFromName(std::string_view s) {
    for (int i = 0; i < static_cast<int>(std::size(kActionNames)); ++i)
        if (s == kActionNames[i].name) return static_cast<Action>(i);
    return std::nullopt;
}

const char* PartyName(Party p) {
    switch (p) {
        case kOffice:
            return "office";
        case kHandler:
            return "handler";
        case kRaiser:
            return "raiser";
    }
    return "";
}

}  // namespace lingyan::core::tickets
