#pragma once
// The ticket workflow (交办 → 督办 → 查办): the states a ticket passes through, the actions that
// move it, and who may take each action — as one table (kTransitions in workflow.cpp), so that the
// rules can be read, and tested, row by row.
//
//   registered ─assign→ assigned ─sign→ signed ─note→ in_progress ─report→ reported
//   reported ─accept→ verified ─satisfied→ closed        reported ─send_back→ in_progress
//   verified ─dissatisfied→ in_progress (reopened)        reassign → assigned (new unit)
//   merge → merged (into another ticket), split → split (into several new assignments)
//
// Extensions are requested by the handling unit and decided by the assigning office while the
// ticket is being worked and before its deadline (the date rule is in the app, which knows today).
// Nothing is ever deleted: merged and split tickets stay, with a pointer to what replaced them.
// Pure values and functions; thread-safe.

#include <optional>
#include <span>
#include <string_view>

#include "core/common/result.hpp"
#include "core/common/transition_table.hpp"

namespace lingyan::core::tickets {

// When adding a state, also update StateName/StateFromName, kTransitions, IsOpen, WaitingOn, the
// web app's locales (tickets.state.*) and docs/tickets.md.
enum class State { kRegistered, kAssigned, kSigned, kInProgress, kReported, kVerified, kClosed, kMerged, kSplitUp };

// When adding an action, also update ActionName/ActionFromName and kTransitions.
enum class Action {
    kAssign,             // 交办: unit, responsible leader, deadline
    kSign,               // 签收 (due within one working day of assignment)
    kNote,               // 进展: a progress note (photos)
    kReport,             // 报结: the handling unit reports it done
    kAccept,             // 查办通过
    kSendBack,           // 查办退回
    kSatisfied,          // 回访满意 → closed
    kDissatisfied,       // 回访不满意 → reopened
    kRequestExtension,   // 申请延期
    kApproveExtension,   // 批准延期
    kRejectExtension,    // 驳回延期
    kReassign,           // 改派
    kMerge,              // 合并重复
    kSplit,              // 拆分
};

// Who takes an action. The app decides which parties a caller is for a ticket (an officer whose
// scope holds the assigning office is the office; the handling unit's secretary, or the officer
// of that very unit, is the handler; the person who raised it is the raiser).
enum class Party { kOffice, kHandler, kRaiser };

// One row of the table: `action` in state `from` by `party` leads to `to`.
using Transition = TransitionRow<State, Action, Party>;

// Every allowed transition. Anything not listed is refused.
std::span<const Transition> Transitions();

// The state `action` by `party` leads to from `from`; a Conflict error naming the state and the
// action when the table has no such row ("工单当前为「已交办」，不能「查办通过」"), or Forbidden when
// the action exists from that state but for another party.
Result<State> Next(State from, Action action, Party party);

// Still being worked on (not closed, merged or split).
bool IsOpen(State s);
// Counts for colours and deadlines: assigned, signed or in progress.
bool IsRunning(State s);
// Whose move it is: registered/reported/verified wait on the office, running states on the handler,
// closed/merged/split on nobody (nullopt).
std::optional<Party> WaitingOn(State s);

const char* StateName(State s);    // registered, assigned, …
const char* StateLabel(State s);   // 已登记, 已交办, …
std::optional<State> StateFromName(std::string_view s);
const char* ActionName(Action a);  // assign, sign, …
const char* ActionLabel(Action a); // 交办, 签收, …
std::optional<Action> ActionFromName(std::string_view s);
const char* PartyName(Party p);    // office, handler, raiser

}  // namespace lingyan::core::tickets
