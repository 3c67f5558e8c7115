#include "core/projects/project.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/enum_names.hpp"
#include "core/common/transition_table.hpp"
#include "core/tickets/ticket.hpp"

namespace lingyan::core::projects {

namespace {

constexpr EnumName<Kind> kKinds[] = {{Kind::kSecretary, "secretary", "书记项目"},
                                     {Kind::kMonitor, "monitor", "班长示范项目"},
                                     {Kind::kDeputy, "deputy", "班副争先项目"},
                                     {Kind::kBounty, "bounty", "揭榜挂帅"}};
constexpr EnumName<State> kStates[] = {{State::kPublished, "published", "待揭榜"},
                                       {State::kClaimed, "claimed", "已揭榜待确认"},
                                       {State::kActive, "active", "推进中"},
                                       {State::kCompleted, "completed", "已完成"}};
constexpr EnumName<Action> kActions[] = {{Action::kClaim, "claim", "揭榜"},
                                         {Action::kConfirm, "confirm", "确认揭榜"},
                                         {Action::kRefuse, "refuse", "退回揭榜"},
                                         {Action::kReport, "report", "报告进展"},
                                         {Action::kComplete, "complete", "结项"}};
constexpr EnumName<ClaimStatus> kClaimStatuses[] = {
    {ClaimStatus::kPending, "pending"}, {ClaimStatus::kConfirmed, "confirmed"}, {ClaimStatus::kRefused, "refused"}};

constexpr Transition kTransitions[] = {
    {State::kPublished, Action::kClaim, Party::kClaimant, State::kClaimed},
    {State::kClaimed, Action::kConfirm, Party::kOffice, State::kActive},
    {State::kClaimed, Action::kRefuse, Party::kOffice, State::kPublished},
    {State::kActive, Action::kReport, Party::kOwner, State::kActive},
    {State::kActive, Action::kComplete, Party::kOffice, State::kCompleted},
};

}  // namespace

const char* KindName(Kind k) { return EnumNameOf(kKinds, k, ""); }
const char* KindLabel(Kind k) { return EnumLabelOf(kKinds, k, ""); }
std::optional<Kind> KindFromName(std::string_view s) { return EnumFromName(kKinds, s, NameMatch::kNameOrLabel); }
const char* StateName(State s) { return EnumNameOf(kStates, s, ""); }
const char* StateLabel(State s) { return EnumLabelOf(kStates, s, ""); }
std::optional<State> StateFromName(std::string_view s) { return EnumFromName(kStates, s, NameMatch::kNameOrLabel); }
const char* ActionName(Action a) { return EnumNameOf(kActions, a, ""); }
const char* ActionLabel(Action a) { return EnumLabelOf(kActions, a, ""); }
std::optional<Action> ActionFromName(std::string_view s) { return EnumFromName(kActions, s, NameMatch::kNameOrLabel); }
const char* ClaimStatusName(ClaimStatus s) { return EnumNameOf(kClaimStatuses, s, ""); }
std::optional<ClaimStatus> ClaimStatusFromName(std::string_view s) { return EnumFromName(kClaimStatuses, s); }

std::span<const Transition> Transitions() { return kTransitions; }

Result<State> Next(State from, Action action, Party party) {
    const auto found = LookUpTransition(Transitions(), from, action, party);
    if (found.row) return found.row->to;
    if (found.other_party) return Forbidden(std::string("您不能对该项目「") + ActionLabel(action) + "」");
    return Conflict(std::string("项目当前为「") + StateLabel(from) + "」，不能「" + ActionLabel(action) + "」", "state");
}

Status ValidateText(const Project& p) {
    if (auto st = tickets::CheckText(p.title, kMaxTitleChars, "title", "项目名称", true); !st) return st;
    if (auto st = tickets::CheckText(p.detail, kMaxDetailChars, "detail", "项目内容", false); !st) return st;
    return tickets::CheckText(p.responsibility, 2000, "responsibility", "责任分工", false);
}

Status ValidateFigures(const std::vector<Figure>& figures) {
    if (figures.size() > kMaxFigures) return Invalid("数据项不能超过 20 项", "figures");
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const std::string at = "figures[" + std::to_string(i) + "]";
        if (auto st = tickets::CheckText(figures[i].name, 50, at + ".name", "数据项名称", true); !st) return st;
        if (auto st = tickets::CheckText(figures[i].unit, 20, at + ".unit", "数据单位", false); !st) return st;
        for (const auto* text : {&figures[i].name, &figures[i].unit})
            if (text->find_first_of("\t\r\n") != std::string::npos)
                return Invalid("数据项名称和单位不能含制表符或换行", at + (text == &figures[i].name ? ".name" : ".unit"));
        if (!std::isfinite(figures[i].value)) return Invalid("数据值应为有限的数", at + ".value");
    }
    return Ok();
}

Result<std::vector<Milestone>> PlanMilestones(const std::vector<MilestoneInput>& in, const CivilDate& start,
                                              const calendar::WorkCalendar& cal) {
    if (in.empty()) return Invalid("请至少设置一个节点", "milestones");
    if (in.size() > kMaxMilestones) return Invalid("节点不能超过 20 个", "milestones");
    std::vector<Milestone> out;
    CivilDate previous = start;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string at = "milestones[" + std::to_string(i) + "]";
        Milestone m;
        m.seq = static_cast<int>(i) + 1;
        m.title = in[i].title;
        if (auto st = tickets::CheckText(m.title, kMaxTitleChars, at + ".title", "节点名称", true); !st)
            return st.error();
        CivilDate deadline;
        if (!in[i].deadline.empty()) {
            auto parsed = ParseIsoDateField(in[i].deadline, at + ".deadline");
            if (!parsed) return parsed.error();
            deadline = *parsed;
            if (deadline <= previous)
                return Invalid("节点截止日期应晚于 " + FormatIsoDate(previous), at + ".deadline");
            if (auto st = tickets::CheckDeadline(deadline, previous, cal); !st)
                return Invalid(st.error().message, at + ".deadline");
        } else {
            auto d = tickets::DeadlineAfter(previous, in[i].days, cal);
            if (!d) return Invalid(d.error().message, at + ".days");
            deadline = *d;
        }
        m.deadline = FormatIsoDate(deadline);
        previous = deadline;
        out.push_back(std::move(m));
    }
    return out;
}

Result<Colour> ColourOf(const Project& p, const std::vector<Milestone>& milestones, const CivilDate& today,
                        const calendar::WorkCalendar& cal, const tickets::ColourRules& rules) {
    if (p.state != State::kActive) return Colour::kNone;
    auto start = ParseIsoDate(p.started_on);
    if (!start) return Colour::kNone;
    const auto last_report = ParseIsoDate(p.last_report_on);
    std::vector<const Milestone*> current;
    for (const auto& m : milestones)
        if (m.claim_id == p.claim_id) current.push_back(&m);
    std::sort(current.begin(), current.end(), [](const Milestone* a, const Milestone* b) { return a->seq < b->seq; });
    Colour worst = Colour::kNone;
    CivilDate from = *start;
    for (const auto* m : current) {
        auto deadline = ParseIsoDate(m->deadline);
        if (!deadline) continue;
        if (m->done_on.empty() && from <= today) {  // a window not yet begun has no colour
            tickets::Timing timing{from, *deadline, last_report};
            auto c = tickets::ColourOf(timing, today, cal, rules);
            if (!c) return c.error();
            worst = std::max(worst, *c);
        }
        from = std::max(from, *deadline);
    }
    return worst;
}

}  // namespace lingyan::core::projects
