#include "cli/commands.hpp"

namespace lingyan::cli {

void AddPointsCommand(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("points", "(being built)");
    cmd->callback([&ctx] { ctx.exit_code = kExitFailure; });
}

}  // namespace lingyan::cli
