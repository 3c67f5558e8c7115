// `lingyan workdays add DATE N [--calendar CAL.json]` and
// `lingyan workdays count FROM TO [--calendar CAL.json]`: the working-day calendar of issue 12
// (docs/workdays.md). `add` prints the N-th working day after DATE (DATE not counted); `count`
// prints how many working days lie in (FROM, TO]. Without --calendar the shipped China calendar
// (2020–2026) is used and a day outside it is refused naming the year; with --calendar only that
// file is used, for any year. Bad input exits 2 with one line; an unreadable file exits 1.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "core/calendar/china_calendar.hpp"
#include "core/calendar/work_calendar.hpp"
#include "core/common/date.hpp"
#include "exchange/calendar/calendar_json.hpp"
#include "exchange/common/file_io.hpp"

namespace lingyan::cli {
namespace {

namespace cal = core::calendar;

constexpr const char* kPrefix = "lingyan workdays: ";
constexpr const char* kAddUsage = "usage: lingyan workdays add DATE N [--calendar CAL.json]";
constexpr const char* kCountUsage = "usage: lingyan workdays count FROM TO [--calendar CAL.json]";

// Thrown inside this file only, for bad input; caught in the callback (exit 2).
struct BadInput {
    std::string message;
};

struct WorkdaysArgs {
    std::string first;          // DATE or FROM
    std::string second;         // N or TO
    std::string calendar_path;  // empty: the shipped calendar
    bool calendar_given = false;
};

// Arguments CLI11 did not place (a third positional, an unknown option) are bad usage.
void CheckUsage(const CLI::App& cmd, const WorkdaysArgs& args, const char* usage) {
    const std::vector<std::string> extras = cmd.remaining();
    if (!extras.empty()) throw BadInput{fmt::format("unexpected argument '{}'; {}", extras.front(), usage)};
    if (args.first.empty() || args.second.empty()) throw BadInput{fmt::format("missing argument; {}", usage)};
    if (args.calendar_given && args.calendar_path.empty()) {
        throw BadInput{fmt::format("--calendar needs a file name (CAL.json); {}", usage)};
    }
}

core::CivilDate ParseDateArg(std::string_view name, const std::string& text) {
    if (auto date = core::ParseIsoDate(text)) return *date;
    throw BadInput{fmt::format(
        "bad {} '{}': not a valid date, expected YYYY-MM-DD (日期须为 YYYY-MM-DD 格式的有效日期)", name, text)};
}

std::int64_t ParseCountArg(const std::string& text) {
    constexpr std::int64_t kMax = 1'000'000'000'000;  // far beyond any date, small enough to add safely
    std::int64_t value = 0;
    bool digits = !text.empty();
    for (const char digit : text) {
        if (digit < '0' || digit > '9') {
            digits = false;
            break;
        }
        value = value * 10 + (digit - '0');
        if (value > kMax) break;
    }
    if (!digits || value < 1) {
        throw BadInput{fmt::format("bad N '{}': must be a positive whole number (N 须为正整数)", text)};
    }
    if (value > kMax) throw BadInput{fmt::format("bad N '{}': too large (N 过大)", text)};
    return value;
}

// The calendar to use: the --calendar file, else the shipped one.
cal::WorkCalendar LoadCalendar(const WorkdaysArgs& args) {
    if (!args.calendar_given) return cal::ShippedChinaCalendar();
    const std::string& path = args.calendar_path;
    const std::string text = exchange::ReadFile(path);  // throws exchange::FileError
    auto calendar = exchange::ParseCalendarJson(text);
    if (!calendar) {
        const core::Error& error = calendar.error();
        throw BadInput{error.field.empty() ? fmt::format("{}: {}", path, error.message)
                                           : fmt::format("{}: {}: {}", path, error.field, error.message)};
    }
    return std::move(calendar).value();
}

// A calendar error as one line; a missing year of the shipped calendar says how to go on.
BadInput FromCalendarError(const core::Error& error, bool shipped) {
    if (const auto year = cal::MissingYearOf(error); year && shipped) {
        constexpr const char* kMessage =
            "the shipped calendar has no data for {0}; pass --calendar CAL.json "
            "(内置日历没有 {0} 年的数据，请用 --calendar 指定日历文件)";
        return BadInput{fmt::format(kMessage, *year)};
    }
    return BadInput{error.message};
}

std::string RunAdd(const WorkdaysArgs& args) {
    const core::CivilDate date = ParseDateArg("DATE", args.first);
    const std::int64_t n = ParseCountArg(args.second);
    const cal::WorkCalendar calendar = LoadCalendar(args);
    auto result = calendar.AddWorkdays(date, n);
    if (!result) throw FromCalendarError(result.error(), !args.calendar_given);
    return core::FormatIsoDate(*result) + "\n";
}

std::string RunCount(const WorkdaysArgs& args) {
    const core::CivilDate from = ParseDateArg("FROM", args.first);
    const core::CivilDate to = ParseDateArg("TO", args.second);
    if (to < from) {
        throw BadInput{fmt::format("FROM must not be after TO ({} is after {}) (起始日期不得晚于结束日期)", args.first,
                                   args.second)};
    }
    const cal::WorkCalendar calendar = LoadCalendar(args);
    auto result = calendar.CountWorkdays(from, to);
    if (!result) throw FromCalendarError(result.error(), !args.calendar_given);
    return std::to_string(*result) + "\n";
}

// Runs one subcommand body, printing its result or its one-line error; returns the exit code.
template <typename Body>
int Guarded(Body body) {
    try {
        const std::string out = body();
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fflush(stdout);
        return 0;
    } catch (const BadInput& e) {
        fmt::print(stderr, "{}{}\n", kPrefix, e.message);
        return kExitBadInput;
    } catch (const exchange::FileError& e) {
        fmt::print(stderr, "{}{}\n", kPrefix, e.what());
        return kExitFailure;
    }
}

// Positionals are optional and checked in the callback, and extras are allowed and refused there,
// so that every wrong usage exits 2 with one line, like any other bad input.
CLI::App* AddSubcommand(CLI::App& parent, CommandContext& ctx, const char* name, const char* description,
                        const char* first, const char* first_help, const char* second, const char* second_help,
                        const char* usage, std::string (*run)(const WorkdaysArgs&)) {
    auto args = std::make_shared<WorkdaysArgs>();
    auto* cmd = parent.add_subcommand(name, description);
    cmd->allow_extras();
    cmd->add_option(first, args->first, first_help);
    cmd->add_option(second, args->second, second_help);
    // An optional value, so that a bare --calendar reaches CheckUsage instead of CLI11's own exit code.
    cmd->add_option("--calendar", args->calendar_path,
                    "日历文件 CAL.json {\"holidays\": [...], \"workdays\": [...]}；默认使用内置的 2020–2026 年日历")
        ->expected(0, 1);
    cmd->callback([&ctx, cmd, args, usage, run] {
        ctx.exit_code = Guarded([&] {
            args->calendar_given = cmd->count("--calendar") > 0;
            CheckUsage(*cmd, *args, usage);
            return run(*args);
        });
    });
    return cmd;
}

}  // namespace

void AddWorkdaysCommand(CLI::App& app, CommandContext& ctx) {
    auto* workdays =
        app.add_subcommand("workdays", "工作日计算（法定节假日与调休） Working days by the holiday calendar");
    workdays->allow_extras();
    AddSubcommand(*workdays, ctx, "add", "DATE 之后第 N 个工作日（不含 DATE） The N-th working day after DATE", "DATE",
                  "起始日期 YYYY-MM-DD（不计入）", "N", "工作日数，正整数", kAddUsage, &RunAdd);
    AddSubcommand(*workdays, ctx, "count", "(FROM, TO] 内的工作日数 Working days after FROM up to and including TO",
                  "FROM", "起始日期 YYYY-MM-DD（不计入）", "TO", "结束日期 YYYY-MM-DD（计入）", kCountUsage, &RunCount);
    workdays->callback([&ctx, workdays] {
        if (!workdays->get_subcommands().empty()) return;
        const std::vector<std::string> extras = workdays->remaining();
        const std::string problem = extras.empty() ? std::string("missing subcommand add or count")
                                                   : fmt::format("unknown subcommand '{}'", extras.front());
        fmt::print(stderr, "{}{}; {}; {}\n", kPrefix, problem, kAddUsage, kCountUsage);
        ctx.exit_code = kExitBadInput;
    });
}

}  // namespace lingyan::cli
