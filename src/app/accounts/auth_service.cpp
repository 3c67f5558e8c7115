#include "app/accounts/auth_service.hpp"

#include <algorithm>
#include <cmath>
#include <shared_mutex>

#include "app/common/use_case.hpp"

namespace lingyan::app {

namespace {

constexpr std::size_t kSessionIdLength = 16;
constexpr std::size_t kMaxUserAgent = 200;

std::int64_t DelayAfter(int failures) {
    const int over = failures - AuthService::kFreeFailures;
    if (over < 0) return 0;
    return over >= 20 ? AuthService::kMaxDelaySeconds : std::min<std::int64_t>(std::int64_t{1} << over, AuthService::kMaxDelaySeconds);
}

Error TooMany(std::int64_t wait_seconds) {
    return Error{errc::kRateLimited,
                 "登录失败次数过多，请 " + std::to_string(std::max<std::int64_t>(wait_seconds, 1)) + " 秒后再试", ""};
}

}  // namespace

core::Status CheckPasswordPolicy(const std::string& password) {
    if (password.size() < 8) return core::Invalid("密码至少 8 个字符", "password");
    if (password.size() > 256) return core::Invalid("密码至多 256 个字符", "password");
    return core::Ok();
}

AuthService::AuthService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                         const core::ports::Crypto& crypto)
    : store_(store), store_mutex_(store_mutex), clock_(clock), crypto_(crypto) {}

core::Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                             const std::string& address, const std::string& user_agent) {
    const std::int64_t now = clock_.NowUnix();
    const std::string account_key = "u:" + username, address_key = "a:" + address;
    std::optional<core::ports::UserRecord> user;
    {
        // Check and reserve atomically: throttling is decided and the attempt counted as running
        // under one lock, so parallel guesses cannot all pass the check before any of them fails.
        std::lock_guard store_lock(store_mutex_);
        std::lock_guard lock(mutex_);
        user = store_.FindUserByName(username);
        if (user) {
            const auto throttle = store_.FindThrottle(account_key).value_or(core::ports::LoginThrottle{account_key});
            if (auto waiting = WaitingLocked(throttle, now)) return *waiting;
            int& running = in_flight_[account_key];
            const bool throttled = throttle.failures >= kFreeFailures;
            if ((throttled && running > 0) || throttle.failures + running >= std::max(kFreeFailures, throttle.failures + 1))
                return TooMany(1);
            ++running;
        }
    }
    // Verify even for unknown users so that timing does not reveal which accounts exist.
    static const std::string kDummy = crypto_.HashPassword("lingyan-no-such-user");
    const bool verified = crypto_.VerifyPassword(user ? user->password_hash : kDummy, password);
    const bool ok = verified && user && user->active;
    const auto role = user ? core::auth::RoleFromString(user->role) : std::nullopt;

    std::lock_guard store_lock(store_mutex_);
    std::lock_guard lock(mutex_);
    if (user && --in_flight_[account_key] == 0) in_flight_.erase(account_key);
    if (!ok || !role) {
        // Unknown accounts are not stored (random names would fill the table); addresses are.
        if (user) RecordFailureLocked(account_key, now);
        auto by_address = store_.FindThrottle(address_key).value_or(core::ports::LoginThrottle{address_key});
        ++by_address.failures;
        by_address.last_failure = now;
        by_address.blocked_until = by_address.failures > kAddressFailures ? now + kMaxDelaySeconds : 0;
        store_.SaveThrottle(by_address);
        if (by_address.failures > kAddressFailures) return TooMany(kMaxDelaySeconds);
        return Error{errc::kUnauthorized, "用户名或密码错误", ""};
    }
    store_.DeleteThrottle(account_key);
    held_until_ms_.erase(account_key);
    store_.RecordLogin(user->id, now);
    return OpenSessionLocked(*user, *role, address, user_agent, now);
}

std::optional<Error> AuthService::WaitingLocked(const core::ports::LoginThrottle& stored, std::int64_t now) {
    if (stored.blocked_until > now) return TooMany(stored.blocked_until - now);
    const auto held = held_until_ms_.find(stored.key);
    if (held == held_until_ms_.end()) return std::nullopt;
    const double left_ms = held->second - clock_.NowUnixMs();
    if (left_ms > 0) return TooMany(static_cast<std::int64_t>(std::ceil(left_ms / 1000.0)));
    held_until_ms_.erase(held);
    return std::nullopt;
}

void AuthService::RecordFailureLocked(const std::string& account_key, std::int64_t now) {
    auto throttle = store_.FindThrottle(account_key).value_or(core::ports::LoginThrottle{account_key});
    ++throttle.failures;
    throttle.last_failure = now;
    const std::int64_t delay = DelayAfter(throttle.failures);
    throttle.blocked_until = now + delay;
    store_.SaveThrottle(throttle);
    if (delay > 0) held_until_ms_[account_key] = clock_.NowUnixMs() + static_cast<double>(delay) * 1000.0;
}

LoginResult AuthService::OpenSessionLocked(const core::ports::UserRecord& user, core::auth::Role role,
                                           const std::string& address, const std::string& user_agent,
                                           std::int64_t now) {
    LoginResult result;
    result.token = crypto_.RandomToken();
    result.user.actor = core::auth::Actor{user.id, user.username, role, user.scope_unit_id};
    result.user.display_name = user.display_name;
    result.user.csrf_token = crypto_.RandomToken();
    result.user.must_change_password = user.must_change_password;
    core::ports::SessionRecord rec{crypto_.Sha256Hex(result.token), user.id, result.user.csrf_token,
                                   now + kIdleSeconds, now, now, address.substr(0, 64),
                                   user_agent.substr(0, kMaxUserAgent)};
    store_.InsertSession(rec);
    sessions_[rec.token_hash] = Cached{result.user, rec.expires_at, now, now};
    return result;
}

core::Result<LoginResult> AuthService::ChangeOwnPassword(const SessionUser& me, const std::string& current,
                                                         const std::string& next, const std::string& address,
                                                         const std::string& user_agent) {
    if (auto st = CheckPasswordPolicy(next); !st) {
        auto e = st.error();
        e.field = "new_password";
        return e;
    }
    if (next == current) return core::Invalid("新密码不能与当前密码相同", "new_password");
    const std::int64_t now = clock_.NowUnix();
    const std::string account_key = "u:" + me.actor.username;
    std::optional<core::ports::UserRecord> user;
    {
        std::lock_guard store_lock(store_mutex_);
        std::lock_guard lock(mutex_);
        user = store_.FindUser(me.actor.user_id);
        if (!user || !user->active) return Error{errc::kUnauthorized, "请先登录", ""};
        const auto throttle = store_.FindThrottle(account_key).value_or(core::ports::LoginThrottle{account_key});
        if (auto waiting = WaitingLocked(throttle, now)) return *waiting;
    }
    const bool verified = crypto_.VerifyPassword(user->password_hash, current);
    const std::string hash = verified ? crypto_.HashPassword(next) : std::string();
    const auto role = core::auth::RoleFromString(user->role);
    std::lock_guard store_lock(store_mutex_);
    if (!verified) {
        std::lock_guard lock(mutex_);
        RecordFailureLocked(account_key, now);
        return core::Invalid("当前密码不正确", "current_password");
    }
    if (!role) return Error{errc::kUnauthorized, "请先登录", ""};
    auto tx = store_.Begin();
    store_.UpdateUserPassword(user->id, hash, false);
    store_.AppendAudit({0, clock_.NowIso(), me.actor.username, "passwd", "user", user->id,
                        user->must_change_password ? "{\"first_login\":true}" : "{}", "", ""});
    EndAllSessionsLocked(user->id);
    user->must_change_password = false;
    std::lock_guard lock(mutex_);
    auto result = OpenSessionLocked(*user, *role, address, user_agent, now);
    tx->Commit();
    return result;
}

core::Result<SessionUser> AuthService::Authenticate(const std::string& token) {
    if (token.empty()) return Error{errc::kUnauthorized, "请先登录", ""};
    const std::string hash = crypto_.Sha256Hex(token);
    const std::int64_t now = clock_.NowUnix();
    std::uint64_t epoch = 0;
    {
        std::lock_guard lock(mutex_);
        auto it = sessions_.find(hash);
        const std::int64_t trusted = followed_ && followed_() ? kFollowedSeconds : kRevalidateSeconds;
        if (it != sessions_.end() && now - it->second.checked_at < trusted) {
            if (it->second.expires_at <= now || it->second.created_at + kAbsoluteSeconds <= now) {
                sessions_.erase(it);
                return Error{errc::kUnauthorized, "会话已过期，请重新登录", ""};
            }
            it->second.expires_at = now + kIdleSeconds;
            return it->second.user;
        }
        epoch = epoch_;
    }
    // Not kept, or kept long enough ago that the account may have changed: read the store (the
    // primary: no read intent). The shared store lock spans the reads and the keeping, so that a
    // logout or an account change of this server (exclusive) cannot fall between them.
    bool expired = false, touch = false;
    core::Result<SessionUser> answer = Error{errc::kUnauthorized, "请先登录", ""};
    {
        std::shared_lock store_lock(store_mutex_);
        auto rec = store_.FindSession(hash);
        auto user = rec ? store_.FindUser(rec->user_id) : std::nullopt;
        auto role = user ? core::auth::RoleFromString(user->role) : std::nullopt;
        std::lock_guard lock(mutex_);
        auto cached = sessions_.find(hash);
        const std::int64_t expires_at =
            std::max(rec ? rec->expires_at : 0, cached != sessions_.end() ? cached->second.expires_at : 0);
        expired = rec && (expires_at <= now || rec->created_at + kAbsoluteSeconds <= now);
        if (!rec || !user || !user->active || !role || expired) {
            if (cached != sessions_.end()) sessions_.erase(cached);
            answer = Error{errc::kUnauthorized, rec ? "会话已过期，请重新登录" : "请先登录", ""};
        } else {
            SessionUser su{core::auth::Actor{user->id, user->username, *role, user->scope_unit_id},
                           user->display_name, rec->csrf_token, user->must_change_password};
            // Read before an Invalidate() of the feed finished: kept, but read again next time.
            sessions_[hash] = Cached{su, now + kIdleSeconds, rec->created_at, epoch == epoch_ ? now : 0};
            touch = now - rec->last_seen >= kTouchSeconds;
            answer = std::move(su);
        }
    }
    if (expired || touch) {  // writes: under the exclusive lock, as every write
        std::lock_guard store_lock(store_mutex_);
        if (expired)
            store_.DeleteSession(hash);
        else
            store_.TouchSession(hash, now, now + kIdleSeconds);
    }
    return answer;
}

void AuthService::Logout(const std::string& token) {
    const std::string hash = crypto_.Sha256Hex(token);
    std::lock_guard store_lock(store_mutex_);
    store_.DeleteSession(hash);
    std::lock_guard lock(mutex_);
    sessions_.erase(hash);
}

std::vector<SessionView> AuthService::Sessions(const SessionUser& me, const std::string& token) {
    const std::string current = crypto_.Sha256Hex(token);
    std::lock_guard store_lock(store_mutex_);
    std::vector<SessionView> out;
    for (const auto& s : store_.ListSessionsOfUser(me.actor.user_id))
        out.push_back(SessionView{s.token_hash.substr(0, kSessionIdLength), s.created_at, s.last_seen, s.expires_at,
                                  s.address, s.user_agent, s.token_hash == current});
    return out;
}

core::Status AuthService::EndSession(const SessionUser& me, const std::string& id) {
    if (id.size() != kSessionIdLength) return NotFound("会话");
    std::lock_guard store_lock(store_mutex_);
    for (const auto& s : store_.ListSessionsOfUser(me.actor.user_id)) {
        if (s.token_hash.compare(0, kSessionIdLength, id) != 0) continue;
        store_.DeleteSession(s.token_hash);
        std::lock_guard lock(mutex_);
        sessions_.erase(s.token_hash);
        return core::Ok();
    }
    return NotFound("会话");
}

int AuthService::EndOtherSessions(const SessionUser& me, const std::string& token) {
    const std::string current = crypto_.Sha256Hex(token);
    int ended = 0;
    std::lock_guard store_lock(store_mutex_);
    for (const auto& s : store_.ListSessionsOfUser(me.actor.user_id)) {
        if (s.token_hash == current) continue;
        store_.DeleteSession(s.token_hash);
        std::lock_guard lock(mutex_);
        sessions_.erase(s.token_hash);
        ++ended;
    }
    return ended;
}

core::Result<std::vector<core::ports::LoginThrottle>> AuthService::Throttles(const core::auth::Actor& actor) {
    if (actor.role != Role::kAdmin) return RoleForbidden();
    std::lock_guard store_lock(store_mutex_);
    auto all = store_.ListThrottles(-1);
    std::erase_if(all, [](const core::ports::LoginThrottle& t) { return t.failures == 0; });
    return all;
}

core::Status AuthService::LiftThrottle(const core::auth::Actor& actor, const std::string& key) {
    if (actor.role != Role::kAdmin) return RoleForbidden();
    std::lock_guard store_lock(store_mutex_);
    if (!store_.FindThrottle(key)) return NotFound("登录限制");
    {
        std::lock_guard lock(mutex_);
        held_until_ms_.erase(key);
    }
    auto tx = store_.Begin();
    store_.DeleteThrottle(key);
    store_.AppendAudit({0, clock_.NowIso(), actor.username, "lift", "login_throttle", 0,
                        "{\"key\":" + JsonQuote(key) + "}", "", ""});
    tx->Commit();
    return core::Ok();
}

void AuthService::Invalidate() {
    std::lock_guard lock(mutex_);
    sessions_.clear();
    ++epoch_;
}

void AuthService::Follow(std::function<bool()> current) {
    std::lock_guard lock(mutex_);
    followed_ = std::move(current);
    sessions_.clear();
    ++epoch_;
}

void AuthService::EndAllSessionsLocked(core::ports::Id user_id) {
    std::lock_guard lock(mutex_);
    for (const auto& s : store_.ListSessionsOfUser(user_id)) sessions_.erase(s.token_hash);
    std::erase_if(sessions_, [&](const auto& entry) { return entry.second.user.actor.user_id == user_id; });
    store_.DeleteSessionsOfUser(user_id);
}

core::Result<core::ports::UserRecord> AuthService::AddUser(const std::string& username, const std::string& display_name,
                                                           const std::string& role, core::ports::Id scope_unit_id,
                                                           const std::string& password) {
    if (username.empty() || username.size() > 64) return core::Invalid("用户名应为 1–64 个字符", "username");
    if (display_name.size() > 64) return core::Invalid("显示名称至多 64 个字符", "display_name");
    if (!core::auth::RoleFromString(role))
        return core::Invalid("角色应为 admin、county、town、secretary、judge 或 member 之一", "role");
    if (auto st = CheckPasswordPolicy(password); !st) return st.error();
    core::ports::UserRecord u{0, username, display_name.empty() ? username : display_name, role, scope_unit_id,
                              crypto_.HashPassword(password), true};
    u.created_at = clock_.NowIso();
    std::lock_guard lock(store_mutex_);
    if (store_.FindUserByName(username)) return Conflict("用户名已存在", "username");
    auto tx = store_.Begin();
    u.id = store_.InsertUser(u);
    store_.AppendAudit({0, clock_.NowIso(), "system", "create", "user", u.id,
                        "{\"username\":" + JsonQuote(username) + ",\"role\":" + JsonQuote(role) + "}", "", ""});
    tx->Commit();
    return u;
}

core::Status AuthService::ChangeUser(const std::string& username, const std::string& action, const std::string& detail,
                                     const std::function<void(core::ports::UserRecord&)>& change) {
    std::lock_guard lock(store_mutex_);
    auto user = store_.FindUserByName(username);
    if (!user) return NotFound("用户", "username");
    auto tx = store_.Begin();
    change(*user);
    store_.AppendAudit({0, clock_.NowIso(), "system", action, "user", user->id, detail, "", ""});
    EndAllSessionsLocked(user->id);
    tx->Commit();
    return core::Ok();
}

core::Status AuthService::SetPassword(const std::string& username, const std::string& password) {
    if (auto st = CheckPasswordPolicy(password); !st) return st;
    const std::string hash = crypto_.HashPassword(password);
    return ChangeUser(username, "passwd", "{}", [&](core::ports::UserRecord& u) {
        store_.UpdateUserPassword(u.id, hash, u.must_change_password);
    });
}

core::Status AuthService::SetActive(const std::string& username, bool active) {
    return ChangeUser(username, active ? "enable" : "disable", "{}", [&](core::ports::UserRecord& u) {
        u.active = active;
        store_.UpdateUser(u);
    });
}

core::Status AuthService::SetRole(const std::string& username, const std::string& role, core::ports::Id scope_unit_id) {
    if (!core::auth::RoleFromString(role))
        return core::Invalid("角色应为 admin、county、town、secretary、judge 或 member 之一", "role");
    if (scope_unit_id == 0 && role != "admin") return core::Invalid("只有 admin 可以管辖全部单位", "scope");
    return ChangeUser(username, "role", "{\"role\":" + JsonQuote(role) + ",\"scope_unit_id\":" +
                                            std::to_string(scope_unit_id) + "}",
                      [&](core::ports::UserRecord& u) {
                          u.role = role;
                          u.scope_unit_id = scope_unit_id;
                          store_.UpdateUser(u);
                      });
}

std::vector<core::ports::UserRecord> AuthService::ListUsers() {
    std::lock_guard lock(store_mutex_);
    return store_.ListUsers();
}

}  // namespace lingyan::app
