#pragma once
// JSON shared by the arena route files: request bodies that may be empty, and the views.

#include <boost/json.hpp>
#include <string>

#include "app/arena/arena_service.hpp"
#include "core/common/result.hpp"
#include "http/server/router.hpp"

namespace lingyan::http::arena_json {

// The body as an object with only `allowed` keys; an empty body is {}.
core::Result<boost::json::object> Body(const Request& req, std::initializer_list<const char*> allowed);
boost::json::object Summary(const app::ContestSummary& s);
boost::json::object Detail(const app::ContestDetail& d);
boost::json::object State(const app::ContestView& view);
boost::json::object Results(const app::ContestResults& r);

}  // namespace lingyan::http::arena_json
