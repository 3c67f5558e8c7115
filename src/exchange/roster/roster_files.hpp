#pragma once
// The roster file formats (roster_import, roster_export) in the shapes the use cases take:
// app rows and row errors, and the RosterFiles hooks for the HTTP routes.

#include <string>
#include <vector>

#include "app/roster/roster_files.hpp"
#include "core/roster/roster_index.hpp"
#include "exchange/roster/roster_export.hpp"
#include "exchange/roster/roster_import.hpp"

namespace lingyan::exchange::roster {

std::vector<app::RosterImportRow> ToAppRows(const RosterParse& parsed);
std::vector<app::RowError> ToAppErrors(const std::vector<RowError>& errors);
// The whole parse as the use cases take it: rows, errors, columns present, notes.
app::RosterSheet ToAppSheet(const RosterParse& parsed);

// The hooks backed by this layer's .xlsx/.csv readers and writers.
app::RosterFiles MakeRosterFiles();

}  // namespace lingyan::exchange::roster
