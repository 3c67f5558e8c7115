#include "http/server/json_io.hpp"

#include "core/common/numbers.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <set>

namespace lingyan::http {

namespace json = boost::json;

namespace {

// Checks a JSON text for what Boost.JSON's parser accepts but lingyan refuses: a key given twice in
// one object (the parser would keep only one of them silently) and a number outside the range of
// a double (parsed as ±Infinity, which no browser can read back). Runs Boost.JSON's own SAX parser,
// so syntax errors are left to the real parse.
class BodyChecker {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::optional<core::Error> problem;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        keys_.emplace_back();
        return true;
    }
    bool on_object_end(std::size_t, boost::system::error_code&) {
        keys_.pop_back();
        return true;
    }
    bool on_array_begin(boost::system::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
    bool on_key_part(boost::json::string_view part, std::size_t, boost::system::error_code&) {
        key_.append(part.data(), part.size());
        return true;
    }
    bool on_key(boost::json::string_view part, std::size_t, boost::system::error_code& ec) {
        key_.append(part.data(), part.size());
        if (!keys_.empty() && !keys_.back().insert(key_).second) {
            problem = core::Error{"bad_request", "请求体中字段 “" + key_.substr(0, 100) + "” 出现两次", key_.substr(0, 100)};
            ec = boost::json::error::syntax;
            return false;
        }
        last_key_ = std::move(key_);
        key_.clear();
        return true;
    }
    bool on_string_part(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_double(double v, boost::json::string_view, boost::system::error_code& ec) {
        if (core::InRange(v)) return true;
        problem = core::Invalid("字段 " + last_key_.substr(0, 100) + " 的数值超出范围（绝对值不超过 1e15）",
                                last_key_.substr(0, 100));
        ec = boost::json::error::syntax;
        return false;
    }
    bool on_bool(bool, boost::system::error_code&) { return true; }
    bool on_null(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    std::vector<std::set<std::string>> keys_;
    std::string key_, last_key_;
};

}  // namespace

core::Status CheckJsonBody(std::string_view body) {
    boost::json::basic_parser<BodyChecker> parser{boost::json::parse_options{}};
    boost::system::error_code ec;
    parser.write_some(false, body.data(), body.size(), ec);
    if (parser.handler().problem) return *parser.handler().problem;
    return core::Ok();  // syntax errors are reported by the parse itself
}

core::Result<boost::json::object> ParseObject(const std::string& body, std::span<const char* const> allowed) {
    if (auto st = CheckJsonBody(body); !st) return st.error();
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(body, ec);
    if (ec) return core::Error{"bad_request", "请求体不是有效的 JSON（" + ec.message() + "）", ""};
    if (!v.is_object()) return core::Error{"bad_request", "请求体应为 JSON 对象", ""};
    for (const auto& kv : v.as_object()) {
        bool known = false;
        for (const char* a : allowed) known = known || kv.key() == a;
        if (!known) return core::Invalid("未知字段: " + std::string(kv.key()).substr(0, 100), std::string(kv.key()).substr(0, 100));
    }
    return std::move(v.as_object());
}

namespace {

std::size_t CodePoints(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

core::Result<std::optional<std::string>> StringField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<std::string>();
    if (!it->value().is_string()) return core::Invalid(std::string("字段 ") + name + " 应为字符串", name);
    // Every text field has a maximum length: names kMaxNameChars, other texts kMaxTextChars.
    const std::size_t max = std::string_view(name) == "name" ? kMaxNameChars : kMaxTextChars;
    if (CodePoints(it->value().as_string()) > max)
        return core::Invalid(std::string("字段 ") + name + " 至多 " + std::to_string(max) + " 个字符", name);
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
    if (v.is_number() && core::InRange(v.to_number<double>())) return std::optional<double>(v.to_number<double>());
    return core::Invalid(std::string("字段 ") + name + (v.is_number() ? " 的数值超出范围（绝对值不超过 1e15）" : " 应为数字"), name);
}

core::Result<std::optional<bool>> BoolField(const boost::json::object& o, const char* name) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return std::optional<bool>();
    if (!it->value().is_bool()) return core::Invalid(std::string("字段 ") + name + " 应为 true 或 false", name);
    return std::optional<bool>(it->value().as_bool());
}

core::Result<std::int64_t> QueryInt(const std::optional<std::string>& v, const char* name, std::int64_t fallback,
                                    std::int64_t min, std::int64_t max) {
    auto value = QueryInt(v, name, fallback);
    if (!value) return value;
    if (*value < min || *value > max)
        return core::Invalid(std::string("参数 ") + name + " 应在 " + std::to_string(min) + "–" + std::to_string(max) + " 之间",
                             name);
    return value;
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

core::Status ReadBool(const json::object& o, const char* name, bool& out) {
    auto v = BoolField(o, name);
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
