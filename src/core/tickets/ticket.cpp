#include "core/tickets/ticket.hpp"

#include "core/common/enum_names.hpp"
#include "core/text/cell_text.hpp"

namespace lingyan::core::tickets {

namespace {

constexpr EnumName<Source> kSources[] = {
    {Source::kMeeting, "meeting", "会议交办"},   {Source::kMinqing, "minqing", "民情走访"},
    {Source::kYishitang, "yishitang", "百姓议事堂"}, {Source::kHotline, "hotline", "12345热线"},
    {Source::kSeminar, "seminar", "培训研讨"},   {Source::kSplit, "split", "拆分"}};

constexpr EnumName<MeetingKind> kMeetingKinds[] = {{MeetingKind::kSecretaryTalk, "secretary_talk", "书记讲给书记听"},
                                                   {MeetingKind::kWorkMeeting, "work_meeting", "工作例会"},
                                                   {MeetingKind::kSeminar, "seminar", "研讨交流"},
                                                   {MeetingKind::kDispatch, "dispatch", "点调会"}};

Status CheckDate(const std::string& text, const char* field) {
    if (!ParseIsoDate(text)) return Invalid("日期应为 YYYY-MM-DD：" + text, field);
    return Ok();
}

}  // namespace

Status CheckText(const std::string& text, std::size_t max, const std::string& field, const std::string& what,
                 bool required) {
    if (required && text.empty()) return Invalid("请填写" + what, field);
    if (!text::IsValidUtf8(text)) return Invalid(what + "不是有效的 UTF-8 文本", field);
    if (text::Utf8Length(text) > max) return Invalid(what + "不能超过 " + std::to_string(max) + " 个字", field);
    return Ok();
}

const char* SourceName(Source s) { return EnumNameOf(kSources, s, ""); }
const char* SourceLabel(Source s) { return EnumLabelOf(kSources, s, ""); }
std::optional<Source> SourceFromName(std::string_view s) { return EnumFromName(kSources, s); }

const char* MeetingKindName(MeetingKind k) { return EnumNameOf(kMeetingKinds, k, ""); }
const char* MeetingKindLabel(MeetingKind k) { return EnumLabelOf(kMeetingKinds, k, ""); }
std::optional<MeetingKind> MeetingKindFromName(std::string_view s) {
    return EnumFromName(kMeetingKinds, s, NameMatch::kNameOrLabel);
}

Status ValidateNew(const Ticket& t) {
    if (auto st = CheckText(t.title, kMaxTitleChars, "title", "事项标题", true); !st) return st;
    if (auto st = CheckText(t.detail, kMaxDetailChars, "detail", "事项内容", false); !st) return st;
    if (auto st = CheckText(t.location, kMaxTitleChars, "location", "地点", false); !st) return st;
    if (auto st = CheckText(t.raiser_name, 100, "raiser_name", "反映人", false); !st) return st;
    if (auto st = CheckText(t.raiser_phone, 30, "raiser_phone", "联系电话", false); !st) return st;
    if (t.subject_unit_id <= 0) return Invalid("请选择事项所在单位或网格", "unit_id");
    if (!FindCategory(t.category)) return Invalid("未知的类别：" + t.category, "category");
    return Ok();
}

std::optional<Timing> TimingOf(const Ticket& t) {
    if (!IsRunning(t.state)) return std::nullopt;
    auto assigned = ParseIsoDate(t.assigned_on);
    auto deadline = ParseIsoDate(t.deadline);
    if (!assigned || !deadline) return std::nullopt;
    Timing timing{*assigned, *deadline, std::nullopt};
    if (!t.last_note_on.empty()) timing.last_note_on = ParseIsoDate(t.last_note_on);
    return timing;
}

Status Validate(const Meeting& m) {
    if (auto st = CheckText(m.title, kMaxTitleChars, "title", "会议名称", true); !st) return st;
    if (auto st = CheckDate(m.held_on, "held_on"); !st) return st;
    if (m.unit_id <= 0) return Invalid("请选择会议的组织单位", "unit_id");
    if (auto st = CheckText(m.minutes, 20000, "minutes", "会议纪要", false); !st) return st;
    if (m.leaders.size() > 50) return Invalid("出席领导不能超过 50 人", "leaders");
    if (m.participants.size() > 500) return Invalid("参会人员不能超过 500 人", "participants");
    for (const auto& n : m.leaders)
        if (auto st = CheckText(n, 100, "leaders", "出席领导", true); !st) return st;
    for (const auto& n : m.participants)
        if (auto st = CheckText(n, 100, "participants", "参会人员", true); !st) return st;
    return Ok();
}

Status Validate(const Deliberation& d) {
    if (auto st = CheckText(d.topic, kMaxTitleChars, "topic", "议题", true); !st) return st;
    if (auto st = CheckDate(d.held_on, "held_on"); !st) return st;
    if (d.unit_id <= 0) return Invalid("请选择议事堂所在单位", "unit_id");
    if (auto st = CheckText(d.decision, kMaxDetailChars, "decision", "议定事项", true); !st) return st;
    if (d.participants.size() > 500) return Invalid("参加人员不能超过 500 人", "participants");
    for (const auto& n : d.participants)
        if (auto st = CheckText(n, 100, "participants", "参加人员", true); !st) return st;
    return Ok();
}

}  // namespace lingyan::core::tickets
