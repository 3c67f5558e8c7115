#include "core/attachments/attachment.hpp"

#include <array>

namespace lingyan::core::attachments {

namespace {

struct TypeInfo {
    Type type;
    std::string_view name, label, mime, extension;
};

constexpr std::array<TypeInfo, 6> kTypes{{
    {Type::kJpeg, "jpeg", "JPEG 图片", "image/jpeg", ".jpg"},
    {Type::kPng, "png", "PNG 图片", "image/png", ".png"},
    {Type::kWebp, "webp", "WebP 图片", "image/webp", ".webp"},
    {Type::kPdf, "pdf", "PDF 文档", "application/pdf", ".pdf"},
    {Type::kXlsx, "xlsx", "Excel 表格（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     ".xlsx"},
    {Type::kDocx, "docx", "Word 文档（.docx）",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
}};

const TypeInfo& InfoOf(Type t) {
    for (const auto& i : kTypes)
        if (i.type == t) return i;
    return kTypes[3];
}

constexpr const char* kField = "file";

unsigned Byte(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned Be16(std::string_view b, std::size_t i) { return Byte(b, i) << 8 | Byte(b, i + 1); }
std::uint32_t Be32(std::string_view b, std::size_t i) { return std::uint32_t{Be16(b, i)} << 16 | Be16(b, i + 2); }
unsigned Le16(std::string_view b, std::size_t i) { return Byte(b, i) | Byte(b, i + 1) << 8; }
std::uint32_t Le24(std::string_view b, std::size_t i) { return Le16(b, i) | std::uint32_t{Byte(b, i + 2)} << 16; }

Error Corrupt(std::string_view what) {
    return Invalid(std::string("图片已损坏或不完整：无法读取 ") + std::string(what) + " 的尺寸", kField);
}

// The frame size from a JPEG's first SOFn segment (walking the marker segments), and the file
// complete: an end-of-image marker after the first scan (a photo cut short in transfer has none).
Result<Sniffed> JpegSize(std::string_view b) {
    std::optional<Sniffed> frame;
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (Byte(b, i) != 0xFF) return Corrupt("JPEG");
        unsigned marker = Byte(b, i + 1);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        if (marker == 0xD9) break;  // end before any scan
        unsigned len = Be16(b, i + 2);
        if (len < 2 || i + 2 + len > b.size()) break;
        if (marker == 0xDA) {  // the first scan: the frame header came before it, the end marker after
            if (!frame) break;
            if (b.find("\xFF\xD9", i + 2 + len) == std::string_view::npos)
                return Invalid("图片已损坏或不完整（JPEG 缺少结束标记，可能上传中断），请重新上传", kField);
            return *frame;
        }
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && !frame) {
            if (len < 7) break;
            frame = Sniffed{Type::kJpeg, static_cast<int>(Be16(b, i + 7)), static_cast<int>(Be16(b, i + 5))};
        }
        i += 2 + len;
    }
    return Corrupt("JPEG");
}

Result<Sniffed> PngSize(std::string_view b) {
    // Signature (8), IHDR length (4) and type (4), then width and height.
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return Corrupt("PNG");
    const std::uint32_t w = Be32(b, 16), h = Be32(b, 20);
    if (w > 0x7FFFFFFF || h > 0x7FFFFFFF) return Corrupt("PNG");
    return Sniffed{Type::kPng, static_cast<int>(w), static_cast<int>(h)};
}

Result<Sniffed> WebpSize(std::string_view b) {
    if (b.size() < 30) return Corrupt("WebP");
    const std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8 ") {  // lossy: frame tag (3), start code 9d 01 2a, 14-bit sizes
        if (Byte(b, 23) != 0x9D || Byte(b, 24) != 0x01 || Byte(b, 25) != 0x2A) return Corrupt("WebP");
        return Sniffed{Type::kWebp, static_cast<int>(Le16(b, 26) & 0x3FFF), static_cast<int>(Le16(b, 28) & 0x3FFF)};
    }
    if (chunk == "VP8L") {  // lossless: signature 0x2f, then 14 bits width-1, 14 bits height-1
        if (Byte(b, 20) != 0x2F) return Corrupt("WebP");
        const std::uint32_t bits = Byte(b, 21) | Byte(b, 22) << 8 | Byte(b, 23) << 16 | std::uint32_t{Byte(b, 24)} << 24;
        return Sniffed{Type::kWebp, static_cast<int>((bits & 0x3FFF) + 1), static_cast<int>(((bits >> 14) & 0x3FFF) + 1)};
    }
    if (chunk == "VP8X")  // extended: 24-bit canvas width-1 and height-1
        return Sniffed{Type::kWebp, static_cast<int>(Le24(b, 24) + 1), static_cast<int>(Le24(b, 27) + 1)};
    return Corrupt("WebP");
}

// An Office Open XML package: a ZIP holding [Content_Types].xml; its part names (stored uncompressed
// in the local headers and the central directory) say a workbook or a document.
std::optional<Type> OfficeType(std::string_view b) {
    if (b.find("[Content_Types].xml") == std::string_view::npos) return std::nullopt;
    const bool workbook = b.find("xl/workbook.xml") != std::string_view::npos;
    const bool document = b.find("word/document.xml") != std::string_view::npos;
    if (workbook == document) return std::nullopt;
    return workbook ? Type::kXlsx : Type::kDocx;
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The type an extension claims, for the extensions of the accepted types and a few aliases.
std::optional<Type> ClaimedType(std::string_view name) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string ext = Lower(name.substr(dot));
    if (ext == ".jpg" || ext == ".jpeg" || ext == ".jpe" || ext == ".jfif") return Type::kJpeg;
    if (ext == ".png") return Type::kPng;
    if (ext == ".webp") return Type::kWebp;
    if (ext == ".pdf") return Type::kPdf;
    if (ext == ".xlsx") return Type::kXlsx;
    if (ext == ".docx") return Type::kDocx;
    return std::nullopt;
}

}  // namespace

std::string_view TypeName(Type t) { return InfoOf(t).name; }
std::string_view TypeLabel(Type t) { return InfoOf(t).label; }
std::string_view MimeOf(Type t) { return InfoOf(t).mime; }
std::string_view ExtensionOf(Type t) { return InfoOf(t).extension; }
bool IsImage(Type t) { return t == Type::kJpeg || t == Type::kPng || t == Type::kWebp; }

std::optional<Type> TypeFromName(std::string_view name) {
    for (const auto& i : kTypes)
        if (i.name == name) return i.type;
    return std::nullopt;
}

bool KnownOwner(std::string_view kind) {
    return kind == kOwnerTicket || kind == kOwnerDeclaration || kind == kOwnerProject || kind == kOwnerNomination;
}

Result<Sniffed> Sniff(std::string_view b) {
    if (b.empty()) return Invalid("文件为空", kField);
    if (b.size() > kMaxBytes)
        return Error{errc::kTooLarge, "文件过大：每个附件不超过 " + std::to_string(kMaxBytes >> 20) + " MiB", kField};
    Result<Sniffed> found = Invalid(
        "不支持的文件类型：只接受 JPEG、PNG、WebP 图片和 PDF、Excel（.xlsx）、Word（.docx）文档（按文件内容判断，与文件名无关）",
        kField);
    if (b.size() >= 3 && Byte(b, 0) == 0xFF && Byte(b, 1) == 0xD8 && Byte(b, 2) == 0xFF) {
        found = JpegSize(b);
    } else if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
        found = PngSize(b);
    } else if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
        found = WebpSize(b);
    } else if (b.size() >= 5 && b.substr(0, 5) == "%PDF-") {
        return Sniffed{Type::kPdf};
    } else if (b.size() >= 4 && b.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        if (auto t = OfficeType(b)) return Sniffed{*t};
        return Invalid("不支持的压缩文件：只接受 Excel（.xlsx）和 Word（.docx）文档", kField);
    } else {
        return found;
    }
    if (!found) return found;
    const std::int64_t pixels = std::int64_t{found->width} * found->height;
    if (found->width <= 0 || found->height <= 0) return Corrupt(TypeLabel(found->type));
    if (pixels > kMaxPixels)
        return Invalid("图片像素过多（" + std::to_string(found->width) + "×" + std::to_string(found->height) +
                           "）：不超过 5000 万像素",
                       kField);
    return found;
}

Result<std::string> CleanName(std::string_view name, Type actual) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string out;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || c == '"') continue;
        out += c;
    }
    while (!out.empty() && (out.front() == ' ' || out.front() == '.')) out.erase(0, 1);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (auto claimed = ClaimedType(out); claimed && *claimed != actual) {
        // A photo saved under another image extension keeps its name with the right extension.
        if (IsImage(*claimed) && IsImage(actual))
            out = out.substr(0, out.rfind('.')) + std::string(ExtensionOf(actual));
        else
            return Invalid("文件名 " + out + " 与内容不符：内容是" + std::string(TypeLabel(actual)) +
                           (IsImage(*claimed) && !IsImage(actual) ? "，不是图片" : ""),
                           "name");
    }
    if (out.size() > kMaxNameBytes) {
        const std::string ext = ClaimedType(out) ? out.substr(out.rfind('.')) : std::string();
        std::size_t cut = kMaxNameBytes - ext.size();
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
        out = out.substr(0, cut) + ext;
    }
    if (out.empty()) out = "附件" + std::string(ExtensionOf(actual));
    return out;
}

}  // namespace lingyan::core::attachments
