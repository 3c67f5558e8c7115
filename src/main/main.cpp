// The entry point: every subcommand registers itself on the CLI11 app (cli/commands.hpp). The
// wiring of adapters to use cases is in main/composition.cpp.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"lingyan 领雁 — 基层党组织书记队伍建设管理系统", "lingyan"};
    app.set_version_flag("--version", std::string("lingyan ") + LINGYAN_VERSION);
    app.require_subcommand(1);
    lingyan::cli::CommandContext ctx;
    lingyan::cli::AddServeCommands(app, ctx);
    lingyan::cli::AddRosterCommands(app, ctx);
    lingyan::cli::AddEvaluateCommand(app, ctx);
    lingyan::cli::AddPointsCommand(app, ctx);
    lingyan::cli::AddMatchCommand(app, ctx);
    lingyan::cli::AddWorkdaysCommand(app, ctx);
    lingyan::cli::AddBackupCommands(app, ctx);
    lingyan::cli::AddCheckCommand(app, ctx);
    lingyan::cli::AddLoadProvinceCommand(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return ctx.exit_code;
}
