#include "exchange/accounts/account_list_xlsx.hpp"

#include "core/auth/scope.hpp"
#include "core/common/date.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::accounts {

std::string AccountListXlsx(const std::vector<app::AccountView>& accounts) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet("账号清单", {{"用户名", 14},
                                             {"姓名", 12},
                                             {"角色", 14},
                                             {"管理范围", 18},
                                             {"状态", 8},
                                             {"须修改初始密码", 14},
                                             {"最近登录", 20},
                                             {"创建时间", 20}});
        std::uint32_t line = 2;
        for (const auto& a : accounts) {
            const auto role = core::auth::RoleFromString(a.role);
            std::uint32_t col = 0;
            w.WriteString(sheet, line, col++, a.username);
            w.WriteString(sheet, line, col++, a.display_name);
            w.WriteString(sheet, line, col++, role ? core::auth::RoleLabel(*role) : a.role);
            w.WriteString(sheet, line, col++, a.scope_unit_name.empty() ? "全部单位" : a.scope_unit_name);
            w.WriteString(sheet, line, col++, a.active ? "启用" : "停用");
            w.WriteString(sheet, line, col++, a.must_change_password ? "是" : "否");
            w.WriteString(sheet, line, col++,
                          a.last_login_at == 0 ? "从未登录" : core::ChinaTimeOfIso(core::IsoUtcOfUnix(a.last_login_at)));
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(a.created_at));
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::accounts
