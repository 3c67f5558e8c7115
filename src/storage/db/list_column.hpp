#pragma once
// List columns: a TEXT column holding a list as its items joined by one separator character (star
// thresholds and rule codes by ',', a meeting's leaders by '\n', a contest's weights by ',').
// SplitColumn reads one back, empty items passed over; JoinColumn writes one.

#include <cstddef>
#include <string>
#include <vector>

namespace lingyan::storage {

inline std::vector<std::string> SplitColumn(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(separator, start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Joins fn(item) of every item with `separator`.
template <typename T, typename Fn>
std::string JoinColumn(const std::vector<T>& items, char separator, Fn&& fn) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += fn(item);
    }
    return out;
}

inline std::string JoinColumn(const std::vector<std::string>& items, char separator) {
    return JoinColumn(items, separator, [](const std::string& item) { return item; });
}

}  // namespace lingyan::storage
