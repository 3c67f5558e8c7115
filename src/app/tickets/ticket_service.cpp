#include "app/tickets/ticket_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/notifications/notify.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

namespace tk = core::tickets;
namespace ports = core::ports;
using core::CivilDate;
using core::FormatIsoDate;
using core::ParseIsoDate;

namespace {

constexpr int kMaxTicketsPerPage = 100;
constexpr int kMaxExtensionDays = 60;
constexpr std::size_t kMaxNoteChars = 2000;
constexpr std::size_t kMinSplitParts = 2;
constexpr std::size_t kMaxSplitParts = 20;

CivilDate DateOr(const std::string& text, CivilDate fallback) {
    auto d = ParseIsoDate(text);
    return d ? *d : fallback;
}

// Meetings are read by the officers whose scope holds the organizing unit, and by everyone below it
// (a village secretary reads the town's 书记讲给书记听).
bool MeetingVisible(const core::roster::RegionTree& tree, const Actor& actor, Id unit) {
    return core::auth::InScope(tree, actor, unit) || (actor.scope_unit_id != 0 && tree.InSubtree(unit, actor.scope_unit_id));
}

Status CheckNote(const std::string& note, bool required, const char* what) {
    if (required && note.empty()) return Invalid(std::string("请填写") + what, "note");
    if (note.size() > kMaxNoteChars * 4) return Invalid(std::string(what) + "太长", "note");
    return core::Ok();
}

Status CheckPaging(int page, int per_page) {
    if (page < 1 || page > 100000) return Invalid("页码应为 1 到 100000", "page");
    if (per_page < 1 || per_page > kMaxTicketsPerPage) return Invalid("每页条数应为 1 到 100", "per_page");
    return core::Ok();
}

std::string AssignJson(const tk::Ticket& t) {
    return "{\"unit_id\":" + std::to_string(t.handler_unit_id) + ",\"leader\":" + JsonQuote(t.leader) +
           ",\"leader_user_id\":" + std::to_string(t.leader_user_id) + ",\"allowed_days\":" +
           std::to_string(t.allowed_days) + ",\"assigned_on\":" + JsonQuote(t.assigned_on) +
           ",\"deadline\":" + JsonQuote(t.deadline) + "}";
}

}  // namespace

struct TicketService::Parties {
    bool office = false, handler = false, raiser = false, reader = false;
    bool Any() const { return office || handler || raiser || reader; }
};

TicketService::TicketService(core::ports::Store& store, core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex,
                             const core::ports::Clock& clock, const RosterService& roster,
                             const core::calendar::WorkCalendar& calendar, TicketFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), tickets_(tickets), calendar_(calendar), files_(std::move(files)) {}

// ---- scope and views

TicketService::Parties TicketService::PartiesOf(const Actor& actor, const tk::Ticket& t) const {
    Parties p;
    p.raiser = t.raised_by == actor.user_id && actor.user_id != 0;
    if (actor.role == Role::kMember || actor.role == Role::kJudge) return p;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        const bool manager = IsManager(actor.role);
        p.office = manager && core::auth::InScope(tree, actor, t.office_unit_id);
        if (t.handler_unit_id != 0) {
            if (actor.role == Role::kSecretary) p.handler = core::auth::InScope(tree, actor, t.handler_unit_id);
            if (manager) p.handler = actor.scope_unit_id == t.handler_unit_id;
        }
        p.reader = core::auth::InScope(tree, actor, t.subject_unit_id) ||
                   core::auth::InScope(tree, actor, t.office_unit_id) ||
                   (t.handler_unit_id != 0 && core::auth::InScope(tree, actor, t.handler_unit_id));
    });
    return p;
}

std::vector<ports::ScopeRow> TicketService::ScopeRowsOf(const tk::Ticket& t) const {
    std::set<Id> visible{0}, handler, office{0};
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        auto add = [&](std::set<Id>& into, Id unit) {
            if (unit == 0 || !tree.Find(unit)) return;
            into.insert(unit);
            for (const auto* a : tree.Ancestors(unit)) into.insert(a->id);
        };
        add(visible, t.subject_unit_id);
        add(visible, t.office_unit_id);
        add(visible, t.handler_unit_id);
        add(office, t.office_unit_id);
        if (t.handler_unit_id != 0) {
            handler.insert(0);
            add(handler, t.handler_unit_id);
        }
    });
    std::vector<ports::ScopeRow> rows;
    for (Id u : visible) rows.push_back({u, ports::ScopeKind::kVisible});
    for (Id u : handler) rows.push_back({u, ports::ScopeKind::kHandler});
    for (Id u : office) rows.push_back({u, ports::ScopeKind::kOffice});
    return rows;
}

Result<tk::Colour> TicketService::ColourNow(const tk::Ticket& t, const CivilDate& today) const {
    auto timing = tk::TimingOf(t);
    if (!timing) return tk::Colour::kNone;
    return tk::ColourOf(*timing, today, calendar_, tickets_.LoadRules());
}

TicketView TicketService::ViewOf(const Actor& actor, tk::Ticket t) const {
    TicketView v;
    roster_.WithIndex([&](const RosterIndex& index) {
        v.subject_unit = index.tree().NameOf(t.subject_unit_id);
        v.office_unit = index.tree().NameOf(t.office_unit_id);
        v.handler_unit = index.tree().NameOf(t.handler_unit_id);
    });
    const auto parties = PartiesOf(actor, t);
    const auto today = DateOr(clock_.Today(), CivilDate{});
    const auto deadline = ParseIsoDate(t.deadline);
    if (tk::IsRunning(t.state) && deadline) {
        if (today <= *deadline) {
            auto left = calendar_.CountWorkdays(today, *deadline);
            v.working_days_left = left ? static_cast<int>(*left) : 0;
        } else {
            auto over = calendar_.CountWorkdays(*deadline, today);
            v.working_days_left = over ? -static_cast<int>(*over) : -1;
        }
    }
    for (const auto& tr : tk::Transitions()) {
        if (tr.from != t.state) continue;
        const bool mine = (tr.party == tk::Party::kOffice && parties.office) ||
                          (tr.party == tk::Party::kHandler && parties.handler) ||
                          (tr.party == tk::Party::kRaiser && parties.raiser);
        if (!mine) continue;
        if (tr.action == tk::Action::kRequestExtension && (t.extension_days > 0 || !deadline || today > *deadline))
            continue;
        if ((tr.action == tk::Action::kApproveExtension || tr.action == tk::Action::kRejectExtension) &&
            t.extension_days == 0)
            continue;
        const std::string name = tk::ActionName(tr.action);
        if (std::find(v.actions.begin(), v.actions.end(), name) == v.actions.end()) v.actions.push_back(name);
    }
    v.ticket = std::move(t);
    return v;
}

TicketListPage TicketService::PageOf(const Actor& actor, const ports::TicketPage& page) const {
    TicketListPage out;
    out.total = page.total;
    for (const auto& t : page.items) out.items.push_back(ViewOf(actor, t));
    return out;
}

// ---- writes

void TicketService::Save(const Actor& actor, tk::Ticket& t, const std::string& action, tk::State from,
                         const std::string& note, const std::string& detail) {
    const auto now = clock_.NowIso();
    t.updated_at = now;
    tickets_.UpdateTicket(t);
    tickets_.SetScope(t, ScopeRowsOf(t));
    tickets_.AppendEvent(ports::TicketEvent{0, t.id, now, clock_.Today(), actor.username, action,
                                            tk::StateName(from), tk::StateName(t.state), note, detail});
    Audit(actor, action, "ticket", t.id,
          "{\"from\":" + JsonQuote(tk::StateName(from)) + ",\"to\":" + JsonQuote(tk::StateName(t.state)) +
              (detail.empty() ? "" : ",\"detail\":" + detail) + "}");
}

Result<Id> TicketService::Insert(const Actor& actor, tk::Ticket t, const std::string& extra) {
    const auto now = clock_.NowIso();
    t.created_at = t.updated_at = now;
    t.raised_by = actor.user_id;
    t.office_unit_id = t.subject_unit_id;
    t.id = tickets_.InsertTicket(t, clock_.Today());
    tickets_.SetScope(t, ScopeRowsOf(t));
    tickets_.AppendEvent(ports::TicketEvent{0, t.id, now, clock_.Today(), actor.username, "create", "",
                                            tk::StateName(t.state), t.detail,
                                            "{\"source\":" + JsonQuote(tk::SourceName(t.source)) +
                                                (extra.empty() ? "" : "," + extra) + "}"});
    Audit(actor, "create", "ticket", t.id,
          "{\"title\":" + JsonQuote(t.title) + ",\"source\":" + JsonQuote(tk::SourceName(t.source)) +
              ",\"source_id\":" + std::to_string(t.source_id) + ",\"unit_id\":" + std::to_string(t.subject_unit_id) +
              "}");
    return t.id;
}

void TicketService::Notify(const std::vector<Id>& users, const std::string& kind, const std::string& title,
                           const std::string& body, Id ticket_id) {
    NotifyEach(tickets_, users, ports::NotificationRecord{0, 0, kind, title, body, ticket_id, clock_.NowIso(), ""});
}

Status TicketService::CheckSource(const Actor& actor, tk::Source source, Id source_id) {
    switch (source) {
        case tk::Source::kMeeting: {
            auto m = tickets_.FindMeeting(source_id);
            if (!m || !InScope(actor, m->unit_id)) return NotFound("会议", "source_id");
            return core::Ok();
        }
        case tk::Source::kYishitang: {
            auto d = tickets_.FindDeliberation(source_id);
            if (!d || !InScope(actor, d->unit_id)) return NotFound("议事堂记录", "source_id");
            return core::Ok();
        }
        case tk::Source::kSeminar: {
            if (!seminar_title_) return NotFound("培训研讨", "source_id");
            auto title = seminar_title_(actor, source_id);
            if (!title) return title.error();
            return core::Ok();
        }
        case tk::Source::kSplit:
            return Invalid("拆分出的工单只能由拆分产生", "source");
        default:
            return core::Ok();
    }
}

Status TicketService::ApplyAssign(const Actor& actor, tk::Ticket& t, const AssignInput& in, const CivilDate& today) {
    if (in.unit_id <= 0) return Invalid("请选择承办单位", "unit_id");
    if (auto unit = UnitInScope(actor, in.unit_id, "承办单位", "unit_id"); !unit) return unit.error();
    if (in.leader.empty()) return Invalid("请填写责任领导", "leader");
    if (in.leader.size() > 400) return Invalid("责任领导不能超过 100 个字", "leader");
    if (in.leader_user_id != 0) {
        auto user = store_.FindUser(in.leader_user_id);
        if (!user || !user->active) return NotFound("责任领导账号", "leader_user_id");
    }
    CivilDate deadline;
    if (!in.deadline.empty()) {
        auto parsed = core::ParseIsoDateField(in.deadline, "deadline");
        if (!parsed) return parsed.error();
        if (auto st = tk::CheckDeadline(*parsed, today, calendar_); !st) return st;
        deadline = *parsed;
    } else {
        int days = in.days;
        if (days == 0) {
            auto allowed = tk::AllowedDays(t.category, t.priority);
            if (!allowed) return allowed.error();
            days = *allowed;
        }
        auto d = tk::DeadlineAfter(today, days, calendar_);
        if (!d) return d.error();
        deadline = *d;
    }
    auto allowed = calendar_.CountWorkdays(today, deadline);
    if (!allowed) return Invalid("无法计算办理时限：" + allowed.error().message, "deadline");
    t.handler_unit_id = in.unit_id;
    if (actor.scope_unit_id != 0) t.office_unit_id = actor.scope_unit_id;
    t.leader = in.leader;
    t.leader_user_id = in.leader_user_id;
    t.allowed_days = static_cast<int>(*allowed);
    t.assigned_on = FormatIsoDate(today);
    t.deadline = FormatIsoDate(deadline);
    t.signed_on.clear();
    t.signed_late = false;
    t.red_on.clear();
    t.extension_days = 0;
    t.extension_reason.clear();
    return core::Ok();
}

Result<tk::Ticket> TicketService::Prepare(const Actor& actor, const NewTicket& in) const {
    if (actor.role == Role::kJudge) return RoleForbidden();
    tk::Ticket t;
    t.source = in.source;
    t.source_id = in.source_id;
    t.title = in.title;
    t.detail = in.detail;
    t.category = in.category.empty() ? "other" : in.category;
    if (const auto* c = tk::FindCategory(t.category)) t.category = std::string(c->name);
    t.priority = in.priority;
    t.location = in.location;
    t.raiser_name = in.raiser_name;
    t.raiser_phone = in.raiser_phone;
    t.subject_unit_id = in.subject_unit_id;
    if (auto st = tk::ValidateNew(t); !st) return st.error();
    if (auto unit = UnitInScope(actor, t.subject_unit_id, "单位", "unit_id"); !unit) return unit.error();
    if (t.source != tk::Source::kMeeting && t.source != tk::Source::kYishitang && t.source != tk::Source::kSeminar)
        t.source_id = 0;
    return t;
}

Result<TicketView> TicketService::Create(const Actor& actor, const NewTicket& in) {
    auto t = Prepare(actor, in);
    if (!t) return t.error();
    std::lock_guard lock(store_mutex_);
    if (auto st = CheckSource(actor, t->source, t->source_id); !st) return st.error();
    auto tx = store_.Begin();
    auto id = Insert(actor, *t);
    if (!id) return id.error();
    tx->Commit();
    return ViewOf(actor, *tickets_.FindTicket(*id));
}

Result<TicketView> TicketService::CreateAssigned(const Actor& actor, const NewTicket& in, const AssignInput& assign) {
    if (!IsManager(actor.role)) return RoleForbidden();
    auto t = Prepare(actor, in);
    if (!t) return t.error();
    TicketAction a;
    a.action = tk::Action::kAssign;
    a.assign = assign;
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    if (auto st = CheckSource(actor, t->source, t->source_id); !st) return st.error();
    // Registered and assigned in one transaction: a refused assignment leaves nothing behind.
    auto tx = store_.Begin();
    auto id = Insert(actor, *t);
    if (!id) return id.error();
    auto assigned = ActLocked(actor, *id, a);
    if (!assigned) return assigned.error();
    tx->Commit();
    return assigned;
}

Result<TicketView> TicketService::Act(const Actor& actor, Id id, const TicketAction& in) {
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
    auto tx = store_.Begin();
    auto done = ActLocked(actor, id, in);
    if (!done) return done.error();
    tx->Commit();
    return done;
}

Result<TicketView> TicketService::ActLocked(const Actor& actor, Id id, const TicketAction& in) {
    using tk::Action;
    auto found = tickets_.FindTicket(id);
    if (!found) return NotFound("工单");
    tk::Ticket t = *found;
    const auto parties = PartiesOf(actor, t);
    if (!parties.Any()) return NotFound("工单");
    // The party that may take the action: the first of the caller's parties the table allows.
    std::optional<core::Error> refusal;
    std::optional<tk::State> next;
    for (auto [has, party] : {std::pair{parties.office, tk::Party::kOffice},
                              std::pair{parties.handler, tk::Party::kHandler},
                              std::pair{parties.raiser, tk::Party::kRaiser}}) {
        if (!has) continue;
        auto n = tk::Next(t.state, in.action, party);
        if (n) {
            next = *n;
            break;
        }
        if (!refusal || n.error().code == errc::kConflict) refusal = n.error();
    }
    if (!next) {
        if (refusal) return *refusal;
        auto n = tk::Next(t.state, in.action, tk::Party::kOffice);
        if (!n && n.error().code == errc::kConflict) return n.error();
        return Forbidden(std::string("您不能对该工单「") + tk::ActionLabel(in.action) + "」");
    }
    const auto today = DateOr(clock_.Today(), CivilDate{});
    const std::string today_text = FormatIsoDate(today);
    const tk::State from = t.state;
    std::string detail;
    std::vector<std::function<void()>> after;  // notifications, inside the transaction
    switch (in.action) {
        case Action::kAssign:
        case Action::kReassign: {
            if (auto st = ApplyAssign(actor, t, in.assign, today); !st) return st.error();
            detail = AssignJson(t);
            const std::string title = std::string(in.action == Action::kAssign ? "新交办：" : "改派：") + t.title;
            auto users = ActiveUsersOfUnit(store_, t.handler_unit_id);
            users.push_back(t.leader_user_id);
            after.push_back([this, users, title, t] {
                Notify(users, "assigned", title, "截止日期 " + t.deadline, t.id);
            });
            break;
        }
        case Action::kSign: {
            auto late = tk::SignedLate(DateOr(t.assigned_on, today), today, calendar_);
            t.signed_on = today_text;
            t.signed_late = late && *late;
            break;
        }
        case Action::kNote:
            if (auto st = CheckNote(in.note, true, "进展情况"); !st) return st.error();
            t.last_note_on = today_text;
            break;
        case Action::kReport: {
            if (auto st = CheckNote(in.note, true, "办理结果"); !st) return st.error();
            t.reported_on = today_text;
            t.last_note_on = today_text;
            auto users = ActiveUsersOfUnit(store_, t.office_unit_id);
            after.push_back([this, users, t] { Notify(users, "reported", "待查办：" + t.title, "", t.id); });
            break;
        }
        case Action::kAccept: {
            if (t.raised_by != 0 && t.raised_by != actor.user_id) {
                const Id raiser = t.raised_by;
                after.push_back([this, raiser, t] { Notify({raiser}, "verified", "请评价办理结果：" + t.title, "", t.id); });
            }
            break;
        }
        case Action::kSendBack: {
            if (auto st = CheckNote(in.note, true, "退回原因"); !st) return st.error();
            t.send_back_count++;
            t.reported_on.clear();
            auto users = ActiveUsersOfUnit(store_, t.handler_unit_id);
            after.push_back([this, users, t] { Notify(users, "sent_back", "查办退回：" + t.title, "", t.id); });
            break;
        }
        case Action::kSatisfied: {
            t.satisfied = true;
            t.closed_on = today_text;
            const auto assigned = DateOr(t.assigned_on, today);
            auto days = assigned < today ? calendar_.CountWorkdays(assigned, today) : Result<std::int64_t>(0);
            t.days_to_close = days ? static_cast<int>(*days) : 0;
            break;
        }
        case Action::kDissatisfied: {
            if (auto st = CheckNote(in.note, true, "不满意的原因"); !st) return st.error();
            t.satisfied = false;
            t.reopen_count++;
            t.reported_on.clear();
            t.red_on.clear();
            auto d = tk::DeadlineAfter(today, std::max(1, t.allowed_days), calendar_);
            if (!d) return d.error();
            t.assigned_on = today_text;
            t.deadline = FormatIsoDate(*d);
            t.signed_on = today_text;
            detail = "{\"deadline\":" + JsonQuote(t.deadline) + "}";
            auto users = ActiveUsersOfUnit(store_, t.handler_unit_id);
            users.push_back(t.leader_user_id);
            after.push_back([this, users, t] { Notify(users, "reopened", "回访不满意，重新办理：" + t.title, "", t.id); });
            break;
        }
        case Action::kRequestExtension: {
            const auto deadline = DateOr(t.deadline, today);
            if (today > deadline) return Conflict("已过截止日期 " + t.deadline + "，不能再申请延期", "extension_days");
            if (t.extension_days > 0) return Conflict("已有待审批的延期申请", "extension_days");
            if (in.extension_days < 1 || in.extension_days > kMaxExtensionDays)
                return Invalid("延期天数应为 1 到 60 个工作日", "extension_days");
            if (auto st = CheckNote(in.note, true, "延期理由"); !st) return st.error();
            t.extension_days = in.extension_days;
            t.extension_reason = in.note;
            detail = "{\"days\":" + std::to_string(in.extension_days) + "}";
            auto users = ActiveUsersOfUnit(store_, t.office_unit_id);
            after.push_back([this, users, t] { Notify(users, "extension", "延期申请：" + t.title, t.extension_reason, t.id); });
            break;
        }
        case Action::kApproveExtension:
        case Action::kRejectExtension: {
            if (t.extension_days == 0) return Conflict("没有待审批的延期申请", "action");
            if (in.action == Action::kApproveExtension) {
                auto d = tk::DeadlineAfter(DateOr(t.deadline, today), t.extension_days, calendar_);
                if (!d) return d.error();
                detail = "{\"days\":" + std::to_string(t.extension_days) + ",\"from\":" + JsonQuote(t.deadline) +
                         ",\"to\":" + JsonQuote(FormatIsoDate(*d)) + "}";
                t.allowed_days += t.extension_days;
                t.deadline = FormatIsoDate(*d);
            } else {
                detail = "{\"days\":" + std::to_string(t.extension_days) + "}";
            }
            t.extension_days = 0;
            t.extension_reason.clear();
            break;
        }
        case Action::kMerge: {
            if (in.merge_into == t.id || in.merge_into <= 0) return Invalid("请选择要合并到的工单", "merge_into");
            auto target = tickets_.FindTicket(in.merge_into);
            if (!target) return NotFound("工单", "merge_into");
            auto tp = PartiesOf(actor, *target);
            if (!tp.office && !tp.reader) return NotFound("工单", "merge_into");
            if (!tk::IsOpen(target->state) || target->state == tk::State::kMerged)
                return Conflict("只能合并到未办结的工单", "merge_into");
            t.merged_into = target->id;
            t.closed_on = today_text;
            detail = "{\"into\":" + std::to_string(target->id) + "}";
            tickets_.AppendEvent(ports::TicketEvent{0, target->id, clock_.NowIso(), today_text, actor.username,
                                                    "merged_from", tk::StateName(target->state),
                                                    tk::StateName(target->state), t.title,
                                                    "{\"ticket\":" + std::to_string(t.id) + "}"});
            break;
        }
        case Action::kSplit: {
            if (in.parts.size() < kMinSplitParts || in.parts.size() > kMaxSplitParts)
                return Invalid("拆分应为 2 到 20 项", "parts");
            std::string ids;
            for (std::size_t part_idx = 0; part_idx < in.parts.size(); ++part_idx) {
                const auto& part = in.parts[part_idx];
                tk::Ticket child = t;
                child.id = 0;
                child.source = tk::Source::kSplit;
                child.source_id = t.id;
                child.title = part.title;
                child.state = tk::State::kRegistered;
                child.handler_unit_id = 0;
                if (auto st = tk::ValidateNew(child); !st) {
                    auto e = st.error();
                    e.field = "parts[" + std::to_string(part_idx) + "]." + e.field;
                    return e;
                }
                child.raised_by = t.raised_by;
                const auto now = clock_.NowIso();
                child.created_at = child.updated_at = now;
                child.office_unit_id = t.office_unit_id;
                child.id = tickets_.InsertTicket(child, today_text);
                const tk::State child_from = child.state;
                if (part.assign.unit_id != 0) {
                    if (auto st = ApplyAssign(actor, child, part.assign, today); !st) {
                        auto e = st.error();
                        e.field = "parts[" + std::to_string(part_idx) + "]." + e.field;
                        return e;
                    }
                    child.state = tk::State::kAssigned;
                    if (auto colour = ColourNow(child, today)) child.colour = *colour;
                }
                Save(actor, child, part.assign.unit_id != 0 ? "assign" : "create", child_from, "",
                     "{\"split_from\":" + std::to_string(t.id) + "}");
                ids += (ids.empty() ? "" : ",") + std::to_string(child.id);
            }
            t.closed_on = today_text;
            detail = "{\"into\":[" + ids + "]}";
            break;
        }
    }
    t.state = *next;
    if (tk::IsRunning(t.state)) {
        auto colour = ColourNow(t, today);
        if (!colour) return Invalid("无法计算督办颜色：" + colour.error().message, "deadline");
        if (*colour == tk::Colour::kRed && t.red_on.empty()) {
            t.red_on = today_text;
            tickets_.InsertRed(t.id, t.handler_unit_id, today_text);
        }
        t.colour = *colour;
    } else {
        t.colour = tk::Colour::kNone;
    }
    Save(actor, t, tk::ActionName(in.action), from, in.note, detail);
    for (auto& f : after) f();
    return ViewOf(actor, t);
}

// ---- reads

Result<TicketDetail> TicketService::Get(const Actor& actor, Id id) {
    EnsureColoured();
    ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
    auto t = tickets_.FindTicket(id);
    if (!t || !PartiesOf(actor, *t).Any()) return NotFound("工单");
    TicketDetail d;
    d.view = ViewOf(actor, *t);
    if (t->source == tk::Source::kMeeting) {
        if (auto m = tickets_.FindMeeting(t->source_id)) d.view.source_title = m->title;
    } else if (t->source == tk::Source::kYishitang) {
        if (auto r = tickets_.FindDeliberation(t->source_id)) d.view.source_title = r->topic;
    } else if (t->source == tk::Source::kSeminar && seminar_title_) {
        if (auto title = seminar_title_(actor, t->source_id)) d.view.source_title = *title;
    } else if (t->source == tk::Source::kSplit) {
        if (auto p = tickets_.FindTicket(t->source_id)) d.view.source_title = p->title;
    } else if (t->source == tk::Source::kHotline) {
        d.hotline = tickets_.FindHotlineCall(id);
        if (d.hotline) d.view.source_title = "12345 工单 " + d.hotline->ref;
    }
    d.events = tickets_.ListEvents(id);
    for (const auto& e : d.events) {
        Id other = 0;
        if (e.action == "merged_from") {
            auto pos = e.detail.find(':');
            if (pos != std::string::npos) other = std::atoll(e.detail.c_str() + pos + 1);
        }
        if (other > 0)
            if (auto c = tickets_.FindTicket(other)) d.children.push_back(ViewOf(actor, *c));
    }
    if (t->state == tk::State::kSplitUp) {
        ports::TicketFilter f;
        f.kind = ports::ScopeKind::kVisible;
        f.unit_id = 0;
        f.source = tk::Source::kSplit;
        f.source_id = id;
        f.limit = static_cast<int>(kMaxSplitParts);
        for (const auto& c : tickets_.ListTickets(f).items) d.children.push_back(ViewOf(actor, c));
    }
    return d;
}

Result<OwnerAccess> TicketService::AttachmentAccess(const Actor& actor, Id id, Id event_id) {
    std::lock_guard lock(store_mutex_);
    auto t = tickets_.FindTicket(id);
    if (!t) return NotFound("工单");
    const Parties p = PartiesOf(actor, *t);
    return PartyAccess(p.Any(), "工单", event_id, [&] { return tickets_.ListEvents(id); }, "工单进展记录",
                       {.add = tk::IsOpen(t->state) && (p.raiser || p.handler || p.office), .remove_any = p.office});
}

void TicketService::Cards(const Actor& actor, std::vector<WorkCard>& cards) {
    if (actor.role == core::auth::Role::kJudge) return;
    auto mine = MyTasks(actor, std::nullopt, 1, 1);
    if (!mine) return;
    for (auto [colour, title] : {std::pair{tk::Colour::kRed, "已超期的任务（红）"}, {tk::Colour::kYellow, "进展滞后的任务（黄）"},
                                 {tk::Colour::kBlue, "即将到期的任务（蓝）"}}) {
        const std::string name = tk::ColourName(colour);
        cards.push_back({"tasks_" + name, title, mine->colours[static_cast<std::size_t>(colour)],
                         "/tickets/mine?colour=" + name, true});
    }
}

Result<TicketListPage> TicketService::MyTasks(const Actor& actor, std::optional<tk::Colour> colour, int page,
                                              int per_page) {
    if (actor.role == Role::kJudge) return RoleForbidden();
    if (auto st = CheckPaging(page, per_page); !st) return st.error();
    ports::TicketFilter f;
    f.open = true;
    f.colour = colour;
    f.by_urgency = true;
    f.limit = per_page;
    f.offset = static_cast<std::int64_t>(page - 1) * per_page;
    ports::ScopeKind colour_kind = ports::ScopeKind::kHandler;
    if (actor.role == Role::kMember) {
        f.raised_by = actor.user_id;
    } else if (actor.role == Role::kSecretary) {
        f.kind = ports::ScopeKind::kHandler;
        f.unit_id = actor.scope_unit_id;
        f.waiting = tk::Party::kHandler;
    } else {
        f.kind = ports::ScopeKind::kOffice;
        f.unit_id = actor.scope_unit_id;
        f.waiting = tk::Party::kOffice;
        colour_kind = ports::ScopeKind::kOffice;
    }
    EnsureColoured();
    ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
    auto out = PageOf(actor, tickets_.ListTickets(f));
    if (actor.role == Role::kSecretary) out.colours = tickets_.CountColours(colour_kind, actor.scope_unit_id);
    if (actor.role == Role::kMember)
        for (const auto& v : out.items) out.colours[static_cast<std::size_t>(v.ticket.colour)]++;
    return out;
}

Result<ports::TicketFilter> TicketService::FilterOf(const Actor& actor, const TicketListQuery& q) const {
    ports::TicketFilter f;
    f.state = q.state;
    f.colour = q.colour;
    f.source = q.source;
    f.source_id = q.source_id;
    f.open = q.open;
    f.q = q.q;
    if (actor.role == Role::kMember) {
        f.raised_by = actor.user_id;
    } else {
        if (q.unit != 0 && !InScope(actor, q.unit)) return NotFound("单位", "unit");
        f.kind = ports::ScopeKind::kVisible;
        f.unit_id = q.unit != 0 ? q.unit : actor.scope_unit_id;
        if (q.colour) f.open = true;  // a colour is a running ticket's
    }
    return f;
}

Result<TicketListPage> TicketService::List(const Actor& actor, const TicketListQuery& q) {
    if (actor.role == Role::kJudge) return RoleForbidden();
    if (auto st = CheckPaging(q.page, q.per_page); !st) return st.error();
    auto f = FilterOf(actor, q);
    if (!f) return f.error();
    f->limit = q.per_page;
    f->offset = static_cast<std::int64_t>(q.page - 1) * q.per_page;
    EnsureColoured();
    ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
    return PageOf(actor, tickets_.ListTickets(*f));
}

Result<FileDownload> TicketService::LedgerXlsx(const Actor& actor, const TicketListQuery& q) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.ledger_xlsx) return Invalid("未配置导出格式");
    auto f = FilterOf(actor, q);
    if (!f) return f.error();
    EnsureColoured();
    TicketListPage page;
    {
        ReadLock lock(store_mutex_);
        f->limit = 0;  // counted before any row is read
        const auto total = tickets_.ListTickets(*f).total;
        if (auto st = CheckExportSize(total, "工单", "件"); !st) return st.error();
        f->limit = kMaxExportRows;
        page = PageOf(actor, tickets_.ListTickets(*f));
    }
    const auto today = clock_.Today();
    return FileDownload{files_.ledger_xlsx(page), "交办台账-" + today + ".xlsx", "ticket-ledger-" + today + ".xlsx"};
}

Result<BoardView> TicketService::Board(const Actor& actor, Id unit, std::optional<tk::Colour> colour, int page,
                                       int per_page) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (auto st = CheckPaging(page, per_page); !st) return st.error();
    if (unit != 0 && !InScope(actor, unit)) return NotFound("单位", "unit");
    const Id scope = unit != 0 ? unit : actor.scope_unit_id;
    ports::TicketFilter f;
    f.kind = ports::ScopeKind::kHandler;
    f.unit_id = scope;
    f.open = true;
    f.waiting = tk::Party::kHandler;
    f.colour = colour;
    f.by_urgency = true;
    f.limit = per_page;
    f.offset = static_cast<std::int64_t>(page - 1) * per_page;
    EnsureColoured();
    ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
    BoardView b;
    b.page = PageOf(actor, tickets_.ListTickets(f));
    b.page.colours = tickets_.CountColours(ports::ScopeKind::kHandler, scope);
    b.rules = tickets_.LoadRules();
    const auto start = tk::PeriodStart(DateOr(clock_.Today(), CivilDate{}), b.rules);
    b.period_from = FormatIsoDate(start);
    auto reds = tickets_.CountRedsSince(b.period_from);
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (const auto& [u, n] : reds) {
            if (!tk::NeedsTalk(static_cast<int>(n), b.rules)) continue;
            if (scope != 0 && !tree.InSubtree(scope, u)) continue;
            if (!core::auth::InScope(tree, actor, u)) continue;
            b.talks.push_back(TalkFlag{u, tree.NameOf(u), n});
        }
    });
    std::sort(b.talks.begin(), b.talks.end(), [](const auto& a, const auto& c) { return a.reds > c.reds; });
    return b;
}

Result<TicketStats> TicketService::Statistics(const Actor& actor, Id unit, int year) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    if (year < 2000 || year > 2100) return Invalid("年份应在 2000 到 2100 之间", "year");
    if (unit != 0 && !InScope(actor, unit)) return NotFound("单位", "unit");
    const Id scope = unit != 0 ? unit : actor.scope_unit_id;
    const std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
    std::vector<Id> handler_units;  // empty: every ticket (the whole deployment)
    if (scope != 0) roster_.WithIndex([&](const RosterIndex& index) { handler_units = index.tree().Subtree(scope); });
    std::vector<ports::UnitStatRow> rows;
    std::vector<tk::Meeting> meetings;
    std::vector<std::array<std::int64_t, 3>> counts;
    {
        std::lock_guard lock(store_mutex_);
        EnsureColouredLocked();
        rows = tickets_.AggregateStats(handler_units, from, to, clock_.Today());
        meetings = tickets_.ListMeetings();
        counts = tickets_.CountMeetingItems();
    }
    TicketStats s;
    s.year = year;
    auto rate = [](std::int64_t part, std::int64_t whole) {
        return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    };
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        s.unit = scope == 0 ? "全部单位" : tree.NameOf(scope);
        for (const auto& r : rows) {
            UnitStats u;
            u.unit_id = r.handler_unit_id;
            u.unit = tree.NameOf(r.handler_unit_id);
            u.received = r.received;
            u.closed = r.closed;
            u.open = r.open;
            u.overdue = r.late;
            u.on_time = r.on_time;
            u.avg_days_to_close = rate(r.close_days, r.closed);
            u.on_time_rate = rate(r.on_time, r.judged);
            u.satisfaction_rate = rate(r.satisfied, r.called_back);
            u.reopen_rate = rate(r.reopened, r.received);
            if (u.unit_id != 0) s.received += u.received;
            s.closed += u.closed;
            s.units.push_back(std::move(u));
        }
        std::map<Id, std::array<std::int64_t, 2>> items;
        for (const auto& c : counts) items[c[0]] = {c[1], c[2]};
        for (const auto& m : meetings) {
            if (m.held_on.substr(0, 4) != std::to_string(year)) continue;
            if (scope != 0 && !tree.InSubtree(scope, m.unit_id)) continue;
            if (!core::auth::InScope(tree, actor, m.unit_id)) continue;
            MeetingView v{m, tree.NameOf(m.unit_id), items[m.id][0], items[m.id][1]};
            s.meetings++;
            s.items += v.items;
            s.by_meeting.push_back(std::move(v));
        }
    });
    // Units that never received an assignment (registered only) are left out of the ranking.
    std::erase_if(s.units, [](const UnitStats& u) { return u.unit_id == 0; });
    std::stable_sort(s.units.begin(), s.units.end(), [](const UnitStats& a, const UnitStats& b) {
        if (a.on_time_rate != b.on_time_rate) return a.on_time_rate > b.on_time_rate;
        if (a.satisfaction_rate != b.satisfaction_rate) return a.satisfaction_rate > b.satisfaction_rate;
        return a.overdue < b.overdue;
    });
    for (std::size_t idx = 0; idx < s.units.size(); ++idx) s.units[idx].rank = static_cast<int>(idx) + 1;
    return s;
}

Result<FileDownload> TicketService::StatisticsXlsx(const Actor& actor, Id unit, int year) {
    auto stats = Statistics(actor, unit, year);
    if (!stats) return stats.error();
    if (!files_.stats_xlsx) return Invalid("未配置导出格式");
    return FileDownload{files_.stats_xlsx(*stats), "交办督办统计-" + std::to_string(year) + ".xlsx",
                        "ticket-stats-" + std::to_string(year) + ".xlsx"};
}

// ---- meetings and 议事堂

Result<MeetingView> TicketService::CreateMeeting(const Actor& actor, tk::Meeting m) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (auto st = tk::Validate(m); !st) return st.error();
    if (m.held_on > clock_.Today()) return Invalid("会议日期不能晚于今天", "held_on");
    auto unit = UnitInScope(actor, m.unit_id, "单位", "unit_id");
    if (!unit) return unit.error();
    m.created_by = actor.username;
    m.created_at = clock_.NowIso();
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    m.id = tickets_.InsertMeeting(m);
    Audit(actor, "create", "meeting", m.id,
          "{\"kind\":" + JsonQuote(tk::MeetingKindName(m.kind)) + ",\"title\":" + JsonQuote(m.title) +
              ",\"held_on\":" + JsonQuote(m.held_on) + "}");
    tx->Commit();
    return MeetingView{m, *unit, 0, 0};
}

Result<std::vector<MeetingView>> TicketService::ListMeetings(const Actor& actor, int year) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    std::vector<tk::Meeting> meetings;
    std::vector<std::array<std::int64_t, 3>> counts;
    {
        std::lock_guard lock(store_mutex_);
        meetings = tickets_.ListMeetings();
        counts = tickets_.CountMeetingItems();
    }
    std::map<Id, std::array<std::int64_t, 2>> items;
    for (const auto& c : counts) items[c[0]] = {c[1], c[2]};
    std::vector<MeetingView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto& m : meetings) {
            if (year != 0 && m.held_on.substr(0, 4) != std::to_string(year)) continue;
            if (!MeetingVisible(index.tree(), actor, m.unit_id)) continue;
            const auto n = items[m.id];
            out.push_back(MeetingView{std::move(m), index.tree().NameOf(m.unit_id), n[0], n[1]});
        }
    });
    return out;
}

Result<FileDownload> TicketService::MeetingsXlsx(const Actor& actor, int year) {
    auto list = ListMeetings(actor, year);  // checks the role first
    if (!list) return list.error();
    if (!files_.meetings_xlsx) return Invalid("未配置导出格式");
    if (auto st = CheckExportSize(static_cast<std::int64_t>(list->size()), "会议", "次"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.meetings_xlsx(*list), "会议台账-" + today + ".xlsx",
                        "meeting-ledger-" + today + ".xlsx"};
}

Result<MeetingDetail> TicketService::GetMeeting(const Actor& actor, Id id) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    EnsureColoured();
    ReadLock lock(store_mutex_);  // a read: beside other reads, on its own connection
    auto m = tickets_.FindMeeting(id);
    bool visible = false;
    MeetingDetail d;
    if (m)
        roster_.WithIndex([&](const RosterIndex& index) {
            visible = MeetingVisible(index.tree(), actor, m->unit_id);
            d.view.unit = index.tree().NameOf(m->unit_id);
        });
    if (!visible) return NotFound("会议");
    ports::TicketFilter f;
    f.kind = ports::ScopeKind::kVisible;
    f.unit_id = 0;
    f.source = tk::Source::kMeeting;
    f.source_id = id;
    f.limit = 1000;
    for (const auto& t : tickets_.ListTickets(f).items) {
        d.view.items++;
        if (t.state == tk::State::kClosed) d.view.closed++;
        // Every item counts; the caller sees the ones in their scope.
        if (PartiesOf(actor, t).Any()) d.items.push_back(ViewOf(actor, t));
    }
    d.view.meeting = std::move(*m);
    return d;
}

Result<DeliberationView> TicketService::CreateDeliberation(const Actor& actor, tk::Deliberation d) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    if (auto st = tk::Validate(d); !st) return st.error();
    if (d.held_on > clock_.Today()) return Invalid("议事日期不能晚于今天", "held_on");
    auto unit = UnitInScope(actor, d.unit_id, "单位", "unit_id");
    if (!unit) return unit.error();
    d.created_by = actor.username;
    d.created_at = clock_.NowIso();
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    d.id = tickets_.InsertDeliberation(d);
    Audit(actor, "create", "deliberation", d.id, "{\"topic\":" + JsonQuote(d.topic) + "}");
    tx->Commit();
    return DeliberationView{d, *unit, {}};
}

Result<std::vector<DeliberationView>> TicketService::ListDeliberations(const Actor& actor) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    std::vector<tk::Deliberation> all;
    {
        std::lock_guard lock(store_mutex_);
        all = tickets_.ListDeliberations();
    }
    std::vector<DeliberationView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto& d : all)
            if (core::auth::InScope(index.tree(), actor, d.unit_id))
                out.push_back(DeliberationView{std::move(d), index.tree().NameOf(d.unit_id), {}});
    });
    // Each record with the tickets raised from it (the page shows what came of each deliberation).
    std::lock_guard lock(store_mutex_);
    for (auto& v : out) v.items = RaisedFrom(actor, v.record.id, 50);
    return out;
}

Result<FileDownload> TicketService::DeliberationsXlsx(const Actor& actor) {
    auto list = ListDeliberations(actor);  // checks the role first
    if (!list) return list.error();
    if (!files_.deliberations_xlsx) return Invalid("未配置导出格式");
    if (auto st = CheckExportSize(static_cast<std::int64_t>(list->size()), "议事记录", "条"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.deliberations_xlsx(*list), "议事堂台账-" + today + ".xlsx",
                        "deliberation-ledger-" + today + ".xlsx"};
}

std::vector<TicketView> TicketService::RaisedFrom(const Actor& actor, Id deliberation, int limit) const {
    ports::TicketFilter f;
    f.kind = ports::ScopeKind::kVisible;
    f.unit_id = 0;
    f.source = tk::Source::kYishitang;
    f.source_id = deliberation;
    f.limit = limit;
    std::vector<TicketView> items;
    for (const auto& t : tickets_.ListTickets(f).items) items.push_back(ViewOf(actor, t));
    return items;
}

Result<DeliberationView> TicketService::GetDeliberation(const Actor& actor, Id id) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    auto d = tickets_.FindDeliberation(id);
    if (!d || !InScope(actor, d->unit_id)) return NotFound("议事堂记录");
    DeliberationView v;
    roster_.WithIndex([&](const RosterIndex& index) { v.unit = index.tree().NameOf(d->unit_id); });
    v.items = RaisedFrom(actor, id, 1000);
    v.record = std::move(*d);
    return v;
}

// ---- rules and colours

Result<tk::ColourRules> TicketService::Rules(const Actor& actor) {
    if (!IsManager(actor.role)) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    return tickets_.LoadRules();
}

Result<tk::ColourRules> TicketService::SetRules(const Actor& actor, const tk::ColourRules& rules) {
    if (!core::auth::IsAdmin(actor.role)) return RoleForbidden();
    if (auto st = tk::Validate(rules); !st) return st.error();
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    tickets_.SaveRules(rules);
    Audit(actor, "update", "ticket_rules", 0,
          "{\"blue_days_left\":" + std::to_string(rules.blue_days_left) + ",\"yellow\":\"" +
              std::to_string(rules.yellow_numerator) + "/" + std::to_string(rules.yellow_denominator) +
              "\",\"talk_reds\":" + std::to_string(rules.talk_reds) +
              ",\"talk_period_months\":" + std::to_string(rules.talk_period_months) + "}");
    RecolourLocked(DateOr(clock_.Today(), CivilDate{}));
    tx->Commit();
    coloured_on_ = clock_.Today();
    return rules;
}

Result<std::int64_t> TicketService::Recolour(const std::string& today) {
    auto day = core::ParseIsoDateField(today, "today");
    if (!day) return day.error();
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    const auto changed = RecolourLocked(*day);
    tx->Commit();
    coloured_on_ = today;
    return changed;
}

void TicketService::EnsureColoured() {
    {
        std::shared_lock lock(store_mutex_);
        if (clock_.Today() == coloured_on_) return;
    }
    std::lock_guard lock(store_mutex_);
    EnsureColouredLocked();
}

void TicketService::EnsureColouredLocked() {
    const auto today = clock_.Today();
    if (today == coloured_on_) return;
    auto tx = store_.Begin();
    RecolourLocked(DateOr(today, CivilDate{}));
    tx->Commit();
    coloured_on_ = today;
}

std::int64_t TicketService::RecolourLocked(const CivilDate& today) {
    const auto rules = tickets_.LoadRules();
    const std::string today_text = FormatIsoDate(today);
    std::vector<ports::ColourChange> changes;
    std::vector<tk::Ticket> turned_red;
    for (auto& t : tickets_.ListRunning()) {
        auto timing = tk::TimingOf(t);
        if (!timing) continue;
        auto colour = tk::ColourOf(*timing, today, calendar_, rules);
        if (!colour || *colour == t.colour) continue;  // a year the calendar lacks keeps the last colour
        ports::ColourChange c{t.id, *colour, t.red_on};
        if (*colour == tk::Colour::kRed && t.red_on.empty()) {
            c.red_on = today_text;
            t.red_on = today_text;
            turned_red.push_back(t);
        }
        changes.push_back(c);
    }
    tickets_.UpdateColours(changes);
    if (turned_red.empty()) return static_cast<std::int64_t>(changes.size());
    // Reds: recorded per unit (the talk rule) and on the timeline; the responsible leader and the
    // handling unit's accounts are told.
    std::map<Id, std::vector<Id>> unit_users;
    for (const auto& u : store_.ListUsers())
        if (u.active && u.scope_unit_id != 0) unit_users[u.scope_unit_id].push_back(u.id);
    const auto now = clock_.NowIso();
    for (const auto& t : turned_red) {
        tickets_.InsertRed(t.id, t.handler_unit_id, today_text);
        tickets_.AppendEvent(ports::TicketEvent{0, t.id, now, today_text, "", "red", tk::StateName(t.state),
                                                tk::StateName(t.state), "", "{\"deadline\":" + JsonQuote(t.deadline) + "}"});
        auto users = unit_users[t.handler_unit_id];
        users.push_back(t.leader_user_id);
        Notify(users, "red", "红色督办：" + t.title, "截止日期 " + t.deadline + " 已过，请尽快办理", t.id);
    }
    return static_cast<std::int64_t>(changes.size());
}

}  // namespace lingyan::app
