#pragma once
// The database a service benchmark seeds: PostgreSQL when LINGYAN_TEST_PG names a server
// (scripts/with-postgres.sh sets it) — a fresh database `name` made on it — else SQLite in a fresh
// temp file `name`.db (or at `sqlite_path`, kept for later use, when given).

#include <cstdlib>
#include <filesystem>
#include <string>

#include "storage/db/sql_db.hpp"

namespace lingyan::bench {

inline std::string FreshDatabaseUrl(const std::string& name, const std::string& sqlite_path = "") {
    if (const char* admin = std::getenv("LINGYAN_TEST_PG"); admin && *admin) {
        auto db = storage::OpenPostgres(admin);
        db->ExecScript("DROP DATABASE IF EXISTS " + name);
        db->ExecScript("CREATE DATABASE " + name);
        std::string conninfo = admin;
        auto pos = conninfo.find("dbname=");
        auto end = conninfo.find(' ', pos);
        conninfo.replace(pos, end == std::string::npos ? std::string::npos : end - pos, "dbname=" + name);
        return conninfo;
    }
    const std::filesystem::path path =
        sqlite_path.empty() ? std::filesystem::temp_directory_path() / (name + ".db") : std::filesystem::path(sqlite_path);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return "sqlite:" + path.string();
}

}  // namespace lingyan::bench
