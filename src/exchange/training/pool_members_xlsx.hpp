#pragma once
// 人才库名单 as a workbook (behind app::TrainingFiles::pool_members_xlsx): a pool's members, one row
// each, with the facts a 名册 carries — gender, 出生年月, education, party entry, unit and town,
// the posts held now, the member's state, nomination date and, for one selected out of the rules,
// the reason given. No ID number and no phone number.

#include <string>

#include "app/training/pool_service.hpp"

namespace lingyan::exchange::training {

std::string PoolMembersXlsx(const app::PoolMemberSheet& sheet);

}  // namespace lingyan::exchange::training
