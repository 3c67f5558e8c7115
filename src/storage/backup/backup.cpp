#include "storage/backup/backup.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "storage/backup/tool_runner.hpp"
#include "storage/common/audit_anchor.hpp"
#include "storage/common/crypto.hpp"
#include "storage/db/migrations.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr const char* kManifest = "manifest.json";
constexpr const char* kFormat = "lingyan-backup";
constexpr const char* kSqliteFile = "database.sqlite";
constexpr const char* kPgDumpFile = "database.pgdump";
constexpr const char* kKeyFile = "audit-key";
constexpr const char* kAnchorFile = "audit-anchor";
constexpr const char* kSideDir = "side";

constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
constexpr const char* kPgTables = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1";
constexpr const char* kAuditHead = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";

bool IsPostgres(const std::string& url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://") || url.find("dbname=") != std::string::npos;
}

std::string SqlitePath(const std::string& url) { return url.starts_with("sqlite:") ? url.substr(7) : url; }

std::string QuoteIdent(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::map<std::string, std::int64_t> CountTables(SqlDb& db) {
    std::map<std::string, std::int64_t> rows;
    for (const auto& r : db.Query(db.dialect() == Dialect::kSqlite ? kSqliteTables : kPgTables)) {
        const std::string table = AsText(r[0]);
        rows[table] = AsInt(db.Query("SELECT COUNT(*) FROM " + QuoteIdent(table))[0][0]);
    }
    return rows;
}

std::pair<std::int64_t, std::string> AuditHeadOf(SqlDb& db) {
    auto rows = db.Query(kAuditHead);
    if (rows.empty()) return {0, ""};
    return {AsInt(rows[0][0]), AsText(rows[0][1])};
}

std::string Sha256File(const fs::path& path) {
    auto sum = Sha256OfFile(path.string());
    if (!sum) throw BackupError("无法读取 " + path.string());
    return *sum;
}

void FsyncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) throw BackupError("无法打开 " + path.string());
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw BackupError("无法写入磁盘（fsync）: " + path.string());
}

void WriteFile(const fs::path& path, const std::string& text, fs::perms perms = fs::perms::owner_read | fs::perms::owner_write) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, static_cast<mode_t>(perms));
    if (fd < 0) throw BackupError("无法创建 " + path.string());
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw BackupError("无法写入 " + path.string() + "（磁盘已满？）");
}

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BackupError("无法读取 " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path DataDir(const BackupTarget& t) { return DataDirOf(t.db_url, t.data_dir); }

std::string KeyPath(const BackupTarget& t) {
    return t.audit_key_path.empty() ? DefaultAuditKeyPath(t.db_url) : t.audit_key_path;
}

// A side item's name relative to the data dir; refuses names that leave it.
std::string SideName(const fs::path& data_dir, const std::string& item) {
    fs::path p = fs::path(item).is_absolute() ? fs::path(item) : data_dir / item;
    fs::path rel = p.lexically_normal().lexically_relative(data_dir);
    if (rel.empty() || rel == "." || *rel.begin() == "..")
        throw BackupError("--with " + item + ": 只能备份数据目录 " + data_dir.string() + " 之内的文件或目录");
    return rel.generic_string();
}

// Libpq connection parameters without the password (which goes to the tool's environment, never
// its command line where other users could read it).
struct PgTarget {
    std::string conninfo;
    std::vector<std::string> env;
};

PgTarget PgToolTarget(const std::string& url) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
    if (!opts) {
        std::string msg = err ? err : "无法解析";
        PQfreemem(err);
        throw BackupError("PostgreSQL 连接串无效: " + msg);
    }
    PgTarget t;
    for (PQconninfoOption* o = opts; o->keyword; ++o) {
        if (!o->val || !*o->val) continue;
        if (std::string(o->keyword) == "password") {
            t.env.push_back(std::string("PGPASSWORD=") + o->val);
            continue;
        }
        std::string value;
        for (const char* c = o->val; *c; ++c) value += (*c == '\'' || *c == '\\') ? std::string("\\") + *c : std::string(1, *c);
        t.conninfo += std::string(t.conninfo.empty() ? "" : " ") + o->keyword + "='" + value + "'";
    }
    PQconninfoFree(opts);
    return t;
}

void CopySqlite(const std::string& src_path, const fs::path& dest) {
    if (!fs::exists(src_path)) throw BackupError("数据库文件不存在: " + src_path);
    sqlite3* src = nullptr;
    sqlite3* dst = nullptr;
    auto close_both = [&] {
        sqlite3_close(src);
        sqlite3_close(dst);
    };
    if (sqlite3_open_v2(src_path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_open_v2(dest.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string msg = sqlite3_errmsg(src ? src : dst);
        close_both();
        throw BackupError("无法打开数据库: " + msg);
    }
    sqlite3_busy_timeout(src, 5000);
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        const std::string msg = sqlite3_errmsg(dst);
        close_both();
        throw BackupError("SQLite 在线备份无法开始: " + msg);
    }
    // All pages in one step: one read transaction, so the copy is one consistent state even while
    // the server writes (WAL readers do not block writers).
    int rc;
    for (int attempt = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; ++attempt) {
        if (attempt > 200) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        const std::string msg = sqlite3_errstr(rc);
        close_both();
        throw BackupError("SQLite 在线备份失败: " + msg);
    }
    // One self-contained file (no -wal beside it); check it before calling it a backup.
    char* err = nullptr;
    std::string check;
    sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    sqlite3_exec(
        dst, "PRAGMA integrity_check",
        [](void* out, int, char** vals, char**) {
            *static_cast<std::string*>(out) += vals[0] ? vals[0] : "";
            return 0;
        },
        &check, &err);
    sqlite3_free(err);
    close_both();
    if (check != "ok") throw BackupError("备份副本完整性检查失败: " + check);
}

json::object ManifestOf(const BackupSummary& s, const std::map<std::string, std::string>& files) {
    json::object rows, sums;
    for (const auto& [t, n] : s.rows) rows[t] = n;
    for (const auto& [f, h] : files) sums[f] = h;
    json::array side;
    for (const auto& name : s.side) side.emplace_back(name);
    return json::object{{"format", kFormat},
                        {"format_version", kBackupFormatVersion},
                        {"lingyan_version", s.lingyan_version},
                        {"created_at", s.created_at},
                        {"backend", s.backend},
                        {"schema_version", s.schema_version},
                        {"rows", rows},
                        {"audit_head", json::object{{"seq", s.audit_seq}, {"hash", s.audit_hash}}},
                        {"side", side},
                        {"sha256", sums}};
}

// Copies a side file or folder (recursively), keeping permissions.
void CopyItem(const fs::path& from, const fs::path& to) {
    fs::create_directories(to.parent_path());
    std::error_code ec;
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec) throw BackupError("无法复制 " + from.string() + " 到 " + to.string() + ": " + ec.message());
}

std::string RandomSuffix() {
    static std::mt19937_64 rng{std::random_device{}()};
    return std::to_string(rng() % 100000000);
}

}  // namespace

std::int64_t BackupSummary::TotalRows() const {
    std::int64_t n = 0;
    for (const auto& [t, c] : rows) n += c;
    return n;
}

std::map<std::string, std::int64_t> CountRows(const std::string& db_url) {
    auto db = OpenSqlDb(db_url);
    return CountTables(*db);
}

std::string DataDirOf(const std::string& db_url, const std::string& data_dir) {
    if (!data_dir.empty()) return fs::absolute(data_dir).string();
    if (!IsPostgres(db_url)) return fs::absolute(SqlitePath(db_url)).parent_path().string();
    return fs::current_path().string();
}

BackupSummary Backup(const BackupTarget& from, const std::string& dest_arg, const std::vector<std::string>& side,
                     const std::string& lingyan_version, const std::string& now_iso) {
    const fs::path dest = fs::absolute(dest_arg);
    if (fs::exists(dest)) throw BackupError("备份目标已存在: " + dest.string() + "（不会覆盖，请换一个新目录）");
    if (!fs::is_directory(dest.parent_path())) throw BackupError("备份目标的上级目录不存在: " + dest.parent_path().string());
    const fs::path data_dir = DataDir(from);
    const std::string key_path = KeyPath(from);
    if (!fs::exists(key_path)) throw BackupError("审计密钥文件不存在: " + key_path + "（用 --audit-key 指定）");
    std::vector<std::string> side_names;
    for (const auto& item : side) {
        side_names.push_back(SideName(data_dir, item));
        if (!fs::exists(data_dir / side_names.back()))
            throw BackupError("--with " + item + ": 不存在（在数据目录 " + data_dir.string() + " 中）");
    }

    BackupSummary s;
    s.path = dest.string();
    s.lingyan_version = lingyan_version;
    s.created_at = now_iso;
    s.side = side_names;
    const fs::path work = dest.parent_path() / ("." + dest.filename().string() + ".partial-" + RandomSuffix());
    fs::create_directory(work);
    try {
        if (!IsPostgres(from.db_url)) {
            s.backend = "sqlite";
            CopySqlite(SqlitePath(from.db_url), work / kSqliteFile);
            auto copy = OpenSqlite((work / kSqliteFile).string());
            s.schema_version = CurrentSchemaVersion(*copy);
            if (s.schema_version == 0) throw BackupError("不是 lingyan 数据库（没有迁移记录）: " + from.db_url);
            s.rows = CountTables(*copy);
            std::tie(s.audit_seq, s.audit_hash) = AuditHeadOf(*copy);
        } else {
            s.backend = "postgresql";
            auto db = OpenPostgres(from.db_url);
            // Counts, head and dump all from one snapshot, while the servers keep writing.
            db->ExecScript("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            const std::string snapshot = AsText(db->Query("SELECT pg_export_snapshot()")[0][0]);
            if (AsText(db->Query("SELECT to_regclass('schema_migrations') IS NOT NULL")[0][0]) == "t")
                s.schema_version = static_cast<int>(AsInt(db->Query("SELECT MAX(version) FROM schema_migrations")[0][0]));
            if (s.schema_version == 0) throw BackupError("不是 lingyan 数据库（没有迁移记录）");
            s.rows = CountTables(*db);
            std::tie(s.audit_seq, s.audit_hash) = AuditHeadOf(*db);
            const PgTarget target = PgToolTarget(from.db_url);
            const ToolResult r = RunTool({"pg_dump", "--format=custom", "--snapshot=" + snapshot, "--no-owner",
                                          "--file=" + (work / kPgDumpFile).string(), "--dbname=" + target.conninfo},
                                         target.env);
            db->ExecScript("COMMIT");
            if (r.exit_code != 0) throw BackupError("pg_dump 失败（退出码 " + std::to_string(r.exit_code) + "）: " + r.output);
            const ToolResult list = RunTool({"pg_restore", "--list", (work / kPgDumpFile).string()}, {});
            if (list.exit_code != 0) throw BackupError("pg_dump 的输出无法读回: " + list.output);
        }
        // The key, and the anchors up to the copied head (later ones would read as a truncation).
        WriteFile(work / kKeyFile, ReadFile(key_path));
        std::string anchors;
        {
            std::ifstream in(AnchorPathFor(key_path));
            std::string line;
            while (std::getline(in, line)) {
                std::istringstream fields(line);
                std::int64_t seq = 0;
                if (fields >> seq && seq <= s.audit_seq) anchors += line + "\n";
            }
        }
        WriteFile(work / kAnchorFile, anchors);
        for (const auto& name : side_names) CopyItem(data_dir / name, work / kSideDir / name);

        std::map<std::string, std::string> sums;
        for (const auto& entry : fs::recursive_directory_iterator(work)) {
            if (!entry.is_regular_file()) continue;
            // The backup holds password hashes and sessions: readable by its owner only.
            fs::permissions(entry.path(), fs::perms::group_all | fs::perms::others_all, fs::perm_options::remove);
            const std::string rel = entry.path().lexically_relative(work).generic_string();
            sums[rel] = Sha256File(entry.path());
            s.bytes += static_cast<std::int64_t>(entry.file_size());
            FsyncPath(entry.path(), false);
        }
        WriteFile(work / kManifest, json::serialize(ManifestOf(s, sums)) + "\n",
                  fs::perms::owner_read | fs::perms::owner_write);
        fs::permissions(work, fs::perms::owner_all);
        FsyncPath(work, true);
        fs::rename(work, dest);
        FsyncPath(dest.parent_path(), true);
    } catch (const std::exception& e) {
        std::error_code ec;
        fs::remove_all(work, ec);
        if (dynamic_cast<const BackupError*>(&e)) throw;
        throw BackupError(std::string("备份失败: ") + e.what());
    }
    return s;
}

BackupSummary ReadBackup(const std::string& src_arg) {
    const fs::path src = fs::absolute(src_arg);
    if (!fs::is_directory(src)) throw BackupError("不是 lingyan 备份: " + src.string() + " 不是目录");
    if (!fs::exists(src / kManifest)) throw BackupError("不是 lingyan 备份: " + src.string() + " 中没有 manifest.json");
    json::object m;
    try {
        m = json::parse(ReadFile(src / kManifest)).as_object();
    } catch (const std::exception&) {
        throw BackupError("不是 lingyan 备份: manifest.json 无法解析");
    }
    if (!m.contains("format") || !m.at("format").is_string() || m.at("format").as_string() != kFormat)
        throw BackupError("不是 lingyan 备份: manifest.json 的 format 不是 lingyan-backup");
    try {
        const auto format_version = m.at("format_version").to_number<int>();
        BackupSummary s;
        s.path = src.string();
        s.backend = std::string(m.at("backend").as_string());
        s.schema_version = m.at("schema_version").to_number<int>();
        s.lingyan_version = std::string(m.at("lingyan_version").as_string());
        s.created_at = std::string(m.at("created_at").as_string());
        if (format_version > kBackupFormatVersion || s.schema_version > LatestSchemaVersion())
            throw BackupError("备份来自更新的 lingyan " + s.lingyan_version + "（数据库版本 " +
                              std::to_string(s.schema_version) + "，本程序只认识到 " +
                              std::to_string(LatestSchemaVersion()) + "），请用相同或更新版本的 lingyan 恢复");
        if (s.backend != "sqlite" && s.backend != "postgresql") throw BackupError("备份的 backend 未知: " + s.backend);
        for (const auto& [t, n] : m.at("rows").as_object()) s.rows[std::string(t)] = n.to_number<std::int64_t>();
        s.audit_seq = m.at("audit_head").at("seq").to_number<std::int64_t>();
        s.audit_hash = std::string(m.at("audit_head").at("hash").as_string());
        for (const auto& name : m.at("side").as_array()) s.side.emplace_back(name.as_string());
        const auto& sums = m.at("sha256").as_object();
        const std::string db_file = s.backend == "sqlite" ? kSqliteFile : kPgDumpFile;
        for (const std::string& need : {db_file, std::string(kKeyFile), std::string(kAnchorFile)})
            if (!sums.contains(need)) throw BackupError("备份不完整: 缺少 " + need);
        for (const auto& [file, sum] : sums) {
            const fs::path p = src / std::string(file);
            if (!fs::exists(p)) throw BackupError("备份不完整: 缺少 " + std::string(file));
            if (Sha256File(p) != sum.as_string()) throw BackupError("备份已损坏: " + std::string(file) + " 的校验和不符");
            s.bytes += static_cast<std::int64_t>(fs::file_size(p));
        }
        return s;
    } catch (const BackupError&) {
        throw;
    } catch (const std::exception& e) {
        throw BackupError(std::string("不是 lingyan 备份: manifest.json 字段缺失或类型不对（") + e.what() + "）");
    }
}

BackupSummary Restore(const std::string& src_arg, const BackupTarget& to) {
    const BackupSummary s = ReadBackup(src_arg);
    const fs::path src = fs::absolute(src_arg);
    const bool pg = IsPostgres(to.db_url);
    if (pg != (s.backend == "postgresql"))
        throw BackupError("备份来自 " + s.backend + "，目标数据库是 " + (pg ? "postgresql" : "sqlite") +
                          "（跨后端迁移请用导出与导入）");
    const fs::path data_dir = DataDir(to);
    const std::string key_path = KeyPath(to);
    const std::string anchor_path = AnchorPathFor(key_path);

    // Every refusal before anything is written.
    if (fs::exists(key_path) && ReadFile(key_path) != ReadFile(src / kKeyFile))
        throw BackupError("目标处已有另一把审计密钥: " + key_path + "（不会覆盖；请换 --audit-key 或先移走它）");
    if (fs::exists(anchor_path) && ReadFile(anchor_path) != ReadFile(src / kAnchorFile))
        throw BackupError("目标处已有审计锚点文件: " + anchor_path + "（不会覆盖）");
    for (const auto& name : s.side)
        if (fs::exists(data_dir / name)) throw BackupError("目标处已存在 " + (data_dir / name).string() + "（不会覆盖）");
    fs::path sqlite_target, sqlite_temp;
    if (!pg) {
        sqlite_target = fs::absolute(SqlitePath(to.db_url));
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            if (fs::exists(sqlite_target.string() + suffix))
                throw BackupError("目标数据库文件已存在: " + sqlite_target.string() + suffix + "（只恢复到新文件）");
        if (!fs::is_directory(sqlite_target.parent_path()))
            throw BackupError("目标目录不存在: " + sqlite_target.parent_path().string());
        sqlite_temp = sqlite_target.string() + ".restoring-" + RandomSuffix();
    } else {
        auto db = OpenPostgres(to.db_url);
        const auto n = AsInt(db->Query("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()")[0][0]);
        if (n != 0) throw BackupError("目标数据库不是空的（已有 " + std::to_string(n) + " 张表）；请恢复到新建的空数据库");
    }

    std::map<std::string, std::int64_t> rows;
    std::pair<std::int64_t, std::string> head;
    if (!pg) {
        std::error_code ec;
        fs::copy_file(src / kSqliteFile, sqlite_temp, ec);
        if (ec) throw BackupError("无法写入 " + sqlite_temp.string() + ": " + ec.message());
        try {
            fs::permissions(sqlite_temp, fs::perms::owner_read | fs::perms::owner_write);
            FsyncPath(sqlite_temp, false);
            auto db = OpenSqlite(sqlite_temp.string());
            rows = CountTables(*db);
            head = AuditHeadOf(*db);
        } catch (...) {
            fs::remove(sqlite_temp, ec);
            throw;
        }
    } else {
        const PgTarget target = PgToolTarget(to.db_url);
        const ToolResult r =
            RunTool({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                     "--dbname=" + target.conninfo, (src / kPgDumpFile).string()},
                    target.env);
        if (r.exit_code != 0)
            throw BackupError("pg_restore 失败（退出码 " + std::to_string(r.exit_code) + "，目标库未改动）: " + r.output);
        auto db = OpenPostgres(to.db_url);
        rows = CountTables(*db);
        head = AuditHeadOf(*db);
    }
    std::string diff;
    for (const auto& [table, n] : s.rows)
        if (!rows.count(table) || rows.at(table) != n)
            diff += " " + table + "（备份 " + std::to_string(n) + "，恢复后 " +
                    (rows.count(table) ? std::to_string(rows.at(table)) : std::string("缺表")) + "）";
    for (const auto& [table, n] : rows)
        if (!s.rows.count(table)) diff += " " + table + "（备份中没有）";
    if (head.first != s.audit_seq || head.second != s.audit_hash)
        diff += " 审计链头（备份 " + std::to_string(s.audit_seq) + "，恢复后 " + std::to_string(head.first) + "）";
    if (!diff.empty()) {
        std::error_code ec;
        if (!pg) fs::remove(sqlite_temp, ec);
        throw BackupError("恢复后核对不一致:" + diff + (pg ? "；请删除目标库后重试" : ""));
    }
    if (!pg) {
        fs::rename(sqlite_temp, sqlite_target);
        FsyncPath(sqlite_target.parent_path(), true);
    }
    if (!fs::exists(key_path)) WriteFile(key_path, ReadFile(src / kKeyFile));
    if (!fs::exists(anchor_path)) WriteFile(anchor_path, ReadFile(src / kAnchorFile));
    for (const auto& name : s.side) CopyItem(src / kSideDir / name, data_dir / name);
    BackupSummary out = s;
    out.rows = rows;
    return out;
}

}  // namespace lingyan::storage
