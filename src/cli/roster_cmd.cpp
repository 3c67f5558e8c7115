// import roster FILE, export roster FILE.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "main/composition.hpp"
#include "core/roster/person_rules.hpp"
#include "exchange/common/file_io.hpp"
#include "exchange/roster/roster_export.hpp"
#include "exchange/roster/roster_files.hpp"
#include "exchange/roster/roster_import.hpp"

namespace lingyan::cli {

using composition::kDefaultDb;
using composition::Runtime;

using exchange::roster::ToAppSheet;

namespace {

namespace fs = std::filesystem;

// A progress reporter: a redrawn bar on a terminal, plain lines every 10% otherwise.
class Progress {
public:
    explicit Progress(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO)) {}
    void Update(double fraction) {
        int pct = static_cast<int>(fraction * 100);
        if (tty_) {
            if (pct == last_) return;
            int filled = pct / 4;
            std::cerr << "\r" << label_ << " [" << std::string(filled, '#') << std::string(25 - filled, '-') << "] "
                      << pct << "%" << std::flush;
        } else if (pct / 10 != last_ / 10) {
            std::cerr << label_ << " " << pct << "%\n";
        }
        last_ = pct;
    }
    void Done() {
        if (tty_) std::cerr << "\n";
    }

private:
    std::string label_;
    bool tty_;
    int last_ = -1;
};

}  // namespace

void AddRosterCommands(CLI::App& app, CommandContext& ctx) {
    struct Options {
        std::string db = kDefaultDb;
        std::string file;
        std::string as_user = "admin";
        bool dry_run = false;
    };
    auto opts = std::make_shared<Options>();

    auto* import = app.add_subcommand("import", "导入数据：roster（人员名册 .xlsx/.csv）");
    import->require_subcommand(1);
    auto* import_roster = import->add_subcommand("roster", "导入人员名册（全部成功或全部不写入）");
    import_roster->add_option("FILE", opts->file, "名册文件 .xlsx 或 .csv")->required();
    AddDbOption(import_roster, opts->db);
    import_roster->add_flag("--dry-run", opts->dry_run, "只检查并统计将新增、更新、不变的人数，不写入");
    import_roster->callback([opts, &ctx] {
        try {
            std::string bytes = exchange::ReadFile(opts->file);
            Runtime rt(opts->db);
            rt.roster->Reload();
            Progress parse_progress("解析");
            auto parsed = exchange::roster::ParseRoster(bytes, fs::path(opts->file).filename().string(),
                                                        [&](double f, std::size_t) { parse_progress.Update(f); });
            parse_progress.Done();
            app::RosterSheet sheet = ToAppSheet(parsed);
            for (const auto& note : sheet.notes) std::cerr << opts->file << ": " << note << "\n";
            std::vector<app::RowError> errors = sheet.errors;
            core::auth::Actor actor{0, "cli", core::auth::Role::kAdmin, 0};
            if (!errors.empty()) {
                errors = app::MergeRowErrors(std::move(errors), rt.roster->CheckImport(actor, sheet.rows, sheet.columns));
            } else {
                Progress write_progress("写入");
                app::RosterImportOptions options{sheet.columns, opts->dry_run, {}};
                if (!opts->dry_run) {
                    options.progress = [&](std::size_t done, std::size_t total) {
                        write_progress.Update(static_cast<double>(done) /
                                              static_cast<double>(std::max<std::size_t>(total, 1)));
                    };
                }
                auto outcome = rt.roster->ImportRoster(actor, sheet.rows, options);
                if (!opts->dry_run) write_progress.Done();
                if (!outcome) {
                    std::cerr << "lingyan: " << opts->file << ": " << outcome.error().message << "\n";
                    ctx.exit_code = kExitBadInput;
                    return;
                }
                errors = outcome->errors;
                if (errors.empty()) {
                    std::cout << (opts->dry_run ? "预检通过，将导入 " : "已导入 ") << outcome->imported << " 行：新增 "
                              << outcome->created << " 人、更新 " << outcome->updated << " 人、未变 " << outcome->unchanged
                              << " 人，职务 " << outcome->positions << " 个\n";
                    return;
                }
            }
            for (const auto& e : errors) {
                std::cerr << opts->file << ": " << e.sheet << (e.row > 0 ? " 第 " + std::to_string(e.row) + " 行" : "")
                          << (e.field.empty() ? "" : "，" + e.field) << "：" << e.message << "\n";
            }
            std::cerr << "lingyan: " << opts->file << ": " << app::ErrorRowsSummary(errors) << "，未写入任何数据\n";
            ctx.exit_code = kExitBadInput;
        } catch (const exchange::FileError& e) {
            std::cerr << "lingyan: " << e.what() << "\n";
            ctx.exit_code = kExitBadInput;
        } catch (const std::exception& e) {
            std::cerr << "lingyan: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        }
    });

    auto* export_cmd = app.add_subcommand("export", "导出数据：roster（人员名册 .xlsx）");
    export_cmd->require_subcommand(1);
    auto* export_roster = export_cmd->add_subcommand("roster", "导出全部人员名册为 .xlsx");
    export_roster->add_option("FILE", opts->file, "输出文件 .xlsx")->required();
    AddDbOption(export_roster, opts->db);
    export_roster->callback([opts, &ctx] {
        try {
            Runtime rt(opts->db);
            rt.roster->Reload();
            core::auth::Actor actor{0, "cli", core::auth::Role::kAdmin, 0};
            auto rows = rt.roster_exchange->PeopleExportRows(actor, core::roster::PeopleQuery{});
            if (!rows) throw std::runtime_error(rows.error().message);
            std::set<core::roster::Id> people;
            for (const auto& row : *rows) people.insert(row.person.id);
            exchange::roster::WritePeopleXlsx(opts->file, *rows);
            std::cout << "已导出 " << people.size() << " 人到 " << opts->file << "\n";
        } catch (const std::exception& e) {
            std::cerr << "lingyan: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        }
    });
}

}  // namespace lingyan::cli
