#pragma once
// A fast RFC 4180 CSV reader over text already in memory. No I/O: callers read the file
// (exchange/file_io.hpp) and hand the bytes over. Not thread-safe; one reader per text.

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace lingyan::core::text {

class CsvReader {
public:
    // `text` must outlive the reader. A leading UTF-8 byte-order mark is skipped.
    explicit CsvReader(std::string_view text);

    // Reads the next record into `fields`; returns false at end of text. Fields are views into
    // the text, or into an internal buffer when they were quoted with doubled quotes (valid until
    // the next call). Blank lines are skipped. A trailing '\r' is dropped.
    bool Next(std::vector<std::string_view>& fields);

    // 1-based line number where the last record returned by Next started.
    std::size_t line() const { return record_line_; }

    // Set when a quoted field was not closed before end of text.
    bool malformed() const { return malformed_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    bool malformed_ = false;
    std::deque<std::string> unquoted_;  // deque: growing it keeps earlier views valid
};

// Maps header names to column indexes; returns -1 when absent.
int ColumnIndex(const std::vector<std::string_view>& header, std::string_view name);

// Appends `field` to a CSV line: as it is, or quoted (quotes doubled) when it holds a delimiter,
// a quote or a line break.
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace lingyan::core::text
