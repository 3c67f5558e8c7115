#include "exchange/xlsx/text_rows.hpp"

#include "core/text/cell_text.hpp"

namespace lingyan::exchange::xlsx {

void ForEachTextRow(const Workbook& book, std::size_t sheet_index,
                    const std::function<bool(std::uint32_t line, const std::vector<std::string>& cells)>& take) {
    std::vector<std::string> cells;
    book.ForEachRow(
        sheet_index,
        [&](const Row& r) {
            cells.clear();
            for (const auto& c : r.cells) {
                if (cells.size() <= c.column) cells.resize(c.column + 1);
                cells[c.column] = core::text::NormalizeCell(c.text);
            }
            return take(r.number, cells);
        },
        {}, ReadOptions{.fill_merged_cells = true});
}

}  // namespace lingyan::exchange::xlsx
