#pragma once
// The storage port of the personnel module: decisions (人事决定) and 躺平奖 nominations.
// Implemented by storage/sql/personnel_store over the same connection as Store, so writes join the
// transaction opened with Store::Begin(). Throws storage::StoreError when the database fails; a
// second nomination of one person for one year and category throws from the unique index.
// Used by one thread at a time (the app layer serializes access with the store mutex).

#include <optional>
#include <vector>

#include "core/personnel/decision.hpp"
#include "core/personnel/nomination.hpp"

namespace lingyan::core::ports {

class PersonnelStore {
public:
    virtual ~PersonnelStore() = default;
    virtual roster::Id InsertDecision(const personnel::Decision& d) = 0;  // d.id ignored
    virtual std::vector<personnel::Decision> ListDecisions() = 0;         // newest date first, then id
    virtual roster::Id InsertNomination(const personnel::Nomination& n) = 0;
    virtual std::optional<personnel::Nomination> FindNomination(roster::Id id) = 0;
    virtual void UpdateNominationReview(const personnel::Nomination& n) = 0;  // state and review fields
    virtual std::vector<personnel::Nomination> ListNominations() = 0;          // year descending, then id
};

}  // namespace lingyan::core::ports
