#pragma once
// Registration of the `lingyan` subcommands. Each Add* function lives in its own file
// (serve_cmd.cpp, roster_cmd.cpp, evaluate_cmd.cpp, points_cmd.cpp, match_cmd.cpp) and installs
// callbacks that set ctx.exit_code. Conventions: results on stdout; one clear line on stderr
// for an error (naming file, line and problem); exit 2 for bad input, 1 for failures to perform.

#include <CLI/CLI.hpp>

#include <string>

namespace lingyan::cli {

inline constexpr int kExitBadInput = 2;
inline constexpr int kExitFailure = 1;

struct CommandContext {
    int exit_code = 0;
};

// The options of every command that opens a deployment, worded once so that their help agrees.
inline CLI::Option* AddDbOption(CLI::App* cmd, std::string& db) {
    return cmd->add_option("--db", db, "数据库：sqlite:PATH 或 postgresql://…")->capture_default_str();
}
inline CLI::Option* AddAuditKeyOption(CLI::App* cmd, std::string& key_path) {
    return cmd->add_option("--audit-key", key_path,
                           "审计密钥文件（默认：SQLite 文件旁的 .audit-key，PostgreSQL 用 LINGYAN_AUDIT_KEY；"
                           "首次启动 serve 时创建，权限 0600）");
}
inline CLI::Option* AddDataDirOption(CLI::App* cmd, std::string& dir) {
    return cmd->add_option("--data-dir", dir,
                           "数据目录：附件存于其中的 attachments 目录（默认：SQLite 文件所在目录；PostgreSQL 为当前目录）");
}

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
