#pragma once
// Row errors of an all-or-nothing import or batch write, and the one rule that merges the file's
// own problems with the use case's checks of the other rows, so that an officer sees every bad
// row of a file at once.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lingyan::app {

struct RowError {
    std::string sheet;
    int row = 0;  // the sheet's row number (1-based, as Excel shows it)
    std::string field;
    std::string message;
};

// A problem the reader of a file found on one line (before any rule of the use case ran).
struct SheetProblem {
    std::uint32_t line = 0;  // Excel row number
    std::string column;      // header of the offending column ("" = the row)
    std::string message;
};

// `file_problems` (of sheet `sheet`) followed by `checks`, ordered by row; within one row the file's
// problems come first. Stable: errors of one row keep their order.
std::vector<RowError> MergeRowErrors(const std::string& sheet, const std::vector<SheetProblem>& file_problems,
                                     std::vector<RowError> checks);

// The same for errors that are already RowErrors.
std::vector<RowError> MergeRowErrors(std::vector<RowError> first, std::vector<RowError> checks);

// How many rows (distinct sheet and row) have at least one error: one bad row with five errors
// is one row.
std::size_t CountErrorRows(const std::vector<RowError>& errors);

// "共 18 行有错误（19 处）", or "共 1 行有错误" when each row has one error: rows and errors counted
// apart, the one wording of every all-or-nothing write's failure.
std::string ErrorRowsSummary(const std::vector<RowError>& errors);

}  // namespace lingyan::app
