// libFuzzer target for the roster importer (issue 2: "a fuzz target for the roster importer").
// Every input is parsed several ways: as CSV — as it is, and after a UTF-16 or UTF-8 byte-order mark
// so that the encoding detection (exchange/common/text_encoding) and its conversions see every
// input (issue 16) — as a units list (CSV), as an .xlsx file, and as the worksheet XML of an
// otherwise valid package built in memory (so that mutations reach the XML scanner and the merged-
// cell fill instead of dying on zip checksums). The importer may reject anything, but only with a RosterParse full of
// errors or an exchange::FileError; any other exception, crash, leak or sanitizer report is a bug.
// Built and run by tests/fuzz/run.sh.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exchange/common/file_io.hpp"
#include "exchange/common/text_encoding.hpp"
#include "exchange/roster/roster_import.hpp"
#include "exchange/roster/unit_sheet.hpp"

namespace {

using lingyan::exchange::FileError;
using lingyan::exchange::roster::ParseRoster;
using lingyan::exchange::roster::RosterParse;

constexpr const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";
// Shared strings 0..10 are the roster headers, so a fuzzed sheet can reach the row checks.
constexpr const char* kSharedStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>性别</t></si>)"
    R"(<si><t>出生日期</t></si><si><t>学历</t></si><si><t>入党日期</t></si><si><t>身份证号</t></si><si><t>手机号</t></si>)"
    R"(<si><t>单位代码</t></si><si><t>职务</t></si><si><t>任职日期</t></si><si><t>后备干部</t></si><si><t>男</t></si>)"
    R"(<si><t>本科</t></si><si><t>320681102201</t></si></sst>)";
constexpr const char* kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)";

// A stored (uncompressed) zip holding the package with `sheet` as its worksheet.
std::string PackageWithSheet(std::string_view sheet) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) std::abort();
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) std::abort();
    const std::pair<const char*, std::string_view> parts[] = {
        {"_rels/.rels", kRootRels},
        {"xl/workbook.xml", kWorkbook},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels},
        {"xl/sharedStrings.xml", kSharedStrings},
        {"xl/styles.xml", kStyles},
        {"xl/worksheets/sheet1.xml", sheet},
    };
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        const zip_int64_t index = zip_file_add(archive, name, source, ZIP_FL_OVERWRITE);
        if (index < 0) std::abort();
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) std::abort();
    std::string bytes;
    if (zip_source_open(buffer) == 0) {
        char chunk[1 << 14];
        zip_int64_t got;
        while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0)
            bytes.append(chunk, static_cast<std::size_t>(got));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

void Check(const RosterParse& parse) {
    // Every good row has the required fields; errors carry a message.
    for (const auto& row : parse.rows) {
        const std::size_t birth = row.person.birth_date.size();  // a day, or a month (出生年月)
        if (row.person.name.empty() || (birth != 10 && birth != 7) || row.unit_code.size() != 12) std::abort();
        if (!row.person.id_number.empty() && row.person.id_number.size() != 18) std::abort();
    }
    for (const auto& error : parse.errors) {
        if (error.message.empty()) std::abort();
    }
}

void Parse(std::string_view bytes, const char* filename) {
    try {
        Check(ParseRoster(bytes, filename));
    } catch (const FileError&) {
        // A file that is not a readable workbook: the expected refusal.
    }
}

void ParseUnits(std::string_view bytes) {
    const auto sheet = lingyan::exchange::ReadUnitsSheet(bytes, "fuzz.csv");
    for (const auto& problem : sheet.problems)
        if (problem.message.empty() || problem.line == 0) std::abort();
}

void Decode(std::string_view bytes) {
    // Whatever is decoded is valid UTF-8 without NUL, or nothing.
    if (const auto decoded = lingyan::exchange::DecodeText(bytes)) {
        if (decoded->text.find('\0') != std::string::npos) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Decode(bytes);
    Parse(bytes, "fuzz.csv");
    Parse("\xFF\xFE" + std::string(bytes), "fuzz.csv");  // UTF-16LE
    Parse("\xFE\xFF" + std::string(bytes), "fuzz.csv");  // UTF-16BE
    Parse("\xEF\xBB\xBF" + std::string(bytes), "fuzz.csv");
    ParseUnits(bytes);
    Parse(bytes, "fuzz.xlsx");
    Parse(PackageWithSheet(bytes), "fuzz.xlsx");
    return 0;
}
