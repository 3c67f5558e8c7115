#include "exchange/roster/roster_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/roster/tree.hpp"
#include "core/text/cell_text.hpp"

namespace lingyan::exchange::roster {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at `pos`; false when there are none or too many.
bool ReadNumber(std::string_view text, std::size_t& pos, std::size_t max_digits, int& out) {
    const std::size_t start = pos;
    out = 0;
    while (pos < text.size() && IsDigit(text[pos])) {
        if (pos - start >= max_digits) return false;
        out = out * 10 + (text[pos] - '0');
        ++pos;
    }
    return pos > start;
}

bool PlausibleDate(const CivilDate& date) { return date.year >= 1900 && date.year <= 2100 && xlsx::IsValidDate(date); }

}  // namespace

std::string_view TrimText(std::string_view text) { return core::text::TrimBlank(text); }

bool IsValidUtf8(std::string_view text) { return core::text::IsValidUtf8(text); }

std::size_t Utf8Length(std::string_view text) { return core::text::Utf8Length(text); }

std::optional<CivilDate> ParseLooseDate(std::string_view text) {
    text = TrimText(text);
    // Drop a time of day written after the date.
    if (const std::size_t space = text.find(' '); space != std::string_view::npos) text = text.substr(0, space);
    if (const std::size_t t = text.find('T'); t != std::string_view::npos) text = text.substr(0, t);
    CivilDate date;
    if (text.size() == 8 && std::all_of(text.begin(), text.end(), IsDigit)) {
        date.year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        date.month = (text[4] - '0') * 10 + (text[5] - '0');
        date.day = (text[6] - '0') * 10 + (text[7] - '0');
        return PlausibleDate(date) ? std::optional(date) : std::nullopt;
    }
    std::size_t pos = 0;
    if (!ReadNumber(text, pos, 4, date.year) || pos != 4) return std::nullopt;
    // The separator after the year decides the format: - / . or 年…月…日.
    std::string_view sep1;
    std::string_view sep2;
    std::string_view tail;
    if (text.substr(pos).starts_with("年")) {
        sep1 = "年";
        sep2 = "月";
        tail = "日";
    } else if (pos < text.size() && (text[pos] == '-' || text[pos] == '/' || text[pos] == '.')) {
        sep1 = sep2 = text.substr(pos, 1);
    } else {
        return std::nullopt;
    }
    pos += sep1.size();
    if (!ReadNumber(text, pos, 2, date.month)) return std::nullopt;
    if (!text.substr(pos).starts_with(sep2)) return std::nullopt;
    pos += sep2.size();
    if (!ReadNumber(text, pos, 2, date.day)) return std::nullopt;
    if (!tail.empty() && text.substr(pos).starts_with(tail)) pos += tail.size();
    if (pos != text.size()) return std::nullopt;
    return PlausibleDate(date) ? std::optional(date) : std::nullopt;
}

std::optional<CivilDate> ParseDateCell(std::string_view text) {
    text = TrimText(text);
    if (auto date = ParseLooseDate(text)) return date;
    // An Excel serial: five digits, maybe with a time-of-day fraction ("30776.5").
    std::string_view whole = text.substr(0, text.find('.'));
    if (whole.size() != 5 || !std::all_of(whole.begin(), whole.end(), IsDigit)) return std::nullopt;
    double serial = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
    if (ec != std::errc() || end != text.data() + text.size() || serial < 10000 || serial > 73050) return std::nullopt;
    auto date = xlsx::DateFromExcelSerial(std::floor(serial));
    if (!date || !PlausibleDate(*date)) return std::nullopt;
    return date;
}

BirthProblem ParseBirthCell(std::string_view text, BirthCell& out) {
    text = TrimText(text);
    if (auto date = ParseDateCell(text)) {
        out = BirthCell{*date, false};
        return BirthProblem::kNone;
    }
    CivilDate date;
    date.day = 1;
    if (text.size() == 6 && std::all_of(text.begin(), text.end(), IsDigit)) {  // 197605
        date.year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        date.month = (text[4] - '0') * 10 + (text[5] - '0');
        if (!PlausibleDate(date)) return BirthProblem::kInvalid;
        out = BirthCell{date, true};
        return BirthProblem::kNone;
    }
    std::size_t pos = 0;
    if (!ReadNumber(text, pos, 4, date.year) || pos != 4) return BirthProblem::kInvalid;
    std::string_view tail;
    char separator = 0;
    if (text.substr(pos).starts_with("年")) {
        pos += std::string_view("年").size();
        tail = "月";
    } else if (pos < text.size() && (text[pos] == '-' || text[pos] == '/' || text[pos] == '.')) {
        separator = text[pos++];
    } else {
        return BirthProblem::kInvalid;
    }
    const std::size_t month_start = pos;
    if (!ReadNumber(text, pos, 2, date.month)) return BirthProblem::kInvalid;
    if (!tail.empty() && text.substr(pos).starts_with(tail)) pos += tail.size();
    if (pos != text.size() || !PlausibleDate(date)) return BirthProblem::kInvalid;
    // 1976.10 typed into a General cell is the number 1976.1, which Excel shows and saves that way.
    if (separator == '.' && pos - month_start == 1 && date.month == 1) return BirthProblem::kAmbiguousMonth;
    out = BirthCell{date, true};
    return BirthProblem::kNone;
}

std::string BirthIso(const BirthCell& cell) {
    const std::string iso = xlsx::FormatIsoDate(cell.date);
    return cell.month_only ? iso.substr(0, 7) : iso;
}

bool DigitsLostByExcel(std::string_view text) {
    text = TrimText(text);
    if (text.empty()) return false;
    const std::size_t exponent = text.find_first_of("eE");
    if (exponent != std::string_view::npos) {
        // d.ddddE+17: digits, one point, an exponent — nothing else.
        const std::string_view mantissa = text.substr(0, exponent);
        std::string_view power = text.substr(exponent + 1);
        if (power.starts_with('+')) power.remove_prefix(1);
        return !mantissa.empty() && !power.empty() &&
               std::all_of(mantissa.begin(), mantissa.end(), [](char c) { return IsDigit(c) || c == '.'; }) &&
               std::all_of(power.begin(), power.end(), IsDigit);
    }
    if (text.ends_with(".0")) text.remove_suffix(2);
    if (text.size() < 16 || text.size() > 18 || !std::all_of(text.begin(), text.end(), IsDigit)) return false;
    return std::all_of(text.begin() + 15, text.end(), [](char c) { return c == '0'; });
}

bool IsMaskedIdNumber(std::string_view id) {
    if (id.size() != 18) return false;
    for (std::size_t i = 0; i < 18; ++i) {
        const char c = id[i];
        if (i >= 6 && i < 14) {
            if (c != '*') return false;
        } else if (!IsDigit(c) && !(i == 17 && (c == 'X' || c == 'x'))) {
            return false;
        }
    }
    return true;
}

char IdCheckCharacter(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

IdNumberProblem CheckIdNumber(std::string_view id, CivilDate* birth, core::roster::Gender* gender) {
    if (id.find('*') != std::string_view::npos) return IdNumberProblem::kMasked;
    if (id.size() != 18) return IdNumberProblem::kLength;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!IsDigit(id[i])) return IdNumberProblem::kCharacters;
    }
    const char last = id[17] == 'x' ? 'X' : id[17];
    if (!IsDigit(last) && last != 'X') return IdNumberProblem::kCharacters;
    const std::optional<CivilDate> date = ParseLooseDate(id.substr(6, 8));
    if (!date) return IdNumberProblem::kBirthDate;
    if (IdCheckCharacter(id) != last) return IdNumberProblem::kCheckDigit;
    if (birth) *birth = *date;
    if (gender) *gender = (id[16] - '0') % 2 == 1 ? core::roster::Gender::kMale : core::roster::Gender::kFemale;
    return IdNumberProblem::kNone;
}

std::string MaskIdNumber(std::string_view id) {
    if (id.empty()) return {};
    if (id.size() == 18) return std::string(id.substr(0, 6)) + "********" + std::string(id.substr(14));
    const std::size_t keep = id.size() > 4 ? 4 : 0;
    return std::string(id.size() - keep, '*') + std::string(id.substr(id.size() - keep));
}

std::optional<std::string> NormalizeMobile(std::string_view text) {
    std::string digits;
    text = TrimText(text);
    if (text.starts_with("+86")) text.remove_prefix(3);
    for (char c : text) {
        if (c == ' ' || c == '-') continue;
        if (!IsDigit(c)) return std::nullopt;
        digits.push_back(c);
    }
    if (digits.size() != 11 || digits[0] != '1') return std::nullopt;
    return digits;
}

std::optional<core::roster::Education> ParseEducation(std::string_view text) {
    using core::roster::Education;
    struct Entry {
        std::string_view label;
        Education education;
    };
    static constexpr Entry kEntries[] = {
        {"初中及以下", Education::kMiddleOrBelow},
        {"初中", Education::kMiddleOrBelow},
        {"小学", Education::kMiddleOrBelow},
        {"高中", Education::kHighSchool},
        {"中专", Education::kHighSchool},
        {"职高", Education::kHighSchool},
        {"技校", Education::kHighSchool},
        {"大专", Education::kJuniorCollege},
        {"专科", Education::kJuniorCollege},
        {"大学专科", Education::kJuniorCollege},
        {"本科", Education::kBachelor},
        {"大学本科", Education::kBachelor},
        {"大学", Education::kBachelor},
        {"研究生", Education::kPostgraduate},
        {"硕士", Education::kPostgraduate},
        {"硕士研究生", Education::kPostgraduate},
        {"博士", Education::kPostgraduate},
        {"博士研究生", Education::kPostgraduate},
    };
    text = TrimText(text);
    for (const Entry& entry : kEntries) {
        if (entry.label == text) return entry.education;
    }
    return std::nullopt;
}

std::string_view EducationLabel(core::roster::Education education) {
    using core::roster::Education;
    switch (education) {
        case Education::kMiddleOrBelow:
            return "初中及以下";
        case Education::kHighSchool:
            return "高中";
        case Education::kJuniorCollege:
            return "大专";
        case Education::kBachelor:
            return "本科";
        case Education::kPostgraduate:
            return "研究生";
    }
    return "";
}

std::string_view GenderLabel(core::roster::Gender gender) {
    return gender == core::roster::Gender::kFemale ? "女" : "男";
}

std::string_view UnitKindLabel(core::roster::UnitKind kind) { return core::roster::KindLabel(kind); }

std::string_view EconomyLabel(core::roster::Economy economy) { return core::roster::EconomyLabel(economy); }

}  // namespace lingyan::exchange::roster
