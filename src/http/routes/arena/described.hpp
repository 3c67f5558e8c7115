#pragma once
// What the contests' responses show of their records (http/server/described_json.hpp): a contest's
// summary, score sheet, aggregation, rounds and titles. The handlers add the rest; the live frames
// (http/ws/live_json) are written by hand, once per event for every screen.

#include "app/arena/arena_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::arena {
BOOST_DESCRIBE_STRUCT(Criterion, (), (key, name, min, max, weight, pre_scored))
BOOST_DESCRIBE_STRUCT(Aggregation, (), (trim, normalize))
BOOST_DESCRIBE_STRUCT(Round, (), (name, order))
BOOST_DESCRIBE_STRUCT(Title, (), (name, quota, level, min_score))
}  // namespace lingyan::core::arena

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(ContestSummary, (),
                      (id, name, unit_id, year, status, contestants, seats, created_at, seq, can_host))
}  // namespace lingyan::app
