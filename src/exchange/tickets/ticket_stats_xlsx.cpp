#include "exchange/tickets/ticket_stats_xlsx.hpp"

#include <cmath>

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

namespace {

double Percent(double rate) { return std::round(rate * 1000.0) / 10.0; }

}  // namespace

std::string StatsXlsx(const app::TicketStats& s) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto units = w.AddSheet("承办单位排名", {{"名次", 8},
                                                 {"承办单位", 22},
                                                 {"收到", 8},
                                                 {"办结", 8},
                                                 {"按期", 8},
                                                 {"超期", 8},
                                                 {"在办", 8},
                                                 {"平均办结工作日", 14},
                                                 {"按期率%", 10},
                                                 {"满意率%", 10},
                                                 {"重办率%", 10}});
        std::uint32_t line = 2;
        for (const auto& u : s.units) {
            std::uint32_t col = 0;
            w.WriteNumber(units, line, col++, u.rank);
            w.WriteString(units, line, col++, u.unit);
            w.WriteNumber(units, line, col++, static_cast<double>(u.received));
            w.WriteNumber(units, line, col++, static_cast<double>(u.closed));
            w.WriteNumber(units, line, col++, static_cast<double>(u.on_time));
            w.WriteNumber(units, line, col++, static_cast<double>(u.overdue));
            w.WriteNumber(units, line, col++, static_cast<double>(u.open));
            w.WriteNumber(units, line, col++, std::round(u.avg_days_to_close * 10.0) / 10.0);
            w.WriteNumber(units, line, col++, Percent(u.on_time_rate));
            w.WriteNumber(units, line, col++, Percent(u.satisfaction_rate));
            w.WriteNumber(units, line, col++, Percent(u.reopen_rate));
            ++line;
        }
        auto meetings = w.AddSheet("会议交办", {{"日期", 12}, {"会议", 36}, {"类型", 16}, {"组织单位", 18},
                                                 {"交办事项", 10}, {"已办结", 10}});
        line = 2;
        for (const auto& m : s.by_meeting) {
            w.WriteString(meetings, line, 0, m.meeting.held_on);
            w.WriteString(meetings, line, 1, m.meeting.title);
            w.WriteString(meetings, line, 2, core::tickets::MeetingKindLabel(m.meeting.kind));
            w.WriteString(meetings, line, 3, m.unit);
            w.WriteNumber(meetings, line, 4, static_cast<double>(m.items));
            w.WriteNumber(meetings, line, 5, static_cast<double>(m.closed));
            ++line;
        }
        auto summary = w.AddSheet("年度汇总", {{"项目", 16}, {"数量", 10}});
        const std::pair<const char*, std::int64_t> rows[] = {
            {"年份", s.year}, {"会议场次", s.meetings}, {"会议交办事项", s.items}, {"收到工单", s.received},
            {"已办结", s.closed}};
        line = 2;
        for (const auto& [label, value] : rows) {
            w.WriteString(summary, line, 0, label);
            w.WriteNumber(summary, line, 1, static_cast<double>(value));
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::tickets
