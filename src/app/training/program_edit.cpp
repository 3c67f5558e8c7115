// ProgramService, the edits: editing and deleting programs, placements and pairing
// agreements, with the rules the records need once work has been done on them (a placement with
// a summary is ended, not deleted; a signed agreement is ended, not deleted; a program is
// deleted only while empty). Each change is checked whole, written in one transaction and
// audited with its before and after.
#include <algorithm>
#include <map>
#include <set>

#include "app/common/use_case.hpp"
#include "app/audit/audit_service.hpp"
#include "app/training/program_service.hpp"
#include "core/common/date.hpp"
#include "core/training/placement.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;

namespace training = core::training;

using core::matching::kDefaultHostCapacity;
using training_rules::BadDate;

namespace {

// The record `id` among a program's `records` (placements, agreements), or not_found naming `what`.
template <typename Record>
Result<Record> FindById(const std::vector<Record>& records, Id id, const std::string& what, const char* field) {
    auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    if (it == records.end()) return NotFound(what, field);
    return *it;
}

std::string ProgramJson(const ports::ProgramRecord& p) {
    return "{\"name\":" + JsonQuote(p.name) + ",\"kind\":" + JsonQuote(p.kind) +
           ",\"start_date\":" + JsonQuote(p.start_date) + ",\"end_date\":" + JsonQuote(p.end_date) +
           ",\"description\":" + JsonQuote(p.description) + "}";
}

std::string PlacementJson(const ports::PlacementRow& p) {
    return "{\"id\":" + std::to_string(p.id) + ",\"person_id\":" + std::to_string(p.person_id) +
           ",\"host_unit_id\":" + std::to_string(p.host_unit_id) +
           ",\"mentor_person_id\":" + std::to_string(p.mentor_person_id) +
           ",\"start_date\":" + JsonQuote(p.start_date) + ",\"end_date\":" + JsonQuote(p.end_date) +
           ",\"focus\":" + JsonQuote(p.focus) + "}";
}

std::string AgreementJson(const ports::AgreementRecord& a) {
    return "{\"id\":" + std::to_string(a.id) + ",\"title\":" + JsonQuote(a.title) +
           ",\"signed_on\":" + JsonQuote(a.signed_on) + ",\"status\":" + JsonQuote(a.status) + "}";
}

int StatusRank(const std::string& status) { return status == "draft" ? 0 : status == "signed" ? 1 : 2; }

}  // namespace

Result<ProgramDetail> ProgramService::UpdateProgram(const Actor& actor, Id program_id, const ProgramPatch& patch) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    ports::ProgramRecord next = *program;
    if (patch.name) next.name = *patch.name;
    if (patch.kind) next.kind = *patch.kind;
    if (patch.start_date) next.start_date = *patch.start_date;
    if (patch.end_date) next.end_date = *patch.end_date;
    if (patch.description) next.description = *patch.description;
    if (next.name.empty()) return Invalid("请填写项目名称", "name");
    if (next.kind != "shadow" && next.kind != "cohort" && next.kind != "demonstration" && next.kind != "secondment")
        return Invalid("项目类型应为 shadow, cohort, demonstration 或 secondment", "kind");
    if (auto bad = BadDate(next.start_date, "start_date")) return *bad;
    if (auto bad = BadDate(next.end_date, "end_date")) return *bad;
    if (next.end_date < next.start_date) return Invalid("结束日期早于开始日期", "end_date");
    for (const auto& p : training_.ListPrograms())
        if (p.id != program_id && p.name == next.name && p.scope_unit_id == next.scope_unit_id)
            return Conflict("同名培训项目已存在", "name");
    // The new window must still hold what the program already contains.
    auto outside = [&](const std::string& start, const std::string& end) {
        return start < next.start_date || end > next.end_date;
    };
    for (const auto& b : training_.ListBatches(program_id))
        if (outside(b.start_date, b.end_date))
            return Conflict("批次“" + b.name + "”（" + b.start_date + " 至 " + b.end_date + "）将超出项目日期",
                            outside(b.start_date, b.start_date) ? "start_date" : "end_date");
    for (const auto& p : training_.ListPlacements(program_id))
        if (outside(p.start_date, p.end_date))
            return Conflict("已有跟岗安排（" + p.start_date + " 至 " + p.end_date + "）将超出项目日期",
                            outside(p.start_date, p.start_date) ? "start_date" : "end_date");
    for (const auto& s : training_.ListSeminars(program_id))
        if (outside(s.date, s.date))
            return Conflict("研讨“" + s.topic + "”（" + s.date + "）将超出项目日期",
                            s.date < next.start_date ? "start_date" : "end_date");
    auto tx = store_.Begin();
    training_.UpdateProgram(next);
    Audit(actor, "update", "training_program", program_id, BeforeAfter(ProgramJson(*program), ProgramJson(next)));
    tx->Commit();
    return DetailOf(next);
}

Result<ProgramSummary> ProgramService::DeleteProgram(const Actor& actor, Id program_id) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    auto detail = DetailOf(*program);
    if (!detail.placements.empty())
        return Conflict("项目已有 " + std::to_string(detail.placements.size()) + " 条跟岗安排，不能删除；请先删除安排",
                        "placements");
    if (!detail.seminars.empty()) return Conflict("项目已有研讨记录，不能删除", "seminars");
    if (!detail.agreements.empty()) return Conflict("项目已有结对共建协议，不能删除", "agreements");
    auto tx = store_.Begin();
    training_.DeleteProgram(program_id);
    Audit(actor, "delete", "training_program", program_id,
          "{\"before\":" + ProgramJson(*program) + ",\"batches\":" + std::to_string(detail.batches.size()) +
              ",\"hosts\":" + std::to_string(detail.hosts.size()) + "}");
    tx->Commit();
    return detail.summary;
}

Result<PlacementView> ProgramService::UpdatePlacement(const Actor& actor, Id program_id, Id placement_id,
                                                       const PlacementPatch& patch) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    const auto placements = training_.ListPlacements(program_id);
    auto found = FindById(placements, placement_id, "跟岗安排", "placement");
    if (!found) return found.error();
    const ports::PlacementRow before = *found;
    ports::PlacementRow next = before;
    if (patch.host_unit_id) next.host_unit_id = *patch.host_unit_id;
    if (patch.mentor_person_id) next.mentor_person_id = *patch.mentor_person_id;
    if (patch.start_date) next.start_date = *patch.start_date;
    if (patch.end_date) next.end_date = *patch.end_date;
    if (patch.focus) {
        next.focus.clear();
        for (const auto& f : *patch.focus) {
            if (f.empty()) continue;
            if (!next.focus.empty()) next.focus += "、";
            next.focus += f;
        }
    }
    if (auto bad = BadDate(next.start_date, "start_date")) return *bad;
    if (auto bad = BadDate(next.end_date, "end_date")) return *bad;
    if (!before.summary_text.empty()) {
        if (next.host_unit_id != before.host_unit_id)
            return Conflict("已提交总结的跟岗安排不能更换接收单位", "host_unit_id");
        if (next.start_date != before.start_date) return Conflict("已提交总结的跟岗安排不能修改开始日期", "start_date");
        if (next.end_date > before.end_date) return Conflict("已提交总结的跟岗安排只能提前结束，不能延长", "end_date");
    }
    std::optional<Error> error;
    roster_.WithIndex([&](const RosterIndex& index) {
        if (!index.tree().Find(next.host_unit_id))
            error = Invalid("接收单位不存在", "host_unit_id");
        else if (next.mentor_person_id != 0 && !index.FindPerson(next.mentor_person_id))
            error = Invalid("导师不存在", "mentor_person_id");
    });
    if (error) return *error;

    // Re-check as a new placement against everything else (the person's other placements
    // anywhere, this program's placements at its hosts).
    std::map<Id, ports::PlacementRow> others;
    for (auto& r : training_.ListPlacementsOfPeople({next.person_id})) others.emplace(r.id, std::move(r));
    for (const auto& r : placements) others.emplace(r.id, r);
    others.erase(placement_id);
    std::vector<training::PlacementRecord> existing;
    for (const auto& [id, r] : others)
        existing.push_back(training::PlacementRecord{r.id, r.program_id, r.person_id,
                                                     r.program_id == program_id ? r.host_unit_id : -r.host_unit_id,
                                                     r.mentor_person_id, r.start_date, r.end_date});
    std::map<Id, int> capacity{{next.host_unit_id, kDefaultHostCapacity}};
    for (const auto& h : training_.ListHosts(program_id))
        if (h.unit_id == next.host_unit_id) capacity[h.unit_id] = h.capacity;
    const training::ProgramWindow window{program_id, program->name, program->start_date, program->end_date};
    auto st = training::ValidatePlacement(
        window, existing,
        training::PlacementRecord{placement_id, program_id, next.person_id, next.host_unit_id, next.mentor_person_id,
                                  next.start_date, next.end_date},
        capacity);
    if (!st) return st.error();

    auto tx = store_.Begin();
    training_.UpdatePlacement(next);
    Audit(actor, "update_placement", "training_program", program_id,
          BeforeAfter(PlacementJson(before), PlacementJson(next)));
    tx->Commit();
    for (auto& v : DetailOf(*program).placements)
        if (v.row.id == placement_id) return v;
    return NotFound("跟岗安排", "placement");
}

Result<PlacementView> ProgramService::DeletePlacement(const Actor& actor, Id program_id, Id placement_id) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    auto detail = DetailOf(*program);
    auto it = std::find_if(detail.placements.begin(), detail.placements.end(),
                           [&](const auto& v) { return v.row.id == placement_id; });
    if (it == detail.placements.end()) return NotFound("跟岗安排", "placement");
    if (!it->row.summary_text.empty())
        return Conflict("已提交总结的跟岗安排不能删除，只能提前结束（修改结束日期）", "placement");
    if (!it->row.assessment_grade.empty()) return Conflict("已有导师评价的跟岗安排不能删除，只能提前结束", "placement");
    if (it->followups > 0) return Conflict("已登记行动事项的跟岗安排不能删除，只能提前结束", "placement");
    auto tx = store_.Begin();
    training_.DeletePlacement(placement_id);
    Audit(actor, "delete_placement", "training_program", program_id, "{\"before\":" + PlacementJson(it->row) + "}");
    tx->Commit();
    return *it;
}

Result<AgreementView> ProgramService::UpdateAgreement(const Actor& actor, Id program_id, Id agreement_id,
                                                       const AgreementPatch& patch) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    auto found = FindById(training_.ListAgreements(program_id), agreement_id, "协议", "agreement");
    if (!found) return found.error();
    const ports::AgreementRecord before = *found;
    ports::AgreementRecord next = before;
    if (patch.title) next.title = *patch.title;
    if (patch.content) next.content = *patch.content;
    if (patch.signed_on) next.signed_on = *patch.signed_on;
    if (patch.status) next.status = *patch.status;
    if (next.title.empty()) return Invalid("请填写协议名称", "title");
    if (next.status != "draft" && next.status != "signed" && next.status != "ended")
        return Invalid("状态应为 draft, signed 或 ended", "status");
    if (StatusRank(next.status) < StatusRank(before.status))
        return Conflict("协议状态只能由 草拟 → 已签订 → 已终止，不能回退", "status");
    if (next.status != "draft")
        if (auto bad = BadDate(next.signed_on, "signed_on")) return *bad;
    AgreementView view{next, "", ""};
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(next.unit_a)) view.unit_a_name = u->name;
        if (const auto* u = index.tree().Find(next.unit_b)) view.unit_b_name = u->name;
    });
    auto tx = store_.Begin();
    training_.UpdateAgreement(next);
    Audit(actor, "update_agreement", "training_program", program_id,
          BeforeAfter(AgreementJson(before), AgreementJson(next)));
    tx->Commit();
    return view;
}

Result<AgreementView> ProgramService::DeleteAgreement(const Actor& actor, Id program_id, Id agreement_id) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    auto found = FindById(training_.ListAgreements(program_id), agreement_id, "协议", "agreement");
    if (!found) return found.error();
    const auto it = &*found;
    if (it->status != "draft") return Conflict("已签订或已终止的协议不能删除，只能终止（状态改为 ended）", "status");
    AgreementView view{*it, "", ""};
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(it->unit_a)) view.unit_a_name = u->name;
        if (const auto* u = index.tree().Find(it->unit_b)) view.unit_b_name = u->name;
    });
    auto tx = store_.Begin();
    training_.DeleteAgreement(agreement_id);
    Audit(actor, "delete_agreement", "training_program", program_id, "{\"before\":" + AgreementJson(*it) + "}");
    tx->Commit();
    return view;
}

}  // namespace lingyan::app
