#include "exchange/roster/party_org_sheet.hpp"

#include "core/roster/party_org_rules.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::roster {

std::string PartyOrgsXlsx(const std::vector<app::PartyOrgView>& orgs) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("党组织名册", {{"党组织名称", 30},
                                               {"类型", 8},
                                               {"所在单位", 18},
                                               {"上级党组织", 30},
                                               {"党员数", 8},
                                               {"直属党员", 8},
                                               {"网格党支部", 10},
                                               {"批复日期", 12, ColumnKind::kDate},
                                               {"批复文号", 22},
                                               {"状态", 16},
                                               {"提档升格", 16}});
        std::uint32_t line = 2;
        for (const auto& v : orgs) {
            const auto& o = v.org;
            std::uint32_t col = 0;
            w.WriteString(sheet, line, col++, o.name);
            w.WriteString(sheet, line, col++, core::roster::PartyOrgKindLabel(o.kind));
            w.WriteString(sheet, line, col++, v.unit_name);
            w.WriteString(sheet, line, col++, v.parent_name);
            w.WriteNumber(sheet, line, col++, o.member_count);
            w.WriteNumber(sheet, line, col++, v.direct_members);
            w.WriteString(sheet, line, col++, v.grid ? "是" : "否");
            w.WriteDate(sheet, line, col++, o.approved_on);
            w.WriteString(sheet, line, col++, o.document_no);
            w.WriteString(sheet, line, col++, o.active() ? std::string("在册") : "已撤销 " + o.dissolved_on);
            w.WriteString(sheet, line, col++,
                          v.upgrade_hint ? std::string("可升格为") + core::roster::PartyOrgKindLabel(*v.upgrade_hint) : "");
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::roster
