#pragma once
// Looking up a workflow written as a table of rows {from, action, party, to} (tickets, projects):
// the row for (from, action, party), and whether the action exists from that state for another
// party — what decides between "allowed", "not yours" (Forbidden) and "not now" (Conflict).

#include <span>

namespace lingyan::core {

// One row of a table: `action` in state `from` by `party` leads to `to`.
template <typename State, typename Action, typename Party>
struct TransitionRow {
    State from;
    Action action;
    Party party;
    State to;
};

template <typename Row>
struct TransitionLookup {
    const Row* row = nullptr;  // the allowed row, or nullptr
    bool other_party = false;  // the action exists from that state, for another party
};

template <typename Row, typename State, typename Action, typename Party>
TransitionLookup<Row> LookUpTransition(std::span<const Row> table, State from, Action action, Party party) {
    TransitionLookup<Row> out;
    for (const auto& t : table) {
        if (t.from != from || t.action != action) continue;
        if (t.party == party) {
            out.row = &t;
            return out;
        }
        out.other_party = true;
    }
    return out;
}

}  // namespace lingyan::core
