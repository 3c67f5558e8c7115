#pragma once
// RosterExchange: the roster's imports and exports as use cases — the caller's role is checked
// before a byte of an upload is read, the file is read through RosterFiles, its own problems and
// the use case's checks of the other rows are reported together (MergeRowErrors), and nothing is
// written unless every row is good. Exports page through the caller's scope.
//
// Thread-safety: as RosterService (every method may be called concurrently).

#include <functional>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/roster/roster_files.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

class RosterExchange {
public:
    RosterExchange(RosterService& roster, RosterFiles files) : roster_(roster), files_(std::move(files)) {}

    // Refused (forbidden) for roles that may not import, before `bytes` is read; an empty file or
    // name is invalid. `errors` of the outcome non-empty: nothing was written. With `dry_run`
    // nothing is written either way and the outcome counts what an import would create, update
    // and leave unchanged (the preview).
    Result<ImportOutcome> ImportRoster(const Actor& actor, const std::string& bytes, const std::string& filename,
                                       bool dry_run = false,
                                       const std::function<void(std::size_t, std::size_t)>& progress = {});
    Result<UnitImportOutcome> ImportUnits(const Actor& actor, const std::string& bytes, const std::string& filename,
                                          bool dry_run = false);

    Result<FileDownload> RosterTemplate() const;
    // The units template with the caller's scope unit as the example parent.
    Result<FileDownload> UnitsTemplate(const Actor& actor) const;
    // Everyone the query finds in the caller's scope (every page), one row per current position,
    // with unit codes and 人员编号 so that the file imports back onto the same people.
    Result<FileDownload> ExportPeople(const Actor& actor, core::roster::PeopleQuery query) const;
    // The units the query lists, with parent code and name, people in office, party members and
    // the latest income — the columns and labels the units import reads.
    Result<FileDownload> ExportUnits(const Actor& actor, UnitsQuery query) const;
    // 党组织名册 (officers): the party organizations the list shows for `unit` (0: the caller's
    // scope), dissolved ones too when asked — kind, unit, superior, members, approval and state.
    Result<FileDownload> ExportPartyOrgs(const Actor& actor, Id unit, bool include_dissolved) const;

    // The rows of those exports (for the CLI, which writes the file itself).
    Result<std::vector<PersonExportRow>> PeopleExportRows(const Actor& actor, core::roster::PeopleQuery query) const;

private:
    RosterService& roster_;
    RosterFiles files_;
};

}  // namespace lingyan::app
