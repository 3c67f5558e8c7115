#pragma once
// JSON shapes of roster values (docs/api.md), shared by roster and exchange routes.

#include <boost/json.hpp>

#include "app/roster/roster_service.hpp"
#include "http/server/router.hpp"

namespace lingyan::http {

// `sp`: where the JSON values live; list handlers pass a per-request monotonic resource so that
// building a page costs a few bump allocations instead of hundreds of mallocs.
boost::json::object UnitJson(const app::UnitView& v, boost::json::storage_ptr sp = {});
boost::json::object PersonJson(const app::PersonView& v, boost::json::storage_ptr sp = {});
boost::json::object PositionJson(const core::roster::Position& p, const std::string& unit_name,
                                 boost::json::storage_ptr sp = {});
// The people filters of GET /people (also used by the export route).
core::Result<core::roster::PeopleQuery> PeopleQueryFrom(const Request& req);
// The filters of a units list (parent, q, kind) from the query string.
core::Result<app::UnitsQuery> UnitsQueryFrom(const Request& req);

}  // namespace lingyan::http
