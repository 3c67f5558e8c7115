#include "cli/commands.hpp"

namespace lingyan::cli {

void AddServeCommands(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("serve", "(being built)");
    cmd->callback([&ctx] { ctx.exit_code = kExitFailure; });
}

}  // namespace lingyan::cli
