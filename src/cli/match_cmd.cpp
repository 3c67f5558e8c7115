// `lingyan match TRAINEES.csv HOSTS.csv [--capacity K] [--min-similarity S]`: optimal host
// matching for shadow placements (issue 6, docs/match.md). Reads both files whole, refuses the
// first bad row with "file:line: problem" (exit 2), prints one CSV row per trainee in input order.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "core/matching/host_matching.hpp"
#include "core/text/csv.hpp"
#include "exchange/common/file_io.hpp"
#include "exchange/common/text_encoding.hpp"

namespace lingyan::cli {
namespace {

using core::matching::UnitProfile;
using core::roster::Economy;

// Thrown inside this file only, for a bad input row or option; caught in the callback.
struct BadInput {
    std::string message;
};

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<double> ParseNumber(std::string_view text) {
    text = Trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<long long> ParseWhole(std::string_view text) {
    text = Trim(text);
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<Economy> ParseEconomy(std::string_view text) {
    static const std::map<std::string_view, Economy> kNames = {
        {"agriculture", Economy::kAgriculture}, {"industry", Economy::kIndustry}, {"tourism", Economy::kTourism},
        {"mixed", Economy::kMixed},             {"urban", Economy::kUrban},       {"农业", Economy::kAgriculture},
        {"工业", Economy::kIndustry},           {"旅游", Economy::kTourism},      {"混合", Economy::kMixed},
        {"城市", Economy::kUrban}};
    auto it = kNames.find(Trim(text));
    if (it == kNames.end()) return std::nullopt;
    return it->second;
}

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Reads a profile file. `hosts` enables the optional capacity column.
std::vector<UnitProfile> ReadProfiles(const std::string& path, bool hosts) {
    const std::string text = exchange::ReadTextFile(path);  // UTF-8, GBK or UTF-16
    core::text::CsvReader reader(text);
    std::vector<std::string_view> fields;
    auto fail = [&](std::size_t line, const std::string& problem) -> BadInput {
        return BadInput{fmt::format("{}:{}: {}", path, line, problem)};
    };
    if (!reader.Next(fields)) throw BadInput{fmt::format("{}:1: 文件为空，缺少表头 (empty file, header expected)", path)};
    if (reader.malformed()) throw fail(reader.line(), "引号未闭合 (unclosed quote)");
    // Copied: quoted header fields live in the reader's buffer only until the next record.
    std::vector<std::string> header_copy;
    for (std::string_view name : fields) header_copy.emplace_back(Trim(name));
    std::vector<std::string_view> header_views(header_copy.begin(), header_copy.end());
    const char* kRequired[] = {"unit", "economy", "dev_zone", "near_highway", "population", "income"};
    std::map<std::string, int> column;
    for (const char* name : kRequired) {
        const int idx = core::text::ColumnIndex(header_views, name);
        if (idx < 0)
            throw fail(reader.line(), fmt::format("缺少列 {} (missing column {}; header must be "
                                                  "unit,economy,dev_zone,near_highway,population,income{})",
                                                  name, name, hosts ? "[,capacity]" : ""));
        column[name] = idx;
    }
    const int capacity_col = hosts ? core::text::ColumnIndex(header_views, "capacity") : -1;

    std::vector<UnitProfile> profiles;
    std::map<std::string, std::size_t, std::less<>> first_line;
    while (reader.Next(fields)) {
        const std::size_t line = reader.line();
        if (reader.malformed()) throw fail(line, "引号未闭合 (unclosed quote)");
        if (fields.size() != header_views.size())
            throw fail(line, fmt::format("应有 {} 个字段，实有 {} 个 (expected {} fields, got {})", header_views.size(),
                                         fields.size(), header_views.size(), fields.size()));
        UnitProfile p;
        p.unit = std::string(Trim(fields[column["unit"]]));
        if (p.unit.empty()) throw fail(line, "单位名称为空 (column unit: empty)");
        if (auto [it, inserted] = first_line.emplace(p.unit, line); !inserted)
            throw fail(line, fmt::format("单位 {} 重复，首次出现在第 {} 行 (duplicate unit, first on line {})", p.unit,
                                         it->second, it->second));
        const auto economy = ParseEconomy(fields[column["economy"]]);
        if (!economy)
            throw fail(line, fmt::format("column economy: {} 不是 agriculture/industry/tourism/mixed/urban 之一",
                                         Quote(fields[column["economy"]])));
        p.economy = *economy;
        for (const char* flag : {"dev_zone", "near_highway"}) {
            const std::string_view raw = Trim(fields[column[flag]]);
            if (raw != "0" && raw != "1")
                throw fail(line, fmt::format("column {}: {} 须为 0 或 1 (must be 0 or 1)", flag, Quote(raw)));
            (std::string_view(flag) == "dev_zone" ? p.dev_zone : p.near_highway) = raw == "1";
        }
        for (const char* number : {"population", "income"}) {
            const auto value = ParseNumber(fields[column[number]]);
            if (!value || !(*value > 0) || !std::isfinite(*value))
                throw fail(line, fmt::format("column {}: {} 须为大于 0 的数 (must be a number > 0)", number,
                                             Quote(fields[column[number]])));
            (std::string_view(number) == "population" ? p.population : p.income) = *value;
        }
        if (capacity_col >= 0 && !Trim(fields[capacity_col]).empty()) {
            const auto cap = ParseWhole(fields[capacity_col]);
            if (!cap || *cap < 0 || *cap > 1000000)
                throw fail(line, fmt::format("column capacity: {} 须为不小于 0 的整数 (must be a whole number ≥ 0)",
                                             Quote(fields[capacity_col])));
            p.capacity = static_cast<int>(*cap);
        }
        profiles.push_back(std::move(p));
    }
    if (reader.malformed()) throw fail(reader.line(), "引号未闭合 (unclosed quote)");
    return profiles;
}

struct MatchArgs {
    std::string trainees_path;
    std::string hosts_path;
    std::string capacity = std::to_string(core::matching::kDefaultHostCapacity);
    std::string min_similarity = "0.5";
    bool stats = false;
};

int RunMatch(const MatchArgs& args) {
    core::matching::MatchOptions options;
    const auto capacity = ParseWhole(args.capacity);
    if (!capacity || *capacity < 0 || *capacity > 1000000)
        throw BadInput{fmt::format("--capacity: {} 须为不小于 0 的整数 (must be a whole number ≥ 0)",
                                   Quote(args.capacity))};
    options.default_capacity = static_cast<int>(*capacity);
    const auto min_sim = ParseNumber(args.min_similarity);
    if (!min_sim || !(*min_sim >= 0 && *min_sim <= 1))
        throw BadInput{fmt::format("--min-similarity: {} 须为 0 到 1 之间的数 (must be a number in [0, 1])",
                                   Quote(args.min_similarity))};
    options.min_similarity = *min_sim;

    const auto trainees = ReadProfiles(args.trainees_path, false);
    const auto hosts = ReadProfiles(args.hosts_path, true);
    auto result = core::matching::MatchHosts(trainees, hosts, options);
    if (!result) throw BadInput{result.error().field + ": " + result.error().message};

    std::string out = "trainee,host,similarity,gap,value\n";
    out.reserve(out.size() + trainees.size() * 48);
    for (std::size_t trainee_idx = 0; trainee_idx < trainees.size(); ++trainee_idx) {
        const auto& p = result->placements[trainee_idx];
        core::text::AppendCsvField(out, trainees[trainee_idx].unit);
        if (p.host < 0) {
            out += ",,,,\n";
            continue;
        }
        out += ',';
        core::text::AppendCsvField(out, hosts[p.host].unit);
        out += fmt::format(",{:.4f},{:.4f},{:.4f}\n", p.similarity, p.gap, p.value);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    const int unplaced = static_cast<int>(trainees.size()) - result->placed;
    fmt::print(stderr, "匹配完成：已安排 {} 人，未安排 {} 人，总价值 {:.4f} (placed {}, unplaced {}, total value {:.4f})\n",
               result->placed, unplaced, result->total_value, result->placed, unplaced, result->total_value);
    if (args.stats) {
        const auto& s = result->stats;
        fmt::print(stderr,
                   "stats: eligible_pairs {}, candidate_arcs {}, added_back {}, max_flow_rounds {}, "
                   "min_cost_rounds {}\n",
                   s.eligible_pairs, s.candidate_arcs, s.added_back, s.max_flow_rounds, s.min_cost_rounds);
    }
    return 0;
}

}  // namespace

void AddMatchCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<MatchArgs>();
    auto* cmd = app.add_subcommand("match", "跟岗培育对标匹配：为每个学员村推荐相似而领先的接收村 (optimal host matching)");
    cmd->add_option("trainees", args->trainees_path, "TRAINEES.csv: unit,economy,dev_zone,near_highway,population,income")
        ->required();
    cmd->add_option("hosts", args->hosts_path, "HOSTS.csv: the same columns plus an optional capacity")->required();
    cmd->add_option("--capacity", args->capacity, "每个接收村的默认名额 (default places per host, default 3)");
    cmd->add_option("--min-similarity", args->min_similarity, "最低相似度 (minimum similarity, default 0.5)");
    cmd->add_flag("--stats", args->stats, "在标准错误输出求解统计 (print solver statistics on stderr)");
    cmd->callback([args, &ctx] {
        try {
            ctx.exit_code = RunMatch(*args);
        } catch (const BadInput& e) {
            fmt::print(stderr, "lingyan match: {}\n", e.message);
            ctx.exit_code = kExitBadInput;
        } catch (const exchange::FileError& e) {
            fmt::print(stderr, "lingyan match: {}\n", e.what());
            ctx.exit_code = kExitFailure;
        }
    });
}

}  // namespace lingyan::cli
