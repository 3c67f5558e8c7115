#pragma once
// Online backups of a lingyan deployment and their restore, for both backends.
//
// A backup is a folder (created under a temporary name and renamed when complete, so a crashed
// backup never looks like one) holding:
//   manifest.json        format "lingyan-backup", its version, the binary's and the schema's
//                        versions, the backend, per-table row counts and the audit chain's head
//                        as of the copy, and the SHA-256 of every file below;
//   database.sqlite      SQLite: the SQLite online backup API (writers go on meanwhile);
//   database.pgdump      PostgreSQL: `pg_dump -Fc` (found on PATH) in a snapshot exported by a
//                        repeatable-read transaction, in which the row counts are taken too;
//   audit-key, audit-anchor   the audit chain's key and its anchor lines up to the copied head;
//   side/<name>          side files and folders of the data dir (attachments and the like).
//
// Restore refuses a folder that is not a lingyan backup, a backup whose schema is newer than this
// binary, a checksum mismatch, a target database that is not empty, and an audit key, anchor or
// side item that already exists at the target with other contents. It restores SQLite into a
// temporary file renamed into place after verification, PostgreSQL with `pg_restore
// --single-transaction`, then compares every table's row count and the audit head with the
// manifest and fails loudly on any difference.
//
// Errors are thrown as BackupError with a message for the operator (in Chinese). Not thread-safe;
// meant for the CLI.

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace lingyan::storage {

class BackupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int kBackupFormatVersion = 1;

struct BackupTarget {
    std::string db_url;
    std::string audit_key_path;  // "" = DefaultAuditKeyPath(db_url)
    // Side items are named relative to this folder; "" = the SQLite file's folder, else the
    // working directory.
    std::string data_dir;
};

struct BackupSummary {
    std::string path;
    std::string backend;  // "sqlite" | "postgresql"
    int schema_version = 0;
    std::string lingyan_version;
    std::string created_at;
    std::map<std::string, std::int64_t> rows;  // per table
    std::int64_t audit_seq = 0;
    std::string audit_hash;
    std::vector<std::string> side;  // side items as named relative to the data dir
    std::int64_t bytes = 0;         // total size of the backup's files
    std::int64_t TotalRows() const;
};

// The data directory of a deployment: `data_dir` when given, else the SQLite file's folder, else
// (PostgreSQL) the working directory; absolute. The attachment store lives in its `attachments`.
std::string DataDirOf(const std::string& db_url, const std::string& data_dir = {});

// Copies the database at `from` (and its audit key, anchor and the `side` items of its data dir)
// into the new folder `dest`. Refuses an existing `dest`.
BackupSummary Backup(const BackupTarget& from, const std::string& dest, const std::vector<std::string>& side,
                     const std::string& lingyan_version, const std::string& now_iso);

// Reads and checks a backup's manifest and checksums without restoring anything.
BackupSummary ReadBackup(const std::string& src);

// Restores the backup `src` into the empty database `to` (a SQLite file that does not exist yet,
// or an empty PostgreSQL database), then verifies row counts and the audit head.
BackupSummary Restore(const std::string& src, const BackupTarget& to);

// Per-table row counts of a database (every table of the schema, including schema_migrations).
std::map<std::string, std::int64_t> CountRows(const std::string& db_url);

}  // namespace lingyan::storage
