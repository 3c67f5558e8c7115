#pragma once
// Parsing a roster file (.xlsx or .csv; docs/roster-import.md) into people with their unit
// code and position, collecting every bad row instead of stopping at the first.
//
// Checks here are the ones a file can answer alone (formats, calendar dates, ID check digits,
// agreement between columns, duplicates inside the file). Whether a unit code exists is the
// app layer's question: it has the database.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/model.hpp"
#include "exchange/roster/roster_format.hpp"

namespace lingyan::exchange::roster {

// One good data row.
struct RosterRow {
    std::uint32_t row = 0;        // sheet row number (xlsx) or line number (csv), 1-based
    core::roster::Person person;  // id and unit_id are 0: the app assigns them. birth_date is
                                  // "YYYY-MM" when the file gave a month only (出生年月 1976.05)
    std::string unit_code;        // 12 digits
    std::string title;            // 职务, may be empty
    std::string start_date;       // 任职日期 YYYY-MM-DD, may be empty (only with a title)
    core::roster::Id person_key = 0;  // 人员编号 from an export: the person to update; 0 = none
    std::string masked_id;            // a masked 身份证号 from an export (only with a person_key)
};

// One problem. `row` is the sheet row (1-based; a problem of the whole file names the header row
// or row 1);
// `field` is the column header (e.g. "出生日期"), empty when the row as a whole is at fault.
struct RowError {
    std::string sheet;
    std::uint32_t row = 0;
    std::string field;
    std::string message;  // Chinese, for the user
};

struct RosterParse {
    std::string sheet;  // the sheet read, or the CSV file's name stem
    std::uint32_t header_row = 0;
    std::size_t data_rows = 0;     // non-blank rows below the header, good or bad
    std::vector<RosterRow> rows;   // good rows, in file order
    std::vector<RowError> errors;  // every problem found, in file order
    // Which columns the file has (by RosterColumn): an absent optional column leaves the stored
    // value unchanged when a row updates a person.
    std::array<bool, kRosterColumnCount> columns{};
    // What the reader did that the user should know (Chinese): the sheet read and the ones
    // skipped, the encoding converted, merged cells filled.
    std::vector<std::string> notes;

    bool ok() const { return errors.empty(); }
};

// Reports progress while parsing: `fraction` of the input done (0..1) and data rows seen.
using ProgressCallback = std::function<void(double fraction, std::size_t rows)>;

// Parses `bytes` as the roster format. The format follows `filename`'s extension (.xlsx/.xlsm
// or .csv/.txt); with any other name, zip content is read as .xlsx and the rest as CSV. CSV text
// is decoded by exchange::DecodeText (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM).
// For .xlsx the sheet 名册 is read if it is visible, else the first visible sheet whose header
// row matches the template; merged cells are filled from their top-left cell. Title rows above
// the header are skipped. Headers match whatever their spacing, line breaks and width; a column
// whose header matches nothing is refused (a few explanatory columns excepted). Every cell is
// normalized (full-width digits and letters, blanks at the ends; spaces inside Chinese names).
//
// Rows with problems are left out of `rows` and described in `errors`: a missing required
// column gives one error naming it and no rows. Throws xlsx::XlsxError (an exchange::FileError)
// when an .xlsx file cannot be read at all (corrupt zip, not a workbook). Thread-safe.
RosterParse ParseRoster(std::string_view bytes, std::string_view filename, const ProgressCallback& progress = {});

}  // namespace lingyan::exchange::roster
