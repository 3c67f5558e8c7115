#pragma once
// RosterFiles: the roster's file formats as the use cases see them — bytes in, rows out; rows in,
// bytes out. The exchange layer provides them (exchange/roster/roster_files.hpp) and the
// composition root hands them to RosterExchange, so that neither app nor http depends on a file
// format. A reader returns an `invalid` error naming "file" for a file it cannot read at all, and
// otherwise every row it could read with the problems of the others.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/row_errors.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

// One row of a units sheet, as written (labels are checked by the use case).
struct SheetUnit {
    std::uint32_t line = 0;
    std::string code, name, parent_code, kind, economy;
    std::int64_t population = 0;
    double area_km2 = 0;
};

struct UnitsSheet {
    std::vector<SheetUnit> units;
    std::vector<SheetProblem> problems;
};

struct RosterSheet {
    std::vector<RosterImportRow> rows;
    std::vector<RowError> errors;  // the file's own problems, by row
};

struct RosterFiles {
    // A roster file (.xlsx or .csv by `filename`).
    std::function<core::Result<RosterSheet>(const std::string& bytes, const std::string& filename)> read_roster;
    std::function<std::string()> roster_template;
    std::function<std::string(const std::vector<PersonView>&)> people_xlsx;
    // A units file (.xlsx or .csv by `filename`).
    std::function<core::Result<UnitsSheet>(std::string_view bytes, std::string_view filename)> read_units;
    // The units template with an example under `parent_code`.
    std::function<std::string(const std::string& parent_code, const std::string& parent_name)> units_template;
    std::function<std::string(const std::vector<UnitView>&)> units_xlsx;
};

}  // namespace lingyan::app
