#pragma once
// RosterFiles: the roster's file formats as the use cases see them — bytes in, rows out; rows in,
// bytes out. The exchange layer provides them (exchange/roster/roster_files.hpp) and the
// composition root hands them to RosterExchange, so that neither app nor http depends on a file
// format. A reader returns an `invalid` error naming "file" for a file it cannot read at all, and
// otherwise every row it could read with the problems of the others.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/row_errors.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

// One row of a units sheet, as written (labels are checked by the use case). An optional field
// is nullopt when its column is absent from the file (the unit keeps its value) and empty, false
// or 0 when the cell is blank (the value is cleared).
struct SheetUnit {
    std::uint32_t line = 0;
    std::string code, name, parent_code, kind;
    std::optional<std::string> economy;
    std::optional<bool> dev_zone, near_highway;
    std::optional<std::int64_t> population;
    std::optional<double> area_km2;
    std::optional<core::roster::UnitIncome> income;  // unit_id 0; both 集体经营性收入 and 收入年度 given
};

struct UnitsSheet {
    std::string sheet;  // the sheet read (or the CSV file's stem), for row errors
    std::vector<SheetUnit> units;
    std::vector<SheetProblem> problems;
    std::vector<std::string> notes;  // the sheet read, the encoding converted (Chinese)
};

struct RosterSheet {
    std::vector<RosterImportRow> rows;
    std::vector<RowError> errors;  // the file's own problems, by row
    RosterImportColumns columns;   // which optional columns the file has
    std::string sheet;
    std::size_t data_rows = 0;       // non-blank rows below the header
    std::vector<std::string> notes;  // the sheet read, the encoding converted, merged cells filled
};

// One row of a people export: a person in one current position (a person without one is one row
// with an empty title).
struct PersonExportRow {
    core::roster::Person person;
    std::string unit_code;
    std::string unit_name;
    std::string title;
    std::string start_date;  // YYYY-MM-DD or empty
};

// One row of a units export, with what the sheet shows beside the unit's own fields.
struct UnitExportRow {
    core::roster::Unit unit;
    std::string parent_code;
    std::string parent_name;
    std::int64_t people = 0;         // people in office in the unit (not the subtree)
    std::int64_t party_members = 0;  // sum of its party organizations' member counts
    std::optional<int> income_year;  // latest collective operating income, if any
    std::int64_t income_yuan = 0;
};

struct RosterFiles {
    // A roster file (.xlsx or .csv by `filename`).
    std::function<core::Result<RosterSheet>(const std::string& bytes, const std::string& filename)> read_roster;
    std::function<std::string()> roster_template;
    // People with the unit codes and 人员编号 an import matches them by; ID numbers masked.
    std::function<std::string(const std::vector<PersonExportRow>&)> people_xlsx;
    // A units file (.xlsx or .csv by `filename`).
    std::function<core::Result<UnitsSheet>(std::string_view bytes, std::string_view filename)> read_units;
    // The units template with an example under `parent_code`.
    std::function<std::string(const std::string& parent_code, const std::string& parent_name)> units_template;
    std::function<std::string(const std::vector<UnitExportRow>&)> units_xlsx;
    // 党组织名册: the organizations as the party-organization list shows them.
    std::function<std::string(const std::vector<PartyOrgView>&)> party_orgs_xlsx;
};

}  // namespace lingyan::app
