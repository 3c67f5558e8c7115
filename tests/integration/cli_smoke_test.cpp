#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace {

std::string RunCapture(const std::string& cmd, int& status) {
    std::array<char, 4096> buf{};
    std::string out;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return out;
    while (fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    status = pclose(pipe);
    return out;
}

TEST(Cli, HelpListsEverySubcommand) {
    int status = -1;
    std::string out = RunCapture(std::string(LINGYAN_BINARY) + " --help", status);
    EXPECT_EQ(status, 0);
    for (const char* sub : {"serve", "migrate", "user", "import", "export", "evaluate", "points", "match"}) {
        EXPECT_NE(out.find(sub), std::string::npos) << "missing subcommand " << sub;
    }
}

TEST(Cli, VersionPrintsTheProjectVersion) {
    int status = -1;
    std::string out = RunCapture(std::string(LINGYAN_BINARY) + " --version", status);
    EXPECT_EQ(status, 0);
    EXPECT_NE(out.find("lingyan 0."), std::string::npos);
}

}  // namespace
