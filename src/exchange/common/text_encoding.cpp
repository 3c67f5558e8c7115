#include "exchange/common/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "core/text/cell_text.hpp"
#include "exchange/common/file_io.hpp"

namespace lingyan::exchange {

namespace {

// Converts `bytes` from `from` to UTF-8 with iconv; nullopt on any invalid or incomplete input.
std::optional<std::string> Convert(std::string_view bytes, const char* from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    out.resize(bytes.size() * 2 + 16);
    char* in_ptr = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t done = 0;
    bool ok = true;
    while (in_left > 0) {
        char* out_ptr = out.data() + done;
        std::size_t out_left = out.size() - done;
        const std::size_t result = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        done = out.size() - out_left;
        if (result != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL: not this encoding
        break;
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(done);
    // NUL characters never belong in a sheet; a "decoding" that yields them guessed wrong.
    if (out.find('\0') != std::string::npos) return std::nullopt;
    return out;
}

// UTF-16 without a byte-order mark, guessed from its zero bytes: in a sheet most characters are
// ASCII (digits, commas, codes), whose high byte is zero. Little-endian puts them at odd offsets.
std::optional<bool> LooksLikeBomlessUtf16(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.size() % 2 != 0) return std::nullopt;
    const std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 4096);
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        zero_even += bytes[2 * i] == '\0';
        zero_odd += bytes[2 * i + 1] == '\0';
    }
    if (zero_even == 0 && zero_odd * 4 >= pairs) return true;   // little-endian
    if (zero_odd == 0 && zero_even * 4 >= pairs) return false;  // big-endian
    return std::nullopt;
}

}  // namespace

std::string_view EncodingLabel(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::kUtf8:
            return "UTF-8";
        case TextEncoding::kUtf8Bom:
            return "UTF-8（带 BOM）";
        case TextEncoding::kUtf16Le:
            return "UTF-16LE";
        case TextEncoding::kUtf16Be:
            return "UTF-16BE";
        case TextEncoding::kGb18030:
            return "GBK/GB18030";
    }
    return "";
}

std::optional<DecodedText> DecodeText(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        if (!core::text::IsValidUtf8(bytes)) return std::nullopt;
        return DecodedText{std::string(bytes), TextEncoding::kUtf8Bom};
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool little = bytes[0] == '\xFF';
        auto text = Convert(bytes.substr(2), little ? "UTF-16LE" : "UTF-16BE");
        if (!text) return std::nullopt;
        return DecodedText{std::move(*text), little ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be};
    }
    if (core::text::IsValidUtf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::kUtf8};
    if (const auto little = LooksLikeBomlessUtf16(bytes)) {
        if (auto text = Convert(bytes, *little ? "UTF-16LE" : "UTF-16BE"))
            return DecodedText{std::move(*text), *little ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be};
    }
    auto text = Convert(bytes, "GB18030");
    if (!text) return std::nullopt;
    return DecodedText{std::move(*text), TextEncoding::kGb18030};
}

std::string UnknownEncodingMessage() {
    return "无法识别文件编码（支持 UTF-8、GBK/GB18030 和带 BOM 的 UTF-16）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx";
}

std::string ReadTextFile(const std::string& path) {
    auto decoded = DecodeText(ReadFile(path));
    if (!decoded) throw FileError(path + ": " + UnknownEncodingMessage());
    return std::move(decoded->text);
}

}  // namespace lingyan::exchange
