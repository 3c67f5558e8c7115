#include "exchange/roster/roster_files.hpp"

#include <unistd.h>

#include <cstdint>
#include <filesystem>

#include "exchange/common/file_io.hpp"
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
    for (const auto& r : parsed.rows)
        rows.push_back({parsed.sheet, static_cast<int>(r.row), r.person, r.unit_code, r.title, r.start_date});
    return rows;
}

std::vector<app::RowError> ToAppErrors(const std::vector<RowError>& errors) {
    std::vector<app::RowError> out;
    for (const auto& e : errors) out.push_back({e.sheet, static_cast<int>(e.row), e.field, e.message});
    return out;
}

std::vector<PersonExportRow> PeopleRows(const std::vector<app::PersonView>& people,
                                                          const core::roster::RosterIndex* index) {
    std::vector<PersonExportRow> rows;
    for (const auto& v : people) {
        auto code_of = [&](core::roster::Id unit) {
            const auto* u = index ? index->tree().Find(unit) : nullptr;
            return u ? u->code : std::string();
        };
        if (v.positions.empty()) {
            rows.push_back({v.person, code_of(v.person.unit_id), v.unit_name, "", ""});
        } else {
            for (const auto& [pos, unit_name] : v.positions)
                if (pos.end_date.empty()) rows.push_back({v.person, code_of(pos.unit_id), unit_name, pos.title, pos.start_date});
            if (rows.empty() || rows.back().person.id != v.person.id)
                rows.push_back({v.person, code_of(v.person.unit_id), v.unit_name, "", ""});
        }
    }
    return rows;
}

app::RosterFiles MakeRosterFiles() {
    app::RosterFiles x;
    x.read_roster = [](const std::string& bytes, const std::string& filename) -> core::Result<app::RosterSheet> {
        try {
            auto parsed = ParseRoster(bytes, filename);
            return app::RosterSheet{ToAppRows(parsed), ToAppErrors(parsed.errors)};
        } catch (const FileError& e) {
            return core::Invalid(std::string("无法读取文件：") + e.what(), "file");
        }
    };
    x.roster_template = [] { return WriteToBytes([](const std::string& p) { WriteRosterTemplate(p); }); };
    // Export rows come from the service's views; unit codes are resolved by the caller-less
    // index lookup inside PeopleRows (codes are part of the views' units).
    x.people_xlsx = [](const std::vector<app::PersonView>& people) {
        auto rows = PeopleRows(people, nullptr);
        return WriteToBytes([&](const std::string& p) { WritePeopleXlsx(p, rows); });
    };
    x.read_units = [](std::string_view bytes, std::string_view filename) -> core::Result<app::UnitsSheet> {
        try {
            return ReadUnitsSheet(bytes, filename);
        } catch (const FileError& e) {
            return core::Invalid(std::string("不是可读取的 .xlsx 文件：") + e.what(), "file");
        }
    };
    x.units_template = [](const std::string& parent_code, const std::string& parent_name) {
        return WriteUnitsTemplate(parent_code, parent_name);
    };
    x.units_xlsx = [](const std::vector<app::UnitView>& units) {
        std::vector<UnitExportRow> rows;
        for (const auto& u : units) rows.push_back({u.unit, "", "", 0, 0, std::nullopt, 0});
        return WriteToBytes([&](const std::string& p) { WriteUnitsXlsx(p, rows); });
    };
    return x;
}

}  // namespace lingyan::exchange::roster
