// The audit log at size (the admin's 审计日志 page): appending one entry in its own transaction (what
// every audited change pays, four page indexes included — migration 102), the page's filtered
// reads newest first, and checking the whole chain (AuditService::Verify, what the page's 校验审计链
// and `lingyan audit verify` run). Entries of 5 record kinds × 4 actions × 500 accounts, one a
// minute. Backend: SQLite in a temp file, or PostgreSQL when LINGYAN_TEST_PG names a server
// (scripts/with-postgres.sh sets it). AUDIT_BENCH_ENTRIES sets the log's size (default 200,000).
// Prints figures only.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "bench_database.hpp"
#include "core/common/date.hpp"
#include "main/composition.hpp"

namespace {

namespace ports = lingyan::core::ports;

std::int64_t Entries() {
    const char* text = std::getenv("AUDIT_BENCH_ENTRIES");
    return text ? std::atoll(text) : 200000;
}

const char* const kKinds[] = {"ticket", "points_event", "project", "campaign", "user"};
const char* const kActions[] = {"create", "assign", "note", "approve"};

ports::AuditEntry EntryNumber(std::int64_t i) {
    ports::AuditEntry e;
    e.at = lingyan::core::IsoUtcOfUnix(1700000000 + i * 60);
    e.user = "user" + std::to_string(i % 500);
    e.action = kActions[i % 4];
    e.entity = kKinds[i % 5];
    e.entity_id = i % 20000;
    e.detail =
        R"({"before":{"state":"assigned"},"after":{"state":"signed"},"note":"第 )" + std::to_string(i) + R"( 条"})";
    return e;
}

struct World {
    std::unique_ptr<lingyan::composition::Runtime> rt;
    lingyan::app::Actor admin{0, "admin", lingyan::core::auth::Role::kAdmin, 0};
    std::int64_t appended = 0;
};

World& TheWorld() {
    static World* world = [] {
        auto* w = new World;
        w->rt =
            std::make_unique<lingyan::composition::Runtime>(lingyan::bench::FreshDatabaseUrl("lingyan_audit_bench"));
        auto& store = *w->rt->store;
        const auto n = Entries();
        auto tx = store.Begin();
        for (std::int64_t i = 0; i < n; ++i) store.AppendAudit(EntryNumber(i));
        tx->Commit();
        w->appended = n;
        std::cerr << "audit log: " << store.CountAudit() << " entries\n";
        return w;
    }();
    return *world;
}

void BM_AppendOneEntry(benchmark::State& state) {
    auto& w = TheWorld();
    for (auto _ : state) w.rt->store->AppendAudit(EntryNumber(w.appended++));  // its own transaction, committed
}
BENCHMARK(BM_AppendOneEntry)->Unit(benchmark::kMicrosecond);

void Find(benchmark::State& state, lingyan::app::AuditFilter f) {
    auto& w = TheWorld();
    f.brief = true;
    std::int64_t total = 0;
    for (auto _ : state) {
        auto found = w.rt->audit->Find(w.admin, f);
        if (!found) state.SkipWithError(found.error().message.c_str());
        total = found->total;
        benchmark::DoNotOptimize(found->items.data());
    }
    state.counters["matching"] = static_cast<double>(total);
}

void BM_PageNewest(benchmark::State& state) { Find(state, {}); }
void BM_PageOfAKind(benchmark::State& state) { Find(state, {.entity = "ticket"}); }
void BM_PageOfAKindAndAction(benchmark::State& state) { Find(state, {.action = "create", .entity = "ticket"}); }
void BM_HistoryOfARecord(benchmark::State& state) { Find(state, {.entity = "ticket", .entity_id = 15}); }
void BM_ChangesOfAnAccount(benchmark::State& state) { Find(state, {.user = "user7"}); }
void BM_AMonthsDays(benchmark::State& state) { Find(state, {.from = "2024-01-01", .to = "2024-01-31"}); }
void BM_AnOlderPage(benchmark::State& state) { Find(state, {.entity = "ticket", .before_seq = Entries() / 2}); }
BENCHMARK(BM_PageNewest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PageOfAKind)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PageOfAKindAndAction)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HistoryOfARecord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangesOfAnAccount)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AMonthsDays)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnOlderPage)->Unit(benchmark::kMillisecond);

void BM_VerifyTheWholeChain(benchmark::State& state) {
    auto& w = TheWorld();
    for (auto _ : state) {
        auto report = w.rt->audit->Verify(w.admin);
        if (!report || !report->intact) state.SkipWithError("the chain does not verify");
        state.counters["entries"] = static_cast<double>(report->checked);
    }
}
BENCHMARK(BM_VerifyTheWholeChain)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
