#include "exchange/tickets/deliberation_ledger_xlsx.hpp"

#include "core/text/join.hpp"
#include "core/tickets/workflow.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

std::string DeliberationLedgerXlsx(const std::vector<app::DeliberationView>& records) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("议事堂台账", {{"议事日期", 12, ColumnKind::kDate},
                                               {"村（社区）", 16},
                                               {"议题", 30},
                                               {"参加人员", 30},
                                               {"议定事项", 50},
                                               {"登记工单", 40},
                                               {"记录人", 10}});
        std::uint32_t line = 2;
        for (const auto& v : records) {
            const auto& d = v.record;
            std::vector<std::string> raised;
            for (const auto& t : v.items)
                raised.push_back(t.ticket.title + "（" + core::tickets::StateLabel(t.ticket.state) + "）");
            std::uint32_t col = 0;
            w.WriteDate(sheet, line, col++, d.held_on);
            w.WriteString(sheet, line, col++, v.unit);
            w.WriteString(sheet, line, col++, d.topic);
            w.WriteString(sheet, line, col++, core::text::Join(d.participants));
            w.WriteString(sheet, line, col++, d.decision);
            w.WriteString(sheet, line, col++, core::text::Join(raised, "；"));
            w.WriteString(sheet, line, col++, d.created_by);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::tickets
