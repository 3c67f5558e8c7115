#pragma once
// DecisionService: personnel decisions (人事决定) — an appointment (任用), a promotion in rank
// (晋升职级), a reward (奖励) or a reminder talk (谈话提醒) about a roster person, each citing its
// ground: a published campaign in whose result the person stands (as a subject, or as a member of
// a unit subject's team), an honour of the person, or the person's entry in a talent pool.
//
// An appointment creates its position in the roster; citing a talent pool it also moves the
// member to appointed — decision, position and pool entry in one transaction, with audit entries.
// This is the only way a pool member becomes appointed (PoolService::ChangeMember refuses it).
//
// Scope: officers (admin, county, town) record and read decisions about people in their scope;
// other roles are refused. Out-of-scope and nonexistent people, campaigns, honours and pools
// answer the same not_found. Bad input is `invalid` naming the field.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/personnel/personnel_files.hpp"
#include "core/personnel/decision.hpp"
#include "core/ports/personnel_store.hpp"

namespace lingyan::app {

class CampaignService;
class HonourService;
class PoolService;

// What the caller decides: person_id, kind, ground, ground_id, content, document_no and decided_on
// ("" = today) of `decision` (the rest is filled in), and an appointment's position.
struct DecisionInput {
    core::personnel::Decision decision;
    std::optional<core::personnel::PositionSpec> position;
};

struct DecisionView {
    core::personnel::Decision decision;
    std::string unit_name;
};

struct DecisionQuery {
    Id person = 0;  // 0 = anyone
    std::optional<core::personnel::Ground> ground;
    Id ground_id = 0;  // with `ground`: decisions citing this campaign, honour or pool
    std::optional<core::personnel::Kind> kind;
    int year = 0;  // decided in this year; 0 = any
};

class DecisionService : UseCaseBase {
public:
    // `roster_writer` is the same RosterService as the read model: an appointment writes its position.
    DecisionService(core::ports::Store& store, core::ports::PersonnelStore& personnel,
                    core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock, RosterService& roster_writer,
                    PersonnelFiles files = {});
    // The grounds a decision may cite; set at composition.
    void SetGrounds(CampaignService* campaigns, HonourService* honours, PoolService* pools);

    Result<DecisionView> Decide(const Actor& actor, const DecisionInput& input);
    // Newest first, within the caller's scope.
    Result<std::vector<DecisionView>> List(const Actor& actor, const DecisionQuery& query);
    // 人事决定台账: the same list as a workbook; more than kMaxExportRows is refused.
    Result<FileDownload> LedgerXlsx(const Actor& actor, const DecisionQuery& query);

private:
    // The ground in words, after checking it exists in the caller's scope and concerns the person.
    Result<std::string> GroundLabel(const Actor& actor, const core::personnel::Decision& d);

    core::ports::PersonnelStore& personnel_;
    RosterService& roster_writer_;
    PersonnelFiles files_;
    CampaignService* campaigns_ = nullptr;
    HonourService* honours_ = nullptr;
    PoolService* pools_ = nullptr;
};

}  // namespace lingyan::app
