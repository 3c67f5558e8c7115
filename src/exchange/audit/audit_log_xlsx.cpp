#include "exchange/audit/audit_log_xlsx.hpp"

#include "core/common/date.hpp"
#include "exchange/audit/audit_labels.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::audit {

std::string AuditLogXlsx(const std::vector<core::ports::AuditEntry>& entries) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet("审计日志", {{"序号", 8},
                                             {"时间", 20},
                                             {"账号", 12},
                                             {"操作", 16},
                                             {"对象", 16},
                                             {"对象编号", 10},
                                             {"详情", 80},
                                             {"哈希", 24},
                                             {"操作代码", 14},
                                             {"对象代码", 16}});
        std::uint32_t line = 2;
        for (const auto& e : entries) {
            std::uint32_t col = 0;
            w.WriteNumber(sheet, line, col++, static_cast<double>(e.seq));
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(e.at));
            w.WriteString(sheet, line, col++, e.user);
            w.WriteString(sheet, line, col++, ActionLabel(e.entity, e.action));
            w.WriteString(sheet, line, col++, EntityLabel(e.entity));
            if (e.entity_id != 0) w.WriteNumber(sheet, line, col, static_cast<double>(e.entity_id));
            ++col;
            w.WriteString(sheet, line, col++, e.detail);
            w.WriteString(sheet, line, col++, e.hash);
            w.WriteString(sheet, line, col++, e.action);
            w.WriteString(sheet, line, col++, e.entity);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::audit
