#pragma once
// UseCaseBase: what the use cases of the evaluation, indicators, points and training modules share —
// the store (roster, accounts, audit), the mutex that serializes database access, the clock, the
// roster read model for scope checks, and the audit entry. A service derives from it and adds its
// module's store. It does no work of its own.

#include <mutex>
#include <string>

#include "app/common/use_case.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

class RosterService;

class UseCaseBase {
public:
    UseCaseBase(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                const RosterService& roster)
        : store_(store), store_mutex_(store_mutex), clock_(clock), roster_(roster) {}

protected:
    // `unit` is inside the caller's scope.
    bool InScope(const Actor& actor, Id unit) const;
    // The name of `unit` when it exists and lies inside the caller's scope; otherwise NotFound(what,
    // field): a unit outside the scope answers as a nonexistent one.
    Result<std::string> UnitInScope(const Actor& actor, Id unit, const std::string& what,
                                    const std::string& field) const;
    // Appends one audit entry (call with store_mutex_ held, inside the write's transaction).
    void Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
               const std::string& detail);

    core::ports::Store& store_;
    core::ports::StoreMutex& store_mutex_;
    const core::ports::Clock& clock_;
    const RosterService& roster_;
};

}  // namespace lingyan::app
