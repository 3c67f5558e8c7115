#include <boost/json.hpp>

#include "http/server/json_io.hpp"
#include "http/routes/routes.hpp"
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
                   {"csrf_token", user.csrf_token}};
    return json::serialize(o);
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
    if (!username->has_value() || (*username)->empty())
        return ErrorResponse(core::Invalid("请输入用户名", "username"));
    if (!password->has_value()) return ErrorResponse(core::Invalid("请输入密码", "password"));
    auto login = s.auth.Login(**username, **password, req.remote);
    if (!login) return ErrorResponse(login.error());
    Response res = JsonResponse(
        200, "{\"user\":" + UserJson(login->user, ScopeName(s, login->user.actor.scope_unit_id)) +
                 ",\"csrf_token\":" + json::serialize(json::value(login->user.csrf_token)) + "}");
    res.headers.emplace_back("Set-Cookie", "lingyan_session=" + login->token +
                                               "; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800");
    return res;
}

// DELETE /api/v1/session
Response LogOut(Services& s, Request& req) {
    s.auth.Logout(req.Cookie("lingyan_session"));
    Response res;
    res.status = 204;
    res.headers.emplace_back("Set-Cookie", "lingyan_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    return res;
}

// GET /api/v1/me
Response GetMe(Services& s, Request& req) {
    return JsonResponse(200, UserJson(*req.user, ScopeName(s, req.user->actor.scope_unit_id)));
}

// GET /api/v1/audit
Response ListAudit(Services& s, Request& req) {
    auto after = QueryInt(req.Query("after"), "after", 0);
    if (!after) return ErrorResponse(after.error());
    auto size = QueryInt(req.Query("size"), "size", 100, 1, 1000);
    if (!size) return ErrorResponse(size.error());
    auto page = s.audit.List(req.user->actor, *after, static_cast<int>(*size));
    if (!page) return ErrorResponse(page.error());
    json::array items;
    for (const auto& e : page->items)
        items.push_back(json::object{{"seq", e.seq},     {"at", e.at},         {"user", e.user},
                                     {"action", e.action}, {"entity", e.entity}, {"entity_id", e.entity_id},
                                     {"detail", e.detail}, {"hash", e.hash}});
    return Json(200, json::object{{"items", std::move(items)}, {"total", page->total}});
}

// GET /metrics
Response GetMetrics(Services& s, Request&) {
    Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = s.metrics_text ? s.metrics_text() : "";
    return res;
}

}  // namespace handlers

}  // namespace lingyan::http
