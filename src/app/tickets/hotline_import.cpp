// TicketService::ImportHotline: a 12345 hotline export becomes registered tickets (docs/hotline-import.md).
#include <map>
#include <set>

#include "app/roster/roster_service.hpp"
#include "app/tickets/ticket_service.hpp"
#include "core/text/cell_text.hpp"

namespace lingyan::app {

namespace tk = core::tickets;
namespace ports = core::ports;

namespace {

constexpr std::size_t kTitleFromContentChars = 30;

bool EndsWithXlsx(const std::string& filename) {
    std::string lower = filename;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower.ends_with(".xlsx");
}

// The units a row may name: those in the caller's scope, by code and by name (a name two units
// share is ambiguous and must be written as a code).
struct UnitLookup {
    std::map<std::string, Id> by_code;
    std::map<std::string, std::vector<Id>> by_name;
    std::map<Id, std::string> names;
};

// A ticket ready to be written, with what the hotline said about it.
struct PendingCall {
    int row = 0;
    tk::Ticket ticket;
    ports::HotlineCall call;
    HotlineCreated shown;
};

}  // namespace

Status TicketService::CheckHotlineImport(const Actor& actor) const {
    if (!IsManager(actor.role)) return Forbidden("只有管理员、区县和镇街的组织部门账号可以导入 12345 热线工单");
    return core::Ok();
}

Result<HotlineOutcome> TicketService::ImportHotline(const Actor& actor, const std::string& bytes,
                                                    const std::string& filename, bool dry_run) {
    if (auto ok = CheckHotlineImport(actor); !ok) return ok.error();
    if (filename.empty()) return Invalid("缺少文件名（X-Filename）", "X-Filename");
    if (bytes.empty()) return Invalid("上传的文件为空", "file");
    if (!EndsWithXlsx(filename)) return Invalid("请上传 12345 热线导出的 .xlsx 文件", "file");
    if (bytes.size() > kHotlineMaxBytes) return Invalid("文件超过 5 MB，请拆分成几个文件分批导入", "file");
    if (!files_.read_hotline) return Invalid("未配置热线导入格式", "file");
    auto sheet = files_.read_hotline(bytes);
    if (!sheet) return sheet.error();

    HotlineOutcome out;
    out.dry_run = dry_run;
    out.sheet = sheet->sheet;
    out.rows = sheet->data_rows;
    out.notes = sheet->notes;

    UnitLookup units;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& u : index.tree().units()) {
            if (!core::auth::InScope(index.tree(), actor, u.id)) continue;
            units.by_code[u.code] = u.id;
            units.by_name[u.name].push_back(u.id);
            units.names[u.id] = u.name;
        }
    });

    std::vector<RowError> checks;
    std::vector<PendingCall> pending;
    for (const auto& row : sheet->rows) {
        const int line = static_cast<int>(row.line);
        const auto errors_before = checks.size();
        auto error = [&](const std::string& field, std::string message) {
            checks.push_back({sheet->sheet, line, field, std::move(message)});
        };
        Id unit_id = 0;
        if (auto code = units.by_code.find(row.unit); code != units.by_code.end()) {
            unit_id = code->second;
        } else if (auto named = units.by_name.find(row.unit); named != units.by_name.end()) {
            if (named->second.size() == 1)
                unit_id = named->second.front();
            else
                error("所属单位", "您的管辖范围内有 " + std::to_string(named->second.size()) + " 个名为“" + row.unit +
                                      "”的单位，请改填 12 位单位编码");
        } else {
            error("所属单位", "您的管辖范围内没有名称或编码为“" + row.unit + "”的单位");
        }
        const tk::Category* category = row.category.empty() ? tk::FindCategory("other") : tk::FindCategory(row.category);
        if (!category)
            error("诉求类别", "未知的诉求类别“" + row.category + "”，应为 民生服务、基础设施、环境整治、产业发展、基层治理 或 其他");
        auto priority = row.priority.empty() ? std::optional(tk::Priority::kNormal) : tk::PriorityFromName(row.priority);
        if (!priority) error("紧急程度", "未知的紧急程度“" + row.priority + "”，应为 紧急、较急 或 一般");
        const auto called_on = core::ParseIsoDate(std::string_view(row.called_at).substr(0, 10));
        std::string due_on;
        if (called_on && !row.due_date.empty()) {
            const auto due = core::ParseIsoDate(row.due_date);
            if (!due || *due < *called_on)
                error("办理时限", "办理时限 " + row.due_date + " 早于来电日期 " + core::FormatIsoDate(*called_on));
            else
                due_on = row.due_date;
        } else if (called_on && row.due_days > 0) {
            auto due = tk::DeadlineAfter(*called_on, row.due_days, calendar_);
            if (!due)
                error("办理时限", "无法按工作日计算办理时限：" + due.error().message);
            else
                due_on = core::FormatIsoDate(*due);
        }
        if (checks.size() != errors_before) continue;

        NewTicket in;
        in.source = tk::Source::kHotline;
        in.title = row.title.empty() ? core::text::Excerpt(row.content, kTitleFromContentChars) : row.title;
        in.detail = row.content;
        in.category = std::string(category->name);
        in.priority = *priority;
        in.location = row.address;
        in.raiser_name = row.raiser;
        in.raiser_phone = row.phone;
        in.subject_unit_id = unit_id;
        auto ticket = Prepare(actor, in);
        if (!ticket) {
            error(ticket.error().field, ticket.error().message);
            continue;
        }
        PendingCall p;
        p.row = line;
        p.ticket = std::move(*ticket);
        p.call = ports::HotlineCall{row.ref, 0, row.called_at, due_on, ""};
        p.shown = HotlineCreated{line,
                                 row.ref,
                                 p.ticket.title,
                                 units.names[unit_id],
                                 std::string(category->label),
                                 tk::PriorityLabel(*priority),
                                 row.called_at,
                                 due_on,
                                 0};
        pending.push_back(std::move(p));
    }
    out.errors = MergeRowErrors(sheet->sheet, sheet->problems, std::move(checks));

    std::lock_guard lock(store_mutex_);
    std::vector<std::string> refs;
    for (const auto& p : pending) refs.push_back(p.call.ref);
    std::map<std::string, Id> imported;
    for (auto& [ref, ticket_id] : tickets_.FindHotlineRefs(refs)) imported.emplace(ref, ticket_id);
    std::map<std::string, int> first_row;
    std::vector<PendingCall*> to_create;
    for (auto& p : pending) {
        if (auto before = imported.find(p.call.ref); before != imported.end()) {
            out.skipped.push_back({p.row, p.call.ref, before->second, 0});
        } else if (auto earlier = first_row.find(p.call.ref); earlier != first_row.end()) {
            out.skipped.push_back({p.row, p.call.ref, 0, earlier->second});
        } else {
            first_row.emplace(p.call.ref, p.row);
            to_create.push_back(&p);
        }
    }
    if (!out.errors.empty()) return out;
    if (dry_run) {
        for (const auto* p : to_create) out.created.push_back(p->shown);
        return out;
    }
    auto tx = store_.Begin();
    const auto now = clock_.NowIso();
    for (auto* p : to_create) {
        auto id = Insert(actor, p->ticket, "\"hotline\":" + JsonQuote(p->call.ref));
        if (!id) return id.error();
        p->call.ticket_id = *id;
        p->call.imported_at = now;
        tickets_.InsertHotlineCall(p->call);
        p->shown.ticket_id = *id;
        out.created.push_back(p->shown);
    }
    tx->Commit();
    return out;
}

Result<FileDownload> TicketService::HotlineTemplate(const Actor& actor) const {
    if (auto ok = CheckHotlineImport(actor); !ok) return ok.error();
    if (!files_.hotline_template) return Invalid("未配置热线导入格式");
    return FileDownload{files_.hotline_template(), "12345热线工单导入模板.xlsx", "hotline-template.xlsx"};
}

}  // namespace lingyan::app
