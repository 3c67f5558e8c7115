// libFuzzer target for the CSV path every CSV import takes (issue 11): the encoding detection
// (exchange/common/text_encoding: UTF-8 with or without BOM, GBK/GB18030, UTF-16) and then the
// RFC 4180 reader (core/text/csv). Any bytes may be refused as an unknown encoding or read as a
// malformed file, but the reader must make progress, keep line numbers increasing and hand out
// fields that lie inside the text or its own buffer; nothing may crash or trip a sanitizer.
// Built and run by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/csv.hpp"
#include "exchange/common/text_encoding.hpp"

using namespace lingyan;

namespace {

void Check(bool ok) {
    if (!ok) std::abort();
}

void ReadAll(std::string_view text) {
    core::text::CsvReader reader(text);
    std::vector<std::string_view> fields;
    std::size_t last_line = 0, records = 0, bytes = 0;
    while (reader.Next(fields)) {
        Check(reader.line() > last_line || records == 0);
        last_line = reader.line();
        Check(++records <= text.size() + 1);  // every record consumes at least one byte
        for (std::string_view f : fields) bytes += f.size();  // reads every byte of every view (ASan)
        if (records == 1) (void)core::text::ColumnIndex(fields, "姓名");
    }
    (void)bytes;
    (void)reader.malformed();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ReadAll(bytes);  // as the reader sees already-decoded text
    if (auto decoded = exchange::DecodeText(bytes)) {
        Check(decoded->text.size() <= size * 3 + 3);  // GBK → UTF-8 at most triples
        ReadAll(decoded->text);
    } else {
        Check(!exchange::UnknownEncodingMessage().empty());
    }
    return 0;
}
