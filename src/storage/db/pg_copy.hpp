#pragma once
// PgCopy: bulk loading into PostgreSQL with COPY … FROM STDIN (libpq PQputCopyData) on a
// connection of its own. Rows are written field by field in COPY's text format (tab-separated,
// \N for NULL, backslash escapes) into a buffer sent in 1 MiB pieces. Throws StoreError with
// PostgreSQL's message when a statement or the COPY fails. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct pg_conn PGconn;

namespace lingyan::storage {

class PgCopy {
public:
    explicit PgCopy(const std::string& conninfo);
    ~PgCopy();
    PgCopy(const PgCopy&) = delete;
    PgCopy& operator=(const PgCopy&) = delete;

    // Runs statements without parameters; returns the first column of each row of the last one.
    std::vector<std::optional<std::string>> Exec(const std::string& sql);

    // Starts `COPY table (columns) FROM STDIN`; rows follow, Finish() ends it and returns the rows copied.
    void Start(const std::string& table, const std::string& columns);
    PgCopy& Field(std::int64_t v);
    PgCopy& Field(std::string_view text);
    PgCopy& Null();
    void EndRow();
    std::uint64_t Finish();

private:
    void Separate();
    void Flush();

    PGconn* conn_ = nullptr;
    std::string buffer_;
    bool row_open_ = false;
    std::uint64_t rows_ = 0;
};

}  // namespace lingyan::storage
