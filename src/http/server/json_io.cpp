#include "http/server/json_io.hpp"

#include <charconv>
#include <cstring>

namespace lingyan::http {

namespace json = boost::json;

core::Result<boost::json::object> ParseObject(const std::string& body, std::initializer_list<const char*> allowed) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(body, ec);
    if (ec) return core::Error{"bad_request", "请求体不是有效的 JSON（" + ec.message() + "）", ""};
    if (!v.is_object()) return core::Error{"bad_request", "请求体应为 JSON 对象", ""};
    for (const auto& kv : v.as_object()) {
        bool known = false;
        for (const char* a : allowed) known = known || kv.key() == a;
        if (!known) return core::Invalid("未知字段: " + std::string(kv.key()), std::string(kv.key()));
    }
    return std::move(v.as_object());
}

core::Result<std::optional<std::string>> StringField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<std::string>();
    if (!it->value().is_string()) return core::Invalid(std::string("字段 ") + name + " 应为字符串", name);
    return std::optional<std::string>(std::string(it->value().as_string()));
}

core::Result<std::optional<std::int64_t>> IntField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<std::int64_t>();
    const auto& v = it->value();
    if (v.is_int64()) return std::optional<std::int64_t>(v.as_int64());
    if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return std::optional<std::int64_t>(static_cast<std::int64_t>(v.as_uint64()));
    return core::Invalid(std::string("字段 ") + name + " 应为整数", name);
}

core::Result<std::optional<double>> NumberField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<double>();
    const auto& v = it->value();
    if (v.is_number()) return std::optional<double>(v.to_number<double>());
    return core::Invalid(std::string("字段 ") + name + " 应为数字", name);
}

core::Result<std::optional<bool>> BoolField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<bool>();
    if (!it->value().is_bool()) return core::Invalid(std::string("字段 ") + name + " 应为 true 或 false", name);
    return std::optional<bool>(it->value().as_bool());
}

core::Result<std::int64_t> QueryInt(const std::optional<std::string>& v, const char* name, std::int64_t fallback) {
    if (!v || v->empty()) return fallback;
    std::int64_t out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || ptr != v->data() + v->size())
        return core::Invalid(std::string("参数 ") + name + " 应为整数", name);
    return out;
}

core::Status ReadString(const json::object& o, const char* name, std::string& out) {
    auto v = StringField(o, name);
    if (!v) return v.error();
    if (*v) out = **v;
    return core::Ok();
}

core::Status ReadInt(const json::object& o, const char* name, std::int64_t& out) {
    auto v = IntField(o, name);
    if (!v) return v.error();
    if (*v) out = **v;
    return core::Ok();
}

core::Status ReadIntArray(const json::object& o, const char* name, std::vector<std::int64_t>& out) {
    const auto* v = o.if_contains(name);
    if (!v || v->is_null()) return core::Ok();
    if (!v->is_array()) return core::Invalid(std::string(name) + " 应为整数数组", name);
    for (const auto& item : v->as_array()) {
        if (!item.is_int64()) return core::Invalid(std::string(name) + " 应为整数数组", name);
        out.push_back(item.as_int64());
    }
    return core::Ok();
}

core::Status ReadStringArray(const json::object& o, const char* name, std::vector<std::string>& out) {
    const auto* v = o.if_contains(name);
    if (!v || v->is_null()) return core::Ok();
    if (!v->is_array()) return core::Invalid(std::string(name) + " 应为字符串数组", name);
    for (const auto& item : v->as_array()) {
        if (!item.is_string()) return core::Invalid(std::string(name) + " 应为字符串数组", name);
        out.emplace_back(item.as_string());
    }
    return core::Ok();
}

core::Result<std::vector<json::object>> ObjectArray(const json::object& o, const char* name) {
    std::vector<json::object> out;
    const auto* v = o.if_contains(name);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) return core::Invalid(std::string(name) + " 应为对象数组", name);
    for (const auto& item : v->as_array()) {
        if (!item.is_object()) return core::Invalid(std::string(name) + " 应为对象数组", name);
        out.push_back(item.as_object());
    }
    return out;
}


}  // namespace lingyan::http
