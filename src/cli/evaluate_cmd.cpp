#include "cli/commands.hpp"

namespace lingyan::cli {

void AddEvaluateCommand(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("evaluate", "(being built)");
    cmd->callback([&ctx] { ctx.exit_code = kExitFailure; });
}

}  // namespace lingyan::cli
