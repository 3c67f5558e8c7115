#include "storage/sql_campaign_store.hpp"

namespace lingyan::storage {

using core::ports::CampaignRecord;
using core::ports::CampaignSubjectRecord;
using core::ports::FactRecord;
using core::ports::FrameworkVersionRecord;
using core::ports::Id;
using core::ports::ResultSnapshot;

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
    "created_at, published_by, published_at FROM campaigns";
constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (name, scope_unit_id, framework_version_id, cycle_kind, cycle_label, status, version, "
    "created_by, created_at, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateCampaign =
    "UPDATE campaigns SET framework_version_id = ?, status = ?, version = ?, published_by = ?, published_at = ? "
    "WHERE id = ?";

constexpr const char* kInsertSubject =
    "INSERT INTO campaign_subjects (campaign_id, unit_id, label) VALUES (?, ?, ?) RETURNING id";
constexpr const char* kSelectSubjects =
    "SELECT id, campaign_id, unit_id, label FROM campaign_subjects WHERE campaign_id = ? ORDER BY id";

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

CampaignRecord CampaignFromRow(const SqlRow& r) {
    CampaignRecord c;
    c.id = AsInt(r[0]);
    c.name = AsText(r[1]);
    c.scope_unit_id = AsInt(r[2]);
    c.framework_version_id = AsInt(r[3]);
    c.cycle_kind = AsText(r[4]);
    c.cycle_label = AsText(r[5]);
    c.status = AsText(r[6]);
    c.version = static_cast<int>(AsInt(r[7]));
    c.created_by = AsText(r[8]);
    c.created_at = AsText(r[9]);
    c.published_by = AsText(r[10]);
    c.published_at = AsText(r[11]);
    return c;
}

}  // namespace

Id SqlCampaignStore::InsertFramework(const std::string& name, const std::string& created_by,
                                     const std::string& created_at) {
    return AsInt(db_.Query(kInsertFramework, {name, created_by, created_at}).at(0)[0]);
}

Id SqlCampaignStore::InsertFrameworkVersion(const FrameworkVersionRecord& v) {
    return AsInt(db_.Query(kInsertFrameworkVersion, {v.framework_id, static_cast<std::int64_t>(v.version), v.name,
                                                     v.template_key, v.body, v.created_by, v.created_at})
                     .at(0)[0]);
}

std::optional<FrameworkVersionRecord> SqlCampaignStore::FindFrameworkVersion(Id id) {
    auto rows = db_.Query(kSelectFrameworkVersion, {id});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return FrameworkVersionRecord{AsInt(r[0]),  AsInt(r[1]),  static_cast<int>(AsInt(r[2])), AsText(r[3]),
                                  AsText(r[4]), AsText(r[5]), AsText(r[6]),                  AsText(r[7])};
}

Id SqlCampaignStore::InsertCampaign(const CampaignRecord& c) {
    return AsInt(db_.Query(kInsertCampaign, {c.name, c.scope_unit_id, c.framework_version_id, c.cycle_kind,
                                             c.cycle_label, c.status, static_cast<std::int64_t>(c.version),
                                             c.created_by, c.created_at, c.published_by, c.published_at})
                     .at(0)[0]);
}

void SqlCampaignStore::UpdateCampaign(const CampaignRecord& c) {
    db_.Query(kUpdateCampaign, {c.framework_version_id, c.status, static_cast<std::int64_t>(c.version),
                                c.published_by, c.published_at, c.id});
}

std::optional<CampaignRecord> SqlCampaignStore::FindCampaign(Id id) {
    auto rows = db_.Query(std::string(kCampaignColumns) + " WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return CampaignFromRow(rows[0]);
}

std::vector<CampaignRecord> SqlCampaignStore::ListCampaigns() {
    std::vector<CampaignRecord> out;
    for (const auto& r : db_.Query(std::string(kCampaignColumns) + " ORDER BY id")) out.push_back(CampaignFromRow(r));
    return out;
}

Id SqlCampaignStore::InsertSubject(const CampaignSubjectRecord& s) {
    return AsInt(db_.Query(kInsertSubject, {s.campaign_id, s.unit_id, s.label}).at(0)[0]);
}

std::vector<CampaignSubjectRecord> SqlCampaignStore::ListSubjects(Id campaign_id) {
    std::vector<CampaignSubjectRecord> out;
    for (const auto& r : db_.Query(kSelectSubjects, {campaign_id}))
        out.push_back({AsInt(r[0]), AsInt(r[1]), AsInt(r[2]), AsText(r[3])});
    return out;
}

std::vector<FactRecord> SqlCampaignStore::ListFacts(Id campaign_id) {
    std::vector<FactRecord> out;
    for (const auto& r : db_.Query(kSelectFacts, {campaign_id})) {
        out.push_back({AsInt(r[0]), AsInt(r[1]), AsInt(r[2]), AsText(r[3]), AsText(r[4]), AsText(r[5]), AsText(r[6]),
                       AsText(r[7]), AsText(r[8])});
    }
    return out;
}

Id SqlCampaignStore::InsertFact(const FactRecord& f) {
    return AsInt(db_.Query(kInsertFact, {f.campaign_id, f.subject_id, f.criterion, f.key, f.slot, f.value,
                                         f.entered_by, f.entered_at})
                     .at(0)[0]);
}

void SqlCampaignStore::UpdateFact(const FactRecord& f) {
    db_.Query(kUpdateFact, {f.value, f.entered_by, f.entered_at, f.id});
}

void SqlCampaignStore::DeleteFact(Id id) { db_.Query(kDeleteFact, {id}); }

void SqlCampaignStore::InsertResult(const ResultSnapshot& r) {
    db_.Query(kInsertResult, {r.campaign_id, static_cast<std::int64_t>(r.version), r.published_by, r.published_at,
                              r.body});
}

std::optional<ResultSnapshot> SqlCampaignStore::LatestResult(Id campaign_id) {
    auto rows = db_.Query(kSelectLatestResult, {campaign_id});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return ResultSnapshot{AsInt(r[0]), static_cast<int>(AsInt(r[1])), AsText(r[2]), AsText(r[3]), AsText(r[4])};
}

}  // namespace lingyan::storage
