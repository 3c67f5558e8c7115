#pragma once
// Reading request JSON strictly (unknown fields, wrong types and bad UTF-8 are refused with
// the field named) and writing domain values as JSON.

#include <boost/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

#include "core/common/result.hpp"

namespace lingyan::http {

// Parses `body` as a JSON object whose keys are all in `allowed`.
core::Result<boost::json::object> ParseObject(const std::string& body, std::initializer_list<const char*> allowed);

// Typed field access: absent → nullopt; present with the wrong type → an `invalid` error naming it.
core::Result<std::optional<std::string>> StringField(const boost::json::object& o, const char* name);
core::Result<std::optional<std::int64_t>> IntField(const boost::json::object& o, const char* name);
core::Result<std::optional<double>> NumberField(const boost::json::object& o, const char* name);
core::Result<std::optional<bool>> BoolField(const boost::json::object& o, const char* name);

// Query-string integers: absent → fallback; not an integer → `invalid` naming the parameter.
core::Result<std::int64_t> QueryInt(const std::optional<std::string>& v, const char* name, std::int64_t fallback);

}  // namespace lingyan::http
