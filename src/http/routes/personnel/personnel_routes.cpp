// Personnel (人事): decisions citing their ground (a campaign result, an honour, a talent-pool
// entry) — recorded, listed per person and per campaign — and the nominated 躺平奖 with the
// county's review. Handlers parse, call app::DecisionService / app::NominationService and map the
// result; docs/api.md "Personnel decisions" and "躺平奖 nominations" are the contract.
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/personnel/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace personnel = core::personnel;

namespace {

json::object DecisionJson(const app::DecisionView& v) {
    json::object o = Described(v.decision);
    o["unit"] = v.unit_name;
    o["kind_label"] = personnel::KindLabel(v.decision.kind);
    o["position_id"] = NullIfZero(v.decision.position_id);
    return o;
}

json::object NominationJson(const app::NominationView& v) {
    json::object o = Described(v.nomination, v);
    o["unit"] = v.unit_name;
    o["category_label"] = personnel::CategoryLabel(v.nomination.category);
    return o;
}

// The list's filters ?kind=&year= over `q` (the ledger export reads the same).
// ?year=&state= of the 躺平奖 list and its workbook.
core::Result<app::NominationQuery> NominationFilters(Request& req) {
    app::NominationQuery q;
    auto year = QueryInt(req.Query("year"), "year", 0);
    if (!year) return year.error();
    q.year = static_cast<int>(*year);
    if (auto st = QueryEnum(req.Query("state"), "state", personnel::StateFromName, q.state,
                            "state 应为 pending、confirmed 或 rejected");
        !st)
        return st.error();
    return q;
}

core::Status ReadDecisionFilters(Request& req, app::DecisionQuery& q) {
    if (auto st = QueryEnum(req.Query("kind"), "kind", personnel::KindFromName, q.kind,
                            "kind 应为 appointment、promotion、reward 或 talk");
        !st)
        return st;
    auto year = QueryInt(req.Query("year"), "year", 0, 0, 9999);
    if (!year) return year.error();
    q.year = static_cast<int>(*year);
    return core::Ok();
}

Response ListDecisionsBy(Services& s, Request& req, app::DecisionQuery q) {
    if (auto st = ReadDecisionFilters(req, q); !st) return ErrorResponse(st.error());
    return Reply(200, s.decisions.List(req.user->actor, q), Items(DecisionJson));
}

}  // namespace

namespace handlers {

// GET /api/v1/decisions?kind=&year=
Response ListDecisions(Services& s, Request& req) { return ListDecisionsBy(s, req, {}); }

// GET /api/v1/decisions.xlsx?kind=&year= — 人事决定台账, the list as a workbook.
Response ExportDecisions(Services& s, Request& req) {
    app::DecisionQuery q;
    if (auto st = ReadDecisionFilters(req, q); !st) return ErrorResponse(st.error());
    return Download(s.decisions.LedgerXlsx(req.user->actor, q));
}

// GET /api/v1/people/{id}/decisions
Response ListPersonDecisions(Services& s, Request& req, Id id) {
    app::DecisionQuery q;
    q.person = id;
    return ListDecisionsBy(s, req, q);
}

// GET /api/v1/campaigns/{id}/decisions
Response ListCampaignDecisions(Services& s, Request& req, Id id) {
    app::DecisionQuery q;
    q.ground = personnel::Ground::kCampaign;
    q.ground_id = id;
    return ListDecisionsBy(s, req, q);
}

// POST /api/v1/decisions {"person_id","kind","ground","ground_id","content","document_no"?,"decided_on"?,
//                         "position_unit_id"?,"position_title"?}
Response CreateDecision(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"person_id", "kind", "ground", "ground_id", "content", "document_no", "decided_on",
                                    "position_unit_id", "position_title"});
    if (!o) return ErrorResponse(o.error());
    app::DecisionInput in;
    auto& d = in.decision;
    std::string kind, ground, title;
    std::int64_t unit = 0;
    if (auto st =
            All([&] { return ReadInt(*o, "person_id", d.person_id); }, [&] { return ReadString(*o, "kind", kind); },
                [&] { return ReadString(*o, "ground", ground); }, [&] { return ReadInt(*o, "ground_id", d.ground_id); },
                [&] { return ReadString(*o, "content", d.content); },
                [&] { return ReadString(*o, "document_no", d.document_no); },
                [&] { return ReadString(*o, "decided_on", d.decided_on); },
                [&] { return ReadInt(*o, "position_unit_id", unit); },
                [&] { return ReadString(*o, "position_title", title); });
        !st)
        return ErrorResponse(st.error());
    auto k = personnel::KindFromName(kind);
    if (!k) return ErrorResponse(core::Invalid("kind 应为 appointment、promotion、reward 或 talk", "kind"));
    auto g = personnel::GroundFromName(ground);
    if (!g) return ErrorResponse(core::Invalid("ground 应为 campaign、honour 或 pool", "ground"));
    d.kind = *k;
    d.ground = *g;
    if (unit != 0 || !title.empty()) in.position = personnel::PositionSpec{unit, title};
    return Reply(201, s.decisions.Decide(req.user->actor, in), DecisionJson);
}

// GET /api/v1/tangping/nominations?year=&state=
Response ListNominations(Services& s, Request& req) {
    auto q = NominationFilters(req);
    if (!q) return ErrorResponse(q.error());
    return Reply(200, s.nominations.List(req.user->actor, *q), Items(NominationJson));
}

// GET /api/v1/tangping/nominations.xlsx?year=&state= — the same list as 躺平奖提名台账
Response ExportNominations(Services& s, Request& req) {
    auto q = NominationFilters(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.nominations.RegisterXlsx(req.user->actor, *q));
}

// POST /api/v1/tangping/nominations {"person_id","year"?,"category","reason","evidence"?}
Response CreateNomination(Services& s, Request& req) {
    app::NominationInput in;
    std::int64_t year = 0;
    std::string category;
    auto o = ReadBody(req.body, {}, Field("person_id", in.person_id), Field("year", year), Field("category", category),
                      Field("reason", in.reason), Field("evidence", in.evidence));
    if (!o) return ErrorResponse(o.error());
    auto c = personnel::CategoryFromName(category);
    if (!c)
        return ErrorResponse(
            core::Invalid("category 应为 inaction（不作为）、slow（慢作为）或 shirking（不担当）", "category"));
    if (year < 0 || year > 9999) return ErrorResponse(core::Invalid("年度应在 2000–2100 之间", "year"));
    in.category = *c;
    in.year = static_cast<int>(year);
    return Reply(201, s.nominations.Nominate(req.user->actor, in), NominationJson);
}

// POST /api/v1/tangping/nominations/{id}/review {"confirm": true|false, "reason"}
Response ReviewNomination(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"confirm", "reason"});
    if (!o) return ErrorResponse(o.error());
    auto confirm = BoolField(*o, "confirm");
    if (!confirm) return ErrorResponse(confirm.error());
    if (!*confirm) return ErrorResponse(core::Invalid("请选择认定或不予认定", "confirm"));
    std::string reason;
    if (auto st = ReadString(*o, "reason", reason); !st) return ErrorResponse(st.error());
    return Reply(200, s.nominations.Review(req.user->actor, id, **confirm, reason), NominationJson);
}

}  // namespace handlers

}  // namespace lingyan::http
