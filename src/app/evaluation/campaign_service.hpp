#pragma once
// CampaignService: evaluation campaigns (考核/创争活动) — create one from a built-in template or
// a FRAMEWORK.json, enter facts, compute the ranking board (晾晒比拼) with the scoring engine,
// explain a subject's total, publish (freeze) and reopen as a new version, export award lists.
//
// Scope: a campaign belongs to a scope unit. A caller may read it when that unit is inside the
// caller's scope or the caller's scope is inside it (a town sees its county's board); reads
// otherwise answer not_found. Managing (create, publish, reopen) needs role admin, county or
// town and the campaign inside the caller's scope; entering facts needs every subject inside
// the caller's scope (forbidden otherwise); role judge may only enter `judges` scores, under
// its own name. Draft campaigns are visible to managers and judges only.
//
// Every change of facts, publishing and reopening writes one audit entry (who, when, what,
// before/after, why) in the same transaction.
//
// Thread-safety: all methods may be called concurrently. Database access is serialized by the
// shared store mutex; evaluated boards are cached per campaign as immutable snapshots, rebuilt
// after a change, so reads of a board do not touch the database.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/common/kept.hpp"
#include "app/common/use_case_base.hpp"
#include "app/evaluation/evaluation_files.hpp"
#include "app/roster/roster_service.hpp"
#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/evaluation/engine.hpp"
#include "core/evaluation/framework.hpp"
#include "core/evaluation/standing.hpp"
#include "core/evaluation/templates.hpp"
#include "core/ports/evaluation_store.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

// The status of a campaign whose result is published (frozen); a draft is "draft".
inline constexpr const char* kPublished = "published";

// A subject is a unit (unit_id), a person (person_id; the person's unit is looked up) or a project
// (project_id; its unit and title are looked up through SetProjects — app/projects).
struct SubjectSpec {
    Id unit_id = 0;
    std::string label;  // optional display name (a project's title); "" = the unit's/person's/project's name
    Id person_id = 0;
    std::string track;  // 赛道, "" = none; must be one of the campaign's tracks
    Id project_id = 0;
};

struct AwardQuota {
    std::string name;  // an award of the framework
    int quota = 0;
    std::optional<double> min_total;
};

struct NewCampaign {
    std::string name;
    Id scope_unit_id = 0;        // 0 = the caller's scope unit
    std::string template_key;    // a built-in template, or
    std::string framework_json;  // a FRAMEWORK.json document
    std::string cycle_kind;      // month, quarter, year
    std::string cycle_label;     // 2021-07, 2021-Q3, 2021
    std::vector<SubjectSpec> subjects;
    std::vector<AwardQuota> quotas;  // overrides of the framework's award quotas, by name
    std::vector<core::ports::TrackRecord> tracks;
};

// Tracks, bands and the negative list of a campaign (what published county schemes add). Only
// a draft campaign takes new settings.
struct CampaignSettings {
    std::vector<core::ports::TrackRecord> tracks;
    std::vector<std::pair<Id, std::string>> subject_tracks;  // subject id → track ("" = none); others keep theirs
    std::vector<core::ports::BandRecord> bands;
    std::optional<core::evaluation::NegativeListSpec> negative;
};

// One fact to enter. `value` nullopt removes the fact. `judge` names the judge of a `judge`
// score (default: the caller's user name; ignored for role judge, who always scores as self).
struct FactInput {
    int row = 0;  // 1-based position in the request, used in row errors
    Id subject_id = 0;
    std::string criterion;
    std::string key;
    std::optional<std::string> value;
    std::string judge;
};

struct FactOutcome {
    int inserted = 0, updated = 0, removed = 0, unchanged = 0;
    std::string layout;            // of an imported workbook: "long" or "wide"
    std::vector<RowError> errors;  // non-empty: nothing was written
};

struct CampaignSubject {
    core::ports::CampaignSubjectRecord record;
    std::string name;       // label or unit name
    std::string unit_name;  // the unit's own name
    Id town_id = 0;         // nearest town/county ancestor-or-self, for filters; 0 if none
    std::string town_name;
    int track = -1;  // index into CampaignDetail::tracks
};

struct CampaignSummary {
    core::ports::CampaignRecord campaign;
    std::string scope_unit_name;
    std::string framework_name;
    int framework_version = 1;
    std::string template_key;
    std::size_t subject_count = 0;
};

struct CampaignDetail {
    CampaignSummary summary;
    std::shared_ptr<const core::evaluation::CompiledFramework> framework;
    std::vector<CampaignSubject> subjects;
    std::size_t fact_count = 0;
    std::vector<core::ports::TrackRecord> tracks;
    std::vector<core::ports::BandRecord> bands;
    std::optional<core::evaluation::NegativeListSpec> negative;
    std::vector<core::ports::OwnerRecord> owners;
};

struct BoardRow {
    std::size_t subject_idx = 0;  // into CampaignDetail::subjects
    const core::evaluation::SubjectResult* result = nullptr;
    std::string award;              // "" = none
    std::int64_t gap_to_best = 0;   // cents behind the first subject (0 for it)
    std::int64_t gap_to_above = 0;  // cents behind the subject one place above (0 for the first)
    std::vector<double> top_s;      // s of each top-level criterion (radar chart), roots order
    int track_rank = 0;             // rank within the subject's track (the overall rank without one)
    int band = -1;                  // index into CampaignDetail::bands, -1 = no bands
};

// One entry of the negative list (躺平奖), worst first.
struct NegativeEntry {
    std::size_t subject_idx = 0;
    double value = 0;  // the criterion's s, or the total
};

// A (possibly filtered) ranking board. Ranks and gaps are those of the whole campaign; a filter
// only chooses which rows are shown. Rows and pointers stay valid while `snapshot` lives.
struct Board {
    CampaignDetail detail;
    std::shared_ptr<const void> snapshot;
    const core::evaluation::Evaluation* evaluation = nullptr;
    std::vector<BoardRow> rows;
    // Leaves whose judges have scored but too few to trim yet ("subject name: criterion id");
    // they count as missing until complete, and publishing is refused while any remain.
    std::vector<std::string> pending;
    std::vector<NegativeEntry> negative;  // the whole campaign's, whatever the filter
    int negative_overflow = 0;
};

struct SubjectExplanation {
    Board board;  // rows: exactly this subject
    core::evaluation::Explanation explanation;
    std::string best_name, above_name;  // "" when this subject is first
};

struct PublishOutcome {
    CampaignSummary summary;
    std::string snapshot;  // the frozen board as JSON text
};

// A project as a campaign subject: its unit and title (nullopt: no such project with a unit).
struct ProjectRef {
    Id unit_id = 0;
    std::string title;
};
using ProjectLookup = std::function<std::optional<ProjectRef>(Id project_id)>;

class CampaignService : UseCaseBase {
public:
    CampaignService(core::ports::Store& store, core::ports::CampaignStore& campaigns,
                    core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock, const RosterService& roster,
                    EvaluationFiles files);

    const std::vector<core::evaluation::Template>& Templates() const { return templates_; }
    // How project subjects are found (composition: ProjectService::SubjectOf). Called before any
    // lock of this service is taken. Without it, a project subject is refused.
    void SetProjects(ProjectLookup lookup) { projects_lookup_ = std::move(lookup); }

    Result<CampaignDetail> Create(const Actor& actor, const NewCampaign& spec);
    // Campaigns the caller may read, newest first.
    Result<std::vector<CampaignSummary>> List(const Actor& actor);
    Result<CampaignDetail> Get(const Actor& actor, Id campaign_id);

    // Enters facts all-or-nothing: every row is checked first (unknown subject, criterion or key,
    // bad value, duplicates within the request) and reported; nothing is written if any fails.
    // A published campaign refuses changes (conflict) until reopened.
    // `check_only` reports the row errors without writing (to list them together with a file's own).
    Result<FactOutcome> EnterFacts(const Actor& actor, Id campaign_id, const std::vector<FactInput>& facts,
                                   const std::string& reason, bool check_only = false);

    // Enters the facts of an uploaded workbook (either layout), all or nothing: subjects are
    // found by name (or id; a name two subjects share must be given by id). The caller's role and
    // the campaign's state are checked before the file is read; the file's own problems and the
    // checks of its other rows are reported together. `layout` of the outcome says which layout.
    Result<FactOutcome> ImportFacts(const Actor& actor, Id campaign_id, const std::string& bytes);
    // The campaign's wide template with the current values filled in.
    Result<FileDownload> FactsTemplate(const Actor& actor, Id campaign_id);
    // The award list, the ranking and the negative list as .xlsx.
    Result<FileDownload> AwardsWorkbook(const Actor& actor, Id campaign_id);
    // A framework as FRAMEWORK.json text.
    std::string FrameworkJson(const core::evaluation::Framework& framework) const {
        return files_.framework_json(framework);
    }

    // The stored facts, for data-entry grids; `subject_id` 0 = all subjects. Role judge sees only
    // its own judges scores.
    Result<std::vector<core::ports::FactRecord>> Facts(const Actor& actor, Id campaign_id, Id subject_id);

    // The ranking board, optionally only subjects under `unit_filter` (a town or county).
    Result<Board> Ranking(const Actor& actor, Id campaign_id, std::optional<Id> unit_filter);
    Result<SubjectExplanation> Explain(const Actor& actor, Id campaign_id, Id subject_id);

    // Freezes the campaign and stores its board as the result of the current version.
    Result<PublishOutcome> Publish(const Actor& actor, Id campaign_id);
    // Reopens a published campaign as a new version (facts may change again); `reason` required.
    Result<CampaignSummary> Reopen(const Actor& actor, Id campaign_id, const std::string& reason);

    // The stored snapshot of the last publication, if any.
    Result<std::optional<core::ports::ResultSnapshot>> LatestResult(const Actor& actor, Id campaign_id);

    // Replaces the framework of a draft campaign that has no facts yet (a new framework version);
    // once the first fact is entered the framework is locked (conflict).
    Result<CampaignDetail> ReplaceFramework(const Actor& actor, Id campaign_id, const std::string& template_key,
                                            const std::string& framework_json, const std::vector<AwardQuota>& quotas);
    // Tracks, bands and the negative list; draft campaigns only; audited with before/after.
    Result<CampaignDetail> UpdateSettings(const Actor& actor, Id campaign_id, const CampaignSettings& settings,
                                          const std::string& reason);
    // Criterion owners and entry windows: the owner alone enters the facts of the criterion and
    // of everything below it, between opens_on and closes_on (local dates, inclusive).
    Result<CampaignDetail> SetOwners(const Actor& actor, Id campaign_id,
                                     const std::vector<core::ports::OwnerRecord>& owners);

    // Follow-up actions for subjects in a band marked follow_up (a leader, a deadline).
    Result<std::vector<core::ports::CampaignFollowUpRecord>> FollowUps(const Actor& actor, Id campaign_id);
    Result<core::ports::CampaignFollowUpRecord> AddFollowUp(const Actor& actor, Id campaign_id,
                                                            const core::ports::CampaignFollowUpRecord& followup);
    Result<core::ports::CampaignFollowUpRecord> CloseFollowUp(const Actor& actor, Id campaign_id, Id followup_id,
                                                              const std::string& outcome);

    // Enters the facts of a `target` or `growth` criterion from the unit metrics of the campaign's
    // year, cumulated up to `month`: target → actual and target; growth → actual and base (the
    // same months of the year before). Subjects without data are reported and left unchanged.
    struct MetricFill {
        FactOutcome outcome;
        std::vector<std::string> skipped;  // subject names without data
    };
    Result<MetricFill> FactsFromMetric(const Actor& actor, Id campaign_id, const std::string& criterion,
                                       const std::string& metric, int month);

    // The yearly-review grades (优秀/称职/基本称职/不称职, core::evaluation::ReviewGrade) of the people
    // who are subjects of a published campaign, for the ladder's review. Conflict while a draft.
    Result<std::vector<std::pair<Id, std::string>>> PersonGrades(const Actor& actor, Id campaign_id);

    // Finds a campaign by name (for idempotent demo loading); 0 if none.
    Id FindByName(const std::string& name);
    // Drops every evaluated board: the next read rebuilds it from the database (the change feed
    // calls it when another server changed a campaign, issue 15).
    void Reload();

private:
    struct Computed;
    std::shared_ptr<const Computed> Load(Id campaign_id);
    std::shared_ptr<const Computed> Build(Id campaign_id);  // caller holds store_mutex_
    // Fills pending, sheet and evaluation from detail and facts (no I/O).
    static void Score(Computed& computed);
    void Invalidate(Id campaign_id);
    bool CanRead(const Actor& actor, const core::ports::CampaignRecord& c) const;
    bool CanManage(const Actor& actor, Id scope_unit) const;
    Result<Board> BoardOf(std::shared_ptr<const Computed> computed, std::optional<Id> unit_filter) const;
    void Audit(const Actor& actor, const std::string& action, Id campaign_id, const std::string& detail);
    Result<core::evaluation::Framework> ResolveFramework(const std::string& template_key,
                                                         const std::string& framework_json,
                                                         const std::vector<AwardQuota>& quotas) const;
    // Loads a campaign a manager may change while it is a draft (under store_mutex_).
    Result<std::shared_ptr<const Computed>> LoadDraftForManager(const Actor& actor, Id campaign_id);

    core::ports::CampaignStore& campaigns_;
    EvaluationFiles files_;
    std::vector<core::evaluation::Template> templates_;
    std::mutex cache_mutex_;
    std::map<Id, std::shared_ptr<const Computed>> cache_;
    // Bumped by every Reload/Invalidate: a board built from reads that began before one is
    // returned but not kept (another server's change may have landed after those reads).
    std::uint64_t generation_ = 0;
    // The campaign records List reads, kept while this process writes nothing and for at most a
    // second (app/common/kept.hpp; the change feed's Reload drops them at once).
    Kept<int, std::shared_ptr<const std::vector<core::ports::CampaignRecord>>> listed_{1000, 1};
    ProjectLookup projects_lookup_;
};

// Money-like display of cents: 8267 → "82.67".
std::string CentsText(std::int64_t cents);

}  // namespace lingyan::app
