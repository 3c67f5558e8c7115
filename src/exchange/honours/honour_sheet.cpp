#include "exchange/honours/honour_sheet.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/text/cell_text.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/text_rows.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::honours {

namespace {

namespace hn = core::honours;

// The columns; when adding one, also update Row below and the template.
enum class Column { kHolder, kIdNumber, kUnit, kTitle, kLevel, kYear, kDocument };
constexpr std::size_t kColumnCount = 7;

struct Spec {
    const char* header;
    bool required;
    std::size_t max_chars;
};
constexpr std::array<Spec, kColumnCount> kSpecs{{{"获得者", false, 50},
                                                 {"身份证号", false, 18},
                                                 {"单位", true, 100},
                                                 {"荣誉称号", true, 50},
                                                 {"级别", true, 10},
                                                 {"年度", true, 10},
                                                 {"文号", true, 100}}};

struct Alias {
    const char* header;
    Column column;
};
constexpr Alias kAliases[] = {
    {"姓名", Column::kHolder},       {"获奖人", Column::kHolder},        {"获得者姓名", Column::kHolder},
    {"公民身份号码", Column::kIdNumber}, {"身份证号码", Column::kIdNumber}, {"所在单位", Column::kUnit},
    {"单位名称", Column::kUnit},     {"称号", Column::kTitle},           {"荣誉", Column::kTitle},
    {"表彰级别", Column::kLevel},    {"层级", Column::kLevel},           {"年份", Column::kYear},
    {"获评年度", Column::kYear},     {"表彰文号", Column::kDocument},    {"发文字号", Column::kDocument},
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

class Reader {
public:
    explicit Reader(app::HonoursSheet& out) : out_(out) { columns_.fill(-1); }

    // False stops the reading: the header is unusable, or the sheet holds too many rows.
    bool Take(std::uint32_t line, const std::vector<std::string>& cells) {
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) return true;
        if (!header_done_) {
            const bool header = std::any_of(cells.begin(), cells.end(),
                                            [](const std::string& c) { return ColumnOf(c) == Column::kTitle; });
            if (!header && ++rows_before_header_ < 10) return true;
            header_done_ = true;
            return header && Header(line, cells);
        }
        if (++rows_ > app::kHonoursMaxRows) return false;
        Row(line, cells);
        return true;
    }
    bool header_found() const { return header_done_ && header_ok_; }
    std::size_t rows() const { return rows_; }

private:
    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto column = cells[c].empty() ? std::nullopt : ColumnOf(cells[c]);
            if (!column) continue;  // 序号, 来源, 备注 … are not read
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
                                         std::string("缺少列“") + kSpecs[i].header +
                                             "”（表头应有 单位、荣誉称号、级别、年度、文号，个人荣誉另有 获得者）"});
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
        app::SheetHonour h;
        h.line = line;
        h.holder = core::text::NormalizeName(cell(Column::kHolder));
        h.id_number = cell(Column::kIdNumber);
        std::transform(h.id_number.begin(), h.id_number.end(), h.id_number.begin(),
                       [](char c) { return c == 'x' ? 'X' : c; });
        h.unit = cell(Column::kUnit);
        h.title = cell(Column::kTitle);
        h.document_no = cell(Column::kDocument);
        const std::string level = cell(Column::kLevel);
        if (auto l = hn::LevelFromName(level))
            h.level = *l;
        else
            problem(Column::kLevel, "级别“" + level + "”应为 省级、市级、区县级 或 镇街级");
        const std::string year = cell(Column::kYear);
        std::string_view digits = year;
        if (digits.ends_with("年")) digits.remove_suffix(std::string_view("年").size());
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), h.year);
        if (ec != std::errc() || end != digits.data() + digits.size() || h.year < 1949 || h.year > 2100)
            problem(Column::kYear, "年度“" + year + "”应为 1949 到 2100 之间的年份，如 2024");
        if (ok) out_.rows.push_back(std::move(h));
    }

    app::HonoursSheet& out_;
    std::array<int, kColumnCount> columns_{};
    bool header_done_ = false;
    bool header_ok_ = false;
    int rows_before_header_ = 0;
    std::size_t rows_ = 0;
};

app::HonoursSheet ReadSheet(std::string_view bytes) {
    const auto workbook = xlsx::Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    for (std::size_t idx = 0; idx < sheets.size(); ++idx) {
        if (sheets[idx].hidden) continue;
        app::HonoursSheet attempt;
        attempt.sheet = sheets[idx].name;
        Reader reader(attempt);
        xlsx::ForEachTextRow(workbook, idx, [&](std::uint32_t line, const auto& cells) { return reader.Take(line, cells); });
        if (!reader.header_found() && attempt.problems.empty()) continue;
        if (reader.rows() > app::kHonoursMaxRows)
            throw xlsx::XlsxError("工作表超过 " + std::to_string(app::kHonoursMaxRows) + " 行（上限），请拆分成几个文件分批导入。");
        return attempt;
    }
    app::HonoursSheet out;
    out.sheet = sheets.empty() ? std::string("Sheet1") : sheets.front().name;
    out.problems.push_back({1, "", "没有找到含 荣誉称号 表头的工作表（表头应有 单位、荣誉称号、级别、年度、文号）"});
    return out;
}

}  // namespace

core::Result<app::HonoursSheet> ReadHonoursSheet(std::string_view bytes) {
    try {
        return ReadSheet(bytes);
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

std::string HonoursTemplate() {
    return xlsx::WriteWorkbookBytes([](xlsx::Writer& w) {
        std::vector<xlsx::Column> columns;
        for (const auto& spec : kSpecs) columns.push_back({spec.header, spec.max_chars > 50 ? 24.0 : 14.0});
        columns[static_cast<std::size_t>(Column::kIdNumber)].kind = xlsx::ColumnKind::kText;
        const auto sheet = w.AddSheet("荣誉", columns);
        const char* example[kColumnCount] = {"王建国", "", "灵湖村", "金牌书记", "区县级", "2023", "吴组〔2023〕12号"};
        for (std::uint32_t c = 0; c < kColumnCount; ++c) w.WriteString(sheet, 2, c, example[c]);
        const auto help = w.AddSheet("说明", {{"填写说明", 100}});
        const char* lines[] = {
            "每行一项荣誉。单位、荣誉称号、级别、年度、文号必须填写；获得者不填（或填单位名称）表示单位获得的荣誉。",
            "单位：您管辖范围内单位的名称或 12 位单位编码；重名的单位请填编码。获得者按姓名在该单位（含下级）的人员中查找，重名时请填身份证号。",
            "级别：省级、市级、区县级、镇街级。年度：如 2023。文号：表彰决定的发文字号，如 吴组〔2023〕12号。",
            "荣誉库导出的表格列名与此相同，可作模板（来源、登记人、登记时间列不读取）；已登记过的同一荣誉不会重复登记。",
            "先预检：列出将登记的荣誉和每行的错误；确认后一次写入，有错误时不写入任何数据。每个文件最多 5000 行、4 MB。"};
        std::uint32_t line = 2;
        for (const char* text : lines) w.WriteString(help, line++, 0, text);
    });
}

}  // namespace lingyan::exchange::honours
