#pragma once
// AccountService: the accounts page (账号管理). Admin manages every account; county and town
// officers manage the accounts of the roles below their own whose scope lies inside theirs
// (core::auth::MayManageAccountOf + the scope rule). An account outside that reach answers as if
// it did not exist. Every change is audited under the officer's name; a new password, a new role
// or scope and disabling end every session of the account (AuthService::EndAllSessionsLocked).
// An account created or reset here must change its password at the next login.

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/auth_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"

namespace lingyan::app {

struct AccountView {
    Id id = 0;
    std::string username, display_name, role;
    Id scope_unit_id = 0;
    std::string scope_unit_name;  // "" for the whole deployment (admin)
    bool active = true;
    bool must_change_password = false;
    std::int64_t last_login_at = 0;  // 0 = never
    std::string created_at;
    bool manageable = true;  // false for the caller's own account (no lock-out by mistake)
};

struct AccountFilter {
    std::string q;      // part of the username or display name
    std::string role;   // "" = every role
    std::string state;  // "", "active", "disabled", "must_change", "never_logged_in"
    Id unit = 0;        // accounts whose scope lies in this unit's subtree (0 = the caller's whole reach)
    int offset = 0, limit = 50;
};

struct AccountPage {
    std::vector<AccountView> items;
    int total = 0;
    // Accounts in the caller's reach that need attention: disabled, or still on an issued password.
    int disabled = 0, must_change = 0;
};

struct NewAccount {
    std::string username, display_name, role;
    Id scope_unit_id = 0;
    std::string password;  // "" = the server makes a temporary one
};

struct AccountChange {
    std::optional<std::string> display_name, role;
    std::optional<Id> scope_unit_id;
};

// The account and, when the server made one, the temporary password (shown once, never stored).
struct IssuedAccount {
    AccountView account;
    std::string temporary_password;
};

// File formats, set at composition (exchange/accounts).
struct AccountFiles {
    std::function<std::string(const std::vector<AccountView>&)> list_xlsx;
};

class AccountService : public UseCaseBase {
public:
    AccountService(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                   const RosterService& roster, const core::ports::Crypto& crypto, AuthService& auth,
                   AccountFiles files = {});

    Result<AccountPage> List(const Actor& actor, const AccountFilter& filter);
    // 账号清单: every account of the list's filters (offset and limit not read) as a workbook;
    // more than kMaxExportRows is refused.
    Result<FileDownload> ListXlsx(const Actor& actor, const AccountFilter& filter);
    Result<AccountView> Get(const Actor& actor, Id id);
    Result<IssuedAccount> Create(const Actor& actor, const NewAccount& account);
    Result<AccountView> Update(const Actor& actor, Id id, const AccountChange& change);
    Result<IssuedAccount> ResetPassword(const Actor& actor, Id id, const std::string& password);
    Result<AccountView> SetActive(const Actor& actor, Id id, bool active);

    // Counts for the workbench (admin, county, town): disabled accounts and accounts that still
    // have to change an issued password, inside the caller's reach.
    Result<AccountPage> Attention(const Actor& actor);

private:
    // May the caller see and change this account (role below theirs, scope inside theirs)?
    bool InReach(const Actor& actor, const core::ports::UserRecord& user) const;
    static bool InReach(const core::roster::RegionTree& tree, const Actor& actor, const core::ports::UserRecord& user);
    // Checks a role and a scope the caller wants to give an account.
    Status CheckGrant(const Actor& actor, const std::string& role, Id scope_unit_id) const;
    AccountView View(const Actor& actor, const core::ports::UserRecord& user) const;
    std::string TemporaryPassword() const;
    // The accounts of `filter` in reach with the page's counts; views built for [offset, offset + limit).
    Result<AccountPage> Find(const Actor& actor, const AccountFilter& filter, int offset, int limit);

    const core::ports::Crypto& crypto_;
    AuthService& auth_;
    AccountFiles files_;
};

}  // namespace lingyan::app
