// Operations: /metrics labels latency by route pattern (never by raw path) and shows the worker
// pool, process and database gauges; `serve --log-format json` writes one JSON object per line.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>
#include <thread>

#include "integration/cli_run.hpp"
#include "integration/test_server.hpp"

extern char** environ;

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class Operations : public BackendTest {};

TEST_P(Operations, MetricsLabelLatencyByRoutePatternAndShowPoolAndDatabaseGauges) {
    Client county(port());
    ASSERT_EQ(county.Login("admin").status, 200);
    ASSERT_EQ(county.Get("/api/v1/units/" + std::to_string(Unit("北联村"))).status, 200);
    ASSERT_EQ(county.Get("/api/v1/units/" + std::to_string(Unit("灵湖村"))).status, 200);
    auto r = HttpRequest(port(), "GET", "/metrics", "", {{"Authorization", std::string("Bearer ") + kTestMetricsToken}});
    ASSERT_EQ(r.status, 200);
    const std::string& m = r.body;
    EXPECT_NE(m.find("lingyan_http_request_duration_seconds_count{route=\"GET /api/v1/units/{id}\"} 2"), std::string::npos) << m;
    EXPECT_NE(m.find("lingyan_http_request_duration_seconds_bucket{route=\"GET /api/v1/units/{id}\",le=\"+Inf\"} 2"),
              std::string::npos);
    EXPECT_FALSE(std::regex_search(m, std::regex("route=\"[^\"]*/units/[0-9]"))) << "a raw path became a label";
    for (const char* series : {"lingyan_worker_queue_depth 0", "lingyan_worker_busy 0", "lingyan_worker_threads 2",
                               "lingyan_http_requests_in_flight 1", "lingyan_process_resident_memory_bytes ",
                               "lingyan_process_open_fds ", "lingyan_db_pool_size{backend=",
                               "lingyan_db_reconnects_total{backend=", "lingyan_points_board_rebuilds_total ",
                               "lingyan_points_counted_applied_total 0", "lingyan_points_board_from_snapshot 0",
                               "lingyan_points_snapshots_kept_total 0"})
        EXPECT_NE(m.find(series), std::string::npos) << series;
    const std::string backend = GetParam() == "sqlite" ? "sqlite" : "postgresql";
    EXPECT_NE(m.find("lingyan_db_up{backend=\"" + backend + "\"} 1"), std::string::npos) << m;
    std::smatch queries;
    ASSERT_TRUE(std::regex_search(m, queries, std::regex("lingyan_db_queries_total\\{backend=\"[a-z]+\"\\} ([0-9]+)")));
    EXPECT_GT(std::stoll(queries[1]), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Operations, ::testing::Values("sqlite", "postgres"));

TEST(JsonLogs, EveryLineIsAJsonObjectAndRequestsCarryRouteStatusAndTime) {
    TempDir dir;
    const std::string db = "sqlite:" + (dir / "l.db").string();
    const std::string log = (dir / "serve.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> args = {LINGYAN_BINARY, "serve", "--db", db, "--port", "0", "--log-format", "json"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, LINGYAN_BINARY, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    unsigned port = 0;
    for (int waited = 0; port == 0 && waited < 500; ++waited) {
        std::ifstream in(log);
        std::string line;
        while (std::getline(in, line))
            if (std::sscanf(line.c_str(), "listening on port %u", &port) == 1) break;
        if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_NE(port, 0u);
    EXPECT_EQ(HttpRequest(static_cast<unsigned short>(port), "GET", "/api/v1/health").status, 200);
    EXPECT_EQ(HttpRequest(static_cast<unsigned short>(port), "GET", "/api/v1/units/12345").status, 401);
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);

    std::ifstream in(log);
    std::string line;
    int access = 0, other = 0;
    while (std::getline(in, line)) {
        if (line.starts_with("listening on port")) continue;  // the readiness line for scripts
        json::value v;
        ASSERT_NO_THROW(v = json::parse(line)) << line;
        const auto& o = v.as_object();
        EXPECT_TRUE(o.contains("ts") && o.contains("level")) << line;
        if (o.contains("type") && o.at("type") == "access") {
            ++access;
            EXPECT_TRUE(o.at("ms").is_double() || o.at("ms").is_int64()) << line;
            if (o.at("path") == "/api/v1/units/12345") {
                EXPECT_EQ(o.at("route"), "GET /api/v1/units/{id}");
                EXPECT_EQ(o.at("status"), 401);
                EXPECT_EQ(o.at("method"), "GET");
            }
        } else {
            ++other;
            EXPECT_TRUE(o.at("msg").is_string()) << line;
        }
    }
    EXPECT_EQ(access, 2);
    EXPECT_GE(other, 2);  // listening, stopping
}

}  // namespace
}  // namespace lingyan::testing
