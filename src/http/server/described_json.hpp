#pragma once
// Responses written from described records. A record's description (BOOST_DESCRIBE_STRUCT, in the
// record's namespace, in its module's http/routes/<module>/described.hpp) lists the members a
// response shows, under their own names; Boost.JSON writes them (value_from). What a response
// writes otherwise — a member under another name, "none" as null, a label — the handler writes
// after, by hand. docs/api.md stays the contract: a member left out of a description is not shown.

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <utility>

namespace lingyan::http {

// The described members of `record` as a JSON object.
template <typename T>
boost::json::object Described(const T& record) {
    boost::json::value v = boost::json::value_from(record);
    return std::move(v.as_object());
}

// The described members of a record and of the view around it (a view describes only what it adds
// to the record: names of units, counts), as one object.
template <typename Record, typename View>
boost::json::object Described(const Record& record, const View& view) {
    boost::json::object o = Described(record);
    for (auto& [key, value] : Described(view)) o.insert_or_assign(key, std::move(value));
    return o;
}

// null for "none": an empty text, or an id of 0.
inline boost::json::value NullIfEmpty(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}
inline boost::json::value NullIfZero(std::int64_t id) {
    return id == 0 ? boost::json::value(nullptr) : boost::json::value(id);
}

// A workflow's event (a ticket's, a project's): its described members, and its states as "from" and "to".
template <typename Event>
boost::json::object WorkflowEventJson(const Event& e) {
    boost::json::object o = Described(e);
    o["from"] = e.from_state;
    o["to"] = e.to_state;
    return o;
}

}  // namespace lingyan::http

// Writes the domain enum `Enum` as `NameFn(value)` wherever Boost.JSON meets it (in a described
// record, a value_from). Used in the enum's own namespace.
#define LINGYAN_JSON_ENUM_AS_NAME(Enum, NameFn)                                                    \
    inline void tag_invoke(::boost::json::value_from_tag, ::boost::json::value& out, Enum value) { \
        out = NameFn(value);                                                                       \
    }
