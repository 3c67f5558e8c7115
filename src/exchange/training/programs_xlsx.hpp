#pragma once
// 培训项目台账 (behind app::TrainingFiles::programs_xlsx): the programs a list shows, one row each —
// name, kind in the page's words, organizing unit, dates, and the figures of its dashboard (batches,
// trainees, host units, placements, seminars and attendance, summaries and assessments in, pairing
// agreements signed, follow-ups done).

#include <string>
#include <vector>

#include "app/training/program_service.hpp"

namespace lingyan::exchange::training {

std::string ProgramsXlsx(const std::vector<app::ProgramSummary>& programs);

}  // namespace lingyan::exchange::training
