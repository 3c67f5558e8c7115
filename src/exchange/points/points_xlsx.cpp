#include "exchange/points/points_xlsx.hpp"

#include "core/points/model.hpp"
#include "exchange/points/rules_sheet.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::points {

std::string LeaderboardXlsx(const app::LeaderboardPage& page) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet(
            "积分排行", {{"名次", 8}, {"党员", 14}, {"所在支部/网格", 28}, {"积分", 10}, {"星级", 8}, {"等次", 8}});
        std::uint32_t line = 2;
        for (const auto& e : page.entries) {
            w.WriteNumber(sheet, line, 0, static_cast<double>(e.rank));
            w.WriteString(sheet, line, 1, e.member.name);
            w.WriteString(sheet, line, 2, e.member.unit_name);
            w.WriteNumber(sheet, line, 3, static_cast<double>(e.total) / 100.0);  // hundredths
            w.WriteNumber(sheet, line, 4, e.stars);
            w.WriteString(sheet, line, 5, e.grade);
            ++line;
        }
    });
}

std::string PublicityXlsx(const app::Publicity& pub) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto events = w.AddSheet("公示明细", {{"日期", 12, xlsx::ColumnKind::kDate},
                                              {"党员", 12},
                                              {"支部/网格", 24},
                                              {"类别", 12},
                                              {"事项", 28},
                                              {"分值", 8},
                                              {"审核人", 12}});
        std::uint32_t line = 2;
        for (const auto& e : pub.events) {
            w.WriteDate(events, line, 0, core::points::FormatDate(e.record.date));
            w.WriteString(events, line, 1, e.member_name);
            w.WriteString(events, line, 2, e.unit_name);
            w.WriteString(events, line, 3, e.category);
            w.WriteString(events, line, 4, e.rule_name);
            w.WriteNumber(events, line, 5, static_cast<double>(e.worth) / 100.0);  // hundredths
            w.WriteString(events, line, 6, e.record.decided_by);
            ++line;
        }
        auto totals = w.AddSheet(
            "积分排名", {{"名次", 8}, {"党员", 12}, {"支部/网格", 24}, {"积分", 10}, {"星级", 8}, {"等次", 8}});
        line = 2;
        for (const auto& t : pub.totals) {
            w.WriteNumber(totals, line, 0, static_cast<double>(t.rank));
            w.WriteString(totals, line, 1, t.member.name);
            w.WriteString(totals, line, 2, t.member.unit_name);
            w.WriteNumber(totals, line, 3, static_cast<double>(t.total) / 100.0);
            w.WriteNumber(totals, line, 4, t.stars);
            w.WriteString(totals, line, 5, t.grade);
            ++line;
        }
    });
}

app::PointsFiles MakePointsFiles() {
    return app::PointsFiles{LeaderboardXlsx, PublicityXlsx, RulesXlsx, ReadRulesSheet};
}

}  // namespace lingyan::exchange::points
