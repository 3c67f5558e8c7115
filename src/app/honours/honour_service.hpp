#pragma once
// HonourService: the honours register (荣誉) — titles such as 金牌书记 by level and year on each
// person, searchable within scope (how many 金牌书记 a county has, since when), conferred by an
// arena contest (ArenaService's title sink), by a published campaign's award, or entered by hand
// with the document number. Talent pools read a person's honours for their eligibility rules.
//
// Scope: reads list the honours whose unit lies in the caller's scope (officers and secretaries);
// conferring needs an officer (admin, county, town) and the holder's unit in scope. Every honour
// conferred writes one audit entry. A title already registered for the same holder, year, level
// and source is not registered twice.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/arena/arena_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/row_errors.hpp"
#include "app/common/use_case_base.hpp"
#include "core/honours/honour.hpp"
#include "core/ports/honour_store.hpp"

namespace lingyan::app {

class CampaignService;

struct HonourView {
    core::honours::Honour honour;
    std::string unit_name;
    std::string source_name;  // the contest's or campaign's name; "" for a document
};

struct HonourQuery {
    std::string q;      // holder's name contains
    std::string title;  // exact; "" = any
    std::optional<core::honours::Level> level;
    int year = 0;   // 0 = any
    Id unit = 0;    // subtree; 0 = the caller's scope
    Id person = 0;  // 0 = anyone
};

struct HonourCount {
    std::string title;
    core::honours::Level level = core::honours::Level::kCounty;
    int count = 0;
    int since = 0;  // the earliest year
};

struct HonourPage {
    std::vector<HonourView> items;    // year descending
    std::vector<HonourCount> counts;  // per title and level, most first
};

// One row of a 荣誉 import (导入荣誉): the holder as written — a person by name (and ID number where
// names repeat) in a unit, or the unit itself when 获得者 is blank or the unit's name — and the title.
struct SheetHonour {
    std::uint32_t line = 0;  // Excel row number
    std::string holder, id_number, unit;
    std::string title;
    core::honours::Level level = core::honours::Level::kCounty;
    int year = 0;
    std::string document_no;
};

struct HonoursSheet {
    std::string sheet;
    std::vector<SheetHonour> rows;
    std::vector<SheetProblem> problems;  // rows the reader could not take
};

// What 导入荣誉 registered (or, on a dry run, would): new rows, and rows already in the register.
struct HonoursImport {
    struct Row {
        int row = 0;
        std::string holder, unit, title;
        core::honours::Level level = core::honours::Level::kCounty;
        int year = 0;
    };
    bool dry_run = false;
    std::string sheet;
    std::vector<Row> added;
    int already = 0;               // the same holder, title, level and year by document: not registered twice
    std::vector<RowError> errors;  // non-empty: nothing was written
};

// The largest 荣誉 workbook an import reads, and its rows (a county's history is far below).
inline constexpr std::size_t kHonoursMaxBytes = 4u << 20;
inline constexpr std::size_t kHonoursMaxRows = 5000;

// File formats (exchange/honours).
struct HonourFiles {
    std::function<std::string(const HonourPage&)> register_xlsx;
    // An `invalid` error naming "file" for a file that cannot be read at all.
    std::function<Result<HonoursSheet>(std::string_view bytes)> read_sheet;
    std::function<std::string()> template_xlsx;
};

class HonourService : UseCaseBase {
public:
    HonourService(core::ports::Store& store, core::ports::HonourStore& honours, core::ports::StoreMutex& store_mutex,
                  const core::ports::Clock& clock, const RosterService& roster, HonourFiles files = {});
    void SetCampaigns(CampaignService* campaigns) { campaigns_ = campaigns; }

    Result<HonourPage> Search(const Actor& actor, const HonourQuery& query);
    // The same search as a workbook (the honours and the count of each title).
    Result<FileDownload> RegisterXlsx(const Actor& actor, const HonourQuery& query);
    // By hand, with the document number; the holder's unit and name come from the roster.
    Result<HonourView> Add(const Actor& actor, core::honours::Honour honour);
    // 导入荣誉 (officers; checked before an upload's body is read): a past list of titles by
    // document, each holder found in the caller's scope — a unit by code or name, a person by ID
    // number or by name in that unit. Every row is checked first and every bad one reported with
    // its column; then all new ones are registered in one transaction (one audit entry each), or,
    // with `dry_run`, none. A row already in the register is counted, not registered twice.
    Status CheckImport(const Actor& actor) const;
    Result<HonoursImport> Import(const Actor& actor, const std::string& bytes, bool dry_run);
    Result<FileDownload> Template(const Actor& actor) const;
    // From a finished contest (ArenaService's title sink): returns how many were new.
    Result<int> Grant(const Actor& actor, const std::vector<TitleGrant>& grants);
    // The winners of `award` in a published campaign become `title` at `level` in `year`.
    Result<int> FromCampaign(const Actor& actor, Id campaign_id, const std::string& award, const std::string& title,
                             core::honours::Level level, int year);

    // A person's honours without a scope check (talent-pool eligibility inside the app).
    std::vector<core::honours::Honour> HonoursOf(Id person_id);

private:
    // Registers `h` unless already there (caller holds store_mutex_ inside a transaction).
    bool Register(const Actor& actor, core::honours::Honour h, const std::vector<core::honours::Honour>& existing);
    // Registers every one of `items` not already there, in one transaction; how many were new.
    int RegisterAll(const Actor& actor, const std::vector<core::honours::Honour>& items);

    core::ports::HonourStore& honours_;
    HonourFiles files_;
    CampaignService* campaigns_ = nullptr;
};

}  // namespace lingyan::app
