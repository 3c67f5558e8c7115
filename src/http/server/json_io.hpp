#pragma once
// Reading request JSON strictly (unknown fields, wrong types and bad UTF-8 are refused with
// the field named) and writing domain values as JSON.

#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"

namespace lingyan::http {

// The rules every JSON body obeys beyond its syntax: no key twice in an object (400) and no number
// outside the range of a double (422 naming the field).
core::Status CheckJsonBody(std::string_view body);

// Parses `body` as a JSON object whose keys are all in `allowed` (and that passes CheckJsonBody).
core::Result<boost::json::object> ParseObject(const std::string& body, std::span<const char* const> allowed);
inline core::Result<boost::json::object> ParseObject(const std::string& body,
                                                     std::initializer_list<const char*> allowed) {
    return ParseObject(body, std::span<const char* const>(allowed.begin(), allowed.size()));
}

// Text lengths (characters): a "name" field, and any other text field.
inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxTextChars = 10000;

// Typed field access: absent → nullopt; present with the wrong type → an `invalid` error naming it.
core::Result<std::optional<std::string>> StringField(const boost::json::object& o, const char* name);
core::Result<std::optional<std::int64_t>> IntField(const boost::json::object& o, const char* name);
core::Result<std::optional<double>> NumberField(const boost::json::object& o, const char* name);
core::Result<std::optional<bool>> BoolField(const boost::json::object& o, const char* name);

// Bounds of paging parameters (a page number, an offset) accepted anywhere.
inline constexpr std::int64_t kMaxPage = 1000000;
inline constexpr std::int64_t kMaxOffset = 1000000000;

// Query-string integers: absent → fallback; not an integer → `invalid` naming the parameter.
core::Result<std::int64_t> QueryInt(const std::optional<std::string>& v, const char* name, std::int64_t fallback);
// The same, refused (`invalid`) outside [min, max] — paging and sizes are never silently clamped.
core::Result<std::int64_t> QueryInt(const std::optional<std::string>& v, const char* name, std::int64_t fallback,
                                    std::int64_t min, std::int64_t max);

// A query-string enum read by core's `from_name` (std::optional<E>(std::string_view)): absent or ""
// leaves `out` as it is; a name it does not know is refused (`invalid`, naming the parameter) as
// "<problem>：<text>".
template <typename E, typename FromName>
core::Status QueryEnum(const std::optional<std::string>& v, const char* name, FromName from_name, std::optional<E>& out,
                       std::string_view problem) {
    if (!v || v->empty()) return core::Ok();
    auto parsed = from_name(*v);
    if (!parsed) return core::Invalid(std::string(problem) + "：" + *v, name);
    out = *parsed;
    return core::Ok();
}
// A query-string flag: "true"/"1" or "false"/"0"; absent or "" leaves `out` as it is.
template <typename Flag>  // bool or std::optional<bool>
core::Status QueryFlag(const std::optional<std::string>& v, const char* name, Flag& out) {
    if (!v || v->empty()) return core::Ok();
    if (*v != "true" && *v != "false" && *v != "1" && *v != "0")
        return core::Invalid(std::string(name) + " 应为 true 或 false", name);
    out = *v == "true" || *v == "1";
    return core::Ok();
}

// Reads an optional field into `out` (unchanged when absent); each returns an error naming the field.
core::Status ReadString(const boost::json::object& o, const char* name, std::string& out);
core::Status ReadInt(const boost::json::object& o, const char* name, std::int64_t& out);
core::Status ReadBool(const boost::json::object& o, const char* name, bool& out);
core::Status ReadIntArray(const boost::json::object& o, const char* name, std::vector<std::int64_t>& out);
core::Status ReadStringArray(const boost::json::object& o, const char* name, std::vector<std::string>& out);
// An optional array of objects; absent or null → empty.
core::Result<std::vector<boost::json::object>> ObjectArray(const boost::json::object& o, const char* name);

// A field of a request body and the variable it is read into, by the variable's type (the Read…
// functions above); an absent field leaves the variable as it is.
template <typename T>
struct BodyField {
    const char* name;
    T* out;
};
template <typename T>
BodyField<T> Field(const char* name, T& out) {
    return {name, &out};
}
inline core::Status ReadField(const boost::json::object& o, const char* name, std::string& out) {
    return ReadString(o, name, out);
}
inline core::Status ReadField(const boost::json::object& o, const char* name, std::int64_t& out) {
    return ReadInt(o, name, out);
}
inline core::Status ReadField(const boost::json::object& o, const char* name, bool& out) {
    return ReadBool(o, name, out);
}
inline core::Status ReadField(const boost::json::object& o, const char* name, std::vector<std::int64_t>& out) {
    return ReadIntArray(o, name, out);
}
inline core::Status ReadField(const boost::json::object& o, const char* name, std::vector<std::string>& out) {
    return ReadStringArray(o, name, out);
}

// Parses `body` as a JSON object of `fields` and of the keys in `also` (which the handler reads from
// the object returned), and reads the fields in order: each key is named once, and the first problem
// names its field.
template <typename... Ts>
core::Result<boost::json::object> ReadBody(const std::string& body, std::initializer_list<const char*> also,
                                           BodyField<Ts>... fields) {
    std::vector<const char*> allowed(also);
    (allowed.push_back(fields.name), ...);
    auto o = ParseObject(body, allowed);
    if (!o) return o;
    core::Status st = core::Ok();
    ((st.ok() ? (void)(st = ReadField(*o, fields.name, *fields.out)) : (void)0), ...);
    if (!st) return st.error();
    return o;
}

// Runs `readers` in order and returns the first error.
template <typename... Fs>
core::Status All(Fs&&... readers) {
    core::Status result = core::Ok();
    ((result.ok() ? (void)(result = readers()) : (void)0), ...);
    return result;
}

}  // namespace lingyan::http
