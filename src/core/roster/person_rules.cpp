#include "core/roster/person_rules.hpp"

#include "core/common/date.hpp"
#include "core/common/enum_names.hpp"

namespace lingyan::core::roster {

std::optional<core::CivilDate> ParseBirthDate(std::string_view text) {
    if (text.size() == 7) {
        const std::string first_day = std::string(text) + "-01";
        return core::ParseIsoDate(first_day);
    }
    return core::ParseIsoDate(text);
}

int AgeAt(std::string_view birth, std::string_view today) {
    auto b = ParseBirthDate(birth);
    auto t = core::ParseIsoDate(today);
    if (!b || !t) return -1;
    return core::FullYearsBetween(*b, *t);
}

bool ValidIdNumber(std::string_view id) {
    if (id.size() != 18) return false;
    static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9') return false;
        sum += (id[i] - '0') * kWeights[i];
    }
    char last = id[17] == 'x' ? 'X' : id[17];
    if (kCheck[sum % 11] != last) return false;
    std::string date =
        std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" + std::string(id.substr(12, 2));
    return core::ParseIsoDate(date).has_value();
}

std::string MaskIdNumber(std::string_view id) {
    if (id.empty()) return {};
    if (id.size() != 18) return std::string(id.size(), '*');
    return std::string(id.substr(0, 6)) + "********" + std::string(id.substr(14));
}

namespace {
constexpr EnumName<Education> kEducation[] = {{Education::kMiddleOrBelow, "middle", "初中及以下"},
                                              {Education::kHighSchool, "high", "高中"},
                                              {Education::kJuniorCollege, "junior_college", "大专"},
                                              {Education::kBachelor, "bachelor", "本科"},
                                              {Education::kPostgraduate, "postgraduate", "研究生"}};
}  // namespace

const char* EducationName(Education e) { return EnumNameOf(kEducation, e, ""); }
const char* EducationLabel(Education e) { return EnumLabelOf(kEducation, e, ""); }
std::optional<Education> EducationFromString(std::string_view s) {
    if (auto e = EnumFromName(kEducation, s, NameMatch::kNameOrLabel)) return e;
    if (s == "中专" || s == "高中/中专") return Education::kHighSchool;
    if (s == "初中" || s == "小学") return Education::kMiddleOrBelow;
    if (s == "硕士" || s == "博士") return Education::kPostgraduate;
    return std::nullopt;
}
const char* GenderName(Gender g) { return g == Gender::kMale ? "male" : "female"; }
std::optional<Gender> GenderFromString(std::string_view s) {
    if (s == "male" || s == "男") return Gender::kMale;
    if (s == "female" || s == "女") return Gender::kFemale;
    return std::nullopt;
}

Status ValidPersonName(std::string_view name) {
    if (name.empty()) return Invalid("姓名不能为空", "name");
    std::size_t chars = 0;
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80) ++chars;
        if (byte < 0x20 || byte == 0x7F) return Invalid("姓名中不应含有控制字符", "name");
        if (c >= '0' && c <= '9') return Invalid("姓名中不应含有数字", "name");
    }
    if (chars > kMaxPersonNameChars)
        return Invalid("姓名过长（不超过 " + std::to_string(kMaxPersonNameChars) + " 个字）", "name");
    if (std::string_view("=+-@").find(name.front()) != std::string_view::npos)
        return Invalid("姓名不能以 = + - @ 开头", "name");
    return Ok();
}

Status ValidatePerson(const Person& p, std::string_view today) {
    if (auto name = ValidPersonName(p.name); !name) return name;
    if (!ParseBirthDate(p.birth_date))
        return Invalid("出生日期应为 YYYY-MM-DD 格式的有效日期（只知年月时为 YYYY-MM）", "birth_date");
    int age = AgeAt(p.birth_date, today);
    if (age < 16 || age > 110) return Invalid("出生日期不合理（年龄应在 16–110 岁之间）", "birth_date");
    if (!p.party_join_date.empty()) {
        if (!core::ParseIsoDate(p.party_join_date))
            return Invalid("入党日期应为 YYYY-MM-DD 格式的有效日期", "party_join_date");
        if (p.party_join_date < p.birth_date || p.party_join_date > today)
            return Invalid("入党日期应在出生日期之后、今天之前", "party_join_date");
    }
    if (!p.id_number.empty()) {
        if (!ValidIdNumber(p.id_number)) return Invalid("身份证号无效（18 位，校验码不符）", "id_number");
        std::string id_birth =
            p.id_number.substr(6, 4) + "-" + p.id_number.substr(10, 2) + "-" + p.id_number.substr(12, 2);
        if (id_birth.substr(0, p.birth_date.size()) != p.birth_date)
            return Invalid("身份证号中的出生日期与出生日期不一致", "id_number");
    }
    if (!p.phone.empty()) {
        bool ok = p.phone.size() == 11 && p.phone[0] == '1';
        for (char c : p.phone) ok = ok && c >= '0' && c <= '9';
        if (!ok) return Invalid("手机号应为以 1 开头的 11 位数字", "phone");
    }
    return Ok();
}

Status ValidatePosition(const Position& p) {
    if (p.title.empty()) return Invalid("职务不能为空", "title");
    if (p.title.size() > 60) return Invalid("职务名称过长", "title");
    if (!core::ParseIsoDate(p.start_date)) return Invalid("任职日期应为 YYYY-MM-DD 格式的有效日期", "start_date");
    if (!p.end_date.empty()) {
        if (!core::ParseIsoDate(p.end_date)) return Invalid("离任日期应为 YYYY-MM-DD 格式的有效日期", "end_date");
        if (p.end_date < p.start_date) return Invalid("离任日期不能早于任职日期", "end_date");
    }
    return Ok();
}

std::optional<PartyOrgKind> UpgradeHint(const PartyOrg& org) {
    if (org.member_count >= 100 && org.kind != PartyOrgKind::kCommittee) return PartyOrgKind::kCommittee;
    if (org.member_count >= 50 && (org.kind == PartyOrgKind::kBranch || org.kind == PartyOrgKind::kGroup))
        return PartyOrgKind::kGeneralBranch;
    return std::nullopt;
}

}  // namespace lingyan::core::roster
