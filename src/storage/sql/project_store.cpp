#include "storage/sql/project_store.hpp"

#include <sstream>

#include "storage/db/list_column.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace pj = core::projects;
namespace ports = core::ports;
using core::roster::Id;

namespace {

constexpr const char* kProjectColumns =
    "id, kind, title, detail, office_unit_id, unit_id, owner_person_id, responsibility, state, claim_id, started_on, "
    "completed_on, last_report_on, colour, red_on, created_by, created_at, updated_at";
constexpr const char* kInsertProject =
    "INSERT INTO projects (kind, title, detail, office_unit_id, unit_id, owner_person_id, responsibility, state, "
    "claim_id, started_on, completed_on, last_report_on, colour, red_on, created_by, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateProject =
    "UPDATE projects SET kind = ?, title = ?, detail = ?, office_unit_id = ?, unit_id = ?, owner_person_id = ?, "
    "responsibility = ?, state = ?, claim_id = ?, started_on = ?, completed_on = ?, last_report_on = ?, colour = ?, "
    "red_on = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kMilestoneColumns =
    "SELECT id, project_id, claim_id, seq, title, deadline, done_on FROM project_milestones";
constexpr const char* kInsertMilestone =
    "INSERT INTO project_milestones (project_id, claim_id, seq, title, deadline, done_on) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kMilestoneDone = "UPDATE project_milestones SET done_on = ? WHERE id = ?";
constexpr const char* kInsertClaim =
    "INSERT INTO project_claims (project_id, unit_id, owner_person_id, responsibility, claimed_by, claimed_by_name, "
    "claimed_on, status, reason, decided_by, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateClaim =
    "UPDATE project_claims SET status = ?, reason = ?, decided_by = ?, decided_on = ? WHERE id = ?";
constexpr const char* kSelectClaims =
    "SELECT id, project_id, unit_id, owner_person_id, responsibility, claimed_by, claimed_by_name, claimed_on, status, "
    "reason, decided_by, decided_on FROM project_claims WHERE project_id = ? ORDER BY id";
constexpr const char* kInsertReport =
    "INSERT INTO project_reports (project_id, milestone_id, milestone_done, on_date, text, figures, attachment_ids, "
    "username, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectReports =
    "SELECT id, project_id, milestone_id, milestone_done, on_date, text, figures, attachment_ids, username, at "
    "FROM project_reports WHERE project_id = ? ORDER BY id";
constexpr const char* kInsertProjectEvent =
    "INSERT INTO project_events (project_id, at, on_date, username, action, from_state, to_state, note, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectProjectEvents =
    "SELECT id, project_id, at, on_date, username, action, from_state, to_state, note, detail FROM project_events "
    "WHERE project_id = ? ORDER BY id";
constexpr const char* kHasProjectNotification =
    "SELECT 1 FROM notifications WHERE user_id = ? AND kind = ? AND project_id = ? AND created_at >= ? LIMIT 1";

std::vector<SqlValue> ProjectValues(const pj::Project& p) {
    return {std::string(pj::KindName(p.kind)),
            p.title,
            p.detail,
            p.office_unit_id,
            p.unit_id,
            p.owner_person_id,
            p.responsibility,
            std::string(pj::StateName(p.state)),
            p.claim_id,
            p.started_on,
            p.completed_on,
            p.last_report_on,
            static_cast<std::int64_t>(p.colour),
            p.red_on,
            p.created_by,
            p.created_at,
            p.updated_at};
}

pj::Project ProjectFrom(const SqlRow& r) {
    pj::Project p;
    std::int64_t colour = 0;
    ReadRow(r, p.id, Named(p.kind, pj::KindFromName, pj::Kind::kSecretary), p.title, p.detail, p.office_unit_id,
            p.unit_id, p.owner_person_id, p.responsibility, Named(p.state, pj::StateFromName, pj::State::kActive),
            p.claim_id, p.started_on, p.completed_on, p.last_report_on, colour, p.red_on, p.created_by, p.created_at,
            p.updated_at);
    p.colour = colour >= 0 && colour <= 3 ? static_cast<pj::Colour>(colour) : pj::Colour::kNone;
    return p;
}

pj::Milestone MilestoneFrom(const SqlRow& r) { return RowAs<pj::Milestone>(r); }

// Figures as stored: one per line, "name\tvalue\tunit" (names and units hold no tabs or newlines).
std::string FiguresText(const std::vector<pj::Figure>& figures) {
    std::string out;
    for (const auto& f : figures) {
        out += f.name + '\t' + NumberText(f.value) + '\t' + f.unit + '\n';
    }
    return out;
}

std::vector<pj::Figure> FiguresFrom(const std::string& text) {
    std::vector<pj::Figure> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto a = line.find('\t');
        const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos) continue;
        pj::Figure f;
        f.name = line.substr(0, a);
        f.value = std::strtod(line.substr(a + 1, b - a - 1).c_str(), nullptr);
        f.unit = line.substr(b + 1);
        out.push_back(std::move(f));
    }
    return out;
}

pj::Claim ClaimFrom(const SqlRow& r) {
    pj::Claim c;
    ReadRow(r, c.id, c.project_id, c.unit_id, c.owner_person_id, c.responsibility, c.claimed_by, c.claimed_by_name,
            c.claimed_on, Named(c.status, pj::ClaimStatusFromName, pj::ClaimStatus::kPending), c.reason, c.decided_by,
            c.decided_on);
    return c;
}

pj::Report ReportFrom(const SqlRow& r) {
    pj::Report x;
    std::string figures, attachments;
    ReadRow(r, x.id, x.project_id, x.milestone_id, x.milestone_done, x.on_date, x.text, figures, attachments, x.user,
            x.at);
    x.figures = FiguresFrom(figures);
    x.attachment_ids = SplitIntegers(attachments);
    return x;
}

}  // namespace

Id SqlProjectStore::InsertProject(const pj::Project& p) {
    return ReturnedId(db_.Query(kInsertProject, ProjectValues(p)));
}

void SqlProjectStore::UpdateProject(const pj::Project& p) {
    auto values = ProjectValues(p);
    values.push_back(p.id);
    db_.Query(kUpdateProject, values);
}

std::optional<pj::Project> SqlProjectStore::FindProject(Id id) {
    return FirstRowWith(db_.Query(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = ?", {id}),
                        ProjectFrom);
}

std::vector<pj::Project> SqlProjectStore::ListProjects() {
    return RowsWith(db_.Query(std::string("SELECT ") + kProjectColumns + " FROM projects ORDER BY id DESC"),
                    ProjectFrom);
}

Id SqlProjectStore::InsertMilestone(const pj::Milestone& m) {
    return ReturnedId(
        db_.Query(kInsertMilestone, {m.project_id, m.claim_id, std::int64_t{m.seq}, m.title, m.deadline, m.done_on}));
}

void SqlProjectStore::SetMilestoneDone(Id milestone_id, const std::string& done_on) {
    db_.Query(kMilestoneDone, {done_on, milestone_id});
}

std::vector<pj::Milestone> SqlProjectStore::ListMilestones(Id project_id) {
    return RowsWith(
        db_.Query(std::string(kMilestoneColumns) + " WHERE project_id = ? ORDER BY claim_id, seq", {project_id}),
        MilestoneFrom);
}

std::vector<pj::Milestone> SqlProjectStore::ListAllMilestones() {
    return RowsWith(db_.Query(std::string(kMilestoneColumns) + " ORDER BY project_id, claim_id, seq"), MilestoneFrom);
}

Id SqlProjectStore::InsertClaim(const pj::Claim& c) {
    return ReturnedId(
        db_.Query(kInsertClaim,
                  {c.project_id, c.unit_id, c.owner_person_id, c.responsibility, c.claimed_by, c.claimed_by_name,
                   c.claimed_on, std::string(pj::ClaimStatusName(c.status)), c.reason, c.decided_by, c.decided_on}));
}

void SqlProjectStore::UpdateClaim(const pj::Claim& c) {
    db_.Query(kUpdateClaim, {std::string(pj::ClaimStatusName(c.status)), c.reason, c.decided_by, c.decided_on, c.id});
}

std::vector<pj::Claim> SqlProjectStore::ListClaims(Id project_id) {
    return RowsWith(db_.Query(kSelectClaims, {project_id}), ClaimFrom);
}

Id SqlProjectStore::InsertReport(const pj::Report& r) {
    return ReturnedId(
        db_.Query(kInsertReport, {r.project_id, r.milestone_id, std::int64_t{r.milestone_done ? 1 : 0}, r.on_date,
                                  r.text, FiguresText(r.figures), JoinNumbers(r.attachment_ids), r.user, r.at}));
}

std::vector<pj::Report> SqlProjectStore::ListReports(Id project_id) {
    return RowsWith(db_.Query(kSelectReports, {project_id}), ReportFrom);
}

void SqlProjectStore::AppendEvent(const ports::ProjectEvent& e) {
    db_.Query(kInsertProjectEvent,
              {e.project_id, e.at, e.on_date, e.user, e.action, e.from_state, e.to_state, e.note, e.detail});
}

std::vector<ports::ProjectEvent> SqlProjectStore::ListEvents(Id project_id) {
    return RowsAs<ports::ProjectEvent>(db_.Query(kSelectProjectEvents, {project_id}));
}

bool SqlProjectStore::HasNotification(Id user_id, const std::string& kind, Id project_id, const std::string& since) {
    return !db_.Query(kHasProjectNotification, {user_id, kind, project_id, since}).empty();
}

}  // namespace lingyan::storage
