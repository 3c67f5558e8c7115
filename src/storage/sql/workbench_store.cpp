#include "storage/sql/workbench_store.hpp"

#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace {

// Kept per unit by the points store in each write's transaction (migration 91), as the approvals
// queue counts: no ended members.
constexpr const char* kPendingPoints = "SELECT unit_id, pending FROM points_pending_units WHERE pending <> 0";
constexpr const char* kOpenCampaignFollowUps =
    "SELECT s.unit_id, COUNT(*) FROM campaign_followups f JOIN campaign_subjects s ON s.id = f.subject_id "
    "WHERE f.status = 'open' GROUP BY s.unit_id";
constexpr const char* kDuePlacementFollowUps =
    "SELECT p.trainee_unit_id, COUNT(*) FROM placement_followups f JOIN placements p ON p.id = f.placement_id "
    "WHERE f.status = 'open' AND f.due_date <= ? GROUP BY p.trainee_unit_id";
constexpr const char* kPoolMembers =
    "SELECT p.scope_unit_id, COUNT(*) FROM pool_memberships m JOIN talent_pools p ON p.id = m.pool_id "
    "WHERE m.state = ? GROUP BY p.scope_unit_id";
constexpr const char* kRunningPrograms =
    "SELECT scope_unit_id, COUNT(*) FROM training_programs WHERE start_date <= ? AND end_date >= ? "
    "GROUP BY scope_unit_id";
// The member first (unique index on user_id), then its events by the member index.
constexpr const char* kMemberOfUser = "SELECT id FROM points_members WHERE user_id = ?";
// No GROUP BY: SQLite would read the status index (every event) to group instead of the member
// index (a member's few hundred events at most), so the rows are counted here.
constexpr const char* kOwnDeclarations = "SELECT status FROM points_events WHERE member_id = ? AND reverses IS NULL";
constexpr const char* kOpenJudgeSeats =
    "SELECT COUNT(DISTINCT c.id) FROM contest_seats s JOIN contests c ON c.id = s.contest_id "
    "WHERE s.user_id = ? AND c.status <> 'finished'";

}  // namespace

std::vector<core::ports::UnitCount> SqlWorkbenchStore::Counts(const char* sql, const std::vector<SqlValue>& params) {
    const auto generation = db_.WriteGeneration();
    if (!generation) return RowsAs<core::ports::UnitCount>(db_.Query(sql, params));
    std::string key = sql;
    for (const auto& p : params) {
        key += '\x1f';
        if (const auto* text = std::get_if<std::string>(&p)) key += *text;
        else if (const auto* number = std::get_if<std::int64_t>(&p)) key += std::to_string(*number);
    }
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now().time_since_epoch()).count();
    if (auto rows = kept_.Find(key, *generation, now)) return std::move(*rows);
    // The generation is read before the query: a write that commits meanwhile makes this result old at once.
    auto rows = RowsAs<core::ports::UnitCount>(db_.Query(sql, params));
    kept_.Put(key, *generation, now, rows);
    return rows;
}

std::vector<core::ports::UnitCount> SqlWorkbenchStore::PendingPointsByUnit() { return Counts(kPendingPoints); }

std::vector<core::ports::UnitCount> SqlWorkbenchStore::OpenCampaignFollowUpsByUnit() {
    return Counts(kOpenCampaignFollowUps);
}

std::vector<core::ports::UnitCount> SqlWorkbenchStore::DuePlacementFollowUpsByUnit(const std::string& due_by) {
    return Counts(kDuePlacementFollowUps, {due_by});
}

std::vector<core::ports::UnitCount> SqlWorkbenchStore::PoolMembersByScope(const std::string& state) {
    return Counts(kPoolMembers, {state});
}

std::vector<core::ports::UnitCount> SqlWorkbenchStore::RunningProgramsByScope(const std::string& today) {
    return Counts(kRunningPrograms, {today, today});
}

core::ports::WorkbenchStore::OwnDeclarations SqlWorkbenchStore::DeclarationsOfUser(core::roster::Id user_id) {
    OwnDeclarations out;
    const auto member = db_.Query(kMemberOfUser, {user_id});
    out.linked = !member.empty();
    if (!out.linked) return out;
    for (const auto& r : db_.Query(kOwnDeclarations, {AsInt(member[0][0])})) {
        const std::string status = AsText(r[0]);
        if (status == "pending")
            ++out.pending;
        else if (status == "approved")
            ++out.approved;
        else if (status == "rejected")
            ++out.rejected;
    }
    return out;
}

std::int64_t SqlWorkbenchStore::OpenJudgeSeatsOfUser(core::roster::Id user_id) {
    return ReturnedId(db_.Query(kOpenJudgeSeats, {user_id}));
}

}  // namespace lingyan::storage
