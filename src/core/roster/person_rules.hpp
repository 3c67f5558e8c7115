#pragma once
// Rules about people: dates, ages, ID numbers (GB 11643), masking, validation of a Person or a
// Position before it is stored. Field names in errors are the API's JSON names.

#include <optional>
#include <string>
#include <string_view>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::roster {

// A birth date as stored: "YYYY-MM-DD", or "YYYY-MM" when only the month is known (出生年月, as
// rosters often give it). A month reads as its first day, so ages count from the month's start.
std::optional<core::CivilDate> ParseBirthDate(std::string_view text);

// Whole years from `birth` (a birth date as above) to `today` (an ISO date); -1 when either is
// not a date.
int AgeAt(std::string_view birth, std::string_view today);
// Whole years between two ISO dates (same rule as AgeAt).
inline int YearsBetween(std::string_view from, std::string_view to) { return AgeAt(from, to); }

// True iff `id` is an 18-character resident ID with a valid GB 11643 check digit and date.
bool ValidIdNumber(std::string_view id);
// "320602********1234": first 6 and last 4 characters kept; other lengths fully starred.
std::string MaskIdNumber(std::string_view id);

const char* EducationName(Education e);             // API code: middle, high, junior_college, …
const char* EducationLabel(Education e);            // Chinese label: 初中及以下, 高中, 大专, …
std::optional<Education> EducationFromString(std::string_view s);  // code or Chinese label
inline bool IsCollege(Education e) { return e >= Education::kJuniorCollege; }
const char* GenderName(Gender g);                   // male / female
std::optional<Gender> GenderFromString(std::string_view s);  // male/female/男/女

// The one rule for a person's name, in the API and in imports alike (issue 11, finding 13): not
// empty, at most kMaxPersonNameChars characters, no digits or control characters, and not
// starting with = + - @ (a spreadsheet would read it as a formula). `name` as NormalizeName left it.
inline constexpr std::size_t kMaxPersonNameChars = 30;
Status ValidPersonName(std::string_view name);

// Validates a person as it would be stored; `today` bounds birth and party dates.
Status ValidatePerson(const Person& p, std::string_view today);
Status ValidatePosition(const Position& p);

// What a party organization's member count allows it to become (提档升格): a branch with 50+
// members may form a general branch, an organization with 100+ a committee. Empty when nothing.
std::optional<PartyOrgKind> UpgradeHint(const PartyOrg& org);

}  // namespace lingyan::core::roster
