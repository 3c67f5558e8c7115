#pragma once
// What an article states that an officer looks for first: its dates, its numbers (48名, 1.6亿元,
// 86%) with the sentence each stands in, and the units of the region tree it names. Pure,
// thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/model.hpp"

namespace lingyan::core::cases {

struct DateFact {
    std::string text;  // as written: "2021年03月22日", "2020年"
    std::string date;  // ISO, as precise as written: "2021-03-22", "2021-03", "2020"
};

struct NumberFact {
    std::string text;     // "48名", "1.6亿元", "86%"
    std::string context;  // the sentence it stands in (at most 80 characters around it)
};

struct ArticleFacts {
    std::vector<DateFact> dates;      // first occurrence order, each text once, at most kMaxDates
    std::vector<NumberFact> numbers;  // first occurrence order, at most kMaxNumbers
};

inline constexpr std::size_t kMaxDates = 30;
inline constexpr std::size_t kMaxNumbers = 60;

ArticleFacts ExtractFacts(const std::vector<std::string>& paragraphs);

struct NamedUnit {
    roster::Id id = 0;
    std::string name;
};

// The units whose names the text mentions, most mentioned first (then first mentioned), at most
// `max`. A county, district, city, town or street may be named without its suffix (张家港 for
// 张家港市, 姜堰 for 姜堰区) when what is left has two characters or more; a village or community
// only by its full name. Where two names overlap, the longer one counts (北联村, not 联村).
std::vector<roster::Id> MentionedUnits(std::string_view text, const std::vector<NamedUnit>& units, std::size_t max);

}  // namespace lingyan::core::cases
