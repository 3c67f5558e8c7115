#include "exchange/roster/roster_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/roster/person_rules.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/csv.hpp"
#include "exchange/common/text_encoding.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/xlsx/reader.hpp"

namespace lingyan::exchange::roster {

namespace {

using core::roster::Gender;

// Title rows ("XX镇村干部名册") may sit above the header; look this far for it.
constexpr std::size_t kMaxRowsBeforeHeader = 10;
constexpr std::size_t kMaxTitleLength = 30;

enum class ValueKind { kText, kNumber, kDate, kBool, kError };

struct FieldValue {
    std::string_view text;  // normalized
    ValueKind kind = ValueKind::kText;
    bool present() const { return !text.empty(); }
};

// One non-blank cell of a row, its text already normalized (core::text::NormalizeCell).
struct RawCell {
    std::uint32_t column = 0;
    std::string text;
    ValueKind kind = ValueKind::kText;
    std::uint32_t merged_from_row = 0;  // filled from a merged range's top-left cell
};

// Other headers people write for the same column (compared after NormalizeHeader).
struct Alias {
    std::string_view header;
    RosterColumn column;
};
constexpr Alias kAliases[] = {
    {"出生年月", RosterColumn::kBirthDate},
    {"出生年月日", RosterColumn::kBirthDate},
    {"出生时间", RosterColumn::kBirthDate},
    {"文化程度", RosterColumn::kEducation},
    {"入党时间", RosterColumn::kPartyJoinDate},
    {"身份证号码", RosterColumn::kIdNumber},
    {"公民身份号码", RosterColumn::kIdNumber},
    {"身份证", RosterColumn::kIdNumber},
    {"手机", RosterColumn::kPhone},
    {"手机号码", RosterColumn::kPhone},
    {"联系电话", RosterColumn::kPhone},
    {"联系方式", RosterColumn::kPhone},
    {"区划代码", RosterColumn::kUnitCode},
    {"单位编码", RosterColumn::kUnitCode},
    {"现任职务", RosterColumn::kTitle},
    {"任职时间", RosterColumn::kStartDate},
    {"是否后备干部", RosterColumn::kReserveCadre},
};

// Columns that explain a row to the people reading the file and that the import does not need:
// kept without complaint. Any other unknown column is refused, so that no data is dropped silently.
constexpr std::string_view kExplanatoryHeaders[] = {"序号", "单位名称", "所在单位", "备注", "年龄"};

// The header text without marks of obligation: "*姓名", "姓名*", "姓名(必填)".
std::string HeaderKey(std::string_view raw) {
    std::string text = core::text::NormalizeHeader(raw);
    for (std::string_view mark : {"*", "＊"}) {
        if (std::string_view(text).starts_with(mark)) text.erase(0, mark.size());
        if (std::string_view(text).ends_with(mark)) text.erase(text.size() - mark.size());
    }
    for (std::string_view note : {"(必填)", "(选填)", "(可选)"}) {
        if (std::string_view(text).ends_with(note)) text.erase(text.size() - note.size());
    }
    return text;
}

std::optional<RosterColumn> ColumnForHeader(std::string_view raw) {
    const std::string text = HeaderKey(raw);
    for (const RosterColumnSpec& spec : kRosterColumns) {
        if (spec.header == text) return spec.column;
    }
    for (const Alias& alias : kAliases) {
        if (alias.header == text) return alias.column;
    }
    return std::nullopt;
}

bool IsExplanatory(std::string_view raw) {
    const std::string text = HeaderKey(raw);
    return std::find(std::begin(kExplanatoryHeaders), std::end(kExplanatoryHeaders), text) !=
           std::end(kExplanatoryHeaders);
}

std::string Header(RosterColumn column) { return std::string(RosterColumnInfo(column).header); }

// A valid ID number is determined by its first 17 digits (the 18th is their check character),
// which fit in 64 bits: hashing that beats hashing the string (it showed in import profiles).
std::uint64_t IdKey(std::string_view id) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 17; ++i) key = key * 10 + static_cast<std::uint64_t>(id[i] - '0');
    return key;
}

std::string DateFormatHint() { return "，应为 YYYY-MM-DD（如 1985-06-15）、YYYY/M/D、YYYY年M月D日 或 Excel 日期"; }

std::string BirthFormatHint() {
    return "；可写 1985-06-15、1985/6/15、1985年6月15日 或 Excel 日期，只知年月时写 1985.06、1985-06 或 1985年6月";
}

std::string CellLabel(std::uint32_t column) { return xlsx::ColumnName(column) + " 列"; }

// Turns raw rows into RosterRows and RowErrors. Feed it every non-empty row in order.
class RosterBuilder {
public:
    RosterBuilder(RosterParse& out, bool from_csv, std::size_t expected_rows = 0) : out_(out), from_csv_(from_csv) {
        id_rows_.reserve(expected_rows);
    }

    // Returns false when parsing cannot go on (no header, missing columns).
    bool OnRow(std::uint32_t row_number, const std::vector<RawCell>& cells) {
        if (!header_found_) return OnHeaderCandidate(row_number, cells);
        ++out_.data_rows;
        std::array<FieldValue, kRosterColumnCount> fields{};
        bool any = false;
        for (const RawCell& cell : cells) {
            const auto mapped = column_map_.find(cell.column);
            if (mapped == column_map_.end()) {
                NoteUnheaded(row_number, cell);
                continue;
            }
            if (!mapped->second) continue;  // an explanatory column
            fields[static_cast<std::size_t>(*mapped->second)] = FieldValue{cell.text, cell.kind};
            any = true;
            if (cell.merged_from_row != 0) NoteMerged(*mapped->second, cell, row_number);
        }
        if (any) ParseDataRow(row_number, fields);
        return true;
    }

    void Finish() {
        if (!header_found_) {
            if (stopped_) return;
            Error(first_row_ == 0 ? 1 : first_row_, "",
                  "文件中没有数据：第一行应为表头（姓名、性别、出生日期、学历、单位代码等）");
            return;
        }
        for (const auto& [column, first] : unheaded_) {
            Error(out_.header_row, "",
                  CellLabel(column) + "没有列名，但第 " + std::to_string(first.first) + " 行起有内容（“" + first.second +
                      "”）；请填写列名（如 姓名、手机号）或删除该列");
        }
        for (const auto& [column, merge] : merged_) {
            const std::string range = xlsx::ColumnName(merge.column) + std::to_string(merge.from_row) + ":" +
                                      xlsx::ColumnName(merge.column) + std::to_string(merge.last_row);
            out_.notes.push_back(
                merge.ranges == 1
                    ? "“" + Header(column) + "”列的合并单元格 " + range + " 已按首格的值“" + merge.value + "”填入每一行"
                    : "“" + Header(column) + "”列有 " + std::to_string(merge.ranges) + " 处合并单元格（如 " + range +
                          "），已按各自首格的值填入每一行");
        }
        if (out_.rows.empty() && out_.errors.empty()) Error(out_.header_row, "", "文件中只有表头，没有数据行");
    }

    bool header_found() const { return header_found_; }
    std::size_t data_rows() const { return out_.data_rows; }

private:
    struct MergeNote {
        std::uint32_t column = 0, from_row = 0, last_row = 0;
        std::string value;
        std::size_t ranges = 0;
        std::uint32_t latest_from_row = 0;
    };

    void Error(std::uint32_t row, std::string field, std::string message) {
        out_.errors.push_back(RowError{out_.sheet, row, std::move(field), std::move(message)});
    }

    void NoteUnheaded(std::uint32_t row_number, const RawCell& cell) {
        if (cell.merged_from_row != 0) return;  // a merged title or note spilling over
        unheaded_.try_emplace(cell.column, row_number, cell.text.substr(0, 30));
    }

    // One note per column: its first merged range, and how many more there are.
    void NoteMerged(RosterColumn column, const RawCell& cell, std::uint32_t row_number) {
        auto [it, fresh] = merged_.try_emplace(column);
        MergeNote& note = it->second;
        if (fresh) note = MergeNote{cell.column, cell.merged_from_row, row_number, cell.text, 1, cell.merged_from_row};
        if (note.from_row == cell.merged_from_row) note.last_row = std::max(note.last_row, row_number);
        if (note.latest_from_row != cell.merged_from_row) {
            note.latest_from_row = cell.merged_from_row;
            ++note.ranges;
        }
    }

    bool OnHeaderCandidate(std::uint32_t row_number, const std::vector<RawCell>& cells) {
        if (first_row_ == 0) first_row_ = row_number;
        std::size_t known = 0;
        std::size_t own = 0;  // cells of the row itself, not filled from a merged range
        for (const RawCell& cell : cells) {
            if (cell.merged_from_row != 0) continue;
            ++own;
            if (ColumnForHeader(cell.text)) ++known;
        }
        if (known < 2) {
            if (++rows_before_header_ >= kMaxRowsBeforeHeader || own >= 3) {
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
        std::string unknown;
        for (const RawCell& cell : cells) {
            if (cell.merged_from_row != 0) continue;
            const std::optional<RosterColumn> column = ColumnForHeader(cell.text);
            if (!column) {
                column_map_[cell.column] = std::nullopt;
                if (!IsExplanatory(cell.text)) {
                    if (!unknown.empty()) unknown += "、";
                    unknown += "“" + cell.text + "”（" + CellLabel(cell.column) + "）";
                }
                continue;
            }
            const auto idx = static_cast<std::size_t>(*column);
            if (seen[idx]) {
                Error(row_number, Header(*column), "列“" + Header(*column) + "”出现了两次，请删除重复的列");
                stopped_ = true;
                continue;
            }
            seen[idx] = true;
            column_map_[cell.column] = *column;
        }
        out_.columns = seen;
        if (!unknown.empty()) {
            Error(row_number, "",
                  "表头中有无法识别的列：" + unknown +
                      "。请删除这些列，或把列名改为模板中的列名（姓名、性别、出生日期、学历、入党日期、身份证号、"
                      "手机号、单位代码、职务、任职日期、后备干部、人员编号）；序号、单位名称、备注 等说明列可以保留");
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
            date = ParseDateCell(value.text);
        }
        if (!date || date->year < 1900 || date->year > 2100) {
            Error(row_number, Header(column),
                  Header(column) + "“" + std::string(value.text) + "”不是有效日期" + DateFormatHint());
            row_ok = false;
            return std::nullopt;
        }
        return date;
    }

    std::optional<BirthCell> ReadBirth(std::uint32_t row_number, const FieldValue& value, bool& row_ok) {
        BirthCell cell;
        BirthProblem problem = BirthProblem::kInvalid;
        if (value.kind == ValueKind::kDate) {
            if (const auto date = xlsx::ParseIsoDate(value.text.substr(0, 10))) {
                cell = BirthCell{*date, false};
                problem = BirthProblem::kNone;
            }
        } else if (value.kind != ValueKind::kBool) {
            problem = ParseBirthCell(value.text, cell);
        }
        const std::string header = Header(RosterColumn::kBirthDate);
        if (problem == BirthProblem::kAmbiguousMonth) {
            Error(row_number, header,
                  header + "“" + std::string(value.text) +
                      "”分不清是1月还是10月（Excel 把当作数字输入的 1985.10 显示为 1985.1）；请把该列设为“文本”格式，"
                      "写成 1985.01 或 1985.10");
            row_ok = false;
            return std::nullopt;
        }
        if (problem != BirthProblem::kNone || cell.date.year < 1900 || cell.date.year > 2100) {
            Error(row_number, header, header + "“" + std::string(value.text) + "”无法识别" + BirthFormatHint());
            row_ok = false;
            return std::nullopt;
        }
        return cell;
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
                Error(row_number, "", "该行含有无法识别的字符（文件编码不是 UTF-8 或 GBK？）");
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

        if (const FieldValue& value = field(RosterColumn::kPersonKey); value.present()) {
            std::string_view key = value.text;
            if (key.ends_with(".0")) key.remove_suffix(2);
            const bool digits =
                !key.empty() && key.size() <= 15 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || std::stoll(std::string(key)) <= 0) {
                fail(RosterColumn::kPersonKey, "人员编号“" + std::string(value.text) +
                                                   "”无效：应为导出文件中的数字编号，请勿修改；新增人员请留空");
            } else {
                result.person_key = std::stoll(std::string(key));
            }
        }

        if (require(RosterColumn::kName)) {
            const std::string name = core::text::NormalizeName(field(RosterColumn::kName).text);
            if (auto valid = core::roster::ValidPersonName(name); !valid) {
                fail(RosterColumn::kName, valid.error().message);
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

        std::optional<BirthCell> birth;
        if (require(RosterColumn::kBirthDate)) {
            birth = ReadBirth(row_number, field(RosterColumn::kBirthDate), row_ok);
            if (birth) person.birth_date = BirthIso(*birth);
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

        // Party and start dates come after a birth month: compare with the month's first day.
        if (const FieldValue& value = field(RosterColumn::kPartyJoinDate); value.present()) {
            if (const auto joined = ReadDate(row_number, RosterColumn::kPartyJoinDate, value, row_ok)) {
                if (birth && *joined <= birth->date) {
                    fail(RosterColumn::kPartyJoinDate, "入党日期应晚于出生日期");
                } else {
                    person.party_join_date = xlsx::FormatIsoDate(*joined);
                }
            }
        }

        if (const FieldValue& value = field(RosterColumn::kIdNumber); value.present()) {
            ReadIdNumber(row_number, value, birth, gender_known, result, row_ok);
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
                } else if (birth && *start <= birth->date) {
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

    void ReadIdNumber(std::uint32_t row_number, const FieldValue& value, std::optional<BirthCell>& birth,
                      bool gender_known, RosterRow& result, bool& row_ok) {
        core::roster::Person& person = result.person;
        auto fail = [&](std::string message) {
            Error(row_number, Header(RosterColumn::kIdNumber), std::move(message));
            row_ok = false;
        };
        std::string id(value.text);
        if (!id.empty() && id.back() == 'x') id.back() = 'X';
        // Decided from the text, not the cell's type: Gnumeric and openpyxl store exact 18-digit
        // integers as numbers; Excel's own numbers keep 15 digits, and its CSV shows what is left.
        const bool exponent = id.find_first_of("eE") != std::string::npos;
        const bool may_be_rounded = from_csv_ || value.kind == ValueKind::kNumber;
        if (DigitsLostByExcel(id) && (exponent || may_be_rounded)) {
            fail("身份证号被 Excel 等表格软件存成了数字（“" + id +
                 "”），后几位已丢失；请把该列设为“文本”格式后重新填写完整号码（若号码本身以 000 结尾，请用 .xlsx "
                 "模板并把该列设为文本）");
            return;
        }
        if (value.kind == ValueKind::kNumber && (id.find('.') != std::string::npos || id.size() > 18)) {
            fail("身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写");
            return;
        }
        if (IsMaskedIdNumber(id)) {
            if (result.person_key != 0) {
                result.masked_id = id;  // the app compares it with the stored number
            } else {
                fail("身份证号已脱敏（含 *）：要更新已有人员，请保留导出文件中的“人员编号”列；新增人员请填写完整号码或留空");
            }
            return;
        }
        CivilDate id_birth;
        Gender id_gender = Gender::kMale;
        switch (CheckIdNumber(id, &id_birth, &id_gender)) {
            case IdNumberProblem::kNone:
                break;
            case IdNumberProblem::kLength:
                fail("身份证号应为18位（现为" + std::to_string(Utf8Length(id)) + "位）");
                return;
            case IdNumberProblem::kCharacters:
                fail("身份证号只能由数字组成，末位可为 X");
                return;
            case IdNumberProblem::kMasked:
                fail("身份证号已脱敏（含 *），请填写完整号码或留空");
                return;
            case IdNumberProblem::kBirthDate:
                fail("身份证号第7–14位不是有效的出生日期");
                return;
            case IdNumberProblem::kCheckDigit:
                fail("身份证号校验位错误，请核对号码");
                return;
        }
        if (birth) {
            const bool agrees = birth->month_only
                                    ? birth->date.year == id_birth.year && birth->date.month == id_birth.month
                                    : birth->date == id_birth;
            if (!agrees) {
                fail("身份证号中的出生日期（" + xlsx::FormatIsoDate(id_birth) + "）与出生日期（" + person.birth_date +
                     "）不一致");
                return;
            }
            // A month from 出生年月 and the day from the ID number: the full date is known.
            *birth = BirthCell{id_birth, false};
            person.birth_date = xlsx::FormatIsoDate(id_birth);
        }
        if (gender_known && person.gender != id_gender) {
            fail(std::string("身份证号显示性别为") + std::string(GenderLabel(id_gender)) + "，与性别列不一致");
            return;
        }
        const auto [it, inserted] = id_rows_.emplace(IdKey(id), std::pair{row_number, result.person_key});
        // Rows of one exported person (one per position) share the 人员编号 and the number.
        if (!inserted && !(result.person_key != 0 && it->second.second == result.person_key)) {
            fail("身份证号与第" + std::to_string(it->second.first) + "行重复，同一人只能出现一次");
            return;
        }
        person.id_number = id;
    }

    RosterParse& out_;
    bool from_csv_ = false;
    bool header_found_ = false;
    bool stopped_ = false;
    std::uint32_t first_row_ = 0;
    std::size_t rows_before_header_ = 0;
    // Sheet column → roster column; nullopt for an explanatory or unknown column.
    std::unordered_map<std::uint32_t, std::optional<RosterColumn>> column_map_;
    std::unordered_map<std::uint64_t, std::pair<std::uint32_t, core::roster::Id>> id_rows_;  // by IdKey
    std::map<std::uint32_t, std::pair<std::uint32_t, std::string>> unheaded_;  // column → first row, text
    std::map<RosterColumn, MergeNote> merged_;
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

ValueKind KindOf(xlsx::CellType type) {
    switch (type) {
        case xlsx::CellType::kNumber:
            return ValueKind::kNumber;
        case xlsx::CellType::kDate:
            return ValueKind::kDate;
        case xlsx::CellType::kBoolean:
            return ValueKind::kBool;
        case xlsx::CellType::kError:
            return ValueKind::kError;
        case xlsx::CellType::kString:
            break;
    }
    return ValueKind::kText;
}

// Reads sheet `sheet_index` into `out`; false when no header row was found in it.
bool ReadSheet(const xlsx::Workbook& workbook, std::size_t sheet_index, std::size_t expected_rows, RosterParse& out,
               const ProgressCallback& progress) {
    out.sheet = workbook.sheets()[sheet_index].name;
    RosterBuilder builder(out, false, expected_rows);
    std::vector<RawCell> cells;
    auto on_row = [&](const xlsx::Row& row) {
        cells.clear();
        for (const xlsx::Cell& cell : row.cells) {
            std::string text = core::text::NormalizeCell(cell.text);
            if (!text.empty()) cells.push_back(RawCell{cell.column, std::move(text), KindOf(cell.type), cell.merged_from_row});
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
    workbook.ForEachRow(sheet_index, on_row, scan_progress, xlsx::ReadOptions{.fill_merged_cells = true});
    builder.Finish();
    return builder.header_found();
}

void ParseXlsx(std::string_view bytes, RosterParse& out, const ProgressCallback& progress) {
    const xlsx::Workbook workbook = xlsx::Workbook::Open(bytes);
    const auto& sheets = workbook.sheets();
    // The sheet 名册 first, then the others in tab order; hidden sheets only when nothing else.
    std::vector<std::size_t> order;
    const int named = workbook.FindSheet("名册");
    if (named >= 0 && !sheets[static_cast<std::size_t>(named)].hidden) order.push_back(static_cast<std::size_t>(named));
    std::vector<std::string> hidden;
    for (std::size_t idx = 0; idx < sheets.size(); ++idx) {
        if (sheets[idx].hidden) {
            hidden.push_back("“" + sheets[idx].name + "”");
        } else if (static_cast<int>(idx) != named) {
            order.push_back(idx);
        }
    }
    if (order.empty()) {
        for (std::size_t idx = 0; idx < sheets.size(); ++idx) order.push_back(idx);
    }
    // A roster row takes ~70 bytes zipped; a guess for reserving the duplicate-ID index.
    const std::size_t expected = std::min<std::size_t>(bytes.size() / 64, std::size_t{1} << 21);
    std::vector<std::string> skipped;
    std::optional<RosterParse> first_attempt;
    for (std::size_t idx : order) {
        RosterParse attempt;
        if (ReadSheet(workbook, idx, expected, attempt, progress)) {
            out = std::move(attempt);
            std::string note = "读取了工作表“" + out.sheet + "”（第 " + std::to_string(out.header_row) + " 行为表头）";
            if (!skipped.empty() || !hidden.empty()) {
                note += "；跳过了";
                std::string list;
                for (const auto& name : skipped) list += (list.empty() ? "" : "、") + name;
                if (!list.empty()) note += list + "（没有名册表头）";
                std::string hidden_list;
                for (const auto& name : hidden) hidden_list += (hidden_list.empty() ? "" : "、") + name;
                if (!hidden_list.empty()) note += (list.empty() ? "" : "和") + hidden_list + "（隐藏）";
            }
            out.notes.insert(out.notes.begin(), std::move(note));
            return;
        }
        skipped.push_back("“" + sheets[idx].name + "”");
        if (!first_attempt) first_attempt = std::move(attempt);
    }
    // No sheet has the header: report the first one's problem, naming every sheet looked at.
    out = std::move(*first_attempt);
    if (order.size() > 1) {
        std::string list;
        for (const auto& name : skipped) list += (list.empty() ? "" : "、") + name;
        for (RowError& error : out.errors) error.message += "（已查看工作表 " + list + "）";
    }
}

void ParseCsv(std::string_view bytes, std::string_view filename, RosterParse& out, const ProgressCallback& progress) {
    std::string_view stem = BaseName(filename);
    if (const std::size_t dot = stem.rfind('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
    out.sheet = stem.empty() ? "CSV" : std::string(stem);
    const std::optional<DecodedText> decoded = DecodeText(bytes);
    if (!decoded) {
        out.errors.push_back(RowError{out.sheet, 1, "", UnknownEncodingMessage()});
        return;
    }
    if (decoded->encoding != TextEncoding::kUtf8 && decoded->encoding != TextEncoding::kUtf8Bom) {
        out.notes.push_back("文件编码为 " + std::string(EncodingLabel(decoded->encoding)) + "，已转换为 UTF-8 读取");
    }
    const std::string_view text = decoded->text;
    const auto total_lines = static_cast<double>(std::count(text.begin(), text.end(), '\n') + 1);
    core::text::CsvReader reader(text);
    RosterBuilder builder(out, true, static_cast<std::size_t>(total_lines));
    std::vector<std::string_view> fields;
    std::vector<RawCell> cells;
    std::size_t records = 0;
    while (reader.Next(fields)) {
        cells.clear();
        for (std::size_t idx = 0; idx < fields.size(); ++idx) {
            std::string cell = core::text::NormalizeCell(fields[idx]);
            if (!cell.empty()) cells.push_back(RawCell{static_cast<std::uint32_t>(idx), std::move(cell)});
        }
        const auto line = static_cast<std::uint32_t>(std::min<std::size_t>(reader.line(), UINT32_MAX));
        if (!cells.empty() && !builder.OnRow(line, cells)) break;
        if (progress && ++records % 8192 == 0) {
            progress(std::min(1.0, static_cast<double>(reader.line()) / total_lines), builder.data_rows());
        }
    }
    if (reader.malformed()) {
        out.errors.push_back(RowError{out.sheet, static_cast<std::uint32_t>(std::max<std::size_t>(reader.line(), 1)), "",
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
