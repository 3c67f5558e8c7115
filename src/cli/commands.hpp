#pragma once
// Registration of the `lingyan` subcommands. Each Add* function lives in its own file
// (serve_cmd.cpp, roster_cmd.cpp, evaluate_cmd.cpp, points_cmd.cpp, match_cmd.cpp) and installs
// callbacks that set ctx.exit_code. Conventions: results on stdout; one clear line on stderr
// for an error (naming file, line and problem); exit 2 for bad input, 1 for failures to perform.

#include <CLI/CLI.hpp>

namespace lingyan::cli {

inline constexpr int kExitBadInput = 2;
inline constexpr int kExitFailure = 1;

struct CommandContext {
    int exit_code = 0;
};

void AddServeCommands(CLI::App& app, CommandContext& ctx);   // serve, migrate, user
void AddRosterCommands(CLI::App& app, CommandContext& ctx);  // import roster, export roster
void AddEvaluateCommand(CLI::App& app, CommandContext& ctx);  // evaluate
void AddPointsCommand(CLI::App& app, CommandContext& ctx);    // points tally
void AddMatchCommand(CLI::App& app, CommandContext& ctx);     // match
void AddWorkdaysCommand(CLI::App& app, CommandContext& ctx);  // workdays add, workdays count
void AddBackupCommands(CLI::App& app, CommandContext& ctx);   // backup, restore (backup_cmd.cpp)
void AddCheckCommand(CLI::App& app, CommandContext& ctx);     // check (check_cmd.cpp)
void AddLoadProvinceCommand(CLI::App& app, CommandContext& ctx);  // load-province (load_province_cmd.cpp)

}  // namespace lingyan::cli
