#pragma once
// Structured logs (`serve --log-format json`): every line one JSON object — spdlog's own lines as
// {"ts","level","msg"} and each request as {"ts","level","type":"access","remote","method",
// "path","route","status","ms","bytes","user"} — for journald, Loki or Elasticsearch.

#include <cstddef>
#include <string>

namespace lingyan::http {

// Switches the default logger to JSON lines and creates the "access" logger. Call once, before
// serving.
void UseJsonLogs();
bool JsonLogs();

struct AccessRecord {
    std::string remote, method, target, route, user;
    int status = 0;
    double ms = 0;
    std::size_t bytes = 0;
};

// One request's line, as text or JSON depending on UseJsonLogs.
void LogAccess(const AccessRecord& r);

}  // namespace lingyan::http
