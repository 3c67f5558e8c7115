// Another server's roster edit on a bigger roster (issue 15): two Runtimes on one PostgreSQL with the
// province data set (storage/bulk/province_load.hpp) at ROSTER_FEED_BENCH_SCALE (default 0.05: about
// 1,000 units and 200,000 people), each following the other through its change feed. Per iteration
// (manual time), from a write's commit on runtime A to runtime B showing it:
//   BM_PersonEditRowByRow — A edits one person's phone (RosterService::UpdatePerson); B applies the row
//     (migration 94: the feed hands over the person's id, B reads that row again);
//   BM_WholeRosterReload — a `roster` entry noted without keys (as every roster write was before
//     migration 94, and as a transaction over 1,000 rows still is): B reloads its whole roster.
//   BM_CountedEventRowByRow — A records one activity (approved at once) for one points member; B adds
//     that event to its boards (migration 97: the feed hands over the event's id and transaction);
//   BM_WholePointsRebuild — a `points` entry noted as a whole change (as every points write was before
//     migration 97, and as a member, rule or period change still is): B rebuilds its boards from the
//     whole ledger (80 M × scale events);
//   BM_MemberNewOnA — a new party member on A: the save's time on A, and until B shows the member
//     (before: a rebuild on B; now both bring it onto the boards in place, B with its ledger read);
//   BM_MemberRenamedOnA — a party member renamed on A: the edit's own time (the points member is
//     brought along in place; before, A compared the whole register and rebuilt its boards);
//   BM_WholeMemberSync — SyncMembers with nothing to write: the whole register compared.
// Needs LINGYAN_TEST_PG (scripts/with-postgres.sh); a database lingyan_roster_feed_bench is made —
// or ROSTER_FEED_BENCH_DB names one already loaded by `lingyan load-province` (the full scale takes
// minutes to load), which the bench then writes to.
// Prints figures only.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "bench_database.hpp"
#include "core/roster/person_rules.hpp"
#include "main/composition.hpp"
#include "storage/bulk/province_load.hpp"

namespace {

using lingyan::core::roster::Id;
using Clock = std::chrono::steady_clock;

const lingyan::app::Actor kAdmin{0, "bench", lingyan::core::auth::Role::kAdmin, 0};

struct World {
    std::string url;
    std::unique_ptr<lingyan::composition::Runtime> a, b;
    std::vector<Id> people;
};

World* Seeded() {
    static World* w = [] () -> World* {
        if (!std::getenv("LINGYAN_TEST_PG") && !std::getenv("ROSTER_FEED_BENCH_DB")) return nullptr;
        auto* w = new World;
        const char* loaded = std::getenv("ROSTER_FEED_BENCH_DB");  // a province already loaded (it is written to)
        w->url = loaded ? loaded : lingyan::bench::FreshDatabaseUrl("lingyan_roster_feed_bench");
        const auto key = (std::filesystem::temp_directory_path() / "lingyan_roster_feed_bench.key").string();
        w->a = std::make_unique<lingyan::composition::Runtime>(w->url, key);
        if (!loaded) {
            lingyan::storage::ProvinceLoadOptions options;
            if (const char* scale = std::getenv("ROSTER_FEED_BENCH_SCALE")) options.scale = std::atof(scale);
            else options.scale = 0.05;
            const auto t0 = Clock::now();
            const auto report = lingyan::storage::LoadProvince(w->url, options);
            std::cout << "province data set at scale " << options.scale << ": " << report.units << " units, "
                      << report.people << " people, " << report.positions << " positions, " << report.party_orgs
                      << " party orgs (loaded in " << std::chrono::duration<double>(Clock::now() - t0).count()
                      << " s)\n";
        }
        w->b = std::make_unique<lingyan::composition::Runtime>(w->url, key);
        for (auto* rt : {w->a.get(), w->b.get()}) {
            const auto t = Clock::now();
            rt->roster->Reload();
            std::cout << "whole roster load at start: " << std::chrono::duration<double>(Clock::now() - t).count()
                      << " s\n";
            const auto p = Clock::now();
            rt->points->Reload();
            std::cout << "points boards built at start: " << std::chrono::duration<double>(Clock::now() - p).count()
                      << " s\n";
            rt->StartChangeFeed();
        }
        while (!w->a->feed->Current() || !w->b->feed->Current())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        w->a->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
            // People the app would let an officer edit (some of the generated data set's join dates
            // fail the person rules, and an edit re-checks the whole person).
            const std::string today = w->a->clock.Today();
            index.ForEachPerson([&](const lingyan::core::roster::Person& p) {
                if (w->people.size() < 1000 && lingyan::core::roster::ValidatePerson(p, today))
                    w->people.push_back(p.id);
            });
        });
        return w;
    }();
    return w;
}

// Waits for `done`, polling every 100 µs; false after 60 s.
template <typename Fn>
bool Await(Fn done) {
    const auto started = Clock::now();
    while (!done()) {
        if (Clock::now() - started > std::chrono::seconds(60)) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    return true;
}

void BM_PersonEditRowByRow(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    // The phone: a member's name or unit would also make A resync the points members (a points
    // write, which B reloads too) before UpdatePerson answers.
    std::size_t n = 0;
    const auto reloads = w->b->roster->ReloadCount();
    for (auto _ : state) {
        const Id id = w->people[n % w->people.size()];
        const std::string phone = std::to_string(13800000000LL + static_cast<long long>(n++));
        lingyan::app::PersonPatch patch;
        patch.phone = phone;
        const auto t = Clock::now();
        if (auto r = w->a->roster->UpdatePerson(kAdmin, id, patch); !r)
            return state.SkipWithError(("update refused: " + r.error().message).c_str());
        const bool seen = Await([&] {
            bool same = false;
            w->b->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
                const auto* p = index.FindPerson(id);
                same = p && p->phone == phone;
            });
            return same;
        });
        if (!seen) return state.SkipWithError("B never showed the edit");
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
    state.counters["whole_reloads_on_B"] = static_cast<double>(w->b->roster->ReloadCount() - reloads);
}
BENCHMARK(BM_PersonEditRowByRow)->UseManualTime()->Iterations(50)->Unit(benchmark::kMillisecond);

void BM_WholeRosterReload(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    w->a->feed->Stop();  // only B reloads (the machine's cores are B's)
    auto db = lingyan::storage::OpenPostgres(w->url);
    for (auto _ : state) {
        const auto before = w->b->roster->ReloadCount();
        const auto t = Clock::now();
        db->Begin();
        db->Query("INSERT INTO change_feed (kind, origin, txid) VALUES ('roster', 'bench', txid_current())");
        db->Query("SELECT pg_notify('lingyan_changes', 'roster')");
        db->Commit();
        if (!Await([&] { return w->b->roster->ReloadCount() > before; })) return state.SkipWithError("no reload on B");
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
}
BENCHMARK(BM_WholeRosterReload)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);

void BM_CountedEventRowByRow(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    const auto reloads = w->b->points->ReloadCount();
    Id member = 1;  // the data set's points members are 1…N
    for (auto _ : state) {
        lingyan::app::BulkRecord one;
        one.rule = "ZY02";  // no cap: every event moves the total
        one.date = "2025-06-01";
        one.members = {member++};
        const auto before = w->b->points->CountedChangesApplied();
        const auto t = Clock::now();
        auto r = w->a->points->RecordBulk(kAdmin, one);
        if (!r || !r->errors.empty()) return state.SkipWithError("the activity was refused");
        if (!Await([&] { return w->b->points->CountedChangesApplied() > before; }))
            return state.SkipWithError("B never applied the event");
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
    state.counters["whole_rebuilds_on_B"] = static_cast<double>(w->b->points->ReloadCount() - reloads);
}
BENCHMARK(BM_CountedEventRowByRow)->UseManualTime()->Iterations(50)->Unit(benchmark::kMillisecond);

void BM_MemberNewOnA(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    // New party members of the unit and organization of an existing one.
    lingyan::core::roster::Person person;
    w->a->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
        index.ForEachPerson([&](const lingyan::core::roster::Person& p) {
            if (person.unit_id == 0 && p.party_org_id != 0) {
                person.unit_id = p.unit_id;
                person.party_org_id = p.party_org_id;
            }
        });
    });
    if (person.unit_id == 0) return state.SkipWithError("no party member");
    person.gender = lingyan::core::roster::Gender::kFemale;
    person.education = lingyan::core::roster::Education::kBachelor;
    person.birth_date = "1990-03-04";
    person.party_join_date = "2015-07-01";
    const auto on_board = [&](lingyan::app::PointsService& points, Id member) { return points.Ranks(kAdmin, member, "").ok(); };
    const auto reloads_a = w->a->points->ReloadCount(), reloads_b = w->b->points->ReloadCount();
    double on_b = 0, roster_on_b = 0;
    std::size_t n = 0;
    for (auto _ : state) {
        static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
        person.name = std::string("新党员") + kStems[n / 10 % 10] + kStems[n % 10];  // no digits in a name
        ++n;
        const auto t = Clock::now();
        auto created = w->a->roster->CreatePerson(kAdmin, person);
        if (!created) return state.SkipWithError(("person refused: " + created.error().message).c_str());
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
        const auto row = w->a->points_store->FindMemberOfPerson(created->person.id);
        if (!row) return state.SkipWithError("no points member made for the new party member");
        const Id person_id = created->person.id;
        if (!Await([&] {
                bool found = false;
                w->b->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) { found = index.FindPerson(person_id); });
                return found;
            }))
            return state.SkipWithError("B's roster never showed the person");
        roster_on_b += std::chrono::duration<double, std::milli>(Clock::now() - t).count();
        if (!Await([&] { return on_board(*w->b->points, row->id); })) return state.SkipWithError("B never showed the member");
        on_b += std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    }
    state.counters["on_B_ms"] = on_b / static_cast<double>(std::max<std::size_t>(n, 1));
    state.counters["roster_on_B_ms"] = roster_on_b / static_cast<double>(std::max<std::size_t>(n, 1));
    state.counters["whole_rebuilds_on_A"] = static_cast<double>(w->a->points->ReloadCount() - reloads_a);
    state.counters["whole_rebuilds_on_B"] = static_cast<double>(w->b->points->ReloadCount() - reloads_b);
}
// A party member new on A: the save's own time on A, and (on_B_ms, from the save's start) until B
// shows the member — both bring it onto the boards in place (B reads its ledger with it).
BENCHMARK(BM_MemberNewOnA)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_WholePointsRebuild(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    w->a->feed->Stop();  // only B rebuilds
    auto db = lingyan::storage::OpenPostgres(w->url);
    for (auto _ : state) {
        const auto before = w->b->points->ReloadCount();
        const auto t = Clock::now();
        db->Begin();
        db->Query("INSERT INTO change_feed (kind, origin, txid) VALUES ('points', 'bench', txid_current())");
        db->Query("SELECT pg_notify('lingyan_changes', 'points')");
        db->Commit();
        if (!Await([&] { return w->b->points->ReloadCount() > before; })) return state.SkipWithError("no rebuild on B");
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
}
BENCHMARK(BM_WholePointsRebuild)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_MemberRenamedOnA(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    w->b->feed->Stop();  // A alone: B's rebuild of a member notice would share the cores
    std::vector<Id> members;
    w->a->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
        const std::string today = w->a->clock.Today();
        index.ForEachPerson([&](const lingyan::core::roster::Person& p) {
            if (members.size() < 100 && p.party_org_id != 0 && lingyan::core::roster::ValidatePerson(p, today))
                members.push_back(p.id);
        });
    });
    if (members.empty()) return state.SkipWithError("no party member the app would let an officer edit");
    const auto reloads = w->a->points->ReloadCount();
    std::size_t n = 0;
    for (auto _ : state) {
        lingyan::app::PersonPatch patch;
        patch.name = n % 2 ? "测试乙" : "测试甲";
        const auto t = Clock::now();
        if (auto r = w->a->roster->UpdatePerson(kAdmin, members[n++ % members.size()], patch); !r)
            return state.SkipWithError(("update refused: " + r.error().message).c_str());
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
    state.counters["whole_rebuilds_on_A"] = static_cast<double>(w->a->points->ReloadCount() - reloads);
}
// A party member renamed on A: the edit's own time on A, the points member brought along in place.
BENCHMARK(BM_MemberRenamedOnA)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_WholeMemberSync(benchmark::State& state) {
    World* w = Seeded();
    if (!w) return state.SkipWithError("LINGYAN_TEST_PG not set (scripts/with-postgres.sh)");
    for (auto _ : state) {
        const auto t = Clock::now();
        w->a->points->SyncMembers();  // nothing to write: the comparison of the whole register alone
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - t).count());
    }
}
// What every such edit cost before on top of a rebuild (BM_WholePointsRebuild): the whole register compared.
BENCHMARK(BM_WholeMemberSync)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
