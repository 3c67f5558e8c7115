// The approvals queue's total (migration 95): taken from the pending counts kept per unit when no
// pending declaration lies outside the period, counted from the ledger otherwise — equal to a
// recount of the ledger either way, for every scope, with and without a name filter.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "integration/http/points/points_fixture.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::testing {
namespace {

class PendingTotal : public PointsDemoTest {
protected:
    // The pending declarations of current members of `units` (all when empty) dated in `period`,
    // whose name contains `name`, counted from the ledger.
    std::int64_t Recount(const core::ports::PointsEventScope& scope) {
        auto& db = server_->runtime().store->db();
        std::string sql =
            "SELECT COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id "
            "WHERE e.status = 'pending' AND m.ended_on = '' AND e.day BETWEEN ? AND ?";
        std::vector<storage::SqlValue> params{std::int64_t{scope.period.from}, std::int64_t{scope.period.to}};
        if (!scope.unit_ids.empty()) {
            sql += " AND m.unit_id IN (";
            for (std::size_t i = 0; i < scope.unit_ids.size(); ++i) {
                sql += i ? ", ?" : "?";
                params.emplace_back(scope.unit_ids[i]);
            }
            sql += ")";
        }
        if (!scope.name.empty()) {
            sql += " AND m.name LIKE ?";
            params.emplace_back("%" + scope.name + "%");
        }
        return storage::AsInt(db.Query(sql, params).at(0)[0]);
    }

    // Every scope the test reads: all units, each unit with members, and one unit by a name.
    std::vector<core::ports::PointsEventScope> Scopes(const core::points::Period& period) {
        std::vector<core::ports::PointsEventScope> scopes{{{}, period, ""}};
        const auto members = server_->runtime().points_store->ListMembers();
        for (const auto& m : members) {
            if (scopes.size() > 12) break;
            scopes.push_back({{m.unit_id}, period, ""});
        }
        scopes.push_back({{members.front().unit_id}, period, members.front().name.substr(0, 3)});
        return scopes;
    }

    void ExpectTotalsEqualARecount(const core::points::Period& period, const std::string& when) {
        auto& rt = server_->runtime();
        std::lock_guard lock(rt.store_mutex);
        for (const auto& scope : Scopes(period)) {
            const auto recount = Recount(scope);
            EXPECT_EQ(rt.points_store->CountPendingEvents(scope), recount)
                << when << ": " << scope.unit_ids.size() << " units, name '" << scope.name << "'";
        }
    }
};

TEST_P(PendingTotal, EqualsARecountWhetherOrNotPendingDeclarationsLieOutsideThePeriod) {
    auto& rt = server_->runtime();
    const auto period = rt.points_store->ListPeriods().back().period;
    ExpectTotalsEqualARecount(period, "demo data");
    {
        // The demo's pending declarations all lie in the period: the totals above came from the kept
        // counts.
        std::lock_guard lock(rt.store_mutex);
        ASSERT_GT(Recount({{}, period, ""}), 0);
        ASSERT_EQ(storage::AsInt(rt.store->db()
                                     .Query("SELECT COUNT(*) FROM points_events WHERE status = 'pending' AND "
                                            "(day < ? OR day > ?)",
                                            {std::int64_t{period.from}, std::int64_t{period.to}})
                                     .at(0)[0]),
                  0);
    }

    // A pending declaration dated a year before the period: the kept counts include it, the period's
    // total must not.
    {
        std::lock_guard lock(rt.store_mutex);
        const auto member = rt.points_store->ListMembers().front();
        core::ports::PointsEventRecord e;
        e.member_id = member.id;
        e.rule_id = rt.points_store->ListRules().front().id;
        e.date = period.from - 365;
        e.note = "上一期未审";
        e.submitted_by = "test";
        e.submitted_at = "2020-01-01T00:00:00Z";
        auto tx = rt.store->Begin();
        rt.points_store->InsertEvent(e);
        tx->Commit();
    }
    ExpectTotalsEqualARecount(period, "one pending declaration before the period");

    // The same with one after it.
    const core::points::Period earlier{period.from - 365, period.from - 1};
    ExpectTotalsEqualARecount(earlier, "the earlier period (the demo's declarations lie after it)");
}

INSTANTIATE_TEST_SUITE_P(Backends, PendingTotal, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
