#include "exchange/training/placements_xlsx.hpp"

#include <map>

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::training {

std::string PlacementsXlsx(const app::ProgramDetail& program) {
    std::map<app::Id, std::string> batch_names;
    for (const auto& b : program.batches) batch_names[b.record.id] = b.record.name;
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        using xlsx::ColumnKind;
        auto sheet = w.AddSheet("跟岗名单", {{"序号", 6},
                                             {"批次", 16},
                                             {"学员", 10},
                                             {"学员单位", 16},
                                             {"跟岗单位", 16},
                                             {"导师", 10},
                                             {"开始日期", 12, ColumnKind::kDate},
                                             {"结束日期", 12, ColumnKind::kDate},
                                             {"跟岗重点", 30},
                                             {"跟踪事项", 10},
                                             {"跟岗小结", 14},
                                             {"考核鉴定", 10}});
        std::uint32_t line = 2;
        for (const auto& v : program.placements) {
            const auto& p = v.row;
            const auto batch = batch_names.find(p.batch_id);
            std::uint32_t col = 0;
            w.WriteNumber(sheet, line, col++, line - 1);
            w.WriteString(sheet, line, col++, batch == batch_names.end() ? std::string() : batch->second);
            w.WriteString(sheet, line, col++, v.person_name);
            w.WriteString(sheet, line, col++, v.trainee_unit_name);
            w.WriteString(sheet, line, col++, v.host_unit_name);
            w.WriteString(sheet, line, col++, v.mentor_name);
            w.WriteDate(sheet, line, col++, p.start_date);
            w.WriteDate(sheet, line, col++, p.end_date);
            w.WriteString(sheet, line, col++, p.focus);
            w.WriteString(sheet, line, col++,
                          v.followups ? std::to_string(v.followups_done) + "/" + std::to_string(v.followups) : "");
            w.WriteString(sheet, line, col++, p.summary_text.empty() ? std::string("未提交") : "已提交 " + p.summary_date);
            w.WriteString(sheet, line, col++, p.assessment_grade.empty() ? std::string("未鉴定") : p.assessment_grade);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::training
