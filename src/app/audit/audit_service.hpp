#pragma once
// AuditService: reading the append-only audit log (admin only). Appends happen inside the
// services that change data, in the same transaction as the change. Thread-safe.

#include <mutex>
#include <string>
#include <vector>

#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

// Appends one audit entry for `actor`'s change, stamped with the clock's time. Call it inside
// the transaction of the change it records; the store fills seq and the hash chain.
inline void AppendAudit(core::ports::Store& store, const core::ports::Clock& clock, const core::auth::Actor& actor,
                        const std::string& action, const std::string& entity, core::roster::Id id,
                        const std::string& detail) {
    core::ports::AuditEntry e;
    e.at = clock.NowIso();
    e.user = actor.username;
    e.action = action;
    e.entity = entity;
    e.entity_id = id;
    e.detail = detail;
    store.AppendAudit(std::move(e));
}

// The detail of an audit entry for an edit: {"before":<before>,"after":<after>}, each a JSON text.
inline std::string BeforeAfter(const std::string& before, const std::string& after) {
    return "{\"before\":" + before + ",\"after\":" + after + "}";
}

struct AuditPage {
    std::vector<core::ports::AuditEntry> items;
    std::int64_t total = 0;
};

class AuditService {
public:
    AuditService(core::ports::Store& store, core::ports::StoreMutex& store_mutex) : store_(store), store_mutex_(store_mutex) {}

    // Entries after `after_seq` in order, at most `limit` (1..1000).
    core::Result<AuditPage> List(const core::auth::Actor& actor, std::int64_t after_seq, int limit) const {
        if (!core::auth::IsAdmin(actor.role)) return core::Error{core::errc::kForbidden, "只有管理员可以查看审计日志", ""};
        if (limit < 1 || limit > 1000) return core::Invalid("size 应在 1–1000 之间", "size");
        core::ports::ReadLock lock(store_mutex_);  // a read: beside other reads
        return AuditPage{store_.ListAudit(after_seq, limit), store_.CountAudit()};
    }

private:
    core::ports::Store& store_;
    core::ports::StoreMutex& store_mutex_;
};

}  // namespace lingyan::app
