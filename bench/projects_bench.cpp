// Project list benchmarks (issue 12): with 10,000 projects (书记项目 with three milestones each, and
// published 揭榜挂帅 projects) over Jiangyan's towns and villages, one page of the project list as
// the county office, a village secretary and the county filtered by colour read it — through
// app::ProjectService::List (scope, filters, paging, the page's views), as GET /api/v1/projects does.
// Backend: SQLite in a temp file, or PostgreSQL when LINGYAN_TEST_PG names a server
// (scripts/with-postgres.sh sets it): a database lingyan_projects_bench is made.
// PROJECTS_BENCH_COUNT sets the count (default 10,000). Prints figures only.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "bench_database.hpp"
#include "demo/demo.hpp"
#include "main/composition.hpp"

namespace {

namespace pj = lingyan::core::projects;
using lingyan::core::roster::Id;

int Count() {
    const char* text = std::getenv("PROJECTS_BENCH_COUNT");
    return text ? std::atoi(text) : 10000;
}


struct World {
    std::unique_ptr<lingyan::composition::Runtime> rt;
    lingyan::app::Actor county, secretary;
    std::int64_t in_county = 0;
};

World& Seeded() {
    static World w = [] {
        World w;
        const auto url = lingyan::bench::FreshDatabaseUrl("lingyan_projects_bench");
        w.rt = std::make_unique<lingyan::composition::Runtime>(
            url, (std::filesystem::temp_directory_path() / "lingyan_projects_bench.key").string());
        lingyan::demo::LoadDemo(*w.rt->store, w.rt->crypto, w.rt->clock);
        w.rt->roster->Reload();
        Id county = 0;
        std::vector<Id> towns, villages;
        w.rt->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units())
                if (u.name == "姜堰区") county = u.id;
            for (Id id : index.tree().Subtree(county)) {
                const int depth = index.tree().Depth(id) - index.tree().Depth(county);
                if (depth == 1) towns.push_back(id);
                if (depth == 2) villages.push_back(id);
            }
        });
        const auto county_user = *w.rt->store->FindUserByName("county");
        w.county = {county_user.id, county_user.username, lingyan::core::auth::Role::kCounty, county_user.scope_unit_id};
        w.secretary = {0, "bench-secretary", lingyan::core::auth::Role::kSecretary, villages.front()};
        const int count = Count();
        std::mt19937 rng(7);
        const auto t0 = std::chrono::steady_clock::now();
        {
            std::unique_lock lock(w.rt->store_mutex);
            auto tx = w.rt->store->Begin();
            for (int i = 0; i < count; ++i) {
                pj::Project p;
                const bool bounty = i % 10 == 0;
                p.kind = bounty ? pj::Kind::kBounty : static_cast<pj::Kind>(rng() % 3);
                p.title = "项目" + std::to_string(i);
                p.office_unit_id = rng() % 4 ? towns[rng() % towns.size()] : county;
                p.state = bounty ? pj::State::kPublished : pj::State::kActive;
                p.colour = bounty ? pj::Colour::kNone : static_cast<pj::Colour>(rng() % 4);
                if (!bounty) {
                    p.unit_id = villages[rng() % villages.size()];
                    p.started_on = "2026-03-02";
                }
                p.created_by = "bench";
                p.created_at = p.updated_at = "2026-03-02T08:00:00Z";
                p.id = w.rt->project_store->InsertProject(p);
                if (bounty) continue;
                for (int m = 1; m <= 3; ++m) {
                    pj::Milestone ms;
                    ms.project_id = p.id;
                    ms.seq = m;
                    ms.title = "节点" + std::to_string(m);
                    ms.deadline = m == 1 ? "2026-06-30" : m == 2 ? "2026-09-30" : "2026-12-31";
                    if (m == 1 && rng() % 2) ms.done_on = "2026-06-20";
                    w.rt->project_store->InsertMilestone(ms);
                }
            }
            tx->Commit();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        // The first read of the day recolours every active project: done before timing reads.
        auto first = w.rt->projects->List(w.county, {});
        w.in_county = first ? first->total : -1;
        std::cout << "seeded " << count << " projects on " << (url.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL")
                  << " in " << seconds << " s; the county reads " << w.in_county << "\n";
        return w;
    }();
    return w;
}

void Run(benchmark::State& state, const lingyan::app::Actor& actor, lingyan::app::ProjectListQuery q) {
    std::int64_t total = 0;
    for (auto _ : state) {
        auto page = Seeded().rt->projects->List(actor, q);
        if (!page) state.SkipWithError(page.error().message.c_str());
        total = page ? page->total : 0;
        benchmark::DoNotOptimize(page);
    }
    state.counters["total"] = static_cast<double>(total);
}

void BM_ListCountyFirstPage(benchmark::State& state) { Run(state, Seeded().county, {}); }
BENCHMARK(BM_ListCountyFirstPage)->Unit(benchmark::kMillisecond);

void BM_ListCountyPage100(benchmark::State& state) {
    lingyan::app::ProjectListQuery q;
    q.page = 100;
    Run(state, Seeded().county, q);
}
BENCHMARK(BM_ListCountyPage100)->Unit(benchmark::kMillisecond);

void BM_ListCountyRed(benchmark::State& state) {
    lingyan::app::ProjectListQuery q;
    q.colour = pj::Colour::kRed;
    Run(state, Seeded().county, q);
}
BENCHMARK(BM_ListCountyRed)->Unit(benchmark::kMillisecond);

void BM_ListSecretaryClaimable(benchmark::State& state) {
    lingyan::app::ProjectListQuery q;
    q.claimable = true;
    Run(state, Seeded().secretary, q);
}
BENCHMARK(BM_ListSecretaryClaimable)->Unit(benchmark::kMillisecond);

void BM_ListCountyPer200(benchmark::State& state) {
    lingyan::app::ProjectListQuery q;
    q.per_page = 200;
    Run(state, Seeded().county, q);
}
BENCHMARK(BM_ListCountyPer200)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
