#include "core/personnel/decision.hpp"

#include "core/common/date.hpp"
#include "core/common/enum_names.hpp"

namespace lingyan::core::personnel {

namespace {

constexpr EnumName<Kind> kKinds[] = {{Kind::kAppointment, "appointment", "任用"},
                                     {Kind::kPromotion, "promotion", "晋升职级"},
                                     {Kind::kReward, "reward", "奖励"},
                                     {Kind::kTalk, "talk", "谈话提醒"}};

constexpr EnumName<Ground> kGrounds[] = {
    {Ground::kCampaign, "campaign", "考核结果"}, {Ground::kHonour, "honour", "荣誉"}, {Ground::kPool, "pool", "人才库"}};

}  // namespace

Status Validate(const Decision& d, const std::optional<PositionSpec>& position) {
    if (d.person_id <= 0) return Invalid("请选择人员", "person_id");
    if (d.ground_id <= 0) return Invalid("请选择依据（考核结果、荣誉或人才库）", "ground_id");
    if (d.content.empty()) return Invalid("请填写决定内容", "content");
    if (d.content.size() > kMaxContent) return Invalid("决定内容不超过 500 字节", "content");
    if (d.document_no.size() > kMaxShortText) return Invalid("文号不超过 100 字节", "document_no");
    if (auto date = ParseIsoDateField(d.decided_on, "decided_on"); !date) return date.error();
    if (d.kind == Kind::kAppointment) {
        if (!position || position->title.empty()) return Invalid("任用须填写职务", "position_title");
        if (position->title.size() > kMaxShortText) return Invalid("职务不超过 100 字节", "position_title");
        if (position->unit_id <= 0) return Invalid("任用须选择任职单位", "position_unit_id");
    }
    return Ok();
}

const char* KindName(Kind kind) { return EnumNameOf(kKinds, kind, "appointment"); }

const char* KindLabel(Kind kind) { return EnumLabelOf(kKinds, kind, "任用"); }

std::optional<Kind> KindFromName(std::string_view s) { return EnumFromName(kKinds, s); }

const char* GroundName(Ground ground) { return EnumNameOf(kGrounds, ground, "campaign"); }

const char* GroundLabel(Ground ground) { return EnumLabelOf(kGrounds, ground, "考核结果"); }

std::optional<Ground> GroundFromName(std::string_view s) { return EnumFromName(kGrounds, s); }

}  // namespace lingyan::core::personnel
