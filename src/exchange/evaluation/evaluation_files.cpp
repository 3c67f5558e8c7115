#include "exchange/evaluation/evaluation_files.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exchange/evaluation/evaluation_xlsx.hpp"
#include "exchange/evaluation/framework_json.hpp"
#include "exchange/xlsx/writer.hpp"
#include "exchange/xlsx/xlsx_error.hpp"

namespace lingyan::exchange {

namespace {

double Total(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

// The reader's message is already a whole sentence for the user (and says how to save an .xls
// as .xlsx): no second prefix.
core::Error Unreadable(const FileError& e) { return core::Invalid(e.what(), "file"); }

// A sheet name Excel accepts for `title`: the characters it refuses ([]:*?/\) become their
// full-width look-alikes, a leading or trailing apostrophe goes, and the name is cut to 31
// characters; a name taken by another sheet gets a suffix.
std::string SheetNameFor(const std::string& title, const std::vector<std::string>& taken) {
    std::string out;
    for (char c : title) {
        switch (c) {
            case '[': out += "【"; break;
            case ']': out += "】"; break;
            case ':': out += "："; break;
            case '*': out += "＊"; break;
            case '?': out += "？"; break;
            case '/': out += "／"; break;
            case '\\': out += "＼"; break;
            default: out.push_back(c);
        }
    }
    while (!out.empty() && out.front() == '\'') out.erase(0, 1);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    auto cut = [](std::string text, std::size_t max_chars) {
        std::size_t chars = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
            if (chars++ == max_chars) return text.substr(0, i);
        }
        return text;
    };
    out = cut(out, 31);
    if (out.empty()) out = "反向榜单";
    if (std::find(taken.begin(), taken.end(), out) != taken.end()) out = cut(out, 27) + "（榜单）";
    return out;
}

}  // namespace

std::string AwardsXlsx(const app::Board& board) {
    return xlsx::WriteWorkbookBytes([&](xlsx::Writer& writer) {
        const auto awards = writer.AddSheet(
            "获奖名单", {{"奖项", 14}, {"名次", 8}, {"考核对象", 36}, {"所属镇街", 14}, {"总分", 10}});
        std::uint32_t line = 2;
        const auto& ranking = board.evaluation->ranking;
        for (const auto& a : board.evaluation->awards) {
            for (std::size_t pos : a.winners) {
                const auto& r = ranking[pos];
                const auto& s = board.detail.subjects[r.subject];
                writer.WriteString(awards, line, 0, a.name);
                writer.WriteNumber(awards, line, 1, r.rank);
                writer.WriteString(awards, line, 2, s.name);
                writer.WriteString(awards, line, 3, s.town_name);
                writer.WriteNumber(awards, line, 4, Total(r.total_cents));
                ++line;
            }
        }
        const auto& d = board.detail;
        const auto all = writer.AddSheet("排名", {{"名次", 8},
                                                  {"考核对象", 36},
                                                  {"所属镇街", 14},
                                                  {"总分", 10},
                                                  {"一票否决", 10},
                                                  {"数据不全", 10},
                                                  {"奖项", 12},
                                                  {"赛道", 12},
                                                  {"赛道名次", 10},
                                                  {"分档", 12}});
        line = 2;
        for (const auto& row : board.rows) {
            const auto& r = *row.result;
            const auto& s = d.subjects[row.subject_idx];
            writer.WriteNumber(all, line, 0, r.rank);
            writer.WriteString(all, line, 1, s.name);
            writer.WriteString(all, line, 2, s.town_name);
            writer.WriteNumber(all, line, 3, Total(r.total_cents));
            writer.WriteString(all, line, 4, r.vetoed ? "是" : "");
            writer.WriteString(all, line, 5, r.incomplete ? "是" : "");
            writer.WriteString(all, line, 6, row.award);
            if (s.track >= 0) {
                writer.WriteString(all, line, 7, d.tracks[static_cast<std::size_t>(s.track)].name);
                writer.WriteNumber(all, line, 8, row.track_rank);
            }
            if (row.band >= 0) writer.WriteString(all, line, 9, d.bands[static_cast<std::size_t>(row.band)].name);
            ++line;
        }
        if (d.negative) {
            // The negative list, published as such (e.g. 躺平奖), worst first.
            const std::string& title = d.negative->name;
            const std::string sheet_name = SheetNameFor(title, {"获奖名单", "排名"});
            const auto neg = writer.AddSheet(sheet_name,
                                             {{"序号", 8}, {"考核对象", 36}, {"所属镇街", 14}, {"依据", 16}, {"得分", 10}});
            // The criterion by its name, as the board shows it; a total to 2 decimals (as ranked),
            // a criterion's score rate s to 4.
            const bool by_total = d.negative->criterion.empty();
            std::string basis = "总分";
            if (!by_total) {
                basis = d.negative->criterion;
                const int node = d.framework ? d.framework->Find(basis) : core::evaluation::kNoNode;
                if (node != core::evaluation::kNoNode) basis = d.framework->nodes()[static_cast<std::size_t>(node)].spec.name;
            }
            const double scale = by_total ? 100.0 : 10000.0;
            line = 2;
            for (const auto& entry : board.negative) {
                const auto& s = d.subjects[entry.subject_idx];
                writer.WriteNumber(neg, line, 0, line - 1);
                writer.WriteString(neg, line, 1, s.name);
                writer.WriteString(neg, line, 2, s.town_name);
                writer.WriteString(neg, line, 3, basis);
                writer.WriteNumber(neg, line, 4, std::round(entry.value * scale) / scale);
                ++line;
            }
            if (sheet_name != title) {
                writer.WriteString(neg, line + 1, 0,
                                   "说明：榜单名称“" + title + "”作工作表名时改为“" + sheet_name +
                                       "”（Excel 的工作表名不能含 [ ] : * ? / \\，且不超过 31 个字）");
            }
        }
    });
}

app::EvaluationFiles MakeEvaluationFiles() {
    app::EvaluationFiles files;
    files.parse_framework = [](std::string_view text) { return ParseFramework(text); };
    files.framework_json = [](const core::evaluation::Framework& fw) { return FrameworkToJson(fw); };
    files.read_facts = [](std::string_view bytes) -> core::Result<app::FactsSheet> {
        try {
            return ReadFactsWorkbook(bytes);
        } catch (const FileError& e) {
            return Unreadable(e);
        }
    };
    files.facts_template = [](const std::vector<std::string>& subjects, const std::vector<app::FactColumn>& columns,
                              const app::FactValues& values) { return WriteFactsTemplate(subjects, columns, values); };
    files.awards_xlsx = [](const app::Board& board) { return AwardsXlsx(board); };
    return files;
}

app::IndicatorFiles MakeIndicatorFiles() {
    app::IndicatorFiles files;
    files.read = [](std::string_view bytes) -> core::Result<app::MetricsSheet> {
        try {
            return ReadMetricsWorkbook(bytes);
        } catch (const FileError& e) {
            return Unreadable(e);
        }
    };
    files.template_xlsx = [](const std::vector<app::MetricTemplateRow>& units, const std::string& metric, int year) {
        return WriteMetricsTemplate(units, metric, year);
    };
    return files;
}

}  // namespace lingyan::exchange
