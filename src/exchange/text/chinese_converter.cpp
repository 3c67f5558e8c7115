#include "exchange/text/chinese_converter.hpp"

#include <opencc.h>

#include <cstdint>
#include <mutex>

namespace lingyan::exchange::text {

struct ChineseConverter::Impl {
    opencc_t handle = reinterpret_cast<opencc_t>(-1);
    std::mutex mutex;
};

ChineseConverter::ChineseConverter(const std::string& config_path) : impl_(std::make_unique<Impl>()) {
    impl_->handle = opencc_open(config_path.c_str());
    if (impl_->handle == reinterpret_cast<opencc_t>(-1)) {
        const char* reason = opencc_error();
        throw OpenccError("无法加载繁简转换配置 " + config_path + "（" + (reason ? reason : "unknown") +
                          "） / cannot load OpenCC config");
    }
}

ChineseConverter::~ChineseConverter() {
    if (impl_->handle != reinterpret_cast<opencc_t>(-1)) opencc_close(impl_->handle);
}

std::string ChineseConverter::Convert(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    std::lock_guard lock(impl_->mutex);
    // The C API stops at NUL, so convert NUL-separated pieces and keep the NULs.
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nul = text.find('\0', start);
        if (nul == std::string_view::npos) nul = text.size();
        if (nul > start) {
            const std::string piece(text.substr(start, nul - start));
            char* converted = opencc_convert_utf8(impl_->handle, piece.c_str(), piece.size());
            if (!converted) throw OpenccError("繁简转换失败 / OpenCC conversion failed");
            out += converted;
            opencc_convert_utf8_free(converted);
        }
        if (nul < text.size()) out.push_back('\0');
        start = nul + 1;
    }
    return out;
}

std::string TraditionalToSimplified(std::string_view text) {
    static const ChineseConverter converter;  // thread-safe initialization
    return converter.Convert(text);
}

namespace {

// Decodes one UTF-8 code point at `pos`; returns its length (1 for a stray byte).
std::size_t Decode(std::string_view text, std::size_t pos, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(text[pos]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (pos + len > text.size()) len = 1;
    cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    return len;
}

bool IsHan(std::uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsPinyinLetter(std::uint32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || cp == ' ' || cp == 0xFC /* ü */) return true;
    static constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    return kToned.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}

}  // namespace

std::string StripPinyinAnnotations(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    bool after_han = false;
    while (pos < text.size()) {
        std::uint32_t cp = 0;
        const std::size_t len = Decode(text, pos, cp);
        if (after_han && (cp == '(' || cp == 0xFF08 /* （ */)) {
            // Look for the closing bracket over pinyin letters only, with at least one tone mark
            // or plain letters (wen, fa zhan).
            std::size_t scan = pos + len;
            std::size_t letters = 0;
            bool closed = false;
            std::size_t end = scan;
            while (scan < text.size() && letters <= 24) {
                std::uint32_t inner = 0;
                const std::size_t inner_len = Decode(text, scan, inner);
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
                continue;
            }
        }
        out.append(text.substr(pos, len));
        after_han = IsHan(cp);
        pos += len;
    }
    return out;
}

}  // namespace lingyan::exchange::text
