#include "exchange/training/programs_xlsx.hpp"

#include <cstdio>

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::training {

namespace {

// The kinds as the program page names them (web/src/locales/zh-CN/training.json `kind`).
std::string KindLabel(const std::string& kind) {
    if (kind == "shadow") return "跟岗学习";
    if (kind == "cohort") return "集中培训";
    if (kind == "demonstration") return "示范培训";
    if (kind == "secondment") return "挂职锻炼";
    return kind;
}

std::string Of(int done, int total) { return std::to_string(done) + "/" + std::to_string(total); }

std::string Percent(double share) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

}  // namespace

std::string ProgramsXlsx(const std::vector<app::ProgramSummary>& programs) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("培训项目台账", {{"项目名称", 28},
                                                 {"类型", 10},
                                                 {"主办单位", 16},
                                                 {"开始日期", 12, ColumnKind::kDate},
                                                 {"结束日期", 12, ColumnKind::kDate},
                                                 {"批次", 6},
                                                 {"学员", 6},
                                                 {"跟岗单位", 8},
                                                 {"跟岗安排", 8},
                                                 {"座谈研讨", 8},
                                                 {"出勤率", 8},
                                                 {"跟岗小结", 8},
                                                 {"考核鉴定", 8},
                                                 {"结对协议（已签/共）", 12},
                                                 {"跟踪事项（已办/共）", 12}});
        std::uint32_t line = 2;
        for (const auto& p : programs) {
            const auto& r = p.record;
            const auto& d = p.dashboard;
            std::uint32_t col = 0;
            w.WriteString(sheet, line, col++, r.name);
            w.WriteString(sheet, line, col++, KindLabel(r.kind));
            w.WriteString(sheet, line, col++, p.scope_unit_name);
            w.WriteDate(sheet, line, col++, r.start_date);
            w.WriteDate(sheet, line, col++, r.end_date);
            for (int n : {d.batches, d.trainees, d.hosts, d.placements, d.seminars})
                w.WriteNumber(sheet, line, col++, n);
            w.WriteString(sheet, line, col++, d.attendance_total > 0 ? Percent(d.attendance_rate) : "");
            w.WriteNumber(sheet, line, col++, d.summaries_in);
            w.WriteNumber(sheet, line, col++, d.assessments_in);
            w.WriteString(sheet, line, col++, Of(d.agreements_signed, d.agreements_total));
            w.WriteString(sheet, line, col++, Of(d.followups_done, d.followups_total));
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::training
