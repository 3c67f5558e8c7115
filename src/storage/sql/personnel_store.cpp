#include "storage/sql/personnel_store.hpp"

#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace personnel = core::personnel;

namespace {

constexpr const char* kInsertDecision =
    "INSERT INTO personnel_decisions (person_id, unit_id, name, kind, ground, ground_id, ground_label, content, "
    "document_no, decided_on, position_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSelectDecisions =
    "SELECT id, person_id, unit_id, name, kind, ground, ground_id, ground_label, content, document_no, decided_on, "
    "position_id, decided_by, decided_at FROM personnel_decisions ORDER BY decided_on DESC, id DESC";
constexpr const char* kInsertNomination =
    "INSERT INTO tangping_nominations (person_id, unit_id, name, year, category, reason, evidence, state, "
    "nominated_by, nominated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kNominationColumns =
    "SELECT id, person_id, unit_id, name, year, category, reason, evidence, state, nominated_by, nominated_at, "
    "reviewed_by, reviewed_at, review_reason FROM tangping_nominations ";
constexpr const char* kUpdateNominationReview =
    "UPDATE tangping_nominations SET state = ?, reviewed_by = ?, reviewed_at = ?, review_reason = ? WHERE id = ?";

personnel::Nomination NominationFromRow(const SqlRow& r) {
    personnel::Nomination n;
    ReadRow(r, n.id, n.person_id, n.unit_id, n.name, n.year,
            Named(n.category, personnel::CategoryFromName, personnel::Category::kInaction), n.reason, n.evidence,
            Named(n.state, personnel::StateFromName, personnel::NominationState::kPending), n.nominated_by,
            n.nominated_at, n.reviewed_by, n.reviewed_at, n.review_reason);
    return n;
}

personnel::Decision DecisionFromRow(const SqlRow& r) {
    personnel::Decision d;
    ReadRow(r, d.id, d.person_id, d.unit_id, d.name,
            Named(d.kind, personnel::KindFromName, personnel::Kind::kAppointment),
            Named(d.ground, personnel::GroundFromName, personnel::Ground::kCampaign), d.ground_id, d.ground_label,
            d.content, d.document_no, d.decided_on, d.position_id, d.decided_by, d.decided_at);
    return d;
}

}  // namespace

core::roster::Id SqlPersonnelStore::InsertDecision(const personnel::Decision& d) {
    return ReturnedId(db_.Query(kInsertDecision,
                                {d.person_id, d.unit_id, d.name, std::string(personnel::KindName(d.kind)),
                                 std::string(personnel::GroundName(d.ground)), d.ground_id, d.ground_label, d.content,
                                 d.document_no, d.decided_on, d.position_id, d.decided_by, d.decided_at}));
}

std::vector<personnel::Decision> SqlPersonnelStore::ListDecisions() {
    return RowsWith(db_.Query(kSelectDecisions), DecisionFromRow);
}

core::roster::Id SqlPersonnelStore::InsertNomination(const personnel::Nomination& n) {
    return ReturnedId(db_.Query(
        kInsertNomination,
        {n.person_id, n.unit_id, n.name, std::int64_t{n.year}, std::string(personnel::CategoryName(n.category)),
         n.reason, n.evidence, std::string(personnel::StateName(n.state)), n.nominated_by, n.nominated_at}));
}

std::optional<personnel::Nomination> SqlPersonnelStore::FindNomination(core::roster::Id id) {
    return FirstRowWith(db_.Query(std::string(kNominationColumns) + "WHERE id = ?", {id}), NominationFromRow);
}

void SqlPersonnelStore::UpdateNominationReview(const personnel::Nomination& n) {
    db_.Query(kUpdateNominationReview,
              {std::string(personnel::StateName(n.state)), n.reviewed_by, n.reviewed_at, n.review_reason, n.id});
}

std::vector<personnel::Nomination> SqlPersonnelStore::ListNominations() {
    return RowsWith(db_.Query(std::string(kNominationColumns) + "ORDER BY year DESC, id DESC"), NominationFromRow);
}

}  // namespace lingyan::storage
