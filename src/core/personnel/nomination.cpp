#include "core/personnel/nomination.hpp"

#include "core/common/enum_names.hpp"

namespace lingyan::core::personnel {

namespace {

constexpr EnumName<Category> kCategories[] = {{Category::kInaction, "inaction", "不作为"},
                                              {Category::kSlow, "slow", "慢作为"},
                                              {Category::kShirking, "shirking", "不担当"}};

constexpr EnumName<NominationState> kStates[] = {{NominationState::kPending, "pending", "待审核"},
                                                 {NominationState::kConfirmed, "confirmed", "已认定"},
                                                 {NominationState::kRejected, "rejected", "不予认定"}};

}  // namespace

Status Validate(const Nomination& n) {
    if (n.person_id <= 0) return Invalid("请选择被提名人", "person_id");
    if (n.year < 2000 || n.year > 2100) return Invalid("年度应在 2000–2100 之间", "year");
    if (n.reason.empty()) return Invalid("请填写提名理由", "reason");
    if (n.reason.size() > kMaxReason) return Invalid("提名理由不超过 1000 字节", "reason");
    if (n.evidence.size() > kMaxReason) return Invalid("佐证不超过 1000 字节", "evidence");
    return Ok();
}

Result<Nomination> Review(Nomination n, bool confirm, const std::string& reason, const std::string& by,
                          const std::string& at) {
    if (n.state != NominationState::kPending) return Conflict("该提名已审核", "state");
    if (reason.empty()) return Invalid(confirm ? "请填写认定理由" : "请填写不予认定的理由", "reason");
    if (reason.size() > kMaxReason) return Invalid("审核理由不超过 1000 字节", "reason");
    n.state = confirm ? NominationState::kConfirmed : NominationState::kRejected;
    n.reviewed_by = by;
    n.reviewed_at = at;
    n.review_reason = reason;
    return n;
}

const char* CategoryName(Category c) { return EnumNameOf(kCategories, c, "inaction"); }

const char* CategoryLabel(Category c) { return EnumLabelOf(kCategories, c, "不作为"); }

std::optional<Category> CategoryFromName(std::string_view s) {
    return EnumFromName(kCategories, s, NameMatch::kNameOrLabel);
}

const char* StateName(NominationState s) { return EnumNameOf(kStates, s, "pending"); }

const char* StateLabel(NominationState s) { return EnumLabelOf(kStates, s, "待审核"); }

std::optional<NominationState> StateFromName(std::string_view s) { return EnumFromName(kStates, s); }

}  // namespace lingyan::core::personnel
