#include "app/audit/audit_service.hpp"

#include "core/common/date.hpp"

namespace lingyan::app {

namespace {

core::Status CheckLimit(int limit) {
    if (limit < 1 || limit > 1000) return core::Invalid("size 应在 1–1000 之间", "size");
    return core::Ok();
}

// The first instant (ISO 8601 UTC) of a China day given as YYYY-MM-DD, `days_after` days later.
core::Result<std::string> ChinaDayStart(const std::string& text, const char* field, int days_after) {
    auto day = core::ParseIsoDateField(text, field);
    if (!day) return day.error();
    const std::int64_t seconds = (core::DaysFromCivil(*day) + days_after) * 86400 - core::kChinaUtcOffsetSeconds;
    return core::IsoUtcOfUnix(seconds);
}

// The store's question for the audit page's filters: the China days as UTC instants.
core::Result<core::ports::AuditQuery> QueryOf(const AuditFilter& f) {
    core::ports::AuditQuery q{
        f.user, f.action, f.entity, f.entity_id, "", "", f.before_seq, f.limit, f.brief ? kAuditBriefChars : 0};
    if (!f.from.empty()) {
        auto since = ChinaDayStart(f.from, "from", 0);
        if (!since) return since.error();
        q.since = *since;
    }
    if (!f.to.empty()) {
        auto until = ChinaDayStart(f.to, "to", 1);
        if (!until) return until.error();
        q.until = *until;
    }
    if (!q.since.empty() && !q.until.empty() && q.until <= q.since) return core::Invalid("结束日期早于开始日期", "to");
    return q;
}

}  // namespace

core::Status AuditService::MayRead(const core::auth::Actor& actor) const {
    if (!core::auth::IsAdmin(actor.role)) return core::Forbidden("只有管理员可以查看审计日志");
    return core::Ok();
}

core::Result<AuditPage> AuditService::List(const core::auth::Actor& actor, std::int64_t after_seq, int limit) const {
    if (auto ok = MayRead(actor); !ok) return ok.error();
    if (auto ok = CheckLimit(limit); !ok) return ok.error();
    core::ports::ReadLock lock(store_mutex_);  // a read: beside other reads
    return AuditPage{store_.ListAudit(after_seq, limit), store_.CountAudit()};
}

core::Result<core::ports::AuditFound> AuditService::Find(const core::auth::Actor& actor, const AuditFilter& f) const {
    if (auto ok = MayRead(actor); !ok) return ok.error();
    if (auto ok = CheckLimit(f.limit); !ok) return ok.error();
    auto q = QueryOf(f);
    if (!q) return q.error();
    core::ports::ReadLock lock(store_mutex_);
    return store_.FindAudit(*q);
}

core::Result<FileDownload> AuditService::ExportXlsx(const core::auth::Actor& actor, const AuditFilter& filter) const {
    if (auto ok = MayRead(actor); !ok) return ok.error();
    if (!files_.log_xlsx) return core::Invalid("未配置导出格式");
    AuditFilter whole = filter;
    whole.before_seq = 0;
    auto q = QueryOf(whole);
    if (!q) return q.error();
    q->detail_chars = kAuditCellChars;  // whatever `brief` said
    core::ports::AuditFound found;
    {
        core::ports::ReadLock lock(store_mutex_);
        q->limit = 0;  // counted before any entry is read
        const auto total = store_.FindAudit(*q).total;
        if (auto st = CheckExportSize(total, "审计记录", "条"); !st) return st.error();
        q->limit = static_cast<int>(total);
        found = store_.FindAudit(*q);
    }
    const auto today = clock_.Today();
    return FileDownload{files_.log_xlsx(found.items), "审计日志-" + today + ".xlsx", "audit-log-" + today + ".xlsx"};
}

core::Result<core::ports::AuditEntry> AuditService::Get(const core::auth::Actor& actor, std::int64_t seq) const {
    if (auto ok = MayRead(actor); !ok) return ok.error();
    core::ports::ReadLock lock(store_mutex_);
    auto entry = store_.GetAudit(seq);
    if (!entry) return core::NotFound("审计记录");
    return *entry;
}

core::Result<core::audit::ChainReport> AuditService::Verify(const core::auth::Actor& actor) const {
    if (auto ok = MayRead(actor); !ok) return ok.error();
    // Anchors first: one written while the log is read names an entry the reading below reaches.
    core::audit::ChainCheck check(seal_.Anchors());
    std::int64_t after = 0;
    while (true) {
        std::vector<core::ports::AuditEntry> batch;
        {
            core::ports::ReadLock lock(store_mutex_);  // a batch at a time: writers wait for one batch, not the walk
            batch = store_.ListAudit(after, 1000);
        }
        if (batch.empty()) break;
        for (const auto& e : batch)
            if (!check.Add(e, seal_.HashOf(e))) return check.Finish();
        after = batch.back().seq;
    }
    return check.Finish();
}

}  // namespace lingyan::app
