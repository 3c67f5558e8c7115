#include "fault/fault_util.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "storage/db/sql_db.hpp"

extern char** environ;

namespace lingyan::fault {

namespace fs = std::filesystem;

bool FullSize() {
    const char* s = std::getenv("LINGYAN_FAULT_SIZE");
    return s && std::string(s) == "full";
}

int Shell(const std::string& command, std::string* output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    std::array<char, 4096> buf{};
    std::string out;
    while (fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pclose(pipe);
    if (output) *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Server Spawn(const std::string& db_url, const std::string& audit_key, const std::vector<std::string>& extra,
             const std::string& log_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> args = {LINGYAN_BINARY, "serve", "--db", db_url, "--port", "0", "--quiet", "--audit-key",
                                     audit_key};
    args.insert(args.end(), extra.begin(), extra.end());
    // Attachments and other side files go beside the log, in the test's own folder (removed with it),
    // not into the database's folder (the temporary directory, where they would be left behind).
    if (std::find(extra.begin(), extra.end(), "--data-dir") == extra.end())
        args.insert(args.end(), {"--data-dir", (fs::path(log_path).parent_path() / "data").string()});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // The log is appended to across restarts; find this start's line after the current end.
    std::error_code ec;
    const auto offset = fs::exists(log_path) ? fs::file_size(log_path, ec) : 0;
    Server s;
    s.log = log_path;
    if (posix_spawn(&s.pid, LINGYAN_BINARY, &actions, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("posix_spawn failed");
    posix_spawn_file_actions_destroy(&actions);
    for (int waited = 0; waited < 3000 && s.port == 0; ++waited) {
        std::ifstream in(log_path);
        in.seekg(static_cast<std::streamoff>(offset));
        std::string line;
        while (std::getline(in, line)) {
            unsigned p = 0;
            if (std::sscanf(line.c_str(), "listening on port %u", &p) == 1) s.port = static_cast<unsigned short>(p);
        }
        int status = 0;
        if (s.port == 0 && waitpid(s.pid, &status, WNOHANG) == s.pid)
            throw std::runtime_error("lingyan serve exited at start; see " + log_path);
        if (s.port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (s.port == 0) throw std::runtime_error("lingyan serve did not listen within 60 s; see " + log_path);
    return s;
}

void KillNine(Server& s) {
    if (s.pid <= 0) return;
    kill(s.pid, SIGKILL);
    waitpid(s.pid, nullptr, 0);
    s.pid = 0;
}

int Stop(Server& s) {
    if (s.pid <= 0) return -1;
    kill(s.pid, SIGTERM);
    int status = 0;
    waitpid(s.pid, &status, 0);
    s.pid = 0;
    return status;
}

namespace {

constexpr const char* kPgBin = "/usr/lib/postgresql/15/bin/";

unsigned short FreePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::string AsPostgres(const std::string& cmd) {
    return getuid() == 0 ? "runuser -u postgres -- " + cmd : cmd;
}

}  // namespace

PrivatePostgres::PrivatePostgres() {
    char tmpl[] = "/tmp/lingyan-fault-pg.XXXXXX";
    dir_ = mkdtemp(tmpl);
    if (getuid() == 0) Shell("chown postgres:postgres " + dir_);
    port_ = FreePort();
    std::string out;
    if (Shell(AsPostgres(std::string(kPgBin) + "initdb -D " + dir_ + "/data -U postgres -A trust -E UTF8 --locale=C.UTF-8"),
              &out) != 0)
        throw std::runtime_error("initdb failed: " + out);
    Start();
}

PrivatePostgres::~PrivatePostgres() {
    Shell(AsPostgres(std::string(kPgBin) + "pg_ctl -D " + dir_ + "/data -m immediate -w stop"));
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

// fsync=off only makes the demo load fast: a fast shutdown (Stop) still writes every committed
// transaction out, which is the fault these tests make.
void PrivatePostgres::Start() {
    std::string out;
    if (Shell(AsPostgres(std::string(kPgBin) + "pg_ctl -D " + dir_ + "/data -l " + dir_ + "/log -o \"-p " +
                         std::to_string(port_) + " -k " + dir_ + " -c listen_addresses=127.0.0.1 -c fsync=off\" -w start"),
              &out) != 0)
        throw std::runtime_error("pg_ctl start failed: " + out);
}

void PrivatePostgres::Stop() {
    std::string out;
    if (Shell(AsPostgres(std::string(kPgBin) + "pg_ctl -D " + dir_ + "/data -m fast -w stop"), &out) != 0)
        throw std::runtime_error("pg_ctl stop failed: " + out);
}

std::string PrivatePostgres::Conninfo(const std::string& dbname) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + dbname + " user=postgres";
}

void PrivatePostgres::CreateDatabase(const std::string& name) {
    storage::OpenPostgres(Conninfo("postgres"))->ExecScript("CREATE DATABASE " + name);
}

std::vector<std::vector<std::string>> Sql(const std::string& db_url, const std::string& query) {
    auto db = storage::OpenSqlDb(db_url);
    std::vector<std::vector<std::string>> out;
    for (const auto& row : db->Query(query)) {
        std::vector<std::string> r;
        for (const auto& v : row) r.push_back(storage::AsText(v));
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace lingyan::fault
