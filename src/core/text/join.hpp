#pragma once
// A list of names as a sentence writes it: 甲、乙、丙 (the enumeration comma by default).

#include <string>
#include <string_view>
#include <vector>

namespace lingyan::core::text {

inline std::string Join(const std::vector<std::string>& items, std::string_view separator = "、") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace lingyan::core::text
