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

namespace {

// An optional array whose every item `take` accepts (appending it to `out`); `what` names the
// expected array in the error.
template <typename T, typename Take>
core::Status ReadArray(const json::object& o, const char* name, const char* what, std::vector<T>& out, Take take) {
    const auto* v = o.if_contains(name);
    if (!v || v->is_null()) return core::Ok();
    if (!v->is_array()) return core::Invalid(std::string(name) + " 应为" + what, name);
    for (const auto& item : v->as_array())
        if (!take(item, out)) return core::Invalid(std::string(name) + " 应为" + what, name);
    return core::Ok();
}

}  // namespace

core::Status ReadIntArray(const json::object& o, const char* name, std::vector<std::int64_t>& out) {
    return ReadArray(o, name, "整数数组", out, [](const json::value& item, std::vector<std::int64_t>& into) {
        if (!item.is_int64()) return false;
        into.push_back(item.as_int64());
        return true;
    });
}

core::Status ReadStringArray(const json::object& o, const char* name, std::vector<std::string>& out) {
    return ReadArray(o, name, "字符串数组", out, [](const json::value& item, std::vector<std::string>& into) {
        if (!item.is_string()) return false;
        into.emplace_back(item.as_string());
        return true;
    });
}

core::Result<std::vector<json::object>> ObjectArray(const json::object& o, const char* name) {
    std::vector<json::object> out;
    auto st = ReadArray(o, name, "对象数组", out, [](const json::value& item, std::vector<json::object>& into) {
        if (!item.is_object()) return false;
        into.push_back(item.as_object());
        return true;
    });
    if (!st) return st.error();
    return out;
}


}  // namespace lingyan::http
