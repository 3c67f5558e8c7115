#include "exchange/tickets/ticket_ledger_xlsx.hpp"

#include "core/common/date.hpp"
#include "core/tickets/supervision.hpp"
#include "core/tickets/workflow.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

namespace tk = core::tickets;

namespace {

const char* ColourLabel(tk::Colour c) {
    switch (c) {
        case tk::Colour::kRed: return "红色（已超期）";
        case tk::Colour::kYellow: return "黄色（进度滞后）";
        case tk::Colour::kBlue: return "蓝色（即将到期）";
        case tk::Colour::kNone: break;
    }
    return "";
}

std::string CategoryLabel(const std::string& name) {
    const auto* c = tk::FindCategory(name);
    return c ? std::string(c->label) : name;
}

const char* Satisfaction(const std::optional<bool>& satisfied) {
    if (!satisfied) return "";
    return *satisfied ? "满意" : "不满意";
}

}  // namespace

std::string LedgerXlsx(const app::TicketListPage& page) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("交办台账", {{"编号", 8},
                                             {"来源", 12},
                                             {"事项", 36},
                                             {"类别", 10},
                                             {"紧急程度", 8},
                                             {"所在单位", 16},
                                             {"地点", 18},
                                             {"提出人", 10},
                                             {"登记时间", 18},
                                             {"承办单位", 16},
                                             {"责任领导", 14},
                                             {"交办日期", 12, ColumnKind::kDate},
                                             {"时限（工作日）", 10},
                                             {"截止日期", 12, ColumnKind::kDate},
                                             {"状态", 10},
                                             {"督办", 16},
                                             {"剩余工作日", 10},
                                             {"办结日期", 12, ColumnKind::kDate},
                                             {"办结用时（工作日）", 12},
                                             {"回访", 8},
                                             {"重办次数", 8}});
        std::uint32_t line = 2;
        for (const auto& v : page.items) {
            const auto& t = v.ticket;
            const bool running = tk::IsRunning(t.state);
            std::uint32_t col = 0;
            w.WriteNumber(sheet, line, col++, static_cast<double>(t.id));
            w.WriteString(sheet, line, col++, tk::SourceLabel(t.source));
            w.WriteString(sheet, line, col++, t.title);
            w.WriteString(sheet, line, col++, CategoryLabel(t.category));
            w.WriteString(sheet, line, col++, tk::PriorityLabel(t.priority));
            w.WriteString(sheet, line, col++, v.subject_unit);
            w.WriteString(sheet, line, col++, t.location);
            w.WriteString(sheet, line, col++, t.raiser_name);
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(t.created_at));
            w.WriteString(sheet, line, col++, v.handler_unit);
            w.WriteString(sheet, line, col++, t.leader);
            w.WriteDate(sheet, line, col++, t.assigned_on);
            if (t.allowed_days > 0) w.WriteNumber(sheet, line, col, t.allowed_days);
            ++col;
            w.WriteDate(sheet, line, col++, t.deadline);
            w.WriteString(sheet, line, col++, tk::StateLabel(t.state));
            w.WriteString(sheet, line, col++, running ? ColourLabel(t.colour) : "");
            if (running && !t.deadline.empty()) w.WriteNumber(sheet, line, col, v.working_days_left);
            ++col;
            w.WriteDate(sheet, line, col++, t.closed_on);
            if (!t.closed_on.empty()) w.WriteNumber(sheet, line, col, t.days_to_close);
            ++col;
            w.WriteString(sheet, line, col++, Satisfaction(t.satisfied));
            w.WriteNumber(sheet, line, col++, t.reopen_count);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::tickets
