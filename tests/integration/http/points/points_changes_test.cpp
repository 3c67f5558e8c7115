// Another server's counted points events applied one by one (issue 15, migration 97): two servers
// on one PostgreSQL — an activity recorded for several members, a declaration approved alone and
// several at once through runtime A show on runtime B's boards without B rebuilding them, a
// declaration that waits for approval notes nothing, a rule change or a transaction that also
// touches the members is one whole rebuild; a notice about a transaction B's build already read, or
// one seen twice, changes nothing; and what other servers commit while a server loads its views is
// applied once its feed starts. B's boards then equal a recount of the ledger. Every wait has a
// deadline.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_server.hpp"
#include "storage/db/sql_db.hpp"
#include "storage/sql/points_store.hpp"

namespace lingyan::testing {
namespace {

using Clock = std::chrono::steady_clock;
using core::roster::Id;
const app::Actor kAdmin{0, "admin", core::auth::Role::kAdmin, 0};

// The horizon of a PostgreSQL snapshot's text.
TEST(LedgerHorizon, ASnapshotSawWhatEndedBeforeItAndNothingRunningOrLater) {
    const auto h = storage::ParseLedgerHorizon("10:20:15,12");
    ASSERT_TRUE(h);
    EXPECT_TRUE(h->Saw(3));
    EXPECT_TRUE(h->Saw(10));
    EXPECT_FALSE(h->Saw(12));  // running then
    EXPECT_TRUE(h->Saw(13));
    EXPECT_FALSE(h->Saw(15));
    EXPECT_TRUE(h->Saw(19));
    EXPECT_FALSE(h->Saw(20));  // not yet begun
    EXPECT_FALSE(h->Saw(99));
    const auto empty = storage::ParseLedgerHorizon("7:7:");
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->Saw(6));
    EXPECT_FALSE(empty->Saw(7));
    for (const char* bad : {"", "7", "7:8", "8:7:", "7:9:10", "7:9:x", "a:9:", "7:9:8,"})
        EXPECT_FALSE(storage::ParseLedgerHorizon(bad)) << bad;
    EXPECT_FALSE(core::ports::LedgerHorizon{}.Saw(1)) << "an unknown horizon saw nothing";
}

// Polls `fn` until it returns true; the time it took, or -1 after 10 s.
double WaitMs(const std::function<bool()>& fn) {
    const auto started = Clock::now();
    while (Clock::now() - started < std::chrono::seconds(10)) {
        if (fn()) return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return -1;
}

// Every member's name, unit and total on the overall board, as text: two boards with the same text
// rank alike.
std::string Board(app::PointsService& points) {
    auto page = points.Leaderboard(kAdmin, std::nullopt, "", 1000);
    if (!page) {
        ADD_FAILURE() << "leaderboard: " << page.error().message;
        return "error";
    }
    std::string out;
    for (const auto& e : page->entries)
        out += std::to_string(e.member.id) + ":" + e.member.name + ":" + std::to_string(e.member.unit_id) + ":" +
               std::to_string(e.total) + ":" + std::to_string(e.rank) + " ";
    return out;
}

std::string TodayOf(composition::Runtime& rt) { return rt.clock.Today(); }

// A Board() text's entries in id order: two boards that list members tied with each other in
// another order read alike.
std::string Ranked(const std::string& board) {
    std::vector<std::string> entries;
    for (std::size_t at = 0, end; (end = board.find(' ', at)) != std::string::npos; at = end + 1)
        entries.push_back(board.substr(at, end - at));
    std::sort(entries.begin(), entries.end());
    std::string out;
    for (const auto& e : entries) out += e + " ";
    return out;
}

// Whether a Board() text has member `id` on it.
bool HasMember(const std::string& board, Id id) {
    return (" " + board).find(" " + std::to_string(id) + ":") != std::string::npos;
}

class PointsTwoServers : public TwoServersTest {
protected:
    app::PointsService& A() { return *a_->runtime().points; }
    app::PointsService& B() { return *b_->runtime().points; }
    // Waits until B's board reads as A's; records how long it took under `what`.
    void ExpectOnB(const char* what) {
        const double ms = WaitMs([&] { return Board(B()) == Board(A()); });
        EXPECT_GE(ms, 0) << what << " never reached B";
        std::printf("[points feed] %-40s on B after %6.1f ms\n", what, ms);
    }
    std::vector<Id> SomeMembers(std::size_t n) {
        auto members = A().Members(kAdmin, std::nullopt, "", n);
        EXPECT_TRUE(members) << members.error().message;
        std::vector<Id> ids;
        for (const auto& m : *members) ids.push_back(m.id);
        EXPECT_EQ(ids.size(), n);
        return ids;
    }
    Id Declare(Id member) {  // a declaration that waits for approval
        app::SubmitActivity in;
        in.member_id = member;
        in.rule = "XX01";
        in.date = TodayOf(a_->runtime());
        auto e = A().Submit(kAdmin, in);
        EXPECT_TRUE(e) << e.error().message;
        EXPECT_EQ(e->record.status, core::points::EventStatus::kPending);
        return e->record.id;
    }
    // Another server started on the same database (without a feed): its roster, then the current
    // period's boards, as serve builds them at start.
    std::unique_ptr<composition::Runtime> Started() {
        auto rt = std::make_unique<composition::Runtime>(url_, TestAuditKey(url_), TestDataDir(url_));
        rt->roster->Reload();
        rt->points->Reload();
        return rt;
    }
    // Records an approved event behind the services (another process); its id and transaction.
    std::pair<Id, std::int64_t> CountedBehind(storage::SqlDb& db, Id member, bool end_member = false) {
        db.Begin();
        if (end_member) db.Query("UPDATE points_members SET ended_on = '2000-01-01' WHERE id = ?", {member});
        const Id id = storage::AsInt(
            db.Query("INSERT INTO points_events (member_id, rule_id, day, quantity, note, status, submitted_by, "
                     "submitted_at, decided_by, decided_at, reason, reverses) SELECT CAST(? AS BIGINT), id, "
                     "CAST(? AS INTEGER), 100, '', 'approved', 'test', '2026-01-01T00:00:00Z', 'test', "
                     "'2026-01-01T00:00:00Z', '', NULL FROM points_rules WHERE code = 'ZY01' RETURNING id",
                     {member, std::int64_t{core::points::ParseDate(TodayOf(a_->runtime())).value()}})[0][0]);
        const std::int64_t tx = storage::AsInt(db.Query("SELECT txid_current()")[0][0]);
        db.Commit();
        return {id, tx};
    }
};

TEST_F(PointsTwoServers, CountedEventsOnAShowOnBOneByOneWithoutARebuild) {
    ASSERT_EQ(B().CompareWithRecount(), 0u);  // B's boards built
    const auto reloads = B().ReloadCount();
    const auto applied = B().CountedChangesApplied();
    const auto members = SomeMembers(6);

    // An activity recorded for three members: approved at once, three counted events.
    app::BulkRecord bulk;
    bulk.rule = "ZY01";
    bulk.date = TodayOf(a_->runtime());
    bulk.members = {members[0], members[1], members[2]};
    auto recorded = A().RecordBulk(kAdmin, bulk);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_TRUE(recorded->errors.empty());
    ExpectOnB("an activity recorded for three members");
    EXPECT_EQ(B().CountedChangesApplied(), applied + 3);

    // Declarations that wait for approval note nothing: B does no work for them.
    const Id one = Declare(members[3]);
    const Id two = Declare(members[4]), three = Declare(members[5]);
    auto db = storage::OpenPostgres(url_);
    const auto noted = db->Query("SELECT COUNT(*) FROM change_feed_rows WHERE tbl = 'points_events' AND id IN (?, ?, ?)",
                                 {one, two, three});
    EXPECT_EQ(storage::AsInt(noted[0][0]), 0);

    // Approved alone, then two at once.
    ASSERT_TRUE(A().Approve(kAdmin, one));
    ExpectOnB("a declaration approved");
    EXPECT_EQ(B().CountedChangesApplied(), applied + 4);
    auto decided = A().DecideMany(kAdmin, {two, three}, true, "");
    ASSERT_TRUE(decided) << decided.error().message;
    ASSERT_EQ(*decided, 2u);
    ExpectOnB("two declarations approved at once");
    EXPECT_EQ(B().CountedChangesApplied(), applied + 6);
    EXPECT_EQ(B().ReloadCount(), reloads) << "B rebuilt its boards for counted events";
    EXPECT_EQ(B().CompareWithRecount(), 0u);

    // A rule's points changed: every total may move, so B rebuilds its boards once.
    auto rules = A().Rules(kAdmin);
    ASSERT_TRUE(rules);
    Id zy01 = 0;
    for (const auto& r : *rules)
        if (r.rule.code == "ZY01") zy01 = r.id;
    app::PointsRulePatch patch;
    patch.points = 7 * core::points::kOnePoint;
    ASSERT_TRUE(A().UpdateRule(kAdmin, zy01, patch));
    EXPECT_GE(WaitMs([&] { return B().ReloadCount() == reloads + 1 && Board(B()) == Board(A()); }), 0);
    EXPECT_EQ(B().CompareWithRecount(), 0u);

    // One transaction that ends a membership and counts an event of that member: the member leaves
    // B's boards in place (members before events), and the event, of a membership over, counts nowhere.
    CountedBehind(*db, members[0], /*end_member=*/true);
    EXPECT_GE(WaitMs([&] { return !HasMember(Board(B()), members[0]); }), 0) << "B kept the member";
    EXPECT_EQ(B().ReloadCount(), reloads + 1);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
    EXPECT_EQ(B().CountedChangesApplied(), applied + 6);
}

// Migration 98: a member moved or renamed on A is moved or renamed on B's boards in place; a new
// member (its ledger may hold events B's horizon saw) is a rebuild on B; an update that changes
// nothing the boards show notes nothing.
TEST_F(PointsTwoServers, AMemberMovedRenamedOrNewOnAIsBroughtAlongOnBWithoutARebuild) {
    ASSERT_EQ(B().CompareWithRecount(), 0u);
    const auto reloads = B().ReloadCount();
    auto members = A().Members(kAdmin, std::nullopt, "", 200);
    ASSERT_TRUE(members) << members.error().message;
    auto& roster = *a_->runtime().roster;
    // One member to move into the unit (and party organization) of a member of another unit, one to rename.
    std::optional<app::MemberRef> moving, target, renamed;
    for (const auto& m : *members) {
        if (m.person_id == 0) continue;
        if (!moving) moving = m;
        else if (!target && m.unit_id != moving->unit_id) target = m;
        else if (!renamed && m.unit_id != moving->unit_id) renamed = m;
    }
    ASSERT_TRUE(moving && target && renamed);
    auto target_person = roster.GetPerson(kAdmin, target->person_id);
    ASSERT_TRUE(target_person) << target_person.error().message;
    app::PersonPatch move;
    move.unit_id = target->unit_id;
    move.party_org_id = target_person->person.party_org_id;
    auto moved = roster.UpdatePerson(kAdmin, moving->person_id, move);
    ASSERT_TRUE(moved) << moved.error().message;
    ExpectOnB("a member moved to another unit");
    app::PersonPatch rename;
    rename.name = "钱改名";
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, renamed->person_id, rename));
    ExpectOnB("a member renamed");
    EXPECT_EQ(B().ReloadCount(), reloads) << "B rebuilt its boards for a move or a rename";
    EXPECT_NE(Board(B()).find(std::to_string(moving->id) + ":" + moving->name + ":" + std::to_string(target->unit_id) + ":"),
              std::string::npos);
    EXPECT_NE(Board(B()).find(":钱改名:"), std::string::npos);
    EXPECT_EQ(B().CompareWithRecount(), 0u);

    // A link request or the registration mark changes nothing the boards show: nothing noted.
    auto db = storage::OpenPostgres(url_);
    const auto noted = [&] { return storage::AsInt(db->Query("SELECT COUNT(*) FROM change_feed_rows WHERE tbl = 'points_members'")[0][0]); };
    const auto before = noted();
    db->Query("UPDATE points_members SET register_pending = 0 WHERE id = ?", {renamed->id});
    EXPECT_EQ(noted(), before);

    // A new party member: added in place on B too.
    core::roster::Person p;
    p.unit_id = target->unit_id;
    p.name = "谢新芳";
    p.gender = core::roster::Gender::kFemale;
    p.education = core::roster::Education::kBachelor;
    p.birth_date = "1990-03-04";
    p.party_join_date = "2015-07-01";
    p.party_org_id = target_person->person.party_org_id;
    auto created = roster.CreatePerson(kAdmin, p);
    ASSERT_TRUE(created) << created.error().message;
    ExpectOnB("a new party member");
    EXPECT_EQ(B().ReloadCount(), reloads) << "B rebuilt its boards for a new member";
    EXPECT_NE(Board(B()).find(":谢新芳:"), std::string::npos);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
}

// A membership that ends takes the member off the boards; begun again, the member comes back with
// every event of its ledger — on the server that wrote it and on the other —, both in place.
TEST_F(PointsTwoServers, AMembershipEndedAndBegunAgainIsBroughtAlongInPlaceOnBothServers) {
    auto members = A().Members(kAdmin, std::nullopt, "", 200);
    ASSERT_TRUE(members) << members.error().message;
    std::optional<app::MemberRef> member;
    for (const auto& m : *members)
        if (m.person_id != 0 && !member) member = m;
    ASSERT_TRUE(member);
    auto& roster = *a_->runtime().roster;
    auto person = roster.GetPerson(kAdmin, member->person_id);
    ASSERT_TRUE(person) << person.error().message;
    const Id org = person->person.party_org_id;
    ASSERT_NE(org, 0);
    // Its ledger: an approved event recorded now, so that there is something to bring back.
    auto db = storage::OpenPostgres(url_);
    const auto applied_a = A().CountedChangesApplied(), applied_b = B().CountedChangesApplied();
    CountedBehind(*db, member->id);
    ASSERT_GE(WaitMs([&] {
                  return A().CountedChangesApplied() == applied_a + 1 && B().CountedChangesApplied() == applied_b + 1;
              }),
              0);
    const std::string with = Board(A());
    ASSERT_EQ(Board(B()), with);
    ASSERT_TRUE(HasMember(with, member->id));

    const auto reloads_a = A().ReloadCount(), reloads_b = B().ReloadCount();
    app::PersonPatch leave;
    leave.party_org_id = 0;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, member->person_id, leave));
    EXPECT_FALSE(HasMember(Board(A()), member->id));
    ExpectOnB("a membership ended");
    EXPECT_EQ(A().CompareWithRecount(), 0u);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
    app::PersonPatch back;
    back.party_org_id = org;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, member->person_id, back));
    EXPECT_EQ(Board(A()), with) << "A did not count the returning member's ledger again";
    ExpectOnB("a membership begun again");
    EXPECT_EQ(Board(B()), with);
    EXPECT_EQ(A().ReloadCount(), reloads_a) << "A rebuilt its boards for an ended or returning member";
    EXPECT_EQ(B().ReloadCount(), reloads_b) << "B rebuilt its boards for an ended or returning member";
    EXPECT_EQ(A().CompareWithRecount(), 0u);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
}

// Begun again, a member stands among the members of its unit tied with it where it stood before —
// where a rebuild puts it (by id) — on both servers, not after them.
TEST_F(PointsTwoServers, AMemberBegunAgainStandsAmongItsTiedNeighboursWhereItStoodBefore) {
    auto page = A().Leaderboard(kAdmin, std::nullopt, "", 1000);
    ASSERT_TRUE(page) << page.error().message;
    // A member of the roster followed on the page by one of the same unit with the same total.
    std::optional<app::MemberRef> member;
    for (std::size_t idx = 0; idx + 1 < page->entries.size() && !member; ++idx) {
        const auto &here = page->entries[idx], &next = page->entries[idx + 1];
        if (here.member.person_id != 0 && here.total == next.total && here.member.unit_id == next.member.unit_id)
            member = here.member;
    }
    ASSERT_TRUE(member) << "the demo has members tied within a unit";
    const std::string before = Board(A());
    ASSERT_EQ(Board(B()), before);
    auto& roster = *a_->runtime().roster;
    auto person = roster.GetPerson(kAdmin, member->person_id);
    ASSERT_TRUE(person) << person.error().message;
    const Id org = person->person.party_org_id;
    ASSERT_NE(org, 0);
    app::PersonPatch leave;
    leave.party_org_id = 0;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, member->person_id, leave));
    ExpectOnB("a membership ended");
    app::PersonPatch back;
    back.party_org_id = org;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, member->person_id, back));
    ExpectOnB("a membership begun again");
    EXPECT_EQ(Board(A()), before) << "A lists the returning member elsewhere among its tied neighbours";
    EXPECT_EQ(Board(B()), before) << "B lists the returning member elsewhere among its tied neighbours";
    A().Reload();
    EXPECT_EQ(Board(A()), before) << "a rebuild lists them so";
}

// A member brought onto a board with its ledger: a notice of a transaction that read saw — the
// event was committed before it, its notice comes after — is not counted again; a later one is.
// A server of its own without a feed, so that the notices come only from the test, in this order.
TEST_F(PointsTwoServers, AnEventTheLedgerReadOfABroughtMemberSawIsNotCountedTwice) {
    const Id member = SomeMembers(1).at(0);
    auto db = storage::OpenPostgres(url_);
    composition::Runtime c(url_, TestAuditKey(url_), TestDataDir(url_));
    c.roster->Reload();
    auto& points = *c.points;
    db->Query("UPDATE points_members SET ended_on = '2000-01-01' WHERE id = ?", {member});
    points.Reload();  // built without the member
    ASSERT_FALSE(HasMember(Board(points), member));
    const auto [event, tx] = CountedBehind(*db, member);
    db->Query("UPDATE points_members SET ended_on = '' WHERE id = ?", {member});
    const auto reloads = points.ReloadCount();
    const auto applied = points.CountedChangesApplied();
    points.ApplyMemberChanges({{member, 0}});
    ASSERT_TRUE(HasMember(Board(points), member));
    EXPECT_EQ(points.CompareWithRecount(), 0u) << "the member's ledger was not read with it";
    const std::string brought = Board(points);
    points.ApplyCountedChanges({{event, tx}});
    EXPECT_EQ(Board(points), brought) << "an event the ledger read saw was counted again";
    EXPECT_EQ(points.CountedChangesApplied(), applied);
    const auto [later, later_tx] = CountedBehind(*db, member);
    points.ApplyCountedChanges({{later, later_tx}});
    EXPECT_EQ(points.CountedChangesApplied(), applied + 1);
    EXPECT_NE(Board(points), brought);
    EXPECT_EQ(points.ReloadCount(), reloads);
    EXPECT_EQ(points.CompareWithRecount(), 0u);
}

TEST_F(PointsTwoServers, ANoticeOfATransactionTheBuildReadOrOneSeenTwiceChangesNothing) {
    ASSERT_EQ(B().CompareWithRecount(), 0u);
    const auto members = SomeMembers(1);
    auto db = storage::OpenPostgres(url_);
    const auto applied = B().CountedChangesApplied();
    const auto [event, tx] = CountedBehind(*db, members[0]);
    EXPECT_GE(WaitMs([&] { return B().CountedChangesApplied() == applied + 1; }), 0) << "B never applied it";
    ExpectOnB("an event counted by another process");
    const std::string after = Board(B());

    // The same notice again (a retried apply): already applied since the build.
    B().ApplyCountedChanges({{event, tx}});
    EXPECT_EQ(B().CountedChangesApplied(), applied + 1);
    EXPECT_EQ(Board(B()), after);
    // Rebuilt from the ledger, which holds the event: the build's horizon saw its transaction.
    const auto reloads = B().ReloadCount();
    B().Reload();
    EXPECT_EQ(B().ReloadCount(), reloads + 1);
    B().ApplyCountedChanges({{event, tx}});
    EXPECT_EQ(B().CountedChangesApplied(), applied + 1);
    EXPECT_EQ(Board(B()), after);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
}

TEST_F(PointsTwoServers, ABoardThatRemembersTooManyAppliedTransactionsIsRebuilt) {
    ASSERT_EQ(B().CompareWithRecount(), 0u);
    app::BoardBuildTuning tuning;
    tuning.max_applied_transactions = 2;
    B().SetBoardBuildTuning(tuning);
    const auto members = SomeMembers(3);
    auto db = storage::OpenPostgres(url_);
    const auto reloads = B().ReloadCount();
    const auto applied = B().CountedChangesApplied();
    for (int i = 0; i < 2; ++i) {
        CountedBehind(*db, members[static_cast<std::size_t>(i)]);
        EXPECT_GE(WaitMs([&] { return B().CountedChangesApplied() == applied + 1 + static_cast<unsigned>(i); }), 0);
    }
    EXPECT_EQ(B().ReloadCount(), reloads) << "two remembered transactions are within the bound";
    CountedBehind(*db, members[2]);  // the third: over the bound, rebuilt from the ledger instead
    EXPECT_GE(WaitMs([&] { return B().ReloadCount() == reloads + 1; }), 0) << "B was not rebuilt";
    EXPECT_EQ(B().CountedChangesApplied(), applied + 3);
    EXPECT_EQ(B().CompareWithRecount(), 0u);
}

TEST_F(PointsTwoServers, WhatOthersCommitWhileAServerLoadsItsViewsIsAppliedWhenItsFeedStarts) {
    const auto members = SomeMembers(1);
    auto db = storage::OpenPostgres(url_);
    composition::Runtime c(url_, TestAuditKey(url_), TestDataDir(url_));
    c.NoteFeedStart();  // as serve does before it loads the views
    c.roster->Reload();
    ASSERT_EQ(c.points->CompareWithRecount(), 0u);  // the boards built
    const std::string built = Board(*c.points);
    CountedBehind(*db, members[0]);  // committed after the build, before the feed starts
    c.StartChangeFeed();
    const double ms = WaitMs([&] { return c.points->CountedChangesApplied() == 1; });
    EXPECT_GE(ms, 0) << "the event committed during the load never reached the new server";
    EXPECT_NE(Board(*c.points), built);
    EXPECT_EQ(c.points->CompareWithRecount(), 0u);
}

// Migration 101: a bulk record for more than 1,000 members is noted row by row (it was noted whole,
// and every other server rebuilt its boards): B adds the 1,200 events one by one, and a kept board
// snapshot is brought forward over them.
TEST_F(PointsTwoServers, ABulkRecordForMoreThanAThousandMembersReachesBOneByOne) {
    auto db = storage::OpenPostgres(url_);
    // 1,200 more members of one unit, written behind the services (both servers bring them along).
    const Id unit = A().Members(kAdmin, std::nullopt, "", 1)->at(0).unit_id;
    db->Query("INSERT INTO points_members (unit_id, name) SELECT ?, '批量' || g FROM generate_series(1, 1200) g",
              {unit});
    const auto added = db->Query("SELECT id FROM points_members WHERE name LIKE '批量%' ORDER BY id");
    ASSERT_EQ(added.size(), 1200u);
    EXPECT_GE(WaitMs([&] { return HasMember(Board(A()), storage::AsInt(added.back()[0])) &&
                                  HasMember(Board(B()), storage::AsInt(added.back()[0])); }),
              0);
    ASSERT_EQ(A().CompareWithRecount(), 0u);
    ASSERT_FALSE(A().KeepBoardSnapshots().empty());
    const auto reloads = B().ReloadCount();
    const auto applied = B().CountedChangesApplied();
    app::BulkRecord bulk;
    bulk.rule = "ZY01";
    bulk.date = TodayOf(a_->runtime());
    for (const auto& row : added) bulk.members.push_back(storage::AsInt(row[0]));
    const auto before = storage::AsInt(db->Query("SELECT COALESCE(MAX(txid), 0) FROM change_feed")[0][0]);
    auto recorded = A().RecordBulk(kAdmin, bulk);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_TRUE(recorded->errors.empty());
    const auto noted = db->Query(
        "SELECT COUNT(*) FILTER (WHERE tbl = '*'), COUNT(*) FILTER (WHERE tbl = 'points_events') "
        "FROM change_feed_rows WHERE txid > ?", {before});
    EXPECT_EQ(storage::AsInt(noted[0][0]), 0) << "noted whole";
    EXPECT_EQ(storage::AsInt(noted[0][1]), 1200);
    ExpectOnB("an activity recorded for 1,200 members");
    EXPECT_EQ(B().CountedChangesApplied(), applied + 1200);
    EXPECT_EQ(B().ReloadCount(), reloads) << "B rebuilt its boards for a bulk record";
    EXPECT_EQ(B().CompareWithRecount(), 0u);

    app::BoardBuildTuning tuning;
    tuning.snapshot_refresh = std::chrono::seconds(0);
    A().SetBoardBuildTuning(tuning);
    const std::string forward = A().KeepBoardSnapshots();
    EXPECT_NE(forward.find("由变更记录前推 1200 条"), std::string::npos) << forward;
}

// Board snapshots (migration 100): a server that starts after A kept one restores its boards from
// it and reads only what was counted since — events approved on A, an event written behind the
// services — and the whole ledgers of the members the snapshot lacks (a membership begun again); a
// member whose membership ended since is not on the board. Its boards equal A's and a recount.
TEST_F(PointsTwoServers, AStartFromTheKeptSnapshotReadsOnlyWhatWasCountedSinceAndEqualsARecount) {
    auto members = A().Members(kAdmin, std::nullopt, "", 200);
    ASSERT_TRUE(members) << members.error().message;
    std::vector<app::MemberRef> people;  // members with a roster person
    for (const auto& m : *members)
        if (m.person_id != 0) people.push_back(m);
    ASSERT_GE(people.size(), 5u);
    auto db = storage::OpenPostgres(url_);
    // The member who returns: ended before the snapshot, its ledger holding a counted event.
    const app::MemberRef returning = people[0], leaving = people[1];
    CountedBehind(*db, returning.id);
    auto& roster = *a_->runtime().roster;
    const Id org = roster.GetPerson(kAdmin, returning.person_id)->person.party_org_id;
    ASSERT_NE(org, 0);
    app::PersonPatch leave;
    leave.party_org_id = 0;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, returning.person_id, leave));
    A().Reload();  // the snapshot is the last build's: one without the member

    ASSERT_EQ(A().CompareWithRecount(), 0u);
    const std::string kept = A().KeepBoardSnapshots();
    EXPECT_NE(kept.find("积分榜快照已保存"), std::string::npos) << kept;
    EXPECT_EQ(A().SnapshotsKept(), 1u);
    EXPECT_EQ(A().KeepBoardSnapshots(), "") << "nothing new to keep within the hour";

    // Counted since: three members at once, one approval, one event behind the services.
    app::BulkRecord bulk;
    bulk.rule = "ZY01";
    bulk.date = TodayOf(a_->runtime());
    bulk.members = {people[2].id, people[3].id, people[4].id};
    auto recorded = A().RecordBulk(kAdmin, bulk);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_TRUE(A().Approve(kAdmin, Declare(people[3].id)));
    CountedBehind(*db, people[4].id);
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, leaving.person_id, leave));
    app::PersonPatch back;
    back.party_org_id = org;
    ASSERT_TRUE(roster.UpdatePerson(kAdmin, returning.person_id, back));

    const auto c = Started();
    EXPECT_EQ(c->points->CompareWithRecount(), 0u);
    const auto report = c->points->LastBuildReport();
    EXPECT_TRUE(report.from_snapshot) << report.why_not;
    EXPECT_EQ(report.counted_since, 5u);
    EXPECT_EQ(report.members_read, 1u) << "the returning member's ledger";
    const std::string now = Board(*c->points);
    EXPECT_TRUE(HasMember(now, returning.id));
    EXPECT_FALSE(HasMember(now, leaving.id));
    // A lists the returning member last among those tied with it (appended in place); a build, in id order.
    EXPECT_GE(WaitMs([&] { return Ranked(Board(A())) == Ranked(now); }), 0) << "the restored boards differ from A's";

    // That start left its own snapshot, as of its read: the next start counts nothing since.
    EXPECT_NE(c->points->KeepBoardSnapshots().find("积分榜快照已保存"), std::string::npos);
    const auto d = Started();
    EXPECT_EQ(d->points->CompareWithRecount(), 0u);
    EXPECT_TRUE(d->points->LastBuildReport().from_snapshot);
    EXPECT_EQ(d->points->LastBuildReport().counted_since, 0u);
    EXPECT_EQ(d->points->LastBuildReport().members_read, 0u);
    EXPECT_EQ(Board(*d->points), now);
}

// A kept snapshot is not trusted when the feed cannot name what was counted since (an entry noted
// whole), when the rules changed, when it is older than the feed keeps, when another database wrote
// it (a dump restored elsewhere), or when it does not decode: the start reads the whole ledger and
// says why.
TEST_F(PointsTwoServers, AKeptSnapshotTheStartCannotTrustIsNotUsed) {
    ASSERT_EQ(A().CompareWithRecount(), 0u);
    ASSERT_FALSE(A().KeepBoardSnapshots().empty());
    auto db = storage::OpenPostgres(url_);
    const auto start = [&](const std::string& why) {
        const auto c = Started();
        EXPECT_EQ(c->points->CompareWithRecount(), 0u) << why;
        const auto report = c->points->LastBuildReport();
        EXPECT_FALSE(report.from_snapshot) << why;
        EXPECT_NE(report.why_not.find(why), std::string::npos) << report.why_not;
        const std::string board = Board(*c->points);
        EXPECT_GE(WaitMs([&] { return Board(A()) == board; }), 0) << why;
    };
    const auto row = db->Query("SELECT encode(data, 'hex'), horizon FROM points_board_snapshots").at(0);
    const std::string saved = storage::AsText(row[0]), saved_horizon = storage::AsText(row[1]);
    db->Query("UPDATE points_board_snapshots SET data = '\\x00'");
    start("不是积分榜快照");
    db->Query("UPDATE points_board_snapshots SET data = decode(?, 'hex'), taken_at = now() - interval '21 hours'", {saved});
    start("超过变更记录的保留期");
    db->Query("UPDATE points_board_snapshots SET taken_at = now(), system_id = system_id + 1");
    start("快照来自另一个数据库");
    db->Query("UPDATE points_board_snapshots SET system_id = system_id - 1, horizon = '900000000:900000000:'");
    start("快照来自另一个数据库");  // a horizon ahead of the database: not written by this one
    db->Query("UPDATE points_board_snapshots SET horizon = ?", {saved_horizon});
    CountedBehind(*db, SomeMembers(1).at(0));
    db->Query("UPDATE points_periods SET name = name || ' '");  // noted whole
    start("整批变更");

    auto rules = A().Rules(kAdmin);
    ASSERT_TRUE(rules);
    app::PointsRulePatch patch;
    patch.points = 9 * core::points::kOnePoint;
    ASSERT_TRUE(A().UpdateRule(kAdmin, rules->front().id, patch));
    start("积分规则或周期有变");
}

// The keeper brings a kept snapshot forward from the feed's rows (a start afterwards counts nothing
// since); after an entry noted whole it counts the snapshot again from the ledger.
TEST_F(PointsTwoServers, TheKeeperBringsTheSnapshotForwardOrCountsItAgain) {
    // The keeper on a server without a feed, so that nothing rebuilds its board meanwhile.
    composition::Runtime keeper(url_, TestAuditKey(url_), TestDataDir(url_));
    keeper.roster->Reload();
    auto& points = *keeper.points;
    ASSERT_EQ(points.CompareWithRecount(), 0u);
    app::BoardBuildTuning tuning;
    tuning.snapshot_refresh = std::chrono::seconds(0);
    points.SetBoardBuildTuning(tuning);
    ASSERT_NE(points.KeepBoardSnapshots().find("积分榜快照已保存"), std::string::npos);
    const auto members = SomeMembers(3);
    auto db = storage::OpenPostgres(url_);
    CountedBehind(*db, members[0]);
    CountedBehind(*db, members[1]);
    const std::string forward = points.KeepBoardSnapshots();
    EXPECT_NE(forward.find("由变更记录前推 2 条"), std::string::npos) << forward;
    // Nothing counted since: moved to the new horizon all the same (it stays younger than the feed's
    // day), without writing the same values again.
    const auto kept = [&] {
        const auto rows = db->Query("SELECT horizon, md5(data), taken_at::TEXT FROM points_board_snapshots");
        EXPECT_EQ(rows.size(), 1u);
        std::vector<std::string> out;
        for (int column = 0; column < 3; ++column) out.push_back(storage::AsText(rows.at(0)[column]));
        return out;
    };
    const auto before = kept();
    db->Query("SELECT txid_current()");  // a transaction since: the horizon moves
    const std::string moved = points.KeepBoardSnapshots();
    EXPECT_NE(moved.find("积分榜快照已前移"), std::string::npos) << moved;
    const auto after = kept();
    EXPECT_NE(after[0], before[0]) << "as of the new horizon";
    EXPECT_EQ(after[1], before[1]) << "the same values";
    EXPECT_NE(after[2], before[2]) << "young again";
    const auto start = [&] {
        const auto c = Started();
        EXPECT_EQ(c->points->CompareWithRecount(), 0u);
        const auto report = c->points->LastBuildReport();
        EXPECT_TRUE(report.from_snapshot) << report.why_not;
        EXPECT_EQ(report.counted_since, 0u) << "the kept snapshot had everything";
        const std::string board = Board(*c->points);
        EXPECT_GE(WaitMs([&] { return Board(A()) == board; }), 0);
    };
    start();

    CountedBehind(*db, members[2]);
    db->Query("UPDATE points_periods SET name = name || ' '");  // noted whole
    const std::string again = points.KeepBoardSnapshots();
    EXPECT_NE(again.find("由账本重新统计"), std::string::npos) << again;
    start();
}

}  // namespace
}  // namespace lingyan::testing
