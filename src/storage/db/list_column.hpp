#pragma once
// List columns: a TEXT column holding a list as its items joined by one separator character (star
// thresholds and rule codes by ',', a meeting's leaders by '\n', a contest's weights by ',').
// SplitColumn reads one back, empty items passed over; JoinColumn writes one. Lists of numbers
// (ids, thresholds, scores) are joined by ',' with JoinNumbers and read back with SplitIntegers or
// SplitDoubles, which throw std::invalid_argument on an item that is not a number.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
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

// The shortest text that reads back as the same double ("0" if it cannot be written).
inline std::string NumberText(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc{} ? std::string(buf, end) : std::string("0");
}

// Numbers joined by ','.
template <typename T>
std::string JoinNumbers(const std::vector<T>& items) {
    return JoinColumn(items, ',', [](T item) {
        if constexpr (std::is_floating_point_v<T>)
            return NumberText(item);
        else
            return std::to_string(item);
    });
}

inline std::vector<std::int64_t> SplitIntegers(const std::string& text) {
    std::vector<std::int64_t> out;
    for (const auto& item : SplitColumn(text, ',')) out.push_back(std::stoll(item));
    return out;
}

inline std::vector<double> SplitDoubles(const std::string& text) {
    std::vector<double> out;
    for (const auto& item : SplitColumn(text, ',')) out.push_back(std::stod(item));
    return out;
}

}  // namespace lingyan::storage
