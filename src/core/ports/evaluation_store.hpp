#pragma once
// The storage port of evaluation campaigns (考核/创争活动): framework versions (stored as
// FRAMEWORK.json text), campaigns, their subjects (units), facts and published result
// snapshots. Implemented by storage/sql_campaign_store over the same connection as Store, so
// writes join the transaction opened with Store::Begin(). Methods throw storage::StoreError
// when the database fails; "not found" is std::nullopt. Used by one thread at a time (the app
// layer serializes access with the store mutex).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::core::ports {

using roster::Id;

// One version of a framework. A campaign points at the version it is scored with; a new
// version never changes an old one.
struct FrameworkVersionRecord {
    Id id = 0;
    Id framework_id = 0;
    int version = 1;
    std::string name;
    std::string template_key;  // built-in template it was copied from, or ""
    std::string body;          // FRAMEWORK.json text
    std::string created_by;
    std::string created_at;  // ISO 8601 UTC
};

struct CampaignRecord {
    Id id = 0;
    std::string name;
    Id scope_unit_id = 0;  // the unit whose managers own the campaign
    Id framework_version_id = 0;
    std::string cycle_kind;   // month, quarter, year
    std::string cycle_label;  // 2021, 2021-Q3, 2021-07
    std::string status;       // draft, published
    int version = 1;          // result version: +1 each time a published campaign is reopened
    std::string created_by;
    std::string created_at;
    std::string published_by;
    std::string published_at;
    // The negative list (躺平奖): name "" = none; criterion "" = by total.
    std::string negative_name;
    std::string negative_criterion;
    int negative_count = 0;
};

// A subject is a unit, or a person (person_id ≠ 0; unit_id is then the person's unit).
struct CampaignSubjectRecord {
    Id id = 0;
    Id campaign_id = 0;
    Id unit_id = 0;
    std::string label;  // shown instead of the unit name when set (e.g. a 书记项目's title)
    std::string track;  // 赛道 name, "" = none
    Id person_id = 0;
    Id project_id = 0;  // a project (core/projects) as the subject: unit_id and label are the project's
};

struct TrackRecord {
    std::string name;
    double coefficient = 1;
};

struct BandRecord {
    std::string name;
    double share = 0;
    bool follow_up = false;
};

// The one user who may enter a criterion's data, and when (dates YYYY-MM-DD, "" = open).
struct OwnerRecord {
    std::string criterion;
    std::string owner;
    std::string opens_on;
    std::string closes_on;
};

// A follow-up action (整改跟进) for a subject in a band that needs one.
struct CampaignFollowUpRecord {
    Id id = 0;
    Id campaign_id = 0;
    Id subject_id = 0;
    int version = 1;  // the campaign version whose result it follows up
    std::string band;
    std::string action;
    std::string leader;    // the leader assigned (包联领导)
    std::string deadline;  // YYYY-MM-DD
    std::string status;    // open, done
    std::string outcome;
    std::string created_by;
    std::string created_at;
    std::string closed_by;
    std::string closed_at;
};

// Unit metrics (经济指标): a yearly target and monthly actuals per unit and metric.
struct MetricTargetRecord {
    Id unit_id = 0;
    std::string metric;
    int year = 0;
    double target = 0;
    std::string entered_by;
    std::string entered_at;
};

struct MetricActualRecord {
    Id unit_id = 0;
    std::string metric;
    int year = 0;
    int month = 0;
    double value = 0;
    std::string entered_by;
    std::string entered_at;
};

// One input fact. `slot` tells apart facts that may repeat under the same key: the judge's
// name for `judge` scores, "" otherwise. (campaign, subject, criterion, key, slot) is unique.
struct FactRecord {
    Id id = 0;
    Id campaign_id = 0;
    Id subject_id = 0;
    std::string criterion;
    std::string key;
    std::string slot;
    std::string value;
    std::string entered_by;
    std::string entered_at;
};

// The frozen results of a published campaign version: the ranking board as JSON text.
struct ResultSnapshot {
    Id campaign_id = 0;
    int version = 1;
    std::string published_by;
    std::string published_at;
    std::string body;
};

class CampaignStore {
public:
    virtual ~CampaignStore() = default;

    // Creates a framework (its identity across versions); returns its id.
    virtual Id InsertFramework(const std::string& name, const std::string& created_by, const std::string& created_at) = 0;
    virtual Id InsertFrameworkVersion(const FrameworkVersionRecord& v) = 0;  // v.id ignored
    virtual std::optional<FrameworkVersionRecord> FindFrameworkVersion(Id id) = 0;

    virtual Id InsertCampaign(const CampaignRecord& c) = 0;  // c.id ignored
    // Updates status, version, published_by/at, framework_version_id and the negative list.
    virtual void UpdateCampaign(const CampaignRecord& c) = 0;
    virtual std::optional<CampaignRecord> FindCampaign(Id id) = 0;
    virtual std::vector<CampaignRecord> ListCampaigns() = 0;  // by id

    virtual Id InsertSubject(const CampaignSubjectRecord& s) = 0;
    virtual std::vector<CampaignSubjectRecord> ListSubjects(Id campaign_id) = 0;  // by id
    virtual void UpdateSubjectTrack(Id subject_id, const std::string& track) = 0;

    // Tracks, bands and owners of a campaign, replaced as a whole (in the given order).
    virtual void ReplaceTracks(Id campaign_id, const std::vector<TrackRecord>& tracks) = 0;
    virtual std::vector<TrackRecord> ListTracks(Id campaign_id) = 0;
    virtual void ReplaceBands(Id campaign_id, const std::vector<BandRecord>& bands) = 0;
    virtual std::vector<BandRecord> ListBands(Id campaign_id) = 0;
    virtual void ReplaceOwners(Id campaign_id, const std::vector<OwnerRecord>& owners) = 0;
    virtual std::vector<OwnerRecord> ListOwners(Id campaign_id) = 0;  // by criterion

    virtual Id InsertFollowUp(const CampaignFollowUpRecord& f) = 0;  // f.id ignored
    virtual void UpdateFollowUp(const CampaignFollowUpRecord& f) = 0;  // status, outcome, closed_by/at by id
    virtual std::vector<CampaignFollowUpRecord> ListFollowUps(Id campaign_id) = 0;  // by id

    // Metrics: upserts keyed by (unit, metric, year[, month]); lists of one year (and the year
    // before, for growth) for the given metric, or every metric when `metric` is "".
    virtual void UpsertTarget(const MetricTargetRecord& t) = 0;
    virtual void UpsertActual(const MetricActualRecord& a) = 0;
    virtual void DeleteTarget(Id unit_id, const std::string& metric, int year) = 0;
    virtual void DeleteActual(Id unit_id, const std::string& metric, int year, int month) = 0;
    virtual std::vector<MetricTargetRecord> ListTargets(const std::string& metric, int year) = 0;
    virtual std::vector<MetricActualRecord> ListActuals(const std::string& metric, int from_year, int to_year) = 0;
    virtual std::vector<std::string> ListMetrics() = 0;  // distinct names, sorted

    virtual std::vector<FactRecord> ListFacts(Id campaign_id) = 0;  // by id
    virtual Id InsertFact(const FactRecord& f) = 0;
    virtual void UpdateFact(const FactRecord& f) = 0;  // value, entered_by, entered_at by id
    virtual void DeleteFact(Id id) = 0;

    virtual void InsertResult(const ResultSnapshot& r) = 0;
    virtual std::optional<ResultSnapshot> LatestResult(Id campaign_id) = 0;
};

}  // namespace lingyan::core::ports
