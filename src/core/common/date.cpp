#include "core/common/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace lingyan::core {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[month - 1];
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t pos, std::size_t len) -> int {
        int value = 0;
        for (std::size_t idx = pos; idx < pos + len; ++idx) {
            if (text[idx] < '0' || text[idx] > '9') return -1;
            value = value * 10 + (text[idx] - '0');
        }
        return value;
    };
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
    return CivilDate{year, month, day};
}

Result<CivilDate> ParseIsoDateField(std::string_view text, std::string_view field) {
    if (auto date = ParseIsoDate(text)) return *date;
    return Invalid(DateProblem("日期", text), std::string(field));
}

std::string DateProblem(std::string_view label, std::string_view text) {
    const bool shaped = text.size() == 10 && std::ranges::all_of(std::array{0, 1, 2, 3, 5, 6, 8, 9}, [&](int idx) {
        return text[static_cast<std::size_t>(idx)] >= '0' && text[static_cast<std::size_t>(idx)] <= '9';
    }) && text[4] == '-' && text[7] == '-';
    if (!shaped) return std::string(label) + "格式应为 YYYY-MM-DD";
    return std::string(label) + " " + std::string(text) + " 不存在（月份为 01–12，日不超过当月天数）";
}

bool IsValidDate(const CivilDate& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= DaysInMonth(date.year, date.month);
}

std::string FormatIsoDate(const CivilDate& date) {
    if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 || date.day > 99) {
        char buffer[48];  // room for any int, so no truncation is possible
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
        return buffer;
    }
    // Hand-formatted: the roster importer formats three dates per row and snprintf showed in profiles.
    std::string text(10, '-');
    text[0] = static_cast<char>('0' + date.year / 1000);
    text[1] = static_cast<char>('0' + date.year / 100 % 10);
    text[2] = static_cast<char>('0' + date.year / 10 % 10);
    text[3] = static_cast<char>('0' + date.year % 10);
    text[5] = static_cast<char>('0' + date.month / 10);
    text[6] = static_cast<char>('0' + date.month % 10);
    text[8] = static_cast<char>('0' + date.day / 10);
    text[9] = static_cast<char>('0' + date.day % 10);
    return text;
}

std::int64_t DaysFromCivil(const CivilDate& date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;  // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

int FullYearsBetween(const CivilDate& from, const CivilDate& to) {
    if (to < from) return -FullYearsBetween(to, from);
    int years = to.year - from.year;
    // The anniversary in year `to.year`: (month, day) compared directly, so 29 February counts
    // as reached on 1 March in a common year.
    if (to.month < from.month || (to.month == from.month && to.day < from.day)) --years;
    return years;
}

CivilDate AddMonths(const CivilDate& date, int months) {
    const int total = date.year * 12 + (date.month - 1) + months;
    const int year = total >= 0 ? total / 12 : (total - 11) / 12;
    const int month = total - year * 12 + 1;
    const int day = std::min(date.day, DaysInMonth(year, month));
    return CivilDate{year, month, day};
}

std::string ChinaTimeOfIso(std::string_view iso_utc) {
    // YYYY-MM-DDTHH:MM:SS, then optional fractions, then Z.
    if (iso_utc.size() < 20 || iso_utc[10] != 'T' || iso_utc[13] != ':' || iso_utc[16] != ':' || iso_utc.back() != 'Z')
        return std::string(iso_utc);
    const auto date = ParseIsoDate(iso_utc.substr(0, 10));
    const auto two = [&](std::size_t at) -> int {
        const char a = iso_utc[at], b = iso_utc[at + 1];
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    };
    const int hour = two(11), minute = two(14), second = two(17);
    if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::string(iso_utc);
    const int shifted = hour + static_cast<int>(kChinaUtcOffsetSeconds / 3600);
    const CivilDate day = CivilFromDays(DaysFromCivil(*date) + shifted / 24);
    char out[32];
    std::snprintf(out, sizeof out, "%s %02d:%02d:%02d", FormatIsoDate(day).c_str(), shifted % 24, minute, second);
    return out;
}

std::string IsoUtcOfUnix(std::int64_t unix_seconds) {
    const std::int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
    const std::int64_t second_of_day = unix_seconds - days * 86400;
    char out[32];
    std::snprintf(out, sizeof out, "%sT%02d:%02d:%02dZ", FormatIsoDate(CivilFromDays(days)).c_str(),
                  static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
                  static_cast<int>(second_of_day % 60));
    return out;
}

}  // namespace lingyan::core
