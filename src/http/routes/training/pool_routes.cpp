// Talent pools (梯队/人才库): pools with quotas and eligibility rules, candidates checked against
// the rules, and memberships. Handlers parse, call app::PoolService and map the result;
// docs/api.md "Talent pipeline and training" is the contract.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "app/training/pool_rules_json.hpp"
#include "core/roster/person_rules.hpp"
#include "core/roster/tree.hpp"
#include "http/routes/routes.hpp"
#include "http/routes/training/described.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace training = core::training;
using core::roster::Id;

namespace {

json::value Rules(const training::EligibilityRules& rules) { return json::parse(app::RulesToJson(rules)); }

json::object PoolJson(const app::PoolView& v) {
    json::object by_town;
    for (const auto& [town, used] : v.use.used_by_town) {
        auto it = v.town_quota.find(town);
        by_town[std::to_string(town)] =
            json::object{{"town", v.town_names.count(town) ? v.town_names.at(town) : ""},
                         {"used", used},
                         {"quota", it == v.town_quota.end() ? json::value(nullptr) : json::value(it->second)}};
    }
    for (const auto& [town, quota] : v.town_quota)
        if (!by_town.contains(std::to_string(town)))
            by_town[std::to_string(town)] = json::object{
                {"town", v.town_names.count(town) ? v.town_names.at(town) : ""}, {"used", 0}, {"quota", quota}};
    json::object states;
    for (const auto& [state, n] : v.by_state) states[state] = n;
    json::object o = Described(v.record, v);
    o["used"] = v.use.used;
    o["free"] = v.record.quota - v.use.used;
    o["by_town"] = std::move(by_town);
    o["by_state"] = std::move(states);
    o["rules"] = Rules(v.rules);
    return o;
}

json::object MemberJson(const app::MemberView& m) {
    json::array history;
    for (const auto& h : m.membership.history)
        history.push_back(json::object{{"from", training::MemberStateName(h.from)},
                                       {"to", training::MemberStateName(h.to)},
                                       {"date", h.date},
                                       {"note", h.note}});
    return json::object{{"membership_id", m.membership_id},
                        {"person_id", m.membership.person_id},
                        {"name", m.name},
                        {"unit_name", m.unit_name},
                        {"town_id", m.membership.town_id},
                        {"town_name", m.town_name},
                        {"state", training::MemberStateName(m.membership.state)},
                        {"nominated_on", m.membership.nominated_on},
                        {"override_reason", m.membership.override_reason},
                        {"history", std::move(history)}};
}

}  // namespace

namespace handlers {

// GET /api/v1/pools
Response ListPools(Services& s, Request& req) {
    return Reply(200, s.pools.ListPools(req.user->actor), Items(PoolJson));
}

// POST /api/v1/pools
Response CreatePool(Services& s, Request& req) {
    app::NewPool spec;
    Id quota = 0;
    auto o = ReadBody(req.body, {"rules", "town_quota"}, Field("name", spec.name),
                      Field("scope_unit_id", spec.scope_unit_id), Field("quota", quota),
                      Field("description", spec.description));
    if (!o) return ErrorResponse(o.error());
    spec.quota = static_cast<int>(std::clamp<Id>(quota, -1, 1000000));
    if (const auto* rules = o->if_contains("rules"); rules && !rules->is_null()) {
        if (!rules->is_object()) return ErrorResponse(core::Invalid("rules 应为对象", "rules"));
        spec.rules_json = json::serialize(*rules);
    }
    if (const auto* towns = o->if_contains("town_quota"); towns && !towns->is_null()) {
        if (!towns->is_object()) return ErrorResponse(core::Invalid("town_quota 应为 {镇id: 名额}", "town_quota"));
        for (const auto& [key, value] : towns->as_object()) {
            auto town = QueryInt(std::string(key), "town_quota", 0);
            if (!town || !value.is_int64())
                return ErrorResponse(core::Invalid("town_quota 应为 {镇id: 名额}", "town_quota"));
            spec.town_quota[*town] = static_cast<int>(std::clamp<std::int64_t>(value.as_int64(), -1, 1000000));
        }
    }
    return Reply(201, s.pools.CreatePool(req.user->actor, spec), PoolJson);
}

// GET /api/v1/pools/{id}
Response GetPool(Services& s, Request& req, Id id) {
    return Reply(200, s.pools.GetPool(req.user->actor, id), [](const app::PoolDetail& d) {
        json::object o = PoolJson(d.pool);
        json::array members;
        for (const auto& m : d.members) members.push_back(MemberJson(m));
        o["members"] = std::move(members);
        return o;
    });
}

// GET /api/v1/pools/{id}/members.xlsx — 人才库名单 (officers)
Response ExportPoolMembers(Services& s, Request& req, Id id) { return Download(s.pools.MembersXlsx(req.user->actor, id)); }

// GET /api/v1/pools/{id}/candidates
Response ListCandidates(Services& s, Request& req, Id id) {
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return ErrorResponse(unit.error());
    auto offset = QueryInt(req.Query("offset"), "offset", 0);
    if (!offset) return ErrorResponse(offset.error());
    auto limit = QueryInt(req.Query("limit"), "limit", 50);
    if (!limit) return ErrorResponse(limit.error());
    auto page = s.pools.CandidatesPage(req.user->actor, id, *unit > 0 ? std::optional<Id>(*unit) : std::nullopt,
                                       req.Query("as_of").value_or(""), *offset, *limit);
    return Reply(200, page, [](const app::CandidatePage& p) {
        json::array items;
        for (const auto& c : p.items) {
            json::array checks;
            for (const auto& chk : c.report.checks)
                checks.push_back(json::object{{"rule", chk.rule}, {"passed", chk.passed}, {"reason", chk.reason}});
            items.push_back(json::object{{"person_id", c.candidate.person_id},
                                         {"name", c.candidate.name},
                                         {"unit_name", c.unit_name},
                                         {"town_id", c.candidate.town_id},
                                         {"town_name", c.town_name},
                                         {"birth_date", c.candidate.birth_date},
                                         {"education", core::roster::EducationName(c.candidate.education)},
                                         {"current_post", c.candidate.current_post},
                                         {"party", training::PartyStandingName(c.candidate.party)},
                                         {"eligible", c.report.eligible},
                                         {"checks", std::move(checks)},
                                         {"member_state", c.member_state}});
        }
        return json::object{{"items", std::move(items)},
                            {"eligible", p.eligible},
                            {"total", p.total},
                            {"offset", p.offset},
                            {"limit", p.limit}};
    });
}

// POST /api/v1/pools/{id}/members
Response ChangeMember(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"person_id", "state", "date", "note", "override_reason"});
    if (!o) return ErrorResponse(o.error());
    app::MemberChange change;
    auto st =
        All([&] { return ReadInt(*o, "person_id", change.person_id); },
            [&] { return ReadString(*o, "state", change.state); }, [&] { return ReadString(*o, "date", change.date); },
            [&] { return ReadString(*o, "note", change.note); },
            [&] { return ReadString(*o, "override_reason", change.override_reason); });
    if (!st) return ErrorResponse(st.error());
    return Reply(200, s.pools.ChangeMember(req.user->actor, id, change), MemberJson);
}

}  // namespace handlers

}  // namespace lingyan::http
