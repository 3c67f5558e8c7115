#pragma once
// A period's board totals as of one state of the ledger, kept between starts (issue 15: a server
// serving again within 30 s at province scale). A start that finds one reads it and then only
// the events counted after it, instead of the whole ledger (80 M events: 15–25 s of both cores).
//
// Per member (by id, ascending) one row of `stride()` values: the net quantity of counted 清零
// events, the capped total per category (in the order the rules name the categories first), and
// the raw sum of each capped rule (in rule order) — what PointsBook, the tally and the category
// totals hold, from which the board's totals follow. The values mean something only under the
// rules and period they were counted with; the caller keeps a fingerprint of those beside it.
//
// Encoded compactly (ids as ascending differences, values zig-zag, both as LEB128 varints) with a
// 64-bit FNV-1a checksum; Decode refuses anything that is not exactly such a text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/points/model.hpp"
#include "core/points/tally.hpp"

namespace lingyan::core::points {

// How counted events make the snapshot's values (the same as the live board's build).
struct SnapshotRules {
    std::vector<Rule> rules;              // RuleIdx order
    std::vector<int> category_of_rule;    // RuleIdx → category index
    std::vector<bool> zeroing_rule;       // RuleIdx → a 清零 item
    int categories = 0;
    int Columns() const;                  // capped rules
};

struct BoardSnapshot {
    std::vector<std::int64_t> member_ids;  // ascending
    int categories = 0;
    int columns = 0;                       // capped rules
    std::vector<Points> values;            // member_ids.size() × stride()

    std::size_t stride() const { return 1 + static_cast<std::size_t>(categories) + static_cast<std::size_t>(columns); }
    // The row of a member id, or nullopt.
    std::optional<std::size_t> RowOf(std::int64_t member_id) const;
    Points* Row(std::size_t row) { return values.data() + row * stride(); }
    const Points* Row(std::size_t row) const { return values.data() + row * stride(); }
};

// Adds one counted event of the member at `row` (`quantity` of rule `rule`): the capped change of
// its category total, the raw sum of a capped rule, the net quantity of a 清零 item.
void CountIntoSnapshot(BoardSnapshot& snapshot, const SnapshotRules& rules, std::size_t row, RuleIdx rule,
                       Points quantity);

std::string EncodeBoardSnapshot(const BoardSnapshot& snapshot);
// The snapshot, or nullopt with `error` saying what is wrong (truncated, checksum, order …).
std::optional<BoardSnapshot> DecodeBoardSnapshot(std::string_view data, std::string* error = nullptr);

}  // namespace lingyan::core::points
