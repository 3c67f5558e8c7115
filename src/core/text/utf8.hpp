#pragma once
// Reading UTF-8 one code point at a time, and which code points are Chinese characters. Pure,
// thread-safe; shared by the text rules that look at characters rather than bytes (pinyin
// annotations, the case library's search words and facts).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lingyan::core::text {

// Decodes the code point at `pos` into `cp` and returns its length in bytes. A stray or truncated
// byte decodes as itself with length 1, so a scan always advances.
inline std::size_t DecodeUtf8(std::string_view text, std::size_t pos, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(text[pos]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (pos + len > text.size()) len = 1;
    cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    return len;
}

// Appends `cp` to `out` as UTF-8.
inline void AppendUtf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// A CJK ideograph (the unified blocks, extension A and beyond, and the compatibility block).
inline bool IsHan(std::uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace lingyan::core::text
