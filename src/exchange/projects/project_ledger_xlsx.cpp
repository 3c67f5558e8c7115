#include "exchange/projects/project_ledger_xlsx.hpp"

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::projects {

namespace pj = core::projects;

namespace {

const char* ColourLabel(pj::Colour c) {
    switch (c) {
        case pj::Colour::kRed: return "红色（节点超期）";
        case pj::Colour::kYellow: return "黄色（进度滞后）";
        case pj::Colour::kBlue: return "蓝色（节点将到期）";
        case pj::Colour::kNone: break;
    }
    return "";
}

}  // namespace

std::string LedgerXlsx(const app::ProjectListPage& page) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("项目台账", {{"编号", 8},
                                             {"类型", 14},
                                             {"项目", 36},
                                             {"发布单位", 16},
                                             {"承担单位", 16},
                                             {"负责人", 10},
                                             {"状态", 12},
                                             {"督办", 18},
                                             {"完成节点", 10},
                                             {"节点总数", 10},
                                             {"下一节点截止", 14, ColumnKind::kDate},
                                             {"剩余工作日", 10},
                                             {"开始日期", 12, ColumnKind::kDate},
                                             {"最近报告", 12, ColumnKind::kDate},
                                             {"完成日期", 12, ColumnKind::kDate}});
        std::uint32_t line = 2;
        for (const auto& v : page.items) {
            const auto& p = v.project;
            std::uint32_t col = 0;
            w.WriteNumber(sheet, line, col++, static_cast<double>(p.id));
            w.WriteString(sheet, line, col++, pj::KindLabel(p.kind));
            w.WriteString(sheet, line, col++, p.title);
            w.WriteString(sheet, line, col++, v.office_unit);
            w.WriteString(sheet, line, col++, v.unit);
            w.WriteString(sheet, line, col++, v.owner);
            w.WriteString(sheet, line, col++, pj::StateLabel(p.state));
            w.WriteString(sheet, line, col++, ColourLabel(p.colour));
            w.WriteNumber(sheet, line, col++, v.milestones_done);
            w.WriteNumber(sheet, line, col++, v.milestones);
            w.WriteDate(sheet, line, col++, v.next_deadline);
            if (!v.next_deadline.empty()) w.WriteNumber(sheet, line, col, v.working_days_left);
            ++col;
            w.WriteDate(sheet, line, col++, p.started_on);
            w.WriteDate(sheet, line, col++, p.last_report_on);
            w.WriteDate(sheet, line, col++, p.completed_on);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::projects
