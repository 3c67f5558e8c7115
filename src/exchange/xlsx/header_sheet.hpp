#pragma once
// A sheet an office fills in, read by its header: the first visible sheet whose header — within its
// first ten rows, the first row naming the key column — names every required column, columns in
// any order, each by its template name or another name offices give it (after
// core::text::NormalizeHeader; a leading * is allowed). Columns it does not know are not read (and
// named). Each data row's cells are checked (required, valid UTF-8, at most `max_chars`) and, when
// they pass, handed to the module's reader, which reports what else is wrong; every problem names
// its row and column. The 积分细则, 导入荣誉 and 12345 hotline imports read their sheets this way.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/row_errors.hpp"

namespace lingyan::exchange::xlsx {

struct HeaderSpec {
    const char* header;  // as the template writes it
    bool required;
    std::size_t max_chars;
};

struct HeaderAlias {
    const char* header;  // another name for the column
    std::size_t column;  // its index in the specs
};

struct HeaderLayout {
    std::span<const HeaderSpec> specs;
    std::span<const HeaderAlias> aliases;
    std::size_t key = 0;         // the column whose header marks the header row
    std::string_view needs;      // "编码、名称、类别、分值": what a header must name, for the messages
    std::size_t max_rows = 0;    // data rows; one more refuses the file
    std::string_view rows_word;  // "条细则": "工作表超过 1000 条细则（上限）…"
};

struct HeaderedSheet {
    bool found = false;                       // a sheet had the header (else one problem on row 1 says so)
    std::string sheet;                        // the tab that was read
    std::vector<app::SheetProblem> problems;  // by row and column
    std::vector<std::string> ignored;         // headers of columns not read
    std::size_t data_rows = 0;                // non-blank rows below the header
};

// A data row: its cells by column index ("" when blank or absent); `problem(column, message)`
// reports a bad cell (a column already reported on this row is not reported twice); `cells_ok` is
// false when a cell failed the layout's checks — the reader still reports what else it finds, so
// that the row's every problem shows at once, but takes nothing from the row.
using RowProblem = std::function<void(std::size_t column, std::string message)>;
using TakeRow = std::function<void(std::uint32_t line, const std::vector<std::string>& cells, const RowProblem& problem,
                                   bool cells_ok)>;

// Reads `bytes` as above, handing each data row to `take`. Throws
// XlsxError for bytes that are no .xlsx and for more than `max_rows` data rows; a workbook without
// such a sheet gives one problem on row 1.
HeaderedSheet ReadHeaderedSheet(std::string_view bytes, const HeaderLayout& layout, const TakeRow& take);

}  // namespace lingyan::exchange::xlsx
