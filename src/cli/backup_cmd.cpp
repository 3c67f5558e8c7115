// backup DEST, restore SRC: online backups of the database with the audit key, its anchor and the
// data dir's side files (storage/backup/backup.hpp).
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "main/composition.hpp"
#include "storage/backup/backup.hpp"
#include "storage/common/crypto.hpp"

namespace lingyan::cli {

namespace {

struct BackupOptions {
    std::string path;
    std::string db = composition::kDefaultDb;
    std::string audit_key, data_dir;
    std::vector<std::string> with;
    bool no_default_side = false;
};

// Side items backed up without --with when they exist in the data dir: the attachment store.
constexpr const char* kDefaultSideItems[] = {"attachments"};

std::string Seconds(std::chrono::steady_clock::time_point started) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return buf;
}

void PrintSummary(const storage::BackupSummary& s) {
    std::cout << "  后端 " << s.backend << "，数据库版本 " << s.schema_version << "，lingyan " << s.lingyan_version
              << "，创建于 " << s.created_at << "\n"
              << "  " << s.rows.size() << " 张表共 " << s.TotalRows() << " 行；审计链头 " << s.audit_seq << " "
              << (s.audit_hash.empty() ? "-" : s.audit_hash) << "\n";
    for (const auto& name : s.side) std::cout << "  附带 " << name << "\n";
    std::cout << "  备份大小 " << s.bytes << " 字节\n";
}

}  // namespace

void AddBackupCommands(CLI::App& app, CommandContext& ctx) {
    auto o = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand("backup", "在线备份：数据库、审计密钥与锚点、数据目录中的附件（写入新目录 DEST）");
    backup->add_option("dest", o->path, "备份目录（必须尚不存在）")->required();
    AddDbOption(backup, o->db);
    AddAuditKeyOption(backup, o->audit_key);
    AddDataDirOption(backup, o->data_dir);
    backup->add_option("--with", o->with, "另外备份数据目录中的文件或目录（可重复）；attachments 目录存在时自动包含");
    backup->add_flag("--no-attachments", o->no_default_side, "不自动包含 attachments 目录");
    backup->callback([o, &ctx] {
        try {
            const auto started = std::chrono::steady_clock::now();
            storage::BackupTarget from{o->db, o->audit_key, o->data_dir};
            std::vector<std::string> side = o->with;
            if (!o->no_default_side) {
                namespace fs = std::filesystem;
                const fs::path dir = storage::DataDirOf(o->db, o->data_dir);
                for (const char* item : kDefaultSideItems)
                    if (fs::exists(dir / item) && std::find(side.begin(), side.end(), item) == side.end()) side.push_back(item);
            }
            storage::SystemClock clock;
            const auto s = storage::Backup(from, o->path, side, LINGYAN_VERSION, clock.NowIso());
            std::cout << "已备份到 " << s.path << "（用时 " << Seconds(started) << " 秒）\n";
            PrintSummary(s);
        } catch (const storage::BackupError& e) {
            std::cerr << "lingyan: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        } catch (const std::exception& e) {
            std::cerr << "lingyan: 备份失败: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        }
    });

    auto r = std::make_shared<BackupOptions>();
    auto* restore = app.add_subcommand("restore", "从备份恢复到新的空数据库，并逐表核对行数与审计链头");
    restore->add_option("src", r->path, "备份目录（lingyan backup 的输出）")->required();
    restore->add_option("--db", r->db, "目标数据库：尚不存在的 sqlite:PATH，或已建好的空 PostgreSQL 库")->required();
    restore->add_option("--audit-key", r->audit_key, "审计密钥写到哪里（默认：SQLite 文件旁的 .audit-key，PostgreSQL 用 LINGYAN_AUDIT_KEY）");
    restore->add_option("--data-dir", r->data_dir, "附件等恢复到的数据目录（默认：SQLite 文件所在目录；PostgreSQL 为当前目录）");
    auto check_only = std::make_shared<bool>(false);
    restore->add_flag("--check", *check_only, "只检查备份（清单与校验和），不恢复");
    restore->callback([r, check_only, &ctx] {
        try {
            const auto started = std::chrono::steady_clock::now();
            if (*check_only) {
                const auto s = storage::ReadBackup(r->path);
                std::cout << "备份完好：" << s.path << "\n";
                PrintSummary(s);
                return;
            }
            const auto s = storage::Restore(r->path, storage::BackupTarget{r->db, r->audit_key, r->data_dir});
            std::cout << "已恢复（用时 " << Seconds(started) << " 秒）：逐表行数与审计链头均与备份一致\n";
            PrintSummary(s);
            std::cout << "下一步：lingyan audit verify --db … 校验审计链；启动 serve 时会自动执行更新的迁移\n";
        } catch (const storage::BackupError& e) {
            std::cerr << "lingyan: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        } catch (const std::exception& e) {
            std::cerr << "lingyan: 恢复失败: " << e.what() << "\n";
            ctx.exit_code = kExitFailure;
        }
    });
}

}  // namespace lingyan::cli
