#pragma once
// What the audit responses show of an entry (the list's; the whole entry adds prev_hash and keyed)
// and of the chain's check (http/server/described_json.hpp).

#include "app/audit/audit_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(AuditEntry, (), (seq, at, user, action, entity, entity_id, detail, hash))
}  // namespace lingyan::core::ports

namespace lingyan::core::audit {
BOOST_DESCRIBE_STRUCT(ChainReport, (), (intact, checked, head_seq, head_hash, anchors, bad_seq, problem))
}  // namespace lingyan::core::audit
