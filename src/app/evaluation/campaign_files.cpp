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

// The use case names a fact's problems by criterion id ("gx_satisfaction") or by "subject", "key"
// and "value"; in a file's report they name the sheet and the column the officer typed into.
void NameColumns(const FactsSheet& sheet, std::vector<RowError>& errors) {
    std::map<std::pair<int, std::string>, std::string> by_criterion;  // (line, criterion) → header
    std::map<int, std::string> by_line;                                // line → the first value's header
    for (const auto& f : sheet.facts) {
        by_criterion.emplace(std::pair{static_cast<int>(f.line), f.criterion}, f.column);
        by_line.emplace(static_cast<int>(f.line), f.column);
    }
    for (auto& e : errors) {
        if (e.sheet.empty()) e.sheet = sheet.sheet;
        if (e.field == "subject") {
            e.field = "考核对象";
        } else if (auto it = by_criterion.find({e.row, e.field}); it != by_criterion.end() && !it->second.empty()) {
            e.field = it->second;
        } else if (e.field == "key" || e.field == "value") {
            if (auto line = by_line.find(e.row); line != by_line.end() && !line->second.empty()) e.field = line->second;
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
    for (const auto& f : sheet->facts) {
        auto it = by_name.find(f.subject);
        if (it == by_name.end() || ambiguous.count(f.subject)) {
            unresolved.push_back({"", static_cast<int>(f.line), "考核对象",
                                  ambiguous.count(f.subject) ? "考核对象 “" + f.subject + "” 重名，请改填其编号"
                                                             : "考核对象 “" + f.subject + "” 不在本活动中"});
            continue;
        }
        inputs.push_back({static_cast<int>(f.line), it->second, f.criterion, f.key, f.value, f.judge});
    }
    if (!sheet->problems.empty() || !unresolved.empty()) {
        // The sheet's own problems and the other rows' problems, reported at once.
        if (!inputs.empty()) {
            auto more = EnterFacts(actor, campaign_id, inputs, "", true);
            if (more) unresolved.insert(unresolved.end(), more->errors.begin(), more->errors.end());
        }
        FactOutcome failed;
        failed.layout = sheet->layout;
        failed.errors = MergeRowErrors(sheet->sheet, sheet->problems, std::move(unresolved));
        NameColumns(*sheet, failed.errors);
        return failed;
    }
    if (inputs.empty()) return Invalid("表中没有任何数据", "file");
    auto outcome = EnterFacts(actor, campaign_id, inputs, "导入 .xlsx（" + sheet->layout + "）");
    if (outcome) {
        outcome->layout = sheet->layout;
        NameColumns(*sheet, outcome->errors);
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
