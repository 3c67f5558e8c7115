#include "exchange/tickets/hotline_xlsx.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/text/cell_text.hpp"
#include "core/text/join.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/xlsx/header_sheet.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

namespace {

using app::HotlineRow;
using app::HotlineSheet;

// The columns; when adding one, also update TakeCall below, the template and docs/hotline-import.md.
// (Scoped in a struct: the enumerators would otherwise share the namespace with the unity build's
// other files.)
struct Field {
    enum : std::size_t {
        kRef,
        kCalledAt,
        kContent,
        kUnit,
        kTitle,
        kAddress,
        kCategory,
        kPriority,
        kDue,
        kRaiser,
        kPhone,
        kCount
    };
};

constexpr xlsx::HeaderSpec kSpecs[Field::kCount] = {
    {"工单编号", true, 40},   {"来电时间", true, 40},   {"诉求内容", true, 5000}, {"所属单位", true, 100},
    {"诉求标题", false, 200}, {"事发地址", false, 200}, {"诉求类别", false, 40},  {"紧急程度", false, 20},
    {"办理时限", false, 40},  {"来电人", false, 100},   {"联系电话", false, 30},
};

// What hotline systems (and offices retyping their exports) call the same columns.
constexpr xlsx::HeaderAlias kAliases[] = {
    {"工单号", Field::kRef},        {"热线工单编号", Field::kRef},  {"受理编号", Field::kRef},
    {"来电日期", Field::kCalledAt}, {"受理时间", Field::kCalledAt}, {"诉求描述", Field::kContent},
    {"反映内容", Field::kContent},  {"来电内容", Field::kContent},  {"承办单位", Field::kUnit},
    {"责任单位", Field::kUnit},     {"所属镇街", Field::kUnit},     {"所属村社区", Field::kUnit},
    {"标题", Field::kTitle},        {"地址", Field::kAddress},      {"诉求地址", Field::kAddress},
    {"问题类别", Field::kCategory}, {"诉求分类", Field::kCategory}, {"紧急度", Field::kPriority},
    {"缓急程度", Field::kPriority}, {"办结时限", Field::kDue},      {"处理时限", Field::kDue},
    {"诉求人", Field::kRaiser},     {"来电人姓名", Field::kRaiser}, {"来电号码", Field::kPhone},
    {"手机号码", Field::kPhone},
};

constexpr xlsx::HeaderLayout kLayout{
    kSpecs, kAliases, Field::kRef, "工单编号、来电时间、诉求内容、所属单位", app::kHotlineMaxRows, "行工单"};

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

// A row whose cells passed the layout's checks: the call, or its problems.
void TakeCall(std::uint32_t line, const std::vector<std::string>& cells, const xlsx::RowProblem& problem, bool cells_ok,
              HotlineSheet& out) {
    bool ok = cells_ok;
    auto bad = [&](std::size_t column, std::string message) {
        problem(column, std::move(message));
        ok = false;
    };
    HotlineRow row;
    row.line = line;
    row.ref = cells[Field::kRef];
    if (row.ref.find_first_of(" \t\r\n") != std::string::npos)
        bad(Field::kRef, "工单编号“" + row.ref + "”中不能有空格");
    if (const std::string& called = cells[Field::kCalledAt]; !called.empty()) {
        if (auto date = roster::ParseDateCell(called)) {
            row.called_at = core::FormatIsoDate(*date);
            if (auto time = TimeOf(called); !time.empty()) row.called_at += " " + time;
        } else {
            bad(Field::kCalledAt, "来电时间“" + called + "”不是日期，应为 2026-03-05 10:22、2026/3/5 或 Excel 日期");
        }
    }
    if (const std::string& due = cells[Field::kDue]; !due.empty() && !ReadDue(due, row))
        bad(Field::kDue, "办理时限“" + due + "”应为日期（如 2026-03-12）或工作日数（1 到 250，如 5 或 5个工作日）");
    row.content = cells[Field::kContent];
    row.title = cells[Field::kTitle];
    row.unit = cells[Field::kUnit];
    row.address = cells[Field::kAddress];
    row.category = cells[Field::kCategory];
    row.priority = cells[Field::kPriority];
    row.raiser = core::text::NormalizeName(cells[Field::kRaiser]);
    row.phone = cells[Field::kPhone];
    if (ok) out.rows.push_back(std::move(row));
}

}  // namespace

core::Result<HotlineSheet> ReadHotlineSheet(std::string_view bytes) {
    try {
        HotlineSheet out;
        auto read = xlsx::ReadHeaderedSheet(
            bytes, kLayout, [&](std::uint32_t line, const auto& cells, const auto& problem, bool cells_ok) {
                TakeCall(line, cells, problem, cells_ok, out);
            });
        out.sheet = std::move(read.sheet);
        out.problems = std::move(read.problems);
        out.data_rows = read.data_rows;
        if (!read.found) return out;
        out.notes.push_back("读取了工作表“" + out.sheet + "”");
        if (!read.ignored.empty()) out.notes.push_back("未读取的列：" + core::text::Join(read.ignored));
        return out;
    } catch (const FileError& e) {
        return core::Invalid(e.what(), "file");  // already a whole sentence for the user
    }
}

std::string HotlineTemplate() {
    return xlsx::WriteWorkbookBytes([](xlsx::Writer& writer) {
        std::vector<xlsx::Column> columns;
        for (std::size_t f = 0; f < Field::kCount; ++f) {
            const bool wide = f == Field::kContent || f == Field::kAddress || f == Field::kTitle;
            const bool text = f == Field::kRef || f == Field::kPhone;  // digits kept as typed
            columns.push_back(
                {kSpecs[f].header, wide ? 30.0 : 16.0, text ? xlsx::ColumnKind::kText : xlsx::ColumnKind::kGeneral});
        }
        const auto sheet = writer.AddSheet("12345工单", columns);
        const char* example[Field::kCount] = {"JY2026030500123",
                                              "2026-03-05 10:22",
                                              "小区门口路灯损坏多日，夜间出行不便",
                                              "三水街道",
                                              "路灯损坏",
                                              "三水街道某小区东门",
                                              "基础设施",
                                              "一般",
                                              "5",
                                              "王先生",
                                              "13800000000"};
        for (std::uint32_t c = 0; c < Field::kCount; ++c) writer.WriteString(sheet, 2, c, example[c]);
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
