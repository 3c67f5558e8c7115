#pragma once
// AuthService: login with Argon2id-verified passwords and a failure rate limit per account and
// per address, random session tokens (only their SHA-256 is stored), CSRF tokens, expiry, and
// user administration for the CLI. Thread-safe.

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

struct SessionUser {
    core::auth::Actor actor;
    std::string display_name;
    std::string csrf_token;
};

struct LoginResult {
    std::string token;  // goes into the HttpOnly cookie; never stored in clear
    SessionUser user;
};

class AuthService {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kFailureWindowSeconds = 15 * 60;
    static constexpr std::int64_t kIdleSeconds = 8 * 3600;

    AuthService(core::ports::Store& store, std::mutex& store_mutex, const core::ports::Clock& clock,
                const core::ports::Crypto& crypto);

    core::Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& address);
    // The session's user, or unauthorized when the token is unknown or expired. Slides expiry.
    core::Result<SessionUser> Authenticate(const std::string& token);
    void Logout(const std::string& token);

    core::Result<core::ports::UserRecord> AddUser(const std::string& username, const std::string& display_name,
                                                  const std::string& role, core::ports::Id scope_unit_id,
                                                  const std::string& password);
    core::Status SetPassword(const std::string& username, const std::string& password);
    std::vector<core::ports::UserRecord> ListUsers();

private:
    bool Limited(const std::string& key, std::int64_t now);  // caller holds mutex_
    void Fail(const std::string& key, std::int64_t now);      // caller holds mutex_

    core::ports::Store& store_;
    std::mutex& store_mutex_;
    const core::ports::Clock& clock_;
    const core::ports::Crypto& crypto_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> failures_;
    struct Cached {
        SessionUser user;
        std::int64_t expires_at;
    };
    std::unordered_map<std::string, Cached> sessions_;  // by token hash
};

// Password policy: at least 8 characters (shared by CLI and HTTP).
core::Status CheckPasswordPolicy(const std::string& password);

}  // namespace lingyan::app
