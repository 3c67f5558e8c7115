#include "core/text/cell_text.hpp"

#include <algorithm>
#include <cstdint>

namespace lingyan::core::text {

namespace {

bool IsAsciiBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The multi-byte blanks a cell may carry: U+00A0, U+3000, U+200B, U+FEFF.
constexpr std::string_view kWideBlanks[] = {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF"};

// Length of a blank at the start of `text`, or 0.
std::size_t BlankPrefix(std::string_view text) {
    if (text.empty()) return 0;
    if (IsAsciiBlank(text[0])) return 1;
    for (std::string_view blank : kWideBlanks)
        if (text.starts_with(blank)) return blank.size();
    return 0;
}

std::size_t BlankSuffix(std::string_view text) {
    if (text.empty()) return 0;
    if (IsAsciiBlank(text.back())) return 1;
    for (std::string_view blank : kWideBlanks)
        if (text.ends_with(blank)) return blank.size();
    return 0;
}

// The ASCII character a full-width form folds to, or 0 when it stays as it is. `cp` is a code
// point in U+FF01..U+FF5E.
char FoldedAscii(std::uint32_t cp) {
    const auto ascii = static_cast<char>(cp - 0xFF01 + 0x21);
    if ((ascii >= '0' && ascii <= '9') || (ascii >= 'A' && ascii <= 'Z') || (ascii >= 'a' && ascii <= 'z')) return ascii;
    switch (ascii) {
        case '+':
        case '-':
        case '.':
        case '/':
        case ':':
        case '*':
        case '@':
        case '#':
            return ascii;
        default:
            return 0;
    }
}

bool IsLatinLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == 0) return false;
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += len;
    }
    return true;
}

std::size_t Utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string Excerpt(std::string_view text, std::size_t max_chars) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
        if (count++ == max_chars) return std::string(text.substr(0, pos)) + "…";
    }
    return std::string(text);
}

std::string_view TrimBlank(std::string_view text) {
    while (std::size_t n = BlankPrefix(text)) text.remove_prefix(n);
    while (std::size_t n = BlankSuffix(text)) text.remove_suffix(n);
    return text;
}

std::string FoldWidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+FF01..U+FF5E are EF BC 81..EF BD 9E; U+3000 is E3 80 80.
        if (c == 0xEF && i + 2 < text.size() && (text[i + 1] == '\xBC' || text[i + 1] == '\xBD')) {
            const std::uint32_t cp = 0xF000u | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                     (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                if (const char ascii = FoldedAscii(cp)) {
                    out.push_back(ascii);
                    i += 3;
                    continue;
                }
            }
        } else if (text.substr(i).starts_with("\xE3\x80\x80")) {
            out.push_back(' ');
            i += 3;
            continue;
        }
        out.push_back(text[i]);
        ++i;
    }
    return out;
}

std::string NormalizeCell(std::string_view text) {
    // Most cells need nothing: no full-width forms (lead byte EF or E3) and no blanks at the ends.
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) { return c == '\xEF' || c == '\xE3'; });
    if (plain) return std::string(TrimBlank(text));
    return std::string(TrimBlank(FoldWidth(text)));
}

std::string NormalizeName(std::string_view text) {
    const std::string cell = NormalizeCell(text);
    const bool latin = std::any_of(cell.begin(), cell.end(), IsLatinLetter);
    std::string out;
    out.reserve(cell.size());
    for (std::size_t i = 0; i < cell.size();) {
        const std::size_t blank = BlankPrefix(std::string_view(cell).substr(i));
        if (blank == 0) {
            out.push_back(cell[i++]);
            continue;
        }
        i += blank;
        if (latin && !out.empty() && out.back() != ' ') out.push_back(' ');
    }
    return out;
}

std::string NormalizeHeader(std::string_view text) {
    const std::string folded = FoldWidth(text);
    std::string out;
    out.reserve(folded.size());
    const std::string_view view(folded);
    for (std::size_t i = 0; i < view.size();) {
        if (const std::size_t blank = BlankPrefix(view.substr(i))) {
            i += blank;
        } else if (view.substr(i).starts_with("（")) {
            out.push_back('(');
            i += 3;
        } else if (view.substr(i).starts_with("）")) {
            out.push_back(')');
            i += 3;
        } else {
            out.push_back(view[i++]);
        }
    }
    return out;
}

}  // namespace lingyan::core::text
