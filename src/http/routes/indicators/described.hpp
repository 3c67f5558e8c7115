#pragma once
// What the indicators' responses show of a metric's progress (http/server/described_json.hpp):
// every member; a figure not known (no target, nothing last year) is null.

#include "core/indicators/metric_progress.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::evaluation {
BOOST_DESCRIBE_STRUCT(MetricProgress, (), (target, cumulative, months_reported, last_year, completion, growth))
}  // namespace lingyan::core::evaluation
