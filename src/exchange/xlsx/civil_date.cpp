#include "exchange/xlsx/civil_date.hpp"

#include <cmath>
#include <cstdio>

namespace lingyan::exchange::xlsx {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t DaysFromCivil(CivilDate date) {
    const std::int64_t y = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
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
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(year), month, day};
}

bool IsValidDate(CivilDate date) {
    if (date.month < 1 || date.month > 12 || date.day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    const int max_day = date.month == 2 && leap ? 29 : kDays[date.month - 1];
    return date.day <= max_day;
}

std::string FormatIsoDate(CivilDate date) {
    if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 || date.day > 99) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
        return buf;
    }
    // Hand-formatted: the importer formats three dates per row, and snprintf showed in profiles.
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

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    CivilDate date;
    if (!digits(0, 4, date.year) || !digits(5, 2, date.month) || !digits(8, 2, date.day)) return std::nullopt;
    if (!IsValidDate(date)) return std::nullopt;
    return date;
}

namespace {
constexpr double kMaxSerial1900 = 2958465;  // 9999-12-31
const std::int64_t kEpoch1900 = DaysFromCivil({1899, 12, 30});
const std::int64_t kEpoch1904 = DaysFromCivil({1904, 1, 1});
}  // namespace

std::optional<CivilDate> DateFromExcelSerial(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial >= kMaxSerial1900 + 1) return std::nullopt;
    const auto whole = static_cast<std::int64_t>(std::floor(serial));
    if (date1904) return CivilFromDays(kEpoch1904 + whole);
    if (whole == 0) return std::nullopt;  // Excel shows the non-day 1900-01-00
    if (whole < 60) return CivilFromDays(kEpoch1900 + whole + 1);
    if (whole == 60) return CivilDate{1900, 2, 28};
    return CivilFromDays(kEpoch1900 + whole);
}

double ExcelSerialFromDate(CivilDate date, bool date1904) {
    const std::int64_t days = DaysFromCivil(date);
    if (date1904) return static_cast<double>(days - kEpoch1904);
    std::int64_t serial = days - kEpoch1900;
    if (serial < 61) serial -= 1;  // before the fictitious 1900-02-29
    return static_cast<double>(serial);
}

}  // namespace lingyan::exchange::xlsx
