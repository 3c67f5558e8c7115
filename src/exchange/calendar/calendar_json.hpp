#pragma once
// CAL.json → core::calendar::WorkCalendar, the file format of `lingyan workdays --calendar`
// (issue 12, docs/workdays.md):
//   {"holidays": ["YYYY-MM-DD", …], "workdays": ["YYYY-MM-DD", …]}
// Both members are optional (missing = empty); any other member is refused, as is a repeated
// member. The calendar read covers any year. Stateless; safe to call from several threads.

#include <string_view>

#include "core/calendar/work_calendar.hpp"
#include "core/common/result.hpp"

namespace lingyan::exchange {

// Reads CAL.json text. Every error is errc::kInvalid with `field` saying where ("line 3" for a
// JSON syntax error, "holidays" for a member of the wrong type, "holidays[2]" for a bad element —
// indices from 0 —, empty for the document as a whole) and a message naming the offending value.
core::Result<core::calendar::WorkCalendar> ParseCalendarJson(std::string_view text);

}  // namespace lingyan::exchange
