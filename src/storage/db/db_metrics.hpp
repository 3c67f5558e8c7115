#pragma once
// The database connection's counters in Prometheus text format, for /metrics.

#include <string>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

// lingyan_db_* series: connections (one per process, serialized by the store's mutex), whether
// it is up, queries, errors, refusals while unavailable, reconnects and the time spent.
std::string DbMetricsText(const SqlDb& db);

}  // namespace lingyan::storage
