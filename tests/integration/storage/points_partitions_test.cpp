// Migration 90 on PostgreSQL: the points ledger becomes a table partitioned by year; events already
// there move with their ids, reversals and values; the constraints of the old table still hold
// (one reversal per event, a reversal of an existing event, no deletes); a year without a partition
// gets one on the first insert; the sequence and the change feed carry on. SQLite keeps one table.
#include <gtest/gtest.h>

#include "core/common/date.hpp"
#include "integration/test_server.hpp"
#include "storage/db/migrations.hpp"
#include "storage/sql/points_store.hpp"

namespace lingyan::testing {
namespace {

using storage::SqlValue;

std::int64_t Day(int year, int month, int day) { return core::DaysFromCivil({year, month, day}); }

class PointsPartitions : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = FreshDatabase("postgres");
        if (url_.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
        db_ = storage::OpenSqlDb(url_);
    }
    std::int64_t Int(const std::string& sql, const std::vector<SqlValue>& params = {}) {
        return storage::AsInt(db_->Query(sql, params).at(0)[0]);
    }
    // An event of member 1 under rule 1 on `day`; returns its id.
    std::int64_t Insert(std::int64_t day, std::int64_t quantity, std::optional<std::int64_t> reverses = {}) {
        return Int("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at, "
                   "reverses) VALUES (1, 1, ?, ?, 'approved', 'tester', '2020-01-01T00:00:00Z', ?) RETURNING id",
                   {day, quantity, reverses ? SqlValue{*reverses} : SqlValue{}});
    }
    bool Fails(const std::string& sql, const std::vector<SqlValue>& params = {}) {
        try {
            db_->Query(sql, params);
            return false;
        } catch (const std::exception&) {
            return true;
        }
    }
    std::string url_;
    std::unique_ptr<storage::SqlDb> db_;
};

TEST_F(PointsPartitions, TheUpgradeMovesEveryEventIntoItsYearsPartitionAndKeepsTheConstraints) {
    ASSERT_GT(storage::ApplyMigrations(*db_, 89), 0);
    db_->ExecScript("INSERT INTO units (id, name, kind) VALUES (1, '测试村', 'village');"
                    "INSERT INTO points_members (id, unit_id, name) VALUES (1, 1, '王测试');"
                    "INSERT INTO points_rules (id, code, name, category, points) VALUES (1, 'R1', '规则', '类', 2);");
    const auto old_2019 = Insert(Day(2019, 6, 30), 3);
    const auto reversal = Insert(Day(2019, 6, 30), -3, old_2019);
    const auto old_2031 = Insert(Day(2031, 12, 31), 2);
    ASSERT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = 'points_events' AND relkind = 'p'"), 0);

    ASSERT_EQ(storage::ApplyMigrations(*db_, 90), 1);  // migration 90 only (later ones are not its subject)
    EXPECT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = 'points_events' AND relkind = 'p'"), 1);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = 'points_events_unpartitioned'"), 0);
    // Each event in its year's partition, with its id, values and reversal link.
    EXPECT_EQ(Int("SELECT COUNT(*) FROM points_events_y2019 WHERE id IN (?, ?)", {old_2019, reversal}), 2);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM points_events_y2031 WHERE id = ?", {old_2031}), 1);
    EXPECT_EQ(Int("SELECT reverses FROM points_events WHERE id = ?", {reversal}), old_2019);
    EXPECT_EQ(Int("SELECT SUM(quantity) FROM points_events"), 2);
    // Partitions made ahead: last, this and next year.
    const auto this_year = Int("SELECT EXTRACT(YEAR FROM now())::INTEGER");
    for (auto y : {this_year - 1, this_year, this_year + 1})
        EXPECT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = ?", {"points_events_y" + std::to_string(y)}), 1) << y;

    // The old table's rules: one reversal per event, only of an existing event, no deletes.
    EXPECT_TRUE(Fails("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at, "
                      "reverses) VALUES (1, 1, ?, -3, 'approved', 't', 'x', ?)", {Day(2019, 6, 30), old_2019}));
    EXPECT_TRUE(Fails("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at, "
                      "reverses) VALUES (1, 1, ?, -3, 'approved', 't', 'x', 999999)", {Day(2019, 6, 30)}));
    EXPECT_TRUE(Fails("DELETE FROM points_events WHERE id = ?", {old_2031}));
    EXPECT_TRUE(Fails("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at) "
                      "VALUES (999, 1, ?, 1, 'approved', 't', 'x')", {Day(2019, 1, 1)}));

    // New events carry on the sequence and still notify the change feed.
    const auto feed_before = Int("SELECT COUNT(*) FROM change_feed WHERE kind = 'points'");
    const auto next = Insert(Day(2019, 1, 2), 1);
    EXPECT_GT(next, old_2031);
    EXPECT_GT(Int("SELECT COUNT(*) FROM change_feed WHERE kind = 'points'"), feed_before);
}

TEST_F(PointsPartitions, AnEventInAYearWithoutAPartitionGetsOneThroughTheStore) {
    storage::ApplyMigrations(*db_);
    db_->ExecScript("INSERT INTO units (id, name, kind) VALUES (1, '测试村', 'village');"
                    "INSERT INTO points_members (id, unit_id, name) VALUES (1, 1, '王测试');"
                    "INSERT INTO points_rules (id, code, name, category, points) VALUES (1, 'R1', '规则', '类', 2);");
    ASSERT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = 'points_events_y2047'"), 0);
    // Straight SQL has no partition to go to …
    EXPECT_TRUE(Fails("INSERT INTO points_events (member_id, rule_id, day, quantity, status, submitted_by, submitted_at) "
                      "VALUES (1, 1, ?, 1, 'approved', 't', 'x')", {Day(2047, 3, 1)}));
    // … the store makes it, in the writing transaction.
    storage::SqlPointsStore store(*db_);
    core::ports::PointsEventRecord e;
    e.member_id = 1;
    e.rule_id = 1;
    e.date = static_cast<core::points::Day>(Day(2047, 3, 1));
    e.quantity = 1;
    e.status = core::points::EventStatus::kPending;
    e.submitted_by = "tester";
    e.submitted_at = "2047-03-01T00:00:00Z";
    db_->Begin();
    const auto first = store.InsertEvent(e);
    db_->Commit();
    e.date = static_cast<core::points::Day>(Day(2047, 12, 31));
    const auto second = store.InsertEvent(e);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM points_events_y2047 WHERE id IN (?, ?)", {first, second}), 2);
    ASSERT_TRUE(store.FindEvent(first).has_value());
    EXPECT_EQ(store.FindEvent(first)->date, Day(2047, 3, 1));

    // A partition made in a transaction that rolls back is gone, and the next insert makes it again.
    e.date = static_cast<core::points::Day>(Day(2052, 5, 5));
    db_->Begin();
    store.InsertEvent(e);
    db_->Rollback();
    EXPECT_EQ(Int("SELECT COUNT(*) FROM pg_class WHERE relname = 'points_events_y2052'"), 0);
    const auto third = store.InsertEvent(e);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM points_events_y2052 WHERE id = ?", {third}), 1);
}

TEST(PointsLedgerOnSqlite, StaysOneTable) {
    const auto url = FreshDatabase("sqlite");
    auto db = storage::OpenSqlDb(url);
    storage::ApplyMigrations(*db);
    EXPECT_EQ(storage::AsInt(db->Query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'points_events%'")
                                 .at(0)[0]),
              1);
}

}  // namespace
}  // namespace lingyan::testing
