#include "storage/db/db_metrics.hpp"

namespace lingyan::storage {

std::string DbMetricsText(const SqlDb& db) {
    const DbCounters s = db.Counters();
    const std::string backend = db.dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
    auto line = [&](const char* name, const char* type, const char* help, const std::string& value) {
        return std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name +
               "{backend=\"" + backend + "\"} " + value + "\n";
    };
    return db.PoolMetricsText() +
           line("lingyan_db_up", "gauge", "1 while the database connection is usable.", s.connected ? "1" : "0") +
           line("lingyan_db_queries_total", "counter", "Statements sent to the database.", std::to_string(s.queries)) +
           line("lingyan_db_errors_total", "counter", "Statements that failed.", std::to_string(s.errors)) +
           line("lingyan_db_unavailable_total", "counter",
                "Calls refused because the database could not serve (answered 503).", std::to_string(s.unavailable)) +
           line("lingyan_db_reconnects_total", "counter", "Connections re-established after a loss.",
                std::to_string(s.reconnects)) +
           line("lingyan_db_seconds_total", "counter", "Time spent waiting on the database.",
                std::to_string(static_cast<double>(s.micros) / 1e6));
}

}  // namespace lingyan::storage
