#pragma once
// Runs the `lingyan` binary with arguments (no shell interpretation of them) and collects its exit
// code and output; a temp folder removed at the end of a test.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace lingyan::testing {

namespace fs = std::filesystem;

struct CliResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

inline std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline CliResult RunCli(const std::vector<std::string>& args) {
    std::string cmd = Quote(LINGYAN_BINARY);
    for (const auto& a : args) cmd += " " + Quote(a);
    cmd += " 2>&1";
    CliResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// A fresh folder under the temp dir, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        static std::mt19937_64 rng{std::random_device{}()};
        path_ = fs::temp_directory_path() / ("lingyan_tmp_" + std::to_string(::getpid()) + "_" + std::to_string(rng() % 1000000000));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path operator/(const std::string& name) const { return path_ / name; }
    std::string str() const { return path_.string(); }

private:
    fs::path path_;
};

}  // namespace lingyan::testing
