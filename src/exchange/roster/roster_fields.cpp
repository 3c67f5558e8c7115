#include "exchange/roster/roster_fields.hpp"

#include <algorithm>

namespace lingyan::exchange::roster {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a blank sequence at the start of `text`, or 0.
std::size_t BlankPrefix(std::string_view text) {
    if (text.empty()) return 0;
    const char c = text[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    for (std::string_view blank : {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF"}) {
        if (text.starts_with(blank)) return blank.size();
    }
    return 0;
}

std::size_t BlankSuffix(std::string_view text) {
    if (text.empty()) return 0;
    const char c = text.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    for (std::string_view blank : {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF"}) {
        if (text.ends_with(blank)) return blank.size();
    }
    return 0;
}

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

std::string_view TrimText(std::string_view text) {
    while (std::size_t n = BlankPrefix(text)) text.remove_prefix(n);
    while (std::size_t n = BlankSuffix(text)) text.remove_suffix(n);
    return text;
}

bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == 0) return false;
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += len;
    }
    return true;
}

std::size_t Utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

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

std::string_view UnitKindLabel(core::roster::UnitKind kind) {
    using core::roster::UnitKind;
    switch (kind) {
        case UnitKind::kProvince:
            return "省";
        case UnitKind::kCity:
            return "市";
        case UnitKind::kCounty:
            return "区县";
        case UnitKind::kTown:
            return "镇街";
        case UnitKind::kVillage:
            return "村";
        case UnitKind::kCommunity:
            return "社区";
        case UnitKind::kGrid:
            return "网格";
        case UnitKind::kEnterprise:
            return "企业";
    }
    return "";
}

std::string_view EconomyLabel(core::roster::Economy economy) {
    using core::roster::Economy;
    switch (economy) {
        case Economy::kNone:
            return "无";
        case Economy::kAgriculture:
            return "农业";
        case Economy::kIndustry:
            return "工业";
        case Economy::kTourism:
            return "旅游";
        case Economy::kMixed:
            return "混合";
        case Economy::kUrban:
            return "城镇";
    }
    return "";
}

}  // namespace lingyan::exchange::roster
