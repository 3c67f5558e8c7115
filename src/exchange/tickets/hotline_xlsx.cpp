#include "exchange/tickets/hotline_xlsx.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/text/cell_text.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/text_rows.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

namespace {

using app::HotlineRow;
using app::HotlineSheet;

// The columns; when adding one, also update Take below, the template and docs/hotline-import.md.
enum class Field { kRef, kCalledAt, kContent, kUnit, kTitle, kAddress, kCategory, kPriority, kDue, kRaiser, kPhone };
constexpr std::size_t kFieldCount = 11;

struct Spec {
    Field field;
    const char* header;
    bool required;
    std::size_t max_chars;
};
constexpr Spec kSpecs[kFieldCount] = {
    {Field::kRef, "工单编号", true, 40},        {Field::kCalledAt, "来电时间", true, 40},
    {Field::kContent, "诉求内容", true, 5000},  {Field::kUnit, "所属单位", true, 100},
    {Field::kTitle, "诉求标题", false, 200},    {Field::kAddress, "事发地址", false, 200},
    {Field::kCategory, "诉求类别", false, 40},  {Field::kPriority, "紧急程度", false, 20},
    {Field::kDue, "办理时限", false, 40},       {Field::kRaiser, "来电人", false, 100},
    {Field::kPhone, "联系电话", false, 30},
};

struct Alias {
    const char* header;
    Field field;
};
// What hotline systems (and offices retyping their exports) call the same columns.
constexpr Alias kAliases[] = {
    {"工单号", Field::kRef},          {"热线工单编号", Field::kRef},   {"受理编号", Field::kRef},
    {"来电日期", Field::kCalledAt},   {"受理时间", Field::kCalledAt},  {"诉求描述", Field::kContent},
    {"反映内容", Field::kContent},    {"来电内容", Field::kContent},   {"承办单位", Field::kUnit},
    {"责任单位", Field::kUnit},       {"所属镇街", Field::kUnit},      {"所属村社区", Field::kUnit},
    {"标题", Field::kTitle},          {"地址", Field::kAddress},       {"诉求地址", Field::kAddress},
    {"问题类别", Field::kCategory},   {"诉求分类", Field::kCategory},  {"紧急度", Field::kPriority},
    {"缓急程度", Field::kPriority},   {"办结时限", Field::kDue},       {"处理时限", Field::kDue},
    {"诉求人", Field::kRaiser},       {"来电人姓名", Field::kRaiser},  {"来电号码", Field::kPhone},
    {"手机号码", Field::kPhone},
};

const Spec& SpecOf(Field f) { return kSpecs[static_cast<std::size_t>(f)]; }

std::optional<Field> FieldOf(std::string_view raw) {
    std::string text = core::text::NormalizeHeader(raw);
    if (!text.empty() && text.front() == '*') text.erase(0, 1);
    for (const auto& spec : kSpecs)
        if (text == spec.header) return spec.field;
    for (const auto& alias : kAliases)
        if (text == alias.header) return alias.field;
    return std::nullopt;
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "10:22" or "9:05:10" after the date: "HH:MM", else "".
std::string TimeOf(std::string_view text) {
    const auto space = text.find_first_of(" T");
    if (space == std::string_view::npos) return "";
    std::string_view rest = core::text::TrimBlank(text.substr(space + 1));
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || rest.size() < colon + 3) return "";
    const auto hours = rest.substr(0, colon), minutes = rest.substr(colon + 1, 2);
    if (!AllDigits(hours) || !AllDigits(minutes)) return "";
    const int h = std::stoi(std::string(hours)), m = std::stoi(std::string(minutes));
    if (h > 23 || m > 59) return "";
    return std::string(hours.size() == 1 ? "0" : "") + std::string(hours) + ":" + std::string(minutes);
}

// 办理时限: a date, or working days ("5", "5个工作日", "5工作日", "5天").
bool ReadDue(const std::string& text, HotlineRow& row) {
    if (auto date = roster::ParseLooseDate(text)) {
        row.due_date = core::FormatIsoDate(*date);
        return true;
    }
    std::string_view digits = text;
    for (std::string_view unit : {"个工作日", "工作日", "天"})
        if (digits.ends_with(unit)) {
            digits.remove_suffix(unit.size());
            break;
        }
    int days = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || days < 1 || days > 250) return false;
    row.due_days = days;
    return true;
}

class Reader {
public:
    explicit Reader(HotlineSheet& out) : out_(out) { columns_.fill(-1); }

    // Returns false to stop reading (the header is unusable).
    bool Take(std::uint32_t line, const std::vector<std::string>& cells) {
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) return true;
        if (!header_done_) {
            const bool header = std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return FieldOf(c) == Field::kRef; });
            if (!header && ++rows_before_header_ < 10) return true;
            header_done_ = true;
            return header && Header(line, cells);
        }
        // One row past the limit stops the reading: the file is refused without reading the rest.
        if (++out_.data_rows > app::kHotlineMaxRows) return false;
        Row(line, cells);
        return true;
    }
    bool header_found() const { return header_done_ && header_ok_; }

private:
    bool Header(std::uint32_t line, const std::vector<std::string>& cells) {
        std::string ignored;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            const auto field = FieldOf(cells[c]);
            if (!field) {
                ignored += (ignored.empty() ? "" : "、") + cells[c];
                continue;
            }
            auto& slot = columns_[static_cast<std::size_t>(*field)];
            if (slot >= 0) {
                out_.problems.push_back({line, SpecOf(*field).header, std::string("列“") + SpecOf(*field).header + "”出现了两次"});
                return false;
            }
            slot = static_cast<int>(c);
        }
        for (const auto& spec : kSpecs)
            if (spec.required && columns_[static_cast<std::size_t>(spec.field)] < 0) {
                out_.problems.push_back({line, spec.header, std::string("缺少列“") + spec.header +
                                                                "”（表头应有 工单编号、来电时间、诉求内容、所属单位）"});
                return false;
            }
        if (!ignored.empty()) out_.notes.push_back("未读取的列：" + ignored);
        header_ok_ = true;
        return true;
    }

    void Row(std::uint32_t line, const std::vector<std::string>& cells) {
        auto cell = [&](Field f) {
            const int c = columns_[static_cast<std::size_t>(f)];
            return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? cells[static_cast<std::size_t>(c)] : std::string();
        };
        bool ok = true;
        auto problem = [&](Field f, std::string message) {
            out_.problems.push_back({line, SpecOf(f).header, std::move(message)});
            ok = false;
        };
        for (const auto& spec : kSpecs) {
            const std::string text = cell(spec.field);
            if (spec.required && text.empty()) {
                problem(spec.field, std::string("请填写") + spec.header);
            } else if (!core::text::IsValidUtf8(text)) {
                problem(spec.field, std::string(spec.header) + "不是有效的文本");
            } else if (core::text::Utf8Length(text) > spec.max_chars) {
                problem(spec.field, std::string(spec.header) + "不能超过 " + std::to_string(spec.max_chars) + " 个字");
            }
        }
        HotlineRow row;
        row.line = line;
        row.ref = cell(Field::kRef);
        if (!row.ref.empty() && row.ref.find_first_of(" \t\r\n") != std::string::npos)
            problem(Field::kRef, "工单编号“" + row.ref + "”中不能有空格");
        if (const std::string called = cell(Field::kCalledAt); !called.empty()) {
            if (auto date = roster::ParseDateCell(called)) {
                row.called_at = core::FormatIsoDate(*date);
                if (auto time = TimeOf(called); !time.empty()) row.called_at += " " + time;
            } else {
                problem(Field::kCalledAt, "来电时间“" + called + "”不是日期，应为 2026-03-05 10:22、2026/3/5 或 Excel 日期");
            }
        }
        if (const std::string due = cell(Field::kDue); !due.empty() && !ReadDue(due, row))
            problem(Field::kDue, "办理时限“" + due + "”应为日期（如 2026-03-12）或工作日数（1 到 250，如 5 或 5个工作日）");
        row.content = cell(Field::kContent);
        row.title = cell(Field::kTitle);
        row.unit = cell(Field::kUnit);
        row.address = cell(Field::kAddress);
        row.category = cell(Field::kCategory);
        row.priority = cell(Field::kPriority);
        row.raiser = core::text::NormalizeName(cell(Field::kRaiser));
        row.phone = cell(Field::kPhone);
        if (ok) out_.rows.push_back(std::move(row));
    }

    HotlineSheet& out_;
    std::array<int, kFieldCount> columns_{};
    bool header_done_ = false;
    bool header_ok_ = false;
    int rows_before_header_ = 0;
};

}  // namespace

namespace {

HotlineSheet ReadSheet(std::string_view bytes) {
    HotlineSheet out;
    const auto workbook = xlsx::Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    for (std::size_t idx = 0; idx < sheets.size(); ++idx) {
        if (sheets[idx].hidden) continue;
        HotlineSheet attempt;
        attempt.sheet = sheets[idx].name;
        Reader reader(attempt);
        xlsx::ForEachTextRow(workbook, idx, [&](std::uint32_t line, const auto& cells) { return reader.Take(line, cells); });
        if (!reader.header_found() && attempt.problems.empty()) continue;
        if (attempt.data_rows > app::kHotlineMaxRows)
            throw xlsx::XlsxError("工作表超过 " + std::to_string(app::kHotlineMaxRows) + " 行工单（上限），请拆分成几个文件分批导入。");
        attempt.notes.insert(attempt.notes.begin(), "读取了工作表“" + attempt.sheet + "”");
        return attempt;
    }
    out.sheet = sheets.empty() ? std::string("Sheet1") : sheets.front().name;
    out.problems.push_back({1, "", "没有找到含 工单编号 表头的工作表（表头应有 工单编号、来电时间、诉求内容、所属单位）"});
    return out;
}

}  // namespace

core::Result<HotlineSheet> ReadHotlineSheet(std::string_view bytes) {
    try {
        return ReadSheet(bytes);
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

std::string HotlineTemplate() {
    return xlsx::WriteWorkbookBytes([](xlsx::Writer& writer) {
        std::vector<xlsx::Column> columns;
        for (const auto& spec : kSpecs) {
            const bool wide = spec.field == Field::kContent || spec.field == Field::kAddress || spec.field == Field::kTitle;
            columns.push_back({spec.header, wide ? 30.0 : 16.0,
                               spec.field == Field::kRef || spec.field == Field::kPhone ? xlsx::ColumnKind::kText
                                                                                      : xlsx::ColumnKind::kGeneral});
        }
        const auto sheet = writer.AddSheet("12345工单", columns);
        const char* example[kFieldCount] = {"JY2026030500123", "2026-03-05 10:22", "小区门口路灯损坏多日，夜间出行不便",
                                            "三水街道",        "路灯损坏",         "三水街道某小区东门",
                                            "基础设施",        "一般",             "5",
                                            "王先生",          "13800000000"};
        for (std::uint32_t c = 0; c < kFieldCount; ++c) writer.WriteString(sheet, 2, c, example[c]);
        const auto help = writer.AddSheet("说明", {{"填写说明", 100}});
        const char* lines[] = {
            "每行一条 12345 热线工单；工单编号、来电时间、诉求内容、所属单位 四列必须有，其余列可以没有。",
            "工单编号不可重复：已导入过的编号（或本表中重复出现的编号）会被跳过并在结果中列出，不会重复建单。",
            "来电时间：2026-03-05 10:22、2026/3/5 或 Excel 日期。所属单位：您管辖范围内单位的名称或 12 位单位编码。",
            "诉求类别：民生服务、基础设施、环境整治、产业发展、基层治理、其他（不填为其他）。紧急程度：紧急、较急、一般（不填为一般）。",
            "办理时限：热线给出的办结日期（如 2026-03-12），或来电后的工作日数（如 5）；交办时作为默认期限。",
            "诉求标题不填时取诉求内容的前 30 个字。热线系统导出的其他列（坐席、受理渠道等）不读取。",
            "每个文件最多 2000 条、5 MB。先预检：列出将建立的工单、跳过的重复编号和每行的错误；确认后一次写入，有错误时不写入任何数据。"};
        std::uint32_t line = 2;
        for (const char* text : lines) writer.WriteString(help, line++, 0, text);
    });
}

}  // namespace lingyan::exchange::tickets
