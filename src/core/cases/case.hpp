#pragma once
// The case library (经验案例库, 他山之石; SPEC module 9): articles about other places' practice —
// reprinted news like the seeds — kept as clean text, searchable in Chinese and linked to the
// units they speak of. This file holds the record and the library's limits.

#include <cstddef>
#include <string>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::core::cases {

using roster::Id;

struct CaseArticle {
    Id id = 0;
    std::string title;
    std::string source;     // the publisher named in the article (来源), "" when none
    std::string published;  // ISO date "YYYY-MM-DD", "" when the article names none
    std::string url;        // where it was read, "" when pasted without one
    std::vector<std::string> paragraphs;
    Id owner_unit_id = 0;  // the importer's scope unit (0: the whole deployment, an admin)
    std::string created_by;
    std::string created_at;  // ISO 8601 UTC
    std::vector<Id> units;   // the units it is linked to, ascending
};

inline constexpr std::size_t kMaxTextBytes = 300'000;  // an article as pasted or read from a file
inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxUrlBytes = 2'000;
inline constexpr std::size_t kMaxLinkedUnits = 50;
inline constexpr std::size_t kMaxSuggestedUnits = 20;

// The year of an ISO date, 0 for "".
int YearOf(const std::string& published);

}  // namespace lingyan::core::cases
