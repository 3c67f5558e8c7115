#pragma once
// The port for converting Chinese text between scripts: traditional → simplified for the articles
// the case library imports. Implemented by exchange/text (OpenCC). Thread-safe.

#include <string>
#include <string_view>

namespace lingyan::core::ports {

class ChineseScript {
public:
    virtual ~ChineseScript() = default;
    // Characters without a simplified form (ASCII, punctuation, simplified text) are kept.
    virtual std::string ToSimplified(std::string_view text) const = 0;
};

}  // namespace lingyan::core::ports
