#include "app/common/use_case_base.hpp"

#include <optional>

#include "app/audit/audit_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

bool UseCaseBase::InScope(const Actor& actor, Id unit) const { return roster_.InScope(actor, unit); }

Result<std::string> UseCaseBase::UnitInScope(const Actor& actor, Id unit, const std::string& what,
                                             const std::string& field) const {
    std::optional<std::string> name;
    roster_.WithIndex([&](const core::roster::RosterIndex& index) {
        if (index.tree().Find(unit) && core::auth::InScope(index.tree(), actor, unit)) name = index.tree().NameOf(unit);
    });
    if (!name) return NotFound(what, field);
    return std::move(*name);
}

void UseCaseBase::Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
                        const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, entity, id, detail);
}

}  // namespace lingyan::app
