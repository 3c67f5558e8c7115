#include "exchange/honours/honour_sheet.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/text/cell_text.hpp"
#include "exchange/xlsx/header_sheet.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::honours {

namespace {

namespace hn = core::honours;

// The columns; when adding one, also update TakeHonour below and the template. (Scoped in a struct:
// the enumerators would otherwise share the namespace with the unity build's other files.)
struct HonourCol {
    enum : std::size_t { kHolder, kIdNumber, kUnit, kTitle, kLevel, kYear, kDocument, kCount };
};

constexpr xlsx::HeaderSpec kSpecs[HonourCol::kCount] = {
    {"获得者", false, 50}, {"身份证号", false, 18}, {"单位", true, 100}, {"荣誉称号", true, 50},
    {"级别", true, 10},    {"年度", true, 10},      {"文号", true, 100}};

constexpr xlsx::HeaderAlias kAliases[] = {
    {"姓名", HonourCol::kHolder},           {"获奖人", HonourCol::kHolder},       {"获得者姓名", HonourCol::kHolder},
    {"公民身份号码", HonourCol::kIdNumber}, {"身份证号码", HonourCol::kIdNumber}, {"所在单位", HonourCol::kUnit},
    {"单位名称", HonourCol::kUnit},         {"称号", HonourCol::kTitle},          {"荣誉", HonourCol::kTitle},
    {"表彰级别", HonourCol::kLevel},        {"层级", HonourCol::kLevel},          {"年份", HonourCol::kYear},
    {"获评年度", HonourCol::kYear},         {"表彰文号", HonourCol::kDocument},   {"发文字号", HonourCol::kDocument},
};

constexpr xlsx::HeaderLayout kLayout{
    kSpecs, kAliases, HonourCol::kTitle, "单位、荣誉称号、级别、年度、文号，个人荣誉另有 获得者", app::kHonoursMaxRows,
    "行"};

// A row whose cells passed the layout's checks: the honour, or its problems.
void TakeHonour(std::uint32_t line, const std::vector<std::string>& cells, const xlsx::RowProblem& problem,
                bool cells_ok, app::HonoursSheet& out) {
    bool ok = cells_ok;
    app::SheetHonour h;
    h.line = line;
    h.holder = core::text::NormalizeName(cells[HonourCol::kHolder]);
    h.id_number = cells[HonourCol::kIdNumber];
    std::transform(h.id_number.begin(), h.id_number.end(), h.id_number.begin(),
                   [](char c) { return c == 'x' ? 'X' : c; });
    h.unit = cells[HonourCol::kUnit];
    h.title = cells[HonourCol::kTitle];
    h.document_no = cells[HonourCol::kDocument];
    const std::string& level = cells[HonourCol::kLevel];
    if (auto l = hn::LevelFromName(level)) {
        h.level = *l;
    } else {
        problem(HonourCol::kLevel, "级别“" + level + "”应为 省级、市级、区县级 或 镇街级");
        ok = false;
    }
    const std::string& year = cells[HonourCol::kYear];
    std::string_view digits = year;
    if (digits.ends_with("年")) digits.remove_suffix(std::string_view("年").size());
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), h.year);
    if (ec != std::errc() || end != digits.data() + digits.size() || h.year < 1949 || h.year > 2100) {
        problem(HonourCol::kYear, "年度“" + year + "”应为 1949 到 2100 之间的年份，如 2024");
        ok = false;
    }
    if (ok) out.rows.push_back(std::move(h));
}

}  // namespace

core::Result<app::HonoursSheet> ReadHonoursSheet(std::string_view bytes) {
    try {
        app::HonoursSheet out;
        auto read = xlsx::ReadHeaderedSheet(
            bytes, kLayout, [&](std::uint32_t line, const auto& cells, const auto& problem, bool cells_ok) {
                TakeHonour(line, cells, problem, cells_ok, out);
            });
        out.sheet = std::move(read.sheet);
        out.problems = std::move(read.problems);
        return out;
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

std::string HonoursTemplate() {
    return xlsx::WriteWorkbookBytes([](xlsx::Writer& w) {
        std::vector<xlsx::Column> columns;
        for (const auto& spec : kSpecs) columns.push_back({spec.header, spec.max_chars > 50 ? 24.0 : 14.0});
        columns[HonourCol::kIdNumber].kind = xlsx::ColumnKind::kText;
        const auto sheet = w.AddSheet("荣誉", columns);
        const char* example[HonourCol::kCount] = {"王建国", "",     "灵湖村",          "金牌书记",
                                                  "区县级", "2023", "吴组〔2023〕12号"};
        for (std::uint32_t c = 0; c < HonourCol::kCount; ++c) w.WriteString(sheet, 2, c, example[c]);
        const auto help = w.AddSheet("说明", {{"填写说明", 100}});
        const char* lines[] = {
            "每行一项荣誉。单位、荣誉称号、级别、年度、文号必须填写；获得者不填（或填单位名称）表示单位获得的荣誉。",
            "单位：您管辖范围内单位的名称或 12 "
            "位单位编码；重名的单位请填编码。获得者按姓名在该单位（含下级）的人员中查找，重名时请填身份证号。",
            "级别：省级、市级、区县级、镇街级。年度：如 2023。文号：表彰决定的发文字号，如 吴组〔2023〕12号。",
            "荣誉库导出的表格列名与此相同，可作模板（来源、登记人、登记时间列不读取）；已登记过的同一荣誉不会重复登记"
            "。",
            "先预检：列出将登记的荣誉和每行的错误；确认后一次写入，有错误时不写入任何数据。每个文件最多 5000 行、4 "
            "MB。"};
        std::uint32_t line = 2;
        for (const char* text : lines) w.WriteString(help, line++, 0, text);
    });
}

}  // namespace lingyan::exchange::honours
