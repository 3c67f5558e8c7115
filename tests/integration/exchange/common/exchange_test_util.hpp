#pragma once
// Helpers for the exchange integration tests: a temporary directory removed at the end of the
// test, and a builder for hand-made .xlsx packages (to test what other programs write).

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

#include "exchange/common/file_io.hpp"

namespace lingyan::exchange::testing {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "lingyan-xchg-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string File(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Zips `parts` (entry name → content) into bytes.
inline std::string ZipBytes(const std::map<std::string, std::string>& parts, const TempDir& dir) {
    const std::string path = dir.File("handmade.xlsx");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip_open failed");
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_discard(archive);
            throw std::runtime_error("zip_file_add failed");
        }
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
    return ReadFile(path);
}

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
inline const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";

// A one-sheet workbook named `sheet_name` with the given sheet XML body (inside <sheetData>),
// shared strings (<si> items) and styles (the whole styleSheet element, may be empty).
inline std::map<std::string, std::string> OneSheetPackage(const std::string& sheet_name, const std::string& rows,
                                                          const std::string& shared_items = "",
                                                          const std::string& styles = "",
                                                          const std::string& workbook_pr = "") {
    std::map<std::string, std::string> parts;
    parts["[Content_Types].xml"] = kContentTypes;
    parts["_rels/.rels"] = kRootRels;
    parts["xl/workbook.xml"] =
        R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
        workbook_pr + R"(<sheets><sheet name=")" + sheet_name + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    parts["xl/_rels/workbook.xml.rels"] =
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
        R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
        R"(</Relationships>)";
    parts["xl/worksheets/sheet1.xml"] =
        R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
        rows + "</sheetData></worksheet>";
    if (!shared_items.empty()) {
        parts["xl/sharedStrings.xml"] =
            R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
            shared_items + "</sst>";
    }
    if (!styles.empty()) parts["xl/styles.xml"] = styles;
    return parts;
}

}  // namespace lingyan::exchange::testing
