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

}  // namespace lingyan::exchange::text
