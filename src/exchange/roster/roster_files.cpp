#include "exchange/roster/roster_files.hpp"

#include <unistd.h>

#include <cstdint>
#include <filesystem>

#include "exchange/common/file_io.hpp"
#include "exchange/roster/party_org_sheet.hpp"
#include "exchange/roster/unit_sheet.hpp"

namespace lingyan::exchange::roster {

namespace {

namespace fs = std::filesystem;

// Writes through a temporary file (the xlsx writer needs a path) and returns the bytes.
template <typename Fn>
std::string WriteToBytes(Fn&& write) {
    fs::path tmp = fs::temp_directory_path() / ("lingyan-export-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(reinterpret_cast<std::uintptr_t>(&write)) + ".xlsx");
    write(tmp.string());
    std::string bytes = ReadFile(tmp.string());
    std::error_code ec;
    fs::remove(tmp, ec);
    return bytes;
}

}  // namespace

std::vector<app::RosterImportRow> ToAppRows(const RosterParse& parsed) {
    std::vector<app::RosterImportRow> rows;
    rows.reserve(parsed.rows.size());
    for (const auto& r : parsed.rows) {
        rows.push_back({parsed.sheet, static_cast<int>(r.row), r.person, r.unit_code, r.title, r.start_date,
                        r.person_key, r.masked_id});
    }
    return rows;
}

std::vector<app::RowError> ToAppErrors(const std::vector<RowError>& errors) {
    std::vector<app::RowError> out;
    for (const auto& e : errors) out.push_back({e.sheet, static_cast<int>(e.row), e.field, e.message});
    return out;
}

app::RosterSheet ToAppSheet(const RosterParse& parsed) {
    app::RosterSheet sheet;
    sheet.rows = ToAppRows(parsed);
    sheet.errors = ToAppErrors(parsed.errors);
    auto has = [&](RosterColumn column) { return parsed.columns[static_cast<std::size_t>(column)]; };
    sheet.columns.party_join_date = has(RosterColumn::kPartyJoinDate);
    sheet.columns.id_number = has(RosterColumn::kIdNumber);
    sheet.columns.phone = has(RosterColumn::kPhone);
    sheet.columns.title = has(RosterColumn::kTitle);
    sheet.columns.start_date = has(RosterColumn::kStartDate);
    sheet.columns.reserve_cadre = has(RosterColumn::kReserveCadre);
    sheet.sheet = parsed.sheet;
    sheet.data_rows = parsed.data_rows;
    sheet.notes = parsed.notes;
    return sheet;
}

app::RosterFiles MakeRosterFiles() {
    app::RosterFiles x;
    x.read_roster = [](const std::string& bytes, const std::string& filename) -> core::Result<app::RosterSheet> {
        try {
            return ToAppSheet(ParseRoster(bytes, filename));
        } catch (const FileError& e) {
            return core::Invalid(e.what(), "file");  // already a whole sentence for the user
        }
    };
    x.roster_template = [] { return WriteToBytes([](const std::string& p) { WriteRosterTemplate(p); }); };
    x.people_xlsx = [](const std::vector<app::PersonExportRow>& rows) {
        return WriteToBytes([&](const std::string& p) { WritePeopleXlsx(p, rows); });
    };
    x.read_units = [](std::string_view bytes, std::string_view filename) -> core::Result<app::UnitsSheet> {
        try {
            return ReadUnitsSheet(bytes, filename);
        } catch (const FileError& e) {
            return core::Invalid(e.what(), "file");
        }
    };
    x.units_template = [](const std::string& parent_code, const std::string& parent_name) {
        return WriteUnitsTemplate(parent_code, parent_name);
    };
    x.units_xlsx = [](const std::vector<app::UnitExportRow>& rows) {
        return WriteToBytes([&](const std::string& p) { WriteUnitsXlsx(p, rows); });
    };
    x.party_orgs_xlsx = PartyOrgsXlsx;
    return x;
}

}  // namespace lingyan::exchange::roster
