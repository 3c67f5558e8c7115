#pragma once
// What the accounts responses show of an account (http/server/described_json.hpp): never its
// password or sessions, which the view does not hold.

#include "app/accounts/account_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(AccountView, (),
                      (id, username, display_name, role, scope_unit_id, scope_unit_name, active, must_change_password,
                       last_login_at, created_at, manageable))
}  // namespace lingyan::app
