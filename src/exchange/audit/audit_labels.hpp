#pragma once
// The words of the audit log's codes, as the 审计日志 page shows them (web/src/views/audit/
// audit-catalog.ts reads the same locale file): an action is named for its entity where the locale
// gives it a particular meaning (entityActions: a ticket's `report` is 报结), else by its general
// word; a code the locale does not know stays the code.

#include <string>
#include <string_view>

namespace lingyan::exchange::audit {

std::string EntityLabel(std::string_view entity);
std::string ActionLabel(std::string_view entity, std::string_view action);

}  // namespace lingyan::exchange::audit
