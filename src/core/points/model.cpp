#include "core/points/model.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace lingyan::core::points {

CivilDate CivilFromDays(Day day) {
    const int z = day + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{m <= 2 ? y + 1 : y, m, d};
}

std::optional<Day> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int digits[8];
    int digit_idx = 0;
    for (std::size_t pos = 0; pos < 10; ++pos) {
        if (pos == 4 || pos == 7) continue;
        const char c = text[pos];
        if (c < '0' || c > '9') return std::nullopt;
        digits[digit_idx++] = c - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const unsigned month = static_cast<unsigned>(digits[4] * 10 + digits[5]);
    const unsigned day = static_cast<unsigned>(digits[6] * 10 + digits[7]);
    if (month < 1 || month > 12 || day < 1) return std::nullopt;
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const unsigned max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day > max_day) return std::nullopt;
    return DaysFromCivil(year, month, day);
}

std::string FormatDate(Day day) {
    const CivilDate date = CivilFromDays(day);
    char buf[16];
    buf[0] = static_cast<char>('0' + date.year / 1000 % 10);
    buf[1] = static_cast<char>('0' + date.year / 100 % 10);
    buf[2] = static_cast<char>('0' + date.year / 10 % 10);
    buf[3] = static_cast<char>('0' + date.year % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + date.month / 10);
    buf[6] = static_cast<char>('0' + date.month % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + date.day / 10);
    buf[9] = static_cast<char>('0' + date.day % 10);
    return std::string(buf, 10);
}

std::optional<Points> ParsePoints(std::string_view text) {
    std::size_t pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
        negative = text[pos] == '-';
        ++pos;
    }
    Points whole = 0;
    std::size_t whole_digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (whole_digits >= 15) return std::nullopt;
        whole = whole * 10 + (text[pos] - '0');
        ++pos;
        ++whole_digits;
    }
    Points fraction = 0;
    std::size_t fraction_digits = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (fraction_digits == 2) {
                if (text[pos] != '0') return std::nullopt;  // "1.500" is fine, "1.505" is not
            } else {
                fraction = fraction * 10 + (text[pos] - '0');
                ++fraction_digits;
            }
            ++pos;
        }
        if (fraction_digits == 0) return std::nullopt;
    }
    if (pos != text.size() || whole_digits == 0) return std::nullopt;
    if (fraction_digits == 1) fraction *= 10;
    const Points value = whole * 100 + fraction;
    return negative ? -value : value;
}

void AppendPoints(std::string& out, Points value, bool integer) {
    char buf[32];
    char* end = buf + sizeof buf;
    char* p = end;
    const bool negative = value < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::uint64_t whole = magnitude / 100;
    if (!integer) {
        const std::uint64_t cents = magnitude % 100;
        *--p = static_cast<char>('0' + cents % 10);
        *--p = static_cast<char>('0' + cents / 10);
        *--p = '.';
    }
    do {
        *--p = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    if (negative && (magnitude >= 100 || !integer)) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

std::string FormatPoints(Points value, bool integer) {
    std::string out;
    AppendPoints(out, value, integer);
    return out;
}

Points EventWorth(Points rule_points, Points quantity) {
    if (quantity == kOnePoint) return rule_points;
    const Points product = rule_points * quantity;
    const Points half = product >= 0 ? 50 : -50;
    return (product + half) / 100;
}

int StarsFor(Points total, const StarThresholds& stars) {
    return static_cast<int>(std::upper_bound(stars.thresholds.begin(), stars.thresholds.end(), total) -
                            stars.thresholds.begin());
}

std::vector<std::int64_t> CompetitionRanks(const std::vector<Points>& totals) {
    std::vector<std::size_t> order(totals.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return totals[a] > totals[b]; });
    std::vector<std::int64_t> ranks(totals.size());
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const bool tied = pos > 0 && totals[order[pos]] == totals[order[pos - 1]];
        ranks[order[pos]] = tied ? ranks[order[pos - 1]] : static_cast<std::int64_t>(pos) + 1;
    }
    return ranks;
}

namespace {
constexpr const char* kEventStatusNames[] = {"pending", "approved", "rejected"};  // in EventStatus order
}  // namespace

const char* EventStatusName(EventStatus s) { return kEventStatusNames[static_cast<std::size_t>(s)]; }

std::optional<EventStatus> EventStatusFromName(std::string_view s) {
    for (std::size_t idx = 0; idx < std::size(kEventStatusNames); ++idx)
        if (s == kEventStatusNames[idx]) return static_cast<EventStatus>(idx);
    return std::nullopt;
}

}  // namespace lingyan::core::points
