#include "app/arena/arena_service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/audit/audit_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

namespace arena = core::arena;

struct ArenaService::LiveContest {
    std::mutex mutex;
    core::ports::ContestRecord record;
    std::string unit_name;
    arena::Recusals recusals;
    arena::LiveState state;
    std::vector<core::ports::SeatAccessRecord> access;        // by seat number
    std::map<Id, std::string> seat_usernames;                 // seat id → judge account
    std::vector<std::shared_ptr<const LiveMessage>> history;  // history[seq]; [0] is the initial state
};

namespace {

std::string Num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string ValuesJson(const std::vector<double>& values) {
    std::string out = "[";
    for (std::size_t idx = 0; idx < values.size(); ++idx) out += (idx ? "," : "") + Num(values[idx]);
    return out + "]";
}

const arena::Seat* SeatOf(const arena::ContestSetup& setup, Id seat_id) {
    for (const auto& s : setup.seats)
        if (s.id == seat_id) return &s;
    return nullptr;
}

const arena::Contestant* ContestantOf(const arena::ContestSetup& setup, Id id) {
    for (const auto& c : setup.contestants)
        if (c.id == id) return &c;
    return nullptr;
}

// Several servers recorded events of one contest at the same moment more often than the retries allow.
core::Error BusyElsewhere() { return Conflict("擂台赛正被另一台服务器同时更新，请稍后重试", "seq"); }

Actor JudgeActor(const JudgeIdentity& judge) {
    Actor a;
    a.username = judge.actor;
    a.role = Role::kJudge;
    return a;
}

}  // namespace

ArenaService::ArenaService(core::ports::Store& store, core::ports::ArenaStore& arena,
                           core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                           const RosterService& roster, const core::ports::Crypto& crypto, ArenaFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), arena_(arena), crypto_(crypto), files_(std::move(files)) {}

ArenaService::~ArenaService() = default;

std::shared_ptr<const LiveMessage> ArenaService::MessageOf(const LiveContest& c, const arena::Event* event) const {
    auto m = std::make_shared<LiveMessage>();
    m->seq = c.state.seq;
    m->kind = event ? arena::EventKindName(event->kind) : "snapshot";
    if (event) {
        m->contestant_id = event->contestant_id;
        if (const auto* seat = SeatOf(c.record.setup, event->seat_id)) m->seat_number = seat->number;
        if (event->kind == arena::EventKind::kTimer) m->timer = arena::TimerActionName(event->timer);
    }
    m->view = std::make_shared<ContestView>(BuildView(c.record.id, c.unit_name, c.record.setup, c.recusals, c.state));
    if (files_.message_json) m->body = files_.message_json(*m);
    return m;
}

std::shared_ptr<ArenaService::LiveContest> ArenaService::Load(Id contest_id) {
    auto c = std::make_shared<LiveContest>();
    std::vector<arena::Event> events;
    {
        std::lock_guard lock(store_mutex_);
        auto record = arena_.FindContest(contest_id);
        if (!record) return nullptr;
        c->record = std::move(*record);
        events = arena_.ListEvents(contest_id);
        c->access = arena_.ListSeatAccess(contest_id);
        for (const auto& seat : c->record.setup.seats)
            if (seat.user_id != 0)
                if (auto user = store_.FindUser(seat.user_id)) c->seat_usernames[seat.id] = user->username;
    }
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(c->record.setup.unit_id)) c->unit_name = u->name;
        c->recusals = arena::ComputeRecusals(index.tree(), c->record.setup);
    });
    c->state = arena::InitialState(c->record.setup);
    c->history.push_back(MessageOf(*c, nullptr));
    for (const auto& e : events) {
        arena::Apply(c->record.setup, c->state, e);
        c->history.push_back(MessageOf(*c, &e));
    }
    return c;
}

std::shared_ptr<ArenaService::LiveContest> ArenaService::Find(Id contest_id) {
    {
        std::lock_guard lock(map_mutex_);
        auto it = contests_.find(contest_id);
        if (it != contests_.end()) return it->second;
    }
    auto loaded = Load(contest_id);
    if (!loaded) return nullptr;
    std::lock_guard lock(map_mutex_);
    return contests_.emplace(contest_id, std::move(loaded)).first->second;  // another loader may have won
}

Result<ArenaService::Held> ArenaService::Readable(const Actor& actor, Id contest_id) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    std::unique_lock lock(c->mutex);
    if (!CanRead(actor, *c)) return NotFound("擂台赛");
    return Held{std::move(c), std::move(lock)};
}

void ArenaService::Refresh() {
    std::vector<std::shared_ptr<LiveContest>> loaded;
    {
        std::lock_guard lock(map_mutex_);
        for (const auto& [id, c] : contests_) loaded.push_back(c);
    }
    for (const auto& c : loaded) {
        std::lock_guard lock(c->mutex);
        CatchUpLocked(*c);
    }
}

void ArenaService::CatchUpLocked(LiveContest& c) {
    std::vector<arena::Event> events;
    {
        std::shared_lock lock(store_mutex_);  // the primary (no read intent): what was just written elsewhere
        events = arena_.ListEvents(c.record.id);
        c.access = arena_.ListSeatAccess(c.record.id);
    }
    for (const auto& e : events) {
        if (e.seq <= c.state.seq) continue;
        arena::Apply(c.record.setup, c.state, e);
        c.record.status = arena::ContestStatusName(c.state.status);
        auto message = MessageOf(c, &e);
        c.history.push_back(message);
        if (feed_) feed_->Publish(c.record.id, message);
    }
}

Id ArenaService::FindByName(const std::string& name) {
    std::lock_guard lock(store_mutex_);
    for (const auto& c : arena_.ListContests())
        if (c.setup.name == name) return c.id;
    return 0;
}

bool ArenaService::CanRead(const Actor& actor, const LiveContest& c) const {
    const Id unit = c.record.setup.unit_id;
    if (actor.role == Role::kJudge) {
        for (const auto& seat : c.record.setup.seats)
            if (seat.user_id == actor.user_id && actor.user_id != 0) return true;
        return false;
    }
    // The contest inside the caller's scope, or the caller inside the contest's unit (a town
    // officer sees the county's contest).
    const bool related =
        InScope(actor, unit) ||
        (actor.scope_unit_id != 0 && roster_.InScope(Actor{0, "", Role::kCounty, unit}, actor.scope_unit_id));
    if (IsManager(actor.role)) return related;
    return related && c.record.setup.is_public;  // secretaries and members: public contests only
}

bool ArenaService::CanHost(const Actor& actor, const LiveContest& c) const {
    return IsManager(actor.role) && InScope(actor, c.record.setup.unit_id);
}

ContestSummary ArenaService::SummaryOf(const Actor& actor, const LiveContest& c) const {
    const auto& s = c.record.setup;
    ContestSummary out;
    out.id = c.record.id;
    out.name = s.name;
    out.unit_id = s.unit_id;
    out.unit_name = c.unit_name;
    out.is_public = s.is_public;
    out.year = s.year;
    out.status = arena::ContestStatusName(c.state.status);
    out.contestants = s.contestants.size();
    out.seats = s.seats.size();
    out.campaign_id = s.campaign_id;
    out.created_at = c.record.created_at;
    out.seq = c.state.seq;
    out.can_host = CanHost(actor, c);
    for (const auto& seat : s.seats)
        if (actor.user_id != 0 && seat.user_id == actor.user_id) out.my_seat = seat.number;
    return out;
}

Result<ContestDetail> ArenaService::Create(const Actor& actor, NewContest spec) {
    if (!IsManager(actor.role)) return RoleForbidden();
    auto& setup = spec.setup;
    if (setup.unit_id == 0) setup.unit_id = actor.scope_unit_id;
    if (setup.unit_id == 0) return Invalid("请选择主办单位", "unit_id");
    if (!InScope(actor, setup.unit_id)) return Forbidden("主办单位不在您的管辖范围内", "unit_id");
    if (setup.year == 0) setup.year = std::stoi(clock_.Today().substr(0, 4));
    // Contestants and seats from the roster: names and units filled in, scope checked.
    Status roster_check = core::Ok();
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (std::size_t idx = 0; idx < setup.contestants.size() && roster_check.ok(); ++idx) {
            auto& c = setup.contestants[idx];
            const std::string field = "contestants[" + std::to_string(idx) + "]";
            if (c.kind == arena::ContestantKind::kPerson) {
                const auto* p = index.FindPerson(c.person_id);
                if (!p || !core::auth::InScope(tree, actor, p->unit_id)) {
                    roster_check = NotFound("人员", field + ".person_id");
                    break;
                }
                c.unit_id = p->unit_id;
                if (c.name.empty()) c.name = p->name;
            } else if (!tree.Find(c.unit_id) || !core::auth::InScope(tree, actor, c.unit_id)) {
                roster_check = NotFound("单位", field + ".unit_id");
                break;
            }
            const auto* u = tree.Find(c.unit_id);
            c.unit_name = u ? u->name : "";
            if (c.name.empty()) c.name = c.unit_name;
        }
        for (std::size_t idx = 0; idx < setup.seats.size() && roster_check.ok(); ++idx) {
            auto& s = setup.seats[idx];
            if (s.number == 0) s.number = static_cast<int>(idx) + 1;
            const auto* u = tree.Find(s.home_unit_id);
            if (!u) {
                roster_check = NotFound("评委所在单位", "seats[" + std::to_string(idx) + "].home_unit_id");
                break;
            }
            s.home_unit_name = u->name;
        }
    });
    if (!roster_check) return roster_check.error();
    if (setup.rounds.empty()) {
        arena::Round r{"决赛", {}};
        for (std::size_t idx = 0; idx < setup.contestants.size(); ++idx) r.order.push_back(static_cast<Id>(idx));
        setup.rounds.push_back(std::move(r));
    }
    // Validate with the 0-based places standing in for ids.
    auto check = setup;
    for (std::size_t idx = 0; idx < check.contestants.size(); ++idx) check.contestants[idx].id = static_cast<Id>(idx);
    for (const auto& r : check.rounds)
        for (Id place : r.order)
            if (place < 0 || place >= static_cast<Id>(check.contestants.size()))
                return Invalid("轮次中有未登记的选手", "rounds");
    if (auto ok = arena::ValidateSetup(check); !ok) return ok.error();
    if (setup.campaign_id != 0) {
        if (!campaigns_) return Invalid("无法关联考核活动", "campaign_id");
        auto campaign = campaigns_->Get(actor, setup.campaign_id);
        if (!campaign) return NotFound("考核活动", "campaign_id");
        const int node = campaign->framework->Find(setup.campaign_criterion);
        if (node == core::evaluation::kNoNode ||
            campaign->framework->nodes()[static_cast<std::size_t>(node)].spec.method !=
                core::evaluation::Method::kJudges)
            return Invalid("考核活动中没有这个评委打分指标：" + setup.campaign_criterion, "campaign_criterion");
    }
    std::string seed_text = crypto_.Sha256Hex(crypto_.RandomToken()).substr(0, 15);
    const std::uint64_t seed = std::stoull(seed_text, nullptr, 16);

    core::ports::ContestRecord record;
    {
        std::lock_guard lock(store_mutex_);
        for (std::size_t idx = 0; idx < spec.seat_usernames.size() && idx < setup.seats.size(); ++idx) {
            if (spec.seat_usernames[idx].empty()) continue;
            auto user = store_.FindUserByName(spec.seat_usernames[idx]);
            if (!user || user->role != "judge")
                return Invalid("评委账号不存在或不是评委角色：" + spec.seat_usernames[idx],
                               "seats[" + std::to_string(idx) + "].username");
            setup.seats[idx].user_id = user->id;
        }
        auto tx = store_.Begin();
        record = arena_.InsertContest(setup, actor.username, clock_.NowIso());
        Audit(actor, "create", "contest", record.id,
              "{\"name\":" + JsonQuote(setup.name) + ",\"contestants\":" + std::to_string(setup.contestants.size()) +
                  ",\"seats\":" + std::to_string(setup.seats.size()) + "}");
        tx->Commit();
    }
    auto c = Find(record.id);
    if (spec.draw_lots) {
        arena::Request draw;
        draw.kind = arena::EventKind::kDraw;
        draw.round = 0;
        draw.seed = seed;
        if (auto ack = Act(actor, record.id, draw); !ack) return ack.error();
    }
    return Get(actor, record.id);
}

Result<std::vector<ContestSummary>> ArenaService::List(const Actor& actor) {
    if (!all_loaded_) {
        std::vector<Id> ids;
        {
            std::lock_guard lock(store_mutex_);
            for (const auto& c : arena_.ListContests()) ids.push_back(c.id);
        }
        for (Id id : ids) Find(id);
        all_loaded_ = true;
    }
    std::vector<std::shared_ptr<LiveContest>> all;
    {
        std::lock_guard lock(map_mutex_);
        for (const auto& [id, c] : contests_) all.push_back(c);
    }
    std::vector<ContestSummary> out;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        std::lock_guard lock((*it)->mutex);
        if (CanRead(actor, **it)) out.push_back(SummaryOf(actor, **it));
    }
    return out;
}

Result<ContestDetail> ArenaService::Get(const Actor& actor, Id contest_id) {
    auto held = Readable(actor, contest_id);
    if (!held) return held.error();
    const auto& c = held->contest;
    ContestDetail d;
    d.summary = SummaryOf(actor, *c);
    d.setup = c->record.setup;
    d.setup.rounds.clear();
    for (std::size_t idx = 0; idx < c->record.setup.rounds.size(); ++idx)
        d.setup.rounds.push_back(arena::Round{c->record.setup.rounds[idx].name, c->state.orders[idx]});
    const bool host = CanHost(actor, *c);
    for (const auto& seat : c->record.setup.seats) {
        SeatDetail sd;
        sd.seat = seat;
        for (const auto& a : c->access) {
            if (a.seat_id != seat.id) continue;
            sd.link_issued = host && !a.token_hash.empty();
            sd.device_bound = !a.device_hash.empty();
            sd.bound_at = a.bound_at;
        }
        if (auto it = c->seat_usernames.find(seat.id); it != c->seat_usernames.end()) sd.username = it->second;
        d.seats.push_back(std::move(sd));
    }
    d.recusals.assign(c->recusals.begin(), c->recusals.end());
    d.view = c->history.back()->view;
    d.results_pushed_at = c->record.results_pushed_at;
    return d;
}

Result<SeatLink> ArenaService::IssueLink(const Actor& actor, Id contest_id, Id seat_id) {
    auto held = Readable(actor, contest_id);
    if (!held) return held.error();
    const auto& c = held->contest;
    if (!CanHost(actor, *c)) return RoleForbidden();
    const auto* seat = SeatOf(c->record.setup, seat_id);
    if (!seat) return NotFound("评委席");
    if (c->state.status == arena::ContestStatus::kFinished) return Conflict("擂台赛已结束");
    SeatLink link{seat->id, seat->number, crypto_.RandomToken()};
    const std::string hash = crypto_.Sha256Hex(link.token);
    const std::string at = clock_.NowIso();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        arena_.IssueSeatLink(seat->id, hash, at);
        Audit(actor, "issue_link", "contest", contest_id,
              "{\"seat\":" + std::to_string(seat->number) + ",\"label\":" + JsonQuote(seat->label) + "}");
        tx->Commit();
    }
    for (auto& a : c->access) {
        if (a.seat_id != seat->id) continue;
        a.token_hash = hash;
        a.device_hash.clear();
        a.device_csrf.clear();
        a.link_issued_at = at;
        a.bound_at.clear();
    }
    return link;
}

Result<std::vector<SeatLink>> ArenaService::IssueLinks(const Actor& actor, Id contest_id) {
    std::vector<Id> seats;
    {
        auto held = Readable(actor, contest_id);
        if (!held) return held.error();
        const auto& c = held->contest;
        for (const auto& a : c->access)
            if (a.device_hash.empty()) seats.push_back(a.seat_id);
    }
    std::vector<SeatLink> out;
    for (Id seat : seats) {
        auto link = IssueLink(actor, contest_id, seat);
        if (!link) return link.error();
        out.push_back(*link);
    }
    return out;
}

bool ArenaService::Record(LiveContest& c, arena::Event event, const Actor* actor, const std::string& audit_detail) {
    event.seq = c.state.seq + 1;
    const auto& setup = c.record.setup;
    const bool starts = event.kind == arena::EventKind::kAdvance && c.state.status == arena::ContestStatus::kReady;
    const bool finishes = event.kind == arena::EventKind::kFinish;
    {
        std::lock_guard lock(store_mutex_);
        auto tx = store_.Begin();
        // Another server recorded an event since this state was read: nothing is written (the
        // transaction rolls back); the caller catches up and prepares again.
        if (arena_.LockEvents(c.record.id) != c.state.seq) return false;
        arena_.InsertEvent(c.record.id, event);
        if (event.kind == arena::EventKind::kScore) {
            core::ports::ContestScoreRecord score;
            score.contest_id = c.record.id;
            score.round = event.round;
            score.contestant_id = event.contestant_id;
            score.seat_id = event.seat_id;
            score.values = event.values;
            score.total = arena::SheetTotal(setup.criteria, event.values);
            score.key = event.key;
            score.seq = event.seq;
            score.submitted_by = event.actor;
            score.submitted_at = clock_.NowIso();
            arena_.InsertScore(score);
        } else if (event.kind == arena::EventKind::kReopen) {
            arena_.VoidScore(c.record.id, event.round, event.contestant_id, event.seat_id, event.seq, event.reason,
                             event.actor, clock_.NowIso());
        }
        if (starts) arena_.UpdateContestStatus(c.record.id, "live");
        if (finishes) arena_.UpdateContestStatus(c.record.id, "finished");
        Actor who = actor ? *actor : Actor{};
        if (!actor) {
            who.username = event.actor;
            who.role = Role::kJudge;
        }
        Audit(who, std::string("arena.") + arena::EventKindName(event.kind), "contest", c.record.id, audit_detail);
        tx->Commit();
    }
    arena::Apply(setup, c.state, event);
    c.record.status = arena::ContestStatusName(c.state.status);
    auto message = MessageOf(c, &event);
    c.history.push_back(message);
    if (feed_) feed_->Publish(c.record.id, message);
    return true;
}

Result<HostAck> ArenaService::Act(const Actor& actor, Id contest_id, arena::Request request) {
    auto held = Readable(actor, contest_id);
    if (!held) return held.error();
    const auto& c = held->contest;
    if (!CanHost(actor, *c)) return RoleForbidden();
    if (request.kind == arena::EventKind::kScore) return RoleForbidden();
    request.actor = actor.username;
    if (request.kind == arena::EventKind::kDraw && request.seed == 0)
        request.seed = std::stoull(crypto_.Sha256Hex(crypto_.RandomToken()).substr(0, 15), nullptr, 16);
    const int asked_round = request.round;
    for (int attempt = 0; attempt < kRecordAttempts; ++attempt) {
        if (shared_ || attempt > 0) CatchUpLocked(*c);
        request.at_ms = clock_.NowUnixMs();
        request.round = asked_round < 0 ? c->state.round : asked_round;
        auto recorded = ActOnce(*c, actor, request);
        if (!recorded) return recorded.error();
        if (*recorded) return HostAck{c->state.seq, c->history.back()->view};
    }
    return BusyElsewhere();
}

Result<bool> ArenaService::ActOnce(LiveContest& c, const Actor& actor, const arena::Request& request) {
    auto prepared = arena::Prepare(c.record.setup, c.recusals, c.state, request);
    if (!prepared) return prepared.error();
    const auto& e = prepared->event;
    std::string detail = "{\"kind\":" + JsonQuote(arena::EventKindName(e.kind));
    if (const auto* contestant = ContestantOf(c.record.setup, e.contestant_id))
        detail += ",\"contestant\":" + JsonQuote(contestant->name);
    if (const auto* seat = SeatOf(c.record.setup, e.seat_id)) detail += ",\"seat\":" + std::to_string(seat->number);
    if (e.kind == arena::EventKind::kTimer) detail += ",\"timer\":" + JsonQuote(arena::TimerActionName(e.timer));
    if (e.kind == arena::EventKind::kReopen) {
        auto scored = c.state.scores.find({e.round, e.contestant_id});
        if (scored != c.state.scores.end() && scored->second.count(e.seat_id))
            detail += ",\"before\":" + ValuesJson(scored->second.at(e.seat_id).values);
        detail += ",\"reason\":" + JsonQuote(e.reason);
    }
    if (e.kind == arena::EventKind::kPreScore) {
        detail += ",\"criterion\":" + JsonQuote(e.criterion) + ",\"value\":" + ValuesJson(e.values);
    }
    if (e.kind == arena::EventKind::kDraw) detail += ",\"seed\":" + JsonQuote(std::to_string(e.seed));
    if (e.kind == arena::EventKind::kReveal) {
        std::string missing;
        for (const auto* seat : arena::MissingSeats(c.record.setup, c.recusals, c.state, e.round, e.contestant_id))
            missing += (missing.empty() ? "" : ",") + std::to_string(seat->number);
        detail += ",\"missing\":[" + missing + "]";
    }
    detail += "}";
    return Record(c, e, &actor, detail);
}

Result<JoinOutcome> ArenaService::Join(Id contest_id, const std::string& token, const std::string& device_secret) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    if (token.empty()) return Invalid("缺少评委链接中的令牌", "token");
    const std::string hash = crypto_.Sha256Hex(token);
    std::lock_guard lock(c->mutex);
    // Links and bindings made through another server are read first (several servers, one truth).
    if (shared_) CatchUpLocked(*c);
    core::ports::SeatAccessRecord* access = nullptr;
    for (auto& a : c->access)
        if (!a.token_hash.empty() && a.token_hash == hash) access = &a;
    if (!access) return Conflict("评委链接已失效或不正确，请向主持人索取新的链接", "token");
    if (c->state.status == arena::ContestStatus::kFinished) return Conflict("擂台赛已结束", "token");
    const auto* seat = SeatOf(c->record.setup, access->seat_id);
    JudgeIdentity judge{contest_id, seat->id, "seat:" + std::to_string(seat->number), access->device_csrf};
    if (!access->device_hash.empty()) {
        if (!device_secret.empty() && crypto_.Sha256Hex(device_secret) == access->device_hash)
            return JoinOutcome{judge, ""};
        return Conflict("此评委链接已在另一台设备上使用；如需更换设备，请主持人重新生成链接", "token");
    }
    const std::string secret = crypto_.RandomToken();
    const std::string csrf = crypto_.RandomToken();
    const std::string device_hash = crypto_.Sha256Hex(secret);
    const std::string at = clock_.NowIso();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        if (!arena_.BindSeatDevice(seat->id, hash, device_hash, csrf, at))
            return Conflict("此评委链接已在另一台设备上使用；如需更换设备，请主持人重新生成链接", "token");
        Audit(JudgeActor(judge), "judge_join", "contest", contest_id,
              "{\"seat\":" + std::to_string(seat->number) + ",\"label\":" + JsonQuote(seat->label) + "}");
        tx->Commit();
    }
    access->device_hash = device_hash;
    access->device_csrf = csrf;
    access->bound_at = at;
    judge.csrf = csrf;
    return JoinOutcome{judge, secret};
}

Result<JudgeIdentity> ArenaService::JudgeByDevice(Id contest_id, const std::string& device_secret) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    if (device_secret.empty()) return core::Error{errc::kUnauthorized, "请先打开主持人发给您的评委链接", ""};
    const std::string hash = crypto_.Sha256Hex(device_secret);
    std::lock_guard lock(c->mutex);
    // With other servers, a device bound through one of them may not have reached this one yet.
    for (int pass = 0; pass < (shared_ ? 2 : 1); ++pass) {
        if (pass == 1) CatchUpLocked(*c);
        for (const auto& a : c->access) {
            if (a.device_hash.empty() || a.device_hash != hash) continue;
            const auto* seat = SeatOf(c->record.setup, a.seat_id);
            return JudgeIdentity{contest_id, a.seat_id, "seat:" + std::to_string(seat->number), a.device_csrf};
        }
    }
    return core::Error{errc::kUnauthorized, "此设备的评委链接已失效，请向主持人索取新的链接", ""};
}

Result<JudgeIdentity> ArenaService::JudgeByAccount(const Actor& actor, Id contest_id) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    std::lock_guard lock(c->mutex);
    for (const auto& seat : c->record.setup.seats)
        if (actor.user_id != 0 && seat.user_id == actor.user_id)
            return JudgeIdentity{contest_id, seat.id, actor.username, ""};
    return NotFound("擂台赛");
}

Result<JudgeView> ArenaService::Judge(const JudgeIdentity& judge) {
    auto c = Find(judge.contest_id);
    if (!c) return NotFound("擂台赛");
    std::lock_guard lock(c->mutex);
    const auto* seat = SeatOf(c->record.setup, judge.seat_id);
    if (!seat) return NotFound("评委席");
    JudgeView v;
    v.seat = *seat;
    v.view = c->history.back()->view;
    v.csrf = judge.csrf;
    for (const auto& [key, by_seat] : c->state.scores) {
        auto it = by_seat.find(seat->id);
        if (it == by_seat.end()) continue;
        if (key.first == c->state.round)
            v.own.push_back(JudgeView::Own{key.second, key.first, it->second.values, arena::Round2(it->second.total)});
    }
    for (const auto& contestant : c->record.setup.contestants)
        if (c->recusals.count({seat->id, contestant.id})) v.recused.push_back(contestant.id);
    for (const auto& [round, contestant, seat_id] : c->state.reopened)
        if (seat_id == seat->id) v.reopened.emplace_back(round, contestant);
    return v;
}

Result<ScoreAck> ArenaService::Submit(const JudgeIdentity& judge, const ScoreSubmission& submission) {
    auto c = Find(judge.contest_id);
    if (!c) return NotFound("擂台赛");
    std::lock_guard lock(c->mutex);
    arena::Request r;
    r.kind = arena::EventKind::kScore;
    r.seat_id = judge.seat_id;
    r.contestant_id = submission.contestant_id;
    r.values = submission.values;
    r.key = submission.key;
    r.actor = judge.actor;
    const double total = arena::Round2(arena::SheetTotal(c->record.setup.criteria, r.values));
    for (int attempt = 0; attempt < kRecordAttempts; ++attempt) {
        if (shared_ || attempt > 0) CatchUpLocked(*c);
        r.round = submission.round.value_or(c->state.round);
        r.at_ms = clock_.NowUnixMs();
        // Prepared again after a catch-up: the same sheet sent through another server meanwhile
        // is now a duplicate (acknowledged, counted once).
        auto prepared = arena::Prepare(c->record.setup, c->recusals, c->state, r);
        if (!prepared) return prepared.error();
        if (prepared->duplicate) return ScoreAck{c->state.seq, true, r.contestant_id, total};
        const auto* contestant = ContestantOf(c->record.setup, r.contestant_id);
        const auto* seat = SeatOf(c->record.setup, r.seat_id);
        if (Record(*c, prepared->event, nullptr,
                   "{\"seat\":" + std::to_string(seat->number) + ",\"contestant\":" + JsonQuote(contestant->name) +
                       ",\"round\":" + std::to_string(r.round) + ",\"values\":" + ValuesJson(r.values) +
                       ",\"total\":" + Num(total) + ",\"key\":" + JsonQuote(r.key) + "}"))
            return ScoreAck{c->state.seq, false, r.contestant_id, total};
    }
    return BusyElsewhere();
}

Status ArenaService::CheckWatch(Id contest_id, const std::optional<Actor>& actor, const std::string& device_secret) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    std::lock_guard lock(c->mutex);
    if (c->record.setup.is_public) return core::Ok();
    if (actor && CanRead(*actor, *c)) return core::Ok();
    if (!device_secret.empty()) {
        const std::string hash = crypto_.Sha256Hex(device_secret);
        for (const auto& a : c->access)
            if (!a.device_hash.empty() && a.device_hash == hash) return core::Ok();
    }
    return NotFound("擂台赛");
}

Status ArenaService::Watch(Id contest_id, std::optional<std::int64_t> after,
                           const std::function<void(const std::vector<std::shared_ptr<const LiveMessage>>&)>& attach) {
    auto c = Find(contest_id);
    if (!c) return NotFound("擂台赛");
    std::lock_guard lock(c->mutex);
    std::vector<std::shared_ptr<const LiveMessage>> missed;
    const std::int64_t last = c->state.seq;
    if (!after || *after > last || *after < 0) {
        missed.push_back(c->history.back());
    } else {
        for (std::int64_t seq = *after + 1; seq <= last; ++seq)
            missed.push_back(c->history[static_cast<std::size_t>(seq)]);
    }
    attach(missed);
    return core::Ok();
}

Result<std::vector<std::shared_ptr<const LiveMessage>>> ArenaService::Messages(Id contest_id,
                                                                               std::optional<std::int64_t> after,
                                                                               std::size_t limit) {
    std::vector<std::shared_ptr<const LiveMessage>> out;
    auto st = Watch(contest_id, after, [&](const auto& missed) {
        for (std::size_t idx = 0; idx < missed.size() && idx < limit; ++idx) out.push_back(missed[idx]);
    });
    if (!st) return st.error();
    return out;
}

ContestResults ArenaService::ResultsOf(const LiveContest& c) {
    const auto& setup = c.record.setup;
    std::vector<core::ports::ContestScoreRecord> stored;
    {
        std::lock_guard lock(store_mutex_);
        stored = arena_.ListScores(c.record.id);
    }
    ContestResults r;
    r.criteria = setup.criteria;
    r.aggregation = setup.aggregation;
    r.recusal = arena::RecusalLevelName(setup.recusal);
    std::map<Id, std::string> titles_of;
    if (c.state.status == arena::ContestStatus::kFinished) {
        for (const auto& award : arena::Titles(setup, c.recusals, c.state)) {
            TitleView t;
            t.name = setup.titles[award.title_idx].name;
            t.level = setup.titles[award.title_idx].level;
            t.tie_at_boundary = award.tie_at_boundary;
            for (Id id : award.contestant_ids) {
                titles_of[id] = t.name;
                if (const auto* contestant = ContestantOf(setup, id)) t.winners.emplace_back(id, contestant->name);
            }
            r.titles.push_back(std::move(t));
        }
    }
    std::vector<const arena::Seat*> seats;
    for (const auto& s : setup.seats) seats.push_back(&s);
    std::sort(seats.begin(), seats.end(), [](const auto* a, const auto* b) { return a->number < b->number; });
    const bool last_round_titles = c.state.status == arena::ContestStatus::kFinished;
    for (std::size_t round_idx = 0; round_idx < c.state.orders.size(); ++round_idx) {
        RoundResults round;
        round.name = setup.rounds[round_idx].name;
        const int round_no = static_cast<int>(round_idx);
        const auto standings = arena::Standings(setup, c.recusals, c.state, round_no);
        std::map<Id, int> ranks;
        for (const auto& row : standings.ranking) ranks[row.contestant_id] = row.rank;
        std::map<Id, const arena::ContestantScore*> scores;
        for (const auto& s : standings.scores) scores[s.contestant_id] = &s;
        const auto& order = c.state.orders[round_idx];
        for (std::size_t idx = 0; idx < order.size(); ++idx) {
            const auto* contestant = ContestantOf(setup, order[idx]);
            if (!contestant) continue;
            ContestantSheet sheet;
            sheet.contestant_id = contestant->id;
            sheet.order = static_cast<int>(idx) + 1;
            sheet.name = contestant->name;
            sheet.unit_name = contestant->unit_name;
            sheet.topic = contestant->topic;
            sheet.rank = ranks.count(contestant->id) ? ranks[contestant->id] : 0;
            if (auto pre = c.state.pre.find(contestant->id); pre != c.state.pre.end()) sheet.pre = pre->second;
            const auto* score = scores.count(contestant->id) ? scores[contestant->id] : nullptr;
            if (score) sheet.result = ResultOf(*score);
            auto scored = c.state.scores.find({round_no, contestant->id});
            for (const auto* seat : seats) {
                SheetLine line;
                line.seat_number = seat->number;
                line.seat_label = seat->label;
                line.home_unit_name = seat->home_unit_name;
                line.mark = c.recusals.count({seat->id, contestant->id}) ? "recused" : "missing";
                if (scored != c.state.scores.end()) {
                    if (auto entry = scored->second.find(seat->id); entry != scored->second.end()) {
                        line.values = entry->second.values;
                        line.total = arena::Round2(entry->second.total);
                    }
                }
                if (score) {
                    for (const auto& ss : score->seats) {
                        if (ss.seat_id != seat->id) continue;
                        line.mark = arena::SeatMarkName(ss.mark);
                        if (ss.raw && setup.aggregation.normalize) line.adjusted = arena::Round2(ss.adjusted);
                    }
                }
                for (const auto& rec : stored)
                    if (rec.round == round_no && rec.contestant_id == contestant->id && rec.seat_id == seat->id &&
                        rec.void_seq == 0)
                        line.submitted_at = rec.submitted_at;
                sheet.lines.push_back(std::move(line));
            }
            for (const auto& rec : stored) {
                if (rec.round != round_no || rec.contestant_id != contestant->id || rec.void_seq == 0) continue;
                const auto* seat = SeatOf(setup, rec.seat_id);
                SheetLine line;
                line.seat_number = seat ? seat->number : 0;
                line.seat_label = seat ? seat->label : "";
                line.home_unit_name = seat ? seat->home_unit_name : "";
                line.values = rec.values;
                line.total = arena::Round2(rec.total);
                line.mark = "void";
                line.submitted_at = rec.submitted_at;
                line.void_reason = rec.void_reason;
                line.void_by = rec.void_by;
                sheet.lines.push_back(std::move(line));
            }
            if (last_round_titles && round_idx + 1 == c.state.orders.size() && titles_of.count(contestant->id))
                sheet.title = titles_of[contestant->id];
            round.sheets.push_back(std::move(sheet));
        }
        std::stable_sort(round.sheets.begin(), round.sheets.end(), [](const auto& a, const auto& b) {
            const int ra = a.rank == 0 ? 1 << 30 : a.rank, rb = b.rank == 0 ? 1 << 30 : b.rank;
            return ra < rb;
        });
        r.rounds.push_back(std::move(round));
    }
    return r;
}

Result<ContestResults> ArenaService::Results(const Actor& actor, Id contest_id) {
    auto held = Readable(actor, contest_id);
    if (!held) return held.error();
    const auto& c = held->contest;
    auto r = ResultsOf(*c);
    r.summary = SummaryOf(actor, *c);
    return r;
}

Result<FileDownload> ArenaService::ResultsWorkbook(const Actor& actor, Id contest_id) {
    auto r = Results(actor, contest_id);
    if (!r) return r.error();
    if (!files_.results_xlsx) return Invalid("不支持导出");
    return FileDownload{files_.results_xlsx(*r), r->summary.name + "成绩.xlsx",
                        "contest-" + std::to_string(contest_id) + "-results.xlsx"};
}

Result<PushOutcome> ArenaService::PushResults(const Actor& actor, Id contest_id) {
    auto held = Readable(actor, contest_id);
    if (!held) return held.error();
    const auto& c = held->contest;
    if (!CanHost(actor, *c)) return RoleForbidden();
    if (c->state.status != arena::ContestStatus::kFinished) return Conflict("擂台赛结束后才能报送结果");
    if (!c->record.results_pushed_at.empty()) return Conflict("结果已于 " + c->record.results_pushed_at + " 报送");
    const auto& setup = c->record.setup;
    PushOutcome out;
    const int last_round = static_cast<int>(c->state.orders.size()) - 1;
    const auto standings = arena::Standings(setup, c->recusals, c->state, last_round);
    if (setup.campaign_id != 0 && campaigns_) {
        auto campaign = campaigns_->Get(actor, setup.campaign_id);
        if (!campaign) return campaign.error();
        const int node = campaign->framework->Find(setup.campaign_criterion);
        if (node == core::evaluation::kNoNode) return Invalid("考核活动中没有这个指标", "campaign_criterion");
        const double criterion_max = campaign->framework->nodes()[static_cast<std::size_t>(node)].max;
        const double live_max = arena::LiveMax(setup.criteria);
        std::vector<FactInput> facts;
        int row = 0;
        for (const auto& score : standings.scores) {
            const auto* contestant = ContestantOf(setup, score.contestant_id);
            if (!contestant || !c->state.revealed.count({last_round, contestant->id})) continue;
            Id subject = 0;
            for (const auto& s : campaign->subjects) {
                const bool match = contestant->kind == arena::ContestantKind::kPerson
                                       ? s.record.person_id == contestant->person_id
                                       : s.record.person_id == 0 && s.record.unit_id == contestant->unit_id;
                if (match) subject = s.record.id;
            }
            if (subject == 0) {
                out.skipped.push_back(contestant->name);
                continue;
            }
            for (const auto& ss : score.seats) {
                if (!ss.raw) continue;
                const auto* seat = SeatOf(setup, ss.seat_id);
                const double value = std::round(ss.adjusted / live_max * criterion_max * 100.0) / 100.0;
                char text[32];
                std::snprintf(text, sizeof text, "%.2f", value);
                facts.push_back(FactInput{++row, subject, setup.campaign_criterion, "judge", std::string(text),
                                          seat ? seat->label : "评委"});
            }
        }
        if (!facts.empty()) {
            auto entered = campaigns_->EnterFacts(actor, setup.campaign_id, facts, "擂台赛结果：" + setup.name);
            if (!entered) return entered.error();
            if (!entered->errors.empty())
                return Invalid("考核活动拒收了结果：" + entered->errors.front().message, "campaign_id");
            out.facts = entered->inserted + entered->updated + entered->unchanged;
        }
    }
    if (title_sink_) {
        std::vector<TitleGrant> grants;
        for (const auto& award : arena::Titles(setup, c->recusals, c->state)) {
            for (Id id : award.contestant_ids) {
                const auto* contestant = ContestantOf(setup, id);
                if (!contestant) continue;
                grants.push_back(
                    TitleGrant{contestant->kind == arena::ContestantKind::kPerson ? contestant->person_id : 0,
                               contestant->unit_id, contestant->name, setup.titles[award.title_idx].name,
                               setup.titles[award.title_idx].level, setup.year, contest_id});
            }
        }
        if (!grants.empty()) {
            auto granted = title_sink_(actor, grants);
            if (!granted) return granted.error();
            out.honours = *granted;
        }
    }
    const std::string at = clock_.NowIso();
    {
        std::lock_guard store_lock(store_mutex_);
        auto tx = store_.Begin();
        arena_.MarkResultsPushed(contest_id, at);
        Audit(actor, "push_results", "contest", contest_id,
              "{\"facts\":" + std::to_string(out.facts) + ",\"honours\":" + std::to_string(out.honours) + "}");
        tx->Commit();
    }
    c->record.results_pushed_at = at;
    return out;
}

}  // namespace lingyan::app
