#include <boost/json.hpp>

#include <algorithm>

#include "exchange/unit_sheet.hpp"
#include "exchange/xlsx/xlsx_error.hpp"
#include "http/json_io.hpp"
#include "http/roster_json.hpp"
#include "http/routes.hpp"

namespace lingyan::http {

namespace json = boost::json;

namespace {

Response FileResponse(std::string bytes, const std::string& filename) {
    return XlsxAttachment(std::move(bytes), filename, "export.xlsx");
}

}  // namespace

Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure) {
    json::array rows;
    for (const auto& e : errors)
        rows.push_back(json::object{{"sheet", e.sheet}, {"row", e.row}, {"field", e.field}, {"message", e.message}});
    json::object err{{"code", "invalid"},
                     {"message", failure + "：共 " + std::to_string(errors.size()) + " 行有错误，未写入任何数据"}};
    return JsonResponse(422, json::serialize(json::object{{"error", err}, {"rows", std::move(rows)}}));
}

void RegisterExchangeRoutes(Router& router, Services& s) {
    router.Add(
        "POST", "/api/v1/import/roster", Access::kSession,
        [&s](Request& req) {
            if (!core::auth::CanImportRoster(req.user->actor.role))
                return ErrorResponse(core::Error{core::errc::kForbidden, "您的角色无权导入名册", ""});
            if (!s.exchange.parse) return ErrorResponse(500, "internal", "导入功能未配置");
            std::string filename = req.Header("x-filename");
            bool ok = true;
            filename = PercentDecode(filename, false, &ok);
            if (!ok || filename.empty()) return ErrorResponse(core::Invalid("缺少文件名（X-Filename）", "X-Filename"));
            if (req.body.empty()) return ErrorResponse(core::Invalid("上传的文件为空", "file"));
            std::vector<app::RowError> errors;
            auto rows = s.exchange.parse(req.body, filename, errors);
            if (!rows) return ErrorResponse(rows.error());
            if (!errors.empty()) {
                // Report the file's format errors and the database errors of its other rows at once.
                auto more = s.roster.CheckImport(req.user->actor, *rows);
                errors.insert(errors.end(), more.begin(), more.end());
                std::stable_sort(errors.begin(), errors.end(),
                                 [](const app::RowError& a, const app::RowError& b) { return a.row < b.row; });
                return RowErrorsResponse(errors, "导入失败");
            }
            auto outcome = s.roster.ImportRoster(req.user->actor, *rows);
            if (!outcome) return ErrorResponse(outcome.error());
            if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "导入失败");
            return JsonResponse(200, json::serialize(json::object{{"imported", outcome->imported},
                                                                  {"positions", outcome->positions}}));
        },
        Router::kUploadBodyLimit);

    router.Add(
        "POST", "/api/v1/import/units", Access::kSession,
        [&s](Request& req) {
            bool ok = true;
            const std::string filename = PercentDecode(req.Header("x-filename"), false, &ok);
            if (!ok || filename.empty()) return ErrorResponse(core::Invalid("缺少文件名（X-Filename）", "X-Filename"));
            if (req.body.empty()) return ErrorResponse(core::Invalid("上传的文件为空", "file"));
            exchange::UnitsSheet sheet;
            try {
                sheet = exchange::ReadUnitsSheet(req.body, filename);
            } catch (const exchange::FileError& e) {
                return ErrorResponse(core::Invalid(std::string("不是可读取的 .xlsx 文件：") + e.what(), "file"));
            }
            std::vector<app::RowError> errors;
            for (const auto& p : sheet.problems) errors.push_back({"", static_cast<int>(p.line), p.column, p.message});
            std::vector<app::UnitImportRow> rows;
            for (const auto& u : sheet.units) {
                auto kind = core::roster::KindFromLabel(u.kind);
                auto economy = core::roster::EconomyFromLabel(u.economy);
                if (!kind) errors.push_back({"", static_cast<int>(u.line), "类型", "未知单位类型 “" + u.kind + "”"});
                if (!economy) errors.push_back({"", static_cast<int>(u.line), "经济类型", "未知经济类型 “" + u.economy + "”"});
                if (!kind || !economy) continue;
                rows.push_back({static_cast<int>(u.line), u.code, u.name, u.parent_code, *kind, *economy, u.population,
                                u.area_km2});
            }
            if (!errors.empty()) {
                // The file's own problems and the other rows' problems, reported at once.
                if (!rows.empty()) {
                    auto more = s.roster.ImportUnits(req.user->actor, rows, true);
                    if (more) errors.insert(errors.end(), more->errors.begin(), more->errors.end());
                }
                std::stable_sort(errors.begin(), errors.end(),
                                 [](const app::RowError& a, const app::RowError& b) { return a.row < b.row; });
                return RowErrorsResponse(errors, "导入失败");
            }
            auto outcome = s.roster.ImportUnits(req.user->actor, rows);
            if (!outcome) return ErrorResponse(outcome.error());
            if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "导入失败");
            return JsonResponse(200, json::serialize(json::object{{"created", outcome->created},
                                                                  {"updated", outcome->updated},
                                                                  {"unchanged", outcome->unchanged}}));
        },
        Router::kUploadBodyLimit);

    router.Add("GET", "/api/v1/import/units/template", Access::kSession, [&s](Request& req) {
        std::string code, name;
        s.roster.WithIndex([&](const core::roster::RosterIndex& index) {
            if (const auto* u = index.tree().Find(req.user->actor.scope_unit_id)) code = u->code, name = u->name;
        });
        return FileResponse(exchange::WriteUnitsTemplate(code, name), "区划导入模板.xlsx");
    });

    router.Add("GET", "/api/v1/import/roster/template", Access::kSession, [&s](Request&) {
        if (!s.exchange.template_xlsx) return ErrorResponse(500, "internal", "模板功能未配置");
        return FileResponse(s.exchange.template_xlsx(), "名册导入模板.xlsx");
    });

    router.Add("GET", "/api/v1/export/people", Access::kSession, [&s](Request& req) {
        auto q = PeopleQueryFrom(req);
        if (!q) return ErrorResponse(q.error());
        q->page = 1;
        q->size = 500;
        std::vector<app::PersonView> all;
        while (true) {
            auto page = s.roster.ListPeople(req.user->actor, *q);
            if (!page) return ErrorResponse(page.error());
            for (auto& p : page->items) all.push_back(std::move(p));
            if (all.size() >= page->total || page->items.empty()) break;
            ++q->page;
        }
        return FileResponse(s.exchange.people_xlsx(all), "人员名册.xlsx");
    });

    router.Add("GET", "/api/v1/export/units", Access::kSession, [&s](Request& req) {
        app::UnitsQuery q;
        auto parent = QueryInt(req.Query("parent"), "parent", 0);
        if (!parent) return ErrorResponse(parent.error());
        if (*parent > 0) q.parent = *parent;
        q.q = req.Query("q").value_or("");
        q.size = 500;
        std::vector<app::UnitView> all;
        while (true) {
            auto page = s.roster.ListUnits(req.user->actor, q);
            if (!page) return ErrorResponse(page.error());
            for (auto& u : page->items) all.push_back(std::move(u));
            if (all.size() >= page->total || page->items.empty()) break;
            ++q.page;
        }
        return FileResponse(s.exchange.units_xlsx(all), "单位列表.xlsx");
    });
}

}  // namespace lingyan::http
