#pragma once
// 审计日志 as a workbook (behind app::AuditFiles::log_xlsx): the entries of the audit page's
// filters, newest first, one row each — sequence number, China time, account, the action and the
// entity in the page's words (audit_labels.hpp), the entity's id, the whole detail (JSON) and the
// entry's hash, so that a printed or forwarded sheet can be held against the chain (`lingyan audit
// verify`); last the action and entity codes as the API names them.

#include <string>
#include <vector>

#include "core/ports/store.hpp"

namespace lingyan::exchange::audit {

std::string AuditLogXlsx(const std::vector<core::ports::AuditEntry>& entries);

}  // namespace lingyan::exchange::audit
