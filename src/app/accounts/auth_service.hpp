#pragma once
// AuthService: login with Argon2id-verified passwords, throttled failures, sessions and the
// administration of accounts (CLI; the accounts pages). Thread-safe.
//
// Throttling (stored, so it survives a restart, and visible to admin, who can lift it):
// - per account: the first kFreeFailures consecutive failures cost nothing; after that every
//   failure makes the account wait 2^(n − kFreeFailures) seconds (at most kMaxDelaySeconds)
//   before its next password check. The check is atomic: while an account is throttled only one
//   attempt is checked at a time, and no more than kFreeFailures ever run in parallel. The stored
//   wait counts whole seconds (a failure late in a second would wait only the rest of it); the
//   server that saw the failure also holds the account for the full wait, to the millisecond.
// - per address: a correct password for an account that is not itself throttled always logs in;
//   an address with more than kAddressFailures consecutive failures gets 429 instead of 401 for
//   wrong ones, so that its attempts are visible as an attack.
// Sessions: random tokens (only their SHA-256 is stored), a CSRF token each, an idle lifetime
// (kIdleSeconds, sliding) and an absolute one (kAbsoluteSeconds). Changing a password, role or
// scope, or disabling an account ends all its sessions.
//
// Sessions are kept in memory (issue 15: no database work per request). A kept session is read
// from the store again (two reads on the primary, never a replica) when it is older than
//   - kRevalidateSeconds (1 s) on its own: a change made by another process (the CLI, another
//     server) takes effect within that time;
//   - kFollowedSeconds while Follow()'s `current` says the change feed is following the database
//     (several servers on PostgreSQL: the feed calls Invalidate() when another process ends a
//     session or changes an account, at its notification — milliseconds —, at worst at its catch-up
//     read every second; a feed that stops catching up makes `current` false within 2 s, and every
//     kept session falls back to the 1 s rule).
// The sliding expiry is written back at most every kTouchSeconds (last_seen on the sessions page is
// that coarse), so that a read is not a write.

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

struct SessionUser {
    core::auth::Actor actor;
    std::string display_name;
    std::string csrf_token;
    // The account was created or reset by an officer: until the user sets a password of their
    // own, the session may only read /me, change the password or log out (http/server/router).
    bool must_change_password = false;
};

struct LoginResult {
    std::string token;  // goes into the HttpOnly cookie; never stored in clear
    SessionUser user;
};

// One of a user's sessions as the user sees it (never the token or its hash).
struct SessionView {
    std::string id;  // a short handle (a prefix of the token's hash) to end it with
    std::int64_t created_at = 0, last_seen = 0, expires_at = 0;
    std::string address, user_agent;
    bool current = false;
};

class AuthService {
public:
    static constexpr int kFreeFailures = 5;
    static constexpr std::int64_t kMaxDelaySeconds = 15 * 60;
    static constexpr int kAddressFailures = 20;
    static constexpr std::int64_t kIdleSeconds = 8 * 3600;
    static constexpr std::int64_t kAbsoluteSeconds = 24 * 3600;
    static constexpr std::int64_t kRevalidateSeconds = 1;
    static constexpr std::int64_t kFollowedSeconds = 60;
    static constexpr std::int64_t kTouchSeconds = 60;

    AuthService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                const core::ports::Crypto& crypto);

    core::Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& address,
                                    const std::string& user_agent = {});
    // The session's user, or unauthorized when the token is unknown, expired or its account
    // disabled. Slides the idle expiry.
    core::Result<SessionUser> Authenticate(const std::string& token);
    void Logout(const std::string& token);

    // The caller's own sessions, newest first; `token` marks the current one.
    std::vector<SessionView> Sessions(const SessionUser& me, const std::string& token);
    // Ends one of the caller's sessions by its id (not_found for any other id).
    core::Status EndSession(const SessionUser& me, const std::string& id);
    // Ends every session of the caller but the current one; returns how many.
    int EndOtherSessions(const SessionUser& me, const std::string& token);

    // The caller changes their own password: the current one must be right (wrong answers count
    // against the account like failed logins), the new one must follow the policy and differ from
    // it. Ends every session of the account, clears the first-login flag and opens a new session
    // for this device (audited).
    core::Result<LoginResult> ChangeOwnPassword(const SessionUser& me, const std::string& current,
                                                const std::string& next, const std::string& address,
                                                const std::string& user_agent = {});

    // Throttled accounts and addresses (admin only), and lifting one (audited).
    core::Result<std::vector<core::ports::LoginThrottle>> Throttles(const core::auth::Actor& actor);
    core::Status LiftThrottle(const core::auth::Actor& actor, const std::string& key);

    core::Result<core::ports::UserRecord> AddUser(const std::string& username, const std::string& display_name,
                                                  const std::string& role, core::ports::Id scope_unit_id,
                                                  const std::string& password);
    // The following end every session of the account.
    core::Status SetPassword(const std::string& username, const std::string& password);
    core::Status SetActive(const std::string& username, bool active);
    core::Status SetRole(const std::string& username, const std::string& role, core::ports::Id scope_unit_id);
    std::vector<core::ports::UserRecord> ListUsers();

    // Ends every session of `user_id` in the store and in the cache. Call with the store mutex
    // held, inside the transaction of the change that requires it (app/accounts/account_service).
    void EndAllSessionsLocked(core::ports::Id user_id);

    // Drops every kept session (the change feed: another process ended a session or changed an
    // account); the next request of each reads the store.
    void Invalidate();
    // While `current()` is true, kept sessions are trusted for kFollowedSeconds instead of
    // kRevalidateSeconds (see above); empty: back to the 1 s rule. Drops every kept session, so
    // that only sessions read after the feed began to follow are trusted longer.
    void Follow(std::function<bool()> current);

private:
    struct Cached {
        SessionUser user;
        std::int64_t expires_at = 0;
        std::int64_t created_at = 0;
        std::int64_t checked_at = 0;  // 0: read while an Invalidate() ran, read again next time
    };
    // The answer for an account that must still wait — its stored wait (whole seconds) or the hold this
    // server put on it (to the millisecond) — or none (store mutex and mutex_ held).
    std::optional<core::Error> WaitingLocked(const core::ports::LoginThrottle& stored, std::int64_t now);
    // Counts a failed password of an account: its stored wait and this server's hold (both mutexes held).
    void RecordFailureLocked(const std::string& account_key, std::int64_t now);
    // A new session for `user` (store mutex and mutex_ held).
    LoginResult OpenSessionLocked(const core::ports::UserRecord& user, core::auth::Role role, const std::string& address,
                                  const std::string& user_agent, std::int64_t now);
    core::Status ChangeUser(const std::string& username, const std::string& action, const std::string& detail,
                            const std::function<void(core::ports::UserRecord&)>& change);

    core::ports::Store& store_;
    core::ports::StoreMutex& store_mutex_;
    const core::ports::Clock& clock_;
    const core::ports::Crypto& crypto_;
    // Guards sessions_, in_flight_ and held_until_ms_. Lock order: store_mutex_ before mutex_, never the reverse.
    std::mutex mutex_;
    std::unordered_map<std::string, Cached> sessions_;  // by token hash
    std::unordered_map<std::string, int> in_flight_;    // password checks running, by account key
    std::unordered_map<std::string, double> held_until_ms_;  // the waits this server imposed, by account key
    std::uint64_t epoch_ = 0;                           // bumped by Invalidate()
    std::function<bool()> followed_;                    // Follow()
};

// The answer to a session that must change its password before anything else (403).
inline core::Error PasswordChangeRequired() { return core::Error{"password_change_required", "请先修改初始密码", ""}; }

// Password policy: at least 8 characters (shared by CLI and HTTP).
core::Status CheckPasswordPolicy(const std::string& password);

}  // namespace lingyan::app
