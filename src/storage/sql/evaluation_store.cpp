#include "storage/sql/evaluation_store.hpp"

#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace ports = core::ports;

namespace {

constexpr const char* kInsertFramework =
    "INSERT INTO frameworks (name, created_by, created_at) VALUES (?, ?, ?) RETURNING id";
constexpr const char* kInsertFrameworkVersion =
    "INSERT INTO framework_versions (framework_id, version, name, template_key, body, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectFrameworkVersion =
    "SELECT id, framework_id, version, name, template_key, body, created_by, created_at FROM framework_versions "
    "WHERE id = ?";

constexpr const char* kCampaignColumns =
    "SELECT id, name, scope_unit_id, framework_version_id, cycle_kind, cycle_label, status, version, created_by, "
    "created_at, published_by, published_at, negative_name, negative_criterion, negative_count FROM campaigns";
constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (name, scope_unit_id, framework_version_id, cycle_kind, cycle_label, status, version, "
    "created_by, created_at, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateCampaign =
    "UPDATE campaigns SET framework_version_id = ?, status = ?, version = ?, published_by = ?, published_at = ?, "
    "negative_name = ?, negative_criterion = ?, negative_count = ? WHERE id = ?";

constexpr const char* kInsertSubject =
    "INSERT INTO campaign_subjects (campaign_id, unit_id, label, track, person_id, project_id) VALUES (?, ?, ?, ?, ?, "
    "?) "
    "RETURNING id";
constexpr const char* kSelectSubjects =
    "SELECT id, campaign_id, unit_id, label, track, person_id, project_id FROM campaign_subjects WHERE campaign_id = ? "
    "ORDER BY id";
constexpr const char* kUpdateSubjectTrack = "UPDATE campaign_subjects SET track = ? WHERE id = ?";

constexpr const char* kDeleteTracks = "DELETE FROM campaign_tracks WHERE campaign_id = ?";
constexpr const char* kInsertTrack =
    "INSERT INTO campaign_tracks (campaign_id, position, name, coefficient) VALUES (?, ?, ?, ?)";
constexpr const char* kSelectTracks =
    "SELECT name, coefficient FROM campaign_tracks WHERE campaign_id = ? ORDER BY position";
constexpr const char* kDeleteBands = "DELETE FROM campaign_bands WHERE campaign_id = ?";
constexpr const char* kInsertBand =
    "INSERT INTO campaign_bands (campaign_id, position, name, share, follow_up) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kSelectBands =
    "SELECT name, share, follow_up FROM campaign_bands WHERE campaign_id = ? ORDER BY position";
constexpr const char* kDeleteOwners = "DELETE FROM campaign_owners WHERE campaign_id = ?";
constexpr const char* kInsertOwner =
    "INSERT INTO campaign_owners (campaign_id, criterion, owner, opens_on, closes_on) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kSelectOwners =
    "SELECT criterion, owner, opens_on, closes_on FROM campaign_owners WHERE campaign_id = ? ORDER BY criterion";

constexpr const char* kInsertCampaignFollowUp =
    "INSERT INTO campaign_followups (campaign_id, subject_id, version, band, action, leader, deadline, status, "
    "outcome, created_by, created_at, closed_by, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kUpdateCampaignFollowUp =
    "UPDATE campaign_followups SET status = ?, outcome = ?, closed_by = ?, closed_at = ? WHERE id = ?";
constexpr const char* kSelectCampaignFollowUps =
    "SELECT id, campaign_id, subject_id, version, band, action, leader, deadline, status, outcome, created_by, "
    "created_at, closed_by, closed_at FROM campaign_followups WHERE campaign_id = ? ORDER BY id";

constexpr const char* kUpsertTarget =
    "INSERT INTO metric_targets (unit_id, metric, year, target, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (unit_id, metric, year) DO UPDATE SET target = excluded.target, entered_by = excluded.entered_by, "
    "entered_at = excluded.entered_at";
constexpr const char* kUpsertActual =
    "INSERT INTO metric_actuals (unit_id, metric, year, month, value, entered_by, entered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, metric, year, month) DO UPDATE SET value = excluded.value, "
    "entered_by = excluded.entered_by, entered_at = excluded.entered_at";
constexpr const char* kDeleteTarget = "DELETE FROM metric_targets WHERE unit_id = ? AND metric = ? AND year = ?";
constexpr const char* kDeleteActual =
    "DELETE FROM metric_actuals WHERE unit_id = ? AND metric = ? AND year = ? AND month = ?";
constexpr const char* kSelectTargets =
    "SELECT unit_id, metric, year, target, entered_by, entered_at FROM metric_targets "
    "WHERE (metric = ? OR ? = '') AND year = ? ORDER BY unit_id, metric";
constexpr const char* kSelectActuals =
    "SELECT unit_id, metric, year, month, value, entered_by, entered_at FROM metric_actuals "
    "WHERE (metric = ? OR ? = '') AND year BETWEEN ? AND ? ORDER BY unit_id, metric, year, month";
constexpr const char* kSelectMetrics =
    "SELECT metric FROM metric_targets UNION SELECT metric FROM metric_actuals ORDER BY 1";

constexpr const char* kSelectFacts =
    "SELECT id, campaign_id, subject_id, criterion, fact_key, slot, value, entered_by, entered_at "
    "FROM campaign_facts WHERE campaign_id = ? ORDER BY id";
constexpr const char* kInsertFact =
    "INSERT INTO campaign_facts (campaign_id, subject_id, criterion, fact_key, slot, value, entered_by, entered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateFact = "UPDATE campaign_facts SET value = ?, entered_by = ?, entered_at = ? WHERE id = ?";
constexpr const char* kDeleteFact = "DELETE FROM campaign_facts WHERE id = ?";

constexpr const char* kInsertResult =
    "INSERT INTO campaign_results (campaign_id, version, published_by, published_at, body) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kSelectLatestResult =
    "SELECT campaign_id, version, published_by, published_at, body FROM campaign_results WHERE campaign_id = ? "
    "ORDER BY version DESC LIMIT 1";

ports::CampaignRecord CampaignFromRow(const SqlRow& r) {
    ports::CampaignRecord c;
    ReadRow(r, c.id, c.name, c.scope_unit_id, c.framework_version_id, c.cycle_kind, c.cycle_label, c.status, c.version,
            c.created_by, c.created_at, c.published_by, c.published_at, c.negative_name, c.negative_criterion,
            c.negative_count);
    return c;
}

}  // namespace

ports::Id SqlCampaignStore::InsertFramework(const std::string& name, const std::string& created_by,
                                            const std::string& created_at) {
    return ReturnedId(db_.Query(kInsertFramework, {name, created_by, created_at}));
}

ports::Id SqlCampaignStore::InsertFrameworkVersion(const ports::FrameworkVersionRecord& v) {
    return ReturnedId(db_.Query(kInsertFrameworkVersion, {v.framework_id, static_cast<std::int64_t>(v.version), v.name,
                                                          v.template_key, v.body, v.created_by, v.created_at}));
}

std::optional<ports::FrameworkVersionRecord> SqlCampaignStore::FindFrameworkVersion(ports::Id id) {
    return FirstRowAs<ports::FrameworkVersionRecord>(db_.Query(kSelectFrameworkVersion, {id}));
}

ports::Id SqlCampaignStore::InsertCampaign(const ports::CampaignRecord& c) {
    return ReturnedId(db_.Query(kInsertCampaign, {c.name, c.scope_unit_id, c.framework_version_id, c.cycle_kind,
                                                  c.cycle_label, c.status, static_cast<std::int64_t>(c.version),
                                                  c.created_by, c.created_at, c.published_by, c.published_at}));
}

void SqlCampaignStore::UpdateCampaign(const ports::CampaignRecord& c) {
    db_.Query(kUpdateCampaign,
              {c.framework_version_id, c.status, static_cast<std::int64_t>(c.version), c.published_by, c.published_at,
               c.negative_name, c.negative_criterion, static_cast<std::int64_t>(c.negative_count), c.id});
}

std::optional<ports::CampaignRecord> SqlCampaignStore::FindCampaign(ports::Id id) {
    return FirstRowWith(db_.Query(std::string(kCampaignColumns) + " WHERE id = ?", {id}), CampaignFromRow);
}

std::vector<ports::CampaignRecord> SqlCampaignStore::ListCampaigns() {
    return RowsWith(db_.Query(std::string(kCampaignColumns) + " ORDER BY id"), CampaignFromRow);
}

ports::Id SqlCampaignStore::InsertSubject(const ports::CampaignSubjectRecord& s) {
    const SqlValue person = s.person_id ? SqlValue(s.person_id) : SqlValue(std::monostate{});
    return ReturnedId(db_.Query(kInsertSubject, {s.campaign_id, s.unit_id, s.label, s.track, person, s.project_id}));
}

std::vector<ports::CampaignSubjectRecord> SqlCampaignStore::ListSubjects(ports::Id campaign_id) {
    return RowsAs<ports::CampaignSubjectRecord>(db_.Query(kSelectSubjects, {campaign_id}));
}

void SqlCampaignStore::UpdateSubjectTrack(ports::Id subject_id, const std::string& track) {
    db_.Query(kUpdateSubjectTrack, {track, subject_id});
}

void SqlCampaignStore::ReplaceTracks(ports::Id campaign_id, const std::vector<ports::TrackRecord>& tracks) {
    db_.Query(kDeleteTracks, {campaign_id});
    for (std::size_t i = 0; i < tracks.size(); ++i)
        db_.Query(kInsertTrack, {campaign_id, static_cast<std::int64_t>(i), tracks[i].name, tracks[i].coefficient});
}

std::vector<ports::TrackRecord> SqlCampaignStore::ListTracks(ports::Id campaign_id) {
    return RowsAs<ports::TrackRecord>(db_.Query(kSelectTracks, {campaign_id}));
}

void SqlCampaignStore::ReplaceBands(ports::Id campaign_id, const std::vector<ports::BandRecord>& bands) {
    db_.Query(kDeleteBands, {campaign_id});
    for (std::size_t i = 0; i < bands.size(); ++i) {
        db_.Query(kInsertBand, {campaign_id, static_cast<std::int64_t>(i), bands[i].name, bands[i].share,
                                static_cast<std::int64_t>(bands[i].follow_up ? 1 : 0)});
    }
}

std::vector<ports::BandRecord> SqlCampaignStore::ListBands(ports::Id campaign_id) {
    return RowsAs<ports::BandRecord>(db_.Query(kSelectBands, {campaign_id}));
}

void SqlCampaignStore::ReplaceOwners(ports::Id campaign_id, const std::vector<ports::OwnerRecord>& owners) {
    db_.Query(kDeleteOwners, {campaign_id});
    for (const auto& o : owners) db_.Query(kInsertOwner, {campaign_id, o.criterion, o.owner, o.opens_on, o.closes_on});
}

std::vector<ports::OwnerRecord> SqlCampaignStore::ListOwners(ports::Id campaign_id) {
    return RowsAs<ports::OwnerRecord>(db_.Query(kSelectOwners, {campaign_id}));
}

ports::Id SqlCampaignStore::InsertFollowUp(const ports::CampaignFollowUpRecord& f) {
    return ReturnedId(db_.Query(
        kInsertCampaignFollowUp, {f.campaign_id, f.subject_id, static_cast<std::int64_t>(f.version), f.band, f.action, f.leader,
                          f.deadline, f.status, f.outcome, f.created_by, f.created_at, f.closed_by, f.closed_at}));
}

void SqlCampaignStore::UpdateFollowUp(const ports::CampaignFollowUpRecord& f) {
    db_.Query(kUpdateCampaignFollowUp, {f.status, f.outcome, f.closed_by, f.closed_at, f.id});
}

std::vector<ports::CampaignFollowUpRecord> SqlCampaignStore::ListFollowUps(ports::Id campaign_id) {
    return RowsAs<ports::CampaignFollowUpRecord>(db_.Query(kSelectCampaignFollowUps, {campaign_id}));
}

void SqlCampaignStore::UpsertTarget(const ports::MetricTargetRecord& t) {
    db_.Query(kUpsertTarget,
              {t.unit_id, t.metric, static_cast<std::int64_t>(t.year), t.target, t.entered_by, t.entered_at});
}

void SqlCampaignStore::UpsertActual(const ports::MetricActualRecord& a) {
    db_.Query(kUpsertActual, {a.unit_id, a.metric, static_cast<std::int64_t>(a.year),
                              static_cast<std::int64_t>(a.month), a.value, a.entered_by, a.entered_at});
}

void SqlCampaignStore::DeleteTarget(ports::Id unit_id, const std::string& metric, int year) {
    db_.Query(kDeleteTarget, {unit_id, metric, static_cast<std::int64_t>(year)});
}

void SqlCampaignStore::DeleteActual(ports::Id unit_id, const std::string& metric, int year, int month) {
    db_.Query(kDeleteActual, {unit_id, metric, static_cast<std::int64_t>(year), static_cast<std::int64_t>(month)});
}

std::vector<ports::MetricTargetRecord> SqlCampaignStore::ListTargets(const std::string& metric, int year) {
    return RowsAs<ports::MetricTargetRecord>(
        db_.Query(kSelectTargets, {metric, metric, static_cast<std::int64_t>(year)}));
}

std::vector<ports::MetricActualRecord> SqlCampaignStore::ListActuals(const std::string& metric, int from_year,
                                                                     int to_year) {
    return RowsAs<ports::MetricActualRecord>(db_.Query(
        kSelectActuals, {metric, metric, static_cast<std::int64_t>(from_year), static_cast<std::int64_t>(to_year)}));
}

std::vector<std::string> SqlCampaignStore::ListMetrics() {
    std::vector<std::string> out;
    for (const auto& r : db_.Query(kSelectMetrics)) out.push_back(AsText(r[0]));
    return out;
}

std::vector<ports::FactRecord> SqlCampaignStore::ListFacts(ports::Id campaign_id) {
    return RowsAs<ports::FactRecord>(db_.Query(kSelectFacts, {campaign_id}));
}

ports::Id SqlCampaignStore::InsertFact(const ports::FactRecord& f) {
    return ReturnedId(db_.Query(
        kInsertFact, {f.campaign_id, f.subject_id, f.criterion, f.key, f.slot, f.value, f.entered_by, f.entered_at}));
}

void SqlCampaignStore::UpdateFact(const ports::FactRecord& f) {
    db_.Query(kUpdateFact, {f.value, f.entered_by, f.entered_at, f.id});
}

void SqlCampaignStore::DeleteFact(ports::Id id) { db_.Query(kDeleteFact, {id}); }

void SqlCampaignStore::InsertResult(const ports::ResultSnapshot& r) {
    db_.Query(kInsertResult,
              {r.campaign_id, static_cast<std::int64_t>(r.version), r.published_by, r.published_at, r.body});
}

std::optional<ports::ResultSnapshot> SqlCampaignStore::LatestResult(ports::Id campaign_id) {
    return FirstRowAs<ports::ResultSnapshot>(db_.Query(kSelectLatestResult, {campaign_id}));
}

}  // namespace lingyan::storage
