#include "exchange/roster/roster_import.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/text/csv.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/roster/roster_format.hpp"
#include "exchange/xlsx/reader.hpp"

namespace lingyan::exchange::roster {

namespace {

using core::roster::Gender;

// Title rows ("XX镇村干部名册") may sit above the header; look this far for it.
constexpr std::size_t kMaxRowsBeforeHeader = 10;
constexpr std::size_t kMaxNameLength = 30;
constexpr std::size_t kMaxTitleLength = 30;

enum class ValueKind { kText, kNumber, kDate, kBool, kError };

struct FieldValue {
    std::string_view text;  // trimmed
    ValueKind kind = ValueKind::kText;
    bool present() const { return !text.empty(); }
};

struct RawCell {
    std::uint32_t column = 0;
    FieldValue value;
};

// Other headers people write for the same column.
struct Alias {
    std::string_view header;
    RosterColumn column;
};
constexpr Alias kAliases[] = {
    {"出生年月", RosterColumn::kBirthDate},
    {"出生年月日", RosterColumn::kBirthDate},
    {"文化程度", RosterColumn::kEducation},
    {"入党时间", RosterColumn::kPartyJoinDate},
    {"身份证号码", RosterColumn::kIdNumber},
    {"公民身份号码", RosterColumn::kIdNumber},
    {"手机", RosterColumn::kPhone},
    {"手机号码", RosterColumn::kPhone},
    {"联系电话", RosterColumn::kPhone},
    {"区划代码", RosterColumn::kUnitCode},
    {"现任职务", RosterColumn::kTitle},
    {"任职时间", RosterColumn::kStartDate},
    {"是否后备干部", RosterColumn::kReserveCadre},
};

std::string_view NormalizeHeader(std::string_view text) {
    text = TrimText(text);
    for (std::string_view mark : {"*", "＊"}) {
        if (text.starts_with(mark)) text.remove_prefix(mark.size());
        if (text.ends_with(mark)) text.remove_suffix(mark.size());
    }
    for (std::string_view note : {"（必填）", "(必填)", "（选填）", "(选填)"}) {
        if (text.ends_with(note)) text.remove_suffix(note.size());
    }
    return TrimText(text);
}

std::optional<RosterColumn> ColumnForHeader(std::string_view text) {
    text = NormalizeHeader(text);
    for (const RosterColumnSpec& spec : kRosterColumns) {
        if (spec.header == text) return spec.column;
    }
    for (const Alias& alias : kAliases) {
        if (alias.header == text) return alias.column;
    }
    return std::nullopt;
}

std::string Header(RosterColumn column) { return std::string(RosterColumnInfo(column).header); }

// A valid ID number is determined by its first 17 digits (the 18th is their check character),
// which fit in 64 bits: hashing that beats hashing the string (it showed in import profiles).
std::uint64_t IdKey(std::string_view id) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 17; ++i) key = key * 10 + static_cast<std::uint64_t>(id[i] - '0');
    return key;
}

std::string DateFormatHint() { return "，应为 YYYY-MM-DD（如 1985-06-15）、YYYY/M/D 或 Excel 日期"; }

// Turns raw rows into RosterRows and RowErrors. Feed it every non-empty row in order.
class RosterBuilder {
public:
    explicit RosterBuilder(RosterParse& out, std::size_t expected_rows = 0) : out_(out) {
        id_rows_.reserve(expected_rows);
    }

    // Returns false when parsing cannot go on (no header, missing columns).
    bool OnRow(std::uint32_t row_number, const std::vector<RawCell>& cells) {
        if (!header_found_) return OnHeaderCandidate(row_number, cells);
        ++data_rows_;
        std::array<FieldValue, kRosterColumnCount> fields{};
        bool any = false;
        for (const RawCell& cell : cells) {
            const auto mapped = column_map_.find(cell.column);
            if (mapped == column_map_.end() || !cell.value.present()) continue;
            fields[static_cast<std::size_t>(mapped->second)] = cell.value;
            any = true;
        }
        if (any) ParseDataRow(row_number, fields);
        return true;
    }

    void Finish() {
        if (!header_found_) {
            if (stopped_) return;
            Error(0, "", "文件中没有数据：第一行应为表头（姓名、性别、出生日期、学历、单位代码等）");
            return;
        }
        if (out_.rows.empty() && out_.errors.empty()) Error(0, "", "文件中只有表头，没有数据行");
    }

    std::size_t data_rows() const { return data_rows_; }

private:
    void Error(std::uint32_t row, std::string field, std::string message) {
        out_.errors.push_back(RowError{out_.sheet, row, std::move(field), std::move(message)});
    }

    bool OnHeaderCandidate(std::uint32_t row_number, const std::vector<RawCell>& cells) {
        if (first_row_ == 0) first_row_ = row_number;
        std::size_t known = 0;
        for (const RawCell& cell : cells) {
            if (ColumnForHeader(cell.value.text)) ++known;
        }
        if (known < 2) {
            if (++rows_before_header_ >= kMaxRowsBeforeHeader || cells.size() >= 3) {
                // A wide row that names no column is data without a header, not a title.
                Error(first_row_, "",
                      "未找到表头行：第一行应为列名（姓名、性别、出生日期、学历、单位代码等），请使用导入模板");
                stopped_ = true;
                return false;
            }
            return true;
        }
        header_found_ = true;
        out_.header_row = row_number;
        std::array<bool, kRosterColumnCount> seen{};
        for (const RawCell& cell : cells) {
            const std::optional<RosterColumn> column = ColumnForHeader(cell.value.text);
            if (!column) continue;  // extra columns (序号, 单位名称, 备注 …) are ignored
            const auto idx = static_cast<std::size_t>(*column);
            if (seen[idx]) {
                Error(row_number, Header(*column), "列“" + Header(*column) + "”出现了两次，请删除重复的列");
                stopped_ = true;
                continue;
            }
            seen[idx] = true;
            column_map_[cell.column] = *column;
        }
        for (const RosterColumnSpec& spec : kRosterColumns) {
            if (spec.required && !seen[static_cast<std::size_t>(spec.column)]) {
                Error(row_number, std::string(spec.header), "缺少必填列“" + std::string(spec.header) + "”");
                stopped_ = true;
            }
        }
        return !stopped_;
    }

    std::optional<CivilDate> ReadDate(std::uint32_t row_number, RosterColumn column, const FieldValue& value,
                                      bool& row_ok) {
        std::optional<CivilDate> date;
        if (value.kind == ValueKind::kDate) {
            date = xlsx::ParseIsoDate(value.text.substr(0, 10));
        } else if (value.kind != ValueKind::kBool) {
            date = ParseLooseDate(value.text);
        }
        if (!date || date->year < 1900 || date->year > 2100) {
            Error(row_number, Header(column),
                  Header(column) + "“" + std::string(value.text) + "”不是有效日期" + DateFormatHint());
            row_ok = false;
            return std::nullopt;
        }
        return date;
    }

    void ParseDataRow(std::uint32_t row_number, const std::array<FieldValue, kRosterColumnCount>& fields) {
        auto field = [&](RosterColumn column) -> const FieldValue& { return fields[static_cast<std::size_t>(column)]; };
        bool row_ok = true;
        auto fail = [&](RosterColumn column, std::string message) {
            Error(row_number, Header(column), std::move(message));
            row_ok = false;
        };
        auto require = [&](RosterColumn column) {
            if (field(column).present()) return true;
            fail(column, Header(column) + "不能为空");
            return false;
        };
        for (const FieldValue& value : fields) {
            if (!IsValidUtf8(value.text)) {
                Error(row_number, "", "该行含有无法识别的字符（文件编码不是 UTF-8？）");
                return;
            }
        }

        bool formula_errors = false;
        for (std::size_t idx = 0; idx < fields.size(); ++idx) {
            if (fields[idx].kind != ValueKind::kError) continue;
            const auto column = static_cast<RosterColumn>(idx);
            fail(column,
                 Header(column) + "是 Excel 错误值“" + std::string(fields[idx].text) + "”，请检查公式或改为直接填写");
            formula_errors = true;
        }
        if (formula_errors) return;

        RosterRow result;
        result.row = row_number;
        core::roster::Person& person = result.person;

        if (require(RosterColumn::kName)) {
            const std::string_view name = field(RosterColumn::kName).text;
            if (Utf8Length(name) > kMaxNameLength) {
                fail(RosterColumn::kName, "姓名过长（不超过" + std::to_string(kMaxNameLength) + "个字）");
            } else if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                fail(RosterColumn::kName, "姓名“" + std::string(name) + "”中不应含有数字");
            } else {
                person.name = name;
            }
        }

        bool gender_known = false;
        if (require(RosterColumn::kGender)) {
            const std::string_view gender = field(RosterColumn::kGender).text;
            if (gender == "男" || gender == "男性") {
                person.gender = Gender::kMale;
                gender_known = true;
            } else if (gender == "女" || gender == "女性") {
                person.gender = Gender::kFemale;
                gender_known = true;
            } else {
                fail(RosterColumn::kGender, "性别“" + std::string(gender) + "”无效，应为“男”或“女”");
            }
        }

        std::optional<CivilDate> birth;
        if (require(RosterColumn::kBirthDate)) {
            birth = ReadDate(row_number, RosterColumn::kBirthDate, field(RosterColumn::kBirthDate), row_ok);
            if (birth) person.birth_date = xlsx::FormatIsoDate(*birth);
        }

        if (require(RosterColumn::kEducation)) {
            const std::string_view text = field(RosterColumn::kEducation).text;
            if (const auto education = ParseEducation(text)) {
                person.education = *education;
            } else {
                fail(RosterColumn::kEducation,
                     "学历“" + std::string(text) + "”无效，应为 初中及以下、高中、中专、大专、本科 或 研究生");
            }
        }

        if (const FieldValue& value = field(RosterColumn::kPartyJoinDate); value.present()) {
            if (const auto joined = ReadDate(row_number, RosterColumn::kPartyJoinDate, value, row_ok)) {
                if (birth && *joined <= *birth) {
                    fail(RosterColumn::kPartyJoinDate, "入党日期应晚于出生日期");
                } else {
                    person.party_join_date = xlsx::FormatIsoDate(*joined);
                }
            }
        }

        if (const FieldValue& value = field(RosterColumn::kIdNumber); value.present()) {
            std::string id(value.text);
            if (!id.empty() && id.back() == 'x') id.back() = 'X';
            CivilDate id_birth;
            Gender id_gender = Gender::kMale;
            const bool scientific =
                value.kind == ValueKind::kNumber && (id.find_first_of(".eE") != std::string::npos || id.size() > 15);
            const IdNumberProblem problem =
                scientific ? IdNumberProblem::kLength : CheckIdNumber(id, &id_birth, &id_gender);
            switch (problem) {
                case IdNumberProblem::kNone:
                    if (birth && *birth != id_birth) {
                        fail(RosterColumn::kIdNumber, "身份证号中的出生日期（" + xlsx::FormatIsoDate(id_birth) +
                                                          "）与出生日期（" + person.birth_date + "）不一致");
                    } else if (gender_known && person.gender != id_gender) {
                        fail(RosterColumn::kIdNumber, std::string("身份证号显示性别为") +
                                                          std::string(GenderLabel(id_gender)) + "，与性别列不一致");
                    } else if (const auto [it, inserted] = id_rows_.emplace(IdKey(id), row_number); !inserted) {
                        fail(RosterColumn::kIdNumber,
                             "身份证号与第" + std::to_string(it->second) + "行重复，同一人只能出现一次");
                    } else {
                        person.id_number = id;
                    }
                    break;
                case IdNumberProblem::kLength:
                    if (scientific) {
                        fail(RosterColumn::kIdNumber,
                             "身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写");
                    } else {
                        fail(RosterColumn::kIdNumber,
                             "身份证号应为18位（现为" + std::to_string(Utf8Length(id)) + "位）");
                    }
                    break;
                case IdNumberProblem::kCharacters:
                    fail(RosterColumn::kIdNumber, "身份证号只能由数字组成，末位可为 X");
                    break;
                case IdNumberProblem::kMasked:
                    fail(RosterColumn::kIdNumber, "身份证号已脱敏（含 *），请填写完整号码或留空");
                    break;
                case IdNumberProblem::kBirthDate:
                    fail(RosterColumn::kIdNumber, "身份证号第7–14位不是有效的出生日期");
                    break;
                case IdNumberProblem::kCheckDigit:
                    fail(RosterColumn::kIdNumber, "身份证号校验位错误，请核对号码");
                    break;
            }
        }

        if (const FieldValue& value = field(RosterColumn::kPhone); value.present()) {
            if (auto phone = NormalizeMobile(value.text)) {
                person.phone = std::move(*phone);
            } else {
                fail(RosterColumn::kPhone, "手机号“" + std::string(value.text) + "”无效，应为以1开头的11位数字");
            }
        }

        if (require(RosterColumn::kUnitCode)) {
            const std::string_view code = field(RosterColumn::kUnitCode).text;
            if (code.size() != 12 ||
                !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                fail(RosterColumn::kUnitCode, "单位代码“" + std::string(code) + "”无效，应为12位数字的统计用区划代码");
            } else {
                result.unit_code = code;
            }
        }

        const FieldValue& title = field(RosterColumn::kTitle);
        if (title.present()) {
            if (Utf8Length(title.text) > kMaxTitleLength) {
                fail(RosterColumn::kTitle, "职务过长（不超过" + std::to_string(kMaxTitleLength) + "个字）");
            } else {
                result.title = title.text;
            }
        }

        if (const FieldValue& value = field(RosterColumn::kStartDate); value.present()) {
            if (const auto start = ReadDate(row_number, RosterColumn::kStartDate, value, row_ok)) {
                if (!title.present()) {
                    fail(RosterColumn::kStartDate, "填写了任职日期但没有填写职务");
                } else if (birth && *start <= *birth) {
                    fail(RosterColumn::kStartDate, "任职日期应晚于出生日期");
                } else {
                    result.start_date = xlsx::FormatIsoDate(*start);
                }
            }
        }

        if (const FieldValue& value = field(RosterColumn::kReserveCadre); value.present()) {
            const std::string_view text = value.text;
            if (text == "是" || text == "TRUE" || text == "1") {
                person.reserve_cadre = true;
            } else if (text == "否" || text == "FALSE" || text == "0") {
                person.reserve_cadre = false;
            } else {
                fail(RosterColumn::kReserveCadre, "后备干部“" + std::string(text) + "”无效，应为“是”或“否”");
            }
        }

        if (row_ok) out_.rows.push_back(std::move(result));
    }

    RosterParse& out_;
    bool header_found_ = false;
    bool stopped_ = false;
    std::uint32_t first_row_ = 0;
    std::size_t rows_before_header_ = 0;
    std::size_t data_rows_ = 0;
    std::unordered_map<std::uint32_t, RosterColumn> column_map_;
    std::unordered_map<std::uint64_t, std::uint32_t> id_rows_;  // by IdKey
};

std::string_view BaseName(std::string_view filename) {
    const std::size_t slash = filename.find_last_of("/\\");
    return slash == std::string_view::npos ? filename : filename.substr(slash + 1);
}

std::string Lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool LooksLikeXlsx(std::string_view bytes, std::string_view filename) {
    const std::string name = Lowercase(BaseName(filename));
    if (name.ends_with(".xlsx") || name.ends_with(".xlsm") || name.ends_with(".xls")) return true;
    if (name.ends_with(".csv") || name.ends_with(".txt")) return false;
    return bytes.starts_with("PK\x03\x04");
}

void ParseXlsx(std::string_view bytes, RosterParse& out, const ProgressCallback& progress) {
    const xlsx::Workbook workbook = xlsx::Workbook::Open(bytes);
    int sheet_index = workbook.FindSheet("名册");
    if (sheet_index < 0) sheet_index = 0;
    out.sheet = workbook.sheets()[static_cast<std::size_t>(sheet_index)].name;
    // A roster row takes ~70 bytes zipped; a guess for reserving the duplicate-ID index.
    RosterBuilder builder(out, std::min<std::size_t>(bytes.size() / 64, std::size_t{1} << 21));
    std::vector<RawCell> cells;
    auto on_row = [&](const xlsx::Row& row) {
        cells.clear();
        for (const xlsx::Cell& cell : row.cells) {
            ValueKind kind = ValueKind::kText;
            if (cell.type == xlsx::CellType::kNumber)
                kind = ValueKind::kNumber;
            else if (cell.type == xlsx::CellType::kDate)
                kind = ValueKind::kDate;
            else if (cell.type == xlsx::CellType::kBoolean)
                kind = ValueKind::kBool;
            else if (cell.type == xlsx::CellType::kError)
                kind = ValueKind::kError;
            const std::string_view text = TrimText(cell.text);
            if (!text.empty()) cells.push_back(RawCell{cell.column, FieldValue{text, kind}});
        }
        if (cells.empty()) return true;
        return builder.OnRow(row.number, cells);
    };
    xlsx::ScanProgress scan_progress;
    if (progress) {
        scan_progress = [&](std::size_t done, std::size_t total) {
            progress(total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total), builder.data_rows());
        };
    }
    workbook.ForEachRow(static_cast<std::size_t>(sheet_index), on_row, scan_progress);
    builder.Finish();
}

// Converts GB18030 (a superset of GBK and GB2312) to UTF-8; nullopt if the text is not that.
std::optional<std::string> Gb18030ToUtf8(std::string_view text) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(text.size() * 2 + 16, '\0');
    char* in_ptr = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    const std::size_t result = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (result == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
}

void ParseCsv(std::string_view bytes, std::string_view filename, RosterParse& out, const ProgressCallback& progress) {
    std::string_view stem = BaseName(filename);
    if (const std::size_t dot = stem.rfind('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
    out.sheet = stem.empty() ? "CSV" : std::string(stem);
    std::string converted;
    if (!IsValidUtf8(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes)) {
        if (auto utf8 = Gb18030ToUtf8(bytes)) {
            converted = std::move(*utf8);
            bytes = converted;
        } else {
            out.errors.push_back(
                RowError{out.sheet, 0, "", "无法识别文件编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx"});
            return;
        }
    }
    const auto total_lines = static_cast<double>(std::count(bytes.begin(), bytes.end(), '\n') + 1);
    core::text::CsvReader reader(bytes);
    RosterBuilder builder(out, static_cast<std::size_t>(total_lines));
    std::vector<std::string_view> fields;
    std::vector<RawCell> cells;
    std::size_t records = 0;
    while (reader.Next(fields)) {
        cells.clear();
        for (std::size_t idx = 0; idx < fields.size(); ++idx) {
            const std::string_view text = TrimText(fields[idx]);
            if (!text.empty()) cells.push_back(RawCell{static_cast<std::uint32_t>(idx), FieldValue{text}});
        }
        const auto line = static_cast<std::uint32_t>(std::min<std::size_t>(reader.line(), UINT32_MAX));
        if (!cells.empty() && !builder.OnRow(line, cells)) break;
        if (progress && ++records % 8192 == 0) {
            progress(std::min(1.0, static_cast<double>(reader.line()) / total_lines), builder.data_rows());
        }
    }
    if (reader.malformed()) {
        out.errors.push_back(RowError{out.sheet, static_cast<std::uint32_t>(reader.line()), "",
                                      "引号没有闭合：该行起的内容无法解析，请检查双引号"});
    }
    builder.Finish();
    if (progress) progress(1.0, builder.data_rows());
}

}  // namespace

RosterParse ParseRoster(std::string_view bytes, std::string_view filename, const ProgressCallback& progress) {
    RosterParse out;
    if (LooksLikeXlsx(bytes, filename)) {
        ParseXlsx(bytes, out, progress);
        if (progress) progress(1.0, out.rows.size());
    } else {
        ParseCsv(bytes, filename, out, progress);
    }
    return out;
}

}  // namespace lingyan::exchange::roster
