#pragma once
// 跟岗名单 as a workbook (behind app::TrainingFiles::placements_xlsx): a program's placements, one
// row each in batch order — trainee and unit, host unit and mentor, dates, the focus agreed, and how
// far the placement has come (跟踪事项 done of planned, the trainee's 跟岗小结, the mentor's 考核鉴定).

#include <string>

#include "app/training/program_service.hpp"

namespace lingyan::exchange::training {

std::string PlacementsXlsx(const app::ProgramDetail& program);

}  // namespace lingyan::exchange::training
