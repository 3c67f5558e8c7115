// Roster and units files: imports (all or nothing, every bad row reported), templates and exports.
// Handlers read the upload's name and map the results of app::RosterExchange.
#include <boost/json.hpp>

#include "http/server/json_io.hpp"
#include "http/routes/roster/roster_json.hpp"
#include "http/routes/routes.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;

namespace {

json::array Strings(const std::vector<std::string>& items) {
    json::array out;
    for (const auto& item : items) out.emplace_back(item);
    return out;
}

}  // namespace

namespace handlers {

// POST /api/v1/import/roster[?dry_run=1]
Response ImportRoster(Services& s, Request& req) {
    auto dry_run = DryRun(req);
    if (!dry_run) return ErrorResponse(dry_run.error());
    auto outcome = s.roster_exchange.ImportRoster(req.user->actor, req.body, UploadName(req), *dry_run);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, *dry_run ? "预检未通过" : "导入失败");
    json::array changes;
    for (const auto& c : outcome->changes) {
        changes.push_back(json::object{{"row", c.row},
                                       {"person_id", c.person_id},
                                       {"name", c.name},
                                       {"action", c.created ? "create" : "update"},
                                       {"fields", Strings(c.fields)}});
    }
    return Json(200, json::object{{"dry_run", outcome->dry_run},
                                  {"imported", outcome->imported},
                                  {"rows", outcome->rows},
                                  {"created", outcome->created},
                                  {"updated", outcome->updated},
                                  {"unchanged", outcome->unchanged},
                                  {"positions", outcome->positions},
                                  {"sheet", outcome->sheet},
                                  {"notes", Strings(outcome->notes)},
                                  {"changes", std::move(changes)}});
}

// POST /api/v1/import/units[?dry_run=1]
Response ImportUnits(Services& s, Request& req) {
    auto dry_run = DryRun(req);
    if (!dry_run) return ErrorResponse(dry_run.error());
    auto outcome = s.roster_exchange.ImportUnits(req.user->actor, req.body, UploadName(req), *dry_run);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, *dry_run ? "预检未通过" : "导入失败");
    return Json(200, json::object{{"dry_run", *dry_run},
                                  {"created", outcome->created},
                                  {"updated", outcome->updated},
                                  {"unchanged", outcome->unchanged},
                                  {"sheet", outcome->sheet},
                                  {"notes", Strings(outcome->notes)}});
}

// GET /api/v1/import/units/template
Response DownloadUnitsTemplate(Services& s, Request& req) {
    return Download(s.roster_exchange.UnitsTemplate(req.user->actor));
}

// GET /api/v1/import/roster/template
Response DownloadRosterTemplate(Services& s, Request&) { return Download(s.roster_exchange.RosterTemplate()); }

// GET /api/v1/export/people
Response ExportPeople(Services& s, Request& req) {
    auto q = PeopleQueryFrom(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.roster_exchange.ExportPeople(req.user->actor, *q));
}

// GET /api/v1/export/units
Response ExportUnits(Services& s, Request& req) {
    auto q = UnitsQueryFrom(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.roster_exchange.ExportUnits(req.user->actor, *q));
}

}  // namespace handlers

}  // namespace lingyan::http
