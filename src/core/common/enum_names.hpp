#pragma once
// Enum names: a module's table of an enum's values, each with the name the API and the database
// use and the label users read, and the lookups every such table needs. A value missing from its
// table reads as the fallback the caller gives.

#include <cstddef>
#include <optional>
#include <string_view>

namespace lingyan::core {

template <class E>
struct EnumName {
    E value;
    const char* name;
    const char* label = "";
};

template <class E, std::size_t N>
const char* EnumNameOf(const EnumName<E> (&table)[N], E value, const char* fallback) {
    for (const auto& row : table)
        if (row.value == value) return row.name;
    return fallback;
}

template <class E, std::size_t N>
const char* EnumLabelOf(const EnumName<E> (&table)[N], E value, const char* fallback) {
    for (const auto& row : table)
        if (row.value == value) return row.label;
    return fallback;
}

enum class NameMatch { kName, kNameOrLabel };

// The value named `s` (NameMatch::kNameOrLabel: or labelled `s`; a row without a label matches by
// name only), nullopt when none is.
template <class E, std::size_t N>
std::optional<E> EnumFromName(const EnumName<E> (&table)[N], std::string_view s, NameMatch match = NameMatch::kName) {
    for (const auto& row : table) {
        const bool by_label = match == NameMatch::kNameOrLabel && *row.label != '\0' && s == row.label;
        if (s == row.name || by_label) return row.value;
    }
    return std::nullopt;
}

}  // namespace lingyan::core
