// Benchmarks of the evaluation engine (issue 4): SUBJECTS × 40 judges leaves × 7 judges, the
// workload of bench/gen_evaluate.py, generated in memory. Stages measured separately: CSV text
// → FactSheet (parse and check every fact), Evaluate (scores, ranks, awards), and both
// together. Prints figures; never fails on time. The CLI figure with /usr/bin/time -v is in
// docs/performance.md.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "core/evaluation/engine.hpp"
#include "core/evaluation/facts.hpp"
#include "core/evaluation/framework.hpp"
#include "core/text/csv.hpp"

namespace {

using namespace lingyan::core::evaluation;

constexpr int kGroups = 8;
constexpr int kLeavesPerGroup = 5;
constexpr int kJudges = 7;

CompiledFramework BenchFramework() {
    Framework fw;
    fw.name = "bench";
    fw.bonus_cap = 5;
    fw.tiebreak = {"g0", "g1"};
    fw.awards = {{"一等奖", 200, 60}, {"二等奖", 1000, 60}};
    for (int group = 0; group < kGroups; ++group) {
        CriterionSpec g;
        g.id = "g" + std::to_string(group);
        g.weight = 10 + group;
        fw.criteria.push_back(g);
        for (int leaf = 0; leaf < kLeavesPerGroup; ++leaf) {
            CriterionSpec c;
            c.id = "c" + std::to_string(group) + "_" + std::to_string(leaf);
            c.parent = g.id;
            c.weight = 1 + leaf % 3;
            c.method = Method::kJudges;
            fw.criteria.push_back(c);
        }
    }
    return std::move(Compile(std::move(fw))).value();
}

std::string BenchCsv(int subjects) {
    std::mt19937 rng(4);
    std::uniform_int_distribution<int> score(600, 1000);
    std::string text = "subject,criterion,key,value\n";
    text.reserve(static_cast<std::size_t>(subjects) * kGroups * kLeavesPerGroup * kJudges * 26);
    for (int subject = 0; subject < subjects; ++subject) {
        const std::string name = "村" + std::to_string(100000 + subject);
        for (int group = 0; group < kGroups; ++group) {
            for (int leaf = 0; leaf < kLeavesPerGroup; ++leaf) {
                const std::string prefix = name + ",c" + std::to_string(group) + "_" + std::to_string(leaf) + ",judge,";
                for (int judge = 0; judge < kJudges; ++judge) {
                    const int tenths = score(rng);
                    text += prefix + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "\n";
                }
            }
        }
        if (subject % 50 == 0) text += name + ",-,bonus,2\n";
    }
    return text;
}

void Load(const std::string& text, FactSheet& sheet) {
    lingyan::core::text::CsvReader reader(text);
    std::vector<std::string_view> fields;
    reader.Next(fields);  // header
    while (reader.Next(fields)) {
        auto status = sheet.Add(fields[0], fields[1], fields[2], fields[3], reader.line());
        if (!status) std::abort();
    }
}

void BM_LoadFacts(benchmark::State& state) {
    const auto fw = BenchFramework();
    const std::string text = BenchCsv(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        FactSheet sheet(fw, "bench.csv");
        Load(text, sheet);
        benchmark::DoNotOptimize(sheet.subjects().data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * kGroups * kLeavesPerGroup * kJudges);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

void BM_Evaluate(benchmark::State& state) {
    const auto fw = BenchFramework();
    FactSheet sheet(fw, "bench.csv");
    Load(BenchCsv(static_cast<int>(state.range(0))), sheet);
    for (auto _ : state) {
        auto evaluation = Evaluate(sheet);
        benchmark::DoNotOptimize(evaluation.ok());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_LoadAndEvaluate(benchmark::State& state) {
    const auto fw = BenchFramework();
    const std::string text = BenchCsv(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        FactSheet sheet(fw, "bench.csv");
        Load(text, sheet);
        auto evaluation = Evaluate(sheet);
        benchmark::DoNotOptimize(evaluation.ok());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_LoadFacts)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Evaluate)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadAndEvaluate)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
