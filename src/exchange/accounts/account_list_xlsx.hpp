#pragma once
// 账号清单 as a workbook (behind app::AccountFiles::list_xlsx): the accounts of the list's filters,
// one row each — username, name, role, scope, whether enabled, whether the issued password is still
// to be changed, last login and creation (China time). No password or session data.

#include <string>
#include <vector>

#include "app/accounts/account_service.hpp"

namespace lingyan::exchange::accounts {

std::string AccountListXlsx(const std::vector<app::AccountView>& accounts);

}  // namespace lingyan::exchange::accounts
