// Board snapshots (issue 15, migration 100): what a start saves by restoring the points boards from
// the kept snapshot instead of reading the whole ledger, and what keeping the snapshot costs. One
// Runtime on PostgreSQL with the province data set (storage/bulk/province_load.hpp) at
// BOARD_SNAPSHOT_BENCH_SCALE (default 0.05: 200,000 members, 4 M events) — or the database
// BOARD_SNAPSHOT_BENCH_DB names, already loaded by `lingyan load-province` (it is written to: a
// thousand counted events a run and one harmless period update).
//   BM_BuildFromWholeLedger — the boards built from every counted event of the period (snapshots off);
//   BM_KeepAfterBuild       — the snapshot that build left, encoded and written (the keeper's first task);
//   BM_BuildFromSnapshot    — the boards built from that snapshot plus what was counted since (nothing);
//   BM_BringForward         — 1,000 events counted behind the services, then the keeper brings the kept
//                             snapshot forward from the change feed's rows (read, fold, encode, write);
//   BM_CountAgain           — after a change the feed notes whole, the keeper counts the snapshot again
//                             from the ledger (one connection: the other core serves).
// Needs LINGYAN_TEST_PG (scripts/with-postgres.sh) or BOARD_SNAPSHOT_BENCH_DB. Prints figures only.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "bench_database.hpp"
#include "main/composition.hpp"
#include "storage/bulk/province_load.hpp"

namespace {

using Clock = std::chrono::steady_clock;

lingyan::composition::Runtime* Seeded() {
    static lingyan::composition::Runtime* rt = []() -> lingyan::composition::Runtime* {
        const char* loaded = std::getenv("BOARD_SNAPSHOT_BENCH_DB");
        if (!std::getenv("LINGYAN_TEST_PG") && !loaded) return nullptr;
        const std::string url = loaded ? loaded : lingyan::bench::FreshDatabaseUrl("lingyan_board_snapshot_bench");
        const auto key = (std::filesystem::temp_directory_path() / "lingyan_board_snapshot_bench.key").string();
        auto* out = new lingyan::composition::Runtime(url, key);
        if (!loaded) {
            lingyan::storage::ProvinceLoadOptions options;
            const char* scale = std::getenv("BOARD_SNAPSHOT_BENCH_SCALE");
            options.scale = scale ? std::atof(scale) : 0.05;
            const auto report = lingyan::storage::LoadProvince(url, options);
            std::cout << "province data set at scale " << options.scale << ": " << report.people << " members\n";
        }
        out->roster->Reload();
        return out;
    }();
    return rt;
}

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// One timed KeepBoardSnapshots; false (the benchmark failed) when its answer does not say `expected`.
bool TimedKeep(benchmark::State& state, lingyan::composition::Runtime& rt, const std::string& expected) {
    const auto t = Clock::now();
    const std::string kept = rt.points->KeepBoardSnapshots();
    state.SetIterationTime(Seconds(t));
    if (kept.find(expected) == std::string::npos) {
        state.SkipWithError(("expected " + expected + ": " + kept).c_str());
        return false;
    }
    state.SetLabel(kept);
    return true;
}

void Tune(lingyan::app::PointsService& points, bool snapshots) {
    lingyan::app::BoardBuildTuning tuning;
    tuning.snapshots = snapshots;
    tuning.snapshot_refresh = std::chrono::seconds(0);
    points.SetBoardBuildTuning(tuning);
}

void BM_BuildFromWholeLedger(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    Tune(*rt->points, false);
    for (auto _ : state) {
        const auto t = Clock::now();
        rt->points->Reload();
        state.SetIterationTime(Seconds(t));
    }
    Tune(*rt->points, true);
    rt->points->Reload();  // leaves its snapshot for the next benchmark to write
}
BENCHMARK(BM_BuildFromWholeLedger)->UseManualTime()->Iterations(2)->Unit(benchmark::kMillisecond);

void BM_KeepAfterBuild(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    for (auto _ : state) {
        rt->points->Reload();
        if (!TimedKeep(state, *rt, "已保存")) return;
    }
}
BENCHMARK(BM_KeepAfterBuild)->UseManualTime()->Iterations(2)->Unit(benchmark::kMillisecond);

void BM_BuildFromSnapshot(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    for (auto _ : state) {
        rt->points->KeepBoardSnapshots();  // the last build's snapshot, written (outside the timing)
        const auto t = Clock::now();
        rt->points->Reload();
        state.SetIterationTime(Seconds(t));
        const auto report = rt->points->LastBuildReport();
        if (!report.from_snapshot) return state.SkipWithError(("whole ledger read: " + report.why_not).c_str());
        state.counters["counted_since"] = static_cast<double>(report.counted_since);
    }
}
BENCHMARK(BM_BuildFromSnapshot)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_BringForward(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    Tune(*rt->points, true);
    rt->points->KeepBoardSnapshots();
    auto& db = rt->store->db();
    std::int64_t first = 1;
    for (auto _ : state) {
        // A thousand events counted by one transaction of another process (the feed notes each).
        db.Query("INSERT INTO points_events (member_id, rule_id, day, quantity, note, status, submitted_by, "
                 "submitted_at, decided_by, decided_at, reason, reverses) SELECT m.id, r.id, p.day_from, 100, '', "
                 "'approved', 'bench', '', 'bench', '', '', NULL FROM points_members m, "
                 "(SELECT MIN(id) AS id FROM points_rules) r, (SELECT MIN(day_from) AS day_from FROM points_periods) p "
                 "WHERE m.id BETWEEN ? AND ?",
                 {first, first + 999});
        first += 1000;
        if (!TimedKeep(state, *rt, "由变更记录前推")) return;
    }
}
BENCHMARK(BM_BringForward)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_MoveForwardNothingCounted(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    Tune(*rt->points, true);
    rt->points->KeepBoardSnapshots();
    for (auto _ : state) {
        rt->store->db().Query("SELECT txid_current()");  // a transaction since, nothing counted
        if (!TimedKeep(state, *rt, "已前移")) return;
    }
}
BENCHMARK(BM_MoveForwardNothingCounted)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_CountAgain(benchmark::State& state) {
    auto* rt = Seeded();
    if (!rt) return state.SkipWithError("LINGYAN_TEST_PG or BOARD_SNAPSHOT_BENCH_DB not set");
    Tune(*rt->points, true);
    rt->points->Reload();               // a board to keep the snapshot of (when run alone)
    rt->points->KeepBoardSnapshots();   // that build's snapshot written
    for (auto _ : state) {
        rt->store->db().Query("UPDATE points_periods SET publicity_days = publicity_days");  // noted whole
        if (!TimedKeep(state, *rt, "由账本重新统计")) return;
    }
}
BENCHMARK(BM_CountAgain)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
