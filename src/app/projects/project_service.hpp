#pragma once
// ProjectService: projects (书记项目, 班长示范项目, 班副争先项目, 揭榜挂帅) from creation or 揭榜 to
// completion, supervised with the tickets' colours on the working-day calendar.
//
// Parties (core/projects/project.hpp) from the caller's role and scope:
//   office   — an officer (admin, county, town) whose scope holds the project's office unit: creates
//              and publishes, confirms or refuses claims, completes;
//   owner    — the secretary of a unit in whose scope the project's unit lies (or the officer of
//              exactly that unit): reports progress;
//   claimant — a secretary whose unit lies below the office unit, for a published 揭榜挂帅 project.
// Officers, secretaries and members also read the projects whose office or unit is in scope; out of
// scope answers as not found.
//
// Every change is one transaction: the project row, its milestones, claims or reports, a timeline
// event and a hash-chained audit entry. Colours are recomputed on each change and, for every active
// project, once per day (the first read of a new day); a project turning red notifies its unit's and
// its office's accounts (the notification centre of the tickets module).
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/attachments/attachment_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/workbench/workbench_service.hpp"
#include "core/calendar/work_calendar.hpp"
#include "core/ports/project_store.hpp"
#include "core/ports/ticket_store.hpp"
#include "core/projects/project.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::app {

struct ProjectView {
    core::projects::Project project;
    std::string office_unit, unit, owner;  // names
    std::vector<std::string> actions;      // ActionNames the caller may take now
    int milestones = 0, milestones_done = 0;
    std::string next_deadline;   // the earliest open milestone's ("" when none)
    int working_days_left = 0;   // to next_deadline (< 0 overdue)
};

struct ClaimView {
    core::projects::Claim claim;
    std::string unit, owner;
};

struct ProjectDetail {
    ProjectView view;
    std::vector<core::projects::Milestone> milestones;  // the current plan
    std::vector<core::projects::Milestone> proposed;    // every claim's plans (refused ones too)
    std::vector<ClaimView> claims;
    std::vector<core::projects::Report> reports;
    std::vector<core::ports::ProjectEvent> events;
};

struct NewProject {
    core::projects::Kind kind = core::projects::Kind::kSecretary;
    std::string title, detail, responsibility;
    Id office_unit_id = 0;   // admin only (others: their scope unit)
    Id unit_id = 0;          // not for 揭榜挂帅 (claimed later)
    Id owner_person_id = 0;  // not for 揭榜挂帅
    std::vector<core::projects::MilestoneInput> milestones;  // not for 揭榜挂帅
};

struct ClaimInput {
    Id owner_person_id = 0;  // a person of the claimant's unit
    std::string responsibility;
    std::vector<core::projects::MilestoneInput> milestones;
};

struct ReportInput {
    std::string text;
    std::vector<core::projects::Figure> figures;
    Id milestone_id = 0;
    bool milestone_done = false;
};

struct ProjectListQuery {
    std::optional<core::projects::Kind> kind;
    std::optional<core::projects::State> state;
    std::optional<core::projects::Colour> colour;
    std::string q;
    bool claimable = false;  // only those the caller may claim now
    int page = 1, per_page = 20;  // per_page 1–200
};

struct ProjectListPage {
    std::vector<ProjectView> items;
    std::int64_t total = 0;  // every project the query finds in the caller's reach
};

// What an evaluation campaign needs of a project subject.
struct ProjectSubject {
    Id unit_id = 0;
    std::string title;
};


// File formats (exchange/projects).
struct ProjectFiles {
    std::function<std::string(const ProjectListPage&)> ledger_xlsx;
};

class ProjectService : UseCaseBase {
public:
    ProjectService(core::ports::Store& store, core::ports::ProjectStore& projects, core::ports::TicketStore& tickets,
                   core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock, const RosterService& roster,
                   const core::calendar::WorkCalendar& calendar, ProjectFiles files = {});

    // Officers: a 书记项目 (…) with its unit, owner and milestones — active at once; or a 揭榜挂帅
    // project published for claiming (no unit, owner or milestones).
    Result<ProjectView> Create(const Actor& actor, const NewProject& in);
    // Newest first, one page; `total` counts them all.
    Result<ProjectListPage> List(const Actor& actor, const ProjectListQuery& query);
    // 项目台账: every project of the list's filters (paging ignored) as a workbook, for officers; more
    // than kMaxExportRows is refused on the count, before any project is viewed.
    Result<FileDownload> LedgerXlsx(const Actor& actor, const ProjectListQuery& query);
    Result<ProjectDetail> Get(const Actor& actor, Id id);

    Result<ProjectView> Claim(const Actor& actor, Id id, const ClaimInput& in);
    Result<ProjectView> Confirm(const Actor& actor, Id id);
    Result<ProjectView> Refuse(const Actor& actor, Id id, const std::string& reason);
    Result<ProjectView> Report(const Actor& actor, Id id, const ReportInput& in);
    Result<ProjectView> Complete(const Actor& actor, Id id, const std::string& note);

    // The workbench cards (WorkbenchService::AddProvider): officers — claims to confirm; secretaries —
    // projects to report on. Nothing for other roles.
    void Cards(const Actor& actor, std::vector<WorkCard>& cards);

    // The attachment store's rules for a project's photos (app/attachments): every party reads them;
    // the owner and the office add while the project is not completed; the office removes anyone's.
    // `report_id` (0 = the project itself) must be one of its progress reports.
    Result<OwnerAccess> AttachmentAccess(const Actor& actor, Id id, Id report_id);

    // For campaigns: the project's unit and title when it has a unit (confirmed or created with one).
    std::optional<ProjectSubject> SubjectOf(Id id);

    // Recomputes every active project's colour for `today` (YYYY-MM-DD); returns how many changed.
    Result<std::int64_t> Recolour(const std::string& today);

private:
    // The projects the query's filters find in the caller's reach, newest first (store_mutex_ held,
    // colours current); `from` and `count` pick the views built (their milestones are read) — none when
    // more than `max_total` match (only `total` is set).
    ProjectListPage FindLocked(const Actor& actor, const ProjectListQuery& query, std::size_t from, std::size_t count,
                               std::size_t max_total = SIZE_MAX);
    struct Parties;
    Parties PartiesOf(const Actor& actor, const core::projects::Project& p) const;
    // The actions `parties` may take on a project in `state` (complete only when `milestones_done`).
    static std::vector<std::string> ActionsOf(const Parties& parties, core::projects::State state, bool milestones_done);
    static Parties PartiesIn(const core::roster::RegionTree& tree, const Actor& actor, const core::projects::Project& p);
    ProjectView ViewOf(const Actor& actor, core::projects::Project p,
                       const std::vector<core::projects::Milestone>& milestones) const;
    // Loads the project and checks that `party`-side action is allowed (caller holds the lock).
    Result<core::projects::Project> Load(const Actor& actor, Id id, core::projects::Action action);
    Result<std::vector<core::projects::Milestone>> Plan(const std::vector<core::projects::MilestoneInput>& in,
                                                        const core::CivilDate& start) const;
    Status CheckOwner(Id person_id, Id unit_id) const;
    // Writes the project (colour recomputed), a timeline event and an audit entry.
    void Save(const Actor& actor, core::projects::Project& p, const std::string& action,
              core::projects::State from, const std::string& note, const std::string& detail);
    void Notify(const std::vector<Id>& users, const std::string& kind, const std::string& title,
                const std::string& body, Id project_id);
    void EnsureColouredLocked();
    std::int64_t RecolourLocked(const core::CivilDate& today);

    core::ports::ProjectStore& projects_;
    core::ports::TicketStore& tickets_;
    const core::calendar::WorkCalendar& calendar_;
    ProjectFiles files_;
    std::string coloured_on_;  // guarded by store_mutex_
};

}  // namespace lingyan::app
