// `lingyan points tally RULES.json UNITS.csv MEMBERS.csv EVENTS.csv [--scope UNIT --top N]`:
// the batch recount. The input files are read by exchange/points/tally_input (the fast path);
// this file ranks the totals and writes the CSV output.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "core/points/model.hpp"
#include "core/points/tally.hpp"
#include "core/text/csv.hpp"
#include "exchange/points/tally_input.hpp"

namespace lingyan::cli {

namespace tally = exchange::points;
namespace {

namespace pts = core::points;
using pts::MemberIdx;
using pts::Points;

// ---- output ---------------------------------------------------------------------------------------

std::vector<MemberIdx> ById(const tally::Members& members) {
    std::vector<MemberIdx> order(members.ids.size());
    for (std::size_t member = 0; member < order.size(); ++member) order[member] = static_cast<MemberIdx>(member);
    const auto& ids = members.ids;
    const bool sorted = std::is_sorted(order.begin(), order.end(), [&](MemberIdx a, MemberIdx b) { return ids[a] < ids[b]; });
    if (sorted) return order;
    // Sort by an 8-byte big-endian prefix first; only equal prefixes compare whole ids.
    struct Keyed {
        std::uint64_t prefix;
        MemberIdx member;
    };
    std::vector<Keyed> keyed(order.size());
    for (std::size_t member = 0; member < order.size(); ++member) {
        std::uint64_t prefix = 0;
        const std::string_view id = ids[member];
        for (std::size_t byte_idx = 0; byte_idx < 8; ++byte_idx) {
            prefix = (prefix << 8) | (byte_idx < id.size() ? static_cast<unsigned char>(id[byte_idx]) : 0U);
        }
        keyed[member] = {prefix, static_cast<MemberIdx>(member)};
    }
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return ids[a.member] < ids[b.member];
    });
    for (std::size_t pos = 0; pos < keyed.size(); ++pos) order[pos] = keyed[pos].member;
    return order;
}

void WriteAll(const std::string& text) {
    if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stdout);
}

void AppendInt(std::string& out, std::int64_t value) {
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    const bool negative = value < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

struct TallyArgs {
    std::string rules, units, members, events;
    std::string scope;
    long long top = -1;
};

int RunTally(const TallyArgs& args) {
    const tally::Rules rules = exchange::points::LoadRules(args.rules);
    const tally::Units units = exchange::points::LoadUnits(args.units);
    const tally::Members members = exchange::points::LoadMembers(args.members, units);
    std::optional<pts::UnitIdx> scope;
    if (!args.scope.empty()) {
        const pts::UnitIdx found = units.index.Find(args.scope);
        if (found < 0) tally::Fail(args.units, 0, "unknown unit " + tally::Quoted(args.scope) + " given as --scope (范围单位不存在)");
        scope = found;
    }
    tally::TallyOutcome outcome = exchange::points::TallyEvents(args.events, rules, members);
    const bool integer = rules.integer_points && outcome.integer_quantities;
    const std::vector<Points>& totals = outcome.totals;
    const std::vector<MemberIdx> by_id = ById(members);
    const auto& tree = *units.tree;

    if (scope || args.top >= 0) {
        std::vector<MemberIdx> candidates;
        for (const MemberIdx member : by_id) {
            if (!scope || tree.Contains(*scope, members.unit[static_cast<std::size_t>(member)])) candidates.push_back(member);
        }
        const std::size_t n = args.top >= 0 ? static_cast<std::size_t>(args.top) : candidates.size();
        std::string out = "rank,member,total\n";
        for (const auto& entry : pts::TopWithTies(totals, candidates, n)) {
            AppendInt(out, entry.rank);
            out.push_back(',');
            core::text::AppendCsvField(out, members.ids[static_cast<std::size_t>(entry.member)]);
            out.push_back(',');
            pts::AppendPoints(out, entry.total, integer);
            out.push_back('\n');
        }
        WriteAll(out);
        return 0;
    }

    const auto ranks = pts::RanksWithinGroups(totals, members.unit, units.ids.size());
    // Format in two halves in parallel; each member line is independent.
    auto format = [&](std::size_t from, std::size_t to, std::string& out) {
        out.reserve((to - from) * 40);
        for (std::size_t pos = from; pos < to; ++pos) {
            const auto member = static_cast<std::size_t>(by_id[pos]);
            core::text::AppendCsvField(out, members.ids[member]);
            out.push_back(',');
            core::text::AppendCsvField(out, units.ids[static_cast<std::size_t>(members.unit[member])]);
            out.push_back(',');
            pts::AppendPoints(out, totals[member], integer);
            out.push_back(',');
            AppendInt(out, pts::StarsFor(totals[member], rules.config.stars));
            out.push_back(',');
            AppendInt(out, ranks[member]);
            out.push_back('\n');
        }
    };
    std::string first = "member,unit,total,stars,rank_in_unit\n";
    std::string second;
    const std::size_t half = by_id.size() / 2;
    if (by_id.size() > 100000) {
        std::thread helper(format, half, by_id.size(), std::ref(second));
        format(0, half, first);
        helper.join();
    } else {
        format(0, by_id.size(), first);
    }
    WriteAll(first);
    WriteAll(second);
    return 0;
}

}  // namespace

void AddPointsCommand(CLI::App& app, CommandContext& ctx) {
    auto* points = app.add_subcommand("points", "党员积分 (party-member points): batch tally");
    points->require_subcommand(1);
    auto args = std::make_shared<TallyArgs>();
    auto* tally = points->add_subcommand(
        "tally", "按规则统计积分、星级与排名 (recount totals, stars and ranks from CSV files)");
    tally->add_option("RULES", args->rules, "RULES.json: period, stars, rules")->required();
    tally->add_option("UNITS", args->units, "UNITS.csv: unit,parent,name")->required();
    tally->add_option("MEMBERS", args->members, "MEMBERS.csv: member,unit,name")->required();
    tally->add_option("EVENTS", args->events, "EVENTS.csv: event,member,rule,date,status[,quantity]")->required();
    tally->add_option("--scope", args->scope, "only members of this unit's subtree, as rank,member,total");
    tally->add_option("--top", args->top, "the top N (members tied with the N-th included)")
        ->check(CLI::NonNegativeNumber);
    tally->callback([&ctx, args] {
        try {
            ctx.exit_code = RunTally(*args);
        } catch (const tally::InputError& error) {
            const std::string where = error.line > 0 ? error.file + ":" + std::to_string(error.line) : error.file;
            std::fprintf(stderr, "lingyan points tally: %s: %s\n", where.c_str(), error.problem.c_str());
            ctx.exit_code = kExitBadInput;
        } catch (const exchange::FileError& error) {
            std::fprintf(stderr, "lingyan points tally: %s\n", error.what());
            ctx.exit_code = kExitFailure;
        }
        std::fflush(stdout);
    });
}

}  // namespace lingyan::cli
