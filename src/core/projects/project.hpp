#pragma once
// Projects (项目): long-lived work items — 书记项目, 班长示范项目, 班副争先项目 and 揭榜挂帅 — with an
// owner (a roster person), a unit, milestones with working-day deadlines and progress reports with
// figures, supervised with the tickets' colours (core/tickets/supervision.hpp: a milestone past its
// deadline is red, two thirds of its time gone without a report is yellow, one working day left is
// blue).
//
//   created by an office (书记项目 …)                       → active
//   揭榜挂帅: published ─claim (secretary)→ claimed ─confirm (office)→ active
//                                          claimed ─refuse (office, reason)→ published
//   active ─report (owner)→ active        active ─complete (office, every milestone done)→ completed
//
// Nothing is deleted: a refused claim stays with its proposed milestones. Pure values and
// functions; thread-safe.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/work_calendar.hpp"
#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/common/transition_table.hpp"
#include "core/roster/model.hpp"
#include "core/tickets/supervision.hpp"

namespace lingyan::core::projects {

using roster::Id;
using tickets::Colour;

// When adding a kind, also update the names and the web locales (projects.kind.*).
enum class Kind { kSecretary, kMonitor, kDeputy, kBounty };
const char* KindName(Kind k);   // secretary, monitor, deputy, bounty
const char* KindLabel(Kind k);  // 书记项目, 班长示范项目, 班副争先项目, 揭榜挂帅
std::optional<Kind> KindFromName(std::string_view s);

enum class State { kPublished, kClaimed, kActive, kCompleted };
const char* StateName(State s);   // published, claimed, active, completed
const char* StateLabel(State s);  // 待揭榜, 已揭榜待确认, 推进中, 已完成
std::optional<State> StateFromName(std::string_view s);

enum class Action { kClaim, kConfirm, kRefuse, kReport, kComplete };
const char* ActionName(Action a);   // claim, confirm, refuse, report, complete
const char* ActionLabel(Action a);  // 揭榜, 确认, 退回, 报告进展, 结项
std::optional<Action> ActionFromName(std::string_view s);

// Who acts: the office that owns the project (an officer whose scope holds its office unit), its
// owner (the secretary of its unit), a claimant (a secretary below the office, for a published one).
enum class Party { kOffice, kOwner, kClaimant };

using Transition = TransitionRow<State, Action, Party>;
std::span<const Transition> Transitions();
// The state `action` by `party` leads to from `from`: Conflict (field "state") when no row of the
// table has that action from that state, Forbidden when the row is another party's.
Result<State> Next(State from, Action action, Party party);

enum class ClaimStatus { kPending, kConfirmed, kRefused };
const char* ClaimStatusName(ClaimStatus s);  // pending, confirmed, refused
std::optional<ClaimStatus> ClaimStatusFromName(std::string_view s);

struct Milestone {
    Id id = 0;
    Id project_id = 0;
    Id claim_id = 0;  // the claim that proposed it; 0 for a project created with its milestones
    int seq = 0;      // 1, 2, … in deadline order
    std::string title;
    std::string deadline;  // YYYY-MM-DD, a working day
    std::string done_on;   // "" while open
};

struct Figure {
    std::string name;   // 新增岗位
    double value = 0;
    std::string unit;   // 个
};

struct Project {
    Id id = 0;
    Kind kind = Kind::kSecretary;
    std::string title;
    std::string detail;
    Id office_unit_id = 0;   // the office that created (published) it
    Id unit_id = 0;          // the unit that carries it (0 while published)
    Id owner_person_id = 0;  // the responsible person (0 while published)
    std::string responsibility;  // 责任分工
    State state = State::kActive;
    Id claim_id = 0;          // the claim being decided or confirmed (0 for others)
    std::string started_on;   // YYYY-MM-DD: created, or claimed
    std::string completed_on;
    std::string last_report_on;
    Colour colour = Colour::kNone;
    std::string red_on;  // the day it last turned red
    std::string created_by;
    std::string created_at;
    std::string updated_at;
};

struct Claim {
    Id id = 0;
    Id project_id = 0;
    Id unit_id = 0;
    Id owner_person_id = 0;
    std::string responsibility;
    Id claimed_by = 0;  // user id
    std::string claimed_by_name;
    std::string claimed_on;  // YYYY-MM-DD
    ClaimStatus status = ClaimStatus::kPending;
    std::string reason;  // why the office refused
    std::string decided_by;
    std::string decided_on;
};

struct Report {
    Id id = 0;
    Id project_id = 0;
    Id milestone_id = 0;  // 0: not about one milestone
    bool milestone_done = false;
    std::string on_date;
    std::string text;
    std::vector<Figure> figures;
    // Photos: ids in the shared attachment store (issue 12 item 8, built separately). Stored and
    // returned; nothing writes them until that store lands.
    std::vector<Id> attachment_ids;
    std::string user;
    std::string at;
};

// Sizes a project accepts.
inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxDetailChars = 5000;
inline constexpr std::size_t kMaxMilestones = 20;
inline constexpr std::size_t kMaxFigures = 20;

// A project's title and texts (field named).
Status ValidateText(const Project& p);
// Figures of a report: 0–20, names 1–50 characters, units ≤ 20, finite values (field "figures[i].…").
Status ValidateFigures(const std::vector<Figure>& figures);

// A milestone as entered: a deadline set by hand, or a number of working days after the previous
// milestone (the start day for the first).
struct MilestoneInput {
    std::string title;
    std::string deadline;  // YYYY-MM-DD
    int days = 0;          // when deadline is ""
};
// The milestones from the start day `start`: 1–20, each titled, each deadline a working day after
// the previous one (strictly later) and after `start`. Errors name "milestones[i].title" or
// "milestones[i].deadline".
Result<std::vector<Milestone>> PlanMilestones(const std::vector<MilestoneInput>& in, const CivilDate& start,
                                              const calendar::WorkCalendar& cal);

// The colour of an active project on `today`: the most severe of its open milestones, each timed from
// the previous milestone's deadline (the start day for the first) to its own, a report since that day
// counting as the progress note. kNone for projects not active or with every milestone done.
Result<Colour> ColourOf(const Project& p, const std::vector<Milestone>& milestones, const CivilDate& today,
                        const calendar::WorkCalendar& cal, const tickets::ColourRules& rules);

}  // namespace lingyan::core::projects
