#include "app/notifications/notification_service.hpp"

#include <cstdio>

namespace lingyan::app {

NotificationService::NotificationService(core::ports::TicketStore& store, core::ports::StoreMutex& store_mutex,
                                         const core::ports::Clock& clock, TicketService& tickets)
    : store_(store), store_mutex_(store_mutex), clock_(clock), tickets_(tickets) {}

Result<NotificationPage> NotificationService::List(const Actor& actor, bool unread_only, int page, int per_page) {
    if (page < 1 || page > 100000) return Invalid("页码应为 1 到 100000", "page");
    if (per_page < 1 || per_page > 100) return Invalid("每页条数应为 1 到 100", "per_page");
    std::lock_guard lock(store_mutex_);
    NotificationPage out;
    out.items = store_.ListNotifications(actor.user_id, unread_only, per_page,
                                         static_cast<std::int64_t>(page - 1) * per_page);
    out.unread = store_.CountUnread(actor.user_id);
    return out;
}

Result<std::int64_t> NotificationService::UnreadCount(const Actor& actor) {
    std::lock_guard lock(store_mutex_);
    return store_.CountUnread(actor.user_id);
}

Result<std::int64_t> NotificationService::MarkRead(const Actor& actor, Id id) {
    std::lock_guard lock(store_mutex_);
    const auto changed = store_.MarkRead(actor.user_id, id, clock_.NowIso());
    if (id > 0 && changed == 0) {
        // Already read, or not the caller's: the same answer for both would hide nothing, so tell
        // only whether it exists among the caller's own.
        bool mine = false;
        for (const auto& n : store_.ListNotifications(actor.user_id, false, 1000, 0)) mine = mine || n.id == id;
        if (!mine) return core::NotFound("通知");
    }
    return changed;
}

Result<Digest> NotificationService::DailyDigest(const Actor& actor) {
    Digest d;
    d.date = clock_.Today();
    if (actor.role != Role::kJudge) {
        auto tasks = tickets_.MyTasks(actor, std::nullopt, 1, 5);
        if (!tasks) return tasks.error();
        d.tasks = tasks->total;
        d.colours = tasks->colours;
        d.urgent = std::move(tasks->items);
    }
    // "Since yesterday": notifications created in the last 24 hours (created_at is ISO 8601 UTC,
    // compared as text against the cut-off written the same way).
    const auto since = clock_.NowUnix() - 24 * 3600;
    char clock_time[16];
    std::snprintf(clock_time, sizeof clock_time, "T%02d:%02d:%02dZ", static_cast<int>(since % 86400 / 3600),
                  static_cast<int>(since % 3600 / 60), static_cast<int>(since % 60));
    const std::string cutoff = core::FormatIsoDate(core::CivilFromDays(since / 86400)) + clock_time;
    std::lock_guard lock(store_mutex_);
    d.unread = store_.CountUnread(actor.user_id);
    for (auto& n : store_.ListNotifications(actor.user_id, false, 50, 0))
        if (n.created_at >= cutoff) d.recent.push_back(std::move(n));
    return d;
}

}  // namespace lingyan::app
