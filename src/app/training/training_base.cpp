#include "app/training/training_base.hpp"

#include "app/audit/audit_service.hpp"
#include "core/common/date.hpp"

namespace lingyan::app {

// ---- scope -------------------------------------------------------------------------------

bool TrainingBase::CanRead(const Actor& actor, Id scope_unit) const {
    if (!core::auth::CanReadRoster(actor.role)) return false;
    if (actor.scope_unit_id == 0) return actor.role == core::auth::Role::kAdmin;
    bool visible = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        visible = index.tree().InSubtree(actor.scope_unit_id, scope_unit) ||
                  index.tree().InSubtree(scope_unit, actor.scope_unit_id);
    });
    return visible;
}

bool TrainingBase::CanManage(const Actor& actor, Id scope_unit) const {
    return IsManager(actor.role) && InScope(actor, scope_unit);
}

namespace training_rules {

// Checks a YYYY-MM-DD field; an Error naming it otherwise.
std::optional<Error> BadDate(const std::string& text, const std::string& field) {
    if (core::ParseIsoDate(text)) return std::nullopt;
    return Invalid("日期应为 YYYY-MM-DD：" + (text.empty() ? std::string("（空）") : text), field);
}

std::string NameOf(const core::roster::RegionTree& tree, Id unit_id) {
    const auto* u = tree.Find(unit_id);
    return u ? u->name : std::string();
}

}  // namespace training_rules

}  // namespace lingyan::app
