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

// The name of an upload, from the percent-encoded X-Filename header ("" when absent or malformed).
std::string UploadName(const Request& req) {
    bool ok = true;
    std::string filename = PercentDecode(req.Header("x-filename"), false, &ok);
    return ok ? filename : std::string();
}

}  // namespace

namespace handlers {

// POST /api/v1/import/roster
Response ImportRoster(Services& s, Request& req) {
    auto outcome = s.roster_exchange.ImportRoster(req.user->actor, req.body, UploadName(req));
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "导入失败");
    return Json(200, json::object{{"imported", outcome->imported}, {"positions", outcome->positions}});
}

// POST /api/v1/import/units
Response ImportUnits(Services& s, Request& req) {
    auto outcome = s.roster_exchange.ImportUnits(req.user->actor, req.body, UploadName(req));
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "导入失败");
    return Json(200, json::object{
                         {"created", outcome->created}, {"updated", outcome->updated}, {"unchanged", outcome->unchanged}});
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
