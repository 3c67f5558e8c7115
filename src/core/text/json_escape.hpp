#pragma once
// Minimal JSON string escaping for building small JSON texts in core/app (audit details)
// without a JSON library.

#include <string>
#include <string_view>

namespace lingyan::core::text {

// Returns `s` as a quoted JSON string.
std::string JsonQuote(std::string_view s);

}  // namespace lingyan::core::text
