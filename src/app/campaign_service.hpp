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

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/roster_service.hpp"
#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/ports/campaign_store.hpp"
#include "core/ports/store.hpp"
#include "core/scoring/engine.hpp"
#include "core/scoring/framework.hpp"
#include "core/scoring/templates.hpp"

namespace lingyan::app {

// FRAMEWORK.json ⇄ Framework, provided at wiring time by the exchange layer (the app layer has
// no JSON library). `parse` reads and compiles; errors are errc::kInvalid.
struct FrameworkCodec {
    std::function<Result<core::scoring::CompiledFramework>(std::string_view)> parse;
    std::function<std::string(const core::scoring::Framework&)> to_json;
};

struct SubjectSpec {
    Id unit_id = 0;
    std::string label;  // optional display name (a project's title); "" = the unit's name
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
    std::vector<RowError> errors;  // non-empty: nothing was written
};

struct CampaignSubject {
    core::ports::CampaignSubjectRecord record;
    std::string name;       // label or unit name
    std::string unit_name;  // the unit's own name
    Id town_id = 0;         // nearest town/county ancestor-or-self, for filters; 0 if none
    std::string town_name;
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
    std::shared_ptr<const core::scoring::CompiledFramework> framework;
    std::vector<CampaignSubject> subjects;
    std::size_t fact_count = 0;
};

struct BoardRow {
    std::size_t subject_idx = 0;  // into CampaignDetail::subjects
    const core::scoring::SubjectResult* result = nullptr;
    std::string award;                 // "" = none
    std::int64_t gap_to_best = 0;      // cents behind the first subject (0 for it)
    std::int64_t gap_to_above = 0;     // cents behind the subject one place above (0 for the first)
    std::vector<double> top_s;         // s of each top-level criterion (radar chart), roots order
};

// A (possibly filtered) ranking board. Ranks and gaps are those of the whole campaign; a filter
// only chooses which rows are shown. Rows and pointers stay valid while `snapshot` lives.
struct Board {
    CampaignDetail detail;
    std::shared_ptr<const void> snapshot;
    const core::scoring::Evaluation* evaluation = nullptr;
    std::vector<BoardRow> rows;
    // Leaves whose judges have scored but too few to trim yet ("subject name: criterion id");
    // they count as missing until complete, and publishing is refused while any remain.
    std::vector<std::string> pending;
};

struct SubjectExplanation {
    Board board;  // rows: exactly this subject
    core::scoring::Explanation explanation;
    std::string best_name, above_name;  // "" when this subject is first
};

struct PublishOutcome {
    CampaignSummary summary;
    std::string snapshot;  // the frozen board as JSON text
};

class CampaignService {
public:
    CampaignService(core::ports::Store& store, core::ports::CampaignStore& campaigns, std::mutex& store_mutex,
                    const core::ports::Clock& clock, const RosterService& roster, FrameworkCodec codec);

    const std::vector<core::scoring::Template>& Templates() const { return templates_; }

    Result<CampaignDetail> Create(const Actor& actor, const NewCampaign& spec);
    // Campaigns the caller may read, newest first.
    Result<std::vector<CampaignSummary>> List(const Actor& actor);
    Result<CampaignDetail> Get(const Actor& actor, Id campaign_id);

    // Enters facts all-or-nothing: every row is checked first (unknown subject, criterion or key,
    // bad value, duplicates within the request) and reported; nothing is written if any fails.
    // A published campaign refuses changes (conflict) until reopened.
    Result<FactOutcome> EnterFacts(const Actor& actor, Id campaign_id, const std::vector<FactInput>& facts,
                                   const std::string& reason);

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

    // Finds a campaign by name (for idempotent demo loading); 0 if none.
    Id FindByName(const std::string& name);

private:
    struct Computed;
    std::shared_ptr<const Computed> Load(Id campaign_id);
    std::shared_ptr<const Computed> Build(Id campaign_id);  // caller holds store_mutex_
    // Fills pending, sheet and evaluation from detail and facts (no I/O).
    static void Score(Computed& computed);
    void Invalidate(Id campaign_id);
    bool CanRead(const Actor& actor, const core::ports::CampaignRecord& c) const;
    bool CanManage(const Actor& actor, Id scope_unit) const;
    bool InScope(const Actor& actor, Id unit) const;
    Result<Board> BoardOf(std::shared_ptr<const Computed> computed, std::optional<Id> unit_filter) const;
    void Audit(const Actor& actor, const std::string& action, Id campaign_id, const std::string& detail);

    core::ports::Store& store_;
    core::ports::CampaignStore& campaigns_;
    std::mutex& store_mutex_;
    const core::ports::Clock& clock_;
    const RosterService& roster_;
    FrameworkCodec codec_;
    std::vector<core::scoring::Template> templates_;
    std::mutex cache_mutex_;
    std::map<Id, std::shared_ptr<const Computed>> cache_;
};

// Money-like display of cents: 8267 → "82.67".
std::string CentsText(std::int64_t cents);

}  // namespace lingyan::app
