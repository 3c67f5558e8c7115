#include "exchange/audit/audit_labels.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "exchange/audit/audit_locale.hpp"  // generated from audit_locale.hpp.in

namespace lingyan::exchange::audit {

namespace {

namespace json = boost::json;

const json::object& Catalog() {
    static const json::object catalog = json::parse(kAuditLocaleJson).at("audit").as_object();
    return catalog;
}

// The string at `key` of the object `section` names (optionally of its sub-object `sub`), or "".
std::string Find(std::string_view section, std::string_view sub, std::string_view key) {
    const auto* s = Catalog().if_contains(section);
    if (s == nullptr || !s->is_object()) return "";
    const json::object* o = &s->get_object();
    if (!sub.empty()) {
        const auto* inner = o->if_contains(sub);
        if (inner == nullptr || !inner->is_object()) return "";
        o = &inner->get_object();
    }
    const auto* v = o->if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

std::string EntityLabel(std::string_view entity) {
    auto label = Find("entities", "", entity);
    return label.empty() ? std::string(entity) : label;
}

std::string ActionLabel(std::string_view entity, std::string_view action) {
    std::string key(action);
    std::replace(key.begin(), key.end(), '.', '_');  // the locale's keys: "arena.draw" is arena_draw
    auto label = Find("entityActions", entity, key);
    if (label.empty()) label = Find("actions", "", key);
    return label.empty() ? std::string(action) : label;
}

}  // namespace lingyan::exchange::audit
