#pragma once
// PointsService: party-member points (星级制积分) — the rules catalog, members submitting
// activities, secretaries approving or rejecting them with a reason, organizers recording an
// activity for many members at once, reversing events (corrections), 公示 of a branch, and the
// live leaderboards (totals, stars and ranks for any region subtree and category).
//
// The live period is the latest stored period (by start date); events must be dated inside it.
// The leaderboard (core::points::Leaderboard + PointsBook for caps) is built from the stored
// ledger on first use or Reload(), and updated at once on each approval, after the approval is
// committed, so that an acknowledged approval is durable and visible in every enclosing scope.
//
// Scope: approving, rejecting, reversing and bulk recording need role secretary, town, county or
// admin and the member's unit inside the caller's scope (forbidden otherwise); rule changes need
// admin or county. A member submits for itself (the member linked to its account); a manager may
// submit for a member in its scope. Reads outside the caller's scope answer not_found.
// Every approval, rejection, reversal, bulk record and rule change writes one audit entry in the
// same transaction.
//
// Thread-safety: all methods may be called concurrently. Database access is serialized by the
// shared store mutex (taken before the live-state lock); the live state has one writer at a time
// (under the store mutex) and many readers (shared lock). No lock is held across network I/O.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/roster_service.hpp"
#include "core/auth/scope.hpp"
#include "core/common/result.hpp"
#include "core/points/leaderboard.hpp"
#include "core/points/model.hpp"
#include "core/points/tally.hpp"
#include "core/ports/points_store.hpp"
#include "core/ports/store.hpp"

namespace lingyan::app {

namespace points = core::points;

struct NewPointsRule {
    std::string code, name, category;
    points::Points points = 0;
    std::optional<points::Points> cap;
    bool needs_approval = true;
    std::string evidence;
};

struct PointsRulePatch {
    std::optional<std::string> name, category, evidence;
    std::optional<points::Points> points;
    std::optional<std::optional<points::Points>> cap;  // set to nullopt-inside: remove the cap
    std::optional<bool> needs_approval, active;
};

struct SubmitActivity {
    core::roster::Id member_id = 0;  // 0: the caller's own member
    std::string rule;                // rule code
    std::string date;                // YYYY-MM-DD
    points::Points quantity = points::kOnePoint;
    std::string note;
};

struct BulkRecord {
    std::string rule, date, note;
    points::Points quantity = points::kOnePoint;
    std::vector<core::roster::Id> members;
};

struct BulkOutcome {
    std::vector<core::roster::Id> event_ids;
    std::vector<RowError> errors;  // non-empty: nothing was written (row = 1-based member position)
};

struct PointsEventView {
    core::ports::PointsEventRecord record;
    std::string member_name, unit_name, rule_code, rule_name, category;
    points::Points worth = 0;  // rule points × quantity (before caps)
};

struct MemberRef {
    core::roster::Id id = 0;
    std::string name;
    core::roster::Id unit_id = 0;
    std::string unit_name;
};

struct LeaderboardEntry {
    std::int64_t rank = 0;
    MemberRef member;
    points::Points total = 0;
    int stars = 0;
};

struct LeaderboardPage {
    core::roster::Id unit_id = 0;
    std::string unit_name, category;  // "" = overall
    std::int64_t size = 0;            // members in the subtree
    std::vector<LeaderboardEntry> entries;
};

struct ScopeRankView {
    core::roster::Id unit_id = 0;
    std::string unit_name;
    std::int64_t rank = 0, size = 0;
};

struct MemberRanks {
    MemberRef member;
    points::Points total = 0;
    int stars = 0;
    std::vector<ScopeRankView> ranks;  // own unit first, then each ancestor
};

struct StarDistribution {
    core::roster::Id unit_id = 0;
    std::string unit_name;
    std::vector<std::int64_t> counts;  // index = stars (0..thresholds)
    std::int64_t members = 0;
};

struct MyPoints {
    MemberRanks ranks;
    points::Points base_points = 0;
    std::vector<std::pair<std::string, points::Points>> by_category;
    std::vector<PointsEventView> events;  // newest first
};

struct Publicity {
    core::roster::Id unit_id = 0;
    std::string unit_name;
    int days = 7;
    std::string since;                    // ISO date-time
    std::vector<PointsEventView> events;  // approved within the window, newest first
    std::vector<LeaderboardEntry> totals;  // every member of the subtree, ranked
};

struct PeriodView {
    core::ports::PointsPeriodRecord record;
    std::vector<std::string> categories;
};

class PointsService {
public:
    PointsService(core::ports::Store& store, core::ports::PointsStore& points, std::mutex& store_mutex,
                  const core::ports::Clock& clock, const RosterService& roster);

    // Rebuilds the live state from the stored ledger (at start, after a seed or a rule change).
    void Reload();

    // The stored catalog and live period; seeds the default catalog and a period for the current
    // year when none exists (on first use).
    Result<std::vector<core::ports::PointsRuleRecord>> Rules(const Actor& actor);
    Result<PeriodView> Period(const Actor& actor);
    Result<core::ports::PointsRuleRecord> CreateRule(const Actor& actor, const NewPointsRule& rule);
    Result<core::ports::PointsRuleRecord> UpdateRule(const Actor& actor, core::roster::Id id,
                                                     const PointsRulePatch& patch);

    Result<PointsEventView> Submit(const Actor& actor, const SubmitActivity& input);
    Result<BulkOutcome> RecordBulk(const Actor& actor, const BulkRecord& input);
    Result<PointsEventView> Approve(const Actor& actor, core::roster::Id event_id);
    Result<PointsEventView> Reject(const Actor& actor, core::roster::Id event_id, const std::string& reason);
    Result<PointsEventView> Reverse(const Actor& actor, core::roster::Id event_id, const std::string& reason);

    // Pending events of members under `unit` (default: the caller's scope), oldest first.
    Result<std::vector<PointsEventView>> Approvals(const Actor& actor, std::optional<core::roster::Id> unit,
                                                   std::size_t limit);
    Result<LeaderboardPage> Leaderboard(const Actor& actor, std::optional<core::roster::Id> unit,
                                        const std::string& category, std::int64_t top);
    Result<MemberRanks> Ranks(const Actor& actor, core::roster::Id member_id, const std::string& category);
    Result<StarDistribution> Stars(const Actor& actor, std::optional<core::roster::Id> unit);
    Result<MyPoints> Me(const Actor& actor);
    Result<Publicity> PublicityOf(const Actor& actor, std::optional<core::roster::Id> unit, std::optional<int> days);

    // Seeding (demo, CLI): runs `fn` in one transaction under the store mutex, then reloads.
    void Seed(const std::function<void(core::ports::Store&, core::ports::PointsStore&)>& fn);

    // Checks the live totals against a fresh recount of the stored ledger with the reference
    // tally (core::points::TallyTotals / TallyByCategory); returns how many totals differ.
    std::size_t CompareWithRecount();

private:
    struct Live;
    std::shared_ptr<const Live> EnsureLoaded();
    void ReloadLocked();  // caller holds store_mutex_
    void EnsureCatalogLocked();
    // The event's member exists and lies in the caller's scope (not_found / forbidden otherwise).
    core::Status CheckEventMemberInScope(const Actor& actor, core::roster::Id member_id) const;
    bool InScope(const Actor& actor, core::roster::Id unit) const;
    Result<core::roster::Id> ScopeUnit(const Actor& actor, std::optional<core::roster::Id> unit) const;
    PointsEventView ViewOf(const Live& live, const core::ports::PointsEventRecord& e) const;
    MemberRef RefOf(const Live& live, points::MemberIdx m) const;
    Result<PointsEventView> Decide(const Actor& actor, core::roster::Id event_id, points::EventStatus status,
                                   const std::string& reason);
    void ApplyCounted(Live& live, const core::ports::PointsEventRecord& e);  // caller holds both locks
    void Audit(const Actor& actor, const std::string& action, const std::string& entity, core::roster::Id id,
               const std::string& detail);

    core::ports::Store& store_;
    core::ports::PointsStore& points_;
    std::mutex& store_mutex_;
    const core::ports::Clock& clock_;
    const RosterService& roster_;
    mutable std::shared_mutex live_mutex_;
    std::shared_ptr<Live> live_;  // guarded by live_mutex_
};

// The built-in catalog modelled on published county schemes (溧阳 星级制): 学习活动, 志愿服务,
// 带头致富, 环境整治, 纠纷调处 and 负面清单.
std::vector<NewPointsRule> DefaultPointsRules();

}  // namespace lingyan::app
