#include "cli/commands.hpp"

namespace lingyan::cli {

void AddRosterCommands(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("roster", "(being built)");
    cmd->callback([&ctx] { ctx.exit_code = kExitFailure; });
}

}  // namespace lingyan::cli
