#include "exchange/honours/honour_register_xlsx.hpp"

#include "core/common/date.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::honours {

namespace hn = core::honours;

namespace {

const char* SourceLabel(hn::Source source) {
    switch (source) {
        case hn::Source::kContest: return "擂台赛";
        case hn::Source::kCampaign: return "考核评价";
        case hn::Source::kManual: break;
    }
    return "文件";
}

}  // namespace

std::string RegisterXlsx(const app::HonourPage& page) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        auto sheet = w.AddSheet("荣誉库", {{"获得者", 12},
                                           {"单位", 18},
                                           {"荣誉称号", 16},
                                           {"级别", 8},
                                           {"年度", 8},
                                           {"来源", 10},
                                           {"文号", 22},
                                           {"登记人", 10},
                                           {"登记时间", 18}});
        std::uint32_t line = 2;
        for (const auto& v : page.items) {
            const auto& h = v.honour;
            std::uint32_t col = 0;
            w.WriteString(sheet, line, col++, h.name);
            w.WriteString(sheet, line, col++, v.unit_name);
            w.WriteString(sheet, line, col++, h.title);
            w.WriteString(sheet, line, col++, hn::LevelLabel(h.level));
            w.WriteNumber(sheet, line, col++, h.year);
            w.WriteString(sheet, line, col++, SourceLabel(h.source));
            w.WriteString(sheet, line, col++, h.document_no);
            w.WriteString(sheet, line, col++, h.granted_by);
            w.WriteString(sheet, line, col++, core::ChinaTimeOfIso(h.granted_at));
            ++line;
        }
        auto counts = w.AddSheet("称号统计", {{"荣誉称号", 16}, {"级别", 8}, {"人次", 8}, {"最早年度", 10}});
        line = 2;
        for (const auto& c : page.counts) {
            w.WriteString(counts, line, 0, c.title);
            w.WriteString(counts, line, 1, hn::LevelLabel(c.level));
            w.WriteNumber(counts, line, 2, c.count);
            w.WriteNumber(counts, line, 3, c.since);
            ++line;
        }
    });
}

}  // namespace lingyan::exchange::honours
