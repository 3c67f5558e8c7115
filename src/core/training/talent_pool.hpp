#pragma once
// Talent pools (梯队/人才库) such as 薪火计划's 标杆书记 (20), 兴村特岗书记 (40: age ≤ 35, agency
// mid-level cadres) and 青年尖兵村干 (70): eligibility rules with the reason for every verdict,
// membership states with their legal transitions and history, and quota checks per pool and
// per town. Pure values and functions, no I/O; the caller persists what they return.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/honours/honour.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::training {

using roster::Id;

// Party standing, lowest first. When adding a value, also update PartyStandingName.
enum class PartyStanding { kNone, kProbationary, kFull };  // 群众/其他, 预备党员, 正式党员

// What the rules look at, taken from the roster (Person, Position) by the caller.
struct Candidate {
    Id person_id = 0;
    std::string name;
    Id town_id = 0;                 // for per-town quotas
    std::string birth_date;         // YYYY-MM-DD, or YYYY-MM when only the month is known
    roster::Education education = roster::Education::kHighSchool;
    std::string current_post;       // e.g. 机关中层, 村书记, 村委委员
    std::string post_start_date;    // YYYY-MM-DD; empty when not in a post
    PartyStanding party = PartyStanding::kNone;
    std::vector<honours::Honour> honours;  // the person's titles (read only when a rule asks)
};

// Every rule is optional; an absent rule is not checked and not reported.
struct EligibilityRules {
    std::optional<int> min_age;
    std::optional<int> max_age;                       // inclusive: "35 周岁以下" → 35
    std::optional<roster::Education> min_education;
    std::vector<std::string> allowed_posts;           // empty = any post
    std::optional<int> min_years_in_post;             // whole years on the check date
    PartyStanding min_party = PartyStanding::kNone;
    std::optional<honours::HonourRule> honour;        // e.g. 市级金牌书记 in the last 3 years
};

struct RuleCheck {
    std::string rule;    // stable code: age, education, post, years_in_post, party, honour
    bool passed = false;
    std::string reason;  // Chinese sentence with the numbers, e.g. "年龄 36 岁，超过上限 35 岁"
};

struct EligibilityReport {
    bool eligible = true;           // all checks passed
    std::vector<RuleCheck> checks;  // in the order age, education, post, years_in_post, party, honour
};

// Checks a candidate against the rules on date `as_of` (YYYY-MM-DD). Returns an Error only for
// unusable input (bad dates); a failing rule is a report with eligible = false.
Result<EligibilityReport> CheckEligibility(const EligibilityRules& rules, const Candidate& candidate,
                                           const std::string& as_of);

struct TalentPool {
    Id id = 0;
    std::string name;                 // 兴村特岗书记
    int quota = 0;                    // places held by members in a holding state
    std::map<Id, int> town_quota;     // optional per-town limits (town id → places)
    EligibilityRules rules;
};

// Membership life cycle. When adding a state, also update MemberStateName, MemberStateLabel,
// CanTransition and HoldsPlace.
enum class MemberState { kNominated, kSelected, kInTraining, kGraduated, kAppointed, kLeft };

const char* MemberStateName(MemberState state);   // nominated, selected, in_training, …
const char* MemberStateLabel(MemberState state);  // 已提名, 已入库, 培养中, 已结业, 已任用, 已退出
const char* PartyStandingName(PartyStanding standing);

// Legal moves: nominated→selected|left, selected→in_training|left, in_training→graduated|left,
// graduated→appointed|left, appointed→left. `left` is final.
bool CanTransition(MemberState from, MemberState to);

// Selected, in training and graduated members hold one of the pool's places; nominees wait
// for one, and appointment (to a secretary post) or leaving frees it.
bool HoldsPlace(MemberState state);

struct StateChange {
    MemberState from = MemberState::kNominated;
    MemberState to = MemberState::kNominated;
    std::string date;  // YYYY-MM-DD
    std::string note;
};

struct Membership {
    Id pool_id = 0;
    Id person_id = 0;
    Id town_id = 0;
    MemberState state = MemberState::kNominated;
    std::string nominated_on;
    std::string override_reason;     // why an ineligible candidate was selected anyway
    std::vector<StateChange> history;
};

struct QuotaUse {
    int quota = 0;
    int used = 0;
    std::map<Id, int> used_by_town;
};
// Counts the pool's members that hold a place.
QuotaUse CountQuotaUse(const TalentPool& pool, const std::vector<Membership>& members);

// A new nomination (state kNominated). Refuses a person already in the pool unless they left.
Result<Membership> Nominate(const TalentPool& pool, const std::vector<Membership>& members,
                            const Candidate& candidate, const std::string& date);

// Moves `member` to `to` on `date`. Selection (→ kSelected) re-checks eligibility on that date
// and the pool's and town's quotas: an ineligible candidate is refused (errc::kConflict) unless
// `override_reason` is non-empty, which is then recorded; a full quota is always refused.
// Dates must not go backwards. Returns the updated membership; `member` is not modified.
Result<Membership> Transition(const TalentPool& pool, const std::vector<Membership>& members,
                              const Membership& member, const Candidate& candidate, MemberState to,
                              const std::string& date, const std::string& note = {},
                              const std::string& override_reason = {});

}  // namespace lingyan::core::training
