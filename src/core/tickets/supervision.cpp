#include "core/tickets/supervision.hpp"

#include <algorithm>

#include "core/common/enum_names.hpp"

namespace lingyan::core::tickets {

namespace {

constexpr Category kCategories[] = {
    {"livelihood", "民生服务", 10}, {"infrastructure", "基础设施", 20}, {"environment", "环境整治", 15},
    {"industry", "产业发展", 20},   {"governance", "基层治理", 10},     {"other", "其他", 10},
};

constexpr const char* kColourNames[] = {"none", "blue", "yellow", "red"};

constexpr EnumName<Priority> kPriorities[] = {
    {Priority::kUrgent, "urgent", "紧急"}, {Priority::kHigh, "high", "较急"}, {Priority::kNormal, "normal", "一般"}};

}  // namespace

const char* ColourName(Colour c) { return kColourNames[static_cast<int>(c)]; }

std::optional<Colour> ColourFromName(std::string_view s) {
    for (int i = 0; i < 4; ++i)
        if (s == kColourNames[i]) return static_cast<Colour>(i);
    return std::nullopt;
}

const char* PriorityName(Priority p) { return EnumNameOf(kPriorities, p, ""); }

const char* PriorityLabel(Priority p) { return EnumLabelOf(kPriorities, p, ""); }

std::optional<Priority> PriorityFromName(std::string_view s) {
    return EnumFromName(kPriorities, s, NameMatch::kNameOrLabel);
}

std::span<const Category> Categories() { return kCategories; }

const Category* FindCategory(std::string_view name) {
    for (const auto& c : kCategories)
        if (c.name == name || c.label == name) return &c;
    return nullptr;
}

Result<int> AllowedDays(std::string_view category, Priority priority) {
    const auto* c = FindCategory(category);
    if (!c) return Invalid("未知的类别：" + std::string(category), "category");
    switch (priority) {
        case Priority::kUrgent:
            return 2;
        case Priority::kHigh:
            return (c->normal_days + 1) / 2;
        case Priority::kNormal:
            return c->normal_days;
    }
    return c->normal_days;
}

Status Validate(const ColourRules& r) {
    if (r.blue_days_left < 0 || r.blue_days_left > 10)
        return Invalid("蓝色预警天数应在 0 到 10 之间", "blue_days_left");
    if (r.yellow_denominator < 2 || r.yellow_denominator > 10)
        return Invalid("黄色预警比例的分母应在 2 到 10 之间", "yellow_denominator");
    if (r.yellow_numerator < 1 || r.yellow_numerator >= r.yellow_denominator)
        return Invalid("黄色预警比例应大于 0 且小于 1", "yellow_numerator");
    if (r.talk_reds < 1 || r.talk_reds > 100) return Invalid("约谈的红牌数应在 1 到 100 之间", "talk_reds");
    const int m = r.talk_period_months;
    if (m != 1 && m != 2 && m != 3 && m != 4 && m != 6 && m != 12)
        return Invalid("约谈的统计周期应为 1、2、3、4、6 或 12 个月", "talk_period_months");
    return Ok();
}

Result<Colour> ColourOf(const Timing& t, const CivilDate& today, const calendar::WorkCalendar& cal,
                        const ColourRules& rules) {
    if (today > t.deadline) return Colour::kRed;
    auto allowed = cal.CountWorkdays(t.assigned_on, t.deadline);
    if (!allowed) return allowed.error();
    const CivilDate upto = std::max(today, t.assigned_on);
    auto elapsed = cal.CountWorkdays(t.assigned_on, upto);
    if (!elapsed) return elapsed.error();
    const bool noted = t.last_note_on && *t.last_note_on >= t.assigned_on;
    if (!noted && *allowed > 0 && *elapsed * rules.yellow_denominator >= *allowed * rules.yellow_numerator)
        return Colour::kYellow;
    auto left = cal.CountWorkdays(upto, t.deadline);
    if (!left) return left.error();
    if (*left <= rules.blue_days_left) return Colour::kBlue;
    return Colour::kNone;
}

Result<CivilDate> DeadlineAfter(const CivilDate& from, int days, const calendar::WorkCalendar& cal) {
    if (days < 1 || days > 250) return Invalid("办理时限应为 1 到 250 个工作日", "days");
    auto d = cal.AddWorkdays(from, days);
    if (!d) return Invalid("无法计算截止日期：" + d.error().message, "days");
    return *d;
}

Status CheckDeadline(const CivilDate& deadline, const CivilDate& from, const calendar::WorkCalendar& cal) {
    if (deadline <= from) return Invalid("截止日期应晚于交办日期 " + FormatIsoDate(from), "deadline");
    auto work = cal.IsWorkday(deadline);
    if (!work) return Invalid("无法核对截止日期：" + work.error().message, "deadline");
    if (!*work) return Invalid("截止日期 " + FormatIsoDate(deadline) + " 不是工作日", "deadline");
    return Ok();
}

Result<bool> SignedLate(const CivilDate& assigned_on, const CivilDate& signed_on, const calendar::WorkCalendar& cal) {
    if (signed_on <= assigned_on) return false;
    auto days = cal.CountWorkdays(assigned_on, signed_on);
    if (!days) return days.error();
    return *days > 1;
}

CivilDate PeriodStart(const CivilDate& day, const ColourRules& rules) {
    const int months = rules.talk_period_months < 1 ? 1 : rules.talk_period_months;
    return CivilDate{day.year, ((day.month - 1) / months) * months + 1, 1};
}

}  // namespace lingyan::core::tickets
