// An acknowledged write survives kill -9 of the server process (SQLite, WAL, synchronous=FULL).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

// Kills a spawned server still running when the test leaves early (a failed assertion or an
// exception), so that no orphan keeps ctest's output pipe open.
struct ReapOnExit {
    pid_t& pid;
    ~ReapOnExit() {
        if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
};

TEST(Durability, AcknowledgedWritesSurviveKillNine) {
    std::string db = FreshDatabase("sqlite");
    auto [pid, port] = SpawnServer(db, true);
    ReapOnExit reap{pid};
    ASSERT_GT(port, 0);
    Client town(port);
    ASSERT_EQ(town.Login("town").status, 200);
    auto units = json::parse(town.Get("/api/v1/units?q=%E7%81%B5%E6%B9%96%E6%9D%91").body);
    std::int64_t unit = units.at("items").at(0).at("id").as_int64();

    std::vector<std::int64_t> acknowledged;
    std::atomic<bool> stop{false};
    std::thread writer([&, port = port] {
        Client c(port);
        c.cookie = town.cookie;
        c.csrf = town.csrf;
        for (int i = 0; !stop; ++i) {
            HttpResult r;
            try {
                r = c.Send("POST", "/api/v1/people",
                           json::serialize(json::object{{"unit_id", unit}, {"name", PersonName("持久" + std::to_string(i))},
                                                        {"gender", "male"}, {"birth_date", "1990-01-01"},
                                                        {"education", "high"}}));
            } catch (const std::exception&) {
                break;  // the server is gone
            }
            if (r.status != 201) break;
            acknowledged.push_back(json::parse(r.body).at("id").as_int64());
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    pid = 0;
    stop = true;
    writer.join();
    ASSERT_GT(acknowledged.size(), 3u);

    auto [pid2, port2] = SpawnServer(db, false);
    ReapOnExit reap2{pid2};
    ASSERT_GT(port2, 0);
    Client again(port2);
    ASSERT_EQ(again.Login("town").status, 200);
    for (std::int64_t id : acknowledged)
        EXPECT_EQ(again.Get("/api/v1/people/" + std::to_string(id)).status, 200) << "lost person " << id;
    kill(pid2, SIGTERM);
    int status = 0;
    waitpid(pid2, &status, 0);
    pid2 = 0;
    EXPECT_TRUE(WIFEXITED(status)) << "SIGTERM should shut the server down gracefully";
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace lingyan::testing
