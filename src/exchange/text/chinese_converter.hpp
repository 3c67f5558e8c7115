#pragma once
// Chinese text clean-up for imported articles (the case library, SPEC module 9): traditional →
// simplified conversion through OpenCC, and removal of pinyin annotations such as 問(wèn).

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lingyan::exchange::text {

// Thrown when an OpenCC configuration cannot be loaded or a conversion fails.
class OpenccError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Converts UTF-8 text with one OpenCC configuration. Loading a configuration reads its
// dictionaries (tens of milliseconds): make one converter and reuse it. Convert may be called
// from several threads; calls are serialized.
class ChineseConverter {
public:
    static constexpr const char* kTraditionalToSimplified = "/usr/share/opencc/t2s.json";

    // Throws OpenccError naming the configuration when it cannot be loaded.
    explicit ChineseConverter(const std::string& config_path = kTraditionalToSimplified);
    ~ChineseConverter();
    ChineseConverter(const ChineseConverter&) = delete;
    ChineseConverter& operator=(const ChineseConverter&) = delete;

    // Returns the converted text; characters without a mapping (ASCII, punctuation, already
    // simplified text) are kept. Embedded NUL bytes are kept as they are. Throws OpenccError.
    std::string Convert(std::string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Traditional → simplified with a process-wide converter loaded on first use. Throws OpenccError.
std::string TraditionalToSimplified(std::string_view text);

// Removes pinyin written in brackets right after a Chinese character, as some reprint sites do:
// "問(wèn)題" → "問題", "发展（fā zhǎn）" → "发展". Brackets holding anything else are kept.
std::string StripPinyinAnnotations(std::string_view text);

}  // namespace lingyan::exchange::text
