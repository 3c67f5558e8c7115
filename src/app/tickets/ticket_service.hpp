#pragma once
// TicketService: the closed loop (交办 → 督办 → 查办). Items raised at meetings, on 民情 visits, at
// 百姓议事堂 or from the hotline become tickets; the office assigns them to a unit with a responsible
// leader and a working-day deadline; the unit signs, works (progress notes), reports done; the office
// verifies (accept or send back) and calls back the raiser (satisfied closes, dissatisfied reopens).
// Extensions, reassignment, merging duplicates and splitting are office decisions; nothing is deleted.
//
// Parties (core/tickets/workflow.hpp) from the caller's role and scope:
//   office  — an officer (admin, county, town) whose scope holds the ticket's office unit (the
//             subject unit until assigned, then the assigning officer's unit);
//   handler — the secretary of a unit in whose scope the handling unit lies, or the officer of
//             exactly that unit (a town's own office);
//   raiser  — the user who registered it (members see only what they raised).
// Officers and secretaries also read every ticket whose subject, office or handling unit is in
// scope. Out of scope answers as not found.
//
// Every change is one transaction: the ticket row, its scope rows, a timeline event and a
// hash-chained audit entry. Colours are recomputed on each change and, for all running tickets,
// once per day (the first read of a new day, or Recolour); a ticket turning red notifies its
// responsible leader and the handling unit's accounts.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/attachments/attachment_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/tickets/hotline.hpp"
#include "app/workbench/workbench_service.hpp"
#include "core/calendar/work_calendar.hpp"
#include "core/ports/ticket_store.hpp"
#include "core/tickets/ticket.hpp"

namespace lingyan::app {

struct TicketView {
    core::tickets::Ticket ticket;
    std::string subject_unit, office_unit, handler_unit;  // names
    std::string source_title;                             // the meeting's or 议事堂 record's title
    std::vector<std::string> actions;                     // ActionNames the caller may take now
    int working_days_left = 0;                            // running tickets: working days to the deadline (< 0 overdue)
};

struct TicketDetail {
    TicketView view;
    std::vector<core::ports::TicketEvent> events;
    std::vector<TicketView> children;  // split into / merged from
    std::optional<core::ports::HotlineCall> hotline;  // imported from a 12345 hotline export
};

struct TicketListPage {
    std::vector<TicketView> items;
    std::int64_t total = 0;
    core::ports::ColourCounts colours{};  // running tickets of the same scope, per colour
};

struct NewTicket {
    core::tickets::Source source = core::tickets::Source::kMinqing;
    Id source_id = 0;
    std::string title, detail, category = "other", location, raiser_name, raiser_phone;
    core::tickets::Priority priority = core::tickets::Priority::kNormal;
    Id subject_unit_id = 0;
};

struct AssignInput {
    Id unit_id = 0;
    std::string leader;
    Id leader_user_id = 0;
    int days = 0;          // working days; 0 = by category and priority
    std::string deadline;  // a hand-set deadline (a working day), instead of days
};

struct SplitPart {
    std::string title;
    AssignInput assign;  // unit_id 0: registered, not yet assigned
};

// One workflow step. Which fields are read depends on the action.
struct TicketAction {
    core::tickets::Action action = core::tickets::Action::kNote;
    std::string note;            // note, report, send_back, call-backs, extension reason (required where said)
    AssignInput assign;          // assign, reassign
    int extension_days = 0;      // request_extension
    Id merge_into = 0;           // merge
    std::vector<SplitPart> parts;  // split (2–20)
};


struct TicketListQuery {
    std::optional<core::tickets::State> state;
    std::optional<core::tickets::Colour> colour;
    std::optional<core::tickets::Source> source;
    Id source_id = 0;
    std::optional<bool> open;
    std::string q;
    Id unit = 0;  // 0 = the caller's scope
    int page = 1, per_page = 20;
};

struct TalkFlag {
    Id unit_id = 0;
    std::string unit;
    std::int64_t reds = 0;
};

struct BoardView {
    TicketListPage page;
    std::vector<TalkFlag> talks;  // units with talk_reds or more reds in the current period
    std::string period_from;
    core::tickets::ColourRules rules;
};

struct MeetingView {
    core::tickets::Meeting meeting;
    std::string unit;
    std::int64_t items = 0, closed = 0;
};

struct MeetingDetail {
    MeetingView view;
    std::vector<TicketView> items;
};

struct DeliberationView {
    core::tickets::Deliberation record;
    std::string unit;
    std::vector<TicketView> items;
};

struct UnitStats {
    Id unit_id = 0;
    std::string unit;
    std::int64_t received = 0, closed = 0, on_time = 0, overdue = 0, open = 0;
    double avg_days_to_close = 0;  // working days from assignment to closing, closed tickets
    double on_time_rate = 0, satisfaction_rate = 0, reopen_rate = 0;  // 0..1
    int rank = 0;
};

struct TicketStats {
    int year = 0;
    std::string unit;
    std::int64_t meetings = 0, items = 0, closed = 0, received = 0;
    std::vector<UnitStats> units;       // ranked: on-time rate, then satisfaction, then fewer overdue
    std::vector<MeetingView> by_meeting;  // the year's meetings in scope
};

// File formats (exchange/tickets).
struct TicketFiles {
    std::function<std::string(const TicketStats&)> stats_xlsx;
    std::function<std::string(const TicketListPage&)> ledger_xlsx;
    std::function<std::string(const std::vector<MeetingView>&)> meetings_xlsx;
    std::function<std::string(const std::vector<DeliberationView>&)> deliberations_xlsx;
    // A 12345 hotline export (.xlsx); an `invalid` error naming "file" when it cannot be read at all.
    std::function<Result<HotlineSheet>(std::string_view bytes)> read_hotline;
    std::function<std::string()> hotline_template;
};

class TicketService : UseCaseBase {
public:
    // `calendar` decides every deadline and colour (the shipped China calendar in production).
    TicketService(core::ports::Store& store, core::ports::TicketStore& tickets, core::ports::StoreMutex& store_mutex,
                  const core::ports::Clock& clock, const RosterService& roster,
                  const core::calendar::WorkCalendar& calendar, TicketFiles files = {});

    // Registers an item (民情 quick capture, a meeting's item, a hotline call…). Officers and
    // secretaries raise within scope; members within their own unit. The source must exist in scope.
    Result<TicketView> Create(const Actor& actor, const NewTicket& in);
    // The training module's seminars as a ticket source (an item raised at a seminar becomes a
    // ticket in one action): the title of a seminar the caller may read, NotFound otherwise; called
    // with the store mutex held. Set at composition.
    void SetSeminars(std::function<Result<std::string>(const Actor&, Id)> seminar_title) {
        seminar_title_ = std::move(seminar_title);
    }
    // Registers and assigns in one step and one transaction (an officer at a meeting): when the
    // assignment is refused, nothing is registered.
    Result<TicketView> CreateAssigned(const Actor& actor, const NewTicket& in, const AssignInput& assign);
    Result<TicketDetail> Get(const Actor& actor, Id id);
    Result<TicketView> Act(const Actor& actor, Id id, const TicketAction& action);

    // What waits on the caller: officers — the office queue (to assign, verify, call back, extensions);
    // secretaries — their units' running tickets, red first; members — what they raised, still open.
    // The workbench cards (WorkbenchService::AddProvider): the caller's tasks by colour (red overdue,
    // yellow stalled, blue due within a day), as 我的任务 counts them; none for judges.
    void Cards(const Actor& actor, std::vector<WorkCard>& cards);
    Result<TicketListPage> MyTasks(const Actor& actor, std::optional<core::tickets::Colour> colour, int page,
                                   int per_page);
    // Every ticket the caller may read, newest first.
    Result<TicketListPage> List(const Actor& actor, const TicketListQuery& query);
    // 交办台账: every ticket of the list's filters (paging ignored) as a workbook, for officers; more
    // than kMaxExportRows is refused (narrow the filters).
    Result<FileDownload> LedgerXlsx(const Actor& actor, const TicketListQuery& query);
    // 督办: the running tickets handled in a unit's subtree (officers), red first, with the talk flags.
    Result<BoardView> Board(const Actor& actor, Id unit, std::optional<core::tickets::Colour> colour, int page,
                            int per_page);
    Result<TicketStats> Statistics(const Actor& actor, Id unit, int year);
    Result<FileDownload> StatisticsXlsx(const Actor& actor, Id unit, int year);

    // 12345 hotline export → registered tickets (source hotline), one per new 工单编号, in one
    // transaction (docs/hotline-import.md). Officers only, refused before `bytes` is read; larger
    // than kHotlineMaxBytes refused unread. Each row's unit (name or code) must be in the caller's
    // scope. Numbers imported before, or repeated in the file, are skipped and listed. `errors`
    // non-empty: nothing was written. With `dry_run` nothing is written either way (the preview).
    Result<HotlineOutcome> ImportHotline(const Actor& actor, const std::string& bytes, const std::string& filename,
                                         bool dry_run);
    Result<FileDownload> HotlineTemplate(const Actor& actor) const;
    // Whether the caller may import a hotline export (checked before an upload's body is read).
    Status CheckHotlineImport(const Actor& actor) const;

    Result<MeetingView> CreateMeeting(const Actor& actor, core::tickets::Meeting m);
    Result<std::vector<MeetingView>> ListMeetings(const Actor& actor, int year);
    // 会议台账: what ListMeetings gives for `year` (0: every year), as a workbook.
    Result<FileDownload> MeetingsXlsx(const Actor& actor, int year);
    Result<MeetingDetail> GetMeeting(const Actor& actor, Id id);
    Result<DeliberationView> CreateDeliberation(const Actor& actor, core::tickets::Deliberation d);
    Result<std::vector<DeliberationView>> ListDeliberations(const Actor& actor);
    // 议事堂台账: what ListDeliberations gives, as a workbook.
    Result<FileDownload> DeliberationsXlsx(const Actor& actor);
    Result<DeliberationView> GetDeliberation(const Actor& actor, Id id);

    Result<core::tickets::ColourRules> Rules(const Actor& actor);
    Result<core::tickets::ColourRules> SetRules(const Actor& actor, const core::tickets::ColourRules& rules);

    // The attachment store's rules for a ticket's photos and documents (app/attachments): every party
    // reads them; the raiser, the handling unit and the office add while the ticket is open; the
    // office removes anyone's file. `event_id` (0 = the ticket itself) must be one of its events.
    Result<OwnerAccess> AttachmentAccess(const Actor& actor, Id id, Id event_id);

    // Recomputes every running ticket's colour for `today` (YYYY-MM-DD); returns how many changed.
    // Runs by itself on the first read of each day.
    Result<std::int64_t> Recolour(const std::string& today);

private:
    struct Parties;
    // A new ticket from the input, validated and scope-checked (no database access).
    Result<core::tickets::Ticket> Prepare(const Actor& actor, const NewTicket& in) const;
    // One workflow step (caller holds store_mutex_ inside a transaction it commits on success).
    Result<TicketView> ActLocked(const Actor& actor, Id id, const TicketAction& action);
    Parties PartiesOf(const Actor& actor, const core::tickets::Ticket& t) const;
    // Recolours once a day: takes the store mutex exclusively only when today is not done yet.
    // Call without the store mutex, before a read takes it shared.
    void EnsureColoured();
    // Caller holds store_mutex_ exclusively.
    void EnsureColouredLocked();
    std::int64_t RecolourLocked(const core::CivilDate& today);
    std::vector<core::ports::ScopeRow> ScopeRowsOf(const core::tickets::Ticket& t) const;
    TicketView ViewOf(const Actor& actor, core::tickets::Ticket t) const;
    // The tickets raised from a 议事堂 record (newest first, at most `limit`); the store mutex is held.
    std::vector<TicketView> RaisedFrom(const Actor& actor, Id deliberation, int limit) const;
    TicketListPage PageOf(const Actor& actor, const core::ports::TicketPage& page) const;
    // The store filter of a list query: members read what they raised, others what is visible in the
    // unit (default: their scope), which must be in their scope.
    Result<core::ports::TicketFilter> FilterOf(const Actor& actor, const TicketListQuery& query) const;
    Result<core::tickets::Colour> ColourNow(const core::tickets::Ticket& t, const core::CivilDate& today) const;
    // Writes the ticket, its scope rows, a timeline event and an audit entry (inside a transaction).
    void Save(const Actor& actor, core::tickets::Ticket& t, const std::string& action, core::tickets::State from,
              const std::string& note, const std::string& detail);
    // `extra` (JSON members, e.g. "\"hotline\":\"…\"") joins the create event's detail.
    Result<Id> Insert(const Actor& actor, core::tickets::Ticket t, const std::string& extra = "");
    Status ApplyAssign(const Actor& actor, core::tickets::Ticket& t, const AssignInput& in,
                       const core::CivilDate& today);
    void Notify(const std::vector<Id>& users, const std::string& kind, const std::string& title,
                const std::string& body, Id ticket_id);
    Status CheckSource(const Actor& actor, core::tickets::Source source, Id source_id);

    core::ports::TicketStore& tickets_;
    const core::calendar::WorkCalendar& calendar_;
    TicketFiles files_;
    std::function<Result<std::string>(const Actor&, Id)> seminar_title_;
    std::string coloured_on_;  // the day the colours were last recomputed (guarded by store_mutex_)
};

}  // namespace lingyan::app
