#pragma once
// Searching Chinese text without a dictionary: every run of Chinese characters is indexed as its
// overlapping pairs (跟岗培育 → 跟岗 岗培 培育) and its last character; a run of Latin letters or
// digits as one lower-case word. A search word's tokens find the articles that may contain it in
// the index both backends keep (SQLite FTS5, PostgreSQL tsvector; storage/sql/case_store), which
// then keeps those that contain the word as typed. Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"

namespace lingyan::core::cases {

inline constexpr std::size_t kMaxQueryChars = 100;
inline constexpr std::size_t kMaxQueryWords = 8;

// The index tokens of `text`, in order.
std::vector<std::string> IndexTokens(std::string_view text);

// One search word: its tokens must stand in a row; the last one may be the start of a longer
// token (a word that ends inside a run of characters, 村 in 村委, or a Latin prefix).
struct SearchWord {
    std::string text;  // as typed (width folded, Latin lower-cased), for highlighting
    std::vector<std::string> tokens;
    bool prefix_last = false;
    // One run of characters or of Latin letters and digits (跟岗培育, gdp; not 45个 or 头雁”南飞):
    // then an article holds the word exactly when its index holds the tokens in a row.
    bool one_run = false;
};

// Splits a query on blanks into words; every word must match. Words of punctuation alone are
// passed over; an empty result means "no search". Refused (field `q`): more than kMaxQueryChars
// characters or kMaxQueryWords words, or text that is not UTF-8.
Result<std::vector<SearchWord>> ParseSearchQuery(std::string_view query);

// A piece of a snippet; `hit` pieces are where a search word stands.
struct SnippetPart {
    std::string text;
    bool hit = false;
};

// About `width` characters of `body` around the first place a word stands (its opening when
// none does, or when `words` is empty), with every word inside marked; "…" at a cut end.
std::vector<SnippetPart> Snippet(std::string_view body, const std::vector<SearchWord>& words, std::size_t width);

}  // namespace lingyan::core::cases
