#pragma once
// Traditional → simplified Chinese through OpenCC, for imported articles (the case library,
// SPEC module 9; the pinyin annotations are removed by core/text/pinyin.hpp).

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/ports/chinese_script.hpp"

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

// core::ports::ChineseScript through the process-wide converter.
class OpenccScript final : public core::ports::ChineseScript {
public:
    std::string ToSimplified(std::string_view text) const override { return TraditionalToSimplified(text); }
};

}  // namespace lingyan::exchange::text
