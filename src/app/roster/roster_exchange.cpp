#include "app/roster/roster_exchange.hpp"

#include <optional>
#include <set>

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
                                                   const std::string& filename, bool dry_run,
                                                   const std::function<void(std::size_t, std::size_t)>& progress) {
    if (!core::auth::CanImportRoster(actor.role)) return Forbidden("您的角色无权导入名册");
    if (auto st = CheckUpload(bytes, filename); !st) return st.error();
    auto sheet = files_.read_roster(bytes, filename);
    if (!sheet) return sheet.error();
    auto finish = [&](ImportOutcome outcome) {
        outcome.sheet = sheet->sheet;
        outcome.notes = sheet->notes;
        outcome.rows = static_cast<int>(sheet->data_rows);
        outcome.dry_run = dry_run;
        return outcome;
    };
    if (!sheet->errors.empty()) {
        ImportOutcome failed;
        failed.errors = MergeRowErrors(std::move(sheet->errors), roster_.CheckImport(actor, sheet->rows, sheet->columns));
        return finish(std::move(failed));
    }
    auto outcome = roster_.ImportRoster(actor, sheet->rows, RosterImportOptions{sheet->columns, dry_run, progress});
    if (!outcome) return outcome.error();
    return finish(std::move(*outcome));
}

Result<UnitImportOutcome> RosterExchange::ImportUnits(const Actor& actor, const std::string& bytes,
                                                      const std::string& filename, bool dry_run) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (auto st = CheckUpload(bytes, filename); !st) return st.error();
    auto sheet = files_.read_units(bytes, filename);
    if (!sheet) return sheet.error();
    std::vector<RowError> label_errors;
    std::vector<UnitImportRow> rows;
    for (const auto& u : sheet->units) {
        auto kind = core::roster::KindFromLabel(u.kind);
        std::optional<core::roster::Economy> economy;
        if (u.economy) economy = core::roster::EconomyFromLabel(*u.economy);
        const int line = static_cast<int>(u.line);
        if (!kind)
            label_errors.push_back({sheet->sheet, line, "类型",
                                    "未知单位类型 “" + u.kind + "”，应为 省、市、区县、镇街、村、社区、网格 或 企业"});
        if (u.economy && !economy)
            label_errors.push_back({sheet->sheet, line, "经济类型",
                                    "未知经济类型 “" + *u.economy + "”，应为 农业、工业、旅游、综合、城镇 或 无"});
        if (!kind || (u.economy && !economy)) continue;
        rows.push_back({line, u.code, u.name, u.parent_code, *kind, economy, u.dev_zone, u.near_highway, u.population,
                        u.area_km2, u.income});
    }
    // The use case's errors name no sheet; this file's sheet is the one they are about.
    auto name_sheet = [&](UnitImportOutcome outcome) {
        for (auto& e : outcome.errors)
            if (e.sheet.empty()) e.sheet = sheet->sheet;
        outcome.sheet = sheet->sheet;
        outcome.notes = sheet->notes;
        return outcome;
    };
    if (!sheet->problems.empty() || !label_errors.empty()) {
        // The file's own problems and the other rows' problems, reported at once.
        std::vector<RowError> checks = std::move(label_errors);
        if (!rows.empty()) {
            auto more = roster_.ImportUnits(actor, rows, true);
            if (more) checks.insert(checks.end(), more->errors.begin(), more->errors.end());
        }
        UnitImportOutcome failed;
        failed.errors = MergeRowErrors(sheet->sheet, sheet->problems, std::move(checks));
        return name_sheet(std::move(failed));
    }
    auto outcome = roster_.ImportUnits(actor, rows, dry_run);
    if (!outcome) return outcome.error();
    return name_sheet(std::move(*outcome));
}

Result<FileDownload> RosterExchange::RosterTemplate() const {
    return FileDownload{files_.roster_template(), "名册导入模板.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::UnitsTemplate(const Actor& actor) const {
    std::string code, name;
    roster_.WithIndex([&](const RosterIndex& index) {
        // The example parent: the caller's unit, or for the whole deployment its first top unit.
        const auto* u = index.tree().Find(actor.scope_unit_id);
        if (!u)
            for (const auto& top : index.tree().units())
                if (top.parent_id == 0 && !top.code.empty()) {
                    u = &top;
                    break;
                }
        if (u) code = u->code, name = u->name;
    });
    return FileDownload{files_.units_template(code, name), "区划导入模板.xlsx", "export.xlsx"};
}

Result<std::vector<PersonExportRow>> RosterExchange::PeopleExportRows(const Actor& actor,
                                                                      core::roster::PeopleQuery query) const {
    auto all = AllPages<PersonView>(query, [&](const core::roster::PeopleQuery& q) { return roster_.ListPeople(actor, q); });
    if (!all) return all.error();
    std::vector<PersonExportRow> rows;
    rows.reserve(all->size());
    roster_.WithIndex([&](const RosterIndex& index) {
        auto code_of = [&](Id unit) {
            const auto* u = index.tree().Find(unit);
            return u ? u->code : std::string();
        };
        for (const auto& v : *all) {
            bool any = false;
            for (const auto& [pos, unit_name] : v.positions) {
                if (!pos.end_date.empty()) continue;
                rows.push_back({v.person, code_of(pos.unit_id), unit_name, pos.title, pos.start_date});
                any = true;
            }
            if (!any) rows.push_back({v.person, code_of(v.person.unit_id), v.unit_name, "", ""});
        }
    });
    return rows;
}

Result<FileDownload> RosterExchange::ExportPeople(const Actor& actor, core::roster::PeopleQuery query) const {
    auto rows = PeopleExportRows(actor, std::move(query));
    if (!rows) return rows.error();
    return FileDownload{files_.people_xlsx(*rows), "人员名册.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::ExportUnits(const Actor& actor, UnitsQuery query) const {
    auto all = AllPages<UnitView>(query, [&](const UnitsQuery& q) { return roster_.ListUnits(actor, q); });
    if (!all) return all.error();
    std::vector<UnitExportRow> rows;
    rows.reserve(all->size());
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& v : *all) {
            UnitExportRow row;
            row.unit = v.unit;
            if (v.unit.parent_id) {
                if (const auto* parent = index.tree().Find(*v.unit.parent_id)) {
                    row.parent_code = parent->code;
                    row.parent_name = parent->name;
                }
            }
            std::set<Id> in_office;
            for (const auto* pos : index.TeamOf(v.unit.id)) in_office.insert(pos->person_id);
            row.people = static_cast<std::int64_t>(in_office.size());
            for (const auto* org : index.PartyOrgsOf(v.unit.id)) row.party_members += org->active() ? index.MemberCount(org->id) : 0;
            const auto incomes = index.IncomesOf(v.unit.id);
            for (const auto& income : incomes) {
                if (!row.income_year || income.year > *row.income_year) {
                    row.income_year = income.year;
                    row.income_yuan = income.amount_yuan;
                }
            }
            rows.push_back(std::move(row));
        }
    });
    return FileDownload{files_.units_xlsx(rows), "单位列表.xlsx", "export.xlsx"};
}

Result<FileDownload> RosterExchange::ExportPartyOrgs(const Actor& actor, Id unit, bool include_dissolved) const {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.party_orgs_xlsx) return Invalid("未配置导出格式");
    auto orgs = roster_.ListPartyOrgs(actor, unit, include_dissolved);
    if (!orgs) return orgs.error();
    if (auto st = CheckExportSize(static_cast<std::int64_t>(orgs->size()), "党组织", "个"); !st) return st.error();
    return FileDownload{files_.party_orgs_xlsx(*orgs), "党组织名册.xlsx", "party-orgs.xlsx"};
}

}  // namespace lingyan::app
