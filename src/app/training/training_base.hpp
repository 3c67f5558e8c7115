#pragma once
// TrainingBase: what the training use cases share — the stores, the mutex that serializes
// database access, the clock, the roster, the scope rules and the audit entry. PoolService,
// ProgramService and LadderService derive from it; it is not used on its own.
//
// Scope: pools and programs belong to a scope unit. A caller may read one when that unit is
// inside the caller's scope or the caller's scope is inside it; reads otherwise answer
// not_found. Managing needs role admin, county or town and the scope unit inside the caller's
// scope (forbidden otherwise).
//
// Every write is checked whole first and written all-or-nothing in one transaction with one
// audit entry (entity talent_pool, training_program, ladder or bonus_split).
//
// Thread-safety: all methods may be called concurrently; database access is serialized by the
// shared store mutex, and the roster is read through RosterService::WithIndex.

#include <mutex>
#include <string>

#include "app/common/use_case.hpp"
#include "app/common/use_case_base.hpp"
#include "app/roster/roster_service.hpp"
#include "core/ports/store.hpp"
#include "core/ports/training_store.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::app {

class TrainingBase : public UseCaseBase {
public:
    TrainingBase(core::ports::Store& store, core::ports::TrainingStore& training, core::ports::StoreMutex& store_mutex,
                 const core::ports::Clock& clock, const RosterService& roster)
        : UseCaseBase(store, store_mutex, clock, roster), training_(training) {}

protected:
    bool CanRead(const Actor& actor, Id scope_unit) const;
    bool CanManage(const Actor& actor, Id scope_unit) const;

    core::ports::TrainingStore& training_;
};

// Rules shared by the training use cases (training_base.cpp).
namespace training_rules {
// A bad ISO date as an `invalid` error naming `field`; nullopt when `text` is a date.
std::optional<Error> BadDate(const std::string& text, const std::string& field);
// The town (镇街) a unit belongs to, or the unit itself above town level.
Id TownOf(const core::roster::RegionTree& tree, Id unit_id);
std::string NameOf(const core::roster::RegionTree& tree, Id unit_id);
std::string PersonName(const RosterIndex& index, Id person_id);
}  // namespace training_rules

}  // namespace lingyan::app
