// The province loader (storage/bulk/province_load) at a small scale on PostgreSQL: every table holds
// the rows the report counts and the scale asks for, the events sit in their year's partition, the
// indexes and foreign keys dropped for the load are all back (the catalog equals a freshly
// migrated database's), the sequences carry on, and a second load into the filled database is refused.
#include "storage/bulk/province_load.hpp"

#include <gtest/gtest.h>

#include "app/points/points_service.hpp"
#include "integration/cli_run.hpp"
#include "integration/test_server.hpp"
#include "main/composition.hpp"
#include "storage/db/migrations.hpp"

namespace lingyan::testing {
namespace {

constexpr double kScale = 0.0005;  // 2,000 members, 40,000 events; the unit tree down to one village a town

std::int64_t Count(storage::SqlDb& db, const std::string& sql) { return storage::AsInt(db.Query(sql).at(0)[0]); }

// Index and foreign key definitions of the loaded tables, as text, sorted.
std::vector<std::string> Catalog(storage::SqlDb& db) {
    const std::string tables =
        "('units', 'party_orgs', 'people', 'positions', 'points_rules', 'points_periods', 'points_members', 'points_events')";
    std::vector<std::string> out;
    for (const auto& r : db.Query("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid::regclass::text IN " +
                                  tables + " UNION ALL SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) "
                                  "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN " + tables +
                                  " ORDER BY 1"))
        out.push_back(storage::AsText(r[0]));
    return out;
}

TEST(ProvinceLoad, ASmallProvinceArrivesWholeWithItsIndexesAndKeys) {
    const auto url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
    const auto reference_url = FreshDatabase("postgres");
    auto reference = storage::OpenSqlDb(reference_url);
    storage::ApplyMigrations(*reference);

    std::vector<std::string> phases;
    const auto report = storage::LoadProvince(url, {kScale, 7, 2025},
                                              [&](const storage::ProvinceLoadPhase& p) { phases.push_back(p.name); });
    auto db = storage::OpenSqlDb(url);
    // 1 province, 13 cities, 104 counties, 1,248 towns, one village each at this scale.
    EXPECT_EQ(report.units, 1u + 13 + 104 + 1248 + 1248);
    EXPECT_EQ(report.people, 2000u);
    EXPECT_EQ(report.members, 2000u);
    EXPECT_EQ(report.events, 40000u);
    EXPECT_EQ(report.party_orgs, 1248u + 1248);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM units"), static_cast<std::int64_t>(report.units));
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM units WHERE kind = 'village'"), 1248);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM party_orgs"), static_cast<std::int64_t>(report.party_orgs));
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM people"), 2000);
    EXPECT_EQ(Count(*db, "SELECT SUM(member_count) FROM party_orgs"), 2000);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM positions WHERE title = '书记'"), static_cast<std::int64_t>(report.positions));
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_members m JOIN people p ON p.id = m.person_id AND p.unit_id = m.unit_id"),
              2000);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_rules"), 12);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_periods"), 1);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_events"), 40000);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_events_y2025"), 40000);
    // About 85 % approved, 10 % pending, 5 % rejected; each decided one with its decision time.
    const auto approved = Count(*db, "SELECT COUNT(*) FROM points_events WHERE status = 'approved'");
    EXPECT_GT(approved, 40000 * 80 / 100);
    EXPECT_LT(approved, 40000 * 90 / 100);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_events WHERE (status = 'pending') <> (decided_at = '')"), 0);
    // The pending count kept per unit (migration 91) was skipped by the copy and counted at the end.
    const auto pending = Count(*db, "SELECT COUNT(*) FROM points_events WHERE status = 'pending'");
    EXPECT_GT(pending, 0);
    EXPECT_EQ(Count(*db, "SELECT SUM(pending) FROM points_pending_units"), pending);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_pending_units p WHERE pending <> (SELECT COUNT(*) FROM "
                         "points_events e JOIN points_members m ON m.id = e.member_id "
                         "WHERE e.status = 'pending' AND m.unit_id = p.unit_id)"),
              0);
    // And the approvals queue by unit (migration 99): every pending declaration, under its member's unit.
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_pending_queue"), pending);
    EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM points_pending_queue q JOIN points_events e ON e.id = q.event_id "
                         "JOIN points_members m ON m.id = e.member_id "
                         "WHERE e.status = 'pending' AND m.unit_id = q.unit_id AND e.day = q.day"),
              pending);
    EXPECT_EQ(Catalog(*db), Catalog(*reference));
    EXPECT_EQ(phases.back(), "sequences, analyse");
    // The sequences carry on after the copied ids.
    EXPECT_EQ(Count(*db, "INSERT INTO units (name, kind) VALUES ('新村', 'village') RETURNING id"),
              static_cast<std::int64_t>(report.units) + 1);

    EXPECT_THROW(storage::LoadProvince(url, {kScale, 7, 2025}), storage::StoreError);
}

// The boards are rebuilt from the ledger read in block ranges on two connections, gathered in
// batches and applied in buckets of members (issue 15: a full-scale start); with small batches and
// buckets, and in one part, every total equals a recount of the stored ledger.
TEST(ProvinceLoad, BoardsBuiltInPartsBatchesAndBucketsEqualARecount) {
    const auto url = FreshDatabase("postgres");
    if (url.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
    storage::LoadProvince(url, {kScale, 7, 2025});
    composition::Runtime rt(url, TestAuditKey(url));
    rt.roster->Reload();
    struct Case {
        app::BoardBuildTuning tuning;
        int parts;
    };
    const Case cases[] = {
        {{.read = {.parts = 2, .min_part_bytes = 1}, .batch = 97, .bucket_bits = 3}, 2},
        {{.read = {.parts = 1, .min_part_bytes = 1}, .batch = 1, .bucket_bits = 0}, 1},
        {{.read = {.parts = 2, .min_part_bytes = 1}, .batch = 1'000'000, .bucket_bits = 20}, 2},
        {{}, 1},  // the defaults: a ledger of 40,000 events is smaller than a part
    };
    for (const auto& c : cases) {
        rt.points->SetBoardBuildTuning(c.tuning);
        rt.points->Reload();
        const auto page = rt.points->Leaderboard(app::Actor{0, "admin", core::auth::Role::kAdmin, 0}, std::nullopt, "", 1);
        ASSERT_TRUE(page.ok());
        EXPECT_EQ(page->size, 2000);
        ASSERT_FALSE(page->entries.empty());
        EXPECT_GT(page->entries.front().total, 0);
        EXPECT_EQ(rt.points->CompareWithRecount(), 0u) << "batch " << c.tuning.batch;
        EXPECT_EQ(rt.points->LastBuildParts(), c.parts) << "batch " << c.tuning.batch;
    }
}

TEST(ProvinceLoad, IndexesOnTheSameColumnsOfATableAreBuiltInTurnOnOneConnection) {
    const std::vector<std::string> statements = {
        "ALTER TABLE points_events ADD CONSTRAINT points_events_pkey PRIMARY KEY (id, day)",
        "CREATE INDEX points_events_member ON points_events USING btree (member_id, day, id)",
        "CREATE INDEX points_events_pending ON points_events USING btree (member_id, day, id) WHERE (status = 'pending'::text)",
        "CREATE INDEX points_events_pending_day ON points_events USING btree (day) WHERE (status = 'pending'::text)",
        "CREATE INDEX people_unit ON people USING btree (member_id, day, id)",
    };
    const auto chains = storage::IndexBuildChains(statements);
    ASSERT_EQ(chains.size(), 4u);
    EXPECT_EQ(chains[0], std::vector<std::string>{statements[0]});
    EXPECT_EQ(chains[1], (std::vector<std::string>{statements[1], statements[2]}));
    EXPECT_EQ(chains[2], std::vector<std::string>{statements[3]});
    EXPECT_EQ(chains[3], std::vector<std::string>{statements[4]});
}

TEST(ProvinceLoad, TheCommandRefusesSqliteAndABadScale) {
    auto sqlite = RunCli({"load-province", "--db", "sqlite:/tmp/never.db"});
    EXPECT_EQ(sqlite.exit_code, 2) << sqlite.output;
    EXPECT_NE(sqlite.output.find("PostgreSQL"), std::string::npos) << sqlite.output;
    auto scale = RunCli({"load-province", "--db", "host=127.0.0.1 port=1 dbname=x", "--scale", "9"});
    EXPECT_EQ(scale.exit_code, 2) << scale.output;
    EXPECT_NE(scale.output.find("scale"), std::string::npos) << scale.output;
}

}  // namespace
}  // namespace lingyan::testing
