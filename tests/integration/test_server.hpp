#pragma once
// A real lingyan server on an ephemeral loopback port, over SQLite (a temp file) or PostgreSQL
// (a fresh database on the server named by LINGYAN_TEST_PG), with the demo deployment loaded,
// and a minimal blocking HTTP client for tests.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "main/composition.hpp"

namespace lingyan::testing {

struct HttpResult {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie joined by '\n'
    std::string body;
};

// Sends one request (Connection: close) and reads the whole response; status 0 when no answer
// came within 120 s (a hung server fails the test instead of holding ctest).
HttpResult HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body = {}, const std::map<std::string, std::string>& headers = {});

// A database URL for a backend: "sqlite" → a fresh temp file, "postgres" → a fresh database.
// Returns "" for postgres when LINGYAN_TEST_PG is not set. With `migrated`, a PostgreSQL database
// is a copy of a migrated template (made once per test binary build, see test_server.cpp) rather
// than empty: the server finds every migration applied. A SQLite file is new either way.
std::string FreshDatabase(const std::string& backend, bool migrated = false);
// The audit key file the tests use for a database (beside a SQLite file; in the temp folder for a
// PostgreSQL database); its anchor file is beside it. Removed with the database.
std::string TestAuditKey(const std::string& db_url);
// The data directory (attachments) the tests use for a database, beside its audit key; removed
// with the database.
std::string TestDataDir(const std::string& db_url);

// Starts the real `lingyan serve` binary as a child process on an ephemeral port (with --demo
// when asked) and returns its pid and port once it listens.
std::pair<pid_t, unsigned short> SpawnServer(const std::string& db_url, bool demo);

// A spawned `lingyan serve` (SpawnServer) that is stopped and reaped when it goes out of scope —
// on every exit, a failed assertion included, so no orphan holds ctest's pipe.
struct SpawnedServer {
    SpawnedServer(const std::string& db_url, bool demo);  // throws when it does not start listening
    ~SpawnedServer();                                     // SIGTERM, then waits for it
    SpawnedServer(const SpawnedServer&) = delete;
    SpawnedServer& operator=(const SpawnedServer&) = delete;
    pid_t pid = 0;
    unsigned short port = 0;
};

// The /metrics token of the in-process test server.
inline constexpr const char* kTestMetricsToken = "test-metrics-token-0123456789";

class TestServer {
public:
    explicit TestServer(const std::string& db_url, bool demo = true, const std::string& trusted_proxy = {});
    ~TestServer();
    unsigned short port() const { return port_; }
    composition::Runtime& runtime() { return *rt_; }

private:
    std::unique_ptr<composition::Runtime> rt_;
    http::Services* services_ = nullptr;  // owned by rt_
    std::thread thread_;
    unsigned short port_ = 0;
};

// Percent-encodes every byte of a query value (Chinese unit names).
std::string Encode(const std::string& s);

// A person's name made from a prefix and a counter: the name rule refuses digits (issue 11), so the
// counter is written in Chinese numerals ("持久12" → "持久一二"); '-' becomes "之".
inline std::string PersonName(const std::string& text) {
    static const char* const kNumerals[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string out;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            out += kNumerals[c - '0'];
        else if (c == '-')
            out += "之";
        else
            out += c;
    }
    return out;
}
// A valid 18-digit resident ID number (GB 11643 check digit) born 1990-01-01, distinct per (area, seq < 1000).
inline std::string ResidentId(int area, int seq) {
    std::string base =
        "3201" + std::to_string(100 + area % 100).substr(1) + "19900101" + std::to_string(1000 + seq % 1000).substr(1);
    static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (base[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return base + "10X98765432"[sum % 11];
}
// The body of a response as JSON.
inline boost::json::value Json(const HttpResult& r) { return boost::json::parse(r.body); }

// A test run against each storage backend — the parameter, "sqlite" or "postgres" (skipped
// without LINGYAN_TEST_PG) — with a fresh database and an in-process server on it.
class BackendTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        url_ = FreshDatabase(GetParam(), /*migrated=*/true);
        if (url_.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
        server_ = std::make_unique<TestServer>(url_);
    }
    unsigned short port() { return server_->port(); }
    // Roster lookups in the server's index: a unit by its exact name, the 书记 of a unit.
    core::roster::Id Unit(const std::string& name) {
        core::roster::Id id = 0;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units())
                if (u.name == name) id = u.id;
        });
        EXPECT_NE(id, 0) << name;
        return id;
    }
    core::roster::Id Secretary(const std::string& unit_name) {
        const core::roster::Id unit = Unit(unit_name);
        core::roster::Id person = 0;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto* pos : index.TeamOf(unit))
                if (pos->title == "书记" && person == 0) person = pos->person_id;
        });
        EXPECT_NE(person, 0) << unit_name;
        return person;
    }
    std::int64_t AuditCount() { return server_->runtime().store->CountAudit(); }
    std::string url_;
    std::unique_ptr<TestServer> server_;
};

// Two in-process servers on one fresh PostgreSQL database — A with the demo deployment, B without —
// each following the other's writes through its change feed; SetUp returns once both feeds follow
// (skipped without LINGYAN_TEST_PG).
class TwoServersTest : public ::testing::Test {
protected:
    void SetUp() override;
    std::string url_;
    std::unique_ptr<TestServer> a_, b_;
};

// A logged-in client: keeps the session cookie and CSRF token.
class Client {
public:
    Client(unsigned short port) : port_(port) {}
    HttpResult Login(const std::string& username, const std::string& password = "lingyan-demo");
    HttpResult Get(const std::string& target);
    HttpResult Send(const std::string& method, const std::string& target, const std::string& body,
                    bool with_csrf = true, std::map<std::string, std::string> extra = {});

    // The same session through another server (sessions live in the database).
    Client On(unsigned short port) const {
        Client out(port);
        out.cookie = cookie;
        out.csrf = csrf;
        return out;
    }

    std::string cookie, csrf;

private:
    unsigned short port_;
};

}  // namespace lingyan::testing
