#pragma once
// The exception the xlsx reader and writer throw when a file cannot be read or written as an
// .xlsx workbook. what() is a user-facing message (the reader's are Chinese only: import reports show
// them as they are).

#include "exchange/common/file_io.hpp"

namespace lingyan::exchange::xlsx {

class XlsxError : public FileError {
public:
    using FileError::FileError;
};

}  // namespace lingyan::exchange::xlsx
