#pragma once
// AuditService: reading and checking the append-only audit log (admin only): the log in order,
// the audit page's filtered pages newest first (and as a workbook), one entry, and the whole
// chain's check. Appends
// happen inside the services that change data, in the same transaction as the change. Thread-safe.

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "core/audit/chain_check.hpp"
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

// The audit page's question: the filters as the admin wrote them (dates are China days, inclusive).
struct AuditFilter {
    std::string user, action, entity;
    core::roster::Id entity_id = 0;
    std::string from, to;         // YYYY-MM-DD or ""
    std::int64_t before_seq = 0;  // 0: from the newest
    int limit = 50;               // 1..1000
    bool brief = false;           // details cut to kAuditBriefChars characters
};

inline constexpr std::size_t kAuditBriefChars = 200;
// An exported detail is cut to what one spreadsheet cell holds (Excel: 32,767 characters), so a
// log of long details is not read whole into memory only to be cut by the writer.
inline constexpr std::size_t kAuditCellChars = 32767;

// File formats, set at composition (exchange/audit).
struct AuditFiles {
    std::function<std::string(const std::vector<core::ports::AuditEntry>&)> log_xlsx;
};

class AuditService {
public:
    AuditService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::AuditSeal& seal,
                 const core::ports::Clock& clock, AuditFiles files = {})
        : store_(store), store_mutex_(store_mutex), seal_(seal), clock_(clock), files_(std::move(files)) {}

    // Only admins read the log: the routes ask before they read the request.
    core::Status MayRead(const core::auth::Actor& actor) const;
    // Entries after `after_seq` in order, at most `limit` (1..1000).
    core::Result<AuditPage> List(const core::auth::Actor& actor, std::int64_t after_seq, int limit) const;
    // Entries matching `filter`, newest first, and how many match.
    core::Result<core::ports::AuditFound> Find(const core::auth::Actor& actor, const AuditFilter& filter) const;
    // The entries matching `filter` (its page — before_seq, limit, brief — is not read), newest
    // first with their details (up to kAuditCellChars), as a workbook. More than kMaxExportRows is refused on
    // the count, before any entry is read (narrow the filters).
    core::Result<FileDownload> ExportXlsx(const core::auth::Actor& actor, const AuditFilter& filter) const;
    // One whole entry; not found when there is no such seq.
    core::Result<core::ports::AuditEntry> Get(const core::auth::Actor& actor, std::int64_t seq) const;
    // Reads the whole chain in order and checks it against the key and the anchors
    // (core/audit/chain_check.hpp); `lingyan audit verify` and the audit page ask the same.
    core::Result<core::audit::ChainReport> Verify(const core::auth::Actor& actor) const;

private:
    core::ports::Store& store_;
    core::ports::StoreMutex& store_mutex_;
    const core::ports::AuditSeal& seal_;
    const core::ports::Clock& clock_;
    AuditFiles files_;
};

}  // namespace lingyan::app
