#pragma once
// Runs an external tool (pg_dump, pg_restore) found on PATH, with extra environment variables,
// and collects its exit code and output (stdout and stderr, the last 4 KiB).

#include <string>
#include <vector>

namespace lingyan::storage {

struct ToolResult {
    int exit_code = -1;  // 127 when the tool is not on PATH; 128+N when killed by signal N
    std::string output;
};

// `argv[0]` is looked up on PATH. `extra_env` entries ("NAME=value") are added to the environment.
ToolResult RunTool(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env);

}  // namespace lingyan::storage
