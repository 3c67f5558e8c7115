#pragma once
// Helpers of the fault tests: the real `lingyan serve` as a child process (output to a log file,
// resource limits settable from outside), a private PostgreSQL that a test may stop and start,
// the test's size (LINGYAN_FAULT_SIZE=small|full) and direct SQL reads for the checks.

#include <sys/types.h>

#include <string>
#include <vector>

namespace lingyan::fault {

// small (make test, seconds) or full (make soak).
bool FullSize();

struct Server {
    pid_t pid = 0;
    unsigned short port = 0;
    std::string log;
};

// Starts `lingyan serve --db URL --port 0 --audit-key KEY [extra…]` and waits until it listens.
Server Spawn(const std::string& db_url, const std::string& audit_key, const std::vector<std::string>& extra,
             const std::string& log_path);
void KillNine(Server& s);
// SIGTERM and wait; returns the exit status (as from waitpid).
int Stop(Server& s);

// A PostgreSQL 15 cluster of its own (initdb in a temp folder, a free loopback port), so that a
// test can stop and start it without disturbing the shared test server.
class PrivatePostgres {
public:
    PrivatePostgres();
    ~PrivatePostgres();
    void Start();
    void Stop();  // fast shutdown: open connections are terminated
    std::string Conninfo(const std::string& dbname) const;
    void CreateDatabase(const std::string& name);

private:
    std::string dir_;
    unsigned short port_ = 0;
};

// Runs one SQL query on a database URL and returns the rows (text).
std::vector<std::vector<std::string>> Sql(const std::string& db_url, const std::string& query);

// Runs a command line through the shell, returning its exit status and output.
int Shell(const std::string& command, std::string* output = nullptr);

}  // namespace lingyan::fault
