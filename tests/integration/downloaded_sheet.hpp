#pragma once
// An exported workbook as the export tests read it back: the response must be a 200 attachment whose
// first sheet is `sheet`; its rows (row 0 the header). On a failed expectation the rows are empty.

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "exchange/xlsx/reader.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {

inline std::vector<exchange::xlsx::Row> DownloadedRows(const HttpResult& r, const std::string& sheet) {
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    const auto disposition = r.headers.find("content-disposition");
    EXPECT_TRUE(disposition != r.headers.end() && disposition->second.find("attachment") != std::string::npos);
    auto book = exchange::xlsx::Workbook::Open(r.body);
    EXPECT_EQ(book.FindSheet(sheet), 0);
    return book.ReadRows(0);
}

// A cell's text; "" for a cell the row does not have.
inline std::string CellText(const exchange::xlsx::Row& row, std::uint32_t col) {
    const auto* cell = row.Find(col);
    return cell ? cell->text : std::string();
}

}  // namespace lingyan::testing
