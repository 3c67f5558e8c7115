#pragma once
// The rows of a worksheet as an office's form reads them, for the readers that find their columns
// by header (区划单位, the 12345 hotline export, 积分细则): each row's cells as text by column — a blank cell
// "" — cleaned by core::text::NormalizeCell (full-width digits, stray blanks), merged ranges filled
// with their top-left value.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "exchange/xlsx/reader.hpp"

namespace lingyan::exchange::xlsx {

// Calls `take(row number, cells)` for each row with content, top to bottom; `take` returns false to
// stop. Throws XlsxError as Workbook::ForEachRow does.
void ForEachTextRow(const Workbook& book, std::size_t sheet_index,
                    const std::function<bool(std::uint32_t line, const std::vector<std::string>& cells)>& take);

}  // namespace lingyan::exchange::xlsx
