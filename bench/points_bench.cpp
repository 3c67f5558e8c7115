// Points benchmarks (issue 5): applying one approved event to every enclosing live leaderboard at
// province scale, leaderboard pages and a member's ranks, and the in-process full recount against
// a plain scan over the same in-memory events. Scale: POINTS_BENCH_SCALE (1.0 = 20,000 units,
// 4,000,000 members; events 80,000,000 for the recount; default 1.0 for the leaderboard and 0.1
// for the recount so that `make bench` stays gentle on a shared machine). Prints figures only.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include "core/points/leaderboard.hpp"
#include "core/points/tally.hpp"
#include "core/points/unit_tree.hpp"

namespace {

using namespace lingyan::core::points;

double Scale(const char* name, double fallback) {
    const char* text = std::getenv(name);
    return text != nullptr ? std::atof(text) : fallback;
}

// Province → 13 cities → 8 counties → 12 towns → villages, about 20,000 units at scale 1.
struct Province {
    std::vector<UnitIdx> parent;
    std::vector<UnitIdx> villages;
    std::vector<UnitIdx> counties;
    std::vector<UnitIdx> member_unit;
};

Province MakeProvince(double scale) {
    Province p;
    p.parent.push_back(kNoUnit);
    const int villages_per_town = std::max(1, static_cast<int>(15.0 * scale + 0.5));
    for (int city = 0; city < 13; ++city) {
        const auto city_idx = static_cast<UnitIdx>(p.parent.size());
        p.parent.push_back(0);
        for (int county = 0; county < 8; ++county) {
            const auto county_idx = static_cast<UnitIdx>(p.parent.size());
            p.parent.push_back(city_idx);
            p.counties.push_back(county_idx);
            for (int town = 0; town < 12; ++town) {
                const auto town_idx = static_cast<UnitIdx>(p.parent.size());
                p.parent.push_back(county_idx);
                for (int village = 0; village < villages_per_town; ++village) {
                    p.villages.push_back(static_cast<UnitIdx>(p.parent.size()));
                    p.parent.push_back(town_idx);
                }
            }
        }
    }
    const auto members = static_cast<std::size_t>(4'000'000 * scale);
    std::mt19937 rng(1);
    p.member_unit.resize(members);
    for (auto& unit : p.member_unit) unit = p.villages[rng() % p.villages.size()];
    return p;
}

constexpr int kCategories = 6;

struct Fixture {
    Province province;
    std::unique_ptr<Leaderboard> board;
};

Fixture& ProvinceBoard() {
    static Fixture fixture = [] {
        Fixture f;
        f.province = MakeProvince(Scale("POINTS_BENCH_SCALE", 1.0));
        auto tree = UnitTree::Build(f.province.parent).value();
        f.board = std::make_unique<Leaderboard>(std::move(tree), f.province.member_unit, kCategories);
        // A year's worth of totals: 0–300 points overall, spread over the categories.
        std::mt19937 rng(2);
        const std::size_t members = f.province.member_unit.size();
        std::vector<std::vector<Points>> by_category(kCategories, std::vector<Points>(members, 0));
        std::vector<Points> overall(members, 0);
        for (std::size_t member = 0; member < members; ++member) {
            for (auto& category : by_category) {
                category[member] = static_cast<Points>(rng() % 51) * kOnePoint;
                overall[member] += category[member];
            }
        }
        f.board->Load(overall, by_category);
        return f;
    }();
    return fixture;
}

// One approved event: the member's overall and category totals change in every enclosing scope
// (village, town, county, city, province). Reports the median and p99 of single applies.
void BM_ApplyOneEvent(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    std::mt19937 rng(3);
    const auto members = static_cast<std::uint32_t>(f.province.member_unit.size());
    std::vector<double> samples;
    samples.reserve(1 << 20);
    for (auto _ : state) {
        const auto member = static_cast<MemberIdx>(rng() % members);
        const int category = static_cast<int>(rng() % kCategories);
        const Points delta = static_cast<Points>(rng() % 11) * kOnePoint - 2 * kOnePoint;
        const auto start = std::chrono::steady_clock::now();
        f.board->Apply(member, category, delta);
        const auto stop = std::chrono::steady_clock::now();
        if (samples.size() < samples.capacity()) samples.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
    std::sort(samples.begin(), samples.end());
    if (!samples.empty()) {
        state.counters["median_us"] = samples[samples.size() / 2];
        state.counters["p99_us"] = samples[samples.size() * 99 / 100];
    }
}
BENCHMARK(BM_ApplyOneEvent)->Iterations(200000)->Unit(benchmark::kMicrosecond);

// A member moved to another village, added, or removed (issue 15): the board's layout shifts by
// one place per slot (O(members)) instead of being built again.
void BM_MoveMember(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    std::mt19937 rng(5);
    const auto members = static_cast<std::uint32_t>(f.province.member_unit.size());
    for (auto _ : state) {
        f.board->MoveMember(static_cast<MemberIdx>(rng() % members), f.province.villages[rng() % f.province.villages.size()]);
    }
}
BENCHMARK(BM_MoveMember)->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_AddMember(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    std::mt19937 rng(6);
    for (auto _ : state) {
        benchmark::DoNotOptimize(f.board->AddMember(f.province.villages[rng() % f.province.villages.size()]));
    }
}
BENCHMARK(BM_AddMember)->Iterations(20)->Unit(benchmark::kMillisecond);

// A membership ended: the member leaves the board (the ones BM_AddMember added, newest first).
void BM_RemoveMember(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    auto member = static_cast<MemberIdx>(f.board->member_count());
    for (auto _ : state) {
        if (!f.board->OnBoard(--member)) return state.SkipWithError("run with BM_AddMember before it");
        f.board->RemoveMember(member);
    }
}
BENCHMARK(BM_RemoveMember)->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_MemberRanksInEveryScope(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    std::mt19937 rng(4);
    const auto members = static_cast<std::uint32_t>(f.province.member_unit.size());
    for (auto _ : state) {
        benchmark::DoNotOptimize(f.board->Ranks(static_cast<MemberIdx>(rng() % members)));
    }
}
BENCHMARK(BM_MemberRanksInEveryScope)->Unit(benchmark::kMicrosecond);

// Top 50 of a county (about 38,000 members at scale 1) and of the whole province.
void BM_LeaderboardPageCounty(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    std::mt19937 rng(5);
    for (auto _ : state) {
        const UnitIdx county = f.province.counties[rng() % f.province.counties.size()];
        benchmark::DoNotOptimize(f.board->Page(county, 0, 50));
    }
}
BENCHMARK(BM_LeaderboardPageCounty)->Unit(benchmark::kMicrosecond);

void BM_LeaderboardPageProvince(benchmark::State& state) {
    Fixture& f = ProvinceBoard();
    for (auto _ : state) benchmark::DoNotOptimize(f.board->Page(0, 0, 50, static_cast<int>(state.range(0))));
}
BENCHMARK(BM_LeaderboardPageProvince)->Arg(Leaderboard::kOverall)->Arg(2)->Unit(benchmark::kMillisecond);

// ---- full recount vs a plain scan over the same in-memory events ----------------------------------

struct Ledger {
    TallyConfig config;
    std::size_t members = 0;
    std::vector<LedgerEvent> events;
};

Ledger& YearLedger() {
    static Ledger ledger = [] {
        Ledger l;
        const double scale = Scale("POINTS_RECOUNT_SCALE", 0.1);
        l.members = static_cast<std::size_t>(4'000'000 * scale);
        l.config.period = Period{DaysFromCivil(2025, 1, 1), DaysFromCivil(2025, 12, 31)};
        const Points points[12] = {2, 3, 5, 8, 10, 6, 3, 2, 6, 2, -5, -10};
        const Points caps[12] = {40, 30, 60, 0, 50, 0, 36, 0, 48, 20, 30, 0};
        for (int rule = 0; rule < 12; ++rule) {
            l.config.rules.push_back(Rule{"R" + std::to_string(rule), "", "", points[rule] * kOnePoint,
                                          caps[rule] ? std::optional<Points>(caps[rule] * kOnePoint) : std::nullopt});
        }
        std::mt19937 rng(6);
        l.events.resize(static_cast<std::size_t>(80'000'000 * scale));
        for (auto& event : l.events) {
            event.member = static_cast<MemberIdx>(rng() % l.members);
            event.rule = static_cast<RuleIdx>(rng() % 12);
            event.date = l.config.period->from - 1 + static_cast<Day>(rng() % 367);
            event.status = rng() % 10 < 8 ? EventStatus::kApproved : EventStatus::kPending;
            event.quantity = rng() % 5 == 0 ? 2 * kOnePoint : kOnePoint;
        }
        return l;
    }();
    return ledger;
}

// Totals with caps (TallyTotals), as the server recounts from its stored ledger.
void BM_FullRecount(benchmark::State& state) {
    Ledger& l = YearLedger();
    for (auto _ : state) benchmark::DoNotOptimize(TallyTotals(l.config, l.members, l.events));
    state.counters["events"] = static_cast<double>(l.events.size());
}
BENCHMARK(BM_FullRecount)->Unit(benchmark::kMillisecond)->Iterations(3);

// Ranks of every member within its unit (20,000 units), after the totals.
void BM_RanksWithinUnits(benchmark::State& state) {
    Ledger& l = YearLedger();
    const auto totals = TallyTotals(l.config, l.members, l.events);
    std::vector<std::int32_t> group(l.members);
    for (std::size_t member = 0; member < l.members; ++member) group[member] = static_cast<std::int32_t>(member % 20000);
    for (auto _ : state) benchmark::DoNotOptimize(RanksWithinGroups(totals, group, 20000));
}
BENCHMARK(BM_RanksWithinUnits)->Unit(benchmark::kMillisecond)->Iterations(3);

// The floor: one pass summing approved in-period events, no caps, no ranks.
void BM_PlainScan(benchmark::State& state) {
    Ledger& l = YearLedger();
    std::vector<Points> rule_points;
    for (const auto& rule : l.config.rules) rule_points.push_back(rule.points);
    for (auto _ : state) {
        std::vector<Points> totals(l.members, 0);
        for (const LedgerEvent& event : l.events) {
            if (event.status == EventStatus::kApproved && l.config.period->Contains(event.date)) {
                totals[static_cast<std::size_t>(event.member)] += rule_points[static_cast<std::size_t>(event.rule)] * event.quantity / 100;
            }
        }
        benchmark::DoNotOptimize(totals.data());
    }
    state.counters["events"] = static_cast<double>(l.events.size());
}
BENCHMARK(BM_PlainScan)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
