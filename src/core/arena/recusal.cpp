#include "core/arena/recusal.hpp"

namespace lingyan::core::arena {

namespace {

bool AtLevel(roster::UnitKind kind, RecusalLevel level) {
    switch (level) {
        case RecusalLevel::kVillage:
            return kind == roster::UnitKind::kVillage || kind == roster::UnitKind::kCommunity;
        case RecusalLevel::kTown:
            return kind == roster::UnitKind::kTown;
        case RecusalLevel::kCounty:
            return kind == roster::UnitKind::kCounty;
        case RecusalLevel::kNone:
            break;
    }
    return false;
}

}  // namespace

Id LevelAncestor(const roster::RegionTree& tree, Id unit, RecusalLevel level) {
    if (level == RecusalLevel::kNone) return 0;
    const roster::Unit* u = tree.Find(unit);
    while (u) {
        if (AtLevel(u->kind, level)) return u->id;
        u = u->parent_id ? tree.Find(*u->parent_id) : nullptr;
    }
    return 0;
}

bool Recuses(const roster::RegionTree& tree, Id judge_unit, Id contestant_unit, RecusalLevel level) {
    const Id a = LevelAncestor(tree, judge_unit, level);
    return a != 0 && a == LevelAncestor(tree, contestant_unit, level);
}

Recusals ComputeRecusals(const roster::RegionTree& tree, const ContestSetup& setup) {
    Recusals out;
    for (const Seat& seat : setup.seats)
        for (const Contestant& c : setup.contestants)
            if (Recuses(tree, seat.home_unit_id, c.unit_id, setup.recusal)) out.emplace(seat.id, c.id);
    return out;
}

}  // namespace lingyan::core::arena
