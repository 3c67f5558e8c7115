#include "exchange/xlsx/header_sheet.hpp"

#include <algorithm>
#include <optional>

#include "core/text/cell_text.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/text_rows.hpp"
#include "exchange/xlsx/xlsx_error.hpp"

namespace lingyan::exchange::xlsx {

namespace {

std::optional<std::size_t> ColumnOf(const HeaderLayout& layout, std::string_view raw) {
    std::string text = core::text::NormalizeHeader(raw);
    if (!text.empty() && text.front() == '*') text.erase(0, 1);
    for (std::size_t i = 0; i < layout.specs.size(); ++i)
        if (text == layout.specs[i].header) return i;
    for (const auto& alias : layout.aliases)
        if (text == alias.header) return alias.column;
    return std::nullopt;
}

class Reader {
public:
    Reader(const HeaderLayout& layout, const TakeRow& take, HeaderedSheet& out)
        : layout_(layout), take_(take), out_(out), columns_(layout.specs.size(), -1) {}

    // False stops the reading: the header is unusable, or the sheet holds too many rows.
    bool Take(std::uint32_t line, const std::vector<std::string>& cells) {
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) return true;
        if (!header_done_) {
            const bool header = std::any_of(cells.begin(), cells.end(),
                                            [&](const std::string& c) { return ColumnOf(layout_, c) == layout_.key; });
            if (!header && ++rows_before_header_ < 10) return true;
            header_done_ = true;
            return header && Header(line, cells);
        }
        // One row past the limit stops the reading: the file is refused without reading the rest.
        if (++out_.data_rows > layout_.max_rows) return false;
        Row(line, cells);
        return true;
    }
    bool header_found() const { return header_done_ && header_ok_; }

private:
    std::string Name(std::size_t column) const { return layout_.specs[column].header; }

    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            const auto column = ColumnOf(layout_, cells[c]);
            if (!column) {
                out_.ignored.push_back(cells[c]);
                continue;
            }
            if (columns_[*column] >= 0) {
                out_.problems.push_back({line, Name(*column), "列“" + Name(*column) + "”出现了两次"});
                return false;
            }
            columns_[*column] = static_cast<int>(c);
        }
        for (std::size_t i = 0; i < layout_.specs.size(); ++i)
            if (layout_.specs[i].required && columns_[i] < 0) {
                out_.problems.push_back(
                    {line, Name(i), "缺少列“" + Name(i) + "”（表头应有 " + std::string(layout_.needs) + "）"});
                return false;
            }
        header_ok_ = true;
        return true;
    }

    void Row(std::uint32_t line, const std::vector<std::string>& cells) {
        std::vector<std::string> by_column(layout_.specs.size());
        for (std::size_t i = 0; i < by_column.size(); ++i) {
            const int at = columns_[i];
            if (at >= 0 && static_cast<std::size_t>(at) < cells.size())
                by_column[i] = cells[static_cast<std::size_t>(at)];
        }
        bool ok = true;
        std::vector<bool> reported(by_column.size(), false);
        const RowProblem problem = [&](std::size_t column, std::string message) {
            if (reported[column]) return;
            reported[column] = true;
            out_.problems.push_back({line, Name(column), std::move(message)});
            ok = false;
        };
        for (std::size_t i = 0; i < by_column.size(); ++i) {
            const auto& spec = layout_.specs[i];
            const std::string& text = by_column[i];
            if (spec.required && text.empty())
                problem(i, "请填写" + Name(i));
            else if (!core::text::IsValidUtf8(text))
                problem(i, Name(i) + "不是有效的文本");
            else if (core::text::Utf8Length(text) > spec.max_chars)
                problem(i, Name(i) + "不能超过 " + std::to_string(spec.max_chars) + " 个字");
        }
        take_(line, by_column, problem, ok);
    }

    const HeaderLayout& layout_;
    const TakeRow& take_;
    HeaderedSheet& out_;
    std::vector<int> columns_;
    bool header_done_ = false;
    bool header_ok_ = false;
    int rows_before_header_ = 0;
};

}  // namespace

HeaderedSheet ReadHeaderedSheet(std::string_view bytes, const HeaderLayout& layout, const TakeRow& take) {
    const auto workbook = Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    for (std::size_t idx = 0; idx < sheets.size(); ++idx) {
        if (sheets[idx].hidden) continue;
        HeaderedSheet attempt;
        attempt.sheet = sheets[idx].name;
        Reader reader(layout, take, attempt);
        ForEachTextRow(workbook, idx, [&](std::uint32_t line, const auto& cells) { return reader.Take(line, cells); });
        if (!reader.header_found() && attempt.problems.empty()) continue;
        attempt.found = true;
        if (attempt.data_rows > layout.max_rows)
            throw XlsxError("工作表超过 " + std::to_string(layout.max_rows) + " " + std::string(layout.rows_word) +
                            "（上限），请拆分成几个文件分批导入。");
        return attempt;
    }
    HeaderedSheet out;
    out.sheet = sheets.empty() ? std::string("Sheet1") : sheets.front().name;
    out.problems.push_back({1, "",
                            "没有找到含 " + std::string(layout.specs[layout.key].header) + " 表头的工作表（表头应有 " +
                                std::string(layout.needs) + "）"});
    return out;
}

}  // namespace lingyan::exchange::xlsx
