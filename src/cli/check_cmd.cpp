// check: validates a deployment's configuration before (or beside) `serve`, one line per check,
// exit 1 when any check fails. Reads only: it neither migrates nor creates the audit key.
#include <arpa/inet.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "main/composition.hpp"
#include "app/attachments/attachment_service.hpp"
#include "storage/backup/backup.hpp"
#include "storage/common/audit_anchor.hpp"
#include "storage/files/blob_store.hpp"
#include "storage/sql/attachment_store.hpp"
#include "storage/db/migrations.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::cli {

namespace {

namespace fs = std::filesystem;

struct CheckOptions {
    std::string db = composition::kDefaultDb;
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string audit_key, metrics_token_file, data_dir, web_root;
    std::int64_t min_free_mb = 512;
    bool allow_pending = false;  // a schema behind the binary is expected (serve migrates at start)
    bool verify_attachments = false;  // --attachments: re-hash every stored file
};

class Report {
public:
    void Ok(const std::string& what) { std::cout << "  ok    " << what << "\n"; }
    void Warn(const std::string& what) { std::cout << "  warn  " << what << "\n"; }
    void Fail(std::string what) {
        // One line per check, also for libpq's multi-line messages.
        for (auto& c : what)
            if (c == '\n' || c == '\t') c = ' ';
        while (!what.empty() && what.back() == ' ') what.pop_back();
        std::cout << "  FAIL  " << what << "\n";
        ++failures_;
    }
    int failures() const { return failures_; }

private:
    int failures_ = 0;
};

bool IsPostgres(const std::string& url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://") || url.find("dbname=") != std::string::npos;
}

std::string ModeText(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
    return buf;
}

void CheckListen(const CheckOptions& o, Report& r) {
    in6_addr v6{};
    in_addr v4{};
    if (inet_pton(AF_INET, o.bind.c_str(), &v4) != 1 && inet_pton(AF_INET6, o.bind.c_str(), &v6) != 1)
        r.Fail("监听地址 --bind " + o.bind + " 不是 IPv4/IPv6 地址");
    else if (o.port < 0 || o.port > 65535)
        r.Fail("端口 --port " + std::to_string(o.port) + " 超出 0–65535");
    else
        r.Ok("监听地址 " + o.bind + ":" + std::to_string(o.port));
}

void CheckDatabase(const CheckOptions& o, Report& r) {
    const bool pg = IsPostgres(o.db);
    if (!pg) {
        const std::string path = o.db.starts_with("sqlite:") ? o.db.substr(7) : o.db;
        if (!fs::exists(path)) {
            r.Fail("数据库文件不存在: " + path + "（先运行 lingyan migrate --db " + o.db + "）");
            return;
        }
    }
    std::unique_ptr<storage::SqlDb> db;
    try {
        db = storage::OpenSqlDb(o.db);
    } catch (const std::exception& e) {
        r.Fail(std::string("数据库无法连接: ") + e.what());
        return;
    }
    r.Ok(std::string("数据库可连接（") + (pg ? "PostgreSQL" : "SQLite") + "）");
    try {
        const bool has_table =
            pg ? storage::AsText(db->Query("SELECT to_regclass('schema_migrations') IS NOT NULL")[0][0]) == "t"
               : !db->Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").empty();
        const int version = has_table ? static_cast<int>(storage::AsInt(db->Query("SELECT MAX(version) FROM schema_migrations")[0][0])) : 0;
        const int latest = storage::LatestSchemaVersion();
        if (version == latest)
            r.Ok("数据库版本 " + std::to_string(version) + "（与本程序一致）");
        else if (version < latest && o.allow_pending)
            r.Warn("数据库版本 " + std::to_string(version) + "，启动时将迁移到 " + std::to_string(latest) + "（请确认已备份）");
        else if (version < latest)
            r.Fail("数据库版本 " + std::to_string(version) + "，本程序需要 " + std::to_string(latest) +
                   "：先备份，再运行 lingyan migrate --db …");
        else
            r.Fail("数据库版本 " + std::to_string(version) + " 比本程序（" + std::to_string(latest) +
                   "）新：请升级 lingyan，不要用旧版本连接");
    } catch (const std::exception& e) {
        r.Fail(std::string("无法读取数据库版本: ") + e.what());
    }
}

void CheckAuditKey(const CheckOptions& o, Report& r) {
    const std::string key = o.audit_key.empty() ? storage::DefaultAuditKeyPath(o.db) : o.audit_key;
    struct stat st{};
    if (::stat(key.c_str(), &st) != 0) {
        r.Fail("审计密钥文件不存在: " + key + "（首次 serve 会创建；PostgreSQL 部署用 --audit-key 或 LINGYAN_AUDIT_KEY 指定）");
        return;
    }
    std::ifstream in(key);
    std::string line;
    std::getline(in, line);
    if (!in && line.empty()) {
        r.Fail("审计密钥文件无法读取: " + key);
        return;
    }
    if (line.size() != 64 || line.find_first_not_of("0123456789abcdef") != std::string::npos) {
        r.Fail("审计密钥文件格式错误（应为 64 个十六进制字符）: " + key);
        return;
    }
    if ((st.st_mode & 077) != 0) {
        r.Fail("审计密钥文件权限 " + ModeText(st.st_mode) + " 过宽（应为 0600）: " + key + "；chmod 600 " + key);
        return;
    }
    r.Ok("审计密钥 " + key + "（权限 " + ModeText(st.st_mode) + "）");
    const std::string anchor = storage::AnchorPathFor(key);
    const fs::path anchor_dir = fs::absolute(anchor).parent_path();
    if (::access(anchor_dir.c_str(), W_OK) != 0)
        r.Fail("审计锚点所在目录不可写: " + anchor_dir.string());
    else if (!fs::exists(anchor))
        r.Warn("审计锚点文件尚不存在: " + anchor + "（服务运行后每 30 秒写入）");
    else
        r.Ok("审计锚点 " + anchor + "（" + std::to_string(storage::ReadAuditAnchors(anchor).size()) + " 个）");
}

void CheckMetricsToken(const CheckOptions& o, Report& r) {
    if (o.metrics_token_file.empty()) {
        if (std::getenv("LINGYAN_METRICS_TOKEN"))
            r.Ok("/metrics 令牌来自环境变量 LINGYAN_METRICS_TOKEN");
        else
            r.Warn("未设置 --metrics-token-file：不提供 /metrics");
        return;
    }
    struct stat st{};
    std::ifstream in(o.metrics_token_file);
    if (!in || ::stat(o.metrics_token_file.c_str(), &st) != 0) {
        r.Fail("无法读取 --metrics-token-file: " + o.metrics_token_file);
        return;
    }
    std::string token;
    std::getline(in, token);
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.size() < 16)
        r.Fail("/metrics 令牌至少 16 个字符: " + o.metrics_token_file);
    else if ((st.st_mode & 007) != 0)
        r.Fail("/metrics 令牌文件任何人可读（权限 " + ModeText(st.st_mode) + "）: chmod 600 " + o.metrics_token_file);
    else
        r.Ok("/metrics 令牌文件 " + o.metrics_token_file);
}

void CheckDataDir(const CheckOptions& o, Report& r) {
    const fs::path dir = storage::DataDirOf(o.db, o.data_dir);
    if (!fs::is_directory(dir)) {
        r.Fail("数据目录不存在: " + dir.string());
        return;
    }
    const fs::path probe = dir / (".lingyan-check-" + std::to_string(::getpid()));
    {
        std::ofstream out(probe);
        out << "probe";
        out.flush();
        if (!out) {
            r.Fail("数据目录不可写: " + dir.string());
            return;
        }
    }
    std::error_code ec;
    fs::remove(probe, ec);
    struct statvfs vfs{};
    if (::statvfs(dir.c_str(), &vfs) == 0) {
        const std::int64_t free_mb = static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize) >> 20;
        if (free_mb < o.min_free_mb)
            r.Fail("数据目录可用空间只有 " + std::to_string(free_mb) + " MiB（低于 " + std::to_string(o.min_free_mb) +
                   " MiB）: " + dir.string());
        else
            r.Ok("数据目录可写 " + dir.string() + "（可用 " + std::to_string(free_mb) + " MiB）");
    } else {
        r.Ok("数据目录可写 " + dir.string());
    }
}

// The attachment store: every stored content re-hashed against its name (with --attachments).
void CheckAttachments(const CheckOptions& o, Report& r) {
    if (!o.verify_attachments) return;
    try {
        auto db = storage::OpenSqlDb(o.db);
        storage::SqlAttachmentStore rows(*db);
        storage::FileBlobStore files(storage::FileBlobStore::DefaultRoot(storage::DataDirOf(o.db, o.data_dir)));
        const auto result = app::VerifyBlobs(rows, files);
        if (result.problems.empty()) {
            r.Ok("附件 " + std::to_string(result.checked) + " 个内容与哈希一致（" + files.Root() + "）");
            return;
        }
        for (const auto& p : result.problems) r.Fail("附件" + p + "（" + files.Root() + "）");
    } catch (const std::exception& e) {
        r.Fail(std::string("无法校验附件: ") + e.what());
    }
}

void CheckWebAndTools(const CheckOptions& o, Report& r) {
    if (!o.web_root.empty()) {
        if (fs::exists(fs::path(o.web_root) / "index.html"))
            r.Ok("前端 " + o.web_root);
        else
            r.Fail("前端目录中没有 index.html: " + o.web_root);
    }
    if (IsPostgres(o.db)) {
        bool found = false;
        if (const char* path = std::getenv("PATH")) {
            std::string p = path;
            for (std::size_t start = 0; start <= p.size();) {
                const std::size_t end = std::min(p.find(':', start), p.size());
                const std::string dir = p.substr(start, end - start);
                found = found || (!dir.empty() && ::access((dir + "/pg_dump").c_str(), X_OK) == 0);
                start = end + 1;
            }
        }
        if (found)
            r.Ok("pg_dump 在 PATH 中（lingyan backup 需要）");
        else
            r.Warn("PATH 中没有 pg_dump：lingyan backup 无法备份 PostgreSQL（安装 postgresql-client）");
    }
}

}  // namespace

void AddCheckCommand(CLI::App& app, CommandContext& ctx) {
    auto o = std::make_shared<CheckOptions>();
    auto* check = app.add_subcommand("check", "检查部署配置：数据库与版本、审计密钥、/metrics 令牌、数据目录、监听地址");
    AddDbOption(check, o->db);
    check->add_option("--bind", o->bind, "监听地址")->capture_default_str();
    check->add_option("--port", o->port, "端口")->capture_default_str();
    AddAuditKeyOption(check, o->audit_key);
    check->add_option("--metrics-token-file", o->metrics_token_file, "/metrics 令牌文件");
    AddDataDirOption(check, o->data_dir);
    check->add_option("--web", o->web_root, "前端构建目录");
    check->add_flag("--attachments", o->verify_attachments,
                    "逐个重算附件内容的 SHA-256，与文件名和数据库记录核对（附件多时较慢）");
    check->add_option("--min-free-mb", o->min_free_mb, "数据目录至少应有的可用空间（MiB）")->capture_default_str();
    check->add_flag("--allow-pending-migrations", o->allow_pending,
                    "数据库版本落后于本程序时只提示（serve 启动时会迁移；升级时的 systemd 单元使用）");
    check->callback([o, &ctx] {
        Report r;
        std::cout << "lingyan check\n";
        CheckListen(*o, r);
        CheckDatabase(*o, r);
        CheckAuditKey(*o, r);
        CheckMetricsToken(*o, r);
        CheckDataDir(*o, r);
        CheckAttachments(*o, r);
        CheckWebAndTools(*o, r);
        if (r.failures() > 0) {
            std::cout << r.failures() << " 项未通过\n";
            ctx.exit_code = kExitFailure;
        } else {
            std::cout << "全部通过\n";
        }
    });
}

}  // namespace lingyan::cli
