#include "exchange/arena/arena_xlsx.hpp"

#include "core/common/date.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::exchange::arena {

namespace {

const char* MarkLabel(const std::string& mark) {
    if (mark == "counted") return "计入";
    if (mark == "dropped_high") return "去掉最高分";
    if (mark == "dropped_low") return "去掉最低分";
    if (mark == "recused") return "回避";
    if (mark == "void") return "已作废";
    return "未评";
}

}  // namespace

std::string ResultsXlsx(const app::ContestResults& r) {
    return xlsx::WriteWorkbookBytes(
        [&](xlsx::Writer& w) {
            for (std::size_t round_idx = 0; round_idx < r.rounds.size(); ++round_idx) {
                const auto& round = r.rounds[round_idx];
                const std::string suffix = r.rounds.size() > 1 ? "（" + std::to_string(round_idx + 1) + "）" : "";
                auto ranking = w.AddSheet("排名" + suffix, {{"名次", 8},
                                                            {"出场顺序", 10},
                                                            {"选手", 14},
                                                            {"单位", 22},
                                                            {"现场得分", 10},
                                                            {"预评得分", 10},
                                                            {"总分", 10},
                                                            {"称号", 14}});
                std::uint32_t line = 2;
                for (const auto& sh : round.sheets) {
                    if (sh.rank > 0) w.WriteNumber(ranking, line, 0, sh.rank);
                    w.WriteNumber(ranking, line, 1, sh.order);
                    w.WriteString(ranking, line, 2, sh.name);
                    w.WriteString(ranking, line, 3, sh.unit_name);
                    // A contestant not on stage yet (unranked, no judge's score) has no sums yet, not zeros.
                    if (sh.rank > 0 || sh.result.present > 0) {
                        w.WriteNumber(ranking, line, 4, sh.result.stage);
                        w.WriteNumber(ranking, line, 5, sh.result.pre);
                        w.WriteNumber(ranking, line, 6, sh.result.final_score);
                    }
                    w.WriteString(ranking, line, 7, sh.title);
                    ++line;
                }
                std::vector<xlsx::Column> columns = {{"选手", 14}, {"评委席", 8}, {"评委", 14}, {"评委所在单位", 18}};
                for (const auto& c : r.criteria)
                    if (!c.pre_scored) columns.push_back({c.name, 10});
                columns.push_back({"合计", 10});
                if (r.aggregation.normalize) columns.push_back({"标准化后", 10});
                columns.push_back({"处理", 12});
                columns.push_back({"提交时间", 20});
                columns.push_back({"作废原因", 24});
                auto sheets = w.AddSheet("评分明细" + suffix, columns);
                line = 2;
                for (const auto& sh : round.sheets) {
                    for (const auto& l : sh.lines) {
                        std::uint32_t col = 0;
                        w.WriteString(sheets, line, col++, sh.name);
                        w.WriteNumber(sheets, line, col++, l.seat_number);
                        w.WriteString(sheets, line, col++, l.seat_label);
                        w.WriteString(sheets, line, col++, l.home_unit_name);
                        std::size_t value_idx = 0;
                        for (const auto& c : r.criteria) {
                            if (c.pre_scored) continue;
                            if (value_idx < l.values.size()) w.WriteNumber(sheets, line, col, l.values[value_idx]);
                            ++value_idx;
                            ++col;
                        }
                        if (l.total) w.WriteNumber(sheets, line, col, *l.total);
                        ++col;
                        if (r.aggregation.normalize) {
                            if (l.adjusted) w.WriteNumber(sheets, line, col, *l.adjusted);
                            ++col;
                        }
                        w.WriteString(sheets, line, col++, MarkLabel(l.mark));
                        w.WriteString(sheets, line, col++, core::ChinaTimeOfIso(l.submitted_at));
                        w.WriteString(sheets, line, col++, l.void_reason);
                        ++line;
                    }
                }
            }
            if (!r.titles.empty()) {
                auto titles = w.AddSheet("称号", {{"称号", 14}, {"级别", 10}, {"获得者", 40}});
                std::uint32_t line = 2;
                for (const auto& t : r.titles) {
                    std::string names;
                    for (const auto& [id, name] : t.winners) names += (names.empty() ? "" : "、") + name;
                    w.WriteString(titles, line, 0, t.name);
                    w.WriteString(titles, line, 1, t.level);
                    w.WriteString(titles, line, 2, names);
                    ++line;
                }
            }
        },
        xlsx::WriterOptions{false});
}

}  // namespace lingyan::exchange::arena
