#include "storage/db/pg_copy.hpp"

#include <libpq-fe.h>

#include <charconv>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

namespace {

constexpr std::size_t kSendBytes = 1 << 20;

struct ResultGuard {
    PGresult* r;
    ~ResultGuard() { PQclear(r); }
};

}  // namespace

PgCopy::PgCopy(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(conn_);
        PQfinish(conn_);
        throw StoreError("无法连接 PostgreSQL: " + msg);
    }
    buffer_.reserve(kSendBytes + 4096);
}

PgCopy::~PgCopy() { PQfinish(conn_); }

std::vector<std::optional<std::string>> PgCopy::Exec(const std::string& sql) {
    if (PQsendQuery(conn_, sql.c_str()) == 0) throw StoreError(PQerrorMessage(conn_));
    std::vector<std::optional<std::string>> out;
    std::string error;
    while (PGresult* raw = PQgetResult(conn_)) {
        ResultGuard r{raw};
        const auto status = PQresultStatus(raw);
        if (status == PGRES_FATAL_ERROR) error = PQresultErrorMessage(raw);
        if (status != PGRES_TUPLES_OK) continue;
        out.clear();
        for (int row = 0; row < PQntuples(raw); ++row)
            out.push_back(PQgetisnull(raw, row, 0) ? std::nullopt : std::optional<std::string>(PQgetvalue(raw, row, 0)));
    }
    if (!error.empty()) throw StoreError(error);
    return out;
}

void PgCopy::Start(const std::string& table, const std::string& columns) {
    ResultGuard r{PQexec(conn_, ("COPY " + table + " (" + columns + ") FROM STDIN").c_str())};
    if (PQresultStatus(r.r) != PGRES_COPY_IN) throw StoreError("COPY " + table + ": " + PQresultErrorMessage(r.r));
    buffer_.clear();
    rows_ = 0;
    row_open_ = false;
}

void PgCopy::Separate() {
    if (row_open_) buffer_ += '\t';
    row_open_ = true;
}

PgCopy& PgCopy::Field(std::int64_t v) {
    Separate();
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    buffer_.append(digits, end);
    return *this;
}

PgCopy& PgCopy::Field(std::string_view text) {
    Separate();
    for (char c : text) {
        switch (c) {
            case '\\': buffer_ += "\\\\"; break;
            case '\t': buffer_ += "\\t"; break;
            case '\n': buffer_ += "\\n"; break;
            case '\r': buffer_ += "\\r"; break;
            default: buffer_ += c;
        }
    }
    return *this;
}

PgCopy& PgCopy::Null() {
    Separate();
    buffer_ += "\\N";
    return *this;
}

void PgCopy::EndRow() {
    buffer_ += '\n';
    row_open_ = false;
    ++rows_;
    if (buffer_.size() >= kSendBytes) Flush();
}

void PgCopy::Flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
        throw StoreError(std::string("COPY: ") + PQerrorMessage(conn_));
    buffer_.clear();
}

std::uint64_t PgCopy::Finish() {
    Flush();
    if (PQputCopyEnd(conn_, nullptr) != 1) throw StoreError(std::string("COPY: ") + PQerrorMessage(conn_));
    std::string error;
    while (PGresult* raw = PQgetResult(conn_)) {
        ResultGuard r{raw};
        if (PQresultStatus(raw) != PGRES_COMMAND_OK) error = PQresultErrorMessage(raw);
    }
    if (!error.empty()) throw StoreError("COPY: " + error);
    return rows_;
}

}  // namespace lingyan::storage
