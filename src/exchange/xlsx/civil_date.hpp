#pragma once
// Calendar arithmetic shared by the xlsx reader/writer and the file formats built on them:
// proleptic Gregorian days <-> year/month/day, Excel serial numbers <-> ISO dates.
// Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lingyan::exchange::xlsx {

struct CivilDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before). Valid for any year representable in int.
std::int64_t DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(std::int64_t days);

// True iff the triple names a real calendar day (leap years included).
bool IsValidDate(CivilDate date);

// "YYYY-MM-DD" (always four-digit year, zero-padded).
std::string FormatIsoDate(CivilDate date);

// Parses exactly "YYYY-MM-DD" into a valid calendar date; nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// Excel serial day numbers. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the
// non-existent 1900-02-29 that Excel keeps for Lotus compatibility (mapped here to 1900-02-28);
// in the 1904 system serial 0 is 1904-01-01. Fractions (time of day) are dropped.
// Returns nullopt for serials that are no real day (< 1, the 1900 system's 0, > 9999-12-31).
std::optional<CivilDate> DateFromExcelSerial(double serial, bool date1904 = false);
double ExcelSerialFromDate(CivilDate date, bool date1904 = false);

}  // namespace lingyan::exchange::xlsx
