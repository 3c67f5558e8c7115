// The party organization routes (党组织): list, detail, create, rename, upgrade, dissolve and
// 党员中心户. Each handler reads the request and calls one RosterService use case.

#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/roster/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
using namespace core::roster;

namespace {

json::object OrgJson(const app::PartyOrgView& v) {
    json::object o = Described(v.org, v);
    o["parent_id"] = NullIfZero(v.org.parent_id);
    o["dissolved_on"] = NullIfEmpty(v.org.dissolved_on);
    return o;
}

json::object HouseholdJson(const app::PartyHouseholdView& v) {
    json::array served;
    for (const auto& [id, name] : v.served) served.push_back(json::object{{"person_id", id}, {"name", name}});
    json::object o = Described(v.household, v);
    o["served"] = std::move(served);
    o["dissolved_on"] = NullIfEmpty(v.household.dissolved_on);
    return o;
}

core::Result<PartyOrgKind> KindOf(const json::object& o) {
    std::string kind;
    if (auto st = ReadString(o, "kind", kind); !st) return st.error();
    auto k = PartyOrgKindFromString(kind);
    if (!k) return core::Invalid("组织类型应为 committee、general_branch、branch 或 group", "kind");
    return *k;
}

// The list's filters ?unit=&include_dissolved= (the export reads the same). The flag is "true" or
// "1" (the web client's spelling of a boolean), "false" or "0".
struct OrgFilters {
    Id unit = 0;  // 0: the caller's scope
    bool include_dissolved = false;
};
core::Result<OrgFilters> ReadOrgFilters(Request& req) {
    auto unit = QueryInt(req.Query("unit"), "unit", 0, 0, INT64_MAX);
    if (!unit) return unit.error();
    OrgFilters f{*unit};
    if (auto st = QueryFlag(req.Query("include_dissolved"), "include_dissolved", f.include_dissolved); !st)
        return st.error();
    return f;
}

}  // namespace

namespace handlers {

// GET /api/v1/party-orgs?unit=&include_dissolved=
Response ListPartyOrgs(Services& s, Request& req) {
    auto f = ReadOrgFilters(req);
    if (!f) return ErrorResponse(f.error());
    return Reply(200, s.roster.ListPartyOrgs(req.user->actor, f->unit, f->include_dissolved), Items(OrgJson));
}

// GET /api/v1/party-orgs.xlsx?unit=&include_dissolved= — 党组织名册, the list as a workbook.
Response ExportPartyOrgs(Services& s, Request& req) {
    auto f = ReadOrgFilters(req);
    if (!f) return ErrorResponse(f.error());
    return Download(s.roster_exchange.ExportPartyOrgs(req.user->actor, f->unit, f->include_dissolved));
}

// GET /api/v1/party-orgs/{id}
Response GetPartyOrg(Services& s, Request& req, Id id) {
    return Reply(200, s.roster.GetPartyOrg(req.user->actor, id), [](const app::PartyOrgDetail& d) {
        json::array subs, households;
        for (const auto& o : d.sub_orgs) subs.push_back(OrgJson(o));
        for (const auto& h : d.households) households.push_back(HouseholdJson(h));
        return json::object{{"org", OrgJson(d.org)},
                            {"sub_orgs", std::move(subs)},
                            {"members", json::value_from(d.members)},
                            {"history", json::value_from(d.history)},
                            {"households", std::move(households)}};
    });
}

// POST /api/v1/party-orgs
Response CreatePartyOrg(Services& s, Request& req) {
    auto body = ParseObject(req.body, {"unit_id", "name", "kind", "parent_id", "approved_on", "document_no"});
    if (!body) return ErrorResponse(body.error());
    app::PartyOrgInput in;
    auto kind = KindOf(*body);
    if (!kind) return ErrorResponse(kind.error());
    in.kind = *kind;
    if (auto st = All([&] { return ReadInt(*body, "unit_id", in.unit_id); },
                      [&] { return ReadString(*body, "name", in.name); },
                      [&] { return ReadInt(*body, "parent_id", in.parent_id); },
                      [&] { return ReadString(*body, "approved_on", in.approved_on); },
                      [&] { return ReadString(*body, "document_no", in.document_no); });
        !st)
        return ErrorResponse(st.error());
    if (in.unit_id <= 0) return ErrorResponse(core::Invalid("请选择单位", "unit_id"));
    return Reply(201, s.roster.CreatePartyOrg(req.user->actor, in), OrgJson);
}

// PATCH /api/v1/party-orgs/{id}  {"name"}
Response RenamePartyOrg(Services& s, Request& req, Id id) {
    std::string name;
    auto body = ReadBody(req.body, {}, Field("name", name));
    if (!body) return ErrorResponse(body.error());
    return Reply(200, s.roster.RenamePartyOrg(req.user->actor, id, name), OrgJson);
}

// POST /api/v1/party-orgs/{id}/upgrade
Response UpgradePartyOrg(Services& s, Request& req, Id id) {
    auto body = ParseObject(req.body, {"kind", "name", "approved_on", "document_no"});
    if (!body) return ErrorResponse(body.error());
    app::UpgradeInput in;
    auto kind = KindOf(*body);
    if (!kind) return ErrorResponse(kind.error());
    in.kind = *kind;
    if (auto st = All([&] { return ReadString(*body, "name", in.name); },
                      [&] { return ReadString(*body, "approved_on", in.approved_on); },
                      [&] { return ReadString(*body, "document_no", in.document_no); });
        !st)
        return ErrorResponse(st.error());
    return Reply(200, s.roster.UpgradePartyOrg(req.user->actor, id, in), OrgJson);
}

// POST /api/v1/party-orgs/{id}/dissolve
Response DissolvePartyOrg(Services& s, Request& req, Id id) {
    app::DissolveInput in;
    auto body = ReadBody(req.body, {}, Field("dissolved_on", in.dissolved_on), Field("document_no", in.document_no),
                         Field("transfer_to", in.transfer_to));
    if (!body) return ErrorResponse(body.error());
    return Reply(200, s.roster.DissolvePartyOrg(req.user->actor, id, in), OrgJson);
}

// POST /api/v1/party-orgs/{id}/households
Response CreateHousehold(Services& s, Request& req, Id id) {
    app::HouseholdInput in;
    std::vector<std::int64_t> served;
    auto body =
        ReadBody(req.body, {}, Field("person_id", in.person_id), Field("place", in.place), Field("served", served));
    if (!body) return ErrorResponse(body.error());
    in.served.assign(served.begin(), served.end());
    return Reply(201, s.roster.CreateHousehold(req.user->actor, id, in), HouseholdJson);
}

// POST /api/v1/party-orgs/{id}/households/{hid}/dissolve
Response DissolveHousehold(Services& s, Request& req, Id id, Id household) {
    return NoContent(s.roster.DissolveHousehold(req.user->actor, id, household));
}

}  // namespace handlers

}  // namespace lingyan::http
