#include "exchange/points/rules_sheet.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "core/points/model.hpp"
#include "core/text/cell_text.hpp"
#include "exchange/xlsx/header_sheet.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::points {

namespace {

namespace pts = core::points;

// The columns in the export's order; when adding one, also update ReadRulesSheet below and docs/points.md.
// (Scoped in a struct: the enumerators would otherwise share the namespace with the unity build's
// other files.)
struct RuleCol {
    enum : std::size_t { kCode, kName, kCategory, kPoints, kCap, kApproval, kEvidence, kState, kCount };
};

constexpr xlsx::HeaderSpec kSpecs[RuleCol::kCount] = {
    {"编码", true, 32},  {"名称", true, 100},  {"类别", true, 20},       {"分值", true, 20},
    {"上限", false, 20}, {"需审核", false, 4}, {"佐证材料", false, 200}, {"状态", false, 4}};
constexpr double kWidths[RuleCol::kCount] = {10, 36, 12, 8, 8, 8, 24, 8};

// What counties' own 积分细则 tables call the same columns.
constexpr xlsx::HeaderAlias kAliases[] = {
    {"细则编码", RuleCol::kCode},     {"代码", RuleCol::kCode},
    {"序号编码", RuleCol::kCode},     {"细则名称", RuleCol::kName},
    {"积分事项", RuleCol::kName},     {"事项", RuleCol::kName},
    {"积分项目", RuleCol::kName},     {"分类", RuleCol::kCategory},
    {"积分类别", RuleCol::kCategory}, {"分数", RuleCol::kPoints},
    {"积分", RuleCol::kPoints},       {"积分分值", RuleCol::kPoints},
    {"封顶", RuleCol::kCap},          {"年度上限", RuleCol::kCap},
    {"累计上限", RuleCol::kCap},      {"是否需审核", RuleCol::kApproval},
    {"需要审核", RuleCol::kApproval}, {"佐证", RuleCol::kEvidence},
    {"证明材料", RuleCol::kEvidence}, {"是否启用", RuleCol::kState},
};

constexpr xlsx::HeaderLayout kLayout{kSpecs,        kAliases, RuleCol::kCode, "编码、名称、类别、分值",
                                     kMaxRulesRows, "条细则"};

// 是/否 (and the spellings offices use); nullopt for anything else.
std::optional<bool> YesNo(const std::string& text, std::initializer_list<const char*> yes,
                          std::initializer_list<const char*> no) {
    for (const char* y : yes)
        if (text == y) return true;
    for (const char* n : no)
        if (text == n) return false;
    return std::nullopt;
}

// A row whose cells passed the layout's checks: the rule, or its problems.
void TakeRule(std::uint32_t line, const std::vector<std::string>& cells, const xlsx::RowProblem& problem, bool cells_ok,
              std::map<std::string, std::uint32_t>& first_line, app::RulesSheet& out) {
    bool ok = cells_ok;
    auto bad = [&](std::size_t c, std::string message) {
        problem(c, std::move(message));
        ok = false;
    };
    app::SheetRule r;
    r.line = line;
    r.rule.code = cells[RuleCol::kCode];
    r.rule.name = cells[RuleCol::kName];
    r.rule.category = cells[RuleCol::kCategory];
    r.rule.evidence = cells[RuleCol::kEvidence];
    if (r.rule.code.find_first_of(" \t\r\n") != std::string::npos)
        bad(RuleCol::kCode, "编码“" + r.rule.code + "”中不能有空格");
    if (auto p = pts::ParsePoints(cells[RuleCol::kPoints]); !p || *p == 0)
        bad(RuleCol::kPoints,
            "分值“" + cells[RuleCol::kPoints] + "”应为不为 0 的数，最多两位小数（扣分写负数，如 -10）");
    else
        r.rule.points = *p;
    if (const std::string& cap = cells[RuleCol::kCap]; !cap.empty()) {
        if (auto p = pts::ParsePoints(cap); !p || *p <= 0)
            bad(RuleCol::kCap, "上限“" + cap + "”应为正数（不封顶请留空）");
        else
            r.rule.cap = *p;
    }
    if (const std::string& a = cells[RuleCol::kApproval]; !a.empty()) {
        if (auto v = YesNo(a, {"是", "需", "需要", "Y", "y", "TRUE"}, {"否", "不需", "不需要", "N", "n", "FALSE"}))
            r.rule.needs_approval = *v;
        else
            bad(RuleCol::kApproval, "需审核“" + a + "”应为 是 或 否");
    }
    if (const std::string& st = cells[RuleCol::kState]; !st.empty()) {
        if (auto v = YesNo(st, {"启用", "是", "在用"}, {"停用", "否"}))
            r.active = *v;
        else
            bad(RuleCol::kState, "状态“" + st + "”应为 启用 或 停用");
    }
    if (!ok) return;
    if (auto [it, fresh] = first_line.emplace(r.rule.code, line); !fresh) {
        problem(RuleCol::kCode, "编码“" + r.rule.code + "”与第 " + std::to_string(it->second) + " 行重复");
        return;
    }
    out.rules.push_back(std::move(r));
}

}  // namespace

std::string RulesXlsx(const std::vector<core::ports::PointsRuleRecord>& rules) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        std::vector<xlsx::Column> columns;
        for (std::size_t i = 0; i < RuleCol::kCount; ++i) columns.push_back({kSpecs[i].header, kWidths[i]});
        columns[RuleCol::kCode].kind = xlsx::ColumnKind::kText;  // "0101" stays text
        const auto sheet = w.AddSheet("积分细则", columns);
        std::uint32_t line = 2;
        for (const auto& r : rules) {
            w.WriteString(sheet, line, RuleCol::kCode, r.rule.code);
            w.WriteString(sheet, line, RuleCol::kName, r.rule.name);
            w.WriteString(sheet, line, RuleCol::kCategory, r.rule.category);
            w.WriteNumber(sheet, line, RuleCol::kPoints, static_cast<double>(r.rule.points) / 100.0);  // hundredths
            if (r.rule.cap) w.WriteNumber(sheet, line, RuleCol::kCap, static_cast<double>(*r.rule.cap) / 100.0);
            w.WriteString(sheet, line, RuleCol::kApproval, r.rule.needs_approval ? "是" : "否");
            w.WriteString(sheet, line, RuleCol::kEvidence, r.rule.evidence);
            w.WriteString(sheet, line, RuleCol::kState, r.active ? "启用" : "停用");
            ++line;
        }
    });
}

core::Result<app::RulesSheet> ReadRulesSheet(std::string_view bytes) {
    try {
        app::RulesSheet out;
        std::map<std::string, std::uint32_t> first_line;
        auto read = xlsx::ReadHeaderedSheet(
            bytes, kLayout, [&](std::uint32_t line, const auto& cells, const auto& problem, bool cells_ok) {
                TakeRule(line, cells, problem, cells_ok, first_line, out);
            });
        out.sheet = std::move(read.sheet);
        out.problems = std::move(read.problems);
        return out;
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

}  // namespace lingyan::exchange::points
