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
};

struct CampaignSubjectRecord {
    Id id = 0;
    Id campaign_id = 0;
    Id unit_id = 0;
    std::string label;  // shown instead of the unit name when set (e.g. a 书记项目's title)
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
    // Updates status, version, published_by/at and framework_version_id.
    virtual void UpdateCampaign(const CampaignRecord& c) = 0;
    virtual std::optional<CampaignRecord> FindCampaign(Id id) = 0;
    virtual std::vector<CampaignRecord> ListCampaigns() = 0;  // by id

    virtual Id InsertSubject(const CampaignSubjectRecord& s) = 0;
    virtual std::vector<CampaignSubjectRecord> ListSubjects(Id campaign_id) = 0;  // by id

    virtual std::vector<FactRecord> ListFacts(Id campaign_id) = 0;  // by id
    virtual Id InsertFact(const FactRecord& f) = 0;
    virtual void UpdateFact(const FactRecord& f) = 0;  // value, entered_by, entered_at by id
    virtual void DeleteFact(Id id) = 0;

    virtual void InsertResult(const ResultSnapshot& r) = 0;
    virtual std::optional<ResultSnapshot> LatestResult(Id campaign_id) = 0;
};

}  // namespace lingyan::core::ports
