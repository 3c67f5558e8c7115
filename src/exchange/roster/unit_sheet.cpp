#include "exchange/roster/unit_sheet.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/common/numbers.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/csv.hpp"
#include "exchange/common/text_encoding.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/text_rows.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange {

namespace {

// The columns of the units sheet, the same for the template, the export and the import. When
// adding one, also update UnitField below, the writers and docs/roster-import.md.
enum class UnitField { kCode, kName, kParentCode, kKind, kEconomy, kDevZone, kNearHighway, kPopulation, kArea, kIncome, kIncomeYear };
constexpr std::size_t kFieldCount = 11;

struct FieldSpec {
    UnitField field;
    const char* header;
    bool required;
};
constexpr FieldSpec kFields[kFieldCount] = {
    {UnitField::kCode, "单位编码", true},          {UnitField::kName, "单位名称", true},
    {UnitField::kParentCode, "上级编码", true},    {UnitField::kKind, "类型", true},
    {UnitField::kEconomy, "经济类型", false},      {UnitField::kDevZone, "开发区", false},
    {UnitField::kNearHighway, "临高速", false},    {UnitField::kPopulation, "人口", false},
    {UnitField::kArea, "面积(平方公里)", false},   {UnitField::kIncome, "集体经营性收入(元)", false},
    {UnitField::kIncomeYear, "收入年度", false},
};

struct Alias {
    const char* header;
    UnitField field;
};
constexpr Alias kAliases[] = {
    {"单位代码", UnitField::kCode},   {"区划代码", UnitField::kCode},      {"上级代码", UnitField::kParentCode},
    {"上级区划代码", UnitField::kParentCode}, {"单位类型", UnitField::kKind}, {"面积", UnitField::kArea},
    {"面积(km2)", UnitField::kArea}, {"人口(人)", UnitField::kPopulation}, {"户籍人口", UnitField::kPopulation},
    {"集体经营性收入", UnitField::kIncome}, {"集体经营性收入(万元)", UnitField::kIncome},
    {"是否开发区", UnitField::kDevZone}, {"是否临高速", UnitField::kNearHighway},
};

// Read-only columns of the export (and notes people add): accepted and ignored on import.
constexpr const char* kInformational[] = {"上级单位", "干部人数", "党员人数", "序号", "备注"};

const char* HeaderOf(UnitField field) { return kFields[static_cast<std::size_t>(field)].header; }

// Which field a header names; -1 for an informational column, -2 for an unknown one.
int FieldOf(const std::string& raw) {
    std::string text = core::text::NormalizeHeader(raw);
    if (!text.empty() && text.front() == '*') text.erase(0, 1);
    for (const auto& spec : kFields)
        if (text == spec.header) return static_cast<int>(spec.field);
    for (const auto& alias : kAliases)
        if (text == alias.header) return static_cast<int>(alias.field);
    for (const char* info : kInformational)
        if (text == info) return -1;
    return -2;
}

std::optional<double> Number(std::string text) {
    std::erase(text, ',');  // 3,200 as Excel shows thousands
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !core::InRange(v)) return std::nullopt;
    return v;
}

std::optional<bool> YesNo(const std::string& text) {
    if (text.empty() || text == "否" || text == "FALSE" || text == "0") return false;
    if (text == "是" || text == "TRUE" || text == "1") return true;
    return std::nullopt;
}

// Reads rows given as cell texts into units and problems, the header row first.
class Collector {
public:
    explicit Collector(UnitsSheet& out) : out_(out) {}

    // Is this row the header? (It names 单位编码 and 单位名称 under any accepted spelling.)
    static bool LooksLikeHeader(const std::vector<std::string>& cells) {
        bool code = false, name = false;
        for (const auto& cell : cells) {
            const int field = FieldOf(cell);
            code = code || field == static_cast<int>(UnitField::kCode);
            name = name || field == static_cast<int>(UnitField::kName);
        }
        return code && name;
    }

    // Returns false when the header is unusable (reading stops).
    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        columns_.fill(-1);
        std::string unknown;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            const int field = FieldOf(cells[c]);
            if (field == -2) {
                if (!unknown.empty()) unknown += "、";
                unknown += "“" + cells[c] + "”（" + xlsx::ColumnName(static_cast<std::uint32_t>(c)) + " 列）";
            } else if (field >= 0) {
                if (columns_[static_cast<std::size_t>(field)] >= 0) {
                    out_.problems.push_back({line, HeaderOf(static_cast<UnitField>(field)),
                                             std::string("列“") + HeaderOf(static_cast<UnitField>(field)) + "”出现了两次"});
                    return false;
                }
                columns_[static_cast<std::size_t>(field)] = static_cast<int>(c);
            }
        }
        if (!unknown.empty()) {
            out_.problems.push_back({line, "", "表头中有无法识别的列：" + unknown +
                                                   "。请删除这些列，或改用模板中的列名（单位编码、单位名称、上级编码、类型、"
                                                   "经济类型、开发区、临高速、人口、面积(平方公里)、集体经营性收入(元)、收入年度）"});
        }
        for (const auto& spec : kFields) {
            if (spec.required && columns_[static_cast<std::size_t>(spec.field)] < 0) {
                out_.problems.push_back({line, spec.header, std::string("缺少列 “") + spec.header +
                                                                "”（表头应有 单位编码、单位名称、上级编码、类型，可加 经济类型、"
                                                                "开发区、临高速、人口、面积(平方公里)、集体经营性收入(元)、收入年度）"});
                return false;
            }
        }
        return true;
    }

    void Row(std::uint32_t line, const std::vector<std::string>& cells) {
        auto present = [&](UnitField f) { return columns_[static_cast<std::size_t>(f)] >= 0; };
        auto cell = [&](UnitField f) {
            const int c = columns_[static_cast<std::size_t>(f)];
            return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? cells[static_cast<std::size_t>(c)] : std::string();
        };
        bool ok = true;
        auto problem = [&](UnitField f, std::string message) {
            out_.problems.push_back({line, HeaderOf(f), std::move(message)});
            ok = false;
        };
        SheetUnit u;
        u.line = line;
        u.code = cell(UnitField::kCode);
        u.name = cell(UnitField::kName);
        u.parent_code = cell(UnitField::kParentCode);
        u.kind = cell(UnitField::kKind);
        if (present(UnitField::kEconomy)) u.economy = cell(UnitField::kEconomy);
        for (UnitField f : {UnitField::kDevZone, UnitField::kNearHighway}) {
            if (!present(f)) continue;
            const auto yes = YesNo(cell(f));
            if (!yes) problem(f, std::string(HeaderOf(f)) + "“" + cell(f) + "”无效，应为“是”或“否”");
            (f == UnitField::kDevZone ? u.dev_zone : u.near_highway) = yes.value_or(false);
        }
        if (present(UnitField::kPopulation)) {
            const std::string text = cell(UnitField::kPopulation);
            const auto population = text.empty() ? std::optional<double>(0) : Number(text);
            if (!population || *population != std::floor(*population) || *population > 1e12) {
                problem(UnitField::kPopulation, "人口“" + text + "”不是整数");
            } else {
                u.population = static_cast<std::int64_t>(*population);
            }
        }
        if (present(UnitField::kArea)) {
            const std::string text = cell(UnitField::kArea);
            const auto area = text.empty() ? std::optional<double>(0) : Number(text);
            if (!area) {
                problem(UnitField::kArea, "面积“" + text + "”不是数字");
            } else {
                u.area_km2 = *area;
            }
        }
        const std::string income = cell(UnitField::kIncome), year = cell(UnitField::kIncomeYear);
        if (!income.empty() || !year.empty()) {
            const auto amount = Number(income);
            const auto y = Number(year);
            if (income.empty() || year.empty()) {
                problem(income.empty() ? UnitField::kIncome : UnitField::kIncomeYear,
                        "集体经营性收入(元)和收入年度要一起填写");
            } else if (!amount || *amount < 0 || *amount > 1e15) {
                problem(UnitField::kIncome, "集体经营性收入“" + income + "”不是有效的金额（元）");
            } else if (!y || *y != std::floor(*y) || *y < 1949 || *y > 2100) {
                problem(UnitField::kIncomeYear, "收入年度“" + year + "”应为四位年份，如 2024");
            } else {
                u.income = core::roster::UnitIncome{0, static_cast<int>(*y), std::llround(*amount)};
            }
        }
        if (ok) out_.units.push_back(std::move(u));
    }

private:
    UnitsSheet& out_;
    std::array<int, kFieldCount> columns_{};
};

// Feeds rows into a Collector: blank rows skipped, title rows above the header skipped.
class Feeder {
public:
    explicit Feeder(UnitsSheet& out) : collector_(out) {}

    // Returns false to stop reading.
    bool Take(std::uint32_t line, std::vector<std::string> cells) {
        const bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
        if (blank) return true;
        if (!header_done_) {
            if (!Collector::LooksLikeHeader(cells) && ++rows_before_header_ < 10) return true;
            header_done_ = true;
            header_ok_ = collector_.Header(line, cells);
            return header_ok_;
        }
        collector_.Row(line, cells);
        return true;
    }
    bool header_done() const { return header_done_; }

private:
    Collector collector_;
    bool header_done_ = false;
    bool header_ok_ = false;
    int rows_before_header_ = 0;
};

std::string Stem(std::string_view filename) {
    const std::size_t slash = filename.find_last_of("/\\");
    if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
    if (const std::size_t dot = filename.rfind('.'); dot != std::string_view::npos && dot > 0) filename = filename.substr(0, dot);
    return filename.empty() ? "CSV" : std::string(filename);
}

bool IsCsv(std::string_view filename) {
    std::string lower(filename);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower.ends_with(".csv") || lower.ends_with(".txt");
}

void ReadCsv(std::string_view bytes, std::string_view filename, UnitsSheet& out) {
    out.sheet = Stem(filename);
    const auto decoded = DecodeText(bytes);
    if (!decoded) {
        out.problems.push_back({1, "", UnknownEncodingMessage()});
        return;
    }
    if (decoded->encoding != TextEncoding::kUtf8 && decoded->encoding != TextEncoding::kUtf8Bom)
        out.notes.push_back("文件编码为 " + std::string(EncodingLabel(decoded->encoding)) + "，已转换为 UTF-8 读取");
    Feeder feeder(out);
    core::text::CsvReader reader(decoded->text);
    std::vector<std::string_view> fields;
    while (reader.Next(fields)) {
        std::vector<std::string> cells;
        for (auto f : fields) cells.push_back(core::text::NormalizeCell(f));
        if (!feeder.Take(static_cast<std::uint32_t>(reader.line()), std::move(cells))) break;
    }
    if (reader.malformed())
        out.problems.push_back({static_cast<std::uint32_t>(std::max<std::size_t>(reader.line(), 1)), "",
                                "引号没有闭合：该行起的内容无法解析，请检查双引号"});
    if (!feeder.header_done()) out.problems.push_back({1, "", "表格是空的，或没有含 单位编码、单位名称 的表头行"});
}

// Reads sheet `idx`; false when it has no units header (then `out` is left for the caller to drop).
bool ReadSheet(const xlsx::Workbook& workbook, std::size_t idx, UnitsSheet& out) {
    out.sheet = workbook.sheets()[idx].name;
    Feeder feeder(out);
    xlsx::ForEachTextRow(workbook, idx,
                         [&](std::uint32_t line, const auto& cells) { return feeder.Take(line, cells); });
    return feeder.header_done();
}

void ReadXlsx(std::string_view bytes, UnitsSheet& out) {
    const auto workbook = xlsx::Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    std::vector<std::size_t> order;
    for (std::size_t idx = 0; idx < sheets.size(); ++idx)
        if (!sheets[idx].hidden) order.push_back(idx);
    if (order.empty())
        for (std::size_t idx = 0; idx < sheets.size(); ++idx) order.push_back(idx);
    for (std::size_t idx : order) {
        UnitsSheet attempt;
        if (ReadSheet(workbook, idx, attempt)) {
            out = std::move(attempt);
            out.notes.insert(out.notes.begin(), "读取了工作表“" + out.sheet + "”");
            return;
        }
    }
    out.sheet = sheets[order.front()].name;
    out.problems.push_back({1, "", "没有找到含 单位编码、单位名称 表头的工作表（表头应有 单位编码、单位名称、上级编码、类型）"});
}

}  // namespace

UnitsSheet ReadUnitsSheet(std::string_view bytes, std::string_view filename) {
    UnitsSheet out;
    if (IsCsv(filename)) {
        ReadCsv(bytes, filename, out);
    } else {
        ReadXlsx(bytes, out);
    }
    return out;
}

std::vector<std::string> UnitSheetHeaders() {
    std::vector<std::string> headers;
    for (const auto& spec : kFields) headers.emplace_back(spec.header);
    return headers;
}

std::string WriteUnitsTemplate(const std::string& parent_code, const std::string& parent_name) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& writer) {
        std::vector<xlsx::Column> columns;
        for (const auto& spec : kFields) {
            const bool code = spec.field == UnitField::kCode || spec.field == UnitField::kParentCode;
            columns.push_back({spec.header, code ? 16.0 : (spec.field == UnitField::kName ? 24.0 : 14.0),
                               code ? xlsx::ColumnKind::kText : xlsx::ColumnKind::kGeneral});
        }
        (void)writer.AddSheet("区划表", columns);
        const auto help = writer.AddSheet("说明", {{"填写说明", 100}});
        const std::string lines[] = {
            "每行一个单位；单位编码为 12 位统计用区划代码，不可重复。单位编码、单位名称、上级编码、类型 四列必须有。",
            "上级编码：已有单位的编码（如本级 " + parent_code + " " + parent_name + "），或本表中另一行的编码。",
            "类型：省、市、区县、镇街、村、社区、网格、企业（也可写 县、区、县级市、镇、乡、街道）。",
            "经济类型：农业、工业、旅游、综合、城镇，或 无。开发区、临高速：是 或 否。人口为整数，面积单位为平方公里。",
            "集体经营性收入(元) 与 收入年度 一起填写，记为该单位该年度的收入；不填则不改动已有收入记录。",
            "编码已存在的行更新该单位；表中没有的列保持原值不变，某列有而单元格为空则清空该项（经济类型为无，人口、面积为 0，"
            "开发区、临高速为否）。不能通过导入调整上级。",
            "单位导出的表格可以直接修改后再导入：上级单位、干部人数、党员人数 三列只供查看，导入时不读取。",
            "整表校验通过才会写入；有错误时不写入任何数据，并列出每一行的问题。"};
        std::uint32_t line = 2;
        for (const auto& text : lines) writer.WriteString(help, line++, 0, text);
    });
}

}  // namespace lingyan::exchange
