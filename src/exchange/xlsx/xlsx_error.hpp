#pragma once
// The limits of a worksheet, and the exception the xlsx reader and writer throw when a file cannot
// be read or written as an .xlsx workbook. what() is a user-facing message (the reader's are Chinese
// only: import reports show them as they are).

#include <cstdint>

#include "exchange/common/file_io.hpp"

namespace lingyan::exchange::xlsx {

// A worksheet's size as Excel allows it: rows 1..1,048,576, columns A..XFD.
inline constexpr std::uint32_t kMaxRows = 1048576;
inline constexpr std::uint32_t kMaxColumns = 16384;

class XlsxError : public FileError {
public:
    using FileError::FileError;
};

}  // namespace lingyan::exchange::xlsx
