// The audit log (admin): the entries in order (GET /audit?after=), the audit page's filtered
// newest-first pages (GET /audit?before=) and their workbook, one whole entry and the chain's check.
#include <boost/json.hpp>

#include "http/routes/audit/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;

namespace {

// The audit page's filters ?user=&action=&entity=&entity_id=&from=&to= over `f` (the export reads the same).
core::Status ReadAuditFilters(Request& req, app::AuditFilter& f) {
    auto entity_id = QueryInt(req.Query("entity_id"), "entity_id", 0, 0, INT64_MAX);
    if (!entity_id) return entity_id.error();
    f.entity_id = *entity_id;
    for (auto [name, text] : {std::pair{"user", &f.user}, {"action", &f.action}, {"entity", &f.entity}}) {
        *text = req.Query(name).value_or("");
        if (text->size() > kMaxNameChars) return core::Invalid("筛选词过长", name);
    }
    f.from = req.Query("from").value_or("");
    f.to = req.Query("to").value_or("");
    return core::Ok();
}

// GET /api/v1/audit?before=SEQ&size=&<the filters>&brief=1
Response FindAudit(Services& s, Request& req, std::int64_t before) {
    app::AuditFilter f;
    f.before_seq = before;
    auto size = QueryInt(req.Query("size"), "size", 50, 1, 1000);
    if (!size) return ErrorResponse(size.error());
    f.limit = static_cast<int>(*size);
    if (auto st = ReadAuditFilters(req, f); !st) return ErrorResponse(st.error());
    f.brief = req.Query("brief").value_or("") == "1";
    auto found = s.audit.Find(req.user->actor, f);
    if (!found) return ErrorResponse(found.error());
    json::array items;
    for (std::size_t i = 0; i < found->items.size(); ++i) {
        json::object o = Described(found->items[i]);
        if (f.brief) o["detail_cut"] = found->detail_chars[i] > static_cast<std::int64_t>(app::kAuditBriefChars);
        items.push_back(std::move(o));
    }
    return Json(200, json::object{{"items", std::move(items)}, {"total", found->total}});
}

}  // namespace

namespace handlers {

// GET /api/v1/audit?after=SEQ&size=100 (in order), or ?before=SEQ… (the audit page, newest first)
Response ListAudit(Services& s, Request& req) {
    if (auto ok = s.audit.MayRead(req.user->actor); !ok) return ErrorResponse(ok.error());
    if (auto before = req.Query("before")) {
        auto seq = QueryInt(before, "before", 0, 0, INT64_MAX);
        if (!seq) return ErrorResponse(seq.error());
        return FindAudit(s, req, *seq);
    }
    auto after = QueryInt(req.Query("after"), "after", 0);
    if (!after) return ErrorResponse(after.error());
    auto size = QueryInt(req.Query("size"), "size", 100, 1, 1000);
    if (!size) return ErrorResponse(size.error());
    auto page = s.audit.List(req.user->actor, *after, static_cast<int>(*size));
    if (!page) return ErrorResponse(page.error());
    return Json(200, json::object{{"items", json::value_from(page->items)}, {"total", page->total}});
}

// GET /api/v1/audit.xlsx?<the filters> — the filtered log as a workbook, whole details.
Response ExportAudit(Services& s, Request& req) {
    if (auto ok = s.audit.MayRead(req.user->actor); !ok) return ErrorResponse(ok.error());
    app::AuditFilter f;
    if (auto st = ReadAuditFilters(req, f); !st) return ErrorResponse(st.error());
    return Download(s.audit.ExportXlsx(req.user->actor, f));
}

// GET /api/v1/audit/{seq}: the whole entry, with the hash it follows and whether it is keyed.
Response GetAuditEntry(Services& s, Request& req, Id seq) {
    auto entry = s.audit.Get(req.user->actor, seq);
    if (!entry) return ErrorResponse(entry.error());
    json::object o = Described(*entry);
    o["prev_hash"] = entry->prev_hash;
    o["keyed"] = entry->keyed;
    return Json(200, o);
}

// GET /api/v1/audit/verify: the chain read whole and checked against the key and the anchors.
Response VerifyAudit(Services& s, Request& req) {
    auto report = s.audit.Verify(req.user->actor);
    if (!report) return ErrorResponse(report.error());
    return Json(200, Described(*report));
}

}  // namespace handlers
}  // namespace lingyan::http
