#pragma once
// What every use case of the app layer speaks: results and the error constructors of
// core/common/result.hpp, the caller (Actor) and its role rules, record ids, the roster index and
// JSON quoting for audit details. Included by the services of every module instead of a block of
// using-declarations in each file.

#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/roster/roster_index.hpp"
#include "core/ports/store_lock.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace errc = core::errc;
using core::Conflict;
using core::Error;
using core::Forbidden;
using core::Invalid;
using core::NotFound;
using core::Result;
using core::RoleForbidden;
using core::Status;
using core::auth::Actor;
using core::auth::IsManager;
using core::auth::Role;
using core::roster::Id;
using core::roster::RosterIndex;
using core::text::JsonQuote;
using core::ports::ReadLock;  // shared store lock + read intent (core/ports/store_lock.hpp)

}  // namespace lingyan::app
