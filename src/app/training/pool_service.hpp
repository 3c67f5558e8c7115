#pragma once
// PoolService: talent pools (梯队/人才库) — pools with quotas (per town too) and eligibility
// rules (core/training/talent_pool), candidates checked against the rules, and membership
// transitions nominated → selected → in training → graduated → appointed / left.
// Trainees and pool candidates must be inside the pool's scope unit. Scope, audit and
// thread-safety as in training_base.hpp.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/training/training_base.hpp"
#include "app/training/training_files.hpp"
#include "core/ports/honour_store.hpp"
#include "core/training/talent_pool.hpp"

namespace lingyan::app {

// ---- talent pools ------------------------------------------------------------------------

struct NewPool {
    std::string name;
    Id scope_unit_id = 0;  // 0 = the caller's scope unit
    int quota = 0;
    std::string rules_json;  // app/pool_rules_json.hpp format; "" = no rules
    std::string description;
    std::map<Id, int> town_quota;
};

struct PoolView {
    core::ports::PoolRecord record;
    core::training::EligibilityRules rules;
    std::string scope_unit_name;
    core::training::QuotaUse use;
    std::map<Id, int> town_quota;
    std::map<Id, std::string> town_names;
    std::map<std::string, int> by_state;  // member count per state name
};

struct MemberView {
    core::training::Membership membership;
    Id membership_id = 0;
    std::string name;
    std::string unit_name;
    std::string town_name;
};

struct PoolDetail {
    PoolView pool;
    std::vector<MemberView> members;
};

// 人才库名单: each member with the roster facts a 名册 carries — the person without ID number
// and phone (the sheet travels; they stay in lingyan) and the posts held now.
struct PoolMemberRow {
    MemberView member;
    core::roster::Person person;
    std::string posts;  // "灵湖村 村委委员；…", current positions only
};

struct PoolMemberSheet {
    PoolView pool;
    std::vector<PoolMemberRow> rows;
};

struct CandidateView {
    core::training::Candidate candidate;
    std::string unit_name;
    std::string town_name;
    core::training::EligibilityReport report;
    std::string member_state;  // "" = not in the pool
};

// One page of candidates in a stable order (eligible first, then by person id).
struct CandidatePage {
    std::vector<CandidateView> items;
    std::size_t total = 0;     // candidates on every page
    std::size_t eligible = 0;  // eligible ones on every page
    std::size_t offset = 0, limit = 0;
};

// Adds a person to a pool (nominated) or moves an existing member to `state`. When the person
// is not yet a member and `state` is beyond nominated, nomination and the transition (via the
// legal path nominated → selected → …) are written together or not at all.
struct MemberChange {
    Id person_id = 0;
    std::string state = "nominated";
    std::string date;  // "" = today
    std::string note;
    std::string override_reason;
};

class PoolService : TrainingBase {
public:
    PoolService(core::ports::Store& store, core::ports::TrainingStore& training, core::ports::StoreMutex& store_mutex,
                const core::ports::Clock& clock, const RosterService& roster, TrainingFiles files = {})
        : TrainingBase(store, training, store_mutex, clock, roster), files_(std::move(files)) {}
    // The honours register, for rules on titles (市级金牌书记 in the last 3 years); set at composition.
    void SetHonours(core::ports::HonourStore* honours) { honours_ = honours; }

    Result<PoolView> CreatePool(const Actor& actor, const NewPool& spec);
    Result<std::vector<PoolView>> ListPools(const Actor& actor);
    Result<PoolDetail> GetPool(const Actor& actor, Id pool_id);
    // 人才库名单 as a workbook, for officers: every member in the pool's order, with their facts.
    Result<FileDownload> MembersXlsx(const Actor& actor, Id pool_id);
    // People of the pool's scope (within the caller's) checked against the rules on `as_of`
    // ("" = today), optionally only under `unit`; eligible first.
    Result<std::vector<CandidateView>> Candidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                                  const std::string& as_of);
    // The same list a page at a time: `limit` 1..500, `offset` ≥ 0.
    Result<CandidatePage> CandidatesPage(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                         const std::string& as_of, std::int64_t offset, std::int64_t limit);
    // Any state but appointed: an appointment is a personnel decision (PersonnelService::Decide,
    // app/personnel), which creates the position in the roster with it; `appointed` here → 422.
    Result<MemberView> ChangeMember(const Actor& actor, Id pool_id, const MemberChange& change);
    // Moves the person's membership to appointed by the legal path; for PersonnelService, which
    // holds the store mutex and a transaction (the writes join it; nothing is committed here).
    Result<MemberView> AppointLocked(const Actor& actor, Id pool_id, Id person_id, const std::string& date,
                                     const std::string& note);

    // Finds a pool by name (idempotent demo loading); 0 if none.
    Id FindPoolByName(const std::string& name);

private:
    // Candidates checked on `as_of`, sorted (eligible first, then person id), with the full view
    // built only for [offset, offset + limit).
    Result<CandidatePage> ScanCandidates(const Actor& actor, Id pool_id, std::optional<Id> unit,
                                         const std::string& as_of, std::size_t offset, std::size_t limit);
    PoolView ViewOfPool(const core::ports::PoolRecord& record);  // store mutex held
    Result<MemberView> ChangeLocked(const Actor& actor, Id pool_id, const MemberChange& change);  // store mutex held
    core::ports::HonourStore* honours_ = nullptr;
    TrainingFiles files_;
};

}  // namespace lingyan::app
