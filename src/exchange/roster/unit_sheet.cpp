#include "exchange/roster/unit_sheet.hpp"

#include <charconv>
#include <cmath>
#include <functional>
#include <optional>

#include "core/common/numbers.hpp"
#include "core/text/csv.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange {

namespace {

constexpr const char* kColumns[] = {"单位编码", "单位名称", "上级编码", "类型", "经济类型", "人口", "面积"};
constexpr int kRequired = 4;  // the first four columns

std::string Trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    // A UTF-8 byte-order mark on the first header cell of a CSV saved by Excel.
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    return std::string(s);
}

std::optional<double> Number(const std::string& text) {
    if (text.empty()) return 0.0;
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !core::InRange(v)) return std::nullopt;
    return v;
}

// Reads rows given as cell texts (row 0 the header) into units and problems.
class Collector {
public:
    UnitsSheet out;

    // Returns false when the header is unusable (reading stops).
    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        columns_.assign(std::size(kColumns), -1);
        for (std::size_t c = 0; c < cells.size(); ++c)
            for (std::size_t k = 0; k < std::size(kColumns); ++k)
                if (cells[c] == kColumns[k]) columns_[k] = static_cast<int>(c);
        for (int k = 0; k < kRequired; ++k) {
            if (columns_[static_cast<std::size_t>(k)] < 0) {
                out.problems.push_back({line, kColumns[k], std::string("缺少列 “") + kColumns[k] +
                                                              "”（表头应为 单位编码、单位名称、上级编码、类型，可加 经济类型、人口、面积）"});
                return false;
            }
        }
        return true;
    }

    void Row(std::uint32_t line, const std::vector<std::string>& cells) {
        auto cell = [&](std::size_t k) {
            const int c = columns_[k];
            return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? cells[static_cast<std::size_t>(c)] : std::string();
        };
        SheetUnit u{line, cell(0), cell(1), cell(2), cell(3), cell(4), 0, 0};
        const auto population = Number(cell(5));
        const auto area = Number(cell(6));
        if (!population || *population != std::floor(*population)) {
            out.problems.push_back({line, "人口", "“" + cell(5) + "” 不是整数"});
            return;
        }
        if (!area) {
            out.problems.push_back({line, "面积", "“" + cell(6) + "” 不是数字"});
            return;
        }
        u.population = static_cast<std::int64_t>(*population);
        u.area_km2 = *area;
        out.units.push_back(std::move(u));
    }

private:
    std::vector<int> columns_;
};

}  // namespace

UnitsSheet ReadUnitsSheet(std::string_view bytes, std::string_view filename) {
    Collector collector;
    const bool csv = filename.size() >= 4 && (filename.substr(filename.size() - 4) == ".csv" ||
                                              filename.substr(filename.size() - 4) == ".CSV");
    bool header_done = false, header_ok = false;
    auto take = [&](std::uint32_t line, std::vector<std::string> cells) {
        bool blank = true;
        for (const auto& c : cells) blank = blank && c.empty();
        if (blank) return true;
        if (!header_done) {
            header_done = true;
            header_ok = collector.Header(line, cells);
            return header_ok;
        }
        collector.Row(line, cells);
        return true;
    };
    if (csv) {
        core::text::CsvReader reader(bytes);
        std::vector<std::string_view> fields;
        while (reader.Next(fields)) {
            std::vector<std::string> cells;
            for (auto f : fields) cells.push_back(Trimmed(f));
            if (!take(static_cast<std::uint32_t>(reader.line()), std::move(cells))) break;
        }
    } else {
        const auto workbook = xlsx::Workbook::Open(bytes);
        if (!workbook.sheets().empty()) {
            workbook.ForEachRow(0, [&](const xlsx::Row& row) {
                std::vector<std::string> cells;
                for (const auto& c : row.cells) {
                    if (cells.size() <= c.column) cells.resize(c.column + 1);
                    cells[c.column] = Trimmed(c.text);
                }
                return take(row.number, std::move(cells));
            });
        }
    }
    if (!header_done) collector.out.problems.push_back({1, "", "表格是空的"});
    return std::move(collector.out);
}

std::string WriteUnitsTemplate(const std::string& parent_code, const std::string& parent_name) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& writer) {
        const auto sheet = writer.AddSheet("区划表", {{"单位编码", 16, xlsx::ColumnKind::kText},
                                                      {"单位名称", 24},
                                                      {"上级编码", 16, xlsx::ColumnKind::kText},
                                                      {"类型", 10},
                                                      {"经济类型", 10},
                                                      {"人口", 10},
                                                      {"面积", 10}});
        (void)sheet;
        const auto help = writer.AddSheet("说明", {{"填写说明", 90}});
        const std::string lines[] = {
            "每行一个单位；单位编码为 12 位统计用区划代码，不可重复。",
            "上级编码：已有单位的编码（如本级 " + parent_code + " " + parent_name + "），或本表中另一行的编码。",
            "类型：省、市、县、区、县级市、镇、乡、街道、村、社区、网格、企业。",
            "经济类型（可空）：农业、工业、旅游、综合、城镇。人口、面积（平方公里）可空。",
            "编码已存在的行会更新该单位的名称、类型、经济类型、人口和面积；不能通过导入调整上级。",
            "整表校验通过才会写入；有错误时不写入任何数据，并列出每一行的问题。"};
        std::uint32_t line = 2;
        for (const auto& text : lines) writer.WriteString(help, line++, 0, text);
    });
}

}  // namespace lingyan::exchange
