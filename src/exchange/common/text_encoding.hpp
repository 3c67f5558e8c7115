#pragma once
// The one encoding detection for every CSV (and other text) import: officers' files come from
// Excel for Chinese Windows (GBK, "CSV UTF-8" with a byte-order mark), WPS, LibreOffice and other
// systems' exports (UTF-8, sometimes UTF-16 with a byte-order mark, as Excel's "Unicode text").
// Pure functions over bytes in memory (glibc iconv for the conversions); thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace lingyan::exchange {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kGb18030 };

// "UTF-8", "UTF-8（带 BOM）", "UTF-16LE", "UTF-16BE", "GBK/GB18030" — for notes shown to the user.
std::string_view EncodingLabel(TextEncoding encoding);

struct DecodedText {
    std::string text;  // UTF-8 without a byte-order mark
    TextEncoding encoding = TextEncoding::kUtf8;
};

// Decodes `bytes`: a UTF-8 or UTF-16 byte-order mark decides; otherwise valid UTF-8 is UTF-8 and
// anything else is tried as GB18030 (a superset of GBK and GB2312). nullopt when none of these
// reads the bytes (e.g. Big5 or binary data), so the caller can say so instead of guessing.
std::optional<DecodedText> DecodeText(std::string_view bytes);

// The message for a file DecodeText could not read (Chinese, for the user).
std::string UnknownEncodingMessage();

// Reads a whole text file (a CSV the CLI imports) and decodes it as above. Throws FileError when
// the file cannot be read or its encoding is none of these.
std::string ReadTextFile(const std::string& path);

}  // namespace lingyan::exchange
