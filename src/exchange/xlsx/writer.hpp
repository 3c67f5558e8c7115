#pragma once
// A generic .xlsx writer over libxlsxwriter: sheets whose first row is a bold, frozen header,
// column widths and default formats, and string/number/boolean/date cells.
//
// Rows are 1-based as Excel shows them; row 1 is the header that AddSheet writes, so data
// starts at row 2. In the default constant-memory mode each sheet's rows must be written in
// ascending order (cells within a row in any order) and strings are stored inline, which keeps
// memory flat for exports of hundreds of thousands of rows. Not thread-safe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/xlsx/xlsx_error.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace lingyan::exchange::xlsx {

enum class ColumnKind : std::uint8_t {
    kGeneral,
    kText,  // formatted "@", so numbers a user types later (ID numbers, codes) stay text
    kDate,  // formatted yyyy-mm-dd
};

struct Column {
    std::string header;
    double width = 12;  // in characters; a Chinese character counts about 2
    ColumnKind kind = ColumnKind::kGeneral;
};

struct WriterOptions {
    // Off: rows may be written in any order and strings go to the shared-string table (what
    // Excel itself writes), at the cost of keeping the whole workbook in memory until Close.
    bool constant_memory = true;
};

class Writer {
public:
    // Creates the workbook at `path` (written on Close). Throws XlsxError.
    explicit Writer(const std::string& path, WriterOptions options = {});
    ~Writer();  // closes if Close was not called, ignoring errors
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Adds a sheet with a bold header row (row 1), frozen below it. Returns its index.
    // Throws XlsxError for a name Excel refuses (empty, > 31 characters, []:*?/\, duplicate).
    std::size_t AddSheet(std::string_view name, const std::vector<Column>& columns);

    void WriteString(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string_view text);
    void WriteNumber(std::size_t sheet, std::uint32_t row, std::uint32_t column, double value);
    void WriteBool(std::size_t sheet, std::uint32_t row, std::uint32_t column, bool value);
    // Writes an ISO "YYYY-MM-DD" as a real date cell shown yyyy-mm-dd. Empty text writes
    // nothing; text that is not a valid date is written as a string. Returns true iff a date
    // cell was written.
    bool WriteDate(std::size_t sheet, std::uint32_t row, std::uint32_t column, std::string_view iso_date);

    // Writes the file. Throws XlsxError (e.g. directory missing, disk full).
    void Close();

private:
    void Check(int error, std::string_view what) const;
    lxw_worksheet* Sheet(std::size_t sheet) const;

    std::string path_;
    lxw_workbook* workbook_ = nullptr;
    std::vector<lxw_worksheet*> sheets_;
    lxw_format* header_format_ = nullptr;
    lxw_format* date_format_ = nullptr;
    lxw_format* text_format_ = nullptr;
    std::string buffer_;  // NUL-terminated copy of the text being written
};

// Builds a workbook with `fill` and returns its bytes (for downloads). libxlsxwriter writes to
// a path only, so this goes through a uniquely named temporary file that is always removed.
// Throws XlsxError.
std::string WriteWorkbookBytes(const std::function<void(Writer&)>& fill, WriterOptions options = {});

}  // namespace lingyan::exchange::xlsx
