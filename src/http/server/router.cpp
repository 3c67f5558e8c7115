#include "http/server/router.hpp"

#include <boost/json.hpp>

#include <cctype>
#include <charconv>
#include <cstdio>

namespace lingyan::http {

std::string Request::Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::Query(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::string Request::Cookie(const std::string& name) const {
    std::string cookies = Header("cookie");
    std::string_view rest = cookies;
    while (!rest.empty()) {
        auto semi = rest.find(';');
        std::string_view item = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        auto eq = item.find('=');
        if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    }
    return {};
}

bool ValidUtf8(std::string_view s) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        if (len == 2 && c < 0xC2) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        if (len == 3) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;
        }
        if (len == 4) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if (c > 0xF4 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;
        }
        i += len;
    }
    return true;
}

std::string PercentDecode(std::string_view s, bool plus_is_space, bool* ok) {
    std::string out;
    out.reserve(s.size());
    *ok = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%') {
            auto hex = [](char h) {
                return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            };
            int hi = i + 2 < s.size() ? hex(s[i + 1]) : -1, lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                *ok = false;
                return out;
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    if (!ValidUtf8(out)) *ok = false;
    return out;
}

bool SplitPath(std::string_view path, std::vector<std::string>& segments) {
    segments.clear();
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;
        if (i >= path.size()) break;
        auto j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        bool ok = true;
        segments.push_back(PercentDecode(path.substr(i, j - i), false, &ok));
        if (!ok) return false;
        i = j;
    }
    return true;
}

void Router::Add(std::string method, std::string pattern, Access access, Handler handler, std::size_t body_limit,
                 bool on_worker) {
    Route r{std::move(method), {}, pattern, access, std::move(handler), body_limit, on_worker, {}};
    SplitPath(pattern, r.segments);
    routes_.push_back(std::move(r));
}

void Router::AddUpload(std::string method, std::string pattern, Handler handler, std::size_t body_limit, Gate gate) {
    Add(std::move(method), std::move(pattern), Access::kSession, std::move(handler), body_limit);
    routes_.back().gate = std::move(gate);
}

const Router::Route* Router::Match(const std::string& method, const std::string& path, std::vector<std::string>* params,
                                   bool* path_matched) const {
    std::vector<std::string> segs;
    *path_matched = false;
    if (!SplitPath(path, segs)) return nullptr;
    for (const Route& r : routes_) {
        if (r.segments.size() != segs.size()) continue;
        std::vector<std::string> found;
        bool ok = true;
        for (std::size_t i = 0; i < segs.size() && ok; ++i) {
            const std::string& p = r.segments[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') found.push_back(segs[i]);
            else ok = p == segs[i];
        }
        if (!ok) continue;
        *path_matched = true;
        if (r.method != method) continue;
        if (params) *params = std::move(found);
        return &r;
    }
    return nullptr;
}

std::vector<Router::RouteInfo> Router::Routes() const {
    std::vector<RouteInfo> out;
    for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.access});
    return out;
}

RouteMatch Router::Resolve(const std::string& method, const std::string& path) const {
    RouteMatch m;
    const Route* r = Match(method, path, &m.params, &m.path_matched);
    m.route = r;
    if (r) {
        m.body_limit = r->body_limit;
        m.label = r->method + " " + r->pattern;
        m.on_worker = r->on_worker;
        m.upload = r->body_limit > kJsonBodyLimit;
    }
    return m;
}

namespace {

// The media type of a Content-Type header is application/json (parameters such as charset aside).
bool IsJson(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    std::string type(content_type.substr(0, semicolon));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return type == "application/json";
}

}  // namespace

Response Router::Dispatch(Request& req, const RouteMatch& match, app::AuthService& auth) const {
    const Route* r = static_cast<const Route*>(match.route);
    if (!r) {
        if (match.path_matched) return ErrorResponse(405, "method_not_allowed", "不支持的请求方法: " + req.method);
        return ErrorResponse(404, "not_found", "接口不存在: " + req.path);
    }
    req.params = match.params;
    if (auto refused = Authorize(req, *r, match, auth)) return std::move(*refused);
    // A JSON route reads its body only when it says it is JSON: a cross-site form cannot post
    // text/plain that the handler would then parse.
    if (r->body_limit == kJsonBodyLimit && !req.body.empty() && !IsJson(req.Header("content-type")))
        return ErrorResponse(415, "unsupported_media_type", "请求体须为 JSON（Content-Type: application/json）",
                             "Content-Type");
    return r->handler(req);
}

std::optional<Response> Router::Authorize(Request& req, const Route& r, const RouteMatch& match,
                                         app::AuthService& auth) const {
    if (r.access != Access::kSession) return std::nullopt;
    auto user = auth.Authenticate(req.Cookie("lingyan_session"));
    if (!user) return ErrorResponse(user.error());
    if (req.method != "GET" && req.method != "HEAD") {
        // Double defence against CSRF: SameSite=Strict cookies plus a per-session token header.
        if (req.Header("x-csrf-token") != user->csrf_token)
            return ErrorResponse(403, "csrf", "缺少或错误的 CSRF 令牌（X-CSRF-Token）");
    }
    // An account on an issued password (new or reset) may only change it, read who it is or
    // log out until it has a password of its own.
    if (user->must_change_password && match.label != "POST /api/v1/me/password" && match.label != "GET /api/v1/me" &&
        match.label != "DELETE /api/v1/session")
        return ErrorResponse(app::PasswordChangeRequired());
    req.user = std::move(user).value();
    return std::nullopt;
}

std::optional<Response> Router::Precheck(Request& req, const RouteMatch& match, app::AuthService& auth) const {
    const Route* r = static_cast<const Route*>(match.route);
    if (!r || !r->gate) return std::nullopt;
    req.params = match.params;
    if (auto refused = Authorize(req, *r, match, auth)) return refused;
    return r->gate(req);
}

core::Result<std::int64_t> PathId(const Request& req, std::size_t index) {
    std::int64_t id = 0;
    const std::string& text = req.params.at(index);
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0)
        return core::Error{core::errc::kNotFound, "记录不存在", ""};
    return id;
}

std::string ContentDisposition(std::string_view disposition, const std::string& filename,
                               const std::string& ascii_fallback) {
    std::string encoded;
    for (unsigned char c : filename) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            encoded += buf;
        }
    }
    return std::string(disposition) + "; filename=\"" + ascii_fallback + "\"; filename*=UTF-8''" + encoded;
}

Response XlsxAttachment(std::string bytes, const std::string& filename, const std::string& ascii_fallback) {
    Response res;
    res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    res.body = std::move(bytes);
    res.headers.emplace_back("Content-Disposition", ContentDisposition("attachment", filename, ascii_fallback));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
}

Response JsonResponse(int status, std::string body) {
    Response res;
    res.status = status;
    res.body = std::move(body);
    return res;
}

Response ErrorResponse(int status, const std::string& code, const std::string& message, const std::string& field) {
    boost::json::object err{{"code", code}, {"message", message}};
    if (!field.empty()) err["field"] = field;
    return JsonResponse(status, boost::json::serialize(boost::json::object{{"error", err}}));
}

Response ErrorResponse(const core::Error& e) { return ErrorResponse(StatusOf(e), e.code, e.message, e.field); }

std::optional<Response> Refusal(const core::Status& check) {
    if (check) return std::nullopt;
    return ErrorResponse(check.error());
}

}  // namespace lingyan::http
