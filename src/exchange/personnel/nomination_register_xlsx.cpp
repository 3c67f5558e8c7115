#include "exchange/personnel/nomination_register_xlsx.hpp"

#include "core/common/date.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::personnel {

std::string NominationRegisterXlsx(const std::vector<app::NominationView>& nominations) {
    namespace ps = core::personnel;
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet("躺平奖提名台账", {{"年度", 8},
                                                   {"姓名", 10},
                                                   {"单位", 18},
                                                   {"职务", 14},
                                                   {"类别", 10},
                                                   {"提名理由", 40},
                                                   {"佐证说明", 30},
                                                   {"状态", 10},
                                                   {"提名人", 10},
                                                   {"提名时间", 18},
                                                   {"审核人", 10},
                                                   {"审核时间", 18},
                                                   {"审核意见", 30}});
        std::uint32_t line = 2;
        for (const auto& v : nominations) {
            const auto& n = v.nomination;
            std::uint32_t col = 0;
            w.WriteNumber(sheet, line, col++, n.year);
            w.WriteString(sheet, line, col++, n.name);
            w.WriteString(sheet, line, col++, v.unit_name);
            w.WriteString(sheet, line, col++, v.position);
            w.WriteString(sheet, line, col++, ps::CategoryLabel(n.category));
            w.WriteString(sheet, line, col++, n.reason);
            w.WriteString(sheet, line, col++, n.evidence);
            w.WriteString(sheet, line, col++, ps::StateLabel(n.state));
            w.WriteString(sheet, line, col++, n.nominated_by);
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(n.nominated_at));
            w.WriteString(sheet, line, col++, n.reviewed_by);
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(n.reviewed_at));
            w.WriteString(sheet, line, col++, n.review_reason);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::personnel
