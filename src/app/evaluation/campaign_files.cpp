// CampaignService, the files: the facts workbook (import and template) and the award list.
// The formats themselves are the exchange layer's (EvaluationFiles); the decisions are here.
#include <map>
#include <set>
#include <string>

#include "app/common/use_case.hpp"
#include "app/evaluation/campaign_service.hpp"

namespace lingyan::app {

namespace evaluation = core::evaluation;

namespace {

// The columns of a campaign's wide facts template: every key of every leaf that is not scored
// by judges (judges enter their own scores), then the subject-level bonus, penalty and veto.
std::vector<FactColumn> TemplateColumns(const evaluation::CompiledFramework& fw) {
    std::vector<FactColumn> out;
    auto add = [&](const evaluation::Node& n, const std::string& key, const std::string& title) {
        out.push_back({n.spec.name + "·" + title, n.spec.id, key});
    };
    for (int leaf : fw.leaves()) {
        const auto& n = fw.nodes()[static_cast<std::size_t>(leaf)];
        switch (n.spec.method) {
            case evaluation::Method::kTarget: add(n, "actual", "完成值"), add(n, "target", "目标值"); break;
            case evaluation::Method::kGrowth: add(n, "actual", "本期值"), add(n, "base", "基期值"); break;
            case evaluation::Method::kRating:
                for (const auto& g : evaluation::kRatingGrades) add(n, std::string(g.key), std::string(g.key));
                break;
            case evaluation::Method::kRank: add(n, "value", "数值"); break;
            case evaluation::Method::kCount: add(n, "count", "次数"); break;
            case evaluation::Method::kManual: add(n, "value", "得分"); break;
            default: break;
        }
    }
    out.push_back({"加分", std::string(evaluation::kSubjectLevel), "bonus"});
    out.push_back({"扣分", std::string(evaluation::kSubjectLevel), "penalty"});
    out.push_back({"一票否决（事由）", std::string(evaluation::kSubjectLevel), "veto"});
    return out;
}

// EnterFacts names a fact's problem by criterion id ("gx_satisfaction") or "subject", "key",
// "value", on the row it was given. ImportFacts gives it each fact's index as its row, so that
// here the problem goes back to the sheet, the Excel line and the header of the cell typed into.
void ToSheetCells(const std::string& sheet, const std::vector<const SheetFact*>& origin, std::vector<RowError>& errors) {
    for (auto& e : errors) {
        if (e.row < 0 || static_cast<std::size_t>(e.row) >= origin.size()) continue;
        const SheetFact& fact = *origin[static_cast<std::size_t>(e.row)];
        e.sheet = sheet;
        e.row = static_cast<int>(fact.line);
        if (e.field == "subject") {
            e.field = "考核对象";
        } else if (!fact.column.empty()) {
            e.field = fact.column;
        }
    }
}

}  // namespace

Result<FactOutcome> CampaignService::ImportFacts(const Actor& actor, Id campaign_id, const std::string& bytes) {
    // Rights first: nothing of the file is read for a caller who could not enter a fact.
    if (!IsManager(actor.role) && actor.role != Role::kJudge) return Forbidden("您的角色无权录入考核数据");
    auto detail = Get(actor, campaign_id);
    if (!detail) return detail.error();
    if (detail->summary.campaign.status == kPublished)
        return Conflict("活动已发布，结果已冻结；如需修改数据，请先说明理由并新建版本");
    if (bytes.empty()) return Invalid("上传的文件为空", "file");

    auto sheet = files_.read_facts(bytes);
    if (!sheet) return sheet.error();
    // Subjects by name (or by id); a name shared by two subjects must be given by id.
    std::map<std::string, Id> by_name;
    std::set<std::string> ambiguous;
    for (const auto& subject : detail->subjects) {
        if (!by_name.emplace(subject.name, subject.record.id).second) ambiguous.insert(subject.name);
        by_name.emplace(std::to_string(subject.record.id), subject.record.id);
    }
    std::vector<RowError> unresolved;
    std::vector<FactInput> inputs;
    std::vector<const SheetFact*> origin;  // by input index, which is the row EnterFacts reports
    for (const auto& f : sheet->facts) {
        auto it = by_name.find(f.subject);
        if (it == by_name.end() || ambiguous.count(f.subject)) {
            unresolved.push_back({sheet->sheet, static_cast<int>(f.line), "考核对象",
                                  ambiguous.count(f.subject) ? "考核对象 “" + f.subject + "” 重名，请改填其编号"
                                                             : "考核对象 “" + f.subject + "” 不在本活动中"});
            continue;
        }
        inputs.push_back({static_cast<int>(origin.size()), it->second, f.criterion, f.key, f.value, f.judge});
        origin.push_back(&f);
    }
    if (!sheet->problems.empty() || !unresolved.empty()) {
        // The sheet's own problems and the other rows' problems, reported at once.
        if (!inputs.empty()) {
            auto more = EnterFacts(actor, campaign_id, inputs, "", true);
            if (more) {
                ToSheetCells(sheet->sheet, origin, more->errors);
                unresolved.insert(unresolved.end(), more->errors.begin(), more->errors.end());
            }
        }
        FactOutcome failed;
        failed.layout = sheet->layout;
        failed.errors = MergeRowErrors(sheet->sheet, sheet->problems, std::move(unresolved));
        return failed;
    }
    if (inputs.empty()) return Invalid("表中没有任何数据", "file");
    auto outcome = EnterFacts(actor, campaign_id, inputs, "导入 .xlsx（" + sheet->layout + "）");
    if (outcome) {
        outcome->layout = sheet->layout;
        ToSheetCells(sheet->sheet, origin, outcome->errors);
        outcome->errors = MergeRowErrors(std::move(outcome->errors), {});
    }
    return outcome;
}

Result<FileDownload> CampaignService::FactsTemplate(const Actor& actor, Id campaign_id) {
    auto detail = Get(actor, campaign_id);
    if (!detail) return detail.error();
    auto facts = Facts(actor, campaign_id, 0);
    if (!facts) return facts.error();
    std::map<Id, std::string> names;
    std::vector<std::string> subjects;
    for (const auto& subject : detail->subjects) {
        names[subject.record.id] = subject.name;
        subjects.push_back(subject.name);
    }
    FactValues values;
    for (const auto& f : *facts) values[{names[f.subject_id], f.criterion, f.key}] = f.value;
    return FileDownload{files_.facts_template(subjects, TemplateColumns(*detail->framework), values),
                        detail->summary.campaign.name + "数据导入模板.xlsx", "facts-template.xlsx"};
}

Result<FileDownload> CampaignService::AwardsWorkbook(const Actor& actor, Id campaign_id) {
    auto board = Ranking(actor, campaign_id, std::nullopt);
    if (!board) return board.error();
    return FileDownload{files_.awards_xlsx(*board), board->detail.summary.campaign.name + "获奖名单.xlsx",
                        "awards.xlsx"};
}

}  // namespace lingyan::app
