#include "core/cases/facts.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/common/date.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/utf8.hpp"

namespace lingyan::core::cases {

namespace {

constexpr std::size_t kContextChars = 80;
constexpr std::size_t kMaxNameChars = 24;  // a longer unit name is not looked for in the text

struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

const std::regex& FactDateRegex() {
    // 2021年03月22日 / 2021年3月 / 2021-03-22 / 2020年
    static const std::regex r(
        "([0-9]{4})年([0-9]{1,2})月(?:([0-9]{1,2})日)?|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{4})年");
    return r;
}

const std::regex& NumberRegex() {
    static const std::regex r(
        "[0-9]+(?:\\.[0-9]+)?(?:万|亿)?(?:余|多)?"
        "(?:名|个|位|人|件|项|家|户|次|批|期|元|平方米|亩|公里|台|条|所|场|篇|座|支|对|%)");
    return r;
}

std::string Pad2(const std::string& digits) { return digits.size() == 1 ? "0" + digits : digits; }

std::optional<DateFact> DateOf(const std::smatch& m) {
    DateFact f{m.str(0), ""};
    if (m[1].matched) {
        const int y = std::stoi(m[1].str()), mo = std::stoi(m[2].str());
        if (mo < 1 || mo > 12) return std::nullopt;
        f.date = m[1].str() + "-" + Pad2(m[2].str());
        if (m[3].matched) {
            if (!IsValidDate({y, mo, std::stoi(m[3].str())})) return std::nullopt;
            f.date += "-" + Pad2(m[3].str());
        }
    } else if (m[4].matched) {
        if (!IsValidDate({std::stoi(m[4].str()), std::stoi(m[5].str()), std::stoi(m[6].str())})) return std::nullopt;
        f.date = m[4].str() + "-" + Pad2(m[5].str()) + "-" + Pad2(m[6].str());
    } else {
        f.date = m[7].str();
    }
    const int year = std::stoi(f.date.substr(0, 4));
    if (year < 1900 || year > 2100) return std::nullopt;
    return f;
}

// The sentence of `paragraph` around byte offset `at`, at most kContextChars characters.
std::string SentenceAround(const std::string& paragraph, std::size_t at) {
    std::size_t begin = 0, end = paragraph.size();
    for (std::string_view stop : {"。", "！", "？", "；"}) {
        const auto before = paragraph.rfind(stop, at);
        if (before != std::string::npos) begin = std::max(begin, before + stop.size());
        const auto after = paragraph.find(stop, at);
        if (after != std::string::npos) end = std::min(end, after + stop.size());
    }
    const std::string_view sentence = std::string_view(paragraph).substr(begin, end - begin);
    if (text::Utf8Length(sentence) <= kContextChars) return std::string(sentence);
    // Too long: the characters around the number.
    std::size_t from = at, chars = 0;
    while (from > begin && chars < kContextChars / 2) {
        do --from;
        while (from > begin && (static_cast<unsigned char>(paragraph[from]) & 0xC0) == 0x80);
        ++chars;
    }
    return (from > begin ? "…" : "") +
           text::Excerpt(std::string_view(paragraph).substr(from, end - from), kContextChars);
}

// The name a unit may also go by: 姜堰区 → 姜堰, 罗塘街道 → 罗塘; "" when none.
std::string ShortName(const std::string& name) {
    for (std::string_view suffix : {"街道", "市", "县", "区", "镇", "乡"}) {
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            std::string base = name.substr(0, name.size() - suffix.size());
            return text::Utf8Length(base) >= 2 ? base : "";
        }
    }
    return "";
}

}  // namespace

ArticleFacts ExtractFacts(const std::vector<std::string>& paragraphs) {
    ArticleFacts out;
    std::set<std::string> dates_seen;
    std::set<std::pair<std::string, std::string>> numbers_seen;
    for (const auto& p : paragraphs) {
        for (std::sregex_iterator it(p.begin(), p.end(), FactDateRegex()), end; it != end && out.dates.size() < kMaxDates;
             ++it) {
            auto fact = DateOf(*it);
            if (fact && dates_seen.insert(fact->text).second) out.dates.push_back(std::move(*fact));
        }
        for (std::sregex_iterator it(p.begin(), p.end(), NumberRegex()), end;
             it != end && out.numbers.size() < kMaxNumbers; ++it) {
            const auto at = static_cast<std::size_t>(it->position(0));
            // A digit run that goes on before the match (part of a phone number, a year) is not a count.
            if (at > 0 && ((p[at - 1] >= '0' && p[at - 1] <= '9') || p[at - 1] == '.')) continue;
            NumberFact fact{it->str(0), SentenceAround(p, at)};
            if (numbers_seen.insert({fact.text, fact.context}).second) out.numbers.push_back(std::move(fact));
        }
    }
    return out;
}

std::vector<roster::Id> MentionedUnits(std::string_view text, const std::vector<NamedUnit>& units, std::size_t max) {
    // Names by their text; a name may stand for several units (two villages called 新庄村).
    std::unordered_map<std::string, std::vector<roster::Id>, NameHash, std::equal_to<>> by_name;
    std::size_t longest = 0;  // in characters
    auto add = [&](const std::string& name, roster::Id id) {
        const std::size_t chars = text::Utf8Length(name);
        if (chars < 2 || chars > kMaxNameChars) return;
        by_name[name].push_back(id);
        longest = std::max(longest, chars);
    };
    for (const auto& u : units) {
        add(u.name, u.id);
        if (auto s = ShortName(u.name); !s.empty()) add(s, u.id);
    }
    std::map<roster::Id, std::pair<int, std::size_t>> seen;  // id → (mentions, first byte)
    std::size_t pos = 0;
    while (pos < text.size()) {
        // The longest name starting here: try the ends of the next `longest` characters, longest first.
        std::size_t ends[kMaxNameChars + 1];
        std::size_t count = 0;
        for (std::size_t at = pos; at < text.size() && count < std::min(longest, kMaxNameChars);) {
            std::uint32_t cp = 0;
            at += text::DecodeUtf8(text, at, cp);
            ends[count++] = at;
        }
        std::size_t matched = 0;
        const std::vector<roster::Id>* ids = nullptr;
        for (std::size_t k = count; k >= 2 && !ids; --k) {
            auto it = by_name.find(text.substr(pos, ends[k - 1] - pos));
            if (it != by_name.end()) {
                matched = ends[k - 1] - pos;
                ids = &it->second;
            }
        }
        if (ids) {
            for (auto id : *ids) {
                auto [entry, fresh] = seen.try_emplace(id, 0, pos);
                entry->second.first++;
            }
            pos += matched;
            continue;
        }
        std::uint32_t cp = 0;
        pos += text::DecodeUtf8(text, pos, cp);
    }
    std::vector<std::pair<roster::Id, std::pair<int, std::size_t>>> ranked(seen.begin(), seen.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.second.first != b.second.first) return a.second.first > b.second.first;
        return a.second.second < b.second.second;
    });
    std::vector<roster::Id> out;
    for (const auto& [id, _] : ranked) {
        if (out.size() >= max) break;
        out.push_back(id);
    }
    return out;
}

}  // namespace lingyan::core::cases
