#include "exchange/tickets/meeting_ledger_xlsx.hpp"

#include "core/text/join.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::tickets {

std::string MeetingLedgerXlsx(const std::vector<app::MeetingView>& meetings) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("会议台账", {{"会议日期", 12, ColumnKind::kDate},
                                             {"类型", 14},
                                             {"会议名称", 30},
                                             {"主办单位", 16},
                                             {"参会领导", 18},
                                             {"参会人员", 30},
                                             {"交办事项", 10},
                                             {"已办结", 8},
                                             {"会议纪要", 50}});
        std::uint32_t line = 2;
        for (const auto& v : meetings) {
            const auto& m = v.meeting;
            std::uint32_t col = 0;
            w.WriteDate(sheet, line, col++, m.held_on);
            w.WriteString(sheet, line, col++, core::tickets::MeetingKindLabel(m.kind));
            w.WriteString(sheet, line, col++, m.title);
            w.WriteString(sheet, line, col++, v.unit);
            w.WriteString(sheet, line, col++, core::text::Join(m.leaders));
            w.WriteString(sheet, line, col++, core::text::Join(m.participants));
            w.WriteNumber(sheet, line, col++, static_cast<double>(v.items));
            w.WriteNumber(sheet, line, col++, static_cast<double>(v.closed));
            w.WriteString(sheet, line, col++, m.minutes);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::tickets
