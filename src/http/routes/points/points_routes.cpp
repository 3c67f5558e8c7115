// Party-member points (星级制积分): rules catalog, submitting and approving activities, bulk
// records, reversals, 公示 and the live leaderboards. Handlers parse, call app::PointsService and
// map the result; docs/api.md "Points" is the contract. Points travel as decimal strings with
// two decimals ("12.50"): they are integer hundredths inside and never pass through a double.
#include <boost/json.hpp>
#include <cmath>
#include <mutex>

#include "http/routes/points/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/compress.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace points = core::points;
using core::roster::Id;

namespace {

json::string Pts(points::Points p) { return json::string(points::FormatPoints(p, false)); }

// A points amount given as a JSON string ("12.5") or number (12, 12.5); at most two decimals.
core::Result<std::optional<points::Points>> PointsField(const json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<points::Points>{};
    const auto& v = it->value();
    std::optional<points::Points> parsed;
    if (v.is_string()) {
        parsed = points::ParsePoints(std::string_view(v.as_string()));
    } else if (v.is_int64()) {
        if (std::abs(v.as_int64()) < 9'000'000'000'000LL) parsed = v.as_int64() * points::kOnePoint;
    } else if (v.is_uint64()) {
        if (v.as_uint64() < 9'000'000'000'000ULL)
            parsed = static_cast<points::Points>(v.as_uint64()) * points::kOnePoint;
    } else if (v.is_double()) {
        const double scaled = v.as_double() * 100.0;
        const double rounded = std::round(scaled);
        if (std::isfinite(scaled) && std::abs(scaled - rounded) < 1e-6 && std::abs(rounded) < 9e15)
            parsed = static_cast<points::Points>(rounded);
    }
    if (!parsed) return core::Invalid(std::string(name) + " 应为最多两位小数的数", name);
    return std::optional<points::Points>{*parsed};
}

// ?unit=ID or ?period=ID; absent or empty → nullopt (the caller's scope, the current period).
core::Result<std::optional<Id>> QueryOptionalId(const Request& req, const char* name) {
    auto v = req.Query(name);
    if (!v || v->empty()) return std::optional<Id>{};
    auto id = QueryInt(v, name, 0);
    if (!id) return id.error();
    return std::optional<Id>{*id};
}

// The scope and period most points views take: ?unit=ID&period=ID, both optional.
struct UnitPeriod {
    std::optional<Id> unit;
    std::optional<Id> period;
};

core::Result<UnitPeriod> QueryUnitPeriod(const Request& req) {
    auto unit = QueryOptionalId(req, "unit");
    if (!unit) return unit.error();
    auto period = QueryOptionalId(req, "period");
    if (!period) return period.error();
    return UnitPeriod{*unit, *period};
}

// An array of points amounts ("stars": ["0", "60", …] or numbers).
core::Result<std::optional<std::vector<points::Points>>> PointsArrayField(const json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<std::vector<points::Points>>{};
    if (!it->value().is_array()) return core::Invalid(std::string(name) + " 应为数组", name);
    std::vector<points::Points> out;
    for (const auto& v : it->value().as_array()) {
        json::object one{{"v", v}};
        auto parsed = PointsField(one, "v");
        if (!parsed || !*parsed) return core::Invalid(std::string(name) + " 的每一项应为最多两位小数的数", name);
        out.push_back(**parsed);
    }
    return std::optional<std::vector<points::Points>>{std::move(out)};
}

core::Result<std::optional<std::vector<std::string>>> StringArrayField(const json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<std::vector<std::string>>{};
    if (!it->value().is_array()) return core::Invalid(std::string(name) + " 应为字符串数组", name);
    std::vector<std::string> out;
    for (const auto& v : it->value().as_array()) {
        if (!v.is_string()) return core::Invalid(std::string(name) + " 应为字符串数组", name);
        out.emplace_back(v.as_string());
    }
    return std::optional<std::vector<std::string>>{std::move(out)};
}

json::object PeriodJson(const app::PeriodView& view) {
    const auto& p = view.record;
    json::array stars, zeroing, grades;
    for (auto t : p.stars.thresholds) stars.push_back(Pts(t));
    for (const auto& c : p.zeroing_rules) zeroing.push_back(json::string(c));
    for (std::size_t idx = 0; idx < p.grades.size(); ++idx) {
        const auto& g = p.grades[idx];
        const bool last = idx + 1 == p.grades.size();
        grades.push_back(json::object{{"name", g.name},
                                      {"max_share", last ? json::value(nullptr)
                                                         : json::value(std::to_string(g.max_share_num) + "/" +
                                                                       std::to_string(g.max_share_den))}});
    }
    return json::object{{"id", p.id},
                        {"name", p.name},
                        {"from", points::FormatDate(p.period.from)},
                        {"to", points::FormatDate(p.period.to)},
                        {"stars", std::move(stars)},
                        {"base_points", Pts(p.base_points)},
                        {"zeroing_rules", std::move(zeroing)},
                        {"grades", std::move(grades)},
                        {"grades_text", points::FormatGradeQuotas(p.grades)},
                        {"publicity_days", p.publicity_days},
                        {"closed", p.closed},
                        {"current", view.current}};
}

json::object RuleJson(const core::ports::PointsRuleRecord& r) {
    return json::object{{"id", r.id},
                        {"code", r.rule.code},
                        {"name", r.rule.name},
                        {"category", r.rule.category},
                        {"points", Pts(r.rule.points)},
                        {"cap", r.rule.cap ? json::value(Pts(*r.rule.cap)) : json::value(nullptr)},
                        {"needs_approval", r.rule.needs_approval},
                        {"evidence", r.rule.evidence},
                        {"active", r.active}};
}

json::object EventJson(const app::PointsEventView& v) {
    const auto& e = v.record;
    json::object o = Described(e, v);
    o["rule"] = v.rule_code;
    o["date"] = points::FormatDate(e.date);
    o["quantity"] = Pts(e.quantity);
    o["worth"] = Pts(v.worth);
    o["reverses"] = NullIfZero(e.reverses);
    return o;
}

const char* LinkName(app::LinkOutcome link) { return link == app::LinkOutcome::kLinked ? "linked" : "requested"; }

json::object MemberJson(const app::MemberRef& m) {
    json::object o = Described(m);
    o["person_id"] = NullIfZero(m.person_id);
    return o;
}

json::object EntryJson(const app::LeaderboardEntry& e) {
    json::object o = MemberJson(e.member);
    o["rank"] = e.rank;
    o["total"] = Pts(e.total);
    o["stars"] = e.stars;
    o["grade"] = NullIfEmpty(e.grade);
    return o;
}

json::array SubTotalsJson(const std::vector<app::SubTotalView>& parts) {
    json::array out;
    for (const auto& p : parts) out.push_back(json::object{{"from", p.from}, {"to", p.to}, {"total", Pts(p.total)}});
    return out;
}

json::object RanksJson(const app::MemberRanks& r) {
    return json::object{{"member", MemberJson(r.member)},
                        {"period_id", r.period_id},
                        {"total", Pts(r.total)},
                        {"stars", r.stars},
                        {"zeroed", r.zeroed},
                        {"grade", NullIfEmpty(r.grade)},
                        {"ranks", json::value_from(r.ranks)},
                        {"monthly", SubTotalsJson(r.monthly)},
                        {"quarterly", SubTotalsJson(r.quarterly)}};
}

// A view of one unit's members in one period (leaderboard, stars, 公示): unit_id, unit_name and
// period_id first, then the view's own fields.
template <class View>
json::object ScopedViewJson(const View& v, json::object fields) {
    json::object o{{"unit_id", v.unit_id}, {"unit_name", v.unit_name}, {"period_id", v.period_id}};
    for (auto& field : fields) o.emplace(field.key(), std::move(field.value()));
    return o;
}

// The 公示 of GET /points/publicity and its .xlsx export: `unit`, optional `days` (-1..10000).
core::Result<app::Publicity> PublicityFrom(Services& s, const Request& req) {
    auto unit = QueryOptionalId(req, "unit");
    if (!unit) return unit.error();
    std::optional<int> days;
    if (auto d = req.Query("days"); d && !d->empty()) {
        auto v = QueryInt(d, "days", 0);
        if (!v) return v.error();
        days = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 10000));
    }
    auto period = QueryOptionalId(req, "period");
    if (!period) return period.error();
    return s.points.PublicityOf(req.user->actor, *unit, days, *period);
}

core::Result<std::string> RequiredString(const json::object& o, const char* name) {
    auto v = StringField(o, name);
    if (!v) return v.error();
    return v->value_or("");
}

// The scoring scheme of a period as a request gives it, the same for a new period and a change to
// one: stars, base_points, zeroing_rules and publicity_days (clamped to -1 … 10000); each absent
// one stays unset.
core::Status ReadPeriodScheme(const json::object& o, app::PeriodPatch& scheme) {
    auto stars = PointsArrayField(o, "stars");
    if (!stars) return stars.error();
    scheme.stars = *stars;
    auto base = PointsField(o, "base_points");
    if (!base) return base.error();
    scheme.base_points = *base;
    auto zeroing = StringArrayField(o, "zeroing_rules");
    if (!zeroing) return zeroing.error();
    scheme.zeroing_rules = *zeroing;
    auto days = IntField(o, "publicity_days");
    if (!days) return days.error();
    if (*days) scheme.publicity_days = static_cast<int>(std::clamp<std::int64_t>(**days, -1, 10000));
    return core::Ok();
}

// The rule, date and note of recorded activity, and its quantity (one point when absent): the same
// for one member (app::SubmitActivity) and many (app::BulkRecord).
template <class Activity>
core::Status ReadActivity(const json::object& o, Activity& in) {
    for (auto [name, slot] : {std::pair{"rule", &in.rule}, {"date", &in.date}, {"note", &in.note}}) {
        auto v = RequiredString(o, name);
        if (!v) return v.error();
        *slot = *v;
    }
    auto quantity = PointsField(o, "quantity");
    if (!quantity) return quantity.error();
    in.quantity = quantity->value_or(points::kOnePoint);
    return core::Ok();
}

}  // namespace

namespace handlers {

// GET /api/v1/points/rules
Response ListRules(Services& s, Request& req) {
    auto period_id = QueryOptionalId(req, "period");
    if (!period_id) return ErrorResponse(period_id.error());
    auto rules = s.points.Rules(req.user->actor);
    if (!rules) return ErrorResponse(rules.error());
    auto period = s.points.Period(req.user->actor, *period_id);
    if (!period) return ErrorResponse(period.error());
    json::array items, categories;
    for (const auto& r : *rules) items.push_back(RuleJson(r));
    for (const auto& c : period->categories) categories.push_back(json::string(c));
    return Json(
        200, json::object{
                 {"items", std::move(items)}, {"categories", std::move(categories)}, {"period", PeriodJson(*period)}});
}

// GET /api/v1/points/periods
Response ListPeriods(Services& s, Request& req) {
    return Reply(200, s.points.Periods(req.user->actor), Items(PeriodJson));
}

// POST /api/v1/points/periods
Response CreatePeriod(Services& s, Request& req) {
    auto o = ParseObject(req.body,
                         {"name", "from", "to", "stars", "base_points", "zeroing_rules", "grades", "publicity_days"});
    if (!o) return ErrorResponse(o.error());
    app::NewPeriod in;
    for (auto [name, slot] :
         {std::pair{"name", &in.name}, {"from", &in.from}, {"to", &in.to}, {"grades", &in.grades}}) {
        auto v = RequiredString(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    app::PeriodPatch scheme;
    if (auto st = ReadPeriodScheme(*o, scheme); !st) return ErrorResponse(st.error());
    in.stars = scheme.stars;
    in.base_points = scheme.base_points.value_or(0);
    in.zeroing_rules = scheme.zeroing_rules.value_or(std::vector<std::string>{});
    in.publicity_days = scheme.publicity_days.value_or(7);
    auto created = s.points.CreatePeriod(req.user->actor, in);
    if (!created) return ErrorResponse(created.error());
    return Json(201, PeriodJson(app::PeriodView{*created, {}, false}));
}

// PATCH /api/v1/points/periods/{id}
Response UpdatePeriod(Services& s, Request& req, Id id) {
    auto o =
        ParseObject(req.body, {"name", "stars", "base_points", "zeroing_rules", "grades", "publicity_days", "closed"});
    if (!o) return ErrorResponse(o.error());
    app::PeriodPatch patch;
    for (auto [name, slot] : {std::pair{"name", &patch.name}, {"grades", &patch.grades}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    if (auto st = ReadPeriodScheme(*o, patch); !st) return ErrorResponse(st.error());
    auto closed = BoolField(*o, "closed");
    if (!closed) return ErrorResponse(closed.error());
    patch.closed = *closed;
    auto updated = s.points.UpdatePeriod(req.user->actor, id, patch);
    if (!updated) return ErrorResponse(updated.error());
    return Json(200, PeriodJson(app::PeriodView{*updated, {}, false}));
}

// GET /api/v1/points/members
Response ListMembers(Services& s, Request& req) {
    auto unit = QueryOptionalId(req, "unit");
    if (!unit) return ErrorResponse(unit.error());
    auto limit = QueryInt(req.Query("limit"), "limit", 500, 1, 5000);
    if (!limit) return ErrorResponse(limit.error());
    auto list = s.points.Members(req.user->actor, *unit, req.Query("q").value_or(""),
                                 static_cast<std::size_t>(std::clamp<std::int64_t>(*limit, 1, 5000)));
    if (!list) return ErrorResponse(list.error());
    json::array items;
    for (const auto& m : *list) items.push_back(MemberJson(m));
    return Json(200, json::object{{"items", std::move(items)}});
}

// POST /api/v1/points/members
Response CreateMember(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"unit_id", "name", "person_id", "user_id"});
    if (!o) return ErrorResponse(o.error());
    app::NewMember in;  // the name is the roster person's; a `name` sent is ignored
    for (auto [field, slot] :
         {std::pair{"unit_id", &in.unit_id}, {"person_id", &in.person_id}, {"user_id", &in.user_id}}) {
        auto v = IntField(*o, field);
        if (!v) return ErrorResponse(v.error());
        *slot = v->value_or(0);
    }
    app::LinkOutcome link = app::LinkOutcome::kNone;
    auto created = s.points.CreateMember(req.user->actor, in, &link);
    if (!created) return ErrorResponse(created.error());
    json::object out = MemberJson(*created);
    if (link != app::LinkOutcome::kNone) out["link"] = LinkName(link);
    return Json(201, out);
}

// POST /api/v1/points/members/{id}/link
Response LinkMemberAccount(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"user_id"});
    if (!o) return ErrorResponse(o.error());
    auto user = IntField(*o, "user_id");
    if (!user) return ErrorResponse(user.error());
    if (!*user || **user <= 0) return ErrorResponse(core::Invalid("user_id 必填", "user_id"));
    auto link = s.points.LinkAccount(req.user->actor, id, **user);
    if (!link) return ErrorResponse(link.error());
    return Json(200, json::object{{"link", LinkName(*link)}});
}

// GET /api/v1/me/link-requests
Response ListMyLinkRequests(Services& s, Request& req) {
    return Reply(200, s.points.MyLinkRequests(req.user->actor), Items([](const app::LinkRequestView& r) {
                     return json::object{{"member", MemberJson(r.member)},
                                         {"requested_by", r.requested_by},
                                         {"requested_at", r.requested_at}};
                 }));
}

// POST /api/v1/me/link-requests/{id}/accept and …/decline ({id}: the member record)
Response AcceptLinkRequest(Services& s, Request& req, Id id) {
    return NoContent(s.points.AnswerLinkRequest(req.user->actor, id, true));
}
Response DeclineLinkRequest(Services& s, Request& req, Id id) {
    return NoContent(s.points.AnswerLinkRequest(req.user->actor, id, false));
}

// POST /api/v1/points/rules
Response CreateRule(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"code", "name", "category", "points", "cap", "needs_approval", "evidence"});
    if (!o) return ErrorResponse(o.error());
    app::NewPointsRule rule;
    for (auto [name, slot] : {std::pair{"code", &rule.code},
                              {"name", &rule.name},
                              {"category", &rule.category},
                              {"evidence", &rule.evidence}}) {
        auto v = RequiredString(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    auto pts = PointsField(*o, "points");
    if (!pts) return ErrorResponse(pts.error());
    if (!*pts) return ErrorResponse(core::Invalid("points 必填", "points"));
    rule.points = **pts;
    auto cap = PointsField(*o, "cap");
    if (!cap) return ErrorResponse(cap.error());
    rule.cap = *cap;
    auto approval = BoolField(*o, "needs_approval");
    if (!approval) return ErrorResponse(approval.error());
    rule.needs_approval = approval->value_or(true);
    auto created = s.points.CreateRule(req.user->actor, rule);
    if (!created) return ErrorResponse(created.error());
    return Json(201, RuleJson(*created));
}

// PATCH /api/v1/points/rules/{id}
Response UpdateRule(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"name", "category", "points", "cap", "needs_approval", "evidence", "active"});
    if (!o) return ErrorResponse(o.error());
    app::PointsRulePatch patch;
    for (auto [name, slot] :
         {std::pair{"name", &patch.name}, {"category", &patch.category}, {"evidence", &patch.evidence}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    auto pts = PointsField(*o, "points");
    if (!pts) return ErrorResponse(pts.error());
    patch.points = *pts;
    if (o->contains("cap")) {
        auto cap = PointsField(*o, "cap");
        if (!cap) return ErrorResponse(cap.error());
        patch.cap = *cap;
    }
    for (auto [name, slot] : {std::pair{"needs_approval", &patch.needs_approval}, {"active", &patch.active}}) {
        auto v = BoolField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = *v;
    }
    auto updated = s.points.UpdateRule(req.user->actor, id, patch);
    if (!updated) return ErrorResponse(updated.error());
    return Json(200, RuleJson(*updated));
}

// GET /api/v1/points/me
Response GetMyPoints(Services& s, Request& req) {
    auto period = QueryOptionalId(req, "period");
    if (!period) return ErrorResponse(period.error());
    auto me = s.points.Me(req.user->actor, *period);
    if (!me) return ErrorResponse(me.error());
    json::object o = RanksJson(me->ranks);
    json::array cats, events;
    for (const auto& [name, total] : me->by_category)
        cats.push_back(json::object{{"category", name}, {"total", Pts(total)}});
    for (const auto& e : me->events) events.push_back(EventJson(e));
    o["base_points"] = Pts(me->base_points);
    o["by_category"] = std::move(cats);
    o["events"] = std::move(events);
    return Json(200, o);
}

// POST /api/v1/points/events
Response RecordEvent(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"member_id", "rule", "date", "quantity", "note"});
    if (!o) return ErrorResponse(o.error());
    app::SubmitActivity in;
    auto member = IntField(*o, "member_id");
    if (!member) return ErrorResponse(member.error());
    in.member_id = member->value_or(0);
    if (auto st = ReadActivity(*o, in); !st) return ErrorResponse(st.error());
    auto created = s.points.Submit(req.user->actor, in);
    if (!created) return ErrorResponse(created.error());
    return Json(201, EventJson(*created));
}

// POST /api/v1/points/events/bulk
Response RecordEventsBulk(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"members", "rule", "date", "quantity", "note"});
    if (!o) return ErrorResponse(o.error());
    app::BulkRecord in;
    if (auto st = ReadActivity(*o, in); !st) return ErrorResponse(st.error());
    auto members = o->find("members");
    if (members == o->end() || !members->value().is_array())
        return ErrorResponse(core::Invalid("members 应为党员编号数组", "members"));
    for (const auto& m : members->value().as_array()) {
        if (!m.is_int64()) return ErrorResponse(core::Invalid("members 应为党员编号数组", "members"));
        in.members.push_back(m.as_int64());
    }
    auto outcome = s.points.RecordBulk(req.user->actor, in);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) {
        json::array rows;
        for (const auto& e : outcome->errors)
            rows.push_back(json::object{{"row", e.row}, {"field", e.field}, {"message", e.message}});
        json::object err{{"code", "invalid"},
                         {"message", "记录失败：" + app::ErrorRowsSummary(outcome->errors) + "，未写入任何数据"}};
        return Json(422, json::object{{"error", std::move(err)}, {"rows", std::move(rows)}});
    }
    json::array ids;
    for (auto id : outcome->event_ids) ids.push_back(id);
    return Json(201, json::object{{"recorded", outcome->event_ids.size()}, {"event_ids", std::move(ids)}});
}

// GET /api/v1/points/approvals
Response ListApprovals(Services& s, Request& req) {
    auto where = QueryUnitPeriod(req);
    if (!where) return ErrorResponse(where.error());
    auto limit = QueryInt(req.Query("limit"), "limit", 200, 1, 1000);
    if (!limit) return ErrorResponse(limit.error());
    auto offset = QueryInt(req.Query("offset"), "offset", 0, 0, kMaxOffset);
    if (!offset) return ErrorResponse(offset.error());
    auto page = s.points.Approvals(req.user->actor, where->unit, where->period, static_cast<std::size_t>(*offset),
                                   static_cast<std::size_t>(std::clamp<std::int64_t>(*limit, 1, 1000)),
                                   std::string(req.Query("q").value_or("")));
    if (!page) return ErrorResponse(page.error());
    json::array items;
    for (const auto& e : page->items) items.push_back(EventJson(e));
    return Json(200, json::object{{"items", std::move(items)}, {"total", page->total}, {"offset", *offset}});
}

// POST /api/v1/points/events/{id}/approve, /reject, /reverse: one decision on an event; reject
// and reverse need a reason.
Response DecideEvent(Services& s, Request& req, Id id, std::string_view action) {
    std::string reason;
    if (!req.body.empty()) {
        auto o = ParseObject(req.body, {"reason"});
        if (!o) return ErrorResponse(o.error());
        auto r = RequiredString(*o, "reason");
        if (!r) return ErrorResponse(r.error());
        reason = *r;
    }
    auto done = action == "approve"  ? s.points.Approve(req.user->actor, id)
                : action == "reject" ? s.points.Reject(req.user->actor, id, reason)
                                     : s.points.Reverse(req.user->actor, id, reason);
    return Reply(action == "reverse" ? 201 : 200, done, EventJson);
}

// POST /api/v1/points/events/decide: {"ids": [..], "decision": "approve" | "reject", "reason": ".."}
// — all or none (the error names the first bad item).
Response DecideEvents(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"ids", "decision", "reason"});
    if (!o) return ErrorResponse(o.error());
    auto decision = RequiredString(*o, "decision");
    if (!decision) return ErrorResponse(decision.error());
    if (*decision != "approve" && *decision != "reject")
        return ErrorResponse(core::Invalid("decision 应为 approve 或 reject", "decision"));
    auto reason = StringField(*o, "reason");
    if (!reason) return ErrorResponse(reason.error());
    auto ids = o->find("ids");
    if (ids == o->end() || !ids->value().is_array()) return ErrorResponse(core::Invalid("ids 应为申报编号数组", "ids"));
    if (ids->value().as_array().size() > app::PointsService::kMaxBulkDecisions)
        return ErrorResponse(
            core::Invalid("一次最多审核 " + std::to_string(app::PointsService::kMaxBulkDecisions) + " 项", "ids"));
    std::vector<Id> list;
    for (const auto& v : ids->value().as_array()) {
        if (!v.is_int64()) return ErrorResponse(core::Invalid("ids 应为申报编号数组", "ids"));
        list.push_back(v.as_int64());
    }
    auto done = s.points.DecideMany(req.user->actor, list, *decision == "approve", reason->value_or(""));
    if (!done) return ErrorResponse(done.error());
    return Json(200, json::object{{"decided", *done}, {"decision", *decision}});
}

Response ApproveEvent(Services& s, Request& req, Id id) { return DecideEvent(s, req, id, "approve"); }
Response RejectEvent(Services& s, Request& req, Id id) { return DecideEvent(s, req, id, "reject"); }
Response ReverseEvent(Services& s, Request& req, Id id) { return DecideEvent(s, req, id, "reverse"); }

// GET /api/v1/points/leaderboard
Response GetLeaderboard(Services& s, Request& req) {
    auto where = QueryUnitPeriod(req);
    if (!where) return ErrorResponse(where.error());
    auto top = QueryInt(req.Query("top"), "top", 50, 0, 10000);
    if (!top) return ErrorResponse(top.error());
    auto shared = s.points.SharedLeaderboard(req.user->actor, where->unit, req.Query("category").value_or(""), *top,
                                             where->period);
    if (!shared) return ErrorResponse(shared.error());
    // A kept page is rendered once for every request that reads it (a county's top 50 with its
    // ties can be 1,050 entries, 150 kB of JSON).
    const auto& page = **shared;
    std::call_once(page.rendered->once, [&] {
        json::array items;
        for (const auto& e : page.entries) items.push_back(EntryJson(e));
        page.rendered->text =
            std::make_shared<const std::string>(json::serialize(ScopedViewJson(page, {{"category", page.category},
                                                                                      {"size", page.size},
                                                                                      {"top", page.top},
                                                                                      {"overflow", page.overflow},
                                                                                      {"truncated", page.truncated},
                                                                                      {"items", std::move(items)}})));
        page.rendered->gzip = std::make_shared<const std::string>(Gzip(*page.rendered->text));
    });
    Response res = JsonResponse(200, {});
    res.kept_body = page.rendered->text;
    res.gzip = page.rendered->gzip;
    return res;
}

// GET /api/v1/points/leaderboard.xlsx
Response ExportLeaderboard(Services& s, Request& req) {
    auto where = QueryUnitPeriod(req);
    if (!where) return ErrorResponse(where.error());
    auto top = QueryInt(req.Query("top"), "top", 1000, 0, 10000);
    if (!top) return ErrorResponse(top.error());
    return Download(s.points.LeaderboardWorkbook(req.user->actor, where->unit, req.Query("category").value_or(""), *top,
                                                 where->period));
}

// GET /api/v1/points/rules.xlsx
Response ExportPointsRules(Services& s, Request& req) { return Download(s.points.RulesWorkbook(req.user->actor)); }

// POST /api/v1/points/rules/import[?dry_run=1] — the body is the .xlsx
Response ImportPointsRules(Services& s, Request& req) {
    auto dry_run = DryRun(req);
    if (!dry_run) return ErrorResponse(dry_run.error());
    auto outcome = s.points.ImportRules(req.user->actor, req.body, *dry_run);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, *dry_run ? "预检未通过" : "导入失败");
    json::array changes;
    for (const auto& c : outcome->changes) {
        json::array fields;
        for (const auto& f : c.fields) fields.emplace_back(f);
        changes.push_back(json::object{{"row", c.row},
                                       {"code", c.code},
                                       {"name", c.name},
                                       {"action", c.created ? "create" : "update"},
                                       {"fields", std::move(fields)}});
    }
    return Json(200, json::object{{"dry_run", outcome->dry_run},
                                  {"sheet", outcome->sheet},
                                  {"created", outcome->created},
                                  {"updated", outcome->updated},
                                  {"unchanged", outcome->unchanged},
                                  {"changes", std::move(changes)}});
}

// GET /api/v1/points/members/{id}/ranks
Response GetMemberRanks(Services& s, Request& req, Id id) {
    auto period = QueryOptionalId(req, "period");
    if (!period) return ErrorResponse(period.error());
    auto ranks = s.points.Ranks(req.user->actor, id, req.Query("category").value_or(""), *period);
    if (!ranks) return ErrorResponse(ranks.error());
    return Json(200, RanksJson(*ranks));
}

// GET /api/v1/points/stars
Response GetStars(Services& s, Request& req) {
    auto where = QueryUnitPeriod(req);
    if (!where) return ErrorResponse(where.error());
    auto dist = s.points.Stars(req.user->actor, where->unit, where->period);
    if (!dist) return ErrorResponse(dist.error());
    json::array counts, grades;
    for (std::size_t stars = 0; stars < dist->counts.size(); ++stars)
        counts.push_back(json::object{{"stars", stars}, {"count", dist->counts[stars]}});
    for (const auto& [name, count] : dist->grades) grades.push_back(json::object{{"grade", name}, {"count", count}});
    return Json(200,
                ScopedViewJson(
                    *dist, {{"members", dist->members}, {"counts", std::move(counts)}, {"grades", std::move(grades)}}));
}

// GET /api/v1/points/publicity
Response GetPublicity(Services& s, Request& req) {
    auto pub = PublicityFrom(s, req);
    if (!pub) return ErrorResponse(pub.error());
    json::array events, totals;
    for (const auto& e : pub->events) events.push_back(EventJson(e));
    for (const auto& t : pub->totals) totals.push_back(EntryJson(t));
    return Json(200, ScopedViewJson(*pub, {{"days", pub->days},
                                           {"since", pub->since},
                                           {"events", std::move(events)},
                                           {"totals", std::move(totals)}}));
}

// GET /api/v1/points/publicity.xlsx
Response ExportPublicity(Services& s, Request& req) {
    auto pub = PublicityFrom(s, req);
    if (!pub) return ErrorResponse(pub.error());
    return Download(s.points.PublicityWorkbook(*pub));
}

}  // namespace handlers

}  // namespace lingyan::http
