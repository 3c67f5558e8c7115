#include "app/common/use_case_base.hpp"

#include "app/audit/audit_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

bool UseCaseBase::InScope(const Actor& actor, Id unit) const { return roster_.InScope(actor, unit); }

void UseCaseBase::Audit(const Actor& actor, const std::string& action, const std::string& entity, Id id,
                        const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, entity, id, detail);
}

}  // namespace lingyan::app
