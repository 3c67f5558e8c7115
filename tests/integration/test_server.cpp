#include "test_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <boost/json.hpp>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>
#include <stdexcept>
#include <tuple>

#include "demo/demo.hpp"
#include "http/server/server.hpp"
#include "storage/db/migrations.hpp"
#include "storage/db/sql_db.hpp"

extern char** environ;

namespace lingyan::testing {

HttpResult HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body, const std::map<std::string, std::string>& headers) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    // A server that never answers fails the test (status 0) instead of hanging ctest.
    const timeval timeout{120, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH")
        req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    for (std::size_t sent = 0; sent < req.size();) {
        ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may refuse early (e.g. 413) and close
        sent += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buf[65536];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) raw.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    HttpResult r;
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) return r;
    std::string head = raw.substr(0, head_end);
    r.body = raw.substr(head_end + 4);
    r.status = std::stoi(head.substr(9, 3));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos < head.size()) {
        std::size_t next = head.find("\r\n", pos + 2);
        std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            auto& slot = r.headers[name];
            slot = slot.empty() ? value : slot + "\n" + value;
        }
        pos = next;
    }
    return r;
}

namespace {

// Every database the tests of this program made, removed when the program ends (a SQLite file
// with its -wal and -shm files; a PostgreSQL database dropped), so that runs leave nothing behind.
class TempDatabases : public ::testing::Environment {
public:
    void Add(std::string url) {
        std::lock_guard lock(mutex_);
        urls_.push_back(std::move(url));
    }
    void TearDown() override {
        std::lock_guard lock(mutex_);
        for (const auto& url : urls_) {
            if (url.rfind("sqlite:", 0) == 0) {
                const std::string path = url.substr(7);
                std::error_code ec;
                for (const char* suffix : {"", "-wal", "-shm", "-journal", ".audit-key", ".audit-anchor"})
                    std::filesystem::remove(path + suffix, ec);
                std::filesystem::remove_all(TestDataDir(url), ec);
            } else if (const char* admin = std::getenv("LINGYAN_TEST_PG"); admin && *admin) {
                const auto pos = url.find("dbname=") + 7;
                const std::string name = url.substr(pos, url.find(' ', pos) - pos);
                std::error_code ec;
                for (const char* suffix : {".audit-key", ".audit-anchor"})
                    std::filesystem::remove(TestAuditKey(url).substr(0, TestAuditKey(url).size() - 10) + suffix, ec);
                std::filesystem::remove_all(TestDataDir(url), ec);
                try {
                    storage::OpenPostgres(admin)->ExecScript("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "could not drop test database %s: %s\n", name.c_str(), e.what());
                }
            }
        }
        urls_.clear();
    }

private:
    std::mutex mutex_;
    std::vector<std::string> urls_;
};

TempDatabases* const kTempDatabases =
    static_cast<TempDatabases*>(::testing::AddGlobalTestEnvironment(new TempDatabases));

}  // namespace

std::string TestAuditKey(const std::string& url) {
    if (url.rfind("sqlite:", 0) == 0) return url.substr(7) + ".audit-key";
    const auto pos = url.find("dbname=") + 7;
    return (std::filesystem::temp_directory_path() / (url.substr(pos, url.find(' ', pos) - pos) + ".audit-key"))
        .string();
}

std::string TestDataDir(const std::string& url) {
    const std::string key = TestAuditKey(url);
    return key.substr(0, key.size() - 10) + ".data";
}

namespace {

// The conninfo of `admin` (a libpq string with dbname=…) for database `name`.
std::string WithDatabase(std::string conninfo, const std::string& name) {
    const auto pos = conninfo.find("dbname=");
    const auto end = conninfo.find(' ', pos);
    return conninfo.replace(pos, end == std::string::npos ? std::string::npos : end - pos, "dbname=" + name);
}

// The name of a migrated database on the server of `admin` that test databases are copied from
// (CREATE DATABASE … TEMPLATE instead of ~100 migrations in each new one: ctest 284 → 260 s, the
// PostgreSQL half of the ~900 tests). One per test binary build — named after the binary's time —
// so a changed migration is never served from an old copy; an older one is dropped when a newer
// binary makes its own. Made under an advisory lock: ctest runs the tests' processes side by side.
std::string MigratedTemplate(storage::SqlDb& admin, const std::string& admin_conninfo) {
    static const std::string name = [&] {
        struct stat binary {};
        if (::stat("/proc/self/exe", &binary) != 0) throw std::runtime_error("cannot stat the test binary");
        const std::string mine = "lingyan_template_" + std::to_string(binary.st_mtime);
        admin.ExecScript("SELECT pg_advisory_lock(7411)");
        try {
            std::vector<std::string> templates;
            for (const auto& row : admin.Query("SELECT datname FROM pg_database WHERE datname LIKE 'lingyan_template_%'"))
                templates.push_back(storage::AsText(row.at(0)));
            if (std::find(templates.begin(), templates.end(), mine) == templates.end()) {
                for (const auto& old : templates) admin.ExecScript("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
                admin.ExecScript("DROP DATABASE IF EXISTS lingyan_template_making WITH (FORCE)");
                admin.ExecScript("CREATE DATABASE lingyan_template_making");
                storage::ApplyMigrations(*storage::OpenSqlDb(WithDatabase(admin_conninfo, "lingyan_template_making")));
                admin.ExecScript("ALTER DATABASE lingyan_template_making RENAME TO " + mine);
            }
        } catch (...) {
            admin.ExecScript("SELECT pg_advisory_unlock(7411)");
            throw;
        }
        admin.ExecScript("SELECT pg_advisory_unlock(7411)");
        return mine;
    }();
    return name;
}

}  // namespace

std::string FreshDatabase(const std::string& backend, bool migrated) {
    static std::mt19937_64 rng{std::random_device{}()};
    std::string tag = std::to_string(::getpid()) + "_" + std::to_string(rng() % 1000000000);
    if (backend == "sqlite") {
        auto path = std::filesystem::temp_directory_path() / ("lingyan_test_" + tag + ".db");
        kTempDatabases->Add("sqlite:" + path.string());
        return "sqlite:" + path.string();
    }
    const char* admin = std::getenv("LINGYAN_TEST_PG");
    if (!admin || !*admin) return "";
    auto db = storage::OpenPostgres(admin);
    db->ExecScript("CREATE DATABASE lingyan_test_" + tag +
                   (migrated ? " TEMPLATE " + MigratedTemplate(*db, admin) + " STRATEGY FILE_COPY" : ""));
    const std::string conninfo = WithDatabase(admin, "lingyan_test_" + tag);
    kTempDatabases->Add(conninfo);
    return conninfo;
}

std::pair<pid_t, unsigned short> SpawnServer(const std::string& db, bool demo) {
    int pipefd[2];
    if (pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    std::vector<std::string> args = {LINGYAN_BINARY, "serve",       "--db",           db,           "--port",       "0",
                                     "--quiet",      "--audit-key", TestAuditKey(db), "--data-dir", TestDataDir(db)};
    if (demo) args.push_back("--demo");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, LINGYAN_BINARY, &actions, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("posix_spawn failed");
    close(pipefd[1]);
    FILE* out = fdopen(pipefd[0], "r");
    char line[512];
    unsigned short port = 0;
    while (port == 0 && fgets(line, sizeof line, out)) {
        unsigned p = 0;
        if (std::sscanf(line, "listening on port %u", &p) == 1) port = static_cast<unsigned short>(p);
    }
    fclose(out);
    posix_spawn_file_actions_destroy(&actions);
    return {pid, port};
}

SpawnedServer::SpawnedServer(const std::string& db_url, bool demo) {
    std::tie(pid, port) = SpawnServer(db_url, demo);
    if (port == 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        throw std::runtime_error("lingyan serve did not start listening");
    }
}

SpawnedServer::~SpawnedServer() {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
}

TestServer::TestServer(const std::string& db_url, bool demo, const std::string& trusted_proxy)
    : rt_(std::make_unique<composition::Runtime>(db_url, TestAuditKey(db_url), TestDataDir(db_url))) {
    if (demo) demo::LoadDemo(*rt_->store, rt_->crypto, rt_->clock);
    rt_->roster->Reload();
    rt_->SyncPointsMembers();  // as `lingyan serve`: every registered party member is a points member
    services_ = &rt_->Services();
    services_->settings.metrics_token = kTestMetricsToken;
    std::mutex m;
    std::condition_variable cv;
    std::atomic<unsigned short> port{0};
    thread_ = std::thread([&, this] {
        http::ServerConfig cfg;
        cfg.port = 0;
        cfg.threads = 2;
        cfg.access_log = false;
        cfg.trusted_proxy = trusted_proxy;
        cfg.on_listening = [&](unsigned short p) {
            std::lock_guard lock(m);
            port = p;
            cv.notify_all();
        };
        http::RunServer(cfg, *services_);
    });
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return port != 0; });
    port_ = port;
}

void TwoServersTest::SetUp() {
    url_ = FreshDatabase("postgres");
    if (url_.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
    a_ = std::make_unique<TestServer>(url_, /*demo=*/true);
    b_ = std::make_unique<TestServer>(url_, /*demo=*/false);
    a_->runtime().StartChangeFeed();
    b_->runtime().StartChangeFeed();
    const auto started = std::chrono::steady_clock::now();
    while (!a_->runtime().feed->Current() || !b_->runtime().feed->Current()) {
        ASSERT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10)) << "the feeds did not follow";
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

TestServer::~TestServer() {
    http::RequestStop();
    thread_.join();
}

HttpResult Client::Login(const std::string& username, const std::string& password) {
    auto r = HttpRequest(port_, "POST", "/api/v1/session",
                         boost::json::serialize(boost::json::object{{"username", username}, {"password", password}}),
                         {{"Content-Type", "application/json"}});
    if (r.status == 200) {
        std::string set = r.headers["set-cookie"];
        cookie = set.substr(0, set.find(';'));
        csrf = std::string(boost::json::parse(r.body).at("csrf_token").as_string());
    }
    return r;
}

HttpResult Client::Get(const std::string& target) {
    return HttpRequest(port_, "GET", target, "", {{"Cookie", cookie}});
}

HttpResult Client::Send(const std::string& method, const std::string& target, const std::string& body, bool with_csrf,
                        std::map<std::string, std::string> extra) {
    extra["Cookie"] = cookie;
    if (with_csrf) extra["X-CSRF-Token"] = csrf;
    if (!extra.count("Content-Type")) extra["Content-Type"] = "application/json";
    return HttpRequest(port_, method, target, body, extra);
}

std::string Encode(const std::string& s) {
    std::string out;
    char buf[4];
    for (unsigned char c : s) {
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
    }
    return out;
}

}  // namespace lingyan::testing
