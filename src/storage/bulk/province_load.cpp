#include "storage/bulk/province_load.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>
#include <map>
#include <random>
#include <thread>

#include "core/common/date.hpp"
#include "core/points/model.hpp"
#include "storage/bulk/province_rules.hpp"
#include "storage/db/migrations.hpp"
#include "storage/db/pg_copy.hpp"
#include "storage/db/sql_db.hpp"
#include "storage/sql/points_store.hpp"

namespace lingyan::storage {

using core::points::kOnePoint;

namespace {

using Clock = std::chrono::steady_clock;

// The tables the loader fills, parents first.
constexpr const char* kTables[] = {"units",        "party_orgs",     "people",         "positions",
                                   "points_rules", "points_periods", "points_members", "points_events"};

using province::kRules;

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
constexpr const char* kGiven[] = {"建国", "志强", "秀英", "丽华", "海涛", "晓燕", "国平", "红梅",
                                  "永明", "桂兰", "春生", "玉珍", "文杰", "雪梅", "德胜", "美玲"};
constexpr const char* kEducation[] = {"middle", "high", "junior_college", "bachelor", "postgraduate"};

struct UnitRow {
    std::int64_t id, parent;
    std::string code, name;
    const char* kind;
};

std::string Text(const char* format, auto... args) {
    char buf[96];
    std::snprintf(buf, sizeof buf, format, args...);
    return buf;
}

class Loader {
public:
    Loader(const std::string& conninfo, const ProvinceLoadOptions& o,
           const std::function<void(const ProvinceLoadPhase&)>& on_phase)
        : conninfo_(conninfo), o_(o), on_phase_(on_phase), copy_(conninfo), rng_(o.seed) {}

    ProvinceLoadReport Run() {
        const auto started = Clock::now();
        Prepare();
        Phase("units", [&] { return CopyUnits(); });
        Phase("party_orgs", [&] { return CopyPartyOrgs(); });
        Phase("people", [&] { return CopyPeople(); });
        Phase("positions", [&] { return CopyPositions(); });
        Phase("points_rules, points_periods", [&] { return CopyRulesAndPeriod(); });
        Phase("points_members", [&] { return CopyMembers(); });
        Phase("points_events", [&] { return CopyEvents(); });
        Phase("pending declarations", [&] { return CountPending(); });
        Phase("keys and indexes", [&] { return RunParallel(); });
        Phase("foreign keys", [&] { return RunAll(foreign_keys_); });
        Phase("sequences, analyse", [&] { return Finish(); });
        report_.seconds = Seconds(started);
        return report_;
    }

private:
    static double Seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

    template <typename Fn>
    void Phase(const std::string& name, Fn&& fn) {
        const auto started = Clock::now();
        ProvinceLoadPhase phase{name, fn(), 0};
        phase.seconds = Seconds(started);
        if (on_phase_) on_phase_(phase);
        report_.phases.push_back(std::move(phase));
    }

    std::string TableList() const {
        std::string out;
        for (const char* t : kTables) out += std::string(out.empty() ? "" : ", ") + "'" + t + "'::regclass";
        return out;
    }
    // The tables whose secondary indexes are dropped before the copy and built after it: the
    // copied ones and the approvals queue (filled from the copy, CountPending).
    std::string IndexedTableList() const { return TableList() + ", 'points_pending_queue'::regclass"; }

    // The statements a catalog query writes, one per row.
    std::vector<std::string> Statements(const std::string& query) {
        std::vector<std::string> out;
        for (auto& row : copy_.Exec(query)) out.push_back(row.value_or(""));
        return out;
    }

    // Migrates, checks the database is empty, notes and drops foreign keys and secondary indexes.
    void Prepare() {
        {
            auto db = OpenPostgres(conninfo_);
            ApplyMigrations(*db);
        }
        for (const char* t : {"units", "people", "points_events"})
            if (copy_.Exec(std::string("SELECT EXISTS (SELECT 1 FROM ") + t + ")").at(0) == "t")
                throw StoreError(std::string("数据库的 ") + t + " 表已有数据：省级数据集只装入空库");
        copy_.Exec("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'");
        const std::string tables = TableList();
        // The catalog writes the statements that rebuild what is dropped (run after the copy) and
        // those that drop it (run now).
        foreign_keys_ = Statements(
            "SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, "
            "pg_get_constraintdef(oid)) FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 "
            "AND conrelid IN (" +
            tables + ") ORDER BY conrelid, conname");
        // Indexes not behind a constraint, on the parent of a partitioned table only.
        const std::string indexed = IndexedTableList();
        indexes_ = Statements(
            "SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') FROM pg_index i "
            "WHERE i.indrelid IN (" +
            indexed +
            ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conindid = i.indexrelid) ORDER BY i.indexrelid");
        // The ledger's primary key and unique key too (nothing else refers to them): built after.
        ledger_keys_ = Statements(
            "SELECT format('ALTER TABLE points_events ADD CONSTRAINT %I %s', conname, "
            "pg_get_constraintdef(oid)) FROM pg_constraint WHERE conrelid = 'points_events'::regclass "
            "AND contype IN ('p', 'u') ORDER BY contype, conname");
        RunAll(
            Statements("SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) "
                       "FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 AND conrelid IN (" +
                       tables + ")"));
        RunAll(
            Statements("SELECT format('DROP INDEX %s', i.indexrelid::regclass) FROM pg_index i "
                       "WHERE i.indrelid IN (" +
                       indexed +
                       ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                       "WHERE c.conindid = i.indexrelid)"));
        RunAll(
            Statements("SELECT format('ALTER TABLE points_events DROP CONSTRAINT %I', conname) FROM "
                       "pg_constraint WHERE conrelid = 'points_events'::regclass AND contype IN ('p', 'u')"));
    }

    // Runs fn(connection, job) on o_.jobs connections at once; rethrows the first failure.
    template <typename Fn>
    void OnConnections(int jobs, Fn&& fn) {
        std::vector<std::exception_ptr> errors(static_cast<std::size_t>(jobs));
        std::vector<std::thread> workers;
        for (int job = 0; job < jobs; ++job)
            workers.emplace_back([&, job] {
                try {
                    PgCopy connection(conninfo_);
                    connection.Exec("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
                    fn(connection, job);
                } catch (...) {
                    errors[static_cast<std::size_t>(job)] = std::current_exception();
                }
            });
        for (auto& w : workers) w.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    }

    // The ledger's keys and every index, largest first, taken in turn by o_.jobs connections
    // (CREATE INDEX takes a SHARE lock: builds on one table run side by side).
    std::uint64_t RunParallel() {
        std::vector<std::string> statements = ledger_keys_;
        statements.insert(statements.end(), indexes_.begin(), indexes_.end());
        std::stable_partition(statements.begin(), statements.end(),
                              [](const std::string& sql) { return sql.find(" points_events ") != std::string::npos; });
        const auto chains = IndexBuildChains(statements);
        std::atomic<std::size_t> next{0};
        OnConnections(o_.jobs, [&](PgCopy& connection, int) {
            for (std::size_t idx; (idx = next++) < chains.size();)
                for (const auto& sql : chains[idx]) connection.Exec(sql);
        });
        return statements.size();
    }

    std::uint64_t RunAll(const std::vector<std::string>& statements) {
        for (const auto& sql : statements) copy_.Exec(sql);
        return statements.size();
    }

    // What the points store keeps on each change, from the copied ledger: the pending declarations
    // per unit (migration 91) and the approvals queue by unit (migration 99) — before the indexes
    // are built (the queue's with the others).
    std::uint64_t CountPending() {
        copy_.Exec(
            "INSERT INTO points_pending_units (unit_id, pending) "
            "SELECT m.unit_id, COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id "
            "WHERE e.status = 'pending' AND m.ended_on = '' GROUP BY m.unit_id");
        const auto queued =
            copy_.Exec("WITH q AS (" + QueuePendingStatement("TRUE") + " RETURNING 1) SELECT COUNT(*) FROM q");
        return queued.empty() || !queued[0] ? 0 : std::stoull(*queued[0]);
    }

    std::uint64_t Finish() {
        for (const char* t : kTables)
            copy_.Exec(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                       "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + t + "), false)");
        copy_.Exec("ANALYZE");
        return 0;
    }

    std::uint64_t CopyUnits() {
        // Province → 13 cities → 8 counties → 12 towns → villages (15 at scale 1, at least 1).
        const int villages_per_town = std::max(1, static_cast<int>(15.0 * o_.scale + 0.5));
        std::int64_t id = 0;
        auto add = [&](std::int64_t parent, std::string code, std::string name, const char* kind) {
            units_.push_back({++id, parent, std::move(code), std::move(name), kind});
            return id;
        };
        const auto province = add(0, "320000000000", "江苏省", "province");
        for (int city = 1; city <= 13; ++city) {
            const auto c = add(province, Text("32%02d00000000", city), Text("第%d市", city), "city");
            for (int county = 1; county <= 8; ++county) {
                const auto k =
                    add(c, Text("32%02d%02d000000", city, county), Text("第%d市第%d县", city, county), "county");
                for (int town = 1; town <= 12; ++town) {
                    const auto t = add(k, Text("32%02d%02d%03d000", city, county, town),
                                       Text("%d-%d县第%d镇", city, county, town), "town");
                    towns_.push_back(t);
                    for (int village = 1; village <= villages_per_town; ++village)
                        villages_.push_back(add(t, Text("32%02d%02d%03d%03d", city, county, town, 200 + village),
                                                Text("%d-%d-%d镇第%d村", city, county, town, village), "village"));
                }
            }
        }
        copy_.Start("units", "id, parent_id, code, name, kind");
        for (const auto& u : units_) {
            copy_.Field(u.id);
            u.parent ? copy_.Field(u.parent) : copy_.Null();
            copy_.Field(u.code).Field(u.name).Field(u.kind).EndRow();
        }
        report_.units = copy_.Finish();
        return report_.units;
    }

    // A committee per town, a branch per village under it; village i's branch is id towns + 1 + i.
    std::uint64_t CopyPartyOrgs() {
        members_ = static_cast<std::uint64_t>(4'000'000 * o_.scale);
        member_village_.resize(members_);
        std::vector<std::int64_t> per_village(villages_.size());
        for (std::uint64_t m = 0; m < members_; ++m) {
            const auto v = m % 7 != 0 ? m % villages_.size() : rng_() % villages_.size();
            member_village_[m] = static_cast<std::uint32_t>(v);
            ++per_village[v];
        }
        copy_.Start("party_orgs", "id, unit_id, name, kind, member_count, parent_id");
        std::int64_t id = 0;
        for (auto town : towns_)
            copy_.Field(++id).Field(town).Field("镇党委").Field("committee").Field(0).Null().EndRow();
        const auto villages_per_town = villages_.size() / towns_.size();
        for (std::size_t v = 0; v < villages_.size(); ++v)
            copy_.Field(++id)
                .Field(villages_[v])
                .Field("村党支部")
                .Field("branch")
                .Field(per_village[v])
                .Field(static_cast<std::int64_t>(v / villages_per_town + 1))
                .EndRow();
        report_.party_orgs = copy_.Finish();
        return report_.party_orgs;
    }

    std::string PersonName(std::uint64_t m) const {
        return std::string(kSurnames[m % std::size(kSurnames)]) +
               kGiven[(m / std::size(kSurnames)) % std::size(kGiven)];
    }

    std::uint64_t CopyPeople() {
        copy_.Start("people", "id, unit_id, name, gender, birth_date, education, party_join_date, party_org_id");
        const auto branch_base = static_cast<std::int64_t>(towns_.size()) + 1;
        for (std::uint64_t m = 0; m < members_; ++m) {
            const auto v = member_village_[m];
            const std::uint64_t r = rng_();
            copy_.Field(static_cast<std::int64_t>(m + 1))
                .Field(villages_[v])
                .Field(PersonName(m))
                .Field(r % 2 ? "male" : "female")
                .Field(Text("%d-%02d-%02d", 1950 + static_cast<int>((r >> 8) % 55),
                            static_cast<int>((r >> 16) % 12) + 1, static_cast<int>((r >> 24) % 28) + 1))
                .Field(kEducation[(r >> 32) % std::size(kEducation)])
                .Field(Text("%d-07-01", 1975 + static_cast<int>((r >> 40) % 50)))
                .Field(branch_base + v)
                .EndRow();
        }
        report_.people = copy_.Finish();
        return report_.people;
    }

    // Each village's first member is its secretary (书记).
    std::uint64_t CopyPositions() {
        copy_.Start("positions", "id, person_id, unit_id, title, start_date");
        std::int64_t id = 0;
        for (std::uint64_t m = 0; m < std::min<std::uint64_t>(members_, villages_.size()); ++m)
            copy_.Field(++id)
                .Field(static_cast<std::int64_t>(m + 1))
                .Field(villages_[member_village_[m]])
                .Field("书记")
                .Field("2021-01-01")
                .EndRow();
        report_.positions = copy_.Finish();
        return report_.positions;
    }

    std::uint64_t CopyRulesAndPeriod() {
        copy_.Start("points_rules", "id, code, name, category, points, cap");
        std::int64_t id = 0;
        for (const auto& r : kRules) {
            // The rules speak whole points; the store keeps hundredths (core::points::kOnePoint).
            copy_.Field(++id).Field(r.code).Field(r.name).Field(r.category).Field(r.points * kOnePoint);
            r.cap ? copy_.Field(r.cap * kOnePoint) : copy_.Null();
            copy_.EndRow();
        }
        auto rows = copy_.Finish();
        copy_.Start("points_periods", "id, name, day_from, day_to, stars");
        copy_.Field(1)
            .Field(Text("%d年度", o_.year))
            .Field(first_day_)
            .Field(last_day_)
            .Field(Text("0,%lld,%lld,%lld,%lld", 60LL * kOnePoint, 120LL * kOnePoint, 180LL * kOnePoint,
                        240LL * kOnePoint))
            .EndRow();
        return rows + copy_.Finish();
    }

    // Runs `copy` with the change feed's row trigger `trigger` of `table` switched off (migrations 97
    // and 98): it would hold each COPY's rows in a transition table (4 M members, 80 M events at full
    // scale) to note them for servers that are not running yet.
    template <typename Fn>
    void WithFeedTriggerOff(const std::string& table, const std::string& trigger, Fn copy) {
        copy_.Exec("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
        try {
            copy();
        } catch (...) {
            copy_.Exec("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
            throw;
        }
        copy_.Exec("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
    }

    std::uint64_t CopyMembers() {
        WithFeedTriggerOff("points_members", "points_members_feed_insert", [&] {
            copy_.Start("points_members", "id, unit_id, name, person_id");
            for (std::uint64_t m = 0; m < members_; ++m) {
                const auto id = static_cast<std::int64_t>(m + 1);
                copy_.Field(id).Field(villages_[member_village_[m]]).Field(PersonName(m)).Field(id).EndRow();
            }
            report_.members = copy_.Finish();
        });
        return report_.members;
    }

    // Events in chunks of kChunk, each from its own generator seeded by (seed, chunk), so the data
    // does not depend on how many connections copy them; o_.jobs connections take chunks in turn.
    std::uint64_t CopyEvents() {
        copy_.Exec("SELECT points_events_ensure_year(" + std::to_string(o_.year) + ")");
        for (std::size_t idx = 0; idx < std::size(kRules); ++idx)
            rule_pick_.insert(rule_pick_.end(), kRules[idx].weight, static_cast<int>(idx + 1));
        const auto days = static_cast<std::uint64_t>(last_day_ - first_day_ + 1);
        for (std::uint64_t d = 0; d <= days; ++d) {  // submitted / decided times, each day and the day after
            const auto c = core::CivilFromDays(first_day_ + static_cast<std::int64_t>(d));
            stamps_.push_back(Text("%04d-%02d-%02dT02:%02d:00Z", c.year, c.month, c.day, static_cast<int>(d % 60)));
        }
        const auto events = static_cast<std::uint64_t>(80'000'000 * o_.scale);
        const std::uint64_t chunks = (events + kChunk - 1) / kChunk;
        const int jobs =
            static_cast<int>(std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::max(1, o_.jobs)), 1, chunks));
        std::vector<std::uint64_t> copied(static_cast<std::size_t>(jobs));
        WithFeedTriggerOff("points_events", "points_events_feed_insert", [&] {
            OnConnections(jobs, [&](PgCopy& copy, int job) {
                copy.Start("points_events",
                           "id, member_id, rule_id, day, quantity, status, submitted_by, submitted_at, "
                           "decided_by, decided_at");
                for (auto chunk = static_cast<std::uint64_t>(job); chunk < chunks;
                     chunk += static_cast<std::uint64_t>(jobs))
                    CopyEventChunk(copy, chunk * kChunk + 1, std::min(events, (chunk + 1) * kChunk), chunk, days);
                copied[static_cast<std::size_t>(job)] = copy.Finish();
            });
        });
        for (auto n : copied) report_.events += n;
        return report_.events;
    }

    void CopyEventChunk(PgCopy& copy, std::uint64_t first, std::uint64_t last, std::uint64_t chunk,
                        std::uint64_t days) const {
        std::mt19937_64 rng(o_.seed * 1'000'003 + chunk);
        for (std::uint64_t e = first; e <= last; ++e) {
            const std::uint64_t r = rng();
            const auto day = (r >> 32) % days;
            const auto pick = (r >> 44) % 20;  // 17 approved, 2 pending, 1 rejected
            copy.Field(static_cast<std::int64_t>(e))
                .Field(static_cast<std::int64_t>(r % members_ + 1))
                .Field(rule_pick_[(r >> 24) % rule_pick_.size()])
                .Field(first_day_ + static_cast<std::int64_t>(day))
                .Field(((r >> 52) % 10 < 8 ? 1 : static_cast<std::int64_t>((r >> 52) % 10) - 6) * kOnePoint)
                .Field(pick < 17   ? "approved"
                       : pick < 19 ? "pending"
                                   : "rejected")
                .Field("loader")
                .Field(stamps_[day]);
            if (pick < 17 || pick == 19)
                copy.Field("approver").Field(stamps_[day + 1]);
            else
                copy.Field("").Field("");
            copy.EndRow();
        }
    }

    static constexpr std::uint64_t kChunk = 1'000'000;

    const std::string conninfo_;
    const ProvinceLoadOptions o_;
    const std::function<void(const ProvinceLoadPhase&)>& on_phase_;
    PgCopy copy_;
    std::mt19937_64 rng_;
    const std::int64_t first_day_ = core::DaysFromCivil({o_.year, 1, 1});
    const std::int64_t last_day_ = core::DaysFromCivil({o_.year, 12, 31});
    std::vector<UnitRow> units_;
    std::vector<std::int64_t> towns_, villages_;
    std::vector<std::uint32_t> member_village_;
    std::vector<int> rule_pick_;       // rule ids, each as often as its weight
    std::vector<std::string> stamps_;  // ISO times by day of the year
    std::uint64_t members_ = 0;
    std::vector<std::string> foreign_keys_, indexes_, ledger_keys_;
    ProvinceLoadReport report_;
};

}  // namespace

namespace {

// What PostgreSQL names a partition's index after: its table and columns (up to the first ')').
std::string PartitionNameKey(const std::string& sql) {
    const auto on = sql.find(" ON ");
    if (sql.rfind("CREATE ", 0) != 0 || on == std::string::npos) return sql;
    const auto close = sql.find(')', on);
    return sql.substr(on, close == std::string::npos ? std::string::npos : close - on);
}

}  // namespace

std::vector<std::vector<std::string>> IndexBuildChains(const std::vector<std::string>& statements) {
    std::vector<std::vector<std::string>> chains;
    std::map<std::string, std::size_t> chain_of;
    for (const auto& sql : statements) {
        auto [it, added] = chain_of.try_emplace(PartitionNameKey(sql), chains.size());
        if (added) chains.emplace_back();
        chains[it->second].push_back(sql);
    }
    return chains;
}

std::string ProvinceLoadOptionsError(const ProvinceLoadOptions& options) {
    if (!(options.scale >= 0.0001) || options.scale > 4) return "scale 须在 0.0001–4 之内";
    if (options.jobs < 1 || options.jobs > 16) return "jobs 须在 1–16 之内";
    if (options.year < 1971 || options.year > 9998) return "year 须在 1971–9998 之内";
    return "";
}

ProvinceLoadReport LoadProvince(const std::string& conninfo, const ProvinceLoadOptions& options,
                                const std::function<void(const ProvinceLoadPhase&)>& on_phase) {
    if (auto error = ProvinceLoadOptionsError(options); !error.empty()) throw StoreError(error);
    return Loader(conninfo, options, on_phase).Run();
}

}  // namespace lingyan::storage
