#pragma once
// Personnel decisions (人事决定): what an organization department decides about a roster person
// after an evaluation — an appointment (任用), a promotion in rank (晋升职级), a reward (奖励) or a
// reminder talk (谈话提醒) — each citing its ground: a published campaign's result, an honour
// (award) or a talent-pool entry. An appointment names the position it creates in the roster.
// Plain values and pure checks; no I/O.

#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::personnel {

using roster::Id;

// When adding one, also update the table in decision.cpp.
enum class Kind { kAppointment, kPromotion, kReward, kTalk };
// What a decision cites. When adding one, also update the table in decision.cpp.
enum class Ground { kCampaign, kHonour, kPool };

struct Decision {
    Id id = 0;
    Id person_id = 0;
    Id unit_id = 0;    // the person's unit when decided
    std::string name;  // the person's name when decided
    Kind kind = Kind::kAppointment;
    Ground ground = Ground::kCampaign;
    Id ground_id = 0;          // the campaign, honour or talent pool
    std::string ground_label;  // the ground in words when decided ("…好班长 第 2 名 · 好班长")
    std::string content;       // what was decided: 任…, 晋升…, 嘉奖…, the talk's points
    std::string document_no;   // 文号, optional
    std::string decided_on;    // YYYY-MM-DD
    Id position_id = 0;        // an appointment: the position it created
    std::string decided_by;
    std::string decided_at;  // ISO 8601 UTC
};

// An appointment's position: the unit and title (start date = the decision's date).
struct PositionSpec {
    Id unit_id = 0;
    std::string title;
};

inline constexpr std::size_t kMaxContent = 500;  // bytes of UTF-8
inline constexpr std::size_t kMaxShortText = 100;

// Refuses a decision without a person, ground, content or valid date, with overlong text, or an
// appointment without its position (title and unit); names the field.
Status Validate(const Decision& d, const std::optional<PositionSpec>& position);

const char* KindName(Kind kind);    // appointment, promotion, reward, talk
const char* KindLabel(Kind kind);   // 任用, 晋升职级, 奖励, 谈话提醒
std::optional<Kind> KindFromName(std::string_view s);
const char* GroundName(Ground ground);   // campaign, honour, pool
const char* GroundLabel(Ground ground);  // 考核结果, 荣誉, 人才库
std::optional<Ground> GroundFromName(std::string_view s);

}  // namespace lingyan::core::personnel
