#pragma once
// Clean-up of spreadsheet cell text as Chinese offices type it: full-width digits and letters
// (１３９…, ＡＢ), ideographic spaces (U+3000) used to pad two-character names ("刘　洋"), no-break
// and zero-width spaces pasted from web pages, line breaks inside headers (Alt+Enter). Pure
// functions on UTF-8, thread-safe. The import formats (exchange/) call them on every cell.

#include <cstddef>
#include <string>
#include <string_view>

namespace lingyan::core::text {

// True iff `text` is well-formed UTF-8 without NUL characters, overlong forms or surrogates.
bool IsValidUtf8(std::string_view text);
// Number of code points in valid UTF-8.
std::size_t Utf8Length(std::string_view text);
// The first `max_chars` code points of valid UTF-8 `text`, and "…" when it was longer: how an
// error message quotes what a user sent without echoing all of it.
std::string Excerpt(std::string_view text, std::size_t max_chars);

// Trims ASCII whitespace, no-break spaces (U+00A0), ideographic spaces (U+3000), zero-width
// spaces (U+200B) and byte-order marks (U+FEFF) from both ends. Returns a view into `text`.
std::string_view TrimBlank(std::string_view text);

// NFKC where it is safe for a roster: full-width digits, Latin letters and the signs that occur
// in numbers, dates and codes (＋ － ． ／ ： ＊) become ASCII, and U+3000 becomes a space.
// Chinese punctuation (，（）、) is left alone: it is text, and NFKC would change what people read.
std::string FoldWidth(std::string_view text);

// FoldWidth, then TrimBlank: the text of every cell before any rule looks at it.
std::string NormalizeCell(std::string_view text);

// A person's name: NormalizeCell, and a Chinese name loses the spaces inside it ("刘　洋",
// "刘 洋" → "刘洋"); a name with Latin letters keeps single spaces between its words.
std::string NormalizeName(std::string_view text);

// A column header for matching: FoldWidth, full-width brackets （） as (), and every blank of any
// width removed, line breaks included ("身份证\n号码", "姓  名", "性　别" → "身份证号码", "姓名", "性别").
std::string NormalizeHeader(std::string_view text);

}  // namespace lingyan::core::text
