#include "exchange/xlsx/civil_date.hpp"

#include <cmath>
#include <cstdio>

namespace lingyan::exchange::xlsx {

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
