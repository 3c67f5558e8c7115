#include "app/points_service.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "app/audit_service.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace errc = core::errc;
using core::Error;
using core::Invalid;
using core::auth::Role;
using core::ports::PointsEventRecord;
using core::ports::PointsMemberRecord;
using core::ports::PointsPeriodRecord;
using core::ports::PointsRuleRecord;
using core::roster::RosterIndex;
using core::text::JsonQuote;
using points::EventStatus;
using points::MemberIdx;
using points::Points;
using points::RuleIdx;
using points::UnitIdx;

namespace {

constexpr std::size_t kMaxBulkMembers = 10000;

Error NotFound(const std::string& message) { return Error{errc::kNotFound, message, ""}; }
Error Forbidden(const std::string& message) { return Error{errc::kForbidden, message, ""}; }
Error Conflict(const std::string& message) { return Error{errc::kConflict, message, ""}; }

bool IsApprover(Role r) { return r == Role::kAdmin || r == Role::kCounty || r == Role::kTown || r == Role::kSecretary; }
bool IsRuleEditor(Role r) { return r == Role::kAdmin || r == Role::kCounty; }

const char* StatusText(EventStatus s) {
    switch (s) {
        case EventStatus::kApproved: return "approved";
        case EventStatus::kRejected: return "rejected";
        case EventStatus::kPending: break;
    }
    return "pending";
}

// "YYYY-MM-DDTHH:MM:SSZ" of a unix time (UTC), as SystemClock::NowIso writes it.
std::string IsoOf(std::int64_t unix_seconds) {
    const auto day = static_cast<points::Day>(unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400);
    const std::int64_t secs = unix_seconds - static_cast<std::int64_t>(day) * 86400;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return points::FormatDate(day) + buf;
}

std::string RuleJson(const points::Rule& r, bool active) {
    return "{\"code\":" + JsonQuote(r.code) + ",\"name\":" + JsonQuote(r.name) + ",\"category\":" +
           JsonQuote(r.category) + ",\"points\":" + points::FormatPoints(r.points, false) + ",\"cap\":" +
           (r.cap ? points::FormatPoints(*r.cap, false) : std::string("null")) +
           ",\"needs_approval\":" + (r.needs_approval ? "true" : "false") + ",\"active\":" + (active ? "true" : "false") +
           "}";
}

std::string EventJson(const PointsEventRecord& e) {
    return "{\"member_id\":" + std::to_string(e.member_id) + ",\"rule_id\":" + std::to_string(e.rule_id) +
           ",\"date\":\"" + points::FormatDate(e.date) + "\",\"quantity\":" + points::FormatPoints(e.quantity, false) +
           ",\"status\":\"" + StatusText(e.status) + "\",\"reason\":" + JsonQuote(e.reason) +
           (e.reverses ? ",\"reverses\":" + std::to_string(e.reverses) : std::string()) + "}";
}

Result<points::Rule> CheckRule(points::Rule r) {
    if (r.code.empty() || r.code.size() > 32) return Invalid("细则编码不能为空且不超过 32 个字符", "code");
    if (r.name.empty()) return Invalid("细则名称不能为空", "name");
    if (r.category.empty()) return Invalid("细则类别不能为空", "category");
    if (r.points == 0) return Invalid("分值不能为 0", "points");
    if (r.cap && *r.cap <= 0) return Invalid("上限须为正数", "cap");
    return r;
}

}  // namespace

std::vector<NewPointsRule> DefaultPointsRules() {
    constexpr Points P = points::kOnePoint;
    return {
        {"XX01", "参加“三会一课”", "学习活动", 5 * P, 60 * P, true, "签到记录"},
        {"XX02", "参加主题党日活动", "学习活动", 5 * P, 60 * P, true, "活动照片"},
        {"XX03", "参加集中学习培训（每半天）", "学习活动", 3 * P, 30 * P, true, "培训签到"},
        {"ZY01", "参加志愿服务（每次）", "志愿服务", 5 * P, 50 * P, true, "服务照片"},
        {"ZY02", "结对帮扶困难群众", "志愿服务", 10 * P, 40 * P, true, "帮扶记录"},
        {"ZF01", "带头创业、发展特色产业", "带头致富", 30 * P, 60 * P, true, "经营证明"},
        {"ZF02", "带动群众增收（每户）", "带头致富", 10 * P, 40 * P, true, "带动名单"},
        {"HJ01", "参与人居环境整治（每次）", "环境整治", 5 * P, 40 * P, true, "整治照片"},
        {"JF01", "调处矛盾纠纷（每起）", "纠纷调处", 10 * P, 50 * P, true, "调解记录"},
        {"FM01", "无故不参加组织生活（每次）", "负面清单", -10 * P, 50 * P, true, "支部记录"},
        {"FM02", "未按时足额交纳党费（每次）", "负面清单", -10 * P, 30 * P, true, "党费台账"},
        {"FM03", "受到党纪政务处分", "负面清单", -100 * P, std::nullopt, true, "处分决定"},
    };
}

struct PointsService::Live {
    PointsPeriodRecord period;
    std::vector<PointsRuleRecord> rules;  // RuleIdx order
    std::unordered_map<Id, RuleIdx> rule_by_id;
    std::unordered_map<std::string, RuleIdx> rule_by_code;
    std::vector<std::string> categories;
    std::vector<int> category_of_rule;
    std::vector<PointsMemberRecord> members;  // MemberIdx order
    std::vector<UnitIdx> member_unit;
    std::unordered_map<Id, MemberIdx> member_by_id;
    std::unordered_map<Id, MemberIdx> member_by_user;
    std::vector<Id> unit_ids;  // UnitIdx → unit id
    std::vector<std::string> unit_names;
    std::unordered_map<Id, UnitIdx> unit_by_id;
    std::unique_ptr<points::Leaderboard> board;
    std::unique_ptr<points::PointsBook> book;

    int CategoryIndex(const std::string& name) const {
        if (name.empty()) return points::Leaderboard::kOverall;
        auto it = std::find(categories.begin(), categories.end(), name);
        return it == categories.end() ? -2 : static_cast<int>(it - categories.begin());
    }
    int Stars(Points total) const { return points::StarsFor(period.base_points + total, period.stars); }
};

PointsService::PointsService(core::ports::Store& store, core::ports::PointsStore& points, std::mutex& store_mutex,
                             const core::ports::Clock& clock, const RosterService& roster)
    : store_(store), points_(points), store_mutex_(store_mutex), clock_(clock), roster_(roster) {}

// ---- loading -------------------------------------------------------------------------------

void PointsService::Reload() {
    std::lock_guard lock(store_mutex_);
    ReloadLocked();
}

void PointsService::Seed(const std::function<void(core::ports::Store&, core::ports::PointsStore&)>& fn) {
    std::lock_guard lock(store_mutex_);
    EnsureCatalogLocked();
    auto tx = store_.Begin();
    fn(store_, points_);
    tx->Commit();
    ReloadLocked();
}

void PointsService::EnsureCatalogLocked() {
    const bool no_rules = points_.ListRules().empty();
    const bool no_period = points_.ListPeriods().empty();
    if (!no_rules && !no_period) return;
    auto tx = store_.Begin();
    if (no_rules) {
        for (const auto& r : DefaultPointsRules()) {
            PointsRuleRecord rec;
            rec.rule = {r.code, r.name, r.category, r.points, r.cap, r.needs_approval, r.evidence};
            points_.InsertRule(rec);
        }
    }
    if (no_period) {
        const int year = std::stoi(clock_.Today().substr(0, 4));
        PointsPeriodRecord p;
        p.name = std::to_string(year) + "年度";
        p.period = {points::DaysFromCivil(year, 1, 1), points::DaysFromCivil(year, 12, 31)};
        p.zeroing_rules = {"FM03"};
        points_.InsertPeriod(p);
    }
    tx->Commit();
}

void PointsService::ReloadLocked() {
    EnsureCatalogLocked();
    auto live = std::make_shared<Live>();
    live->period = points_.ListPeriods().back();
    live->rules = points_.ListRules();
    std::vector<points::Rule> rules;
    for (std::size_t i = 0; i < live->rules.size(); ++i) {
        const auto& r = live->rules[i];
        live->rule_by_id[r.id] = static_cast<RuleIdx>(i);
        live->rule_by_code[r.rule.code] = static_cast<RuleIdx>(i);
        auto it = std::find(live->categories.begin(), live->categories.end(), r.rule.category);
        if (it == live->categories.end()) it = live->categories.insert(live->categories.end(), r.rule.category);
        live->category_of_rule.push_back(static_cast<int>(it - live->categories.begin()));
        rules.push_back(r.rule);
    }
    std::vector<UnitIdx> parents;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& units = index.tree().units();
        for (std::size_t i = 0; i < units.size(); ++i) {
            live->unit_by_id[units[i].id] = static_cast<UnitIdx>(i);
            live->unit_ids.push_back(units[i].id);
            live->unit_names.push_back(units[i].name);
        }
        for (const auto& u : units) parents.push_back(u.parent_id ? live->unit_by_id.at(*u.parent_id) : points::kNoUnit);
    });
    auto tree = points::UnitTree::Build(std::move(parents));
    if (!tree) throw std::runtime_error("积分排行榜：单位树无效 " + tree.error().message);
    for (auto& m : points_.ListMembers()) {
        auto unit = live->unit_by_id.find(m.unit_id);
        if (unit == live->unit_by_id.end()) continue;  // the roster no longer has the unit
        const auto idx = static_cast<MemberIdx>(live->members.size());
        live->member_by_id[m.id] = idx;
        if (m.user_id) live->member_by_user[m.user_id] = idx;
        live->member_unit.push_back(unit->second);
        live->members.push_back(std::move(m));
    }
    const int category_count = static_cast<int>(live->categories.size());
    live->board = std::make_unique<points::Leaderboard>(std::move(tree).value(), live->member_unit, category_count);
    live->book = std::make_unique<points::PointsBook>(std::move(rules));

    // Replay the counted events through the book (caps), accumulating totals, then load them at once.
    std::vector<Points> overall(live->members.size(), 0);
    std::vector<std::vector<Points>> by_category(live->categories.size(), std::vector<Points>(live->members.size(), 0));
    for (const auto& e : points_.ListEvents()) {
        if (e.status != EventStatus::kApproved || !live->period.period.Contains(e.date)) continue;
        auto m = live->member_by_id.find(e.member_id);
        auto r = live->rule_by_id.find(e.rule_id);
        if (m == live->member_by_id.end() || r == live->rule_by_id.end()) continue;
        const Points delta = live->book->Approve(m->second, r->second, e.quantity);
        overall[static_cast<std::size_t>(m->second)] += delta;
        by_category[static_cast<std::size_t>(live->category_of_rule[static_cast<std::size_t>(r->second)])]
                   [static_cast<std::size_t>(m->second)] += delta;
    }
    live->board->Load(overall, by_category);
    std::unique_lock write(live_mutex_);
    live_ = std::move(live);
}

std::shared_ptr<const PointsService::Live> PointsService::EnsureLoaded() {
    {
        std::shared_lock read(live_mutex_);
        if (live_) return live_;
    }
    std::lock_guard lock(store_mutex_);
    {
        std::shared_lock read(live_mutex_);
        if (live_) return live_;
    }
    ReloadLocked();
    std::shared_lock read(live_mutex_);
    return live_;
}

std::size_t PointsService::CompareWithRecount() {
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    points::TallyConfig config;
    for (const auto& r : live.rules) config.rules.push_back(r.rule);
    config.period = live.period.period;
    config.stars = live.period.stars;
    std::vector<points::LedgerEvent> events;
    for (const auto& e : points_.ListEvents()) {
        auto m = live.member_by_id.find(e.member_id);
        auto r = live.rule_by_id.find(e.rule_id);
        if (m == live.member_by_id.end() || r == live.rule_by_id.end()) continue;
        events.push_back({m->second, r->second, e.date, e.status, e.quantity});
    }
    const auto totals = points::TallyTotals(config, live.members.size(), events);
    const int category_count = static_cast<int>(live.categories.size());
    const auto by_category =
        points::TallyByCategory(config, live.members.size(), events, live.category_of_rule, category_count);
    std::size_t differ = 0;
    for (std::size_t m = 0; m < live.members.size(); ++m) {
        const auto member = static_cast<MemberIdx>(m);
        if (live.board->Total(member) != totals[m]) ++differ;
        for (int c = 0; c < category_count; ++c)
            if (live.board->Total(member, c) != by_category[static_cast<std::size_t>(c)][m]) ++differ;
    }
    return differ;
}

// ---- scope ---------------------------------------------------------------------------------

bool PointsService::InScope(const Actor& actor, Id unit) const { return roster_.InScope(actor, unit); }

Result<Id> PointsService::ScopeUnit(const Actor& actor, std::optional<Id> unit) const {
    if (unit) {
        if (!InScope(actor, *unit)) return NotFound("单位不存在或不在您的管辖范围内");
        return *unit;
    }
    if (actor.scope_unit_id != 0) return actor.scope_unit_id;
    Id root = 0;
    roster_.WithIndex([&](const RosterIndex& index) {
        auto roots = index.tree().Children(std::nullopt);
        if (!roots.empty()) root = roots.front();
    });
    if (root == 0) return NotFound("尚无单位");
    return root;
}

MemberRef PointsService::RefOf(const Live& live, MemberIdx m) const {
    const auto& rec = live.members[static_cast<std::size_t>(m)];
    const auto unit = live.member_unit[static_cast<std::size_t>(m)];
    return {rec.id, rec.name, rec.unit_id, live.unit_names[static_cast<std::size_t>(unit)]};
}

PointsEventView PointsService::ViewOf(const Live& live, const PointsEventRecord& e) const {
    PointsEventView v;
    v.record = e;
    if (auto m = live.member_by_id.find(e.member_id); m != live.member_by_id.end()) {
        auto ref = RefOf(live, m->second);
        v.member_name = ref.name;
        v.unit_name = ref.unit_name;
    }
    if (auto r = live.rule_by_id.find(e.rule_id); r != live.rule_by_id.end()) {
        const auto& rule = live.rules[static_cast<std::size_t>(r->second)].rule;
        v.rule_code = rule.code;
        v.rule_name = rule.name;
        v.category = rule.category;
        v.worth = points::EventWorth(rule.points, e.quantity);
    }
    return v;
}

void PointsService::ApplyCounted(Live& live, const PointsEventRecord& e) {
    if (e.status != EventStatus::kApproved || !live.period.period.Contains(e.date)) return;
    auto m = live.member_by_id.find(e.member_id);
    auto r = live.rule_by_id.find(e.rule_id);
    if (m == live.member_by_id.end() || r == live.rule_by_id.end()) return;
    const Points delta = live.book->Approve(m->second, r->second, e.quantity);
    live.board->Apply(m->second, live.category_of_rule[static_cast<std::size_t>(r->second)], delta);
}

void PointsService::Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
                          const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, entity, id, detail);
}

// ---- rules -----------------------------------------------------------------------------------

Result<std::vector<PointsRuleRecord>> PointsService::Rules(const Actor&) {
    auto live = EnsureLoaded();
    std::shared_lock read(live_mutex_);
    return live_->rules;
}

Result<PeriodView> PointsService::Period(const Actor&) {
    EnsureLoaded();
    std::shared_lock read(live_mutex_);
    return PeriodView{live_->period, live_->categories};
}

Result<PointsRuleRecord> PointsService::CreateRule(const Actor& actor, const NewPointsRule& in) {
    if (!IsRuleEditor(actor.role)) return Forbidden("只有管理员或县级账号可以修改积分细则");
    auto rule = CheckRule({in.code, in.name, in.category, in.points, in.cap, in.needs_approval, in.evidence});
    if (!rule) return rule.error();
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    {
        std::shared_lock read(live_mutex_);
        if (live_->rule_by_code.contains(rule->code)) return Error{errc::kConflict, "细则编码已存在", "code"};
    }
    PointsRuleRecord rec;
    rec.rule = *rule;
    auto tx = store_.Begin();
    rec.id = points_.InsertRule(rec);
    Audit(actor, "create", "points_rule", rec.id, "{\"after\":" + RuleJson(rec.rule, true) + "}");
    tx->Commit();
    ReloadLocked();
    return rec;
}

Result<PointsRuleRecord> PointsService::UpdateRule(const Actor& actor, Id id, const PointsRulePatch& patch) {
    if (!IsRuleEditor(actor.role)) return Forbidden("只有管理员或县级账号可以修改积分细则");
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    PointsRuleRecord rec;
    {
        std::shared_lock read(live_mutex_);
        auto it = live_->rule_by_id.find(id);
        if (it == live_->rule_by_id.end()) return NotFound("积分细则不存在");
        rec = live_->rules[static_cast<std::size_t>(it->second)];
    }
    const PointsRuleRecord before = rec;
    if (patch.name) rec.rule.name = *patch.name;
    if (patch.category) rec.rule.category = *patch.category;
    if (patch.evidence) rec.rule.evidence = *patch.evidence;
    if (patch.points) rec.rule.points = *patch.points;
    if (patch.cap) rec.rule.cap = *patch.cap;
    if (patch.needs_approval) rec.rule.needs_approval = *patch.needs_approval;
    if (patch.active) rec.active = *patch.active;
    auto checked = CheckRule(rec.rule);
    if (!checked) return checked.error();
    auto tx = store_.Begin();
    points_.UpdateRule(rec);
    Audit(actor, "update", "points_rule", id,
          "{\"before\":" + RuleJson(before.rule, before.active) + ",\"after\":" + RuleJson(rec.rule, rec.active) + "}");
    tx->Commit();
    ReloadLocked();  // a changed value or cap changes past totals: recount from the ledger
    return rec;
}

// ---- the ledger --------------------------------------------------------------------------------

Result<PointsEventView> PointsService::Submit(const Actor& actor, const SubmitActivity& in) {
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    PointsEventRecord e;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = *live_;
        MemberIdx member = -1;
        if (in.member_id == 0) {
            auto it = live.member_by_user.find(actor.user_id);
            if (it == live.member_by_user.end()) return Invalid("您的账号未关联党员，请指定党员", "member_id");
            member = it->second;
        } else {
            auto it = live.member_by_id.find(in.member_id);
            if (it == live.member_by_id.end()) return Invalid("党员不存在", "member_id");
            member = it->second;
            const auto& rec = live.members[static_cast<std::size_t>(member)];
            const bool self = rec.user_id != 0 && rec.user_id == actor.user_id;
            if (!self && !(IsApprover(actor.role) && InScope(actor, rec.unit_id)))
                return Forbidden("只能为本人或管辖范围内的党员申报积分");
        }
        auto rule = live.rule_by_code.find(in.rule);
        if (rule == live.rule_by_code.end()) return Invalid("积分细则不存在", "rule");
        const auto& rrec = live.rules[static_cast<std::size_t>(rule->second)];
        if (!rrec.active) return Invalid("积分细则已停用", "rule");
        if (in.quantity <= 0) return Invalid("数量须为正数", "quantity");
        auto day = points::ParseDate(in.date);
        if (!day) return Invalid("日期格式应为 YYYY-MM-DD", "date");
        if (!live.period.period.Contains(*day))
            return Invalid("日期不在考核周期（" + points::FormatDate(live.period.period.from) + " 至 " +
                               points::FormatDate(live.period.period.to) + "）内",
                           "date");
        if (in.note.size() > 2000) return Invalid("说明过长", "note");
        e.member_id = live.members[static_cast<std::size_t>(member)].id;
        e.rule_id = rrec.id;
        e.date = *day;
        e.quantity = in.quantity;
        e.note = in.note;
        e.submitted_by = actor.username;
        e.submitted_at = clock_.NowIso();
        if (!rrec.rule.needs_approval) {
            e.status = EventStatus::kApproved;
            e.decided_by = actor.username;
            e.decided_at = e.submitted_at;
        }
    }
    auto tx = store_.Begin();
    e.id = points_.InsertEvent(e);
    if (e.status == EventStatus::kApproved) Audit(actor, "record", "points_event", e.id, EventJson(e));
    tx->Commit();
    std::unique_lock write(live_mutex_);
    ApplyCounted(*live_, e);
    return ViewOf(*live_, e);
}

Result<BulkOutcome> PointsService::RecordBulk(const Actor& actor, const BulkRecord& in) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以批量记录积分");
    if (in.members.empty()) return Invalid("党员名单不能为空", "members");
    if (in.members.size() > kMaxBulkMembers) return Invalid("一次最多记录 10000 名党员", "members");
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    BulkOutcome out;
    std::vector<PointsEventRecord> events;
    {
        std::shared_lock read(live_mutex_);
        const Live& live = *live_;
        auto rule = live.rule_by_code.find(in.rule);
        if (rule == live.rule_by_code.end()) return Invalid("积分细则不存在", "rule");
        const auto& rrec = live.rules[static_cast<std::size_t>(rule->second)];
        if (!rrec.active) return Invalid("积分细则已停用", "rule");
        if (in.quantity <= 0) return Invalid("数量须为正数", "quantity");
        auto day = points::ParseDate(in.date);
        if (!day) return Invalid("日期格式应为 YYYY-MM-DD", "date");
        if (!live.period.period.Contains(*day)) return Invalid("日期不在考核周期内", "date");
        const std::string now = clock_.NowIso();
        std::set<Id> seen;
        for (std::size_t row = 0; row < in.members.size(); ++row) {
            const Id id = in.members[row];
            auto it = live.member_by_id.find(id);
            if (it == live.member_by_id.end()) {
                out.errors.push_back({"", static_cast<int>(row + 1), "members", "党员 " + std::to_string(id) + " 不存在"});
                continue;
            }
            if (!seen.insert(id).second) {
                out.errors.push_back({"", static_cast<int>(row + 1), "members", "党员 " + std::to_string(id) + " 重复"});
                continue;
            }
            const auto& rec = live.members[static_cast<std::size_t>(it->second)];
            if (!InScope(actor, rec.unit_id))
                return Forbidden("党员 " + rec.name + "（" + std::to_string(id) + "）不在您的管辖范围内，未记录任何积分");
            PointsEventRecord e;
            e.member_id = id;
            e.rule_id = rrec.id;
            e.date = *day;
            e.quantity = in.quantity;
            e.note = in.note;
            e.status = EventStatus::kApproved;
            e.submitted_by = e.decided_by = actor.username;
            e.submitted_at = e.decided_at = now;
            events.push_back(std::move(e));
        }
        if (!out.errors.empty()) return out;
    }
    auto tx = store_.Begin();
    for (auto& e : events) out.event_ids.push_back(e.id = points_.InsertEvent(e));
    Audit(actor, "record_bulk", "points_event", events.front().id,
          "{\"rule\":" + JsonQuote(in.rule) + ",\"date\":" + JsonQuote(in.date) +
              ",\"quantity\":" + points::FormatPoints(in.quantity, false) +
              ",\"members\":" + std::to_string(events.size()) + ",\"first_event\":" + std::to_string(events.front().id) +
              ",\"last_event\":" + std::to_string(events.back().id) + "}");
    tx->Commit();
    std::unique_lock write(live_mutex_);
    for (const auto& e : events) ApplyCounted(*live_, e);
    return out;
}

Result<PointsEventView> PointsService::Approve(const Actor& actor, Id event_id) {
    return Decide(actor, event_id, EventStatus::kApproved, "");
}

Result<PointsEventView> PointsService::Reject(const Actor& actor, Id event_id, const std::string& reason) {
    if (reason.empty()) return Invalid("驳回须填写理由", "reason");
    return Decide(actor, event_id, EventStatus::kRejected, reason);
}

core::Status PointsService::CheckEventMemberInScope(const Actor& actor, Id member_id) const {
    std::shared_lock read(live_mutex_);
    auto m = live_->member_by_id.find(member_id);
    if (m == live_->member_by_id.end()) return NotFound("积分事件不存在");
    if (!InScope(actor, live_->members[static_cast<std::size_t>(m->second)].unit_id))
        return Forbidden("该党员不在您的管辖范围内");
    return core::Ok();
}

Result<PointsEventView> PointsService::Decide(const Actor& actor, Id event_id, EventStatus status,
                                              const std::string& reason) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以审核积分");
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    auto e = points_.FindEvent(event_id);
    if (!e) return NotFound("积分事件不存在");
    if (auto st = CheckEventMemberInScope(actor, e->member_id); !st) return st.error();
    if (e->status != EventStatus::kPending)
        return Conflict(std::string("该事件已审核（") + (e->status == EventStatus::kApproved ? "已通过" : "已驳回") + "）");
    e->status = status;
    e->decided_by = actor.username;
    e->decided_at = clock_.NowIso();
    e->reason = reason;
    auto tx = store_.Begin();
    if (!points_.DecideEvent(event_id, status, e->decided_by, e->decided_at, reason)) return Conflict("该事件已审核");
    Audit(actor, status == EventStatus::kApproved ? "approve" : "reject", "points_event", event_id, EventJson(*e));
    tx->Commit();  // durable before the live boards move and before the caller is answered
    std::unique_lock write(live_mutex_);
    ApplyCounted(*live_, *e);
    return ViewOf(*live_, *e);
}

Result<PointsEventView> PointsService::Reverse(const Actor& actor, Id event_id, const std::string& reason) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以冲正积分");
    if (reason.empty()) return Invalid("冲正须填写理由", "reason");
    EnsureLoaded();
    std::lock_guard lock(store_mutex_);
    auto original = points_.FindEvent(event_id);
    if (!original) return NotFound("积分事件不存在");
    if (auto st = CheckEventMemberInScope(actor, original->member_id); !st) return st.error();
    if (original->status != EventStatus::kApproved) return Conflict("只有已通过的事件可以冲正（待审事件请驳回）");
    if (original->reverses != 0) return Conflict("冲正事件不能再冲正");
    if (points_.FindReversal(event_id) != 0) return Conflict("该事件已冲正");
    PointsEventRecord e;
    e.member_id = original->member_id;
    e.rule_id = original->rule_id;
    e.date = original->date;
    e.quantity = -original->quantity;
    e.note = "冲正事件 " + std::to_string(event_id);
    e.status = EventStatus::kApproved;
    e.submitted_by = e.decided_by = actor.username;
    e.submitted_at = e.decided_at = clock_.NowIso();
    e.reason = reason;
    e.reverses = event_id;
    auto tx = store_.Begin();
    e.id = points_.InsertEvent(e);
    Audit(actor, "reverse", "points_event", event_id, EventJson(e));
    tx->Commit();
    std::unique_lock write(live_mutex_);
    ApplyCounted(*live_, e);
    return ViewOf(*live_, e);
}

// ---- queries -----------------------------------------------------------------------------------

Result<std::vector<PointsEventView>> PointsService::Approvals(const Actor& actor, std::optional<Id> unit,
                                                              std::size_t limit) {
    if (!IsApprover(actor.role)) return Forbidden("只有支部书记及以上账号可以审核积分");
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    EnsureLoaded();
    std::vector<PointsEventRecord> pending;
    {
        std::lock_guard lock(store_mutex_);
        pending = points_.ListPendingEvents();
    }
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    std::vector<PointsEventView> out;
    const UnitIdx scope_idx = live.unit_by_id.at(*scope);
    for (const auto& e : pending) {
        auto m = live.member_by_id.find(e.member_id);
        if (m == live.member_by_id.end()) continue;
        if (!live.board->tree().Contains(scope_idx, live.member_unit[static_cast<std::size_t>(m->second)])) continue;
        out.push_back(ViewOf(live, e));
        if (out.size() >= limit) break;
    }
    return out;
}

Result<LeaderboardPage> PointsService::Leaderboard(const Actor& actor, std::optional<Id> unit,
                                                   const std::string& category, std::int64_t top) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    if (top <= 0 || top > 1000) return Invalid("top 须在 1 到 1000 之间", "top");
    EnsureLoaded();
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    const int cat = live.CategoryIndex(category);
    if (cat == -2) return Invalid("类别不存在", "category");
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位不存在");
    LeaderboardPage page;
    page.unit_id = *scope;
    page.unit_name = live.unit_names[static_cast<std::size_t>(u->second)];
    page.category = category;
    page.size = live.board->ScopeSize(u->second);
    for (const auto& entry : live.board->Page(u->second, 0, top, cat)) {
        const Points overall = live.board->Total(entry.member);
        page.entries.push_back({entry.rank, RefOf(live, entry.member), entry.total, live.Stars(overall)});
    }
    return page;
}

Result<MemberRanks> PointsService::Ranks(const Actor& actor, Id member_id, const std::string& category) {
    EnsureLoaded();
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    auto m = live.member_by_id.find(member_id);
    if (m == live.member_by_id.end()) return NotFound("党员不存在");
    const auto& rec = live.members[static_cast<std::size_t>(m->second)];
    const bool self = rec.user_id != 0 && rec.user_id == actor.user_id;
    if (!self && !InScope(actor, rec.unit_id)) return NotFound("党员不存在或不在您的管辖范围内");
    const int cat = live.CategoryIndex(category);
    if (cat == -2) return Invalid("类别不存在", "category");
    MemberRanks out;
    out.member = RefOf(live, m->second);
    out.total = live.board->Total(m->second, cat);
    out.stars = live.Stars(live.board->Total(m->second));
    for (const auto& r : live.board->Ranks(m->second, cat)) {
        out.ranks.push_back({live.unit_ids[static_cast<std::size_t>(r.scope)],
                             live.unit_names[static_cast<std::size_t>(r.scope)], r.rank, r.size});
    }
    return out;
}

Result<StarDistribution> PointsService::Stars(const Actor& actor, std::optional<Id> unit) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    EnsureLoaded();
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位不存在");
    StarDistribution out;
    out.unit_id = *scope;
    out.unit_name = live.unit_names[static_cast<std::size_t>(u->second)];
    out.counts.assign(live.period.stars.thresholds.size() + 1, 0);
    out.members = live.board->ScopeSize(u->second);
    for (const auto& entry : live.board->Page(u->second, 0, out.members))
        ++out.counts[static_cast<std::size_t>(live.Stars(entry.total))];
    return out;
}

Result<MyPoints> PointsService::Me(const Actor& actor) {
    EnsureLoaded();
    Id member_id = 0;
    {
        std::shared_lock read(live_mutex_);
        auto it = live_->member_by_user.find(actor.user_id);
        if (it == live_->member_by_user.end()) return NotFound("您的账号未关联党员");
        member_id = live_->members[static_cast<std::size_t>(it->second)].id;
    }
    std::vector<PointsEventRecord> events;
    {
        std::lock_guard lock(store_mutex_);
        events = points_.ListMemberEvents(member_id);
    }
    auto ranks = Ranks(actor, member_id, "");
    if (!ranks) return ranks.error();
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    MyPoints out;
    out.ranks = std::move(ranks).value();
    out.base_points = live.period.base_points;
    const MemberIdx m = live.member_by_id.at(member_id);
    for (std::size_t c = 0; c < live.categories.size(); ++c)
        out.by_category.emplace_back(live.categories[c], live.board->Total(m, static_cast<int>(c)));
    for (const auto& e : events) out.events.push_back(ViewOf(live, e));
    return out;
}

Result<Publicity> PointsService::PublicityOf(const Actor& actor, std::optional<Id> unit, std::optional<int> days) {
    auto scope = ScopeUnit(actor, unit);
    if (!scope) return scope.error();
    if (days && (*days <= 0 || *days > 366)) return Invalid("公示天数须在 1 到 366 之间", "days");
    EnsureLoaded();
    Publicity out;
    {
        std::shared_lock read(live_mutex_);
        out.days = days.value_or(live_->period.publicity_days);
    }
    out.since = IsoOf(clock_.NowUnix() - static_cast<std::int64_t>(out.days) * 86400);
    std::vector<PointsEventRecord> decided;
    {
        std::lock_guard lock(store_mutex_);
        decided = points_.ListDecidedSince(out.since);
    }
    std::shared_lock read(live_mutex_);
    const Live& live = *live_;
    auto u = live.unit_by_id.find(*scope);
    if (u == live.unit_by_id.end()) return NotFound("单位不存在");
    out.unit_id = *scope;
    out.unit_name = live.unit_names[static_cast<std::size_t>(u->second)];
    for (const auto& e : decided) {
        auto m = live.member_by_id.find(e.member_id);
        if (m == live.member_by_id.end()) continue;
        if (!live.board->tree().Contains(u->second, live.member_unit[static_cast<std::size_t>(m->second)])) continue;
        out.events.push_back(ViewOf(live, e));
        if (out.events.size() >= 2000) break;
    }
    const auto size = live.board->ScopeSize(u->second);
    if (size > 5000) return Invalid("公示范围过大，请选择支部或村（社区）", "unit");
    for (const auto& entry : live.board->Page(u->second, 0, size))
        out.totals.push_back({entry.rank, RefOf(live, entry.member), entry.total, live.Stars(entry.total)});
    return out;
}

}  // namespace lingyan::app
