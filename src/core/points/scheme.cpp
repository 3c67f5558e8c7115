#include "core/points/scheme.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace lingyan::core::points {

Points SchemeTotal(Points tally_total, bool zeroed, const SchemeOptions& options) {
    return zeroed ? 0 : options.base_points + tally_total;
}

std::vector<bool> ZeroedMembers(const TallyConfig& config, const SchemeOptions& options, std::size_t member_count,
                                std::span<const LedgerEvent> events) {
    std::vector<bool> zeroing_rule(config.rules.size(), false);
    for (const RuleIdx rule : options.zeroing_rules) zeroing_rule[static_cast<std::size_t>(rule)] = true;
    std::vector<Points> net(member_count, 0);
    for (const LedgerEvent& event : events) {
        if (zeroing_rule[static_cast<std::size_t>(event.rule)] && Counts(event, config.period)) {
            net[static_cast<std::size_t>(event.member)] += event.quantity;
        }
    }
    std::vector<bool> zeroed(member_count, false);
    for (std::size_t member = 0; member < member_count; ++member) zeroed[member] = net[member] > 0;
    return zeroed;
}

std::vector<Period> SplitPeriod(const Period& period, SubPeriod granularity) {
    std::vector<Period> parts;
    const unsigned step = granularity == SubPeriod::kMonth ? 1 : 3;
    CivilDate at = CivilFromDays(period.from);
    at.month = (at.month - 1) / step * step + 1;  // start of the month or quarter
    while (true) {
        const Day start = DaysFromCivil(at.year, at.month, 1);
        if (start > period.to) break;
        unsigned next_month = at.month + step;
        int next_year = at.year;
        if (next_month > 12) {
            next_month -= 12;
            ++next_year;
        }
        const Day end = DaysFromCivil(next_year, next_month, 1) - 1;
        parts.push_back(Period{std::max(start, period.from), std::min(end, period.to)});
        at = CivilDate{next_year, next_month, 1};
    }
    return parts;
}

std::vector<Points> SubTotals(const TallyConfig& config, MemberIdx member, std::span<const LedgerEvent> events,
                              const std::vector<Period>& sub_periods) {
    std::vector<LedgerEvent> own;
    for (const LedgerEvent& event : events) {
        if (event.member == member) own.push_back(LedgerEvent{0, event.rule, event.date, event.status, event.quantity});
    }
    std::vector<Points> sub_totals;
    sub_totals.reserve(sub_periods.size());
    TallyConfig part = config;
    for (const Period& sub_period : sub_periods) {
        part.period = sub_period;
        sub_totals.push_back(TallyTotals(part, 1, own)[0]);
    }
    return sub_totals;
}

std::vector<int> ForcedDistribution(const std::vector<Points>& totals, const std::vector<GradeQuota>& grades) {
    std::vector<int> grade_of(totals.size(), static_cast<int>(grades.size()) - 1);
    if (grades.empty()) return grade_of;
    std::vector<std::size_t> order(totals.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return totals[a] > totals[b]; });
    const auto n = static_cast<std::int64_t>(totals.size());
    std::size_t pos = 0;
    for (std::size_t grade_idx = 0; grade_idx + 1 < grades.size() && pos < order.size(); ++grade_idx) {
        const GradeQuota& grade = grades[grade_idx];
        const std::int64_t quota = grade.max_share_den > 0 ? n * grade.max_share_num / grade.max_share_den : 0;
        const std::size_t grade_start = pos;
        while (pos < order.size()) {
            std::size_t tie_end = pos + 1;
            while (tie_end < order.size() && totals[order[tie_end]] == totals[order[pos]]) ++tie_end;
            if (static_cast<std::int64_t>(tie_end - grade_start) > quota) break;
            for (; pos < tie_end; ++pos) grade_of[order[pos]] = static_cast<int>(grade_idx);
        }
    }
    return grade_of;
}

namespace {
std::optional<std::int64_t> ParseCount(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}
}  // namespace

std::optional<std::vector<GradeQuota>> ParseGradeQuotas(std::string_view text) {
    std::vector<GradeQuota> grades;
    while (!text.empty()) {
        const auto semi = text.find(';');
        std::string_view item = text.substr(0, semi);
        text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
        GradeQuota grade;
        const auto colon = item.find(':');
        grade.name = std::string(item.substr(0, colon));
        if (grade.name.empty()) return std::nullopt;
        if (colon != std::string_view::npos) {
            const std::string_view share = item.substr(colon + 1);
            const auto slash = share.find('/');
            if (slash == std::string_view::npos) return std::nullopt;
            auto num = ParseCount(share.substr(0, slash));
            auto den = ParseCount(share.substr(slash + 1));
            if (!num || !den || *den <= 0 || *num < 0 || *num > *den) return std::nullopt;
            grade.max_share_num = *num;
            grade.max_share_den = *den;
        }
        grades.push_back(std::move(grade));
    }
    return grades;
}

std::string FormatGradeQuotas(const std::vector<GradeQuota>& grades) {
    std::string out;
    for (std::size_t grade_idx = 0; grade_idx < grades.size(); ++grade_idx) {
        const GradeQuota& grade = grades[grade_idx];
        if (grade_idx > 0) out += ';';
        out += grade.name;
        if (grade_idx + 1 < grades.size())
            out += ':' + std::to_string(grade.max_share_num) + '/' + std::to_string(grade.max_share_den);
    }
    return out;
}

}  // namespace lingyan::core::points
