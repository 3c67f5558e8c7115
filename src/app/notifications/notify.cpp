#include "app/notifications/notify.hpp"

#include <set>

namespace lingyan::app {

using core::ports::Id;

std::vector<Id> ActiveUsersOfUnit(core::ports::Store& store, Id unit_id) {
    std::vector<Id> out;
    if (unit_id == 0) return out;
    for (const auto& u : store.ListUsers())
        if (u.active && u.scope_unit_id == unit_id) out.push_back(u.id);
    return out;
}

void NotifyEach(core::ports::TicketStore& tickets, const std::vector<Id>& users, core::ports::NotificationRecord n) {
    std::set<Id> seen;
    for (Id u : users) {
        if (u == 0 || !seen.insert(u).second) continue;
        n.user_id = u;
        tickets.InsertNotification(n);
    }
}

}  // namespace lingyan::app
