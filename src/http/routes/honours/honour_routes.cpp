// The honours register (荣誉): search within scope with counts per title and level, a person's
// titles, titles entered by hand with their document number, and a published campaign's award
// winners registered as a title. Handlers parse, call app::HonourService and map the result;
// docs/api.md "Honours" is the contract.
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/honours/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace honours = core::honours;

namespace {

json::object HonourJson(const app::HonourView& v) {
    const auto& h = v.honour;
    json::object o = Described(h);
    o["unit"] = v.unit_name;
    o["level_label"] = honours::LevelLabel(h.level);
    o["person_id"] = NullIfZero(h.person_id);
    return o;
}

json::object PageJson(const app::HonourPage& page) {
    json::array items, counts;
    for (const auto& v : page.items) items.push_back(HonourJson(v));
    for (const auto& c : page.counts)
        counts.push_back(json::object{{"title", c.title},
                                      {"level", honours::LevelName(c.level)},
                                      {"level_label", honours::LevelLabel(c.level)},
                                      {"count", c.count},
                                      {"since", c.since}});
    return json::object{{"items", std::move(items)}, {"counts", std::move(counts)}};
}

constexpr const char* kLevelProblem = "级别应为 province、city、county 或 town";

core::Result<honours::Level> LevelOf(const std::string& text) {
    auto level = honours::LevelFromName(text);
    if (!level) return core::Invalid(kLevelProblem, "level");
    return *level;
}

// The filters of the register's search (GET /api/v1/honours and its export).
core::Result<app::HonourQuery> SearchQuery(Request& req) {
    app::HonourQuery q;
    q.q = req.Query("q").value_or("");
    q.title = req.Query("title").value_or("");
    if (auto st = QueryEnum(req.Query("level"), "level", honours::LevelFromName, q.level, kLevelProblem); !st)
        return st.error();
    auto year = QueryInt(req.Query("year"), "year", 0);
    if (!year) return year.error();
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return unit.error();
    q.year = static_cast<int>(*year);
    q.unit = *unit;
    return q;
}

}  // namespace

namespace handlers {

// GET /api/v1/honours?q=&title=&level=&year=&unit=
Response ListHonours(Services& s, Request& req) {
    auto q = SearchQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Reply(200, s.honours.Search(req.user->actor, *q), PageJson);
}

// GET /api/v1/honours.xlsx?<the same filters> — the register as a workbook.
Response ExportHonours(Services& s, Request& req) {
    auto q = SearchQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.honours.RegisterXlsx(req.user->actor, *q));
}

// GET /api/v1/people/{id}/honours
Response ListPersonHonours(Services& s, Request& req, Id id) {
    app::HonourQuery q;
    q.person = id;
    return Reply(200, s.honours.Search(req.user->actor, q), PageJson);
}

// POST /api/v1/honours {"person_id" | "unit_id", "title", "level", "year", "document_no"}
Response CreateHonour(Services& s, Request& req) {
    honours::Honour h;
    std::int64_t year = 0;
    std::string level = "county";
    auto o =
        ReadBody(req.body, {}, Field("person_id", h.person_id), Field("unit_id", h.unit_id), Field("title", h.title),
                 Field("level", level), Field("year", year), Field("document_no", h.document_no));
    if (!o) return ErrorResponse(o.error());
    auto parsed = LevelOf(level);
    if (!parsed) return ErrorResponse(parsed.error());
    h.level = *parsed;
    h.year = static_cast<int>(year);
    return Reply(201, s.honours.Add(req.user->actor, h), HonourJson);
}

// POST /api/v1/honours/from-campaign {"campaign_id", "award", "title"?, "level", "year"}
Response HonoursFromCampaign(Services& s, Request& req) {
    std::int64_t campaign = 0, year = 0;
    std::string award, title, level = "county";
    auto o = ReadBody(req.body, {}, Field("campaign_id", campaign), Field("award", award), Field("title", title),
                      Field("level", level), Field("year", year));
    if (!o) return ErrorResponse(o.error());
    auto parsed = LevelOf(level);
    if (!parsed) return ErrorResponse(parsed.error());
    return Reply(200, s.honours.FromCampaign(req.user->actor, campaign, award, title, *parsed, static_cast<int>(year)),
                 [](int added) {
                     return json::object{{"added", added}};
                 });
}

// GET /api/v1/honours/template.xlsx (officers)
Response DownloadHonoursTemplate(Services& s, Request& req) { return Download(s.honours.Template(req.user->actor)); }

// POST /api/v1/honours/import[?dry_run=1] — the body is the .xlsx
Response ImportHonours(Services& s, Request& req) {
    auto dry_run = DryRun(req);
    if (!dry_run) return ErrorResponse(dry_run.error());
    auto outcome = s.honours.Import(req.user->actor, req.body, *dry_run);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, *dry_run ? "预检未通过" : "导入失败");
    json::array added;
    for (const auto& a : outcome->added)
        added.push_back(json::object{{"row", a.row},
                                     {"holder", a.holder},
                                     {"unit", a.unit},
                                     {"title", a.title},
                                     {"level", core::honours::LevelName(a.level)},
                                     {"level_label", core::honours::LevelLabel(a.level)},
                                     {"year", a.year}});
    return Json(200, json::object{{"dry_run", outcome->dry_run},
                                  {"sheet", outcome->sheet},
                                  {"added", std::move(added)},
                                  {"already", outcome->already}});
}

}  // namespace handlers

}  // namespace lingyan::http
