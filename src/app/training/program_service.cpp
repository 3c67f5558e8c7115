#include "app/training/program_service.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "app/common/use_case.hpp"
#include "app/training/pool_rules_json.hpp"
#include "app/audit/audit_service.hpp"
#include "core/common/date.hpp"
#include "core/training/ladder.hpp"
#include "core/training/placement.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;
namespace training = core::training;
namespace matching = core::matching;
using core::ParseIsoDate;

using core::matching::kDefaultHostCapacity;
using training_rules::BadDate;
using training_rules::NameOf;

namespace {

constexpr std::size_t kAlternatives = 3;

// References in a program are resolved within what the caller may name (issue 11, finding 4): a
// mentor is a person of the host unit (or a unit under it), a trainee a person of the program's
// unit inside the caller's scope; any other id answers as a nonexistent one and names no one.
constexpr const char* kNoSuchMentor = "导师不存在，或不在该接收单位";
bool MentorOf(const RosterIndex& index, Id mentor, Id host_unit) {
    const auto* p = index.FindPerson(mentor);
    return p && index.tree().InSubtree(host_unit, p->unit_id);
}
std::string NoSuchTrainee(Id person) {
    return "学员 " + std::to_string(person) + " 不存在，或不在项目所属单位和您的管辖范围内";
}

bool ValidKind(const std::string& kind) {
    return kind == "shadow" || kind == "cohort" || kind == "demonstration" || kind == "secondment";
}

bool ValidAgreementStatus(const std::string& s) { return s == "draft" || s == "signed" || s == "ended"; }

std::string PersonName(const RosterIndex& index, Id person_id) {
    const auto* p = index.FindPerson(person_id);
    return p ? p->name : std::string();
}

std::string JoinFocus(const std::vector<std::string>& focus) {
    std::string out;
    for (const auto& f : focus) {
        if (f.empty()) continue;
        if (!out.empty()) out += "、";
        out += f;
    }
    return out;
}

bool Overlaps(const std::string& a_start, const std::string& a_end, const std::string& b_start,
              const std::string& b_end) {
    return a_start <= b_end && b_start <= a_end;  // ISO dates compare as text
}

}  // namespace

Id ProgramService::FindProgramByName(const std::string& name) {
    std::lock_guard lock(store_mutex_);
    for (const auto& p : training_.ListPrograms())
        if (p.name == name) return p.id;
    return 0;
}

// ---- programs ------------------------------------------------------------------------------

Result<ports::ProgramRecord> ProgramService::ManagedProgram(const Actor& actor, Id program_id) {
    auto record = training_.FindProgram(program_id);
    if (!record || !CanRead(actor, record->scope_unit_id)) return NotFound("培训项目");
    if (!CanManage(actor, record->scope_unit_id)) return Forbidden("无权管理该培训项目");
    return *record;
}

ProgramDetail ProgramService::DetailOf(const ports::ProgramRecord& record) {
    ProgramDetail d;
    d.summary.record = record;
    const auto batches = training_.ListBatches(record.id);
    const auto enrollments = training_.ListEnrollments(record.id);
    const auto hosts = training_.ListHosts(record.id);
    const auto placements = training_.ListPlacements(record.id);
    const auto seminars = training_.ListSeminars(record.id);
    const auto attendance = training_.ListAttendance(record.id);
    const auto agreements = training_.ListAgreements(record.id);
    d.followups = training_.ListFollowUps(record.id);
    const std::string today = clock_.Today();

    Dashboard& db = d.summary.dashboard;
    std::map<Id, std::pair<int, int>> followups_by_placement;  // total, done
    for (const auto& f : d.followups) {
        auto& [total, done] = followups_by_placement[f.placement_id];
        ++total;
        ++db.followups_total;
        if (f.status == "done") ++done, ++db.followups_done;
        if (f.due_date <= today) ++db.followups_due;
    }
    std::map<Id, int> placed_at;
    std::map<std::pair<Id, Id>, int> placed_in_batch;  // (host, batch) → placements
    for (const auto& p : placements) ++placed_at[p.host_unit_id], ++placed_in_batch[{p.host_unit_id, p.batch_id}];

    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        d.summary.scope_unit_name = NameOf(tree, record.scope_unit_id);
        for (const auto& b : batches) {
            BatchView v{b, {}};
            for (const auto& e : enrollments)
                if (e.batch_id == b.id) v.trainees.emplace_back(e.person_id, PersonName(index, e.person_id));
            d.batches.push_back(std::move(v));
        }
        for (const auto& h : hosts) {
            HostView v{h, NameOf(tree, h.unit_id), PersonName(index, h.mentor_person_id), 0};
            if (auto it = placed_at.find(h.unit_id); it != placed_at.end()) v.placed = it->second;
            for (const auto& b : batches) {
                auto it = placed_in_batch.find({h.unit_id, b.id});
                v.by_batch.push_back(HostBatchLoad{b.id, b.name, it == placed_in_batch.end() ? 0 : it->second});
            }
            d.hosts.push_back(std::move(v));
        }
        for (const auto& p : placements) {
            PlacementView v;
            v.row = p;
            v.person_name = PersonName(index, p.person_id);
            v.trainee_unit_name = NameOf(tree, p.trainee_unit_id);
            v.host_unit_name = NameOf(tree, p.host_unit_id);
            v.mentor_name = PersonName(index, p.mentor_person_id);
            if (auto it = followups_by_placement.find(p.id); it != followups_by_placement.end())
                v.followups = it->second.first, v.followups_done = it->second.second;
            d.placements.push_back(std::move(v));
        }
        for (const auto& a : agreements)
            d.agreements.push_back(AgreementView{a, NameOf(tree, a.unit_a), NameOf(tree, a.unit_b)});
        for (const auto& [host, count] : placed_at) db.placements_by_host.emplace_back(NameOf(tree, host), count);
    });
    std::map<Id, std::pair<int, int>> by_seminar;
    for (const auto& a : attendance) {
        auto& [present, absent] = by_seminar[a.seminar_id];
        (a.present ? present : absent) += 1;
        ++db.attendance_total;
        if (a.present) ++db.attendance_present;
    }
    for (const auto& s : seminars) {
        SeminarView v{s, 0, 0};
        if (auto it = by_seminar.find(s.id); it != by_seminar.end())
            v.present = it->second.first, v.absent = it->second.second;
        d.seminars.push_back(std::move(v));
    }
    std::sort(db.placements_by_host.begin(), db.placements_by_host.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    db.batches = static_cast<int>(batches.size());
    std::set<Id> trainees;
    for (const auto& e : enrollments) trainees.insert(e.person_id);
    for (const auto& p : placements) trainees.insert(p.person_id);
    db.trainees = static_cast<int>(trainees.size());
    db.placements = static_cast<int>(placements.size());
    db.hosts = static_cast<int>(hosts.size());
    db.seminars = static_cast<int>(seminars.size());
    db.attendance_rate =
        db.attendance_total > 0 ? static_cast<double>(db.attendance_present) / db.attendance_total : 0.0;
    for (const auto& p : placements) {
        if (!p.summary_text.empty()) ++db.summaries_in;
        if (!p.assessment_grade.empty()) ++db.assessments_in;
    }
    db.agreements_total = static_cast<int>(agreements.size());
    for (const auto& a : agreements)
        if (a.status == "signed") ++db.agreements_signed;
    int done_of_due = 0;
    for (const auto& f : d.followups)
        if (f.due_date <= today && f.status == "done") ++done_of_due;
    db.followup_completion = db.followups_due > 0 ? static_cast<double>(done_of_due) / db.followups_due : 1.0;
    return d;
}

Result<ProgramDetail> ProgramService::CreateProgram(const Actor& actor, const NewProgram& spec) {
    const Id scope = spec.scope_unit_id != 0 ? spec.scope_unit_id : actor.scope_unit_id;
    if (!IsManager(actor.role)) return Forbidden("无权管理培训项目");
    if (scope == 0) return Invalid("请指定项目所属单位", "scope_unit_id");
    if (!CanManage(actor, scope)) return Forbidden("所属单位不在您的管辖范围内");
    if (spec.name.empty()) return Invalid("请填写项目名称", "name");
    if (!ValidKind(spec.kind)) return Invalid("项目类型应为 shadow, cohort, demonstration 或 secondment", "kind");
    if (auto bad = BadDate(spec.start_date, "start_date")) return *bad;
    if (auto bad = BadDate(spec.end_date, "end_date")) return *bad;
    if (spec.end_date < spec.start_date) return Invalid("结束日期早于开始日期", "end_date");
    std::optional<Error> error;
    std::set<Id> enrolled;
    std::vector<std::vector<ports::EnrollmentRecord>> enrollments(spec.batches.size());
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (std::size_t host_idx = 0; host_idx < spec.hosts.size() && !error; ++host_idx) {
            const auto& h = spec.hosts[host_idx];
            const std::string field = "hosts[" + std::to_string(host_idx) + "]";
            if (!tree.Find(h.unit_id)) error = Invalid("接收单位不存在", field + ".unit_id");
            else if (h.capacity < 1) error = Invalid("接收名额应为正整数", field + ".capacity");
            else if (h.mentor_person_id != 0 && !MentorOf(index, h.mentor_person_id, h.unit_id))
                error = Invalid(kNoSuchMentor, field + ".mentor_person_id");
        }
        for (std::size_t batch_idx = 0; batch_idx < spec.batches.size() && !error; ++batch_idx) {
            const auto& b = spec.batches[batch_idx];
            const std::string field = "batches[" + std::to_string(batch_idx) + "]";
            if (b.name.empty()) error = Invalid("请填写批次名称", field + ".name");
            else if (auto bad = BadDate(b.start_date, field + ".start_date")) error = bad;
            else if (auto bad2 = BadDate(b.end_date, field + ".end_date")) error = bad2;
            else if (b.end_date < b.start_date || b.start_date < spec.start_date || b.end_date > spec.end_date)
                error = Invalid("批次日期须在项目日期之内", field);
            for (Id person : b.trainees) {
                if (error) break;
                const auto* p = index.FindPerson(person);
                if (!p || !tree.InSubtree(scope, p->unit_id) || !core::auth::InScope(index.tree(), actor, p->unit_id))
                    error = Invalid(NoSuchTrainee(person), field + ".trainees");
                else if (!enrolled.insert(person).second)
                    error = Conflict("学员 " + p->name + " 重复编入批次", field + ".trainees");
                else
                    enrollments[batch_idx].push_back(ports::EnrollmentRecord{0, person, p->unit_id});
            }
        }
    });
    if (error) return *error;

    std::lock_guard lock(store_mutex_);
    for (const auto& p : training_.ListPrograms())
        if (p.name == spec.name && p.scope_unit_id == scope) return Conflict("同名培训项目已存在", "name");
    auto tx = store_.Begin();
    ports::ProgramRecord record{0, spec.name, spec.kind, scope, spec.start_date, spec.end_date, spec.description,
                         actor.username, clock_.NowIso()};
    record.id = training_.InsertProgram(record);
    for (const auto& h : spec.hosts) training_.UpsertHost({record.id, h.unit_id, h.capacity, h.mentor_person_id});
    for (std::size_t batch_idx = 0; batch_idx < spec.batches.size(); ++batch_idx) {
        const auto& b = spec.batches[batch_idx];
        Id batch_id = training_.InsertBatch({0, record.id, b.name, b.start_date, b.end_date});
        for (auto e : enrollments[batch_idx]) {
            e.batch_id = batch_id;
            training_.InsertEnrollment(e);
        }
    }
    Audit(actor, "create", "training_program", record.id,
          "{\"name\":" + JsonQuote(record.name) + ",\"kind\":" + JsonQuote(record.kind) + ",\"start_date\":" +
              JsonQuote(record.start_date) + ",\"end_date\":" + JsonQuote(record.end_date) +
              ",\"hosts\":" + std::to_string(spec.hosts.size()) + ",\"batches\":" +
              std::to_string(spec.batches.size()) + "}");
    tx->Commit();
    return DetailOf(record);
}

Result<std::vector<ProgramSummary>> ProgramService::ListPrograms(const Actor& actor) {
    std::lock_guard lock(store_mutex_);
    std::vector<ProgramSummary> out;
    auto programs = training_.ListPrograms();
    for (auto it = programs.rbegin(); it != programs.rend(); ++it)
        if (CanRead(actor, it->scope_unit_id)) out.push_back(DetailOf(*it).summary);
    return out;
}

Result<ProgramDetail> ProgramService::GetProgram(const Actor& actor, Id program_id) {
    std::lock_guard lock(store_mutex_);
    auto record = training_.FindProgram(program_id);
    if (!record || !CanRead(actor, record->scope_unit_id)) return NotFound("培训项目");
    return DetailOf(*record);
}

Result<FileDownload> ProgramService::ProgramsXlsx(const Actor& actor) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.programs_xlsx) return Invalid("未配置导出格式");
    auto list = ListPrograms(actor);
    if (!list) return list.error();
    if (auto st = CheckExportSize(static_cast<std::int64_t>(list->size()), "培训项目", "个"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.programs_xlsx(*list), "培训项目台账-" + today + ".xlsx", "programs-" + today + ".xlsx"};
}

Result<FileDownload> ProgramService::PlacementsXlsx(const Actor& actor, Id program_id) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.placements_xlsx) return Invalid("未配置导出格式");
    auto detail = GetProgram(actor, program_id);
    if (!detail) return detail.error();
    if (auto st = CheckExportSize(static_cast<std::int64_t>(detail->placements.size()), "跟岗安排", "条"); !st)
        return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.placements_xlsx(*detail), "跟岗名单-" + today + ".xlsx",
                        "placements-" + today + ".xlsx"};
}

Result<BatchView> ProgramService::AddBatch(const Actor& actor, Id program_id, const NewBatch& batch) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    if (batch.name.empty()) return Invalid("请填写批次名称", "name");
    if (auto bad = BadDate(batch.start_date, "start_date")) return *bad;
    if (auto bad = BadDate(batch.end_date, "end_date")) return *bad;
    if (batch.end_date < batch.start_date || batch.start_date < program->start_date ||
        batch.end_date > program->end_date)
        return Invalid("批次日期须在项目日期（" + program->start_date + " 至 " + program->end_date + "）之内",
                       "end_date");
    BatchView view;
    auto rows = NewEnrollments(actor, *program, batch.trainees, view);
    if (!rows) return rows.error();
    auto tx = store_.Begin();
    view.record = ports::BatchRecord{0, program_id, batch.name, batch.start_date, batch.end_date};
    view.record.id = training_.InsertBatch(view.record);
    Enrol(actor, program_id, view.record.id, std::move(*rows), "add_batch");
    tx->Commit();
    return view;
}

Result<BatchView> ProgramService::AddTrainees(const Actor& actor, Id program_id, Id batch_id,
                                              const std::vector<Id>& trainees) {
    if (trainees.empty()) return Invalid("请至少选择一名学员", "trainees");
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    std::optional<ports::BatchRecord> batch;
    for (const auto& b : training_.ListBatches(program_id))
        if (b.id == batch_id) batch = b;
    if (!batch) return NotFound("批次", "batch");
    BatchView view{*batch, {}};
    auto rows = NewEnrollments(actor, *program, trainees, view);
    if (!rows) return rows.error();
    auto tx = store_.Begin();
    Enrol(actor, program_id, batch_id, std::move(*rows), "add_trainees");
    tx->Commit();
    for (const auto& b : DetailOf(*program).batches)
        if (b.record.id == batch_id) return b;
    return view;
}

Result<std::vector<ports::EnrollmentRecord>> ProgramService::NewEnrollments(const Actor& actor,
                                                                            const ports::ProgramRecord& program,
                                                                            const std::vector<Id>& trainees,
                                                                            BatchView& view) {
    std::set<Id> enrolled;
    for (const auto& e : training_.ListEnrollments(program.id)) enrolled.insert(e.person_id);
    std::optional<Error> error;
    std::vector<ports::EnrollmentRecord> rows;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (Id person : trainees) {
            const auto* p = index.FindPerson(person);
            if (!p || !index.tree().InSubtree(program.scope_unit_id, p->unit_id) ||
                !core::auth::InScope(index.tree(), actor, p->unit_id))
                error = Invalid(NoSuchTrainee(person), "trainees");
            else if (!enrolled.insert(person).second)
                error = Conflict("学员 " + p->name + " 已编入本项目的批次", "trainees");
            if (error) return;
            rows.push_back(ports::EnrollmentRecord{0, person, p->unit_id});
            view.trainees.emplace_back(person, p->name);
        }
    });
    if (error) return *error;
    return rows;
}

void ProgramService::Enrol(const Actor& actor, Id program_id, Id batch_id, std::vector<ports::EnrollmentRecord> rows,
                           const std::string& action) {
    for (auto& r : rows) {
        r.batch_id = batch_id;
        training_.InsertEnrollment(r);
    }
    Audit(actor, action, "training_program", program_id,
          "{\"batch_id\":" + std::to_string(batch_id) + ",\"trainees\":" + std::to_string(rows.size()) + "}");
}

Result<std::vector<HostView>> ProgramService::SetHosts(const Actor& actor, Id program_id,
                                                        const std::vector<NewHost>& hosts) {
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    std::optional<Error> error;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (std::size_t host_idx = 0; host_idx < hosts.size() && !error; ++host_idx) {
            const std::string field = "hosts[" + std::to_string(host_idx) + "]";
            if (!index.tree().Find(hosts[host_idx].unit_id)) error = Invalid("接收单位不存在", field + ".unit_id");
            else if (hosts[host_idx].capacity < 1) error = Invalid("接收名额应为正整数", field + ".capacity");
            else if (hosts[host_idx].mentor_person_id != 0 &&
                     !MentorOf(index, hosts[host_idx].mentor_person_id, hosts[host_idx].unit_id))
                error = Invalid(kNoSuchMentor, field + ".mentor_person_id");
        }
    });
    if (error) return *error;
    const auto current = DetailOf(*program);
    for (std::size_t host_idx = 0; host_idx < hosts.size(); ++host_idx)
        for (const auto& h : current.hosts)
            for (const auto& load : h.by_batch)
                if (h.record.unit_id == hosts[host_idx].unit_id && load.placed > hosts[host_idx].capacity)
                    return Conflict("「" + h.unit_name + "」" + load.batch_name + "已安排 " + std::to_string(load.placed) +
                                        " 人，每批名额不能少于 " + std::to_string(load.placed),
                                    "hosts[" + std::to_string(host_idx) + "].capacity");
    auto tx = store_.Begin();
    for (const auto& h : hosts) training_.UpsertHost({program_id, h.unit_id, h.capacity, h.mentor_person_id});
    Audit(actor, "set_hosts", "training_program", program_id, "{\"hosts\":" + std::to_string(hosts.size()) + "}");
    tx->Commit();
    return DetailOf(*program).hosts;
}

Result<std::vector<PlacementView>> ProgramService::AddPlacements(const Actor& actor, Id program_id,
                                                                  const std::vector<NewPlacement>& input) {
    if (input.empty()) return Invalid("请至少提供一条跟岗安排", "placements");
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    const auto batches = training_.ListBatches(program_id);
    const auto enrollments = training_.ListEnrollments(program_id);
    const auto hosts = training_.ListHosts(program_id);
    std::map<Id, const ports::ProgramHostRecord*> host_of;
    for (const auto& h : hosts) host_of[h.unit_id] = &h;

    std::vector<ports::PlacementRow> rows;
    std::vector<training::PlacementRecord> batch;
    std::optional<Error> error;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (std::size_t placement_idx = 0; placement_idx < input.size() && !error; ++placement_idx) {
            const auto& in = input[placement_idx];
            const std::string field = "placements[" + std::to_string(placement_idx) + "]";
            const auto* person = index.FindPerson(in.person_id);
            if (!person || !tree.InSubtree(program->scope_unit_id, person->unit_id) ||
                !core::auth::InScope(index.tree(), actor, person->unit_id)) {
                error = Invalid(NoSuchTrainee(in.person_id), field + ".person_id");
                break;
            }
            if (!tree.Find(in.host_unit_id)) {
                error = Invalid("接收单位不存在", field + ".host_unit_id");
                break;
            }
            ports::PlacementRow row;
            row.program_id = program_id;
            row.person_id = in.person_id;
            row.trainee_unit_id = person->unit_id;
            row.batch_id = in.batch_id;
            for (const auto& e : enrollments)
                if (e.person_id == in.person_id) {
                    if (row.batch_id == 0) row.batch_id = e.batch_id;
                    if (row.batch_id == e.batch_id) row.trainee_unit_id = e.unit_id;
                }
            const ports::BatchRecord* b = nullptr;
            for (const auto& candidate : batches)
                if (candidate.id == row.batch_id) b = &candidate;
            if (row.batch_id != 0 && !b) {
                error = Invalid("批次不属于本项目", field + ".batch_id");
                break;
            }
            row.host_unit_id = in.host_unit_id;
            row.mentor_person_id = in.mentor_person_id;
            if (row.mentor_person_id == 0)
                if (auto it = host_of.find(in.host_unit_id); it != host_of.end())
                    row.mentor_person_id = it->second->mentor_person_id;
            if (row.mentor_person_id != 0 && !MentorOf(index, row.mentor_person_id, in.host_unit_id)) {
                error = Invalid(kNoSuchMentor, field + ".mentor_person_id");
                break;
            }
            row.start_date = !in.start_date.empty() ? in.start_date : b ? b->start_date : "";
            row.end_date = !in.end_date.empty() ? in.end_date : b ? b->end_date : "";
            row.focus = JoinFocus(in.focus);
            rows.push_back(row);
            batch.push_back(training::PlacementRecord{0, program_id, row.person_id, row.host_unit_id,
                                                      row.mentor_person_id, row.start_date, row.end_date});
        }
    });
    if (error) return *error;

    // Existing placements that can clash: the same people anywhere, and this program's placements
    // at its hosts (capacity is per program).
    std::vector<Id> people;
    for (const auto& r : rows) people.push_back(r.person_id);
    std::map<Id, ports::PlacementRow> existing_rows;
    for (auto& r : training_.ListPlacementsOfPeople(people)) existing_rows.emplace(r.id, std::move(r));
    for (auto& r : training_.ListPlacements(program_id)) existing_rows.emplace(r.id, std::move(r));
    // Placements of other programs keep their person (overlap check) but get a host id no
    // capacity entry matches, so they do not use this program's places.
    std::vector<training::PlacementRecord> existing;
    for (const auto& [id, r] : existing_rows)
        existing.push_back(training::PlacementRecord{r.id, r.program_id, r.person_id,
                                                     r.program_id == program_id ? r.host_unit_id : -r.host_unit_id,
                                                     r.mentor_person_id, r.start_date, r.end_date});
    std::map<Id, int> capacity;
    for (const auto& r : rows)
        capacity[r.host_unit_id] = host_of.count(r.host_unit_id) ? host_of.at(r.host_unit_id)->capacity
                                                                  : kDefaultHostCapacity;
    const training::ProgramWindow window{program_id, program->name, program->start_date, program->end_date};
    auto errors = training::ValidatePlacementBatch(window, existing, batch, capacity);
    roster_.WithIndex([&](const RosterIndex& index) {
        for (auto& e : errors) {
            // "placements[i].field": say whom and where in the officer's words.
            const auto close = e.field.find(']');
            const std::size_t idx = std::stoul(e.field.substr(std::string("placements[").size()));
            if (close == std::string::npos || idx >= rows.size()) continue;
            std::string who = PersonName(index, rows[idx].person_id);
            if (e.field.ends_with(".host_unit_id")) who += " → 「" + NameOf(index.tree(), rows[idx].host_unit_id) + "」";
            e.message = who + "：" + e.message;
        }
    });
    if (!errors.empty()) {
        Error first = errors.front();
        for (std::size_t error_idx = 1; error_idx < errors.size(); ++error_idx)
            first.message += "；" + errors[error_idx].message;
        return first;
    }

    auto tx = store_.Begin();
    std::string detail = "[";
    for (auto& r : rows) {
        r.id = training_.InsertPlacement(r);
        if (detail.size() > 1) detail += ',';
        detail += "{\"id\":" + std::to_string(r.id) + ",\"person_id\":" + std::to_string(r.person_id) +
                  ",\"host_unit_id\":" + std::to_string(r.host_unit_id) + ",\"start_date\":" +
                  JsonQuote(r.start_date) + ",\"end_date\":" + JsonQuote(r.end_date) + "}";
    }
    detail += "]";
    Audit(actor, "add_placements", "training_program", program_id, "{\"placements\":" + detail + "}");
    tx->Commit();
    std::vector<PlacementView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& r : rows) {
            PlacementView v;
            v.row = r;
            v.person_name = PersonName(index, r.person_id);
            v.trainee_unit_name = NameOf(index.tree(), r.trainee_unit_id);
            v.host_unit_name = NameOf(index.tree(), r.host_unit_id);
            v.mentor_name = PersonName(index, r.mentor_person_id);
            out.push_back(std::move(v));
        }
    });
    return out;
}

std::optional<UnitComparison> ProgramService::Compare(Id unit_id) const {
    std::optional<UnitComparison> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* u = index.tree().Find(unit_id);
        if (!u) return;
        UnitComparison c;
        c.unit_id = unit_id;
        c.name = u->name;
        c.profile.unit = u->name;
        c.profile.economy = u->economy;
        c.profile.dev_zone = u->dev_zone;
        c.profile.near_highway = u->near_highway;
        c.profile.population = static_cast<double>(u->population);
        c.incomes = index.IncomesOf(unit_id);
        std::sort(c.incomes.begin(), c.incomes.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
        if (!c.incomes.empty()) {
            c.profile.income = static_cast<double>(c.incomes.back().amount_yuan);
            c.income_year = c.incomes.back().year;
        }
        out = std::move(c);
    });
    return out;
}

std::vector<CandidateTrainee> ProgramService::Candidates(const Actor& actor, Id scope_unit, const std::set<Id>& enrolled,
                                                        const std::vector<matching::UnitProfile>& hosts,
                                                        double min_similarity) const {
    int free_places = 0;
    for (const auto& h : hosts) free_places += std::max(0, h.capacity);
    std::vector<std::pair<Id, Id>> secretaries;  // person, unit
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (Id unit : tree.Subtree(scope_unit)) {
            const auto* u = tree.Find(unit);
            if (!u || (u->kind != core::roster::UnitKind::kVillage && u->kind != core::roster::UnitKind::kCommunity) ||
                !core::auth::InScope(tree, actor, unit))
                continue;
            for (const auto* pos : index.TeamOf(unit))
                if (pos->title.ends_with("书记") && !pos->title.ends_with("副书记") && !enrolled.count(pos->person_id)) {
                    secretaries.emplace_back(pos->person_id, unit);
                    break;
                }
        }
    });
    std::vector<CandidateTrainee> out;
    for (const auto& [person, unit] : secretaries) {
        auto c = Compare(unit);
        if (!c || c->profile.population <= 0 || c->profile.income <= 0) continue;
        const matching::UnitProfile* best = nullptr;
        double best_value = 0;
        for (const auto& h : hosts) {
            if (h.capacity <= 0) continue;
            const double sim = matching::Similarity(c->profile, h), gap = matching::Gap(c->profile, h);
            if (gap <= 0 || sim + matching::kSimilarityTolerance < min_similarity) continue;
            if (!best || sim * gap > best_value) best = &h, best_value = sim * gap;
        }
        if (!best) continue;
        CandidateTrainee t;
        t.person_id = person;
        t.unit_name = c->name;
        t.host_name = best->unit;
        t.value = best_value;
        t.why = matching::Explain(c->profile, *best);
        roster_.WithIndex([&](const RosterIndex& index) { t.person_name = PersonName(index, person); });
        out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.value != b.value ? a.value > b.value : a.person_id < b.person_id;
    });
    if (static_cast<int>(out.size()) > free_places) out.resize(static_cast<std::size_t>(free_places));
    return out;
}

Result<Recommendation> ProgramService::Recommend(const Actor& actor, Id program_id, Id batch_id,
                                                  double min_similarity) {
    if (!(min_similarity >= 0 && min_similarity <= 1)) return Invalid("最低相似度应在 0 到 1 之间", "min_similarity");
    std::vector<ports::EnrollmentRecord> trainees;
    std::vector<ports::ProgramHostRecord> hosts;
    std::map<Id, int> used;
    std::set<Id> enrolled_anywhere;
    int enrolled = 0;
    Id scope_unit = 0;
    {
        std::lock_guard lock(store_mutex_);
        auto program = training_.FindProgram(program_id);
        if (!program || !CanRead(actor, program->scope_unit_id)) return NotFound("培训项目");
        if (!IsManager(actor.role)) return Forbidden("无权安排跟岗");
        const auto batches = training_.ListBatches(program_id);
        const ports::BatchRecord* batch = nullptr;
        for (const auto& b : batches)
            if (b.id == batch_id) batch = &b;
        if (!batch) return NotFound("批次", "batch");
        const auto placements = training_.ListPlacements(program_id);
        std::set<Id> placed;
        for (const auto& p : placements) {
            if (p.batch_id == batch_id) placed.insert(p.person_id);
            if (Overlaps(p.start_date, p.end_date, batch->start_date, batch->end_date)) ++used[p.host_unit_id];
        }
        for (const auto& e : training_.ListEnrollments(program_id)) {
            enrolled_anywhere.insert(e.person_id);
            if (e.batch_id != batch_id) continue;
            ++enrolled;
            if (!placed.count(e.person_id)) trainees.push_back(e);
        }
        hosts = training_.ListHosts(program_id);
        scope_unit = program->scope_unit_id;
    }

    Recommendation out;
    out.batch_id = batch_id;
    out.enrolled = enrolled;
    out.min_similarity = min_similarity;
    std::vector<matching::UnitProfile> trainee_profiles, host_profiles;
    std::vector<std::size_t> trainee_row;  // matching index → row
    std::vector<UnitComparison> host_views;
    for (const auto& h : hosts) {
        auto c = Compare(h.unit_id);
        if (!c || c->profile.population <= 0 || c->profile.income <= 0) continue;
        c->profile.capacity = std::max(0, h.capacity - used[h.unit_id]);
        host_profiles.push_back(c->profile);
        host_views.push_back(std::move(*c));
    }
    for (const auto& e : trainees) {
        RecommendationRow row;
        row.person_id = e.person_id;
        roster_.WithIndex([&](const RosterIndex& index) { row.person_name = PersonName(index, e.person_id); });
        auto c = Compare(e.unit_id);
        if (c) row.trainee = *c;
        if (!c || c->profile.population <= 0 || c->profile.income <= 0) {
            row.reason = "所在单位缺少人口或集体经营性收入数据";
        } else {
            trainee_row.push_back(out.rows.size());
            trainee_profiles.push_back(c->profile);
        }
        out.rows.push_back(std::move(row));
    }
    matching::MatchOptions options;
    options.default_capacity = kDefaultHostCapacity;
    options.min_similarity = min_similarity;
    auto result = matching::MatchHosts(trainee_profiles, host_profiles, options);
    if (!result) return result.error();
    for (std::size_t trainee_idx = 0; trainee_idx < trainee_profiles.size(); ++trainee_idx) {
        auto& row = out.rows[trainee_row[trainee_idx]];
        const auto& placement = result->placements[trainee_idx];
        if (placement.host >= 0) {
            row.host = host_views[static_cast<std::size_t>(placement.host)];
            row.similarity = placement.similarity;
            row.gap = placement.gap;
            row.value = placement.value;
            row.why = matching::Explain(trainee_profiles[trainee_idx], host_profiles[static_cast<std::size_t>(placement.host)]);
        }
        std::vector<std::tuple<Id, std::string, double, double, double>> alternatives;
        for (std::size_t host_idx = 0; host_idx < host_profiles.size(); ++host_idx) {
            if (static_cast<int>(host_idx) == placement.host) continue;
            const double sim = matching::Similarity(trainee_profiles[trainee_idx], host_profiles[host_idx]);
            const double gap = matching::Gap(trainee_profiles[trainee_idx], host_profiles[host_idx]);
            if (gap <= 0 || sim + matching::kSimilarityTolerance < min_similarity) continue;
            alternatives.emplace_back(host_views[host_idx].unit_id, host_views[host_idx].name, sim, gap, sim * gap);
        }
        std::sort(alternatives.begin(), alternatives.end(),
                  [](const auto& a, const auto& b) { return std::get<4>(a) > std::get<4>(b); });
        if (placement.host < 0) {
            // Eligible hosts exist but have no place left in this batch's dates, or none qualifies.
            std::string full;
            for (std::size_t alt_idx = 0; alt_idx < alternatives.size() && alt_idx < kAlternatives; ++alt_idx)
                full += (full.empty() ? "" : "、") + std::get<1>(alternatives[alt_idx]);
            char threshold[16];
            std::snprintf(threshold, sizeof threshold, "%.2g", min_similarity);
            row.reason = !full.empty() ? "相符的接收单位（" + full + "）本批名额已满，可增加名额或接收单位"
                                       : std::string("没有集体经营性收入更高且相似度不低于 ") + threshold + " 的接收单位";
        }
        if (alternatives.size() > kAlternatives) alternatives.resize(kAlternatives);
        row.alternatives = std::move(alternatives);
    }
    if (enrolled == 0) out.candidates = Candidates(actor, scope_unit, enrolled_anywhere, host_profiles, min_similarity);
    for (const auto& row : out.rows) {
        if (row.host) ++out.placed;
        else ++out.unplaced;
        out.total_value += row.value;
    }
    return out;
}

Result<std::string> ProgramService::SeminarTitleLocked(const Actor& actor, Id seminar_id) {
    for (const auto& program : training_.ListPrograms()) {
        if (!CanRead(actor, program.scope_unit_id)) continue;
        for (const auto& s : training_.ListSeminars(program.id))
            if (s.id == seminar_id) return program.name + " · " + s.topic;
    }
    return NotFound("培训研讨", "source_id");
}

Result<SeminarView> ProgramService::AddSeminar(const Actor& actor, Id program_id, const NewSeminar& seminar) {
    if (seminar.topic.empty()) return Invalid("请填写研讨主题", "topic");
    if (auto bad = BadDate(seminar.date, "date")) return *bad;
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    if (seminar.date < program->start_date || seminar.date > program->end_date)
        return Invalid("研讨日期须在项目日期（" + program->start_date + " 至 " + program->end_date + "）之内", "date");
    if (seminar.batch_id != 0) {
        bool found = false;
        for (const auto& b : training_.ListBatches(program_id)) found = found || b.id == seminar.batch_id;
        if (!found) return Invalid("批次不属于本项目", "batch_id");
    }
    std::set<Id> trainees;
    for (const auto& e : training_.ListEnrollments(program_id)) trainees.insert(e.person_id);
    for (const auto& p : training_.ListPlacements(program_id)) trainees.insert(p.person_id);
    std::set<Id> seen;
    SeminarView view;
    for (std::size_t att_idx = 0; att_idx < seminar.attendance.size(); ++att_idx) {
        const auto& [person, present] = seminar.attendance[att_idx];
        const std::string field = "attendance[" + std::to_string(att_idx) + "]";
        if (!trainees.count(person)) return Invalid("该人员不是本项目的学员", field);
        if (!seen.insert(person).second) return Invalid("同一学员重复登记", field);
        (present ? view.present : view.absent) += 1;
    }
    auto tx = store_.Begin();
    view.record = {0, program_id, seminar.batch_id, seminar.date, seminar.topic, seminar.location};
    view.record.id = training_.InsertSeminar(view.record);
    for (const auto& [person, present] : seminar.attendance)
        training_.InsertAttendance({view.record.id, person, present});
    Audit(actor, "add_seminar", "training_program", program_id,
          "{\"seminar_id\":" + std::to_string(view.record.id) + ",\"date\":" + JsonQuote(seminar.date) +
              ",\"topic\":" + JsonQuote(seminar.topic) + ",\"present\":" + std::to_string(view.present) +
              ",\"absent\":" + std::to_string(view.absent) + "}");
    tx->Commit();
    return view;
}

Result<PlacementView> ProgramService::SubmitSummary(const Actor& actor, Id program_id, Id placement_id,
                                                     const std::string& text, const std::string& date_in) {
    if (text.empty()) return Invalid("请填写跟岗总结", "text");
    const std::string date = date_in.empty() ? clock_.Today() : date_in;
    if (auto bad = BadDate(date, "date")) return *bad;
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    for (auto row : training_.ListPlacements(program_id)) {
        if (row.id != placement_id) continue;
        const std::string before = row.summary_text;
        row.summary_text = text;
        row.summary_date = date;
        auto tx = store_.Begin();
        training_.UpdatePlacement(row);
        Audit(actor, "summary", "training_program", program_id,
              "{\"placement_id\":" + std::to_string(placement_id) + ",\"before\":" + JsonQuote(before) +
                  ",\"after\":" + JsonQuote(text) + "}");
        tx->Commit();
        for (auto& v : DetailOf(*program).placements)
            if (v.row.id == placement_id) return v;
    }
    return NotFound("跟岗安排", "placement");
}

Result<PlacementView> ProgramService::Assess(const Actor& actor, Id program_id, Id placement_id,
                                              const std::string& grade_name, const std::string& text) {
    auto grade = training::GradeFromName(grade_name);
    if (!grade) return Invalid("评价等次应为 优秀、称职、基本称职 或 不称职", "grade");
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    for (auto row : training_.ListPlacements(program_id)) {
        if (row.id != placement_id) continue;
        const std::string before = row.assessment_grade;
        row.assessment_grade = training::GradeName(*grade);
        row.assessment_text = text;
        auto tx = store_.Begin();
        training_.UpdatePlacement(row);
        Audit(actor, "assessment", "training_program", program_id,
              "{\"placement_id\":" + std::to_string(placement_id) + ",\"before\":" + JsonQuote(before) +
                  ",\"after\":" + JsonQuote(row.assessment_grade) + "}");
        tx->Commit();
        for (auto& v : DetailOf(*program).placements)
            if (v.row.id == placement_id) return v;
    }
    return NotFound("跟岗安排", "placement");
}

Result<std::vector<ports::FollowUpRecord>> ProgramService::AddActionItems(const Actor& actor, Id program_id,
                                                                    Id placement_id,
                                                                    const std::vector<std::string>& items) {
    if (items.empty()) return Invalid("请至少填写一项行动事项", "items");
    for (std::size_t item_idx = 0; item_idx < items.size(); ++item_idx)
        if (items[item_idx].empty()) return Invalid("行动事项不能为空", "items[" + std::to_string(item_idx) + "]");
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    for (const auto& row : training_.ListPlacements(program_id)) {
        if (row.id != placement_id) continue;
        auto end = ParseIsoDate(row.end_date);
        if (!end) return Invalid("跟岗结束日期无效", "placement");
        std::vector<ports::FollowUpRecord> out;
        auto tx = store_.Begin();
        for (const auto& item : items) {
            for (int months : {3, 6}) {
                ports::FollowUpRecord f{0, placement_id, item, months, core::FormatIsoDate(core::AddMonths(*end, months)),
                                 "open", "", ""};
                f.id = training_.InsertFollowUp(f);
                out.push_back(std::move(f));
            }
        }
        Audit(actor, "action_items", "training_program", program_id,
              "{\"placement_id\":" + std::to_string(placement_id) + ",\"items\":" + std::to_string(items.size()) +
                  "}");
        tx->Commit();
        return out;
    }
    return NotFound("跟岗安排", "placement");
}

Result<ports::FollowUpRecord> ProgramService::CompleteFollowUp(const Actor& actor, Id program_id, Id followup_id,
                                                         const std::string& note, const std::string& date_in) {
    const std::string date = date_in.empty() ? clock_.Today() : date_in;
    if (auto bad = BadDate(date, "date")) return *bad;
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    for (auto f : training_.ListFollowUps(program_id)) {
        if (f.id != followup_id) continue;
        if (f.status == "done") return Conflict("该回访已完成");
        f.status = "done";
        f.note = note;
        f.done_on = date;
        auto tx = store_.Begin();
        training_.UpdateFollowUp(f);
        Audit(actor, "followup_done", "training_program", program_id,
              "{\"followup_id\":" + std::to_string(followup_id) + ",\"note\":" + JsonQuote(note) + "}");
        tx->Commit();
        return f;
    }
    return NotFound("回访事项", "followup");
}

Result<std::vector<AgreementView>> ProgramService::AddAgreements(const Actor& actor, Id program_id,
                                                                  const std::vector<NewAgreement>& agreements) {
    if (agreements.empty()) return Invalid("请至少提供一份协议", "agreements");
    std::lock_guard lock(store_mutex_);
    auto program = ManagedProgram(actor, program_id);
    if (!program) return program.error();
    std::optional<Error> error;
    std::vector<AgreementView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (std::size_t agreement_idx = 0; agreement_idx < agreements.size() && !error; ++agreement_idx) {
            const auto& a = agreements[agreement_idx];
            const std::string field = "agreements[" + std::to_string(agreement_idx) + "]";
            if (!tree.Find(a.unit_a) || !tree.Find(a.unit_b)) error = Invalid("协议双方单位须存在", field);
            else if (a.unit_a == a.unit_b) error = Invalid("协议双方不能是同一单位", field);
            else if (!tree.InSubtree(program->scope_unit_id, a.unit_a) && !tree.InSubtree(program->scope_unit_id, a.unit_b))
                error = Forbidden("协议至少一方须在项目所属单位之内");
            else if (a.title.empty()) error = Invalid("请填写协议名称", field + ".title");
            else if (!ValidAgreementStatus(a.status)) error = Invalid("状态应为 draft, signed 或 ended", field + ".status");
            else if (a.status != "draft") {
                if (auto bad = BadDate(a.signed_on, field + ".signed_on")) error = bad;
            }
            if (error) return;
            out.push_back(AgreementView{ports::AgreementRecord{0, program_id, a.unit_a, a.unit_b, a.title, a.content,
                                                        a.signed_on, a.status},
                                        NameOf(tree, a.unit_a), NameOf(tree, a.unit_b)});
        }
    });
    if (error) return *error;
    auto tx = store_.Begin();
    for (auto& v : out) v.record.id = training_.InsertAgreement(v.record);
    Audit(actor, "add_agreements", "training_program", program_id,
          "{\"agreements\":" + std::to_string(out.size()) + "}");
    tx->Commit();
    return out;
}

Result<GapView> ProgramService::Gap(const Actor& actor, Id unit_id, Id host_id) {
    if (!core::auth::CanReadRoster(actor.role) || !InScope(actor, unit_id)) return NotFound("单位");
    auto trainee = Compare(unit_id);
    auto host = Compare(host_id);
    if (!trainee) return NotFound("单位");
    if (!host) return NotFound("对标单位", "host");
    GapView v;
    v.trainee = *trainee;
    v.host = *host;
    v.similarity = matching::Similarity(trainee->profile, host->profile);
    if (trainee->profile.income > 0 && host->profile.income > 0) v.gap = matching::Gap(trainee->profile, host->profile);
    std::map<int, std::int64_t> host_by_year;
    for (const auto& i : host->incomes) host_by_year[i.year] = i.amount_yuan;
    for (const auto& i : trainee->incomes) {
        auto it = host_by_year.find(i.year);
        if (it == host_by_year.end()) continue;
        const double gap = i.amount_yuan > 0 && it->second > 0
                               ? std::log(static_cast<double>(it->second) / static_cast<double>(i.amount_yuan))
                               : 0.0;
        v.years.emplace_back(i.year, i.amount_yuan, it->second, gap);
    }
    return v;
}

}  // namespace lingyan::app
