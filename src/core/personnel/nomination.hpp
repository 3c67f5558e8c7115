#pragma once
// The nominated 躺平奖: a town's party secretary names cadres of his own town for 不作为、慢作为
// or 不担当, with the reason and the evidence; the county reviews each nomination (confirms or
// rejects it, with a reason). The computed list (a campaign's bottom N, core/evaluation/standing)
// stays an option beside it. Plain values and pure checks; no I/O.

#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::personnel {

// When adding one, also update the table in nomination.cpp.
enum class Category { kInaction, kSlow, kShirking };  // 不作为, 慢作为, 不担当
enum class NominationState { kPending, kConfirmed, kRejected };

struct Nomination {
    roster::Id id = 0;
    roster::Id person_id = 0;
    roster::Id unit_id = 0;  // the person's unit when named
    std::string name;        // the person's name when named
    int year = 0;
    Category category = Category::kInaction;
    std::string reason;    // why, in words
    std::string evidence;  // what shows it (meeting minutes, ticket numbers …), optional
    NominationState state = NominationState::kPending;
    std::string nominated_by, nominated_at;
    std::string reviewed_by, reviewed_at, review_reason;
};

inline constexpr std::size_t kMaxReason = 1000;  // bytes of UTF-8, reason and evidence each

// Refuses a nomination without a person, plausible year (2000–2100) or reason, or with overlong
// text; names the field.
Status Validate(const Nomination& n);
// A review: only a pending nomination, with a reason; `confirm` false rejects.
Result<Nomination> Review(Nomination n, bool confirm, const std::string& reason, const std::string& by,
                          const std::string& at);

const char* CategoryName(Category c);   // inaction, slow, shirking
const char* CategoryLabel(Category c);  // 不作为, 慢作为, 不担当
std::optional<Category> CategoryFromName(std::string_view s);  // the names or the labels
const char* StateName(NominationState s);  // pending, confirmed, rejected
const char* StateLabel(NominationState s);  // 待审核, 已认定, 不予认定 (the page's words)
std::optional<NominationState> StateFromName(std::string_view s);

}  // namespace lingyan::core::personnel
