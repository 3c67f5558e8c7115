#include "core/roster/party_org_rules.hpp"

#include <string>

#include "core/common/date.hpp"
#include "core/text/cell_text.hpp"

namespace lingyan::core::roster {

namespace {
using core::text::Utf8Length;
bool HasControl(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}
}  // namespace

int MembersNeededFor(PartyOrgKind kind) {
    switch (kind) {
        case PartyOrgKind::kCommittee: return kCommitteeMembers;
        case PartyOrgKind::kGeneralBranch: return kGeneralBranchMembers;
        default: return 0;
    }
}

int KindRank(PartyOrgKind kind) {
    switch (kind) {
        case PartyOrgKind::kCommittee: return 3;
        case PartyOrgKind::kGeneralBranch: return 2;
        case PartyOrgKind::kBranch: return 1;
        case PartyOrgKind::kGroup: return 0;
    }
    return 0;
}

const char* PartyOrgKindLabel(PartyOrgKind kind) {
    switch (kind) {
        case PartyOrgKind::kCommittee: return "党委";
        case PartyOrgKind::kGeneralBranch: return "党总支";
        case PartyOrgKind::kBranch: return "党支部";
        case PartyOrgKind::kGroup: return "党小组";
    }
    return "";
}

Status ValidOrgName(std::string_view name) {
    if (name.empty()) return Invalid("党组织名称不能为空", "name");
    if (Utf8Length(name) > kMaxOrgNameChars)
        return Invalid("党组织名称最多 " + std::to_string(kMaxOrgNameChars) + " 个字", "name");
    if (HasControl(name)) return Invalid("党组织名称含有控制字符", "name");
    return Ok();
}

Status ValidApproval(std::string_view date, std::string_view document_no, std::string_view today,
                     bool require_document, std::string_view date_field, std::string_view date_label) {
    const std::string label(date_label), field(date_field);
    if (!ParseIsoDate(date)) return Invalid(label + "应为 YYYY-MM-DD 格式的有效日期", field);
    if (date > today) return Invalid(label + "不能晚于今天", field);
    if (require_document && document_no.empty()) return Invalid("请填写批复文号", "document_no");
    if (Utf8Length(document_no) > kMaxDocumentNoChars)
        return Invalid("批复文号最多 " + std::to_string(kMaxDocumentNoChars) + " 个字", "document_no");
    if (HasControl(document_no)) return Invalid("批复文号含有控制字符", "document_no");
    return Ok();
}

Status CheckUpgrade(const PartyOrg& org, PartyOrgKind to, int members, bool on_grid) {
    if (!org.active()) return Conflict("该党组织已撤销", "kind");
    if (on_grid) return Invalid("网格党支部不升格", "kind");
    if (KindRank(to) <= KindRank(org.kind))
        return Invalid(std::string("只能升格为更高一级的党组织（当前为") + PartyOrgKindLabel(org.kind) + "）", "kind");
    const int needed = MembersNeededFor(to);
    if (members < needed)
        return Invalid(std::string("设立") + PartyOrgKindLabel(to) + "需要党员 " + std::to_string(needed) +
                           " 名以上，现有 " + std::to_string(members) + " 名",
                       "kind");
    return Ok();
}

Status CheckKindForUnit(PartyOrgKind kind, UnitKind unit_kind) {
    if (unit_kind == UnitKind::kGrid && KindRank(kind) > KindRank(PartyOrgKind::kBranch))
        return Invalid("网格只能建立党支部或党小组", "kind");
    return Ok();
}

}  // namespace lingyan::core::roster
