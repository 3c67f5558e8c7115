#include "exchange/training/bonus_split_xlsx.hpp"

#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::training {

std::string BonusSplitXlsx(const app::BonusSplitView& split) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet("奖金分配", {{"序号", 6},
                                             {"姓名", 12},
                                             {"岗位", 12},
                                             {"等级", 6},
                                             {"考核等次", 10},
                                             {"等级权重", 10},
                                             {"考核系数", 10},
                                             {"权重", 10},
                                             {"金额（元）", 14},
                                             {"计算过程", 70}});
        std::uint32_t line = 2;
        for (const auto& l : split.lines) {
            w.WriteNumber(sheet, line, 0, l.line_no);
            w.WriteString(sheet, line, 1, l.name);
            w.WriteString(sheet, line, 2, l.post);
            w.WriteNumber(sheet, line, 3, l.level);
            w.WriteString(sheet, line, 4, l.grade);
            w.WriteNumber(sheet, line, 5, l.level_weight);
            w.WriteNumber(sheet, line, 6, l.coefficient);
            w.WriteNumber(sheet, line, 7, l.weight);
            w.WriteNumber(sheet, line, 8, static_cast<double>(l.amount_fen) / 100.0);  // fen
            w.WriteString(sheet, line, 9, l.arithmetic);
            ++line;
        }
        w.WriteString(sheet, line + 1, 1, split.record.summary);
    });
}

}  // namespace lingyan::exchange::training
