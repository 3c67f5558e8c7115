#include "exchange/evaluation/evaluation_xlsx.hpp"

#include "core/common/numbers.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange {

namespace {

std::string Trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string CellText(const xlsx::Row& row, std::uint32_t column) {
    const auto* cell = row.Find(column);
    return cell ? Trimmed(cell->text) : std::string();
}

std::optional<double> CellNumber(const xlsx::Row& row, std::uint32_t column) {
    const auto* cell = row.Find(column);
    if (!cell) return std::nullopt;
    if (cell->type == xlsx::CellType::kNumber) return cell->number;
    const std::string text = Trimmed(cell->text);
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !core::InRange(v)) return std::nullopt;
    return v;
}

// The code at the end of a template header: "标题 [criterion.key]" → criterion, key.
bool HeaderCode(std::string_view header, std::string& criterion, std::string& key) {
    const auto close = header.rfind(']');
    const auto open = header.rfind('[');
    if (close == std::string_view::npos || open == std::string_view::npos || open > close) return false;
    const std::string_view code = header.substr(open + 1, close - open - 1);
    const auto dot = code.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == code.size()) return false;
    criterion = Trimmed(code.substr(0, dot));
    key = Trimmed(code.substr(dot + 1));
    return !criterion.empty() && !key.empty();
}

int LongColumn(const std::string& header) {
    if (header == "考核对象" || header == "subject") return 0;
    if (header == "指标" || header == "criterion") return 1;
    if (header == "键" || header == "key") return 2;
    if (header == "值" || header == "value") return 3;
    if (header == "评委" || header == "judge") return 4;
    return -1;
}

}  // namespace

FactsSheet ReadFactsWorkbook(std::string_view bytes) {
    const auto workbook = xlsx::Workbook::Open(bytes);
    FactsSheet out;
    if (workbook.sheets().empty()) {
        out.problems.push_back({0, "", "工作簿中没有工作表"});
        return out;
    }
    out.sheet = workbook.sheets().front().name;
    std::vector<std::string> headers;
    std::vector<int> long_columns(5, -1);  // field → column
    std::vector<std::pair<std::string, std::string>> wide;  // column → criterion, key ("" = none)
    bool header_done = false;
    workbook.ForEachRow(0, [&](const xlsx::Row& row) {
        if (!header_done) {
            header_done = true;
            std::uint32_t width = row.cells.empty() ? 0 : row.cells.back().column + 1;
            headers.assign(width, "");
            for (const auto& cell : row.cells) headers[cell.column] = Trimmed(cell.text);
            bool is_long = true;
            for (std::uint32_t c = 0; c < width; ++c) {
                const int field = LongColumn(headers[c]);
                if (field >= 0) long_columns[static_cast<std::size_t>(field)] = static_cast<int>(c);
            }
            for (int f = 0; f < 4; ++f) is_long = is_long && long_columns[static_cast<std::size_t>(f)] >= 0;
            if (is_long) {
                out.layout = "long";
                return true;
            }
            out.layout = "wide";
            if (width == 0 || (headers[0] != "考核对象" && headers[0] != "subject")) {
                out.problems.push_back({row.number, headers.empty() ? "" : headers[0],
                                        "表头应为 考核对象、指标、键、值（长表），或第一列为考核对象的导入模板（宽表）"});
                return false;
            }
            wide.assign(width, {});
            for (std::uint32_t c = 1; c < width; ++c) {
                if (headers[c].empty()) continue;
                if (!HeaderCode(headers[c], wide[c].first, wide[c].second))
                    out.problems.push_back({row.number, headers[c], "表头末尾应有方括号中的指标代码，如 [sales.actual]"});
            }
            return true;
        }
        if (out.layout == "long") {
            auto text = [&](int field) {
                const int c = long_columns[static_cast<std::size_t>(field)];
                return c < 0 ? std::string() : CellText(row, static_cast<std::uint32_t>(c));
            };
            SheetFact f{row.number, text(0), text(1), text(2), text(3), text(4),
                        headers[static_cast<std::size_t>(long_columns[3])]};
            if (f.subject.empty()) {
                out.problems.push_back({row.number, headers[static_cast<std::size_t>(long_columns[0])], "考核对象为空"});
            } else if (f.criterion.empty() || f.key.empty()) {
                out.problems.push_back({row.number, "", "指标和键都不能为空"});
            } else {
                out.facts.push_back(std::move(f));
            }
            return true;
        }
        const std::string subject = CellText(row, 0);
        if (subject.empty()) {
            out.problems.push_back({row.number, headers[0], "考核对象为空"});
            return true;
        }
        for (const auto& cell : row.cells) {
            if (cell.column == 0 || cell.column >= wide.size() || wide[cell.column].first.empty()) continue;
            const std::string value = Trimmed(cell.text);
            if (value.empty()) continue;
            out.facts.push_back(
                {row.number, subject, wide[cell.column].first, wide[cell.column].second, value, "", headers[cell.column]});
        }
        return true;
    });
    if (!header_done) out.problems.push_back({1, "", "工作表是空的"});
    return out;
}

std::string WriteFactsTemplate(const std::vector<std::string>& subjects, const std::vector<FactColumn>& columns,
                               const std::map<std::tuple<std::string, std::string, std::string>, std::string>& values) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& writer) {
        std::vector<xlsx::Column> header{{"考核对象", 30}};
        for (const auto& c : columns) header.push_back({c.title + " [" + c.criterion + "." + c.key + "]", 22});
        const auto sheet = writer.AddSheet("考核数据", header);
        std::uint32_t line = 2;
        for (const auto& subject : subjects) {
            writer.WriteString(sheet, line, 0, subject);
            for (std::size_t i = 0; i < columns.size(); ++i) {
                auto it = values.find({subject, columns[i].criterion, columns[i].key});
                if (it == values.end()) continue;
                double number = 0;
                auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), number);
                const auto column = static_cast<std::uint32_t>(i + 1);
                if (ec == std::errc() && end == it->second.data() + it->second.size()) {
                    writer.WriteNumber(sheet, line, column, number);
                } else {
                    writer.WriteString(sheet, line, column, it->second);
                }
            }
            ++line;
        }
    });
}

MetricsSheet ReadMetricsWorkbook(std::string_view bytes) {
    const auto workbook = xlsx::Workbook::Open(bytes);
    MetricsSheet out;
    if (workbook.sheets().empty()) {
        out.problems.push_back({0, "", "工作簿中没有工作表"});
        return out;
    }
    // Columns by header: 单位编码, 指标, 年份, 年度目标, 1月 … 12月 (单位名称 is for people only).
    int code = -1, metric = -1, year = -1, target = -1;
    std::vector<int> months(12, -1);
    std::vector<std::string> headers;
    bool header_done = false;
    workbook.ForEachRow(0, [&](const xlsx::Row& row) {
        if (!header_done) {
            header_done = true;
            for (const auto& cell : row.cells) {
                const std::string h = Trimmed(cell.text);
                if (headers.size() <= cell.column) headers.resize(cell.column + 1);
                headers[cell.column] = h;
                const int c = static_cast<int>(cell.column);
                if (h == "单位编码") code = c;
                else if (h == "指标") metric = c;
                else if (h == "年份") year = c;
                else if (h == "年度目标") target = c;
                for (int m = 1; m <= 12; ++m)
                    if (h == std::to_string(m) + "月") months[static_cast<std::size_t>(m - 1)] = c;
            }
            if (code < 0 || metric < 0 || year < 0) {
                out.problems.push_back({row.number, "", "表头须有 单位编码、指标、年份 三列（另有 年度目标、1月…12月）"});
                return false;
            }
            return true;
        }
        const std::string unit_code = CellText(row, static_cast<std::uint32_t>(code));
        const std::string name = CellText(row, static_cast<std::uint32_t>(metric));
        const auto y = CellNumber(row, static_cast<std::uint32_t>(year));
        if (unit_code.empty()) {
            out.problems.push_back({row.number, "单位编码", "单位编码为空"});
            return true;
        }
        if (name.empty()) {
            out.problems.push_back({row.number, "指标", "指标名称为空"});
            return true;
        }
        if (!y || *y != std::floor(*y)) {
            out.problems.push_back({row.number, "年份", "年份应为整数"});
            return true;
        }
        auto take = [&](int column, int month) {
            if (column < 0 || !row.Find(static_cast<std::uint32_t>(column))) return;
            const auto v = CellNumber(row, static_cast<std::uint32_t>(column));
            if (!v) {
                out.problems.push_back({row.number, headers[static_cast<std::size_t>(column)],
                                        "“" + CellText(row, static_cast<std::uint32_t>(column)) + "” 不是数字"});
                return;
            }
            out.values.push_back({row.number, unit_code, name, static_cast<int>(*y), month, *v});
        };
        take(target, 0);
        for (int m = 1; m <= 12; ++m) take(months[static_cast<std::size_t>(m - 1)], m);
        return true;
    });
    if (!header_done) out.problems.push_back({1, "", "工作表是空的"});
    return out;
}

std::string WriteMetricsTemplate(const std::vector<MetricTemplateRow>& units, const std::string& metric, int year) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& writer) {
        std::vector<xlsx::Column> header{{"单位编码", 16, xlsx::ColumnKind::kText},
                                         {"单位名称", 20},
                                         {"指标", 16},
                                         {"年份", 8},
                                         {"年度目标", 12}};
        for (int m = 1; m <= 12; ++m) header.push_back({std::to_string(m) + "月", 10});
        const auto sheet = writer.AddSheet("经济指标", header);
        std::uint32_t line = 2;
        for (const auto& u : units) {
            writer.WriteString(sheet, line, 0, u.unit_code);
            writer.WriteString(sheet, line, 1, u.unit_name);
            writer.WriteString(sheet, line, 2, metric);
            writer.WriteNumber(sheet, line, 3, year);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange
