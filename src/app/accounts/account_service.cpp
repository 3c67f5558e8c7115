#include "app/accounts/account_service.hpp"

#include <algorithm>

#include "app/roster/roster_service.hpp"

namespace lingyan::app {

namespace {

constexpr int kMaxPage = 200;

bool ValidUsername(const std::string& name) {
    if (name.size() < 2 || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-' || c == '@';
    });
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string Lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

Error InvalidRole() { return Invalid("角色应为 admin、county、town、secretary、judge 或 member 之一", "role"); }

}  // namespace

AccountService::AccountService(core::ports::Store& store, core::ports::StoreMutex& store_mutex,
                               const core::ports::Clock& clock, const RosterService& roster,
                               const core::ports::Crypto& crypto, AuthService& auth, AccountFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), crypto_(crypto), auth_(auth), files_(std::move(files)) {}

bool AccountService::InReach(const Actor& actor, const core::ports::UserRecord& user) const {
    bool reach = false;
    roster_.WithIndex([&](const RosterIndex& index) { reach = InReach(index.tree(), actor, user); });
    return reach;
}

bool AccountService::InReach(const core::roster::RegionTree& tree, const Actor& actor,
                             const core::ports::UserRecord& user) {
    const auto role = core::auth::RoleFromString(user.role);
    if (!role || !core::auth::MayManageAccountOf(actor.role, *role)) return false;
    if (actor.role == Role::kAdmin && actor.scope_unit_id == 0) return true;
    return user.scope_unit_id != 0 && core::auth::InScope(tree, actor, user.scope_unit_id);
}

Status AccountService::CheckGrant(const Actor& actor, const std::string& role_name, Id scope_unit_id) const {
    const auto role = core::auth::RoleFromString(role_name);
    if (!role) return InvalidRole();
    if (!core::auth::MayManageAccountOf(actor.role, *role))
        return Forbidden("您只能管理比自己级别低的角色的账号", "role");
    if (scope_unit_id == 0) {
        if (*role != Role::kAdmin) return Invalid("请选择管辖范围（单位）", "scope_unit_id");
        return core::Ok();
    }
    if (!InScope(actor, scope_unit_id)) return NotFound("单位", "scope_unit_id");
    return core::Ok();
}

AccountView AccountService::View(const Actor& actor, const core::ports::UserRecord& u) const {
    AccountView v{u.id,   u.username, u.display_name,           u.role,          u.scope_unit_id, "",
                  u.active, u.must_change_password, u.last_login_at, u.created_at, u.id != actor.user_id};
    if (u.scope_unit_id != 0)
        roster_.WithIndex([&](const RosterIndex& index) {
            if (const auto* unit = index.tree().Find(u.scope_unit_id)) v.scope_unit_name = unit->name;
        });
    return v;
}

std::string AccountService::TemporaryPassword() const {
    // Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
    static constexpr std::string_view kClear = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    std::string out;
    while (out.size() < 12)
        for (char c : crypto_.RandomToken())
            if (kClear.find(c) != std::string_view::npos && out.size() < 12) out += c;
    return out;
}

Result<AccountPage> AccountService::List(const Actor& actor, const AccountFilter& filter) {
    return Find(actor, filter, std::max(filter.offset, 0), std::clamp(filter.limit, 1, kMaxPage));
}

Result<FileDownload> AccountService::ListXlsx(const Actor& actor, const AccountFilter& filter) {
    auto page = Find(actor, filter, 0, static_cast<int>(kMaxExportRows));  // the role checked first there
    if (!page) return page.error();
    if (!files_.list_xlsx) return Invalid("未配置导出格式");
    if (auto st = CheckExportSize(page->total, "账号", "个"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.list_xlsx(page->items), "账号清单-" + today + ".xlsx", "accounts-" + today + ".xlsx"};
}

Result<AccountPage> AccountService::Find(const Actor& actor, const AccountFilter& filter, int offset, int limit) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!filter.role.empty() && !core::auth::RoleFromString(filter.role)) return InvalidRole();
    if (!filter.state.empty() && filter.state != "active" && filter.state != "disabled" &&
        filter.state != "must_change" && filter.state != "never_logged_in")
        return Invalid("状态应为 active、disabled、must_change 或 never_logged_in 之一", "state");
    if (filter.unit != 0 && !InScope(actor, filter.unit)) return NotFound("单位", "unit");
    std::vector<core::ports::UserRecord> users;
    {
        std::lock_guard lock(store_mutex_);
        users = store_.ListUsers();
    }
    const std::string q = Lower(filter.q);
    AccountPage page;
    std::vector<const core::ports::UserRecord*> matched;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& u : users) {
            // The tree of this (reader-locked) index: never re-enter the roster lock here.
            if (u.id != actor.user_id && !InReach(index.tree(), actor, u)) continue;
            if (!u.active) ++page.disabled;
            if (u.active && u.must_change_password) ++page.must_change;
            if (!q.empty() && !Contains(Lower(u.username), q) && !Contains(Lower(u.display_name), q)) continue;
            if (!filter.role.empty() && u.role != filter.role) continue;
            if (filter.state == "active" && !u.active) continue;
            if (filter.state == "disabled" && u.active) continue;
            if (filter.state == "must_change" && !(u.active && u.must_change_password)) continue;
            if (filter.state == "never_logged_in" && u.last_login_at != 0) continue;
            if (filter.unit != 0 && (u.scope_unit_id == 0 || !index.tree().InSubtree(filter.unit, u.scope_unit_id)))
                continue;
            matched.push_back(&u);
        }
    });
    page.total = static_cast<int>(matched.size());
    for (int i = offset; i < page.total && static_cast<int>(page.items.size()) < limit; ++i)
        page.items.push_back(View(actor, *matched[static_cast<std::size_t>(i)]));
    return page;
}

Result<AccountPage> AccountService::Attention(const Actor& actor) {
    AccountFilter filter;
    filter.limit = 1;
    return List(actor, filter);
}

Result<AccountView> AccountService::Get(const Actor& actor, Id id) {
    if (!IsManager(actor.role)) return RoleForbidden();
    std::optional<core::ports::UserRecord> user;
    {
        std::lock_guard lock(store_mutex_);
        user = store_.FindUser(id);
    }
    if (!user || (user->id != actor.user_id && !InReach(actor, *user))) return NotFound("账号");
    return View(actor, *user);
}

Result<IssuedAccount> AccountService::Create(const Actor& actor, const NewAccount& in) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!ValidUsername(in.username))
        return Invalid("用户名应为 2–64 个字母、数字或 . _ - @", "username");
    if (in.display_name.size() > 64) return Invalid("姓名至多 64 个字符", "display_name");
    if (auto st = CheckGrant(actor, in.role, in.scope_unit_id); !st) return st.error();
    IssuedAccount out;
    std::string password = in.password;
    if (password.empty()) password = out.temporary_password = TemporaryPassword();
    if (auto st = CheckPasswordPolicy(password); !st) return st.error();
    core::ports::UserRecord u;
    u.username = in.username;
    u.display_name = in.display_name.empty() ? in.username : in.display_name;
    u.role = in.role;
    u.scope_unit_id = in.scope_unit_id;
    u.password_hash = crypto_.HashPassword(password);
    u.must_change_password = true;
    u.created_at = clock_.NowIso();
    std::lock_guard lock(store_mutex_);
    if (store_.FindUserByName(in.username)) return Conflict("用户名已存在", "username");
    auto tx = store_.Begin();
    u.id = store_.InsertUser(u);
    Audit(actor, "create", "user", u.id,
          "{\"username\":" + JsonQuote(u.username) + ",\"role\":" + JsonQuote(u.role) +
              ",\"scope_unit_id\":" + std::to_string(u.scope_unit_id) + "}");
    tx->Commit();
    out.account = View(actor, u);
    return out;
}

Result<AccountView> AccountService::Update(const Actor& actor, Id id, const AccountChange& change) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (change.display_name && (change.display_name->empty() || change.display_name->size() > 64))
        return Invalid("姓名应为 1–64 个字符", "display_name");
    std::lock_guard lock(store_mutex_);
    auto user = store_.FindUser(id);
    if (!user || (user->id != actor.user_id && !InReach(actor, *user))) return NotFound("账号");
    const std::string role = change.role.value_or(user->role);
    const Id scope = change.scope_unit_id.value_or(user->scope_unit_id);
    const bool access_changes = role != user->role || scope != user->scope_unit_id;
    if (access_changes) {
        if (user->id == actor.user_id) return Conflict("不能修改自己的角色或管辖范围", "role");
        if (auto st = CheckGrant(actor, role, scope); !st) return st.error();
    }
    std::string detail = "{";
    auto add = [&](const std::string& field, const std::string& before, const std::string& after) {
        if (before == after) return;
        if (detail.size() > 1) detail += ",";
        detail += JsonQuote(field) + ":{\"before\":" + JsonQuote(before) + ",\"after\":" + JsonQuote(after) + "}";
    };
    add("display_name", user->display_name, change.display_name.value_or(user->display_name));
    add("role", user->role, role);
    add("scope_unit_id", std::to_string(user->scope_unit_id), std::to_string(scope));
    detail += "}";
    if (detail == "{}") return View(actor, *user);
    auto tx = store_.Begin();
    user->display_name = change.display_name.value_or(user->display_name);
    user->role = role;
    user->scope_unit_id = scope;
    store_.UpdateUser(*user);
    Audit(actor, access_changes ? "role" : "update", "user", user->id, detail);
    if (access_changes) auth_.EndAllSessionsLocked(user->id);
    tx->Commit();
    return View(actor, *user);
}

Result<IssuedAccount> AccountService::ResetPassword(const Actor& actor, Id id, const std::string& password) {
    if (!IsManager(actor.role)) return RoleForbidden();
    IssuedAccount out;
    std::string next = password;
    if (next.empty()) next = out.temporary_password = TemporaryPassword();
    if (auto st = CheckPasswordPolicy(next); !st) return st.error();
    std::optional<core::ports::UserRecord> user;
    {
        std::lock_guard lock(store_mutex_);
        user = store_.FindUser(id);
    }
    if (!user || !InReach(actor, *user)) return NotFound("账号");
    if (user->id == actor.user_id) return Conflict("请在“修改密码”中修改自己的密码");
    const std::string hash = crypto_.HashPassword(next);  // slow: outside the store lock
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    store_.UpdateUserPassword(user->id, hash, true);
    user->must_change_password = true;
    store_.DeleteThrottle("u:" + user->username);  // a reset also lifts a login lock
    Audit(actor, "reset_password", "user", user->id, "{\"username\":" + JsonQuote(user->username) + "}");
    auth_.EndAllSessionsLocked(user->id);
    tx->Commit();
    out.account = View(actor, *user);
    return out;
}

Result<AccountView> AccountService::SetActive(const Actor& actor, Id id, bool active) {
    if (!IsManager(actor.role)) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    auto user = store_.FindUser(id);
    if (!user || !InReach(actor, *user)) return NotFound("账号");
    if (user->id == actor.user_id) return Conflict("不能停用自己的账号");
    if (user->active == active) return View(actor, *user);
    auto tx = store_.Begin();
    user->active = active;
    store_.UpdateUser(*user);
    Audit(actor, active ? "enable" : "disable", "user", user->id, "{\"username\":" + JsonQuote(user->username) + "}");
    if (!active) auth_.EndAllSessionsLocked(user->id);
    tx->Commit();
    return View(actor, *user);
}

}  // namespace lingyan::app
