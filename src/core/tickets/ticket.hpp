#pragma once
// Tickets (工单): an item raised at a meeting, a 民情 visit, a 百姓议事堂 deliberation, a hotline
// call or a training seminar, tracked through the workflow (workflow.hpp) on the working-day
// calendar (supervision.hpp). Every ticket keeps its source. Meetings and 议事堂 records are the
// sources that have a record of their own. Plain values; no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"
#include "core/tickets/supervision.hpp"
#include "core/tickets/workflow.hpp"

namespace lingyan::core::tickets {

using roster::Id;

// Where a ticket comes from. When adding one, also update SourceName/SourceFromName and the locales.
enum class Source { kMeeting, kMinqing, kYishitang, kHotline, kSeminar, kSplit };
const char* SourceName(Source s);   // meeting, minqing, yishitang, hotline, seminar, split
const char* SourceLabel(Source s);  // 会议交办, 民情走访, 百姓议事堂, 12345热线, 培训研讨, 拆分
std::optional<Source> SourceFromName(std::string_view s);

struct Ticket {
    Id id = 0;
    Source source = Source::kMinqing;
    Id source_id = 0;  // the meeting, 议事堂 record or parent ticket; 0 for others
    std::string title;
    std::string detail;
    std::string category = "other";  // a Category name
    Priority priority = Priority::kNormal;
    Id subject_unit_id = 0;  // where it was raised (a unit or a grid)
    std::string location;   // free text: the street, the household
    Id raised_by = 0;       // the user who registered it
    std::string raiser_name;   // who raised it (a villager, a deputy…)
    std::string raiser_phone;  // optional, for the call-back
    State state = State::kRegistered;
    Id office_unit_id = 0;    // the assigning office's unit (the subject unit until assigned)
    Id handler_unit_id = 0;   // 0 until assigned
    std::string leader;       // the responsible leader (name and post)
    Id leader_user_id = 0;    // the leader's account, notified of reds; 0 when none
    int allowed_days = 0;
    std::string assigned_on;  // YYYY-MM-DD of the current assignment
    std::string deadline;     // YYYY-MM-DD, a working day
    std::string signed_on;
    bool signed_late = false;
    std::string last_note_on;
    std::string reported_on;
    std::string closed_on;
    int days_to_close = 0;  // working days from the (last) assignment to closing; set when closed
    Colour colour = Colour::kNone;
    std::string red_on;       // the day it first turned red in this assignment
    int reopen_count = 0;
    int send_back_count = 0;
    std::optional<bool> satisfied;  // the last call-back
    int extension_days = 0;         // a pending extension request, 0 when none
    std::string extension_reason;
    Id merged_into = 0;
    std::string created_at;  // ISO 8601 UTC
    std::string updated_at;
};

// Text lengths a ticket accepts (characters).
inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxDetailChars = 5000;

// A text field: required (not empty) when said, valid UTF-8, at most `max` characters; the error
// names `field` and says `what` (Chinese).
Status CheckText(const std::string& text, std::size_t max, const std::string& field, const std::string& what,
                 bool required);

// Refuses a ticket without a title or subject unit, with an unknown category, or with text too long;
// names the field.
Status ValidateNew(const Ticket& t);

// The timing of a running ticket (nullopt when it is not running or its dates do not parse).
std::optional<Timing> TimingOf(const Ticket& t);

// Meetings (会议) whose items become tickets. When adding a kind, also update the names and the locales.
enum class MeetingKind { kSecretaryTalk, kWorkMeeting, kSeminar, kDispatch };
const char* MeetingKindName(MeetingKind k);   // secretary_talk, work_meeting, seminar, dispatch
const char* MeetingKindLabel(MeetingKind k);  // 书记讲给书记听, 工作例会, 研讨交流, 点调会
std::optional<MeetingKind> MeetingKindFromName(std::string_view s);

struct Meeting {
    Id id = 0;
    MeetingKind kind = MeetingKind::kWorkMeeting;
    std::string title;
    std::string held_on;  // YYYY-MM-DD
    Id unit_id = 0;       // the organizing unit
    std::vector<std::string> leaders;
    std::vector<std::string> participants;
    std::string minutes;
    std::string created_by;
    std::string created_at;
};
Status Validate(const Meeting& m);

// A 百姓议事堂 deliberation: topic, who took part and what was decided.
struct Deliberation {
    Id id = 0;
    Id unit_id = 0;
    std::string topic;
    std::string held_on;
    std::vector<std::string> participants;
    std::string decision;
    std::string created_by;
    std::string created_at;
};
Status Validate(const Deliberation& d);

}  // namespace lingyan::core::tickets
