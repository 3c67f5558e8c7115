#include "app/projects/project_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/notifications/notify.hpp"
#include "app/roster/roster_service.hpp"
#include "core/tickets/ticket.hpp"

namespace lingyan::app {

namespace pj = core::projects;
namespace ports = core::ports;
using core::CivilDate;
using core::FormatIsoDate;
using core::ParseIsoDate;

namespace {

constexpr int kMaxProjectsPerPage = 200;

constexpr std::size_t kMaxReportChars = 2000;

std::string MilestonesJson(const std::vector<pj::Milestone>& ms) {
    std::string out = "[";
    for (const auto& m : ms)
        out += (out.size() > 1 ? "," : "") + std::string("{\"title\":") + JsonQuote(m.title) +
               ",\"deadline\":" + JsonQuote(m.deadline) + "}";
    return out + "]";
}

// The current plan of a project: the milestones of its claim (0 for one created with them).
std::vector<pj::Milestone> Current(const pj::Project& p, const std::vector<pj::Milestone>& all) {
    std::vector<pj::Milestone> out;
    for (const auto& m : all)
        if (m.claim_id == p.claim_id && p.state != pj::State::kPublished) out.push_back(m);
    return out;
}

}  // namespace

struct ProjectService::Parties {
    bool office = false, owner = false, claimant = false, reader = false;
    bool Any() const { return office || owner || claimant || reader; }
};

ProjectService::ProjectService(core::ports::Store& store, core::ports::ProjectStore& projects,
                               core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex,
                               const core::ports::Clock& clock, const RosterService& roster,
                               const core::calendar::WorkCalendar& calendar, ProjectFiles files)
    : UseCaseBase(store, store_mutex, clock, roster),
      projects_(projects),
      tickets_(tickets),
      calendar_(calendar),
      files_(std::move(files)) {}

ProjectService::Parties ProjectService::PartiesOf(const Actor& actor, const pj::Project& p) const {
    Parties parties;
    roster_.WithIndex([&](const RosterIndex& index) { parties = PartiesIn(index.tree(), actor, p); });
    return parties;
}

ProjectService::Parties ProjectService::PartiesIn(const core::roster::RegionTree& tree, const Actor& actor,
                                                  const pj::Project& p) {
    Parties parties;
    if (actor.role == Role::kJudge) return parties;
    const bool manager = IsManager(actor.role);
    parties.office = manager && core::auth::InScope(tree, actor, p.office_unit_id);
    if (p.unit_id != 0) {
        if (actor.role == Role::kSecretary) parties.owner = core::auth::InScope(tree, actor, p.unit_id);
        if (manager && actor.scope_unit_id == p.unit_id) parties.owner = true;
    }
    // A 揭榜 list is open to every secretary below its office: they see who took what.
    const bool below = actor.role == Role::kSecretary && p.kind == pj::Kind::kBounty && actor.scope_unit_id != 0 &&
                       tree.Find(actor.scope_unit_id) && tree.InSubtree(p.office_unit_id, actor.scope_unit_id);
    parties.claimant = below && p.state == pj::State::kPublished;
    parties.reader = below || core::auth::InScope(tree, actor, p.office_unit_id) ||
                     (p.unit_id != 0 && core::auth::InScope(tree, actor, p.unit_id));
    return parties;
}

Result<OwnerAccess> ProjectService::AttachmentAccess(const Actor& actor, Id id, Id report_id) {
    std::lock_guard lock(store_mutex_);
    auto p = projects_.FindProject(id);
    if (!p) return NotFound("项目");
    const Parties parties = PartiesOf(actor, *p);
    return PartyAccess(parties.Any(), "项目", report_id, [&] { return projects_.ListReports(id); }, "进展报告",
                       {.add = p->state != pj::State::kCompleted && (parties.owner || parties.office),
                        .remove_any = parties.office});
}

ProjectView ProjectService::ViewOf(const Actor& actor, pj::Project p, const std::vector<pj::Milestone>& all) const {
    ProjectView v;
    roster_.WithIndex([&](const RosterIndex& index) {
        v.office_unit = index.tree().NameOf(p.office_unit_id);
        v.unit = index.tree().NameOf(p.unit_id);
        if (const auto* person = index.FindPerson(p.owner_person_id)) v.owner = person->name;
    });
    const auto today = ParseIsoDate(clock_.Today()).value_or(CivilDate{});
    for (const auto& m : Current(p, all)) {
        ++v.milestones;
        if (!m.done_on.empty()) {
            ++v.milestones_done;
        } else if (v.next_deadline.empty()) {
            v.next_deadline = m.deadline;
        }
    }
    if (auto deadline = ParseIsoDate(v.next_deadline); deadline && p.state == pj::State::kActive) {
        auto days = today <= *deadline ? calendar_.CountWorkdays(today, *deadline) : calendar_.CountWorkdays(*deadline, today);
        if (days) v.working_days_left = static_cast<int>(today <= *deadline ? *days : -*days);
    }
    // Completing waits for every milestone (the server refuses it before that anyway).
    v.actions = ActionsOf(PartiesOf(actor, p), p.state, v.milestones_done == v.milestones);
    v.project = std::move(p);
    return v;
}

std::vector<std::string> ProjectService::ActionsOf(const Parties& parties, pj::State state, bool milestones_done) {
    std::vector<std::string> actions;
    for (const auto& t : pj::Transitions()) {
        if (t.from != state) continue;
        const bool mine = (t.party == pj::Party::kOffice && parties.office) ||
                          (t.party == pj::Party::kOwner && parties.owner) ||
                          (t.party == pj::Party::kClaimant && parties.claimant);
        if (t.action == pj::Action::kComplete && !milestones_done) continue;
        if (mine) actions.push_back(pj::ActionName(t.action));
    }
    return actions;
}

void ProjectService::Notify(const std::vector<Id>& users, const std::string& kind, const std::string& title,
                            const std::string& body, Id project_id) {
    ports::NotificationRecord n;
    n.kind = kind;
    n.title = title;
    n.body = body;
    n.project_id = project_id;
    n.created_at = clock_.NowIso();
    NotifyEach(tickets_, users, std::move(n));
}

void ProjectService::Save(const Actor& actor, pj::Project& p, const std::string& action, pj::State from,
                          const std::string& note, const std::string& detail) {
    const auto now = clock_.NowIso();
    const auto today = ParseIsoDate(clock_.Today()).value_or(CivilDate{});
    auto colour = pj::ColourOf(p, projects_.ListMilestones(p.id), today, calendar_, tickets_.LoadRules());
    const auto before = p.colour;
    p.colour = colour ? *colour : pj::Colour::kNone;
    if (p.colour == pj::Colour::kRed && before != pj::Colour::kRed) p.red_on = clock_.Today();
    p.updated_at = now;
    projects_.UpdateProject(p);
    projects_.AppendEvent(ports::ProjectEvent{0, p.id, now, clock_.Today(), actor.username, action,
                                              pj::StateName(from), pj::StateName(p.state), note, detail});
    Audit(actor, action, "project", p.id,
          "{\"from\":" + JsonQuote(pj::StateName(from)) + ",\"to\":" + JsonQuote(pj::StateName(p.state)) +
              (detail.empty() ? "" : ",\"detail\":" + detail) + "}");
}

Result<std::vector<pj::Milestone>> ProjectService::Plan(const std::vector<pj::MilestoneInput>& in,
                                                        const CivilDate& start) const {
    return pj::PlanMilestones(in, start, calendar_);
}

Status ProjectService::CheckOwner(Id person_id, Id unit_id) const {
    if (person_id <= 0) return Invalid("请选择项目负责人", "owner_person_id");
    bool ok = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* person = index.FindPerson(person_id);
        ok = person && index.tree().InSubtree(unit_id, person->unit_id);
    });
    if (!ok) return NotFound("项目负责人", "owner_person_id");
    return core::Ok();
}

// ---- use cases

Result<ProjectView> ProjectService::Create(const Actor& actor, const NewProject& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    pj::Project p;
    p.kind = in.kind;
    p.title = in.title;
    p.detail = in.detail;
    p.responsibility = in.responsibility;
    if (auto st = pj::ValidateText(p); !st) return st.error();
    // Admin (the whole deployment) names the unit whose office publishes; a 书记项目 defaults to its unit.
    if (actor.scope_unit_id == 0 && in.office_unit_id == 0 && in.kind == pj::Kind::kBounty)
        return Invalid("请选择发布单位（由哪一级组织部门发布）", "office_unit_id");
    p.office_unit_id = actor.scope_unit_id != 0 ? actor.scope_unit_id : (in.office_unit_id ? in.office_unit_id : in.unit_id);
    if (auto office = UnitInScope(actor, p.office_unit_id, "发布单位", "office_unit_id"); !office)
        return office.error();
    const auto today = ParseIsoDate(clock_.Today()).value_or(CivilDate{});
    std::vector<pj::Milestone> plan;
    if (p.kind == pj::Kind::kBounty) {
        if (in.unit_id != 0 || in.owner_person_id != 0 || !in.milestones.empty())
            return Invalid("揭榜挂帅项目由揭榜的书记确定承担单位、负责人和节点", "unit_id");
        p.state = pj::State::kPublished;
    } else {
        bool unit_ok = false;
        roster_.WithIndex([&](const RosterIndex& index) {
            unit_ok = index.tree().Find(in.unit_id) != nullptr && index.tree().InSubtree(p.office_unit_id, in.unit_id);
        });
        if (in.unit_id <= 0) return Invalid("请选择承担单位", "unit_id");
        if (!unit_ok || !InScope(actor, in.unit_id)) return NotFound("承担单位", "unit_id");
        if (auto st = CheckOwner(in.owner_person_id, in.unit_id); !st) return st.error();
        auto planned = Plan(in.milestones, today);
        if (!planned) return planned.error();
        plan = std::move(planned).value();
        p.unit_id = in.unit_id;
        p.owner_person_id = in.owner_person_id;
        p.state = pj::State::kActive;
        p.started_on = FormatIsoDate(today);
    }
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    const auto now = clock_.NowIso();
    p.created_by = actor.username;
    p.created_at = p.updated_at = now;
    p.id = projects_.InsertProject(p);
    for (auto& m : plan) {
        m.project_id = p.id;
        m.id = projects_.InsertMilestone(m);
    }
    projects_.AppendEvent(ports::ProjectEvent{0, p.id, now, clock_.Today(), actor.username, "create", "",
                                              pj::StateName(p.state), p.detail, "{\"milestones\":" + MilestonesJson(plan) + "}"});
    Audit(actor, "create", "project", p.id,
          "{\"kind\":" + JsonQuote(pj::KindName(p.kind)) + ",\"title\":" + JsonQuote(p.title) +
              ",\"unit_id\":" + std::to_string(p.unit_id) + ",\"owner_person_id\":" + std::to_string(p.owner_person_id) +
              ",\"milestones\":" + MilestonesJson(plan) + "}");
    if (p.kind != pj::Kind::kBounty) {
        Notify(ActiveUsersOfUnit(store_, p.unit_id), "project_assigned", "新项目：" + p.title,
               plan.empty() ? "" : "首个节点截止 " + plan.front().deadline, p.id);
    }
    tx->Commit();
    return ViewOf(actor, p, plan);
}

Result<ProjectListPage> ProjectService::List(const Actor& actor, const ProjectListQuery& q) {
    if (actor.role == Role::kJudge) return RoleForbidden();
    if (q.page < 1 || q.page > 100000) return Invalid("页码应为 1 到 100000", "page");
    if (q.per_page < 1 || q.per_page > kMaxProjectsPerPage) return Invalid("每页条数应为 1 到 200", "per_page");
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    const std::size_t from = static_cast<std::size_t>(q.page - 1) * static_cast<std::size_t>(q.per_page);
    return FindLocked(actor, q, from, static_cast<std::size_t>(q.per_page));
}

Result<FileDownload> ProjectService::LedgerXlsx(const Actor& actor, const ProjectListQuery& q) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.ledger_xlsx) return Invalid("未配置导出格式");
    ProjectListPage page;
    {
        std::lock_guard lock(store_mutex_);
        EnsureColouredLocked();
        constexpr auto kMost = static_cast<std::size_t>(kMaxExportRows);
        page = FindLocked(actor, q, 0, kMost, kMost);
    }
    if (auto st = CheckExportSize(page.total, "项目", "个"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.ledger_xlsx(page), "项目台账-" + today + ".xlsx", "project-ledger-" + today + ".xlsx"};
}

ProjectListPage ProjectService::FindLocked(const Actor& actor, const ProjectListQuery& q, std::size_t from,
                                           std::size_t count, std::size_t max_total) {
    auto all = projects_.ListProjects();
    // The caller's reach and the filters over every project (one read of the roster), then the
    // views of the rows asked for only: their milestones are the only ones read.
    std::vector<std::size_t> hits;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto& p = all[i];
            if (q.kind && p.kind != *q.kind) continue;
            if (q.state && p.state != *q.state) continue;
            if (q.colour && p.colour != *q.colour) continue;
            if (!q.q.empty() && p.title.find(q.q) == std::string::npos) continue;
            const auto parties = PartiesIn(index.tree(), actor, p);
            if (!parties.Any() || (q.claimable && !parties.claimant)) continue;
            hits.push_back(i);
        }
    });
    ProjectListPage page;
    page.total = static_cast<std::int64_t>(hits.size());
    if (hits.size() > max_total) return page;  // counted, not built
    for (std::size_t k = from; k < hits.size() && k < from + count; ++k) {
        auto& p = all[hits[k]];
        const auto plan = projects_.ListMilestones(p.id);
        page.items.push_back(ViewOf(actor, std::move(p), plan));
    }
    return page;
}

Result<ProjectDetail> ProjectService::Get(const Actor& actor, Id id) {
    if (actor.role == Role::kJudge) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto p = projects_.FindProject(id);
    if (!p || !PartiesOf(actor, *p).Any()) return NotFound("项目");
    ProjectDetail d;
    auto all = projects_.ListMilestones(id);
    d.milestones = Current(*p, all);
    d.proposed = all;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto& c : projects_.ListClaims(id)) {
            ClaimView v;
            v.unit = index.tree().NameOf(c.unit_id);
            if (const auto* person = index.FindPerson(c.owner_person_id)) v.owner = person->name;
            v.claim = std::move(c);
            d.claims.push_back(std::move(v));
        }
    });
    d.reports = projects_.ListReports(id);
    d.events = projects_.ListEvents(id);
    d.view = ViewOf(actor, std::move(*p), all);
    return d;
}

Result<pj::Project> ProjectService::Load(const Actor& actor, Id id, pj::Action action) {
    if (actor.role == Role::kJudge || actor.role == Role::kMember) return RoleForbidden();
    auto p = projects_.FindProject(id);
    if (!p) return NotFound("项目");
    const auto parties = PartiesOf(actor, *p);
    if (!parties.Any()) return NotFound("项目");
    std::optional<core::Error> refusal;
    for (auto [has, party] : {std::pair{parties.office, pj::Party::kOffice}, std::pair{parties.owner, pj::Party::kOwner},
                              std::pair{parties.claimant, pj::Party::kClaimant}}) {
        if (!has) continue;
        auto next = pj::Next(p->state, action, party);
        if (next) return *p;
        if (!refusal || next.error().code == errc::kConflict) refusal = next.error();
    }
    if (refusal) return *refusal;
    // A reader only: say what the state allows (a claim of a claimed project is a conflict).
    for (auto party : {pj::Party::kClaimant, pj::Party::kOffice, pj::Party::kOwner}) {
        auto next = pj::Next(p->state, action, party);
        if (!next && next.error().code == errc::kConflict) {
            if (action == pj::Action::kClaim) return Conflict("该项目已被揭榜或不在揭榜中，不能再揭榜", "state");
            return next.error();
        }
    }
    return Forbidden(std::string("您不能对该项目「") + pj::ActionLabel(action) + "」");
}

Result<ProjectView> ProjectService::Claim(const Actor& actor, Id id, const ClaimInput& in) {
    if (actor.role != Role::kSecretary) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto loaded = Load(actor, id, pj::Action::kClaim);
    if (!loaded) return loaded.error();
    pj::Project p = std::move(loaded).value();
    if (auto st = core::tickets::CheckText(in.responsibility, 2000, "responsibility", "责任分工", true); !st)
        return st.error();
    if (auto st = CheckOwner(in.owner_person_id, actor.scope_unit_id); !st) return st.error();
    const auto today = ParseIsoDate(clock_.Today()).value_or(CivilDate{});
    auto plan = Plan(in.milestones, today);
    if (!plan) return plan.error();
    auto tx = store_.Begin();
    pj::Claim c;
    c.project_id = p.id;
    c.unit_id = actor.scope_unit_id;
    c.owner_person_id = in.owner_person_id;
    c.responsibility = in.responsibility;
    c.claimed_by = actor.user_id;
    c.claimed_by_name = actor.username;
    c.claimed_on = clock_.Today();
    c.id = projects_.InsertClaim(c);
    for (auto& m : *plan) {
        m.project_id = p.id;
        m.claim_id = c.id;
        m.id = projects_.InsertMilestone(m);
    }
    const auto from = p.state;
    p.state = pj::State::kClaimed;
    p.claim_id = c.id;
    p.unit_id = c.unit_id;
    p.owner_person_id = c.owner_person_id;
    p.responsibility = c.responsibility;
    Save(actor, p, "claim", from, c.responsibility,
         "{\"claim_id\":" + std::to_string(c.id) + ",\"unit_id\":" + std::to_string(c.unit_id) +
             ",\"owner_person_id\":" + std::to_string(c.owner_person_id) + ",\"milestones\":" + MilestonesJson(*plan) + "}");
    Notify(ActiveUsersOfUnit(store_, p.office_unit_id), "project_claimed", "待确认揭榜：" + p.title, actor.username,
           p.id);
    tx->Commit();
    return ViewOf(actor, p, projects_.ListMilestones(p.id));
}

Result<ProjectView> ProjectService::Confirm(const Actor& actor, Id id) {
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto loaded = Load(actor, id, pj::Action::kConfirm);
    if (!loaded) return loaded.error();
    pj::Project p = std::move(loaded).value();
    auto claims = projects_.ListClaims(p.id);
    auto it = std::find_if(claims.begin(), claims.end(), [&](const pj::Claim& c) { return c.id == p.claim_id; });
    if (it == claims.end()) return Conflict("没有待确认的揭榜", "state");
    auto tx = store_.Begin();
    it->status = pj::ClaimStatus::kConfirmed;
    it->decided_by = actor.username;
    it->decided_on = clock_.Today();
    projects_.UpdateClaim(*it);
    const auto from = p.state;
    p.state = pj::State::kActive;
    p.started_on = it->claimed_on;
    Save(actor, p, "confirm", from, "", "{\"claim_id\":" + std::to_string(it->id) + "}");
    Notify({it->claimed_by}, "project_confirmed", "揭榜已确认：" + p.title, "", p.id);
    tx->Commit();
    return ViewOf(actor, p, projects_.ListMilestones(p.id));
}

Result<ProjectView> ProjectService::Refuse(const Actor& actor, Id id, const std::string& reason) {
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto loaded = Load(actor, id, pj::Action::kRefuse);
    if (!loaded) return loaded.error();
    pj::Project p = std::move(loaded).value();
    if (auto st = core::tickets::CheckText(reason, 500, "reason", "退回原因", true); !st) return st.error();
    auto claims = projects_.ListClaims(p.id);
    auto it = std::find_if(claims.begin(), claims.end(), [&](const pj::Claim& c) { return c.id == p.claim_id; });
    if (it == claims.end()) return Conflict("没有待确认的揭榜", "state");
    auto tx = store_.Begin();
    it->status = pj::ClaimStatus::kRefused;
    it->reason = reason;
    it->decided_by = actor.username;
    it->decided_on = clock_.Today();
    projects_.UpdateClaim(*it);
    const auto from = p.state;
    p.state = pj::State::kPublished;
    p.claim_id = 0;
    p.unit_id = 0;
    p.owner_person_id = 0;
    p.responsibility.clear();
    Save(actor, p, "refuse", from, reason, "{\"claim_id\":" + std::to_string(it->id) + "}");
    Notify({it->claimed_by}, "project_refused", "揭榜被退回：" + p.title, reason, p.id);
    tx->Commit();
    return ViewOf(actor, p, projects_.ListMilestones(p.id));
}

Result<ProjectView> ProjectService::Report(const Actor& actor, Id id, const ReportInput& in) {
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto loaded = Load(actor, id, pj::Action::kReport);
    if (!loaded) return loaded.error();
    pj::Project p = std::move(loaded).value();
    if (auto st = core::tickets::CheckText(in.text, kMaxReportChars, "text", "进展情况", true); !st) return st.error();
    if (auto st = pj::ValidateFigures(in.figures); !st) return st.error();
    const auto current = Current(p, projects_.ListMilestones(p.id));
    const pj::Milestone* milestone = nullptr;
    if (in.milestone_id != 0) {
        auto it = std::find_if(current.begin(), current.end(), [&](const pj::Milestone& m) { return m.id == in.milestone_id; });
        if (it == current.end()) return NotFound("节点", "milestone_id");
        milestone = &*it;
        if (in.milestone_done && !milestone->done_on.empty()) return Conflict("该节点已完成", "milestone_id");
    } else if (in.milestone_done) {
        return Invalid("请选择完成的节点", "milestone_id");
    }
    auto tx = store_.Begin();
    pj::Report r;
    r.project_id = p.id;
    r.milestone_id = in.milestone_id;
    r.milestone_done = in.milestone_done;
    r.on_date = clock_.Today();
    r.text = in.text;
    r.figures = in.figures;
    r.user = actor.username;
    r.at = clock_.NowIso();
    r.id = projects_.InsertReport(r);
    if (milestone && in.milestone_done) projects_.SetMilestoneDone(milestone->id, r.on_date);
    p.last_report_on = r.on_date;
    std::string figures = "[";
    for (const auto& f : in.figures)
        figures += (figures.size() > 1 ? "," : "") + std::string("{\"name\":") + JsonQuote(f.name) +
                   ",\"value\":" + JsonQuote(std::to_string(f.value)) + ",\"unit\":" + JsonQuote(f.unit) + "}";
    Save(actor, p, "report", p.state, in.text,
         "{\"report_id\":" + std::to_string(r.id) + ",\"milestone_id\":" + std::to_string(in.milestone_id) +
             ",\"milestone_done\":" + (in.milestone_done ? "true" : "false") + ",\"figures\":" + figures + "]}");
    tx->Commit();
    return ViewOf(actor, p, projects_.ListMilestones(p.id));
}

Result<ProjectView> ProjectService::Complete(const Actor& actor, Id id, const std::string& note) {
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto loaded = Load(actor, id, pj::Action::kComplete);
    if (!loaded) return loaded.error();
    pj::Project p = std::move(loaded).value();
    if (auto st = core::tickets::CheckText(note, 500, "note", "结项意见", false); !st) return st.error();
    for (const auto& m : Current(p, projects_.ListMilestones(p.id)))
        if (m.done_on.empty()) return Conflict("节点「" + m.title + "」尚未完成，不能结项", "milestones");
    auto tx = store_.Begin();
    const auto from = p.state;
    p.state = pj::State::kCompleted;
    p.completed_on = clock_.Today();
    Save(actor, p, "complete", from, note, "");
    Notify(ActiveUsersOfUnit(store_, p.unit_id), "project_completed", "项目已结项：" + p.title, note, p.id);
    tx->Commit();
    return ViewOf(actor, p, projects_.ListMilestones(p.id));
}

void ProjectService::Cards(const Actor& actor, std::vector<WorkCard>& cards) {
    const bool officer = IsManager(actor.role);
    if (!officer && actor.role != Role::kSecretary) return;
    // Every project in reach counted (not one page): confirming and reporting need no milestones done.
    const std::string wanted = officer ? "confirm" : "report";
    std::int64_t n = 0;
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    const auto all = projects_.ListProjects();
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& p : all) {
            const auto actions = ActionsOf(PartiesIn(index.tree(), actor, p), p.state, false);
            n += std::find(actions.begin(), actions.end(), wanted) != actions.end();
        }
    });
    if (officer)
        cards.push_back(WorkCard{"projects_to_confirm", "待确认的揭榜", n, "/projects?state=claimed", true});
    else
        cards.push_back(WorkCard{"projects_to_report", "推进中的项目", n, "/projects?state=active", true});
}

std::optional<ProjectSubject> ProjectService::SubjectOf(Id id) {
    std::lock_guard lock(store_mutex_);
    auto p = projects_.FindProject(id);
    if (!p || p->unit_id == 0 || (p->state != pj::State::kActive && p->state != pj::State::kCompleted))
        return std::nullopt;
    return ProjectSubject{p->unit_id, p->title};
}

// ---- colours

void ProjectService::EnsureColouredLocked() {
    const auto today = clock_.Today();
    if (today == coloured_on_) return;
    if (auto d = ParseIsoDate(today)) RecolourLocked(*d);
    coloured_on_ = today;
}

Result<std::int64_t> ProjectService::Recolour(const std::string& today) {
    auto d = core::ParseIsoDateField(today, "today");
    if (!d) return d.error();
    std::lock_guard lock(store_mutex_);
    return RecolourLocked(*d);
}

std::int64_t ProjectService::RecolourLocked(const CivilDate& today) {
    const auto rules = tickets_.LoadRules();
    std::map<Id, std::vector<pj::Milestone>> milestones;
    for (auto& m : projects_.ListAllMilestones()) milestones[m.project_id].push_back(std::move(m));
    std::int64_t changed = 0;
    auto tx = store_.Begin();
    for (auto& p : projects_.ListProjects()) {
        if (p.state != pj::State::kActive) continue;
        auto colour = pj::ColourOf(p, milestones[p.id], today, calendar_, rules);
        if (!colour || *colour == p.colour) continue;
        const bool turned_red = *colour == pj::Colour::kRed;
        p.colour = *colour;
        if (turned_red) p.red_on = FormatIsoDate(today);
        projects_.UpdateProject(p);
        ++changed;
        if (!turned_red) continue;
        projects_.AppendEvent(ports::ProjectEvent{0, p.id, clock_.NowIso(), FormatIsoDate(today), "", "red",
                                                  pj::StateName(p.state), pj::StateName(p.state), "节点逾期", ""});
        auto users = ActiveUsersOfUnit(store_, p.unit_id);
        for (Id u : ActiveUsersOfUnit(store_, p.office_unit_id)) users.push_back(u);
        std::vector<Id> fresh;
        for (Id u : users)
            if (!projects_.HasNotification(u, "project_red", p.id, FormatIsoDate(today))) fresh.push_back(u);
        Notify(fresh, "project_red", "项目节点逾期：" + p.title, "请尽快推进并报告进展", p.id);
    }
    tx->Commit();
    return changed;
}

}  // namespace lingyan::app
