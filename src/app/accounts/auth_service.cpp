#include "app/accounts/auth_service.hpp"
#include "app/common/use_case.hpp"

namespace lingyan::app {

core::Status CheckPasswordPolicy(const std::string& password) {
    if (password.size() < 8) return core::Invalid("密码至少 8 个字符", "password");
    return core::Ok();
}

AuthService::AuthService(core::ports::Store& store, std::mutex& store_mutex, const core::ports::Clock& clock,
                         const core::ports::Crypto& crypto)
    : store_(store), store_mutex_(store_mutex), clock_(clock), crypto_(crypto) {}

bool AuthService::Limited(const std::string& key, std::int64_t now) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return false;
    auto& q = it->second;
    while (!q.empty() && q.front() <= now - kFailureWindowSeconds) q.pop_front();
    return static_cast<int>(q.size()) >= kMaxFailures;
}

void AuthService::Fail(const std::string& key, std::int64_t now) { failures_[key].push_back(now); }

core::Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                             const std::string& address) {
    std::int64_t now = clock_.NowUnix();
    const std::string user_key = "u:" + username, addr_key = "a:" + address;
    {
        std::lock_guard lock(mutex_);
        if (Limited(user_key, now) || Limited(addr_key, now))
            return Error{errc::kRateLimited, "登录失败次数过多，请 15 分钟后再试", ""};
    }
    std::optional<core::ports::UserRecord> user;
    {
        std::lock_guard lock(store_mutex_);
        user = store_.FindUserByName(username);
    }
    // Verify even for unknown users so that timing does not reveal which accounts exist.
    static const std::string kDummy = crypto_.HashPassword("lingyan-no-such-user");
    bool ok = crypto_.VerifyPassword(user ? user->password_hash : kDummy, password) && user && user->active;
    auto role = user ? core::auth::RoleFromString(user->role) : std::nullopt;
    if (!ok || !role) {
        std::lock_guard lock(mutex_);
        Fail(user_key, now);
        Fail(addr_key, now);
        return Error{errc::kUnauthorized, "用户名或密码错误", ""};
    }
    LoginResult result;
    result.token = crypto_.RandomToken();
    result.user.actor = core::auth::Actor{user->id, user->username, *role, user->scope_unit_id};
    result.user.display_name = user->display_name;
    result.user.csrf_token = crypto_.RandomToken();
    core::ports::SessionRecord rec{crypto_.Sha256Hex(result.token), user->id, result.user.csrf_token,
                                   now + kIdleSeconds};
    {
        std::lock_guard lock(store_mutex_);
        store_.InsertSession(rec);
    }
    std::lock_guard lock(mutex_);
    failures_.erase(user_key);
    sessions_[rec.token_hash] = Cached{result.user, rec.expires_at};
    return result;
}

core::Result<SessionUser> AuthService::Authenticate(const std::string& token) {
    if (token.empty()) return Error{errc::kUnauthorized, "请先登录", ""};
    std::string hash = crypto_.Sha256Hex(token);
    std::int64_t now = clock_.NowUnix();
    {
        std::lock_guard lock(mutex_);
        auto it = sessions_.find(hash);
        if (it != sessions_.end()) {
            if (it->second.expires_at <= now) {
                sessions_.erase(it);
                return Error{errc::kUnauthorized, "会话已过期，请重新登录", ""};
            }
            it->second.expires_at = now + kIdleSeconds;
            return it->second.user;
        }
    }
    // Not cached (e.g. after a restart): look it up in the store.
    std::optional<core::ports::SessionRecord> rec;
    std::optional<core::ports::UserRecord> user;
    {
        std::lock_guard lock(store_mutex_);
        rec = store_.FindSession(hash);
        if (rec) user = store_.FindUser(rec->user_id);
    }
    if (!rec || !user || !user->active || rec->expires_at <= now) return Error{errc::kUnauthorized, "请先登录", ""};
    auto role = core::auth::RoleFromString(user->role);
    if (!role) return Error{errc::kUnauthorized, "请先登录", ""};
    SessionUser su{core::auth::Actor{user->id, user->username, *role, user->scope_unit_id}, user->display_name,
                   rec->csrf_token};
    std::lock_guard lock(mutex_);
    sessions_[hash] = Cached{su, now + kIdleSeconds};
    return su;
}

void AuthService::Logout(const std::string& token) {
    std::string hash = crypto_.Sha256Hex(token);
    {
        std::lock_guard lock(mutex_);
        sessions_.erase(hash);
    }
    std::lock_guard lock(store_mutex_);
    store_.DeleteSession(hash);
}

core::Result<core::ports::UserRecord> AuthService::AddUser(const std::string& username, const std::string& display_name,
                                                           const std::string& role, core::ports::Id scope_unit_id,
                                                           const std::string& password) {
    if (username.empty() || username.size() > 64) return core::Invalid("用户名应为 1–64 个字符", "username");
    if (!core::auth::RoleFromString(role))
        return core::Invalid("角色应为 admin、county、town、secretary、judge 或 member 之一", "role");
    if (auto st = CheckPasswordPolicy(password); !st) return st.error();
    core::ports::UserRecord u{0, username, display_name.empty() ? username : display_name, role, scope_unit_id,
                              crypto_.HashPassword(password), true};
    std::lock_guard lock(store_mutex_);
    if (store_.FindUserByName(username)) return Conflict("用户名已存在", "username");
    auto tx = store_.Begin();
    u.id = store_.InsertUser(u);
    store_.AppendAudit({0, clock_.NowIso(), "system", "create", "user", u.id,
                        "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}", "", ""});
    tx->Commit();
    return u;
}

core::Status AuthService::SetPassword(const std::string& username, const std::string& password) {
    if (auto st = CheckPasswordPolicy(password); !st) return st;
    std::string hash = crypto_.HashPassword(password);
    std::lock_guard lock(store_mutex_);
    auto user = store_.FindUserByName(username);
    if (!user) return Error{errc::kNotFound, "用户不存在: " + username, "username"};
    auto tx = store_.Begin();
    store_.UpdateUserPassword(user->id, hash);
    store_.AppendAudit({0, clock_.NowIso(), "system", "passwd", "user", user->id, "{}", "", ""});
    tx->Commit();
    return core::Ok();
}

std::vector<core::ports::UserRecord> AuthService::ListUsers() {
    std::lock_guard lock(store_mutex_);
    return store_.ListUsers();
}

}  // namespace lingyan::app
