#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "core/ports/store_errors.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

namespace {

using core::ports::StoreUnavailable;
using Clock = std::chrono::steady_clock;

// After a failed reconnect, calls fail at once for this long instead of each waiting on a
// connection attempt: requests answer 503 in microseconds while PostgreSQL is down.
constexpr auto kReconnectBackoff = std::chrono::milliseconds(500);

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

// Parameters as libpq takes them: text, or a null pointer for NULL.
struct ParamTexts {
    explicit ParamTexts(const std::vector<SqlValue>& params) : texts(params.size()), values(params.size(), nullptr) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            const SqlValue& v = params[i];
            if (std::holds_alternative<std::monostate>(v)) continue;
            if (auto* n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
            else if (auto* d = std::get_if<double>(&v)) texts[i] = std::to_string(*d);
            else texts[i] = std::get<std::string>(v);
            values[i] = texts[i].c_str();
        }
    }
    std::vector<std::string> texts;
    std::vector<const char*> values;
};

// A statement that can be sent again after the connection was found dead outside a transaction:
// it either did not run or changed nothing.
bool SafeToRetry(const std::string& sql) { return sql == "BEGIN" || sql.starts_with("SELECT") || sql.starts_with("SET "); }

// One connection. A lost connection (PostgreSQL restarted, network cut) is noticed on the failing
// call, which throws StoreUnavailable; the next call outside a transaction reconnects. Statements
// that are safe to repeat (BEGIN, SELECT) are retried once on a fresh connection, so most requests
// after a restart do not notice it.
class PgDb final : public SqlDb {
public:
    explicit PgDb(const std::string& conninfo) : conninfo_(conninfo) {
        conn_ = Connect();
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw StoreError("无法连接 PostgreSQL: " + msg);
        }
        Configure();
    }
    ~PgDb() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::kPostgres; }

    void ExecScript(const std::string& sql) override {
        Run(sql, [&] { return PQexec(conn_, sql.c_str()); });
    }

    std::vector<SqlRow> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
        const ParamTexts p(params);
        const auto& values = p.values;
        PGresult* r = Run(sql, [&] {
            const std::string* name = Prepared(sql);
            if (!name)
                return PQexecParams(conn_, ToDollarParams(sql).c_str(), static_cast<int>(params.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
            return PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
        }, /*keep=*/true);
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

    // Each row as it comes (CopyOut), decoded from COPY's text format.
    void QueryEach(const std::string& sql, const std::vector<SqlValue>& params,
                   const std::function<void(const SqlRow&)>& on_row) override {
        SqlRow row;
        CopyOut(sql, params, [&](std::string_view line) {
            ParseCopyLine(line, row);
            on_row(row);
        });
    }

    // The integers straight from the COPY line (no text made of them): a board rebuild reads
    // 68 M rows of three.
    void QueryEachInt(const std::string& sql, const std::vector<SqlValue>& params,
                      const std::function<void(std::span<const std::int64_t>)>& on_row) override {
        std::vector<std::int64_t> values;
        CopyOut(sql, params, [&](std::string_view line) {
            if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
            values.clear();
            for (std::size_t start = 0;;) {
                const std::size_t tab = std::min(line.find('\t', start), line.size());
                const std::string_view field = line.substr(start, tab - start);
                std::int64_t v = 0;
                if (field != "\\N") {
                    const auto [at, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
                    if (ec != std::errc() || at != field.data() + field.size())
                        throw StoreError("PostgreSQL: 不是整数列: " + std::string(field));
                }
                values.push_back(v);
                if (tab == line.size()) break;
                start = tab + 1;
            }
            on_row(values);
        });
    }

    bool InTransaction() const override { return in_tx_; }

    void Begin() override {
        ExecScript("BEGIN");
        in_tx_ = true;
    }
    void Commit() override {
        in_tx_ = false;
        ExecScript("COMMIT");
    }
    void Rollback() override {
        in_tx_ = false;
        // On a lost connection the server has rolled back already.
        if (PQstatus(conn_) != CONNECTION_OK) return;
        ExecScript("ROLLBACK");
    }

private:
    // The server-side prepared statement for `sql` (parsed and planned once per connection), or
    // null when it cannot be prepared (then it runs unprepared and the failure reports itself).
    // The cache is per connection: a reconnect starts it afresh. Bounded, because a few callers
    // build SQL text from data (IN lists); when full it is dropped whole.
    const std::string* Prepared(const std::string& sql) {
        if (prepared_conn_ != conn_ || PQstatus(conn_) != CONNECTION_OK) {
            prepared_.clear();
            prepared_conn_ = conn_;
            reconnect_epoch_seen_ = reconnect_epoch_;
        }
        if (reconnect_epoch_seen_ != reconnect_epoch_) {
            prepared_.clear();
            reconnect_epoch_seen_ = reconnect_epoch_;
        }
        if (auto it = prepared_.find(sql); it != prepared_.end()) return &it->second;
        if (prepared_.size() >= kMaxPrepared) {
            PQclear(PQexec(conn_, "DEALLOCATE ALL"));
            prepared_.clear();
        }
        std::string name = "ly" + std::to_string(++prepared_count_);
        PGresult* r = PQprepare(conn_, name.c_str(), ToDollarParams(sql).c_str(), 0, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) return nullptr;
        return &prepared_.emplace(sql, std::move(name)).first->second;
    }

    PGconn* Connect() {
        // A default connect timeout that the connection string may override (later keywords win).
        const char* keywords[] = {"connect_timeout", "dbname", nullptr};
        const char* values[] = {"3", conninfo_.c_str(), nullptr};
        return PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
    }
    void Configure() {
        PGresult* r = PQexec(conn_, "SET client_min_messages = WARNING");
        PQclear(r);
    }

    // Makes sure there is a connection to send on, reconnecting when it was lost.
    void EnsureConnected() {
        if (PQstatus(conn_) == CONNECTION_OK) return;
        stats_.connected = false;
        if (in_tx_) Unavailable("与 PostgreSQL 的连接在事务中断开，本次操作未保存");
        if (Clock::now() < retry_after_) Unavailable("PostgreSQL 暂时不可用，请稍后重试");
        PQreset(conn_);
        if (PQstatus(conn_) != CONNECTION_OK) {
            retry_after_ = Clock::now() + kReconnectBackoff;
            Unavailable("PostgreSQL 暂时不可用，请稍后重试（" + FirstLine(PQerrorMessage(conn_)) + "）");
        }
        Configure();
        ++reconnect_epoch_;  // the server forgot our prepared statements
        stats_.reconnects++;
        stats_.connected = true;
    }

    template <typename Send>
    PGresult* Run(const std::string& sql, Send send, bool keep = false) {
        const auto started = Clock::now();
        EnsureConnected();
        stats_.queries++;
        PGresult* r = send();
        if (PQstatus(conn_) != CONNECTION_OK) {
            PQclear(r);
            stats_.connected = false;
            const bool retry = !in_tx_ && SafeToRetry(sql);
            if (retry) {
                EnsureConnected();
                r = send();
            }
            if (!retry || PQstatus(conn_) != CONNECTION_OK) {
                if (retry) PQclear(r);
                Unavailable(sql == "COMMIT" ? "与 PostgreSQL 的连接在提交时断开，本次写入是否保存未知，请刷新后核对"
                                            : "与 PostgreSQL 的连接已断开，本次操作未保存，请稍后重试");
            }
        }
        stats_.micros += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count());
        auto st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            std::string msg = PQresultErrorMessage(r);
            PQclear(r);
            stats_.errors++;
            throw StoreError("PostgreSQL: " + msg + " in: " + sql.substr(0, 200));
        }
        if (keep) return r;
        PQclear(r);
        return nullptr;
    }

    // `sql` with each `?` (outside quoted literals) replaced by its parameter as a literal.
    std::string WithLiterals(const std::string& sql, const std::vector<SqlValue>& params) {
        const ParamTexts p(params);
        std::string out;
        std::size_t next = 0;
        bool in_quote = false;
        for (char c : sql) {
            if (c == '\'') in_quote = !in_quote;
            if (c != '?' || in_quote) {
                out += c;
                continue;
            }
            if (next >= params.size()) throw StoreError("参数个数与语句不符: " + sql.substr(0, 200));
            const char* value = p.values[next++];
            if (!value) {
                out += "NULL";
                continue;
            }
            char* quoted = PQescapeLiteral(conn_, value, std::strlen(value));
            if (!quoted) Failed(sql, PQerrorMessage(conn_));
            out += quoted;
            PQfreemem(quoted);
        }
        return out;
    }
    // Through COPY (…) TO STDOUT: PostgreSQL sends the rows as one stream, each line handed to
    // `on_line` as it comes (6.8 M rows of three integers took 55 s in libpq's single-row mode on a
    // loaded machine, ~5 s as COPY). COPY takes no parameters, so they are written into the
    // statement as literals.
    template <typename OnLine>
    void CopyOut(const std::string& sql, const std::vector<SqlValue>& params, OnLine&& on_line) {
        const auto started = Clock::now();
        EnsureConnected();
        stats_.queries++;
        const std::string copy = "COPY (" + WithLiterals(sql, params) + ") TO STDOUT";
        PGresult* r = PQexec(conn_, copy.c_str());
        const bool copying = PQresultStatus(r) == PGRES_COPY_OUT;
        std::string error = copying ? "" : PQresultErrorMessage(r);
        PQclear(r);
        if (!copying) Failed(sql, error.empty() ? PQerrorMessage(conn_) : error);
        char* line = nullptr;
        int n = 0;
        try {
            while ((n = PQgetCopyData(conn_, &line, 0)) > 0) {
                const std::string_view text(line, static_cast<std::size_t>(n));
                struct Free {
                    char*& line;
                    ~Free() {
                        PQfreemem(line);
                        line = nullptr;
                    }
                } free{line};
                on_line(text);
            }
        } catch (...) {
            if (line) PQfreemem(line);
            while (PQgetCopyData(conn_, &line, 0) > 0) PQfreemem(line);
            Drain();
            throw;
        }
        if (n == -2) error = PQerrorMessage(conn_);
        while (PGresult* end = PQgetResult(conn_)) {
            if (PQresultStatus(end) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(end);
            PQclear(end);
        }
        stats_.micros += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count());
        if (!error.empty()) Failed(sql, error);
    }

    // One line of COPY's text format: fields split by tabs, \N for NULL, backslash escapes.
    static void ParseCopyLine(std::string_view line, SqlRow& row) {
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        std::size_t col = 0;
        for (std::size_t start = 0;; ++col) {
            const std::size_t tab = line.find('\t', start);
            const std::string_view field = line.substr(start, tab == std::string_view::npos ? line.size() - start : tab - start);
            if (row.size() <= col) row.resize(col + 1);
            if (field == "\\N") {
                row[col].reset();
            } else if (field.find('\\') == std::string_view::npos) {
                row[col].emplace(field);  // no escapes (every number, most text): as it stands
            } else {
                std::string& text = row[col].emplace();
                for (std::size_t i = 0; i < field.size(); ++i) {
                    if (field[i] != '\\' || i + 1 == field.size()) {
                        text += field[i];
                        continue;
                    }
                    const char e = field[++i];
                    if (e >= '0' && e <= '7') {  // \ooo: up to three octal digits
                        int v = 0;
                        for (int k = 0; k < 3 && i < field.size() && field[i] >= '0' && field[i] <= '7'; ++k, ++i)
                            v = v * 8 + (field[i] - '0');
                        --i;
                        text += static_cast<char>(v);
                    } else if (e == 'x' && i + 1 < field.size() && std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
                        int v = 0;
                        for (int k = 0; k < 2 && i + 1 < field.size() && std::isxdigit(static_cast<unsigned char>(field[i + 1])); ++k)
                            v = v * 16 + std::stoi(std::string(1, field[++i]), nullptr, 16);
                        text += static_cast<char>(v);
                    } else {
                        text += e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == 'v' ? '\v' : e;
                    }
                }
            }
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        row.resize(col + 1);
    }

    // Reads and drops what is left of a result sent with PQsendQuery*.
    void Drain() {
        while (PGresult* r = PQgetResult(conn_)) PQclear(r);
    }
    // A streamed query failed: a lost connection is StoreUnavailable, anything else a StoreError.
    [[noreturn]] void Failed(const std::string& sql, const std::string& message) {
        if (PQstatus(conn_) != CONNECTION_OK) {
            stats_.connected = false;
            Unavailable("与 PostgreSQL 的连接已断开，请稍后重试");
        }
        stats_.errors++;
        throw StoreError("PostgreSQL: " + message + " in: " + sql.substr(0, 200));
    }

    [[noreturn]] void Unavailable(const std::string& message) {
        stats_.unavailable++;
        throw StoreUnavailable(message);
    }
    static std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

    static constexpr std::size_t kMaxPrepared = 2000;
    std::string conninfo_;
    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
    PGconn* prepared_conn_ = nullptr;
    std::uint64_t prepared_count_ = 0, reconnect_epoch_ = 0, reconnect_epoch_seen_ = 0;
    bool in_tx_ = false;
    Clock::time_point retry_after_{};
};

}  // namespace

std::unique_ptr<SqlDb> OpenPostgres(const std::string& conninfo) { return std::make_unique<PgDb>(conninfo); }

}  // namespace lingyan::storage
