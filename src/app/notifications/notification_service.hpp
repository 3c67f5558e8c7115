#pragma once
// NotificationService: the in-app notification centre — what the tickets module tells a user (a new
// assignment, a red, a report to verify, a result to rate), the unread count the header shows, and a
// daily digest built on read (the caller's tasks by colour, the most urgent ones, what arrived since
// yesterday). A user reads and marks only their own notifications.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <mutex>
#include <vector>

#include "app/common/use_case.hpp"
#include "app/tickets/ticket_service.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::app {

struct NotificationPage {
    std::vector<core::ports::NotificationRecord> items;
    std::int64_t unread = 0;
};

struct Digest {
    std::string date;
    std::int64_t unread = 0;
    std::int64_t tasks = 0;
    core::ports::ColourCounts colours{};
    std::vector<TicketView> urgent;  // the first tasks, red first
    std::vector<core::ports::NotificationRecord> recent;  // since yesterday
};

class NotificationService {
public:
    NotificationService(core::ports::TicketStore& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                        TicketService& tickets);

    Result<NotificationPage> List(const Actor& actor, bool unread_only, int page, int per_page);
    Result<std::int64_t> UnreadCount(const Actor& actor);
    // One notification (id > 0) or all of them (id 0); returns how many were unread.
    Result<std::int64_t> MarkRead(const Actor& actor, Id id);
    Result<Digest> DailyDigest(const Actor& actor);

private:
    core::ports::TicketStore& store_;
    core::ports::StoreMutex& store_mutex_;
    const core::ports::Clock& clock_;
    TicketService& tickets_;
};

}  // namespace lingyan::app
