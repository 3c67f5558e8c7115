// The case library (经验案例库) at size: importing one article (cleaning, OpenCC, facts and the units
// it names against the demo roster, the index entry, the audit entry — one transaction), a
// preview of the largest seed, and searches over CASE_BENCH_ARTICLES articles (default 5,000) of
// about 4,000 characters each, made of the seed articles' paragraphs in varying order: a word in
// every article, a word in a few, two words, a single character, the newest page without words,
// a year. Backend: SQLite in a temp file, or PostgreSQL when LINGYAN_TEST_PG names a server
// (scripts/with-postgres.sh sets it). Prints figures only.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "bench_database.hpp"
#include "core/cases/article.hpp"
#include "demo/demo.hpp"
#include "main/composition.hpp"

namespace {

std::int64_t Articles() {
    const char* text = std::getenv("CASE_BENCH_ARTICLES");
    return text ? std::atoll(text) : 5000;
}

std::string Seed(const char* name) {
    std::ifstream in(std::string(LINGYAN_SOURCE_DIR) + "/src/demo/cases/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct World {
    std::unique_ptr<lingyan::composition::Runtime> rt;
    lingyan::app::Actor admin{0, "admin", lingyan::core::auth::Role::kAdmin, 0};
    std::vector<std::string> paragraphs;  // of the seeds, cleaned
    std::int64_t made = 0;

    // Article `i`: 15 of the seeds' paragraphs chosen by `i`, a year by `i`, and a marker word in
    // every 500th article.
    std::string ArticleNumber(std::int64_t i) const {
        std::string text = "第" + std::to_string(i) + "号基层党建经验交流材料\n" + std::to_string(2015 + i % 10) +
                           "年03月01日 来源:组织部\n";
        std::uint64_t x = static_cast<std::uint64_t>(i) * 2654435761u + 1;
        for (int k = 0; k < 15; ++k) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            text += paragraphs[(x >> 33) % paragraphs.size()] + "\n";
        }
        if (i % 500 == 0) text += "本村首创“积分超市换服务”做法，群众参与度明显提高。\n";
        return text;
    }
};

World& TheWorld() {
    static World* world = [] {
        auto* w = new World;
        w->rt = std::make_unique<lingyan::composition::Runtime>(lingyan::bench::FreshDatabaseUrl("lingyan_case_bench"));
        lingyan::demo::LoadDemo(*w->rt->store, w->rt->crypto, w->rt->clock);
        w->rt->roster->Reload();
        for (const char* seed : {"000_eb9f57ce24ab25c7.txt", "002_ea54b9c37c75fc56.txt", "003_09e89491b425070b.txt"})
            for (auto& p : lingyan::core::cases::CleanArticle(Seed(seed)).paragraphs)
                if (p.size() > 60) w->paragraphs.push_back(p);
        const auto n = Articles();
        const auto began = std::chrono::steady_clock::now();
        for (std::int64_t i = 0; i < n; ++i) {
            auto made = w->rt->cases->Create(w->admin, {w->ArticleNumber(i), "", "", {}});
            if (!made) throw std::runtime_error(made.error().message);
        }
        w->made = n;
        std::cerr << "case library: " << n << " articles imported in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count() << " s\n";
        return w;
    }();
    return *world;
}

void BM_ImportOneArticle(benchmark::State& state) {
    auto& w = TheWorld();
    for (auto _ : state) {
        auto made = w.rt->cases->Create(w.admin, {w.ArticleNumber(w.made++), "", "", {}});
        if (!made) state.SkipWithError(made.error().message.c_str());
    }
}
BENCHMARK(BM_ImportOneArticle)->Unit(benchmark::kMillisecond);

void BM_PreviewTheReprintSeed(benchmark::State& state) {
    auto& w = TheWorld();
    const std::string text = Seed("001_752085bce1b2bcbe.txt");  // traditional, pinyin, spam: 7 KB
    for (auto _ : state) {
        auto preview = w.rt->cases->Preview(w.admin, text, "");
        if (!preview) state.SkipWithError(preview.error().message.c_str());
    }
}
BENCHMARK(BM_PreviewTheReprintSeed)->Unit(benchmark::kMillisecond);

void Search(benchmark::State& state, lingyan::app::CaseQuery q) {
    auto& w = TheWorld();
    std::int64_t total = 0;
    for (auto _ : state) {
        auto page = w.rt->cases->Search(w.admin, q);
        if (!page) state.SkipWithError(page.error().message.c_str());
        total = page->total;
        benchmark::DoNotOptimize(page->items.data());
    }
    state.counters["matching"] = static_cast<double>(total);
}

void BM_SearchAWordInEveryArticle(benchmark::State& state) { Search(state, {.q = "书记"}); }
void BM_SearchAWordInAFew(benchmark::State& state) { Search(state, {.q = "积分超市"}); }
void BM_SearchTwoWords(benchmark::State& state) { Search(state, {.q = "跟岗培育 村集体"}); }
void BM_SearchOneCharacter(benchmark::State& state) { Search(state, {.q = "雁"}); }
void BM_NewestPage(benchmark::State& state) { Search(state, {}); }
void BM_AYear(benchmark::State& state) { Search(state, {.year = 2019}); }
BENCHMARK(BM_SearchAWordInEveryArticle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchAWordInAFew)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchTwoWords)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchOneCharacter)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NewestPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AYear)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
