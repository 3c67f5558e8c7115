#pragma once
// Calendar arithmetic shared by the xlsx reader/writer and the file formats built on them:
// proleptic Gregorian days <-> year/month/day, Excel serial numbers <-> ISO dates.
// Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/date.hpp"

namespace lingyan::exchange::xlsx {

// The calendar itself is core's (core/common/date.hpp); this file adds Excel's serial numbers.
using core::CivilDate;
using core::CivilFromDays;
using core::DaysFromCivil;
using core::FormatIsoDate;
using core::IsValidDate;
using core::ParseIsoDate;

// Excel serial day numbers. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the
// non-existent 1900-02-29 that Excel keeps for Lotus compatibility (mapped here to 1900-02-28);
// in the 1904 system serial 0 is 1904-01-01. Fractions (time of day) are dropped.
// Returns nullopt for serials that are no real day (< 1, the 1900 system's 0, > 9999-12-31).
std::optional<CivilDate> DateFromExcelSerial(double serial, bool date1904 = false);
double ExcelSerialFromDate(CivilDate date, bool date1904 = false);

}  // namespace lingyan::exchange::xlsx
