#pragma once
// A file a use case hands back for download: its bytes and the name the user sees; and the one
// limit every list export (a 台账) keeps.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.hpp"

namespace lingyan::app {

struct FileDownload {
    std::string bytes;
    std::string filename;        // shown to the user, Chinese allowed
    std::string ascii_fallback;  // for clients that cannot read RFC 5987 names
};

// The most rows one list export writes. More is refused on the count, before any row is read.
inline constexpr std::int64_t kMaxExportRows = 20000;

// Ok when `total` rows may be exported; otherwise `invalid` naming both numbers, counted in
// `measure` ("件", "个", "条"): "符合条件的工单有 110000 件，一次最多导出 20000 件，请缩小范围后再导出".
inline core::Status CheckExportSize(std::int64_t total, std::string_view what, std::string_view measure) {
    if (total <= kMaxExportRows) return core::Ok();
    const std::string unit = " " + std::string(measure);
    return core::Invalid("符合条件的" + std::string(what) + "有 " + std::to_string(total) + unit + "，一次最多导出 " +
                         std::to_string(kMaxExportRows) + unit + "，请缩小范围后再导出");
}

}  // namespace lingyan::app
