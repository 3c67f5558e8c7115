#include "core/tickets/workflow.hpp"

#include <string>

#include "core/common/enum_names.hpp"
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

constexpr EnumName<State> kStateNames[] = {
    {kRegistered, "registered", "已登记"}, {kAssigned, "assigned", "已交办"}, {kSigned, "signed", "已签收"},
    {kInProgress, "in_progress", "办理中"}, {kReported, "reported", "已报结"}, {kVerified, "verified", "已查办"},
    {kClosed, "closed", "已办结"},          {kMerged, "merged", "已合并"},     {kSplitUp, "split", "已拆分"},
};

constexpr EnumName<Action> kActionNames[] = {
    {kAssign, "assign", "交办"},
    {kSign, "sign", "签收"},
    {kNote, "note", "报送进展"},
    {kReport, "report", "报结"},
    {kAccept, "accept", "查办通过"},
    {kSendBack, "send_back", "查办退回"},
    {kSatisfied, "satisfied", "回访满意"},
    {kDissatisfied, "dissatisfied", "回访不满意"},
    {kRequestExtension, "request_extension", "申请延期"},
    {kApproveExtension, "approve_extension", "批准延期"},
    {kRejectExtension, "reject_extension", "驳回延期"},
    {kReassign, "reassign", "改派"},
    {kMerge, "merge", "合并"},
    {kSplit, "split", "拆分"},
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

const char* StateName(State s) { return EnumNameOf(kStateNames, s, ""); }
const char* StateLabel(State s) { return EnumLabelOf(kStateNames, s, ""); }
const char* ActionName(Action a) { return EnumNameOf(kActionNames, a, ""); }
const char* ActionLabel(Action a) { return EnumLabelOf(kActionNames, a, ""); }

std::optional<State> StateFromName(std::string_view s) { return EnumFromName(kStateNames, s); }

std::optional<Action> ActionFromName(std::string_view s) { return EnumFromName(kActionNames, s); }

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
