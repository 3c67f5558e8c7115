// Tickets benchmarks (issue 12): with 10,000 open and 100,000 closed tickets in Zhangjiagang's
// units — "my tasks" of a village secretary, the supervision board of the city office (every open
// ticket in scope, red first), recomputing every running ticket's colour for a new day, and the
// year's statistics of the city. Each call goes through app::TicketService (scope checks, SQL,
// views), as a request would. Backend: SQLite in a temp file, or PostgreSQL when LINGYAN_TEST_PG
// names a server (scripts/with-postgres.sh sets it): a database lingyan_tickets_bench is made.
// TICKETS_BENCH_SCALE scales the counts (1.0 = 10k open + 100k closed); TICKETS_BENCH_DB=PATH keeps
// the SQLite database there (with its audit key at PATH.key) for the HTTP benchmark
// (bench/tickets_http_bench.sh). Prints figures only.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "core/calendar/china_calendar.hpp"
#include "bench_database.hpp"
#include "demo/demo.hpp"
#include "main/composition.hpp"

namespace {

namespace tk = lingyan::core::tickets;
namespace ports = lingyan::core::ports;
using lingyan::core::CivilDate;
using lingyan::core::roster::Id;

class FixedClock final : public ports::Clock {
public:
    std::string today = "2026-11-16";
    std::int64_t NowUnix() const override { return 1700000000; }
    std::string Today() const override { return today; }
    std::string NowIso() const override { return today + "T08:00:00Z"; }
};

double Scale() {
    const char* text = std::getenv("TICKETS_BENCH_SCALE");
    return text ? std::atof(text) : 1.0;
}


struct World {
    std::unique_ptr<lingyan::composition::Runtime> rt;
    FixedClock clock;
    std::unique_ptr<lingyan::app::TicketService> svc;
    lingyan::app::Actor city, secretary;
};

// Scope rows as TicketService writes them: every ancestor (and 0) of the subject, office and
// handling units; of the handling unit; of the office unit.
std::vector<ports::ScopeRow> ScopeRows(const lingyan::core::roster::RegionTree& tree, const tk::Ticket& t) {
    std::set<Id> visible{0}, handler{0}, office{0};
    auto add = [&](std::set<Id>& into, Id unit) {
        into.insert(unit);
        for (const auto* a : tree.Ancestors(unit)) into.insert(a->id);
    };
    add(visible, t.subject_unit_id);
    add(visible, t.office_unit_id);
    add(visible, t.handler_unit_id);
    add(handler, t.handler_unit_id);
    add(office, t.office_unit_id);
    std::vector<ports::ScopeRow> rows;
    for (Id u : visible) rows.push_back({u, ports::ScopeKind::kVisible});
    for (Id u : handler) rows.push_back({u, ports::ScopeKind::kHandler});
    for (Id u : office) rows.push_back({u, ports::ScopeKind::kOffice});
    return rows;
}

World& Seeded() {
    static World w = [] {
        World w;
        const char* keep = std::getenv("TICKETS_BENCH_DB");
        const std::string kept = keep ? keep : "";
        const auto url = lingyan::bench::FreshDatabaseUrl("lingyan_tickets_bench", kept);
        const auto key = !kept.empty() ? kept + ".key"
                                       : (std::filesystem::temp_directory_path() / "lingyan_tickets_bench.key").string();
        w.rt = std::make_unique<lingyan::composition::Runtime>(url, key);
        lingyan::demo::LoadDemo(*w.rt->store, w.rt->crypto, w.rt->clock);
        w.rt->roster->Reload();
        const auto& cal = lingyan::core::calendar::ShippedChinaCalendar();
        std::map<std::string, Id> unit;
        std::vector<Id> handlers;
        Id city = 0, yangshe = 0;
        w.rt->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units()) unit[u.name] = u.id;
            city = unit.at("张家港市");
            yangshe = unit.at("杨舍镇");
            for (Id id : index.tree().Subtree(city))
                if (id != city) handlers.push_back(id);
        });
        const auto secretary = *w.rt->store->FindUserByName("secretary");
        w.secretary = {secretary.id, secretary.username, lingyan::core::auth::Role::kSecretary, secretary.scope_unit_id};
        w.city = {0, "张家港市委组织部", lingyan::core::auth::Role::kCounty, city};
        const auto open = static_cast<int>(10000 * Scale()), closed = static_cast<int>(100000 * Scale());
        std::mt19937 rng(12);
        const CivilDate today = *lingyan::core::ParseIsoDate(w.clock.today);
        const auto today_day = lingyan::core::DaysFromCivil(today);
        const auto t0 = std::chrono::steady_clock::now();
        std::unique_lock lock(w.rt->store_mutex);
        auto tx = w.rt->store->Begin();
        w.rt->roster->WithIndex([&](const lingyan::core::roster::RosterIndex& index) {
            for (int idx = 0; idx < open + closed; ++idx) {
                const bool running = idx < open;
                tk::Ticket t;
                t.source = tk::Source::kMeeting;
                t.title = "事项" + std::to_string(idx);
                t.category = "livelihood";
                t.subject_unit_id = t.handler_unit_id = handlers[rng() % handlers.size()];
                t.office_unit_id = rng() % 2 ? yangshe : city;
                t.leader = "分管领导";
                t.allowed_days = 10;
                // Assigned 1–40 working days ago (running) or in the past year (closed).
                const auto back = running ? 1 + rng() % 40 : 15 + rng() % 330;
                auto assigned = lingyan::core::CivilFromDays(today_day - static_cast<std::int64_t>(back));
                if (!*cal.IsWorkday(assigned)) assigned = *cal.AddWorkdays(assigned, 1);
                t.assigned_on = lingyan::core::FormatIsoDate(assigned);
                t.deadline = lingyan::core::FormatIsoDate(*cal.AddWorkdays(assigned, 10));
                t.signed_on = t.assigned_on;
                if (rng() % 3) t.last_note_on = lingyan::core::FormatIsoDate(*cal.AddWorkdays(assigned, 1));
                if (running) {
                    t.state = rng() % 2 ? tk::State::kInProgress : tk::State::kSigned;
                    auto timing = tk::TimingOf(t);
                    t.colour = *tk::ColourOf(*timing, today, cal, tk::ColourRules{});
                } else {
                    t.state = tk::State::kClosed;
                    t.reported_on = lingyan::core::FormatIsoDate(*cal.AddWorkdays(assigned, 3 + rng() % 12));
                    t.closed_on = t.reported_on;
                    t.days_to_close = static_cast<int>(*cal.CountWorkdays(assigned, *lingyan::core::ParseIsoDate(t.closed_on)));
                    t.satisfied = rng() % 10 != 0;
                    t.reopen_count = rng() % 20 == 0;
                    if (t.reported_on > t.deadline) t.red_on = t.deadline;
                }
                t.created_at = t.updated_at = t.assigned_on + "T08:00:00Z";
                t.id = w.rt->ticket_store->InsertTicket(t, t.assigned_on);
                w.rt->ticket_store->SetScope(t, ScopeRows(index.tree(), t));
            }
        });
        tx->Commit();
        lock.unlock();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::cout << "seeded " << open << " open + " << closed << " closed tickets on "
                  << (url.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL") << " in " << seconds << " s\n";
        w.svc = std::make_unique<lingyan::app::TicketService>(*w.rt->store, *w.rt->ticket_store, w.rt->store_mutex,
                                                              w.clock, *w.rt->roster, cal);
        // The first read of the day recolours; do it before timing reads.
        (void)w.svc->Recolour(w.clock.today);
        return w;
    }();
    return w;
}

void BM_MyTasksSecretary(benchmark::State& state) {
    auto& w = Seeded();
    std::int64_t total = 0;
    for (auto _ : state) {
        auto page = w.svc->MyTasks(w.secretary, std::nullopt, 1, 20);
        total = page->total;
        benchmark::DoNotOptimize(page);
    }
    state.counters["open_in_scope"] = static_cast<double>(total);
}
BENCHMARK(BM_MyTasksSecretary)->Unit(benchmark::kMillisecond);

void BM_MyTasksSecretaryRedPage5(benchmark::State& state) {
    auto& w = Seeded();
    for (auto _ : state) benchmark::DoNotOptimize(w.svc->MyTasks(w.secretary, tk::Colour::kRed, 5, 20));
}
BENCHMARK(BM_MyTasksSecretaryRedPage5)->Unit(benchmark::kMillisecond);

void BM_BoardCity(benchmark::State& state) {
    auto& w = Seeded();
    std::int64_t total = 0;
    for (auto _ : state) {
        auto board = w.svc->Board(w.city, 0, std::nullopt, 1, 20);
        total = board->page.total;
        benchmark::DoNotOptimize(board);
    }
    state.counters["open_in_scope"] = static_cast<double>(total);
}
BENCHMARK(BM_BoardCity)->Unit(benchmark::kMillisecond);

void BM_BoardCityYellowPage10(benchmark::State& state) {
    auto& w = Seeded();
    for (auto _ : state) benchmark::DoNotOptimize(w.svc->Board(w.city, 0, tk::Colour::kYellow, 10, 20));
}
BENCHMARK(BM_BoardCityYellowPage10)->Unit(benchmark::kMillisecond);

// A new day: every running ticket's colour recomputed and the changed ones written (alternating
// between two days so that each iteration changes colours).
void BM_RecolourNewDay(benchmark::State& state) {
    auto& w = Seeded();
    const char* days[] = {"2026-11-17", "2026-11-24"};
    int flip = 0;
    std::int64_t changed = 0;
    for (auto _ : state) {
        auto n = w.svc->Recolour(days[flip ^= 1]);
        changed = *n;
    }
    state.counters["changed"] = static_cast<double>(changed);
    (void)w.svc->Recolour(w.clock.today);
}
BENCHMARK(BM_RecolourNewDay)->Unit(benchmark::kMillisecond)->Iterations(6);

void BM_StatisticsCityYear(benchmark::State& state) {
    auto& w = Seeded();
    std::size_t units = 0;
    for (auto _ : state) {
        auto stats = w.svc->Statistics(w.city, 0, 2026);
        units = stats->units.size();
        benchmark::DoNotOptimize(stats);
    }
    state.counters["units"] = static_cast<double>(units);
}
BENCHMARK(BM_StatisticsCityYear)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
