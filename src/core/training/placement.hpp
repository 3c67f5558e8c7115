#pragma once
// Validation of shadow placements (跟岗培育) and secondments before they are written: a person
// is in one place at a time, a placement lies within its program's dates, and a host takes no
// more trainees at once than its capacity. Pure; the caller writes nothing unless the whole
// batch passes.

#include <map>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::training {

struct ProgramWindow {
    roster::Id program_id = 0;
    std::string name;
    std::string start_date;  // YYYY-MM-DD, inclusive
    std::string end_date;    // YYYY-MM-DD, inclusive
};

struct PlacementRecord {
    roster::Id id = 0;
    roster::Id program_id = 0;
    roster::Id person_id = 0;
    roster::Id host_unit_id = 0;
    roster::Id mentor_person_id = 0;  // 0 = none yet
    std::string start_date;           // inclusive
    std::string end_date;             // inclusive
};

// Checks one new placement against the program and the placements already stored (all programs:
// a person cannot be in two places at once). `host_capacity` maps host unit → trainees at the
// same time; a host missing from it is unlimited. Errors: errc::kInvalid for bad or reversed
// dates and dates outside the program; errc::kConflict for an overlap or a full host.
Status ValidatePlacement(const ProgramWindow& program, const std::vector<PlacementRecord>& existing,
                         const PlacementRecord& placement, const std::map<roster::Id, int>& host_capacity);

// Checks a batch as if added one after another; returns every error (field "placements[i]"),
// empty when the whole batch may be written.
std::vector<Error> ValidatePlacementBatch(const ProgramWindow& program, const std::vector<PlacementRecord>& existing,
                                          const std::vector<PlacementRecord>& batch,
                                          const std::map<roster::Id, int>& host_capacity);

}  // namespace lingyan::core::training
