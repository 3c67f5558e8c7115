#include "exchange/personnel/decision_ledger_xlsx.hpp"

#include "core/common/date.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::personnel {

namespace ps = core::personnel;

std::string DecisionLedgerXlsx(const std::vector<app::DecisionView>& decisions) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("人事决定台账", {{"决定日期", 12, ColumnKind::kDate},
                                                 {"类型", 10},
                                                 {"姓名", 10},
                                                 {"单位", 18},
                                                 {"决定内容", 40},
                                                 {"依据类型", 10},
                                                 {"依据", 36},
                                                 {"文号", 22},
                                                 {"记录人", 10},
                                                 {"记录时间", 18}});
        std::uint32_t line = 2;
        for (const auto& v : decisions) {
            const auto& d = v.decision;
            std::uint32_t col = 0;
            w.WriteDate(sheet, line, col++, d.decided_on);
            w.WriteString(sheet, line, col++, ps::KindLabel(d.kind));
            w.WriteString(sheet, line, col++, d.name);
            w.WriteString(sheet, line, col++, v.unit_name);
            w.WriteString(sheet, line, col++, d.content);
            w.WriteString(sheet, line, col++, ps::GroundLabel(d.ground));
            w.WriteString(sheet, line, col++, d.ground_label);
            w.WriteString(sheet, line, col++, d.document_no);
            w.WriteString(sheet, line, col++, d.decided_by);
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(d.decided_at));
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::personnel
