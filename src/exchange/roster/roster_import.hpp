#pragma once
// Parsing a roster file (.xlsx or .csv; docs/roster-import.md) into people with their unit
// code and position, collecting every bad row instead of stopping at the first.
//
// Checks here are the ones a file can answer alone (formats, calendar dates, ID check digits,
// agreement between columns, duplicates inside the file). Whether a unit code exists is the
// app layer's question: it has the database.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::exchange::roster {

// One good data row.
struct RosterRow {
    std::uint32_t row = 0;        // sheet row number (xlsx) or line number (csv), 1-based
    core::roster::Person person;  // id and unit_id are 0: the app assigns them
    std::string unit_code;        // 12 digits
    std::string title;            // 职务, may be empty
    std::string start_date;       // 任职日期 YYYY-MM-DD, may be empty (only with a title)
};

// One problem. `row` is the sheet row (0 when the problem is the whole file, e.g. no data);
// `field` is the column header (e.g. "出生日期"), empty when the row as a whole is at fault.
struct RowError {
    std::string sheet;
    std::uint32_t row = 0;
    std::string field;
    std::string message;  // Chinese, for the user
};

struct RosterParse {
    std::string sheet;  // the sheet read (the first worksheet), or the CSV file's name stem
    std::uint32_t header_row = 0;
    std::vector<RosterRow> rows;   // good rows, in file order
    std::vector<RowError> errors;  // every problem found, in file order

    bool ok() const { return errors.empty(); }
};

// Reports progress while parsing: `fraction` of the input done (0..1) and data rows seen.
using ProgressCallback = std::function<void(double fraction, std::size_t rows)>;

// Parses `bytes` as the roster format. The format follows `filename`'s extension (.xlsx/.xlsm
// or .csv/.txt); with any other name, zip content is read as .xlsx and the rest as CSV. CSV
// must be UTF-8 (a byte-order mark is fine); GB18030/GBK text, as saved by older Excel, is
// converted. For .xlsx the first worksheet is read; title rows above the header are skipped.
//
// Rows with problems are left out of `rows` and described in `errors`: a missing required
// column gives one error naming it and no rows. Throws xlsx::XlsxError (an exchange::FileError)
// when an .xlsx file cannot be read at all (corrupt zip, not a workbook). Thread-safe.
RosterParse ParseRoster(std::string_view bytes, std::string_view filename, const ProgressCallback& progress = {});

}  // namespace lingyan::exchange::roster
