#include "exchange/points/rules_sheet.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "core/points/model.hpp"
#include "core/text/cell_text.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/text_rows.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::points {

namespace {

namespace pts = core::points;

// The columns in the export's order; when adding one, also update Row below and docs/points.md.
enum class Column { kCode, kName, kCategory, kPoints, kCap, kApproval, kEvidence, kState };
constexpr std::size_t kColumnCount = 8;

struct Spec {
    const char* header;
    bool required;
    std::size_t max_chars;
    double width;
};
constexpr std::array<Spec, kColumnCount> kSpecs{{{"编码", true, 32, 10},
                                                 {"名称", true, 100, 36},
                                                 {"类别", true, 20, 12},
                                                 {"分值", true, 20, 8},
                                                 {"上限", false, 20, 8},
                                                 {"需审核", false, 4, 8},
                                                 {"佐证材料", false, 200, 24},
                                                 {"状态", false, 4, 8}}};

struct Alias {
    const char* header;
    Column column;
};
// What counties' own 积分细则 tables call the same columns.
constexpr Alias kAliases[] = {
    {"细则编码", Column::kCode},     {"代码", Column::kCode},         {"序号编码", Column::kCode},
    {"细则名称", Column::kName},     {"积分事项", Column::kName},     {"事项", Column::kName},
    {"积分项目", Column::kName},     {"分类", Column::kCategory},     {"积分类别", Column::kCategory},
    {"分数", Column::kPoints},       {"积分", Column::kPoints},       {"积分分值", Column::kPoints},
    {"封顶", Column::kCap},          {"年度上限", Column::kCap},      {"累计上限", Column::kCap},
    {"是否需审核", Column::kApproval}, {"需要审核", Column::kApproval}, {"佐证", Column::kEvidence},
    {"证明材料", Column::kEvidence}, {"是否启用", Column::kState},
};

const Spec& SpecOf(Column c) { return kSpecs[static_cast<std::size_t>(c)]; }

std::optional<Column> ColumnOf(std::string_view raw) {
    std::string text = core::text::NormalizeHeader(raw);
    if (!text.empty() && text.front() == '*') text.erase(0, 1);
    for (std::size_t i = 0; i < kColumnCount; ++i)
        if (text == kSpecs[i].header) return static_cast<Column>(i);
    for (const auto& alias : kAliases)
        if (text == alias.header) return alias.column;
    return std::nullopt;
}

// 是/否 (and the spellings offices use); nullopt for anything else.
std::optional<bool> YesNo(const std::string& text, std::initializer_list<const char*> yes,
                          std::initializer_list<const char*> no) {
    for (const char* y : yes)
        if (text == y) return true;
    for (const char* n : no)
        if (text == n) return false;
    return std::nullopt;
}

class Reader {
public:
    explicit Reader(app::RulesSheet& out) : out_(out) { columns_.fill(-1); }

    // False stops the reading: the header is unusable, or the sheet holds too many rules.
    bool Take(std::uint32_t line, const std::vector<std::string>& cells) {
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) return true;
        if (!header_done_) {
            const bool header = std::any_of(cells.begin(), cells.end(),
                                            [](const std::string& c) { return ColumnOf(c) == Column::kCode; });
            if (!header && ++rows_before_header_ < 10) return true;
            header_done_ = true;
            return header && Header(line, cells);
        }
        if (++rows_ > kMaxRulesRows) return false;
        Row(line, cells);
        return true;
    }
    bool header_found() const { return header_done_ && header_ok_; }
    std::size_t rows() const { return rows_; }

private:
    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            const auto column = ColumnOf(cells[c]);
            if (!column) continue;  // a column of the county's own (序号, 备注) is not read
            auto& slot = columns_[static_cast<std::size_t>(*column)];
            if (slot >= 0) {
                out_.problems.push_back(
                    {line, SpecOf(*column).header, std::string("列“") + SpecOf(*column).header + "”出现了两次"});
                return false;
            }
            slot = static_cast<int>(c);
        }
        for (std::size_t i = 0; i < kColumnCount; ++i)
            if (kSpecs[i].required && columns_[i] < 0) {
                out_.problems.push_back({line, kSpecs[i].header,
                                         std::string("缺少列“") + kSpecs[i].header + "”（表头应有 编码、名称、类别、分值）"});
                return false;
            }
        header_ok_ = true;
        return true;
    }

    void Row(std::uint32_t line, const std::vector<std::string>& cells) {
        auto cell = [&](Column c) {
            const int at = columns_[static_cast<std::size_t>(c)];
            return at >= 0 && static_cast<std::size_t>(at) < cells.size() ? cells[static_cast<std::size_t>(at)]
                                                                            : std::string();
        };
        bool ok = true;
        auto problem = [&](Column c, std::string message) {
            out_.problems.push_back({line, SpecOf(c).header, std::move(message)});
            ok = false;
        };
        for (std::size_t i = 0; i < kColumnCount; ++i) {
            const auto c = static_cast<Column>(i);
            const std::string text = cell(c);
            if (kSpecs[i].required && text.empty())
                problem(c, std::string("请填写") + kSpecs[i].header);
            else if (!core::text::IsValidUtf8(text))
                problem(c, std::string(kSpecs[i].header) + "不是有效的文本");
            else if (core::text::Utf8Length(text) > kSpecs[i].max_chars)
                problem(c, std::string(kSpecs[i].header) + "不能超过 " + std::to_string(kSpecs[i].max_chars) + " 个字");
        }
        if (!ok) return;
        app::SheetRule r;
        r.line = line;
        r.rule.code = cell(Column::kCode);
        r.rule.name = cell(Column::kName);
        r.rule.category = cell(Column::kCategory);
        r.rule.evidence = cell(Column::kEvidence);
        if (r.rule.code.find_first_of(" \t\r\n") != std::string::npos)
            problem(Column::kCode, "编码“" + r.rule.code + "”中不能有空格");
        const std::string worth = cell(Column::kPoints);
        if (auto p = pts::ParsePoints(worth); !p || *p == 0)
            problem(Column::kPoints, "分值“" + worth + "”应为不为 0 的数，最多两位小数（扣分写负数，如 -10）");
        else
            r.rule.points = *p;
        if (const std::string cap = cell(Column::kCap); !cap.empty()) {
            if (auto p = pts::ParsePoints(cap); !p || *p <= 0)
                problem(Column::kCap, "上限“" + cap + "”应为正数（不封顶请留空）");
            else
                r.rule.cap = *p;
        }
        if (const std::string a = cell(Column::kApproval); !a.empty()) {
            if (auto v = YesNo(a, {"是", "需", "需要", "Y", "y", "TRUE"}, {"否", "不需", "不需要", "N", "n", "FALSE"}))
                r.rule.needs_approval = *v;
            else
                problem(Column::kApproval, "需审核“" + a + "”应为 是 或 否");
        }
        if (const std::string s = cell(Column::kState); !s.empty()) {
            if (auto v = YesNo(s, {"启用", "是", "在用"}, {"停用", "否"}))
                r.active = *v;
            else
                problem(Column::kState, "状态“" + s + "”应为 启用 或 停用");
        }
        if (!ok) return;
        if (auto [it, fresh] = first_line_.emplace(r.rule.code, line); !fresh) {
            problem(Column::kCode, "编码“" + r.rule.code + "”与第 " + std::to_string(it->second) + " 行重复");
            return;
        }
        out_.rules.push_back(std::move(r));
    }

    app::RulesSheet& out_;
    std::array<int, kColumnCount> columns_{};
    std::map<std::string, std::uint32_t> first_line_;
    bool header_done_ = false;
    bool header_ok_ = false;
    int rows_before_header_ = 0;
    std::size_t rows_ = 0;
};

app::RulesSheet ReadSheet(std::string_view bytes) {
    const auto workbook = xlsx::Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    for (std::size_t idx = 0; idx < sheets.size(); ++idx) {
        if (sheets[idx].hidden) continue;
        app::RulesSheet attempt;
        attempt.sheet = sheets[idx].name;
        Reader reader(attempt);
        // Merged cells are filled: a 类别 merged down its rules reads on each of them.
        xlsx::ForEachTextRow(workbook, idx, [&](std::uint32_t line, const auto& cells) { return reader.Take(line, cells); });
        if (!reader.header_found() && attempt.problems.empty()) continue;
        if (reader.rows() > kMaxRulesRows)
            throw xlsx::XlsxError("工作表超过 " + std::to_string(kMaxRulesRows) + " 条细则（上限），请检查是否选错了文件。");
        return attempt;
    }
    app::RulesSheet out;
    out.sheet = sheets.empty() ? std::string("Sheet1") : sheets.front().name;
    out.problems.push_back({1, "", "没有找到含 编码 表头的工作表（表头应有 编码、名称、类别、分值）"});
    return out;
}

}  // namespace

std::string RulesXlsx(const std::vector<core::ports::PointsRuleRecord>& rules) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        std::vector<xlsx::Column> columns;
        for (const auto& spec : kSpecs) columns.push_back({spec.header, spec.width});
        columns[static_cast<std::size_t>(Column::kCode)].kind = xlsx::ColumnKind::kText;  // "0101" stays text
        const auto sheet = w.AddSheet("积分细则", columns);
        std::uint32_t line = 2;
        for (const auto& r : rules) {
            w.WriteString(sheet, line, 0, r.rule.code);
            w.WriteString(sheet, line, 1, r.rule.name);
            w.WriteString(sheet, line, 2, r.rule.category);
            w.WriteNumber(sheet, line, 3, static_cast<double>(r.rule.points) / 100.0);  // hundredths
            if (r.rule.cap) w.WriteNumber(sheet, line, 4, static_cast<double>(*r.rule.cap) / 100.0);
            w.WriteString(sheet, line, 5, r.rule.needs_approval ? "是" : "否");
            w.WriteString(sheet, line, 6, r.rule.evidence);
            w.WriteString(sheet, line, 7, r.active ? "启用" : "停用");
            ++line;
        }
    });
}

core::Result<app::RulesSheet> ReadRulesSheet(std::string_view bytes) {
    try {
        return ReadSheet(bytes);
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

}  // namespace lingyan::exchange::points
