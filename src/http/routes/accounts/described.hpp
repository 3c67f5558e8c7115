#pragma once
// What the accounts responses show of an account, a session and a login throttle
// (http/server/described_json.hpp): never a password or a session's token, which the views do not
// hold.

#include "app/accounts/account_service.hpp"
#include "app/accounts/auth_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(LoginThrottle, (), (key, failures, last_failure, blocked_until))
}  // namespace lingyan::core::ports

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(AccountView, (),
                      (id, username, display_name, role, scope_unit_id, scope_unit_name, active, must_change_password,
                       last_login_at, created_at, manageable))
BOOST_DESCRIBE_STRUCT(SessionView, (), (id, created_at, last_seen, expires_at, address, user_agent, current))
}  // namespace lingyan::app
