// SqlPointsStore::InsertEvents (the demo's ledger in a few multi-row statements) writes exactly the
// rows, ids and pending counts that InsertEvent of each event in turn writes, on both backends:
// more than one statement's worth of rows, two years (a partition made on the way on PostgreSQL),
// pending and decided events, notes in Chinese.
#include <gtest/gtest.h>

#include "core/common/date.hpp"
#include "integration/test_server.hpp"
#include "storage/db/migrations.hpp"
#include "storage/sql/points_store.hpp"

namespace lingyan::testing {
namespace {

namespace points = core::points;

class PointsStoreTest : public ::testing::TestWithParam<std::string> {
protected:
    std::unique_ptr<storage::SqlDb> Fresh() {
        const std::string url = FreshDatabase(GetParam());
        if (url.empty()) return nullptr;
        auto db = storage::OpenSqlDb(url);
        storage::ApplyMigrations(*db);
        db->ExecScript("INSERT INTO units (id, name, kind) VALUES (1, '测试村', 'village'), (2, '东村', 'village');"
                       "INSERT INTO points_members (id, unit_id, name) VALUES (1, 1, '王测试'), (2, 2, '李测试');"
                       "INSERT INTO points_rules (id, code, name, category, points) VALUES (1, 'R1', '规则', '类', 2);");
        return db;
    }
    static std::vector<std::vector<std::string>> Rows(storage::SqlDb& db, const std::string& sql) {
        std::vector<std::vector<std::string>> out;
        for (const auto& row : db.Query(sql)) {
            std::vector<std::string> r;
            for (const auto& v : row) r.push_back(storage::AsText(v));
            out.push_back(std::move(r));
        }
        return out;
    }
};

TEST_P(PointsStoreTest, ManyEventsAtOnceAreTheRowsOfEachInsertedInTurn) {
    auto one_by_one = Fresh();
    if (!one_by_one) GTEST_SKIP() << "LINGYAN_TEST_PG not set (make test starts PostgreSQL)";
    auto at_once = Fresh();

    std::vector<core::ports::PointsEventRecord> events;
    for (int i = 0; i < 1203; ++i) {  // three statements of at most 500 rows
        core::ports::PointsEventRecord e;
        e.member_id = 1 + i % 2;
        e.rule_id = 1;
        e.date = static_cast<points::Day>(core::DaysFromCivil({i < 700 ? 2046 : 2047, 1 + i % 12, 1 + i % 28}));
        e.quantity = (1 + i % 5) * points::kOnePoint;
        e.submitted_by = "tester";
        e.submitted_at = "2046-01-01T08:00:00Z";
        if (i % 7 == 0) {
            e.status = points::EventStatus::kPending;
            e.note = "本人申报 " + std::to_string(i);
        } else {
            e.status = i % 11 == 0 ? points::EventStatus::kRejected : points::EventStatus::kApproved;
            e.decided_by = "审核人";
            e.decided_at = "2046-01-02T08:00:00Z";
            if (e.status == points::EventStatus::kRejected) e.reason = "佐证材料不全";
        }
        events.push_back(std::move(e));
    }
    std::vector<core::ports::Id> ids;
    {
        storage::SqlPointsStore store(*one_by_one);
        one_by_one->Begin();
        for (const auto& e : events) ids.push_back(store.InsertEvent(e));
        one_by_one->Commit();
    }
    {
        storage::SqlPointsStore store(*at_once);
        at_once->Begin();
        EXPECT_EQ(store.InsertEvents(events), ids);  // each event's id, in the order given
        at_once->Commit();
    }
    const std::string ledger =
        "SELECT id, member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at, decided_by, "
        "decided_at, reason, reverses FROM points_events ORDER BY id";
    const auto expected = Rows(*one_by_one, ledger);
    ASSERT_EQ(expected.size(), events.size());
    EXPECT_EQ(Rows(*at_once, ledger), expected);
    const std::string pending = "SELECT unit_id, pending FROM points_pending_units ORDER BY unit_id";
    ASSERT_EQ(Rows(*one_by_one, pending).size(), 2u);
    EXPECT_EQ(Rows(*at_once, pending), Rows(*one_by_one, pending));
    const std::string queue = "SELECT event_id, unit_id, day FROM points_pending_queue ORDER BY event_id";
    ASSERT_FALSE(Rows(*one_by_one, queue).empty());
    EXPECT_EQ(Rows(*at_once, queue), Rows(*one_by_one, queue));
}

INSTANTIATE_TEST_SUITE_P(Backends, PointsStoreTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
