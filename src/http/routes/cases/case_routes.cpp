// The case library (经验案例库): search and read for officers and secretaries; preview, import,
// edit and delete for officers. The role is refused before a body is parsed. Handlers parse, call
// app::CaseService and map the result; docs/api.md "Case library" is the contract.
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace cases = core::cases;

namespace {

json::array UnitsJson(const std::vector<app::CaseUnit>& units) {
    json::array out;
    for (const auto& u : units) out.push_back(json::object{{"id", u.id}, {"name", u.name}});
    return out;
}

json::object FactsJson(const cases::ArticleFacts& facts) {
    json::array dates, numbers;
    for (const auto& d : facts.dates) dates.push_back(json::object{{"text", d.text}, {"date", d.date}});
    for (const auto& n : facts.numbers) numbers.push_back(json::object{{"text", n.text}, {"context", n.context}});
    return json::object{{"dates", std::move(dates)}, {"numbers", std::move(numbers)}};
}

json::value DateOrNull(const std::string& iso) { return iso.empty() ? json::value(nullptr) : json::value(iso); }

json::array Strings(const std::vector<std::string>& lines) { return json::array(lines.begin(), lines.end()); }

json::object CaseJson(const app::CaseView& v) {
    const auto& a = v.article;
    return json::object{{"id", a.id},
                        {"title", a.title},
                        {"source", a.source},
                        {"published", DateOrNull(a.published)},
                        {"url", a.url},
                        {"paragraphs", Strings(a.paragraphs)},
                        {"units", UnitsJson(v.units)},
                        {"facts", FactsJson(v.facts)},
                        {"created_by", a.created_by},
                        {"created_at", a.created_at},
                        {"can_edit", v.can_edit}};
}

json::object PreviewJson(const app::CasePreview& p) {
    const auto& a = p.article;
    return json::object{{"title", a.title},
                        {"source", a.source},
                        {"published", a.published ? json::value(core::FormatIsoDate(*a.published)) : nullptr},
                        {"paragraphs", Strings(a.paragraphs)},
                        {"dropped", Strings(a.dropped)},
                        {"converted", p.converted},
                        {"pinyin_removed", p.pinyin_removed},
                        {"facts", FactsJson(p.facts)},
                        {"units", UnitsJson(p.units)}};
}

json::object PageJson(const app::CasePage& page) {
    json::array items;
    for (const auto& item : page.items) {
        json::array snippet;
        for (const auto& part : item.snippet) snippet.push_back(json::object{{"text", part.text}, {"hit", part.hit}});
        const auto& a = item.article;
        items.push_back(json::object{{"id", a.id},
                                     {"title", a.title},
                                     {"source", a.source},
                                     {"published", DateOrNull(a.published)},
                                     {"units", UnitsJson(item.units)},
                                     {"snippet", std::move(snippet)}});
    }
    return json::object{{"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"size", page.size}};
}

// The article's text is read apart from the other fields: it may be longer than the text fields'
// general limit (core::cases::kMaxTextBytes, checked by the service).
core::Status ReadArticle(const json::object& o, std::string& text) {
    auto it = o.find("text");
    if (it == o.end() || it->value().is_null()) return core::Ok();
    if (!it->value().is_string()) return core::Invalid("字段 text 应为字符串", "text");
    text = std::string(it->value().as_string());
    return core::Ok();
}

Response RefusedRole() { return ErrorResponse(core::RoleForbidden()); }

}  // namespace

namespace handlers {

// GET /api/v1/cases?q=&unit=&year=&page=&size=
Response ListCases(Services& s, Request& req) {
    const auto& actor = req.user->actor;
    if (!app::CaseService::MayRead(actor)) return RefusedRole();
    app::CaseQuery q;
    q.q = req.Query("q").value_or("");
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return ErrorResponse(unit.error());
    auto year = QueryInt(req.Query("year"), "year", 0, 0, 9999);
    if (!year) return ErrorResponse(year.error());
    auto page = QueryInt(req.Query("page"), "page", 1, 1, kMaxPage);
    if (!page) return ErrorResponse(page.error());
    auto size = QueryInt(req.Query("size"), "size", 20, 1, app::kMaxCasePageSize);
    if (!size) return ErrorResponse(size.error());
    q.unit = *unit;
    q.year = static_cast<int>(*year);
    q.page = static_cast<int>(*page);
    q.size = static_cast<int>(*size);
    return Reply(200, s.cases.Search(actor, q), PageJson);
}

// GET /api/v1/cases/years
Response ListCaseYears(Services& s, Request& req) {
    return Reply(200, s.cases.Years(req.user->actor), [](const std::vector<int>& years) {
        return json::object{{"years", json::array(years.begin(), years.end())}};
    });
}

// GET /api/v1/cases/{id}
Response GetCase(Services& s, Request& req, Id id) { return Reply(200, s.cases.Get(req.user->actor, id), CaseJson); }

// POST /api/v1/cases/preview {"text", "url"?}
Response PreviewCase(Services& s, Request& req) {
    if (!app::CaseService::MayImport(req.user->actor)) return RefusedRole();
    std::string text, url;
    auto o = ReadBody(req.body, {"text"}, Field("url", url));
    if (!o) return ErrorResponse(o.error());
    if (auto st = ReadArticle(*o, text); !st) return ErrorResponse(st.error());
    return Reply(200, s.cases.Preview(req.user->actor, text, url), PreviewJson);
}

// POST /api/v1/cases {"text", "url"?, "title"?, "units"?}
Response CreateCase(Services& s, Request& req) {
    if (!app::CaseService::MayImport(req.user->actor)) return RefusedRole();
    app::CaseInput input;
    auto o =
        ReadBody(req.body, {"text"}, Field("url", input.url), Field("title", input.title), Field("units", input.units));
    if (!o) return ErrorResponse(o.error());
    if (auto st = ReadArticle(*o, input.text); !st) return ErrorResponse(st.error());
    return Reply(201, s.cases.Create(req.user->actor, input), CaseJson);
}

// PATCH /api/v1/cases/{id} {"title"?, "units"?}
Response UpdateCase(Services& s, Request& req, Id id) {
    if (!app::CaseService::MayImport(req.user->actor)) return RefusedRole();
    auto o = ParseObject(req.body, {"title", "units"});
    if (!o) return ErrorResponse(o.error());
    app::CaseChange change;
    auto title = StringField(*o, "title");
    if (!title) return ErrorResponse(title.error());
    change.title = *title;
    if (o->contains("units")) {
        std::vector<std::int64_t> units;
        if (auto st = ReadIntArray(*o, "units", units); !st) return ErrorResponse(st.error());
        change.units = std::move(units);
    }
    return Reply(200, s.cases.Update(req.user->actor, id, change), CaseJson);
}

// DELETE /api/v1/cases/{id}
Response DeleteCase(Services& s, Request& req, Id id) { return NoContent(s.cases.Delete(req.user->actor, id)); }

}  // namespace handlers

}  // namespace lingyan::http
