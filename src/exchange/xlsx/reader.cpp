#include "exchange/xlsx/reader.hpp"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <pugixml.hpp>
#include <unordered_map>
#include <utility>

#include "exchange/xlsx/civil_date.hpp"
#include "exchange/xlsx/xml_scanner.hpp"

namespace lingyan::exchange::xlsx {

namespace {

using detail::AppendXmlText;
using detail::FindAttr;
using detail::XmlScanner;
using detail::XmlToken;
using detail::XmlTokenKind;

// Zip bombs (issue 11): the parts of one workbook together may not unzip to more than this —
// a 64 MiB upload of real rows unzips to well under it.
constexpr std::size_t kMaxInflatedBytes = std::size_t{256} << 20;
constexpr std::size_t kProgressStep = std::size_t{1} << 22;

// Users read these messages (the import reports show them as they are): Chinese only, once.
[[noreturn]] void Corrupt(const std::string& reason) { throw XlsxError("无法读取 Excel 文件：" + reason); }

[[noreturn]] void Refuse(const std::string& message) { throw XlsxError(message); }

// Excel's own limit on the characters of a cell; a longer text was not saved by Excel or WPS.
constexpr std::size_t kMaxCellChars = 32767;

bool TooLongForACell(const std::string& text) {
    if (text.size() <= kMaxCellChars) return false;  // bytes ≥ characters
    std::size_t chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return chars > kMaxCellChars;
}

// 250000 → "250,000".
std::string GroupedCount(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) digits.insert(static_cast<std::size_t>(pos), ",");
    return digits;
}

constexpr const char* kSaveAsXlsx =
    "请在 Excel 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”（WPS：“文件 → 另存为”，"
    "文件类型选“Microsoft Excel 文件 (*.xlsx)”），再导入另存的 .xlsx 文件。";

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};

class ZipArchive {
public:
    explicit ZipArchive(std::string_view bytes) {
        if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
            Refuse(std::string("这是旧版 Excel 97-2003 工作簿（.xls），或设了打开密码的工作簿，领雁只读取 .xlsx。") +
                   kSaveAsXlsx + "如设有打开密码，请先取消密码。");
        }
        // Many systems' "导出 Excel" send an HTML table or tab-separated text named .xls.
        std::string_view head = bytes.substr(0, 512);
        if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
        while (!head.empty() && (head.front() == ' ' || head.front() == '\r' || head.front() == '\n' || head.front() == '\t'))
            head.remove_prefix(1);
        if (head.starts_with("<")) {
            Refuse(std::string("这是网页（HTML）格式的表格，只是扩展名为 .xls 或 .xlsx，不是 Excel 工作簿。") + kSaveAsXlsx);
        }
        if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
            Corrupt("文件不是 .xlsx 格式（不是 zip 压缩包）");
        }
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (!source) {
            zip_error_fini(&error);
            Corrupt("无法打开压缩包");
        }
        zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive) {
            zip_source_free(source);
            const std::string reason = zip_error_strerror(&error);
            zip_error_fini(&error);
            Corrupt("压缩包已损坏（" + reason + "）");
        }
        zip_error_fini(&error);
        archive_.reset(archive);
    }

    bool Has(const std::string& name) const { return Locate(name) >= 0; }

    // The unzipped entry, or nullopt when there is no such entry. Throws on corrupt data.
    std::optional<std::string> Read(const std::string& name) const {
        const zip_int64_t index = Locate(name);
        if (index < 0) return std::nullopt;
        zip_stat_t stat;
        zip_stat_init(&stat);
        std::string data;
        if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
            (stat.valid & ZIP_STAT_SIZE)) {
            if (stat.size > kMaxInflatedBytes - inflated_) TooLarge();
            data.reserve(static_cast<std::size_t>(stat.size));
        }
        zip_file_t* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
        if (!file) Corrupt("无法解压 " + name);
        char buf[1 << 16];
        while (true) {
            const zip_int64_t got = zip_fread(file, buf, sizeof buf);
            if (got < 0) {
                zip_fclose(file);
                Corrupt(name + " 数据损坏");
            }
            if (got == 0) break;
            data.append(buf, static_cast<std::size_t>(got));
            if (data.size() > kMaxInflatedBytes - inflated_) {
                zip_fclose(file);
                TooLarge();
            }
        }
        if (zip_fclose(file) != 0) Corrupt(name + " 数据损坏（校验失败）");
        inflated_ += data.size();
        return data;
    }

private:
    zip_int64_t Locate(const std::string& name) const {
        zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
        if (index < 0) index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
        return index;
    }

    [[noreturn]] static void TooLarge() {
        Refuse("文件解压后超过 256 MiB（上限），请拆分成几个文件分批导入。");
    }

    std::unique_ptr<zip_t, ZipCloser> archive_;
    mutable std::size_t inflated_ = 0;  // bytes unzipped so far from all parts
};

std::string_view LocalName(const char* name) {
    std::string_view view(name);
    const std::size_t colon = view.rfind(':');
    return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element && LocalName(child.name()) == local) return child;
    }
    return {};
}

template <typename Fn>
void ForChildren(pugi::xml_node node, std::string_view local, Fn&& fn) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element && LocalName(child.name()) == local) fn(child);
    }
}

pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_attribute attr : node.attributes()) {
        if (LocalName(attr.name()) == local) return attr;
    }
    return {};
}

pugi::xml_node DocumentRoot(const pugi::xml_document& doc) {
    for (pugi::xml_node child : doc.children()) {
        if (child.type() == pugi::node_element) return child;
    }
    return {};
}

void LoadXml(pugi::xml_document& doc, std::string& text, const std::string& part) {
    const pugi::xml_parse_result result = doc.load_buffer_inplace(text.data(), text.size());
    if (!result) Corrupt(part + " 不是有效的 XML");
}

// Resolves a relationship target against the folder of the part that owns the relationship.
std::string ResolvePart(std::string_view base_dir, std::string_view target) {
    std::string path =
        target.starts_with('/') ? std::string(target.substr(1)) : std::string(base_dir) + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        const std::string segment = path.substr(start, slash - start);
        if (segment == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!segment.empty() && segment != ".") {
            parts.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const std::string& segment : parts) {
        if (!out.empty()) out.push_back('/');
        out += segment;
    }
    return out;
}

std::string DirectoryOf(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string RelsPathFor(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    const std::string dir = slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
    const std::string file = std::string(slash == std::string_view::npos ? part : part.substr(slash + 1));
    return dir + "_rels/" + file + ".rels";
}

struct Relationship {
    std::string type;  // last segment of the Type URI, e.g. "worksheet"
    std::string target;
};

std::unordered_map<std::string, Relationship> ReadRelationships(const ZipArchive& zip, std::string_view part) {
    std::unordered_map<std::string, Relationship> rels;
    std::optional<std::string> text = zip.Read(RelsPathFor(part));
    if (!text) return rels;
    pugi::xml_document doc;
    LoadXml(doc, *text, RelsPathFor(part));
    const std::string base = DirectoryOf(part);
    ForChildren(DocumentRoot(doc), "Relationship", [&](pugi::xml_node rel) {
        std::string_view type = Attr(rel, "Type").value();
        const std::size_t slash = type.rfind('/');
        if (slash != std::string_view::npos) type = type.substr(slash + 1);
        std::string_view target = Attr(rel, "Target").value();
        if (std::string_view(Attr(rel, "TargetMode").value()) == "External") return;
        rels[Attr(rel, "Id").value()] = Relationship{std::string(type), ResolvePart(base, target)};
    });
    return rels;
}

bool IsBuiltinDateFormat(int id) {
    // 14–22 are the international date/time formats; 27–36 and 50–58 the CJK (zh-CN: 年月日)
    // ones; 45–47 times; 71–81 Thai dates.
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) ||
           (id >= 71 && id <= 81);
}

bool IsDateFormatCode(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) return false;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is a literal / padding
        } else if (c == '[') {
            const std::size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos) return false;
            const std::string_view inner = code.substr(i + 1, end - i - 1);
            // [h], [mm], [ss]: elapsed time. Other brackets are colours, locales, conditions.
            if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' || inner[0] == 'M' ||
                                   inner[0] == 's' || inner[0] == 'S')) {
                return true;
            }
            i = end;
        } else {
            switch (c) {
                case 'y':
                case 'Y':
                case 'm':
                case 'M':
                case 'd':
                case 'D':
                case 'h':
                case 'H':
                case 's':
                case 'S':
                    return true;
                default:
                    break;
            }
        }
    }
    return false;
}

std::string FormatNumber(double value) {
    char buf[64];
    std::to_chars_result result;
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15) {
        result = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    } else {
        result = std::to_chars(buf, buf + sizeof buf, value);
    }
    return std::string(buf, result.ptr);
}

std::string FormatDateTime(CivilDate date, double serial) {
    std::string text = FormatIsoDate(date);
    const double fraction = serial - std::floor(serial);
    auto seconds = static_cast<long>(std::lround(fraction * 86400.0));
    if (seconds > 0 && seconds < 86400) {
        char buf[16];
        std::snprintf(buf, sizeof buf, " %02ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
        text += buf;
    }
    return text;
}

// True for an integer written out in full ("320482198506155016", "-12"), which the reader keeps
// as written: the shortest double form would hide whether the producer kept every digit.
bool IsPlainInteger(std::string_view text) {
    if (text.starts_with('-')) text.remove_prefix(1);
    if (text.empty() || text.size() > 30 || (text.size() > 1 && text[0] == '0')) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

struct MergedRange {
    std::uint32_t first_row = 0, last_row = 0, first_column = 0, last_column = 0;
};

// A merged range at most this many cells is filled; larger ones (a whole column merged by
// accident, or a hostile file) are left as Excel stores them, top-left only.
constexpr std::uint64_t kMaxMergedCells = 1u << 16;

bool ParseUint(std::string_view text, std::uint32_t& out);

// The <mergeCell ref="H2:H5"/> elements after <sheetData>, sorted by first row.
std::vector<MergedRange> FindMergedRanges(std::string_view xml) {
    std::vector<MergedRange> ranges;
    std::size_t pos = xml.rfind("sheetData>");
    if (pos == std::string_view::npos) pos = xml.rfind("sheetData/>");
    if (pos == std::string_view::npos) return ranges;
    while ((pos = xml.find("mergeCell", pos)) != std::string_view::npos) {
        pos += 9;
        if (pos >= xml.size() || !(xml[pos] == ' ' || xml[pos] == '\t' || xml[pos] == '\n' || xml[pos] == '\r')) continue;
        const std::size_t end = xml.find('>', pos);
        if (end == std::string_view::npos) break;
        const std::string_view tag = xml.substr(pos, end - pos);
        const std::size_t ref = tag.find("ref=");
        if (ref == std::string_view::npos || ref + 5 >= tag.size()) continue;
        const char quote = tag[ref + 4];
        const std::size_t close = tag.find(quote, ref + 5);
        if (close == std::string_view::npos) continue;
        const std::string_view value = tag.substr(ref + 5, close - ref - 5);
        const std::size_t colon = value.find(':');
        if (colon == std::string_view::npos) continue;
        MergedRange range;
        if (!ParseCellReference(value.substr(0, colon), range.first_column, range.first_row) ||
            !ParseCellReference(value.substr(colon + 1), range.last_column, range.last_row) ||
            range.last_row < range.first_row || range.last_column < range.first_column) {
            continue;
        }
        const std::uint64_t cells = std::uint64_t{range.last_row - range.first_row + 1} *
                                    (range.last_column - range.first_column + 1);
        if (cells > 1 && cells <= kMaxMergedCells) ranges.push_back(range);
        pos = end;
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const MergedRange& a, const MergedRange& b) { return a.first_row < b.first_row; });
    return ranges;
}

bool ParseUint(std::string_view text, std::uint32_t& out) {
    const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// Reads text content up to the end tag closing the element whose start was just read.
void ReadElementText(XmlScanner& scanner, std::string& out) {
    int depth = 1;
    XmlToken token;
    while (depth > 0 && scanner.Next(token)) {
        if (token.kind == XmlTokenKind::kText) {
            if (token.cdata)
                out.append(token.text);
            else
                AppendXmlText(token.text, out);
        } else if (token.kind == XmlTokenKind::kStart) {
            if (!token.self_closing) ++depth;
        } else {
            --depth;
        }
    }
}

// Reads a rich or plain string body (<si> or <is>) up to its end tag: the text of every <t>,
// at any depth (runs: <r><rPr/><t>…</t></r>), except phonetic guides (<rPh>), which are
// annotations and not part of the value. Iterative, so hostile nesting cannot exhaust the stack.
void ReadStringItem(XmlScanner& scanner, std::string& out) {
    int depth = 1;
    XmlToken token;
    while (depth > 0 && scanner.Next(token)) {
        if (token.kind == XmlTokenKind::kEnd) {
            --depth;
        } else if (token.kind == XmlTokenKind::kStart && !token.self_closing) {
            if (token.name == "t") {
                ReadElementText(scanner, out);
            } else if (token.name == "rPh" || token.name == "phoneticPr" || token.name == "rPr" ||
                       token.name == "extLst") {
                scanner.SkipElement();
            } else {
                ++depth;  // <r> and anything unknown: look inside
            }
        }
    }
}

}  // namespace

bool ParseCellReference(std::string_view ref, std::uint32_t& column, std::uint32_t& row) {
    std::size_t i = 0;
    std::uint32_t col = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    const std::size_t letters_start = i;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        const char upper = static_cast<char>(ref[i] & ~0x20);
        col = col * 26 + static_cast<std::uint32_t>(upper - 'A' + 1);
        if (col > kMaxColumns) return false;
        ++i;
    }
    if (i == letters_start) return false;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::uint32_t number = 0;
    if (!ParseUint(ref.substr(i), number) || number == 0 || number > kMaxRows) return false;
    column = col - 1;
    row = number;
    return true;
}

std::string ColumnName(std::uint32_t column) {
    std::string name;
    std::uint64_t n = std::uint64_t{column} + 1;
    while (n > 0) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return name;
}

const Cell* Row::Find(std::uint32_t column) const {
    for (const Cell& cell : cells) {
        if (cell.column == column) return &cell;
    }
    return nullptr;
}

struct Workbook::Impl {
    explicit Impl(std::string_view bytes) : zip(bytes) {}

    ZipArchive zip;
    std::vector<SheetInfo> sheets;
    std::vector<std::string> shared_strings;
    std::vector<bool> xf_is_date;  // by cell style index (the s attribute)
    bool date1904 = false;

    void LoadStyles(const std::string& part);
    void LoadSharedStrings(const std::string& part);
    void ScanSheet(std::size_t sheet_index, const std::function<bool(const Row&)>& on_row,
                   const ScanProgress& progress, ReadOptions options) const;
    bool ReadCell(XmlScanner& scanner, const XmlToken& start, Cell& cell, std::string& scratch) const;
};

void Workbook::Impl::LoadStyles(const std::string& part) {
    std::optional<std::string> text = zip.Read(part);
    if (!text) return;
    pugi::xml_document doc;
    LoadXml(doc, *text, part);
    const pugi::xml_node root = DocumentRoot(doc);
    std::unordered_map<int, bool> custom;
    ForChildren(Child(root, "numFmts"), "numFmt", [&](pugi::xml_node fmt) {
        custom[Attr(fmt, "numFmtId").as_int(-1)] = IsDateFormatCode(Attr(fmt, "formatCode").value());
    });
    ForChildren(Child(root, "cellXfs"), "xf", [&](pugi::xml_node xf) {
        const int id = Attr(xf, "numFmtId").as_int(0);
        const auto found = custom.find(id);
        xf_is_date.push_back(found != custom.end() ? found->second : IsBuiltinDateFormat(id));
    });
}

void Workbook::Impl::LoadSharedStrings(const std::string& part) {
    std::optional<std::string> text = zip.Read(part);
    if (!text) return;
    XmlScanner scanner(*text, part);
    XmlToken token;
    while (scanner.Next(token)) {
        if (token.kind != XmlTokenKind::kStart) continue;
        if (token.name == "sst") {
            bool found = false;
            const std::string_view count = FindAttr(token.attrs, "uniqueCount", &found);
            std::uint32_t n = 0;
            // The count is only a hint; cap it so a lying header cannot allocate gigabytes.
            if (found && ParseUint(count, n)) shared_strings.reserve(std::min<std::uint32_t>(n, 1u << 22));
        } else if (token.name == "si") {
            std::string& item = shared_strings.emplace_back();
            if (!token.self_closing) ReadStringItem(scanner, item);
            detail::DecodeOoxmlEscapes(item);
            if (TooLongForACell(item)) {
                Refuse("共享字符串第 " + std::to_string(shared_strings.size()) + " 条超过 32,767 个字符（Excel 单元格的上限），"
                       "文件不是 Excel 正常保存的工作簿。");
            }
        }
    }
}

bool Workbook::Impl::ReadCell(XmlScanner& scanner, const XmlToken& start, Cell& cell, std::string& scratch) const {
    const std::string_view type = FindAttr(start.attrs, "t");
    std::uint32_t style = 0;
    const bool has_style = ParseUint(FindAttr(start.attrs, "s"), style);
    if (start.self_closing) return false;
    scratch.clear();
    cell.text.clear();
    bool has_value = false;
    bool has_inline = false;
    XmlToken token;
    while (scanner.Next(token)) {
        if (token.kind == XmlTokenKind::kEnd) break;  // </c>
        if (token.kind != XmlTokenKind::kStart || token.self_closing) continue;
        if (token.name == "v") {
            has_value = true;
            ReadElementText(scanner, scratch);
        } else if (token.name == "is") {
            has_inline = true;
            ReadStringItem(scanner, cell.text);
        } else {
            scanner.SkipElement();  // <f>, <extLst> …
        }
    }
    if (type == "inlineStr") {
        if (!has_inline) cell.text = scratch;
        detail::DecodeOoxmlEscapes(cell.text);
        cell.type = CellType::kString;
        return !cell.text.empty();
    }
    if (!has_value) return false;
    if (type == "s") {
        std::uint32_t index = 0;
        if (!ParseUint(scratch, index) || index >= shared_strings.size()) {
            Corrupt("共享字符串索引 " + scratch + " 越界");
        }
        cell.type = CellType::kString;
        cell.text = shared_strings[index];
        return !cell.text.empty();
    }
    if (type == "str") {
        cell.type = CellType::kString;
        cell.text = scratch;
        detail::DecodeOoxmlEscapes(cell.text);
        return !cell.text.empty();
    }
    if (type == "b") {
        cell.type = CellType::kBoolean;
        cell.number = scratch == "1" || scratch == "true" ? 1 : 0;
        cell.text = cell.number != 0 ? "TRUE" : "FALSE";
        return true;
    }
    if (type == "e") {
        cell.type = CellType::kError;
        cell.text = scratch;
        return true;
    }
    if (type == "d") {  // ISO 8601 date, rare (Strict files)
        const std::optional<CivilDate> date = ParseIsoDate(std::string_view(scratch).substr(0, 10));
        cell.type = date ? CellType::kDate : CellType::kString;
        cell.text = date ? FormatIsoDate(*date) : scratch;
        cell.number = date ? ExcelSerialFromDate(*date, date1904) : 0;
        return !cell.text.empty();
    }
    // A number (t="n" or no type).
    double value = 0;
    const char* first = scratch.data();
    const char* last = first + scratch.size();
    while (first < last && (*first == ' ' || *first == '\t' || *first == '\n' || *first == '\r')) ++first;
    while (last > first && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\n' || last[-1] == '\r')) --last;
    if (first == last) return false;
    const auto parsed = std::from_chars(first, last, value);
    if (parsed.ec != std::errc() || parsed.ptr != last) {
        cell.type = CellType::kString;  // not a number after all: keep what was written
        cell.text = scratch;
        return true;
    }
    cell.number = value;
    if (has_style && style < xf_is_date.size() && xf_is_date[style]) {
        if (const std::optional<CivilDate> date = DateFromExcelSerial(value, date1904)) {
            cell.type = CellType::kDate;
            cell.text = FormatDateTime(*date, value);
            return true;
        }
    }
    cell.type = CellType::kNumber;
    const std::string_view written(first, static_cast<std::size_t>(last - first));
    if (IsPlainInteger(written)) {
        cell.text = std::string(written);
    } else if (std::fabs(value) >= 1e15) {
        // Shortest digits in scientific form: fixed notation would spell out the double's binary
        // value ("320681198506150016") as if those digits had been written.
        char buf[64];
        const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
        cell.text.assign(buf, result.ptr);
    } else {
        cell.text = FormatNumber(value);
    }
    return true;
}

// Fills the blank cells of merged ranges in `row` from their top-left cells. `ranges` are sorted
// by first row; `next` is the first range not yet started, `active` the ranges that have started
// and not ended, with their top-left cells (if any).
struct MergeFill {
    std::vector<MergedRange> ranges;
    std::size_t next = 0;
    std::vector<std::pair<MergedRange, std::optional<Cell>>> active;

    void Apply(Row& row) {
        std::erase_if(active, [&](const auto& entry) { return entry.first.last_row < row.number; });
        while (next < ranges.size() && ranges[next].first_row <= row.number) {
            const MergedRange& range = ranges[next++];
            if (range.last_row < row.number) continue;  // its top row had no cell at all
            std::optional<Cell> top_left;
            if (range.first_row == row.number) {
                if (const Cell* cell = row.Find(range.first_column)) top_left = *cell;
            }
            active.emplace_back(range, std::move(top_left));
        }
        bool added = false;
        for (const auto& [range, top_left] : active) {
            if (!top_left) continue;
            for (std::uint32_t column = range.first_column; column <= range.last_column; ++column) {
                if (row.number == range.first_row && column == range.first_column) continue;
                if (row.Find(column)) continue;
                Cell copy = *top_left;
                copy.column = column;
                copy.merged_from_row = range.first_row;
                row.cells.push_back(std::move(copy));
                added = true;
            }
        }
        if (added) {
            std::sort(row.cells.begin(), row.cells.end(),
                      [](const Cell& a, const Cell& b) { return a.column < b.column; });
        }
    }
};

void Workbook::Impl::ScanSheet(std::size_t sheet_index, const std::function<bool(const Row&)>& on_row,
                               const ScanProgress& progress, ReadOptions options) const {
    if (sheet_index >= sheets.size()) throw std::out_of_range("xlsx: sheet index out of range");
    const SheetInfo& sheet = sheets[sheet_index];
    std::optional<std::string> xml = zip.Read(sheet.part);
    if (!xml) Corrupt("缺少工作表“" + sheet.name + "”的内容（" + sheet.part + "）");
    MergeFill merges;
    if (options.fill_merged_cells) merges.ranges = FindMergedRanges(*xml);
    XmlScanner scanner(*xml, sheet.part);
    XmlToken token;
    Row row;
    std::string scratch;
    Cell cell;
    bool in_sheet_data = false;
    std::uint32_t next_row = 1;
    std::size_t next_report = kProgressStep;
    std::size_t rows_read = 0;
    while (scanner.Next(token)) {
        if (token.kind == XmlTokenKind::kEnd) {
            if (token.name == "sheetData") break;
            continue;
        }
        if (token.kind != XmlTokenKind::kStart) continue;
        if (token.name == "sheetData") {
            if (token.self_closing) break;
            in_sheet_data = true;
            continue;
        }
        if (!in_sheet_data || token.name != "row") continue;
        std::uint32_t number = 0;
        if (!ParseUint(FindAttr(token.attrs, "r"), number) || number == 0 || number > kMaxRows) number = next_row;
        next_row = number + 1;
        if (token.self_closing) continue;
        row.number = number;
        row.cells.clear();
        std::uint32_t next_column = 0;
        while (scanner.Next(token)) {
            if (token.kind == XmlTokenKind::kEnd) break;  // </row>
            if (token.kind != XmlTokenKind::kStart) continue;
            if (token.name != "c") {
                if (!token.self_closing) scanner.SkipElement();
                continue;
            }
            std::uint32_t column = 0;
            std::uint32_t ref_row = 0;
            if (!ParseCellReference(FindAttr(token.attrs, "r"), column, ref_row)) column = next_column;
            next_column = column + 1;
            if (ReadCell(scanner, token, cell, scratch)) {
                if (TooLongForACell(cell.text)) {
                    Refuse("第 " + std::to_string(number) + " 行 " + ColumnName(column) +
                           " 列的单元格超过 32,767 个字符（Excel 单元格的上限）。");
                }
                cell.column = column;
                row.cells.push_back(std::move(cell));
                cell = Cell{};
            }
        }
        if (!merges.ranges.empty()) merges.Apply(row);
        if (!row.cells.empty() && ++rows_read > options.max_rows) {
            Refuse("工作表超过 " + GroupedCount(options.max_rows) + " 行（上限），请拆分成几个文件分批导入。");
        }
        if (!row.cells.empty() && !on_row(row)) return;
        if (progress && scanner.position() >= next_report) {
            progress(scanner.position(), scanner.size());
            next_report = scanner.position() + kProgressStep;
        }
    }
    if (progress) progress(scanner.size(), scanner.size());
}

Workbook::Workbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

Workbook Workbook::Open(std::string_view bytes) {
    auto impl = std::make_unique<Impl>(bytes);
    // The workbook part is named by the package relationships; xl/workbook.xml by convention.
    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, rel] : ReadRelationships(impl->zip, "")) {
        if (rel.type == "officeDocument") workbook_part = rel.target;
    }
    std::optional<std::string> workbook_xml = impl->zip.Read(workbook_part);
    if (!workbook_xml) {
        Corrupt("缺少 " + workbook_part + "，这不是 Excel 工作簿");
    }
    pugi::xml_document doc;
    LoadXml(doc, *workbook_xml, workbook_part);
    const pugi::xml_node root = DocumentRoot(doc);
    const std::string_view date1904 = Attr(Child(root, "workbookPr"), "date1904").value();
    impl->date1904 = date1904 == "1" || date1904 == "true";

    const auto rels = ReadRelationships(impl->zip, workbook_part);
    std::string shared_strings_part = DirectoryOf(workbook_part) + "sharedStrings.xml";
    std::string styles_part = DirectoryOf(workbook_part) + "styles.xml";
    for (const auto& [id, rel] : rels) {
        if (rel.type == "sharedStrings") shared_strings_part = rel.target;
        if (rel.type == "styles") styles_part = rel.target;
    }
    ForChildren(Child(root, "sheets"), "sheet", [&](pugi::xml_node sheet) {
        const auto rel = rels.find(Attr(sheet, "id").value());
        if (rel == rels.end() || rel->second.type != "worksheet") return;  // chart sheets, dialogs …
        const std::string_view state = Attr(sheet, "state").value();
        impl->sheets.push_back(
            SheetInfo{Attr(sheet, "name").value(), rel->second.target, state == "hidden" || state == "veryHidden"});
    });
    if (impl->sheets.empty()) Corrupt("工作簿中没有工作表");
    impl->LoadStyles(styles_part);
    impl->LoadSharedStrings(shared_strings_part);
    return Workbook(std::move(impl));
}

const std::vector<SheetInfo>& Workbook::sheets() const { return impl_->sheets; }

int Workbook::FindSheet(std::string_view name) const {
    for (std::size_t i = 0; i < impl_->sheets.size(); ++i) {
        if (impl_->sheets[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

bool Workbook::date1904() const { return impl_->date1904; }

void Workbook::ForEachRow(std::size_t sheet_index, const std::function<bool(const Row&)>& on_row,
                          const ScanProgress& progress, ReadOptions options) const {
    impl_->ScanSheet(sheet_index, on_row, progress, options);
}

std::vector<Row> Workbook::ReadRows(std::size_t sheet_index) const {
    std::vector<Row> rows;
    ForEachRow(sheet_index, [&](const Row& row) {
        rows.push_back(row);
        return true;
    });
    return rows;
}

}  // namespace lingyan::exchange::xlsx
