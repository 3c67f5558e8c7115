#pragma once
// A generic .xlsx reader: sheet names, shared and inline strings, numbers, booleans, errors,
// and date-formatted numbers (styles.xml number formats, built-in or custom, 1900 and 1904
// systems) returned as ISO dates. Built for large files: the worksheet XML is scanned in place
// and rows are handed to a callback one at a time, so memory is the unzipped sheet plus the
// shared-string table, not a DOM.
//
// A Workbook is not thread-safe; use one per thread. It reads lazily from the bytes given to
// Open, which must outlive it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/xlsx/xlsx_error.hpp"

namespace lingyan::exchange::xlsx {

enum class CellType : std::uint8_t { kString, kNumber, kBoolean, kDate, kError };

struct Cell {
    std::uint32_t column = 0;  // 0-based: A = 0, B = 1, … (from the cell reference, so gaps stay gaps)
    CellType type = CellType::kString;
    double number = 0;  // kNumber value, kDate Excel serial, kBoolean 0/1
    // kString: the text as written (XML entities and _xHHHH_ escapes decoded);
    // kNumber: an integer exactly as the file wrote it ("12", "320482198506155016": Gnumeric and
    // openpyxl write long integers in full), otherwise the shortest form ("3.5", "3.20482198506155e+17"),
    // so a reader can tell from the text whether digits were lost; kDate: "YYYY-MM-DD", or
    // "YYYY-MM-DD HH:MM:SS" when the serial has a time of day; kBoolean: "TRUE"/"FALSE";
    // kError: the error text ("#N/A").
    std::string text;
    // Non-zero when the cell is blank in the file but lies in a merged range: its value was copied
    // from the range's top-left cell, which is in this row (horizontal merges) or the one given.
    std::uint32_t merged_from_row = 0;
};

struct Row {
    std::uint32_t number = 0;  // 1-based row number as Excel shows it
    std::vector<Cell> cells;   // ascending by column; blank cells are absent

    // The cell in `column`, or nullptr when that cell is blank.
    const Cell* Find(std::uint32_t column) const;
};

struct SheetInfo {
    std::string name;  // as shown on the sheet tab
    std::string part;  // zip entry of its XML, e.g. "xl/worksheets/sheet1.xml"
    bool hidden = false;  // state="hidden" or "veryHidden": not shown as a tab
};

struct ReadOptions {
    // Fills every cell of a merged range (<mergeCells>) with the value of its top-left cell, as
    // the user sees it: a 单位代码 merged down H2:H5 reads as four cells. Filled cells say so
    // (Cell::merged_from_row).
    bool fill_merged_cells = false;
    // Rows with content a sheet may have; one more is refused with XlsxError ("请拆分…"). The
    // default bounds every import's work and memory (a roster of a province's county is far below).
    std::size_t max_rows = 250000;
};

// Called while a sheet is read with the bytes of its XML scanned so far and in total.
using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

// "C7" → column 2 (0-based) and row 7; false for anything else (limits: XFD, 1048576).
bool ParseCellReference(std::string_view ref, std::uint32_t& column, std::uint32_t& row);
// 0 → "A", 27 → "AB".
std::string ColumnName(std::uint32_t column);

class Workbook {
public:
    // Opens the package and reads its workbook, relationships, styles and shared strings.
    // Throws XlsxError when `bytes` are not a readable .xlsx (not a zip, an old .xls, no
    // workbook part, a worksheet part missing, malformed XML).
    static Workbook Open(std::string_view bytes);
    // The bytes must outlive the workbook: a temporary string would be gone before the first row
    // is read (found as a test that failed now and then).
    static Workbook Open(std::string&& bytes) = delete;

    Workbook(Workbook&&) noexcept;
    Workbook& operator=(Workbook&&) noexcept;
    ~Workbook();

    // Worksheets in tab order (chart sheets and the like are left out).
    const std::vector<SheetInfo>& sheets() const;
    // Index of the sheet named `name`, or -1.
    int FindSheet(std::string_view name) const;
    bool date1904() const;

    // Calls `on_row` with each row that has at least one non-blank cell, top to bottom. The Row
    // is reused between calls; copy what you keep. Return false from `on_row` to stop early.
    // Throws XlsxError on a corrupt sheet part (rows handed over before that stay handed over).
    void ForEachRow(std::size_t sheet_index, const std::function<bool(const Row&)>& on_row,
                    const ScanProgress& progress = {}, ReadOptions options = {}) const;

    // All non-blank rows of a sheet. Convenient for small sheets; large ones should stream.
    std::vector<Row> ReadRows(std::size_t sheet_index) const;

private:
    struct Impl;
    explicit Workbook(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace lingyan::exchange::xlsx
