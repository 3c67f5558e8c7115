#pragma once
// A one-sheet .xlsx from rows of cell texts (row 0 the header, written as the sheet's columns; blank
// cells left out) — what an officer's spreadsheet program saves. For the import tests.

#include <cstdint>
#include <string>
#include <vector>

#include "exchange/xlsx/writer.hpp"

namespace lingyan::testing {

using SheetRows = std::vector<std::vector<std::string>>;

inline std::string SheetBytes(const SheetRows& rows, const std::string& sheet_name = "Sheet1") {
    namespace xlsx = exchange::xlsx;
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        std::vector<xlsx::Column> header;
        for (const auto& h : rows.front()) header.push_back({h, 12});
        const auto sheet = w.AddSheet(sheet_name, header);
        for (std::size_t r = 1; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                if (!rows[r][c].empty())
                    w.WriteString(sheet, static_cast<std::uint32_t>(r + 1), static_cast<std::uint32_t>(c), rows[r][c]);
    });
}

}  // namespace lingyan::testing
