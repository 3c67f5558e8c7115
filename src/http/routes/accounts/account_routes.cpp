// 账号管理 (the accounts page) and the caller's own password change (docs/api.md "Accounts").
#include <boost/json.hpp>

#include "http/routes/accounts/described.hpp"
#include "http/routes/handlers.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;

namespace {

json::value IssuedJson(const app::IssuedAccount& issued) {
    json::object o = Described(issued.account);
    if (!issued.temporary_password.empty()) o["temporary_password"] = issued.temporary_password;
    return o;
}

// The list's filters ?q=&role=&state=&unit= over `filter` (the export reads the same).
core::Status ReadAccountFilters(Request& req, app::AccountFilter& filter) {
    filter.q = req.Query("q").value_or("");
    filter.role = req.Query("role").value_or("");
    filter.state = req.Query("state").value_or("");
    if (filter.q.size() > kMaxNameChars) return core::Invalid("搜索词过长", "q");
    auto unit = QueryInt(req.Query("unit"), "unit", 0, 0, kMaxOffset);
    if (!unit) return unit.error();
    filter.unit = *unit;
    return core::Ok();
}

}  // namespace

namespace handlers {

// GET /api/v1/accounts?q=&role=&state=&unit=&offset=&limit=
Response ListAccounts(Services& s, Request& req) {
    app::AccountFilter filter;
    if (auto st = ReadAccountFilters(req, filter); !st) return ErrorResponse(st.error());
    auto offset = QueryInt(req.Query("offset"), "offset", 0, 0, kMaxOffset);
    auto limit = QueryInt(req.Query("limit"), "limit", 50, 1, 200);
    for (const auto* r : {&offset, &limit})
        if (!*r) return ErrorResponse(r->error());
    filter.offset = static_cast<int>(*offset);
    filter.limit = static_cast<int>(*limit);
    return Reply(200, s.accounts.List(req.user->actor, filter), [](const app::AccountPage& page) {
        json::array items;
        for (const auto& a : page.items) items.push_back(Described<app::AccountView>(a));
        return json::value(json::object{{"items", std::move(items)},
                                        {"total", page.total},
                                        {"disabled", page.disabled},
                                        {"must_change", page.must_change}});
    });
}

// GET /api/v1/accounts.xlsx?q=&role=&state=&unit= — 账号清单, every account of the filters.
Response ExportAccounts(Services& s, Request& req) {
    app::AccountFilter filter;
    if (auto st = ReadAccountFilters(req, filter); !st) return ErrorResponse(st.error());
    return Download(s.accounts.ListXlsx(req.user->actor, filter));
}

// GET /api/v1/accounts/{id}
Response GetAccount(Services& s, Request& req, Id id) {
    return Reply(200, s.accounts.Get(req.user->actor, id),
                 [](const app::AccountView& a) { return json::value(Described<app::AccountView>(a)); });
}

// POST /api/v1/accounts {username, display_name, role, scope_unit_id, password?}
Response CreateAccount(Services& s, Request& req) {
    app::NewAccount in;
    std::int64_t scope = 0;
    auto o = ReadBody(req.body, {}, Field("username", in.username), Field("display_name", in.display_name),
                      Field("role", in.role), Field("scope_unit_id", scope), Field("password", in.password));
    if (!o) return ErrorResponse(o.error());
    in.scope_unit_id = scope;
    return Reply(201, s.accounts.Create(req.user->actor, in), IssuedJson);
}

// PATCH /api/v1/accounts/{id} {display_name?, role?, scope_unit_id?}
Response UpdateAccount(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"display_name", "role", "scope_unit_id"});
    if (!o) return ErrorResponse(o.error());
    app::AccountChange change;
    auto name = StringField(*o, "display_name");
    if (!name) return ErrorResponse(name.error());
    auto role = StringField(*o, "role");
    if (!role) return ErrorResponse(role.error());
    auto scope = IntField(*o, "scope_unit_id");
    if (!scope) return ErrorResponse(scope.error());
    change.display_name = *name;
    change.role = *role;
    if (*scope) change.scope_unit_id = **scope;
    return Reply(200, s.accounts.Update(req.user->actor, id, change),
                 [](const app::AccountView& a) { return json::value(Described<app::AccountView>(a)); });
}

// POST /api/v1/accounts/{id}/password {password?}: a reset; "" or absent = a temporary password.
Response ResetAccountPassword(Services& s, Request& req, Id id) {
    std::string password;
    auto o = ReadBody(req.body.empty() ? "{}" : req.body, {}, Field("password", password));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.accounts.ResetPassword(req.user->actor, id, password), IssuedJson);
}

// POST /api/v1/accounts/{id}/disable and /enable
Response DisableAccount(Services& s, Request& req, Id id) {
    return Reply(200, s.accounts.SetActive(req.user->actor, id, false),
                 [](const app::AccountView& a) { return json::value(Described<app::AccountView>(a)); });
}
Response EnableAccount(Services& s, Request& req, Id id) {
    return Reply(200, s.accounts.SetActive(req.user->actor, id, true),
                 [](const app::AccountView& a) { return json::value(Described<app::AccountView>(a)); });
}

// POST /api/v1/me/password {current_password, new_password}: the caller's own password. Every
// session of the account ends; this device gets a new one (new cookie and CSRF token).
Response ChangeMyPassword(Services& s, Request& req) {
    std::string current, next;
    auto o = ReadBody(req.body, {}, Field("current_password", current), Field("new_password", next));
    if (!o) return ErrorResponse(o.error());
    if (current.empty()) return ErrorResponse(core::Invalid("请输入当前密码", "current_password"));
    auto result = s.auth.ChangeOwnPassword(*req.user, current, next, req.remote, req.Header("user-agent"));
    if (!result) return ErrorResponse(result.error());
    std::string scope_name;
    s.roster.WithIndex([&](const core::roster::RosterIndex& idx) {
        if (const auto* u = idx.tree().Find(result->user.actor.scope_unit_id)) scope_name = u->name;
    });
    Response res = JsonResponse(200, "{\"user\":" + UserJson(result->user, scope_name) + ",\"csrf_token\":" +
                                         json::serialize(json::value(result->user.csrf_token)) + "}");
    res.headers.emplace_back("Set-Cookie", SessionCookie(s, result->token, app::AuthService::kIdleSeconds));
    return res;
}

}  // namespace handlers

}  // namespace lingyan::http
