#include "core/text/number.hpp"

#include <charconv>
#include <cstdio>

namespace lingyan::core::text {

std::string ShortestNumber(double value) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec == std::errc()) return std::string(buf, ptr);
    std::snprintf(buf, sizeof buf, "%.6f", value);  // unreachable for a double in 64 bytes; kept total
    return buf;
}

}  // namespace lingyan::core::text
