#include "cli/commands.hpp"

namespace lingyan::cli {

void AddMatchCommand(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("match", "(being built)");
    cmd->callback([&ctx] { ctx.exit_code = kExitFailure; });
}

}  // namespace lingyan::cli
