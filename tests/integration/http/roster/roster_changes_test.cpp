// Another server's roster changes applied row by row (issue 15): RosterService::ApplyChanges reads
// just the changed rows again and leaves the index as a fresh load of the database would (both
// backends: rows written behind the service's back); and two servers on one PostgreSQL — an edited,
// new or removed person, a moved position, a new unit and party organization, a membership begun
// and ended, a changed income made through runtime A show in runtime B's roster within the feed's bound without
// B reloading its whole roster, a transaction over the feed's row limit is applied by one whole
// reload, and B's index then reads as a fresh load. Every wait has a deadline.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>
#include <thread>

#include "integration/test_server.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::testing {
namespace roster_changes_test {  // named: one unity-build unit holds several test files

using namespace core::roster;
using Clock = std::chrono::steady_clock;

const app::Actor kAdmin{0, "admin", core::auth::Role::kAdmin, 0};

// Everything the roster's reads derive from the index, as text: the tree, each unit's people in
// list order with their positions, its team, its orgs with member counts, members and sub-orgs,
// its incomes; the ID numbers held twice. Two indexes with the same text answer every read alike.
std::string Dump(const app::RosterService& roster, const std::string& today) {
    std::ostringstream out;
    roster.WithIndex([&](const RosterIndex& index) {
        std::vector<Unit> units = index.tree().units();
        std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.id < b.id; });
        for (const Unit& u : units) {
            out << "unit " << u.id << " " << u.parent_id.value_or(0) << " " << u.code << " " << u.name << " "
                << KindName(u.kind) << " " << u.population << " children";
            for (Id child : index.tree().Children(u.id)) out << " " << child;
            PeopleQuery q;
            q.unit = u.id;
            q.subtree = false;
            q.size = 500;
            out << "\n people";
            for (Id id : index.QueryPeople(q, today).ids) {
                const Person* p = index.FindPerson(id);
                out << " [" << p->id << " " << p->name << " " << p->birth_date << " " << p->party_org_id << " "
                    << p->party_join_date << " " << p->id_number << " " << p->reserve_cadre << " positions";
                for (const Position* pos : index.PositionsOf(id)) out << " " << pos->id;
                out << "]";
            }
            out << "\n team";
            for (const Position* pos : index.TeamOf(u.id))
                out << " [" << pos->id << " " << pos->person_id << " " << pos->title << " " << pos->start_date << "]";
            for (const PartyOrg* o : index.PartyOrgsOf(u.id)) {
                out << "\n org " << o->id << " " << o->name << " " << PartyOrgKindName(o->kind) << " " << o->parent_id
                    << " " << o->dissolved_on << " count " << index.MemberCount(o->id) << " members";
                for (Id m : index.MembersOf(o->id)) out << " " << m;
                out << " subs";
                for (const PartyOrg* s : index.SubOrgsOf(o->id)) out << " " << s->id;
            }
            out << "\n incomes";
            for (const UnitIncome& i : index.IncomesOf(u.id)) out << " " << i.year << ":" << i.amount_yuan;
            out << "\n";
        }
        out << "shared id numbers " << index.SharedIdNumbers().size() << " people " << index.people_count() << "\n";
    });
    return out.str();
}

// What a server that loads the roster afresh from the database shows.
std::string FreshDump(composition::Runtime& rt) {
    app::RosterService fresh(*rt.store, rt.store_mutex, rt.clock);
    fresh.Reload();
    return Dump(fresh, rt.clock.Today());
}

// ---------------------------------------------------------------------------------------------
// ApplyChanges on either backend.

class ApplyChangesTest : public BackendTest {};

TEST_P(ApplyChangesTest, RowsWrittenBehindTheServiceReadAgainByIdLeaveTheIndexAsAFreshLoad) {
    composition::Runtime& rt = server_->runtime();
    app::RosterService& roster = *rt.roster;
    core::ports::Store& store = *rt.store;
    const Id village = Unit("灵湖村"), other = Unit("姜堰区");
    const Id secretary = Secretary("灵湖村");
    Id grid = 0, person = 0, org = 0;
    Position moved;
    {  // Another process's transaction: every kind of row the roster keeps.
        std::lock_guard lock(rt.store_mutex);
        auto tx = store.Begin();
        core::roster::Unit u;
        u.parent_id = village;
        u.name = "新网格";
        u.kind = UnitKind::kGrid;
        grid = store.InsertUnit(u);
        core::roster::Unit renamed;
        roster.WithIndex([&](const RosterIndex& index) { renamed = *index.tree().Find(other); });
        renamed.name = "姜堰区（改）";
        store.UpdateUnit(renamed);
        PartyOrg o;
        o.unit_id = grid;
        o.name = "新网格党支部";
        o.kind = PartyOrgKind::kBranch;
        o.approved_on = "2024-01-01";
        org = store.InsertPartyOrg(o);
        Person p;
        p.unit_id = village;
        p.name = "行外新增";
        p.birth_date = "1990-02-03";
        p.party_join_date = "2015-07-01";
        p.party_org_id = org;
        person = store.InsertPerson(p);
        Person s;
        roster.WithIndex([&](const RosterIndex& index) { s = *index.FindPerson(secretary); });
        s.name = "改名书记";
        s.unit_id = grid;
        store.UpdatePerson(s);
        roster.WithIndex([&](const RosterIndex& index) { moved = *index.PositionsOf(secretary).front(); });
        moved.unit_id = grid;
        moved.title = "网格长";
        store.UpdatePosition(moved);
        store.UpsertIncome({village, 2025, 1234567});
        tx->Commit();
    }
    ASSERT_NE(Dump(roster, rt.clock.Today()), FreshDump(rt)) << "the writes should not be in the index yet";
    const auto reloads = roster.ReloadCount();
    app::RosterChanges changes;
    changes.units = {grid, other};
    changes.party_orgs = {org};
    changes.people = {person, secretary};
    changes.positions = {moved.id};
    changes.income_units = {village};
    roster.ApplyChanges(changes);
    EXPECT_EQ(roster.ReloadCount(), reloads);
    EXPECT_EQ(roster.AppliedRowCount(), 7u);
    EXPECT_EQ(Dump(roster, rt.clock.Today()), FreshDump(rt));

    // Deletions: the rows are gone, so the ids are removed (the person's positions with them).
    {
        std::lock_guard lock(rt.store_mutex);
        auto tx = store.Begin();
        store.DeletePerson(person);
        tx->Commit();
    }
    roster.ApplyChanges(app::RosterChanges{{}, {person}, {}, {}, {}});
    EXPECT_EQ(Dump(roster, rt.clock.Today()), FreshDump(rt));
    EXPECT_FALSE(roster.GetPerson(kAdmin, person));
    EXPECT_EQ(roster.ReloadCount(), reloads);
}

TEST_P(ApplyChangesTest, AUnitWhoseParentTheIndexDoesNotKnowIsReadWithAWholeReload) {
    composition::Runtime& rt = server_->runtime();
    const Id village = Unit("灵湖村");
    Id parent = 0, child = 0;
    {
        std::lock_guard lock(rt.store_mutex);
        auto tx = rt.store->Begin();
        core::roster::Unit u;
        u.parent_id = village;
        u.name = "新片区";
        u.kind = UnitKind::kGrid;
        parent = rt.store->InsertUnit(u);
        u.parent_id = parent;
        u.name = "新片区一组";
        child = rt.store->InsertUnit(u);
        tx->Commit();
    }
    const auto reloads = rt.roster->ReloadCount();
    rt.roster->ApplyChanges(app::RosterChanges{{child}, {}, {}, {}, {}});  // the parent was not noted
    EXPECT_EQ(rt.roster->ReloadCount(), reloads + 1);
    EXPECT_EQ(Dump(*rt.roster, rt.clock.Today()), FreshDump(rt));
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplyChangesTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// ---------------------------------------------------------------------------------------------
// Two servers on one PostgreSQL.

// Polls `fn` until it returns true; the milliseconds it took, or -1 after `limit`.
template <typename Fn>
double WaitMs(Fn fn, std::chrono::seconds limit = std::chrono::seconds(5)) {
    const auto started = Clock::now();
    while (Clock::now() - started < limit) {
        if (fn()) return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return -1;
}

class RosterTwoServers : public TwoServersTest {
protected:
    app::RosterService& A() { return *a_->runtime().roster; }
    app::RosterService& B() { return *b_->runtime().roster; }
    Id UnitNamed(const std::string& name) {
        Id id = 0;
        A().WithIndex([&](const RosterIndex& index) {
            for (const auto& u : index.tree().units())
                if (u.name == name) id = u.id;
        });
        EXPECT_NE(id, 0) << name;
        return id;
    }
    // Waits for `seen` on B, records how long it took under `what`.
    void ExpectOnB(const char* what, const std::function<bool()>& seen) {
        const double ms = WaitMs(seen);
        EXPECT_GE(ms, 0) << what << " never reached B";
        std::printf("[roster feed] %-34s on B after %6.1f ms\n", what, ms);
    }
};

TEST_F(RosterTwoServers, EachKindOfRosterEditOnAShowsOnBWithoutAWholeReload) {
    const Id village = UnitNamed("灵湖村");
    Id secretary = 0;  // the village secretary's position
    core::roster::Unit coded;  // a unit with a division code (the import finds units by it)
    A().WithIndex([&](const RosterIndex& index) {
        for (const Position* pos : index.TeamOf(village))
            if (pos->title == "书记" && secretary == 0) secretary = pos->id;
        for (const auto& u : index.tree().units())
            if (u.code.size() == 12 && u.parent_id && coded.id == 0) coded = u;
    });
    ASSERT_NE(secretary, 0);
    ASSERT_NE(coded.id, 0);
    const auto reloads = B().ReloadCount();
    const auto rows = B().AppliedRowCount();

    // A new person.
    Person p;
    p.unit_id = village;
    p.name = "同步新人";
    p.birth_date = "1992-03-04";
    auto created = A().CreatePerson(kAdmin, p);
    ASSERT_TRUE(created) << created.error().message;
    const Id person = created->person.id;
    ExpectOnB("a new person", [&] { return static_cast<bool>(B().GetPerson(kAdmin, person)); });

    // An edit of that person.
    app::PersonPatch rename;
    rename.name = "同步改名";
    ASSERT_TRUE(A().UpdatePerson(kAdmin, person, rename));
    ExpectOnB("a person's edit", [&] {
        auto v = B().GetPerson(kAdmin, person);
        return v && v->person.name == "同步改名";
    });

    // A new unit (a grid under the village) and a new party organization on it.
    core::roster::Unit grid;
    grid.parent_id = village;
    grid.name = "同步网格";
    grid.kind = UnitKind::kGrid;
    auto unit = A().CreateUnit(kAdmin, grid);
    ASSERT_TRUE(unit) << unit.error().message;
    ExpectOnB("a new unit", [&] { return static_cast<bool>(B().GetUnit(kAdmin, unit->id)); });
    app::PartyOrgInput in;
    in.unit_id = unit->id;
    in.name = "同步网格党支部";
    in.kind = PartyOrgKind::kBranch;
    in.approved_on = "2024-05-01";
    auto org = A().CreatePartyOrg(kAdmin, in);
    ASSERT_TRUE(org) << org.error().message;
    const Id org_id = org->org.id;
    ExpectOnB("a new party organization", [&] {
        auto d = B().GetPartyOrg(kAdmin, org_id);
        return d && d->org.org.parent_id == org->org.parent_id;
    });

    // A membership in it: B's member counts follow (the org's and its parent's).
    app::PersonPatch join;
    join.party_org_id = org_id;
    join.party_join_date = "2016-07-01";
    auto joined = A().UpdatePerson(kAdmin, person, join);
    ASSERT_TRUE(joined) << joined.error().message;
    ExpectOnB("a membership (member counts)", [&] {
        auto d = B().GetPartyOrg(kAdmin, org_id);
        return d && d->org.org.member_count == 1 && d->members.size() == 1 && d->members[0].person_id == person;
    });

    // A position moved to the grid.
    app::PositionPatch move;
    move.unit_id = unit->id;
    ASSERT_TRUE(A().UpdatePosition(kAdmin, secretary, move));
    ExpectOnB("a moved position", [&] {
        auto team = B().ListPositions(kAdmin, unit->id);
        return team && team->size() == 1 && team->front().first.id == secretary;
    });

    // An income (through the division list import, the one way to write one).
    app::UnitImportRow row;
    row.row = 2;
    row.code = coded.code;
    row.name = coded.name;
    row.kind = coded.kind;
    row.income = core::roster::UnitIncome{0, 2025, 7654321};
    auto imported = A().ImportUnits(kAdmin, {row});
    ASSERT_TRUE(imported) << imported.error().message;
    ASSERT_TRUE(imported->errors.empty()) << imported->errors.front().message;
    ExpectOnB("an income", [&] {
        auto d = B().GetUnit(kAdmin, coded.id);
        if (!d) return false;
        for (const auto& i : d->incomes)
            if (i.year == 2025 && i.amount_yuan == 7654321) return true;
        return false;
    });

    // The membership ended (a points member now refers to the person: kept, not removed).
    app::PersonPatch leave;
    leave.party_org_id = 0;
    ASSERT_TRUE(A().UpdatePerson(kAdmin, person, leave));
    ExpectOnB("a membership ended", [&] {
        auto d = B().GetPartyOrg(kAdmin, org_id);
        return d && d->org.org.member_count == 0 && d->members.empty();
    });

    // A person removed.
    p.name = "同步离开";
    auto leaver = A().CreatePerson(kAdmin, p);
    ASSERT_TRUE(leaver) << leaver.error().message;
    ExpectOnB("another new person", [&] { return static_cast<bool>(B().GetPerson(kAdmin, leaver->person.id)); });
    ASSERT_TRUE(A().DeletePerson(kAdmin, leaver->person.id));
    ExpectOnB("a removed person", [&] { return !B().GetPerson(kAdmin, leaver->person.id); });

    EXPECT_EQ(B().ReloadCount(), reloads) << "B reloaded its whole roster for a single edit";
    EXPECT_GT(B().AppliedRowCount(), rows);
    // B's index reads as a fresh load of the database, and as A's.
    ASSERT_GE(WaitMs([&] { return Dump(B(), b_->runtime().clock.Today()) == FreshDump(b_->runtime()); }), 0)
        << Dump(B(), b_->runtime().clock.Today()) << "\n---- fresh ----\n"
        << FreshDump(b_->runtime());
    EXPECT_EQ(Dump(A(), a_->runtime().clock.Today()), FreshDump(a_->runtime()));
}

TEST_F(RosterTwoServers, ATransactionOverTheRowLimitIsAppliedByAWholeReloadAndOneUnderItRowByRow) {
    const Id village = UnitNamed("灵湖村");
    auto db = storage::OpenPostgres(url_);
    // `count` people in `statements` statements of one transaction, named by `prefix`; its txid.
    std::vector<std::int64_t> txids;
    auto insert = [&](int statements, int count, const std::string& prefix) {
        db->Begin();
        for (int s = 0; s < statements; ++s)
            db->Query("INSERT INTO people (unit_id, name, gender, birth_date, education) "
                      "SELECT ?, CAST(? AS TEXT) || g, 'female', '1990-01-01', 'high' "
                      "FROM generate_series(1, CAST(? AS INTEGER)) AS g",
                      {village, prefix + std::to_string(s) + "-", static_cast<std::int64_t>(count / statements)});
        txids.push_back(storage::AsInt(db->Query("SELECT txid_current()")[0][0]));
        db->Commit();
    };
    auto people_on_b = [&] {
        std::size_t n = 0;
        B().WithIndex([&](const RosterIndex& index) { n = index.PeopleCountOf(village); });
        return n;
    };
    const std::size_t before = people_on_b();
    auto reloads = B().ReloadCount();

    insert(2, 600, "行内");  // 600 rows in two statements: under the limit
    ExpectOnB("600 people in one transaction", [&] { return people_on_b() == before + 600; });
    EXPECT_EQ(B().ReloadCount(), reloads);

    insert(3, 1200, "超限");  // 1,200 rows in three statements: over the limit after the third
    ExpectOnB("1,200 people in one transaction", [&] { return people_on_b() == before + 1800; });
    EXPECT_EQ(B().ReloadCount(), reloads + 1);

    insert(1, 1001, "单句");  // one statement over the limit
    ExpectOnB("1,001 people in one statement", [&] { return people_on_b() == before + 2801; });
    EXPECT_EQ(B().ReloadCount(), reloads + 2);
    EXPECT_EQ(Dump(B(), b_->runtime().clock.Today()), FreshDump(b_->runtime()));

    // What the writer noted: keys under the limit, one ('*', 0) in their place over it.
    ASSERT_EQ(txids.size(), 3u);
    auto noted = [&](std::int64_t txid, const char* tbl) {
        return storage::AsInt(
            db->Query("SELECT COUNT(*) FROM change_feed_rows WHERE txid = ? AND kind = 'roster' AND tbl = ?",
                      {txid, std::string(tbl)})[0][0]);
    };
    EXPECT_EQ(noted(txids[0], "people"), 600);
    EXPECT_EQ(noted(txids[0], "*"), 0);
    for (std::size_t i : {1u, 2u}) {
        EXPECT_EQ(noted(txids[i], "people"), 0);
        EXPECT_EQ(noted(txids[i], "*"), 1);
    }
}

TEST_F(RosterTwoServers, AStatementThatChangesNoRowNotesNothingAndOldEntriesArePrunedWithTheirRows) {
    auto db = storage::OpenPostgres(url_);
    auto count = [&](const char* sql) { return storage::AsInt(db->Query(sql)[0][0]); };
    const auto entries = count("SELECT COUNT(*) FROM change_feed WHERE kind = 'roster'");
    db->Query("UPDATE people SET name = name WHERE id = -1");
    db->Query("DELETE FROM positions WHERE person_id = -1");
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_feed WHERE kind = 'roster'"), entries);
    db->Query("UPDATE people SET name = name WHERE id = (SELECT MIN(id) FROM people)");  // a row: noted
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_feed WHERE kind = 'roster'"), entries + 1);

    // An entry older than a day with its keys: a feed that starts prunes both.
    db->Begin();
    db->Query("INSERT INTO change_feed (kind, origin, txid, at) "
              "VALUES ('roster', 'old', -7, now() - interval '2 days')");
    db->Query("INSERT INTO change_feed_rows (txid, kind, tbl, id) VALUES (-7, 'roster', 'people', 1)");
    db->Commit();
    composition::Runtime c(url_, TestAuditKey(url_), TestDataDir(url_));
    c.roster->Reload();
    c.StartChangeFeed();
    EXPECT_GE(WaitMs([&] { return count("SELECT COUNT(*) FROM change_feed_rows WHERE txid = -7") == 0; }), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_feed WHERE txid = -7"), 0);
}

}  // namespace roster_changes_test
}  // namespace lingyan::testing
