#pragma once
// Field-level rules of the roster file format (docs/roster-import.md): loose dates, resident ID
// numbers (GB 11643-1999), mobile numbers, education labels, text clean-up. Pure functions,
// thread-safe; no knowledge of files.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/roster/model.hpp"
#include "exchange/xlsx/civil_date.hpp"

namespace lingyan::exchange::roster {

using xlsx::CivilDate;

// Trims ASCII whitespace, no-break spaces (U+00A0), ideographic spaces (U+3000), zero-width
// spaces and a byte-order mark from both ends (core::text::TrimBlank).
std::string_view TrimText(std::string_view text);

bool IsValidUtf8(std::string_view text);
// Number of code points in valid UTF-8.
std::size_t Utf8Length(std::string_view text);

// Accepts 2024-03-07, 2024-3-7, 2024/3/7, 2024.3.7, 2024年3月7日 and 20240307, with a year in
// 1900..2100 and a real calendar day. A trailing time ("2024-03-07 00:00:00") is ignored.
std::optional<CivilDate> ParseLooseDate(std::string_view text);

// A date cell as offices fill it: ParseLooseDate's forms, or an Excel serial day number left in a
// General cell or a CSV ("30776" = 1984-04-04; five digits, 10000..73050, i.e. 1927–2099).
std::optional<CivilDate> ParseDateCell(std::string_view text);

// A 出生年月 cell: a day (ParseDateCell), or a month written as 1976.05, 1976-5, 1976/05,
// 1976年5月 or 197605 — then `month_only` is set and the day is 1.
struct BirthCell {
    CivilDate date;
    bool month_only = false;
};
enum class BirthProblem {
    kNone,
    kInvalid,         // no accepted form
    kAmbiguousMonth,  // "1976.1": Excel shows October typed as a number (1976.10) this way
};
BirthProblem ParseBirthCell(std::string_view text, BirthCell& out);

// The ISO text stored for a birth cell: "1976-05-15", or "1976-05" for a month.
std::string BirthIso(const BirthCell& cell);

// True iff `text` is what Excel leaves of a long number it stored as a number: scientific
// notation ("3.20483E+17") or 16–18 digits whose digits past the 15th are all zeros
// ("320483198506157000"; Excel keeps 15 significant digits). An ID number with such text has
// lost digits, whatever its check digit says.
bool DigitsLostByExcel(std::string_view text);

// "320681********0033": six digits, eight stars, three digits and a digit or X — the form exports
// mask an ID number to.
bool IsMaskedIdNumber(std::string_view id);

enum class IdNumberProblem {
    kNone,
    kLength,      // not 18 characters
    kCharacters,  // not 17 digits + a digit or X
    kMasked,      // contains '*': a masked number from an export
    kBirthDate,   // positions 7–14 are no real date
    kCheckDigit,  // the 18th character does not match the ISO 7064 MOD 11-2 check
};

// The check character ('0'..'9' or 'X') of the first 17 digits of a resident ID number.
char IdCheckCharacter(std::string_view first17);

// Checks an 18-character resident ID number (a lowercase x is accepted as X). On success
// writes the embedded birth date and gender (odd 17th digit = male) when pointers are given.
IdNumberProblem CheckIdNumber(std::string_view id, CivilDate* birth = nullptr, core::roster::Gender* gender = nullptr);

// "320102199003071234" → "320102********1234"; anything not 18 characters → all stars but the
// last 4.
std::string MaskIdNumber(std::string_view id);

// 11 digits starting with 1 (mainland mobile). Spaces, hyphens and a +86 prefix are removed
// first; returns the normalized number or nullopt.
std::optional<std::string> NormalizeMobile(std::string_view text);

// 初中及以下/初中/小学 → middle or below; 高中/中专/职高/技校 → high school; 大专/专科 → junior
// college; 本科/大学本科 → bachelor; 研究生/硕士/博士 → postgraduate.
std::optional<core::roster::Education> ParseEducation(std::string_view text);
// The label written on export and in the template: 初中及以下, 高中, 大专, 本科, 研究生.
std::string_view EducationLabel(core::roster::Education education);

std::string_view GenderLabel(core::roster::Gender gender);     // 男 / 女
// The units sheet's vocabulary (core::roster::KindLabel/EconomyLabel), which its import reads back.
std::string_view UnitKindLabel(core::roster::UnitKind kind);   // 省, 市, 区县, 镇街, 村, 社区, 网格, 企业
std::string_view EconomyLabel(core::roster::Economy economy);  // 无, 农业, 工业, 旅游, 综合, 城镇

}  // namespace lingyan::exchange::roster
