#include <libpq-fe.h>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

namespace {

// Rewrites `?` placeholders (outside quoted literals) to $1…$n.
std::string ToDollarParams(const std::string& sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    bool in_quote = false;
    for (char c : sql) {
        if (c == '\'') in_quote = !in_quote;
        if (c == '?' && !in_quote) {
            out += '$';
            out += std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

class PgDb final : public SqlDb {
public:
    explicit PgDb(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw StoreError("无法连接 PostgreSQL: " + msg);
        }
        ExecScript("SET client_min_messages = WARNING");
    }
    ~PgDb() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::kPostgres; }

    void ExecScript(const std::string& sql) override {
        PGresult* r = PQexec(conn_, sql.c_str());
        Check(r, sql);
        PQclear(r);
    }

    std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const SqlValue& v = params[i];
            if (std::holds_alternative<std::monostate>(v)) continue;
            if (auto* n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
            else if (auto* d = std::get_if<double>(&v)) texts[i] = std::to_string(*d);
            else texts[i] = std::get<std::string>(v);
            values[i] = texts[i].c_str();
        }
        PGresult* r = PQexecParams(conn_, ToDollarParams(sql).c_str(), static_cast<int>(params.size()), nullptr,
                                   values.data(), nullptr, nullptr, 0);
        Check(r, sql);
        std::vector<SqlRow> rows;
        int nrows = PQntuples(r), ncols = PQnfields(r);
        rows.reserve(nrows);
        for (int i = 0; i < nrows; ++i) {
            SqlRow row(ncols);
            for (int c = 0; c < ncols; ++c)
                if (!PQgetisnull(r, i, c)) row[c] = std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c));
            rows.push_back(std::move(row));
        }
        PQclear(r);
        return rows;
    }

    void Begin() override { ExecScript("BEGIN"); }
    void Commit() override { ExecScript("COMMIT"); }
    void Rollback() override { ExecScript("ROLLBACK"); }

private:
    void Check(PGresult* r, const std::string& sql) {
        auto st = PQresultStatus(r);
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
        std::string msg = PQresultErrorMessage(r);
        PQclear(r);
        throw StoreError("PostgreSQL: " + msg + " in: " + sql.substr(0, 200));
    }
    PGconn* conn_;
};

}  // namespace

std::unique_ptr<SqlDb> OpenPostgres(const std::string& conninfo) { return std::make_unique<PgDb>(conninfo); }

}  // namespace lingyan::storage
