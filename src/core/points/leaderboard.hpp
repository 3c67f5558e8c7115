#pragma once
// Live leaderboards (晾晒比拼) over the region tree: totals per member, overall and per category,
// with a member's rank in every enclosing scope (branch, grid, village, town, county, city …) and
// top-N pages of any subtree. Applying one approved event updates every enclosing leaderboard at
// once: for each of the member's ancestor units (and for the overall and the category slot) one
// order-statistic multiset (ScoreMultiset) replaces the old total by the new one.
//
// Members are laid out in pre-order of their units, so a scope's members are one contiguous
// range of the score arrays; pages scan that range for the values above the page's threshold.
//
// Thread-safety: none inside. The owner is a single writer (a strand or one thread) that calls
// Apply/Load; reads (Rank, Page, Total …) may run concurrently with each other but never with a
// write. A server keeps one writer copy and publishes immutable snapshots (copies) for readers,
// or serializes reads on the writer's strand.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/points/model.hpp"
#include "core/points/score_multiset.hpp"
#include "core/points/tally.hpp"
#include "core/points/unit_tree.hpp"

namespace lingyan::core::points {

class Leaderboard {
public:
    static constexpr int kOverall = -1;  // the category argument for the overall total

    // `member_unit[m]` is member m's unit in `tree`, or kNoUnit for a member not on the board
    // (one removed before; see RemoveMember); `category_count` categories besides the overall
    // total. All totals start at 0.
    Leaderboard(UnitTree tree, std::vector<UnitIdx> member_unit, int category_count);

    // Replaces every total at once (a recount or a restart): `overall[m]`, and
    // `by_category[c][m]` for each category (may be empty when category_count is 0); those of
    // members not on the board are ignored.
    void Load(std::span<const Points> overall, const std::vector<std::vector<Points>>& by_category);

    // Adds `delta` (already clipped to the rule's cap, see CappedDelta / PointsBook) to the
    // member's overall total and to its total in `category`, updating every enclosing scope.
    void Apply(MemberIdx member, int category, Points delta);
    // Like Apply, with different changes to the overall total and to the category total: a
    // county scheme (base points, 清零) shapes the overall total, while a category keeps the
    // plain sum of its rules.
    void ApplySplit(MemberIdx member, int category, Points overall_delta, Points category_delta);

    Points Total(MemberIdx member, int category = kOverall) const;
    // 1 + how many members of `scope`'s subtree have a greater total; the member must be inside.
    std::int64_t Rank(MemberIdx member, UnitIdx scope, int category = kOverall) const;
    struct ScopeRank {
        UnitIdx scope;
        std::int64_t rank;
        std::int64_t size;
    };
    // The member's rank in its own unit and in every ancestor, nearest first.
    std::vector<ScopeRank> Ranks(MemberIdx member, int category = kOverall) const;

    struct Entry {
        std::int64_t rank;
        MemberIdx member;
        Points total;
    };
    // Entries [offset, offset + limit) of `scope`'s subtree by total descending; ties share the
    // better rank and are listed in tree order (units in pre-order, then member index).
    std::vector<Entry> Page(UnitIdx scope, std::int64_t offset, std::int64_t limit, int category = kOverall) const;
    std::int64_t ScopeSize(UnitIdx scope) const;

    struct TopPage {
        std::vector<Entry> entries;
        std::int64_t overflow = 0;  // entries beyond n, all tied with the n-th (SPEC ranking semantics)
        bool truncated = false;     // more were tied than max_extra allowed: the tie is cut
    };
    // The top `n` of `scope`'s subtree with every member tied with the n-th included (at most
    // `max_extra` of them beyond n, so that a page of a county where thousands share a total
    // stays bounded; `truncated` says when that bound cut a tie).
    TopPage TopWithTies(UnitIdx scope, std::int64_t n, std::int64_t max_extra, int category = kOverall) const;

    // The methods that take a member (Total, Rank, Ranks, Apply, MoveMember, RemoveMember …) want
    // one on the board; OnBoard and UnitOf (kNoUnit when off it) answer for any.
    const UnitTree& tree() const { return tree_; }
    std::size_t member_count() const { return member_unit_.size(); }  // on the board or not
    bool OnBoard(MemberIdx member) const { return member_unit_[static_cast<std::size_t>(member)] != kNoUnit; }
    UnitIdx UnitOf(MemberIdx member) const { return member_unit_[static_cast<std::size_t>(member)]; }

    // Among the members of one unit — and so among members tied on a page — a board lists members
    // by index; `before` (a strict order that agrees with the index order of the members the board
    // was built with, e.g. by id when they were numbered by id) places the members added or moved
    // later where a board built again would have them, not after the others.
    void SetMemberOrder(std::function<bool(MemberIdx, MemberIdx)> before) { before_ = std::move(before); }
    // A member of `unit` added with every total 0; its index is the old member_count(). The
    // member's place in tree order is made by shifting the ones after it: O(members) moves per
    // slot (tens of ms at 4 M members), instead of building the board again (seconds).
    MemberIdx AddMember(UnitIdx unit);
    // The member moves to `unit` with its totals (it leaves every scope of its old unit and joins
    // every scope of the new one); O(members) like AddMember. Afterwards every answer equals that
    // of a board built with the member in `unit` and loaded with the same totals.
    void MoveMember(MemberIdx member, UnitIdx unit);
    // The member leaves the board with its totals (every scope of its unit): O(members) like
    // AddMember. Its index stays taken (OnBoard is false); afterwards every answer equals that of
    // a board built with the member's unit kNoUnit.
    void RemoveMember(MemberIdx member);

private:
    // Takes the member out of the layout and out of every set of its scopes; returns its totals.
    std::vector<Points> Unplace(MemberIdx member);
    // Puts the member into `unit`'s own members (in member order, SetMemberOrder) with `totals`
    // (one per slot).
    void Place(MemberIdx member, UnitIdx unit, const std::vector<Points>& totals);
    // `by` members more (or fewer) in `unit`'s own range: its scopes end later, and the units after
    // it in pre-order begin later.
    void ShiftScopes(UnitIdx unit, std::int32_t by);
    void Renumber(std::size_t from);  // position_ of the members at positions [from, end)
    std::size_t Slot(int category) const { return static_cast<std::size_t>(category + 1); }
    ScoreMultiset& Set(std::size_t slot, UnitIdx unit) { return sets_[slot * tree_.size() + static_cast<std::size_t>(unit)]; }
    const ScoreMultiset& Set(std::size_t slot, UnitIdx unit) const {
        return sets_[slot * tree_.size() + static_cast<std::size_t>(unit)];
    }

    UnitTree tree_;
    std::vector<UnitIdx> member_unit_;
    std::size_t slots_;
    std::vector<std::int32_t> position_;        // member → position in tree order
    std::vector<MemberIdx> member_at_;          // position → member
    std::vector<std::int32_t> scope_begin_;     // unit → first position of its subtree's members
    std::vector<std::int32_t> scope_end_;
    std::vector<std::int32_t> ancestry_start_;  // CSR of each unit's ancestry (itself first)
    std::vector<UnitIdx> ancestry_;
    std::vector<std::vector<Points>> scores_;   // slot → position → total
    std::vector<ScoreMultiset> sets_;           // slot × unit
    std::function<bool(MemberIdx, MemberIdx)> before_;  // SetMemberOrder; empty: by index
};

// The per-member, per-rule raw sums a live ledger needs to honour caps: Approve returns the
// change of the member's clipped contribution, which is what Leaderboard::Apply takes.
// Single-writer like Leaderboard.
class PointsBook {
public:
    explicit PointsBook(std::vector<Rule> rules);
    // Records a counted event (approved, inside the period) and returns its effect on the total.
    Points Approve(MemberIdx member, RuleIdx rule, Points quantity = kOnePoint);
    // Room for members [0, count) at once (Approve otherwise grows the sums as members appear).
    void Reserve(MemberIdx count);
    // The member's raw sum for a capped rule (0 when none).
    Points RawSum(MemberIdx member, RuleIdx rule) const;
    // Sets the raw sum of a capped rule (a board restored from a kept snapshot); no-op for an uncapped one.
    void SetRawSum(MemberIdx member, RuleIdx rule, Points sum);
    const std::vector<Rule>& rules() const { return rules_; }

private:
    std::vector<Rule> rules_;
    // One row per member, one column per capped rule (uncapped rules need no sum): a rebuild
    // touches one known place per event, not a hash probe (issue 15: a board of 6.8 M events).
    std::vector<std::int32_t> column_;  // rule → its column, −1 when uncapped
    std::size_t width_ = 0;             // capped rules
    std::vector<Points> sums_;          // member × width_, grown to the highest member seen
};

}  // namespace lingyan::core::points
