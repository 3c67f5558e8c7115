#include "app/roster/roster_exchange.hpp"

#include "app/common/use_case.hpp"
#include "core/auth/scope.hpp"

namespace lingyan::app {

namespace {

constexpr int kExportPage = 500;

Status CheckUpload(const std::string& bytes, const std::string& filename) {
    if (filename.empty()) return Invalid("缺少文件名（X-Filename）", "X-Filename");
    if (bytes.empty()) return Invalid("上传的文件为空", "file");
    return core::Ok();
}

// Every page of a paged list, in order.
template <typename Item, typename Query, typename List>
Result<std::vector<Item>> AllPages(Query query, List&& list) {
    std::vector<Item> all;
    query.page = 1;
    query.size = kExportPage;
    while (true) {
        auto page = list(query);
        if (!page) return page.error();
        for (auto& item : page->items) all.push_back(std::move(item));
        if (all.size() >= page->total || page->items.empty()) break;
        ++query.page;
    }
    return all;
}

}  // namespace

Result<ImportOutcome> RosterExchange::ImportRoster(const Actor& actor, const std::string& bytes,
                                                   const std::string& filename) {
    if (!core::auth::CanImportRoster(actor.role)) return Forbidden("您的角色无权导入名册");
    if (auto st = CheckUpload(bytes, filename); !st) return st.error();
    auto sheet = files_.read_roster(bytes, filename);
    if (!sheet) return sheet.error();
    if (!sheet->errors.empty()) {
        ImportOutcome failed;
        failed.errors = MergeRowErrors(std::move(sheet->errors), roster_.CheckImport(actor, sheet->rows));
        return failed;
    }
    return roster_.ImportRoster(actor, sheet->rows);
}

Result<UnitImportOutcome> RosterExchange::ImportUnits(const Actor& actor, const std::string& bytes,
                                                      const std::string& filename) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (auto st = CheckUpload(bytes, filename); !st) return st.error();
    auto sheet = files_.read_units(bytes, filename);
    if (!sheet) return sheet.error();
    std::vector<RowError> label_errors;
    std::vector<UnitImportRow> rows;
    for (const auto& u : sheet->units) {
        auto kind = core::roster::KindFromLabel(u.kind);
        auto economy = core::roster::EconomyFromLabel(u.economy);
        const int line = static_cast<int>(u.line);
        if (!kind) label_errors.push_back({"", line, "类型", "未知单位类型 “" + u.kind + "”"});
        if (!economy) label_errors.push_back({"", line, "经济类型", "未知经济类型 “" + u.economy + "”"});
        if (!kind || !economy) continue;
        rows.push_back({line, u.code, u.name, u.parent_code, *kind, *economy, u.population, u.area_km2});
    }
    if (!sheet->problems.empty() || !label_errors.empty()) {
        // The file's own problems and the other rows' problems, reported at once.
        std::vector<RowError> checks = std::move(label_errors);
        if (!rows.empty()) {
            auto more = roster_.ImportUnits(actor, rows, true);
            if (more) checks.insert(checks.end(), more->errors.begin(), more->errors.end());
        }
        UnitImportOutcome failed;
        failed.errors = MergeRowErrors("", sheet->problems, std::move(checks));
        return failed;
    }
    return roster_.ImportUnits(actor, rows);
}

Result<FileDownload> RosterExchange::RosterTemplate() const {
    return FileDownload{files_.roster_template(), "名册导入模板.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::UnitsTemplate(const Actor& actor) const {
    std::string code, name;
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(actor.scope_unit_id)) code = u->code, name = u->name;
    });
    return FileDownload{files_.units_template(code, name), "区划导入模板.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::ExportPeople(const Actor& actor, core::roster::PeopleQuery query) const {
    auto all = AllPages<PersonView>(query, [&](const core::roster::PeopleQuery& q) { return roster_.ListPeople(actor, q); });
    if (!all) return all.error();
    return FileDownload{files_.people_xlsx(*all), "人员名册.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::ExportUnits(const Actor& actor, UnitsQuery query) const {
    auto all = AllPages<UnitView>(query, [&](const UnitsQuery& q) { return roster_.ListUnits(actor, q); });
    if (!all) return all.error();
    return FileDownload{files_.units_xlsx(*all), "单位列表.xlsx", "export.xlsx"};
}

}  // namespace lingyan::app
