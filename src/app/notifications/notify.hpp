#pragma once
// Sending in-app notifications (NotificationService is where users read them): whom a unit's
// notification reaches, and one notification to each of several accounts. The tickets and projects
// use cases call these with the store mutex held, inside the write's transaction.

#include <vector>

#include "core/ports/store.hpp"
#include "core/ports/ticket_store.hpp"

namespace lingyan::app {

// The active accounts whose scope is exactly `unit_id` (none for 0).
std::vector<core::ports::Id> ActiveUsersOfUnit(core::ports::Store& store, core::ports::Id unit_id);

// Inserts `n` once for each of `users`, with n.user_id set to it; ids 0 and repeats are skipped.
void NotifyEach(core::ports::TicketStore& tickets, const std::vector<core::ports::Id>& users,
                core::ports::NotificationRecord n);

}  // namespace lingyan::app
