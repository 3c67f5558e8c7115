#pragma once
// LadderService: the village-cadre ladder (四岗十五级, or 3 × 18) per person with its level
// history, the yearly review that promotes and demotes by the core rules, and the yearly bonus
// pool split (core/training/ladder, bonus_pool). A person's grade is read when the person is in
// the caller's scope and changed by admin, county or town roles with the person in scope; bonus
// splits likewise by their unit. Audit and thread-safety as in training_base.hpp (SetLadder only
// before serving).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/training/training_base.hpp"
#include "app/training/training_files.hpp"
#include "core/training/bonus_pool.hpp"
#include "core/training/ladder.hpp"

namespace lingyan::app {

// ---- ladder (四岗十五级) and bonus pool --------------------------------------------------------

// A person's place on the ladder: the whole history and the step in force on `as_of`.
struct LadderPersonView {
    Id person_id = 0;
    Id unit_id = 0;
    std::string name, unit_name;
    std::optional<core::ports::LadderStepRecord> current;  // nullopt: not graded on as_of
    core::training::PayBand pay;                            // of the current level
    std::vector<core::ports::LadderStepRecord> history;     // by effective date
    std::optional<core::training::PromotionCheck> check;    // when a grade was given
};

struct LadderList {
    std::vector<LadderPersonView> items;  // without history
    std::int64_t people = 0;              // everyone under the unit
    std::int64_t graded = 0;              // of whom with a step on as_of
};

// One change of a person's grade. action "set" (初定/调整: post, level, reason), "promote" (one
// level up by the core rules, needs the last evaluation `grade`) or "demote" (负面清单: one level
// down, needs a reason).
struct LadderChange {
    std::string action;
    std::string post;
    int level = 0;
    std::string date;  // "" = today
    std::string reason;
    std::string grade;
};

struct LadderEvaluationRow {
    Id person_id = 0;
    std::string name, unit_name, post, grade;
    int level = 0, new_level = 0;
    std::string action;                // promote, demote, stay
    std::vector<std::string> reasons;  // in Chinese
};

struct LadderEvaluation {
    Id unit_id = 0;
    std::string as_of;
    bool applied = false;
    int promoted = 0, demoted = 0, unchanged = 0;
    std::vector<LadderEvaluationRow> rows;
};

struct NewBonusSplit {
    Id unit_id = 0;
    std::string period;         // e.g. 2024
    std::int64_t pool_fen = 0;  // fixed-point, 0.01 yuan
    std::string as_of;          // levels in force on this date; "" = today
    std::vector<std::pair<Id, std::string>> grades;  // person, 优秀/称职/…; missing = 称职
    bool dry_run = false;       // compute and show, write nothing
};

struct BonusSplitView {
    core::ports::BonusSplitRecord record;
    std::string unit_name;
    std::vector<core::ports::BonusLineRecord> lines;
};

class LadderService : TrainingBase {
public:
    LadderService(core::ports::Store& store, core::ports::TrainingStore& training, core::ports::StoreMutex& store_mutex,
                  const core::ports::Clock& clock, const RosterService& roster, TrainingFiles files)
        : TrainingBase(store, training, store_mutex, clock, roster), files_(std::move(files)) {}

    const core::training::LadderConfig& LadderConfig() const { return ladder_; }
    // Chooses the county's ladder (default 4 × 15). Call once at start-up, before serving: the
    // configuration is read without a lock. Refused when core::training::ValidateLadder fails.
    Status SetLadder(core::training::LadderConfig config);
    // Everyone under `unit` (in the caller's scope, else not_found) with their step on `as_of`;
    // with `graded_only` the people without one are counted but not listed.
    Result<LadderList> Ladder(const Actor& actor, Id unit, const std::string& as_of, bool graded_only = false);
    // One person's history; with `grade` also the promotion check on `as_of`.
    Result<LadderPersonView> PersonLadder(const Actor& actor, Id person_id, const std::string& as_of,
                                          const std::string& grade);
    Result<LadderPersonView> ChangeLadder(const Actor& actor, Id person_id, const LadderChange& change);
    // Applies the ladder rules to everyone graded under `unit` on `as_of`: 不称职 (negative list)
    // demotes one level, an eligible grade promotes, others stay. With `apply` the changes are
    // written in one transaction; errors name "grades[i]".
    Result<LadderEvaluation> EvaluateLadder(const Actor& actor, Id unit, const std::string& as_of,
                                            const std::vector<std::pair<Id, std::string>>& grades, bool apply);
    // Splits a unit's yearly bonus pool among the people graded under it (core SplitBonusPool);
    // one split per unit and period (conflict otherwise).
    Result<BonusSplitView> SplitBonus(const Actor& actor, const NewBonusSplit& spec);
    Result<std::vector<BonusSplitView>> ListBonusSplits(const Actor& actor);  // without lines
    Result<BonusSplitView> GetBonusSplit(const Actor& actor, Id split_id);
    Result<BonusSplitView> DeleteBonusSplit(const Actor& actor, Id split_id);
    // One split with its lines as .xlsx.
    Result<FileDownload> BonusSplitWorkbook(const Actor& actor, Id split_id);

private:
    TrainingFiles files_;
    core::training::LadderConfig ladder_ = core::training::FourByFifteenLadder();
};

}  // namespace lingyan::app
