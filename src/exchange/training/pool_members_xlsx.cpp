#include "exchange/training/pool_members_xlsx.hpp"

#include "core/roster/person_rules.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::training {

std::string PoolMembersXlsx(const app::PoolMemberSheet& sheet) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto names = w.AddSheet("人才库名单", {{"序号", 6},
                                               {"姓名", 10},
                                               {"性别", 6},
                                               {"出生年月", 10},
                                               {"学历", 12},
                                               {"入党时间", 12, ColumnKind::kDate},
                                               {"单位", 16},
                                               {"所属镇街", 14},
                                               {"现任职务", 30},
                                               {"状态", 8},
                                               {"提名日期", 12, ColumnKind::kDate},
                                               {"破格理由", 30}});
        std::uint32_t line = 2;
        for (const auto& row : sheet.rows) {
            const auto& m = row.member;
            const auto& p = row.person;
            std::uint32_t col = 0;
            w.WriteNumber(names, line, col++, line - 1);
            w.WriteString(names, line, col++, m.name);
            const bool known = p.id != 0;  // a person no longer in the roster: no facts
            w.WriteString(names, line, col++, !known ? "" : p.gender == core::roster::Gender::kFemale ? "女" : "男");
            w.WriteString(names, line, col++, p.birth_date.substr(0, 7));  // 出生年月: YYYY-MM
            w.WriteString(names, line, col++, known ? core::roster::EducationLabel(p.education) : "");
            w.WriteDate(names, line, col++, p.party_join_date);
            w.WriteString(names, line, col++, m.unit_name);
            w.WriteString(names, line, col++, m.town_name);
            w.WriteString(names, line, col++, row.posts);
            w.WriteString(names, line, col++, core::training::MemberStateLabel(m.membership.state));
            w.WriteDate(names, line, col++, m.membership.nominated_on);
            w.WriteString(names, line, col++, m.membership.override_reason);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::training
