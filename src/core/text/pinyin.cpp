#include "core/text/pinyin.hpp"

#include <cstdint>

#include "core/text/utf8.hpp"

namespace lingyan::core::text {

namespace {

bool IsPinyinLetter(std::uint32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || cp == ' ' || cp == 0xFC /* ü */) return true;
    static constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    return kToned.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}

}  // namespace

std::string StripPinyinAnnotations(std::string_view text, std::size_t* removed) {
    std::string out;
    out.reserve(text.size());
    std::size_t count = 0;
    std::size_t pos = 0;
    bool after_han = false;
    while (pos < text.size()) {
        std::uint32_t cp = 0;
        const std::size_t len = DecodeUtf8(text, pos, cp);
        if (after_han && (cp == '(' || cp == 0xFF08 /* （ */)) {
            // Look for the closing bracket over pinyin letters only, with at least one tone mark
            // or plain letters (wen, fa zhan).
            std::size_t scan = pos + len;
            std::size_t letters = 0;
            bool closed = false;
            std::size_t end = scan;
            while (scan < text.size() && letters <= 24) {
                std::uint32_t inner = 0;
                const std::size_t inner_len = DecodeUtf8(text, scan, inner);
                scan += inner_len;
                if (inner == ')' || inner == 0xFF09 /* ） */) {
                    closed = true;
                    end = scan;
                    break;
                }
                if (!IsPinyinLetter(inner)) break;
                ++letters;
            }
            if (closed && letters > 0) {
                pos = end;
                after_han = false;
                ++count;
                continue;
            }
        }
        out.append(text.substr(pos, len));
        after_han = IsHan(cp);
        pos += len;
    }
    if (removed) *removed = count;
    return out;
}

}  // namespace lingyan::core::text
