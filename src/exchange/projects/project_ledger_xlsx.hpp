#pragma once
// 项目台账 (behind app::ProjectFiles::ledger_xlsx): the projects of a list's filters, one row each —
// kind, title, the office, the carrying unit and owner, state and supervision colour, milestones done
// of planned, the next deadline and the working days to it, when it started, last reported and was
// completed.

#include <string>

#include "app/projects/project_service.hpp"

namespace lingyan::exchange::projects {

std::string LedgerXlsx(const app::ProjectListPage& page);

}  // namespace lingyan::exchange::projects
