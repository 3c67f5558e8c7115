#include "storage/sql/training_store.hpp"

#include <algorithm>
#include <cstdint>

#include "storage/db/batches.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

using namespace core::ports;  // NOLINT(google-build-using-namespace): record types of the port

namespace {

std::int64_t I(int v) { return static_cast<std::int64_t>(v); }

constexpr const char* kInsertPool =
    "INSERT INTO talent_pools (name, scope_unit_id, quota, rules_json, description, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kPoolColumns =
    "SELECT id, name, scope_unit_id, quota, rules_json, description, created_by, created_at FROM talent_pools";
constexpr const char* kDeleteTownQuota = "DELETE FROM pool_town_quotas WHERE pool_id = ? AND town_id = ?";
constexpr const char* kInsertTownQuota = "INSERT INTO pool_town_quotas (pool_id, town_id, quota) VALUES (?, ?, ?)";
constexpr const char* kSelectTownQuotas =
    "SELECT pool_id, town_id, quota FROM pool_town_quotas WHERE pool_id = ? ORDER BY town_id";

constexpr const char* kInsertMembership =
    "INSERT INTO pool_memberships (pool_id, person_id, town_id, state, nominated_on, override_reason) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateMembership = "UPDATE pool_memberships SET state = ?, override_reason = ? WHERE id = ?";
constexpr const char* kSelectMemberships =
    "SELECT id, pool_id, person_id, town_id, state, nominated_on, override_reason FROM pool_memberships "
    "WHERE pool_id = ? ORDER BY id";
constexpr const char* kInsertMemberEvent =
    "INSERT INTO pool_member_events (membership_id, from_state, to_state, event_date, note, done_by, done_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectMemberEvents =
    "SELECT e.id, e.membership_id, e.from_state, e.to_state, e.event_date, e.note, e.done_by, e.done_at "
    "FROM pool_member_events e JOIN pool_memberships m ON m.id = e.membership_id WHERE m.pool_id = ? ORDER BY e.id";

constexpr const char* kInsertLadderStep =
    "INSERT INTO ladder_steps (person_id, post, level, effective_date, reason, recorded_by, recorded_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kLadderStepColumns =
    "SELECT id, person_id, post, level, effective_date, reason, recorded_by, recorded_at FROM ladder_steps";

constexpr const char* kInsertBonusSplit =
    "INSERT INTO bonus_splits (unit_id, period, pool_fen, total_weight, as_of, summary, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kBonusSplitColumns =
    "SELECT id, unit_id, period, pool_fen, total_weight, as_of, summary, created_by, created_at FROM bonus_splits";
constexpr const char* kInsertBonusLine =
    "INSERT INTO bonus_split_lines (split_id, line_no, person_id, name, post, level, grade, level_weight, "
    "coefficient, weight, amount_fen, arithmetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectBonusLines =
    "SELECT split_id, line_no, person_id, name, post, level, grade, level_weight, coefficient, weight, amount_fen, "
    "arithmetic FROM bonus_split_lines WHERE split_id = ? ORDER BY line_no";
constexpr const char* kDeleteBonusLines = "DELETE FROM bonus_split_lines WHERE split_id = ?";
constexpr const char* kDeleteBonusSplit = "DELETE FROM bonus_splits WHERE id = ?";

constexpr const char* kInsertProgram =
    "INSERT INTO training_programs (name, kind, scope_unit_id, start_date, end_date, description, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kProgramColumns =
    "SELECT id, name, kind, scope_unit_id, start_date, end_date, description, created_by, created_at "
    "FROM training_programs";
constexpr const char* kInsertBatch =
    "INSERT INTO training_batches (program_id, name, start_date, end_date) VALUES (?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateProgram =
    "UPDATE training_programs SET name = ?, kind = ?, start_date = ?, end_date = ?, description = ? WHERE id = ?";
constexpr const char* kDeleteProgramEnrollments =
    "DELETE FROM batch_enrollments WHERE batch_id IN (SELECT id FROM training_batches WHERE program_id = ?)";
constexpr const char* kDeleteProgramBatches = "DELETE FROM training_batches WHERE program_id = ?";
constexpr const char* kDeleteProgramHosts = "DELETE FROM program_hosts WHERE program_id = ?";
constexpr const char* kDeleteProgram = "DELETE FROM training_programs WHERE id = ?";
constexpr const char* kSelectBatches =
    "SELECT id, program_id, name, start_date, end_date FROM training_batches WHERE program_id = ? ORDER BY id";
constexpr const char* kInsertEnrollment =
    "INSERT INTO batch_enrollments (batch_id, person_id, unit_id) VALUES (?, ?, ?)";
constexpr const char* kSelectEnrollments =
    "SELECT e.batch_id, e.person_id, e.unit_id FROM batch_enrollments e JOIN training_batches b ON b.id = e.batch_id "
    "WHERE b.program_id = ? ORDER BY e.batch_id, e.person_id";
constexpr const char* kDeleteHost = "DELETE FROM program_hosts WHERE program_id = ? AND unit_id = ?";
constexpr const char* kInsertHost =
    "INSERT INTO program_hosts (program_id, unit_id, capacity, mentor_person_id) VALUES (?, ?, ?, ?)";
constexpr const char* kSelectHosts =
    "SELECT program_id, unit_id, capacity, mentor_person_id FROM program_hosts WHERE program_id = ? ORDER BY unit_id";

constexpr const char* kInsertPlacement =
    "INSERT INTO placements (program_id, batch_id, person_id, trainee_unit_id, host_unit_id, mentor_person_id, "
    "start_date, end_date, focus, assessment_grade, assessment_text, summary_text, summary_date) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePlacement =
    "UPDATE placements SET host_unit_id = ?, mentor_person_id = ?, start_date = ?, end_date = ?, focus = ?, "
    "assessment_grade = ?, assessment_text = ?, summary_text = ?, summary_date = ? WHERE id = ?";
constexpr const char* kDeletePlacementFollowUps = "DELETE FROM placement_followups WHERE placement_id = ?";
constexpr const char* kDeletePlacement = "DELETE FROM placements WHERE id = ?";
constexpr const char* kPlacementColumns =
    "SELECT id, program_id, batch_id, person_id, trainee_unit_id, host_unit_id, mentor_person_id, start_date, "
    "end_date, focus, assessment_grade, assessment_text, summary_text, summary_date FROM placements";

constexpr const char* kInsertSeminar =
    "INSERT INTO seminars (program_id, batch_id, seminar_date, topic, location) VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectSeminars =
    "SELECT id, program_id, batch_id, seminar_date, topic, location FROM seminars WHERE program_id = ? "
    "ORDER BY seminar_date, id";
constexpr const char* kInsertAttendance =
    "INSERT INTO seminar_attendance (seminar_id, person_id, present) VALUES (?, ?, ?)";
constexpr const char* kSelectAttendance =
    "SELECT a.seminar_id, a.person_id, a.present FROM seminar_attendance a JOIN seminars s ON s.id = a.seminar_id "
    "WHERE s.program_id = ? ORDER BY a.seminar_id, a.person_id";

constexpr const char* kInsertPlacementFollowUp =
    "INSERT INTO placement_followups (placement_id, item, months, due_date, status, note, done_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdatePlacementFollowUp = "UPDATE placement_followups SET status = ?, note = ?, done_on = ? WHERE id = ?";
constexpr const char* kSelectPlacementFollowUps =
    "SELECT f.id, f.placement_id, f.item, f.months, f.due_date, f.status, f.note, f.done_on "
    "FROM placement_followups f JOIN placements p ON p.id = f.placement_id WHERE p.program_id = ? ORDER BY f.id";

constexpr const char* kInsertAgreement =
    "INSERT INTO pairing_agreements (program_id, unit_a, unit_b, title, content, signed_on, status) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectAgreements =
    "SELECT id, program_id, unit_a, unit_b, title, content, signed_on, status FROM pairing_agreements "
    "WHERE program_id = ? ORDER BY id";
constexpr const char* kUpdateAgreement =
    "UPDATE pairing_agreements SET title = ?, content = ?, signed_on = ?, status = ? WHERE id = ?";
constexpr const char* kDeleteAgreement = "DELETE FROM pairing_agreements WHERE id = ?";

LadderStepRecord LadderStepFromRow(const SqlRow& r) { return RowAs<LadderStepRecord>(r); }

BonusSplitRecord BonusSplitFromRow(const SqlRow& r) { return RowAs<BonusSplitRecord>(r); }

PoolRecord PoolFromRow(const SqlRow& r) { return RowAs<PoolRecord>(r); }

ProgramRecord ProgramFromRow(const SqlRow& r) { return RowAs<ProgramRecord>(r); }

PlacementRow PlacementFromRow(const SqlRow& r) { return RowAs<PlacementRow>(r); }

}  // namespace

Id SqlTrainingStore::InsertPool(const PoolRecord& p) {
    return ReturnedId(db_.Query(
        kInsertPool, {p.name, p.scope_unit_id, I(p.quota), p.rules_json, p.description, p.created_by, p.created_at}));
}

std::optional<PoolRecord> SqlTrainingStore::FindPool(Id id) {
    return FirstRowWith(db_.Query(std::string(kPoolColumns) + " WHERE id = ?", {id}), PoolFromRow);
}

std::vector<PoolRecord> SqlTrainingStore::ListPools() {
    return RowsWith(db_.Query(std::string(kPoolColumns) + " ORDER BY id"), PoolFromRow);
}

void SqlTrainingStore::SetTownQuota(const PoolTownQuotaRecord& q) {
    db_.Query(kDeleteTownQuota, {q.pool_id, q.town_id});
    db_.Query(kInsertTownQuota, {q.pool_id, q.town_id, I(q.quota)});
}

std::vector<PoolTownQuotaRecord> SqlTrainingStore::ListTownQuotas(Id pool_id) {
    return RowsAs<PoolTownQuotaRecord>(db_.Query(kSelectTownQuotas, {pool_id}));
}

Id SqlTrainingStore::InsertMembership(const MembershipRecord& m) {
    return ReturnedId(
        db_.Query(kInsertMembership, {m.pool_id, m.person_id, m.town_id, m.state, m.nominated_on, m.override_reason}));
}

void SqlTrainingStore::UpdateMembership(const MembershipRecord& m) {
    db_.Query(kUpdateMembership, {m.state, m.override_reason, m.id});
}

std::vector<MembershipRecord> SqlTrainingStore::ListMemberships(Id pool_id) {
    return RowsAs<MembershipRecord>(db_.Query(kSelectMemberships, {pool_id}));
}

Id SqlTrainingStore::InsertMemberEvent(const MemberEventRecord& e) {
    return ReturnedId(
        db_.Query(kInsertMemberEvent, {e.membership_id, e.from_state, e.to_state, e.date, e.note, e.by, e.at}));
}

std::vector<MemberEventRecord> SqlTrainingStore::ListMemberEvents(Id pool_id) {
    return RowsAs<MemberEventRecord>(db_.Query(kSelectMemberEvents, {pool_id}));
}

Id SqlTrainingStore::InsertLadderStep(const LadderStepRecord& s) {
    return ReturnedId(db_.Query(kInsertLadderStep, {s.person_id, s.post, I(s.level), s.effective_date, s.reason,
                                                    s.recorded_by, s.recorded_at}));
}

std::vector<LadderStepRecord> SqlTrainingStore::ListLadderSteps(Id person_id) {
    return RowsWith(
        db_.Query(std::string(kLadderStepColumns) + " WHERE person_id = ? ORDER BY effective_date, id", {person_id}),
        LadderStepFromRow);
}

std::vector<LadderStepRecord> SqlTrainingStore::ListAllLadderSteps() {
    return RowsWith(db_.Query(std::string(kLadderStepColumns) + " ORDER BY person_id, effective_date, id"),
                    LadderStepFromRow);
}

std::vector<LadderStepRecord> SqlTrainingStore::ListLadderStepsOfPeople(const std::vector<Id>& person_ids) {
    // Chunks of ids keep each statement within SQLite's and libpq's parameter limits.
    constexpr std::size_t kChunk = 500;
    std::vector<Id> ids = person_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<LadderStepRecord> out;
    ForEachBatch(ids, kChunk, [&](const std::string& in, const std::vector<SqlValue>& params) {
        const auto sql =
            std::string(kLadderStepColumns) + " WHERE person_id IN " + in + " ORDER BY person_id, effective_date, id";
        for (const auto& r : db_.Query(sql, params)) out.push_back(LadderStepFromRow(r));
    });
    return out;
}

Id SqlTrainingStore::InsertBonusSplit(const BonusSplitRecord& b) {
    return ReturnedId(db_.Query(kInsertBonusSplit, {b.unit_id, b.period, b.pool_fen, b.total_weight, b.as_of, b.summary,
                                                    b.created_by, b.created_at}));
}

void SqlTrainingStore::InsertBonusLine(const BonusLineRecord& l) {
    db_.Query(kInsertBonusLine, {l.split_id, I(l.line_no), l.person_id, l.name, l.post, I(l.level), l.grade,
                                 l.level_weight, l.coefficient, l.weight, l.amount_fen, l.arithmetic});
}

std::optional<BonusSplitRecord> SqlTrainingStore::FindBonusSplit(Id id) {
    return FirstRowWith(db_.Query(std::string(kBonusSplitColumns) + " WHERE id = ?", {id}), BonusSplitFromRow);
}

std::vector<BonusSplitRecord> SqlTrainingStore::ListBonusSplits() {
    return RowsWith(db_.Query(std::string(kBonusSplitColumns) + " ORDER BY id"), BonusSplitFromRow);
}

std::vector<BonusLineRecord> SqlTrainingStore::ListBonusLines(Id split_id) {
    return RowsAs<BonusLineRecord>(db_.Query(kSelectBonusLines, {split_id}));
}

void SqlTrainingStore::DeleteBonusSplit(Id id) {
    db_.Query(kDeleteBonusLines, {id});
    db_.Query(kDeleteBonusSplit, {id});
}

Id SqlTrainingStore::InsertProgram(const ProgramRecord& p) {
    return ReturnedId(db_.Query(kInsertProgram, {p.name, p.kind, p.scope_unit_id, p.start_date, p.end_date,
                                                 p.description, p.created_by, p.created_at}));
}

std::optional<ProgramRecord> SqlTrainingStore::FindProgram(Id id) {
    return FirstRowWith(db_.Query(std::string(kProgramColumns) + " WHERE id = ?", {id}), ProgramFromRow);
}

std::vector<ProgramRecord> SqlTrainingStore::ListPrograms() {
    return RowsWith(db_.Query(std::string(kProgramColumns) + " ORDER BY id"), ProgramFromRow);
}

void SqlTrainingStore::UpdateProgram(const ProgramRecord& p) {
    db_.Query(kUpdateProgram, {p.name, p.kind, p.start_date, p.end_date, p.description, p.id});
}

void SqlTrainingStore::DeleteProgram(Id id) {
    db_.Query(kDeleteProgramEnrollments, {id});
    db_.Query(kDeleteProgramBatches, {id});
    db_.Query(kDeleteProgramHosts, {id});
    db_.Query(kDeleteProgram, {id});
}

Id SqlTrainingStore::InsertBatch(const BatchRecord& b) {
    return ReturnedId(db_.Query(kInsertBatch, {b.program_id, b.name, b.start_date, b.end_date}));
}

std::vector<BatchRecord> SqlTrainingStore::ListBatches(Id program_id) {
    return RowsAs<BatchRecord>(db_.Query(kSelectBatches, {program_id}));
}

void SqlTrainingStore::InsertEnrollment(const EnrollmentRecord& e) {
    db_.Query(kInsertEnrollment, {e.batch_id, e.person_id, e.unit_id});
}

std::vector<EnrollmentRecord> SqlTrainingStore::ListEnrollments(Id program_id) {
    return RowsAs<EnrollmentRecord>(db_.Query(kSelectEnrollments, {program_id}));
}

void SqlTrainingStore::UpsertHost(const ProgramHostRecord& h) {
    db_.Query(kDeleteHost, {h.program_id, h.unit_id});
    db_.Query(kInsertHost, {h.program_id, h.unit_id, I(h.capacity), h.mentor_person_id});
}

std::vector<ProgramHostRecord> SqlTrainingStore::ListHosts(Id program_id) {
    return RowsAs<ProgramHostRecord>(db_.Query(kSelectHosts, {program_id}));
}

Id SqlTrainingStore::InsertPlacement(const PlacementRow& p) {
    return ReturnedId(db_.Query(
        kInsertPlacement,
        {p.program_id, p.batch_id, p.person_id, p.trainee_unit_id, p.host_unit_id, p.mentor_person_id, p.start_date,
         p.end_date, p.focus, p.assessment_grade, p.assessment_text, p.summary_text, p.summary_date}));
}

void SqlTrainingStore::UpdatePlacement(const PlacementRow& p) {
    db_.Query(kUpdatePlacement, {p.host_unit_id, p.mentor_person_id, p.start_date, p.end_date, p.focus,
                                 p.assessment_grade, p.assessment_text, p.summary_text, p.summary_date, p.id});
}

void SqlTrainingStore::DeletePlacement(Id id) {
    db_.Query(kDeletePlacementFollowUps, {id});
    db_.Query(kDeletePlacement, {id});
}

std::vector<PlacementRow> SqlTrainingStore::ListPlacements(Id program_id) {
    return RowsWith(db_.Query(std::string(kPlacementColumns) + " WHERE program_id = ? ORDER BY id", {program_id}),
                    PlacementFromRow);
}

std::vector<PlacementRow> SqlTrainingStore::ListPlacementsOfPeople(const std::vector<Id>& person_ids) {
    if (person_ids.empty()) return {};
    // One parameter per person; the app asks for a batch's trainees (tens), not thousands.
    std::vector<SqlValue> params;
    const std::string in = InList(person_ids, params);
    return RowsWith(db_.Query(std::string(kPlacementColumns) + " WHERE person_id IN " + in + " ORDER BY id", params),
                    PlacementFromRow);
}

Id SqlTrainingStore::InsertSeminar(const SeminarRecord& s) {
    return ReturnedId(db_.Query(kInsertSeminar, {s.program_id, s.batch_id, s.date, s.topic, s.location}));
}

std::vector<SeminarRecord> SqlTrainingStore::ListSeminars(Id program_id) {
    return RowsAs<SeminarRecord>(db_.Query(kSelectSeminars, {program_id}));
}

void SqlTrainingStore::InsertAttendance(const AttendanceRecord& a) {
    db_.Query(kInsertAttendance, {a.seminar_id, a.person_id, I(a.present ? 1 : 0)});
}

std::vector<AttendanceRecord> SqlTrainingStore::ListAttendance(Id program_id) {
    return RowsAs<AttendanceRecord>(db_.Query(kSelectAttendance, {program_id}));
}

Id SqlTrainingStore::InsertFollowUp(const FollowUpRecord& f) {
    return ReturnedId(
        db_.Query(kInsertPlacementFollowUp, {f.placement_id, f.item, I(f.months), f.due_date, f.status, f.note, f.done_on}));
}

void SqlTrainingStore::UpdateFollowUp(const FollowUpRecord& f) {
    db_.Query(kUpdatePlacementFollowUp, {f.status, f.note, f.done_on, f.id});
}

std::vector<FollowUpRecord> SqlTrainingStore::ListFollowUps(Id program_id) {
    return RowsAs<FollowUpRecord>(db_.Query(kSelectPlacementFollowUps, {program_id}));
}

Id SqlTrainingStore::InsertAgreement(const AgreementRecord& a) {
    return ReturnedId(
        db_.Query(kInsertAgreement, {a.program_id, a.unit_a, a.unit_b, a.title, a.content, a.signed_on, a.status}));
}

std::vector<AgreementRecord> SqlTrainingStore::ListAgreements(Id program_id) {
    return RowsAs<AgreementRecord>(db_.Query(kSelectAgreements, {program_id}));
}

void SqlTrainingStore::UpdateAgreement(const AgreementRecord& a) {
    db_.Query(kUpdateAgreement, {a.title, a.content, a.signed_on, a.status, a.id});
}

void SqlTrainingStore::DeleteAgreement(Id id) { db_.Query(kDeleteAgreement, {id}); }

}  // namespace lingyan::storage
