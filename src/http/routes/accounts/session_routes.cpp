#include <boost/json.hpp>

#include "http/routes/accounts/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;

std::string UserJson(const app::SessionUser& user, const std::string& scope_unit_name) {
    json::object o{{"id", user.actor.user_id},
                   {"username", user.actor.username},
                   {"display_name", user.display_name},
                   {"role", core::auth::RoleName(user.actor.role)},
                   {"scope_unit_id", user.actor.scope_unit_id},
                   {"scope_unit_name", scope_unit_name},
                   {"csrf_token", user.csrf_token},
                   {"must_change_password", user.must_change_password}};
    return json::serialize(o);
}

// The session cookie: HttpOnly, SameSite=Strict, and Secure when served over TLS (directly or
// behind a TLS proxy: --secure-cookies).
std::string SessionCookie(const Services& s, const std::string& token, std::int64_t max_age) {
    std::string cookie = "lingyan_session=" + token;
    cookie += "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
    if (s.settings.secure_cookies) cookie += "; Secure";
    return cookie;
}

namespace {

std::string ScopeName(Services& s, core::roster::Id unit) {
    std::string name = unit == 0 ? "全部单位" : "";
    s.roster.WithIndex([&](const core::roster::RosterIndex& idx) {
        if (const auto* u = idx.tree().Find(unit)) name = u->name;
    });
    return name;
}
}  // namespace

namespace handlers {

// GET /api/v1/health
Response Health(Services&, Request&) { return JsonResponse(200, R"({"status":"ok"})"); }

// POST /api/v1/session
Response LogIn(Services& s, Request& req) {
    auto body = ParseObject(req.body, {"username", "password"});
    if (!body) return ErrorResponse(body.error());
    auto username = StringField(*body, "username");
    if (!username) return ErrorResponse(username.error());
    auto password = StringField(*body, "password");
    if (!password) return ErrorResponse(password.error());
    if (!username->has_value() || (*username)->empty()) return ErrorResponse(core::Invalid("请输入用户名", "username"));
    if (!password->has_value()) return ErrorResponse(core::Invalid("请输入密码", "password"));
    auto login = s.auth.Login(**username, **password, req.remote, req.Header("user-agent"));
    if (!login) return ErrorResponse(login.error());
    Response res =
        JsonResponse(200, "{\"user\":" + UserJson(login->user, ScopeName(s, login->user.actor.scope_unit_id)) +
                              ",\"csrf_token\":" + json::serialize(json::value(login->user.csrf_token)) + "}");
    res.headers.emplace_back("Set-Cookie", SessionCookie(s, login->token, app::AuthService::kIdleSeconds));
    return res;
}

// DELETE /api/v1/session
Response LogOut(Services& s, Request& req) {
    s.auth.Logout(req.Cookie("lingyan_session"));
    Response res;
    res.status = 204;
    res.headers.emplace_back("Set-Cookie", SessionCookie(s, "", 0));
    return res;
}

// GET /api/v1/me
Response GetMe(Services& s, Request& req) {
    return JsonResponse(200, UserJson(*req.user, ScopeName(s, req.user->actor.scope_unit_id)));
}

// GET /api/v1/sessions: the caller's sessions (devices).
Response ListSessions(Services& s, Request& req) {
    return Json(200, Items(Described<app::SessionView>)(s.auth.Sessions(*req.user, req.Cookie("lingyan_session"))));
}

// DELETE /api/v1/sessions/{id}: ends one of the caller's sessions.
Response EndSession(Services& s, Request& req) {
    auto st = s.auth.EndSession(*req.user, req.params.at(0));
    if (!st) return ErrorResponse(st.error());
    return Response{204, "application/json; charset=utf-8", "", {}};
}

// POST /api/v1/sessions/end-others: ends every session of the caller but this one.
Response EndOtherSessions(Services& s, Request& req) {
    return Json(200, json::object{{"ended", s.auth.EndOtherSessions(*req.user, req.Cookie("lingyan_session"))}});
}

// GET /api/v1/login-throttles (admin)
Response ListLoginThrottles(Services& s, Request& req) {
    return Reply(200, s.auth.Throttles(req.user->actor), Items(Described<core::ports::LoginThrottle>));
}

// POST /api/v1/login-throttles/lift {"key"} (admin)
Response LiftLoginThrottle(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"key"});
    if (!o) return ErrorResponse(o.error());
    auto key = StringField(*o, "key");
    if (!key) return ErrorResponse(key.error());
    auto st = s.auth.LiftThrottle(req.user->actor, key->value_or(""));
    if (!st) return ErrorResponse(st.error());
    return Json(200, json::object{{"lifted", key->value_or("")}});
}

// GET /metrics: Prometheus, only with the token of --metrics-token (Authorization: Bearer …);
// without a configured token it answers 404 (bind a separate address for scraping instead).
Response GetMetrics(Services& s, Request& req) {
    if (s.settings.metrics_token.empty() || req.Header("authorization") != "Bearer " + s.settings.metrics_token)
        return ErrorResponse(404, "not_found", "接口不存在: /metrics");
    Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = s.metrics_text ? s.metrics_text() : "";
    return res;
}

}  // namespace handlers

}  // namespace lingyan::http
