#include "core/training/talent_pool.hpp"

#include <algorithm>

#include "core/common/date.hpp"

namespace lingyan::core::training {
namespace {

const char* EducationName(roster::Education education) {
    switch (education) {
        case roster::Education::kMiddleOrBelow: return "初中及以下";
        case roster::Education::kHighSchool: return "高中/中专";
        case roster::Education::kJuniorCollege: return "大专";
        case roster::Education::kBachelor: return "本科";
        case roster::Education::kPostgraduate: return "研究生";
    }
    return "?";
}

const char* PartyChinese(PartyStanding standing) {
    switch (standing) {
        case PartyStanding::kNone: return "非党员";
        case PartyStanding::kProbationary: return "预备党员";
        case PartyStanding::kFull: return "正式党员";
    }
    return "?";
}

}  // namespace

const char* MemberStateName(MemberState state) {
    switch (state) {
        case MemberState::kNominated: return "nominated";
        case MemberState::kSelected: return "selected";
        case MemberState::kInTraining: return "in_training";
        case MemberState::kGraduated: return "graduated";
        case MemberState::kAppointed: return "appointed";
        case MemberState::kLeft: return "left";
    }
    return "?";
}

const char* MemberStateLabel(MemberState state) {
    switch (state) {
        case MemberState::kNominated: return "已提名";
        case MemberState::kSelected: return "已入库";
        case MemberState::kInTraining: return "培养中";
        case MemberState::kGraduated: return "已结业";
        case MemberState::kAppointed: return "已任用";
        case MemberState::kLeft: return "已退出";
    }
    return "?";
}

const char* PartyStandingName(PartyStanding standing) {
    switch (standing) {
        case PartyStanding::kNone: return "none";
        case PartyStanding::kProbationary: return "probationary";
        case PartyStanding::kFull: return "full";
    }
    return "?";
}

Result<EligibilityReport> CheckEligibility(const EligibilityRules& rules, const Candidate& candidate,
                                           const std::string& as_of) {
    auto on = ParseIsoDateField(as_of, "as_of");
    if (!on) return on.error();
    EligibilityReport report;
    auto add = [&report](const char* rule, bool passed, std::string reason) {
        report.checks.push_back(RuleCheck{rule, passed, std::move(reason)});
        report.eligible = report.eligible && passed;
    };
    if (rules.min_age || rules.max_age) {
        // A roster may know a birth month only ("1990-05"): count from the month's first day.
        auto birth = candidate.birth_date.size() == 7 ? ParseIsoDateField(candidate.birth_date + "-01", "birth_date")
                                                      : ParseIsoDateField(candidate.birth_date, "birth_date");
        if (!birth) return birth.error();
        const int age = AgeOn(*birth, *on);
        const std::string age_text = "年龄 " + std::to_string(age) + " 岁";
        if (rules.max_age && age > *rules.max_age)
            add("age", false, age_text + "，超过上限 " + std::to_string(*rules.max_age) + " 岁");
        else if (rules.min_age && age < *rules.min_age)
            add("age", false, age_text + "，低于下限 " + std::to_string(*rules.min_age) + " 岁");
        else
            add("age", true, age_text + "，符合要求");
    }
    if (rules.min_education) {
        const bool passed = candidate.education >= *rules.min_education;
        add("education", passed,
            std::string("学历 ") + EducationName(candidate.education) + (passed ? "，不低于 " : "，低于要求的 ") +
                EducationName(*rules.min_education));
    }
    if (!rules.allowed_posts.empty()) {
        const bool passed = std::find(rules.allowed_posts.begin(), rules.allowed_posts.end(), candidate.current_post) !=
                            rules.allowed_posts.end();
        std::string allowed;
        for (const auto& post : rules.allowed_posts) allowed += (allowed.empty() ? "" : "、") + post;
        add("post", passed,
            "现任 " + (candidate.current_post.empty() ? std::string("（无）") : candidate.current_post) +
                (passed ? "，属于 " : "，不属于 ") + allowed);
    }
    if (rules.min_years_in_post) {
        int years = 0;
        if (!candidate.post_start_date.empty()) {
            auto start = ParseIsoDateField(candidate.post_start_date, "post_start_date");
            if (!start) return start.error();
            years = std::max(0, FullYearsBetween(*start, *on));
        }
        const bool passed = years >= *rules.min_years_in_post;
        add("years_in_post", passed,
            "任现职 " + std::to_string(years) + " 年" + (passed ? "，满 " : "，不满 ") +
                std::to_string(*rules.min_years_in_post) + " 年");
    }
    if (rules.min_party != PartyStanding::kNone) {
        const bool passed = candidate.party >= rules.min_party;
        add("party", passed,
            std::string("政治面貌 ") + PartyChinese(candidate.party) + (passed ? "，符合 " : "，须为 ") +
                PartyChinese(rules.min_party) + (rules.min_party == PartyStanding::kProbationary ? "及以上" : ""));
    }
    if (rules.honour) {
        const auto& rule = *rules.honour;
        const int year = std::stoi(as_of.substr(0, 4));
        const std::string wanted = std::string(rule.within_years > 0 ? "近 " + std::to_string(rule.within_years) + " 年" : "") +
                                   honours::LevelLabel(rule.min_level) + "及以上" + rule.title;
        if (const auto* h = honours::Satisfying(candidate.honours, rule, year))
            add("honour", true, "已获 " + std::to_string(h->year) + " 年" + honours::LevelLabel(h->level) + h->title);
        else
            add("honour", false, "未获" + wanted);
    }
    return report;
}

bool CanTransition(MemberState from, MemberState to) {
    if (to == MemberState::kLeft) return from != MemberState::kLeft;
    switch (from) {
        case MemberState::kNominated: return to == MemberState::kSelected;
        case MemberState::kSelected: return to == MemberState::kInTraining;
        case MemberState::kInTraining: return to == MemberState::kGraduated;
        case MemberState::kGraduated: return to == MemberState::kAppointed;
        case MemberState::kAppointed:
        case MemberState::kLeft: return false;
    }
    return false;
}

bool HoldsPlace(MemberState state) {
    return state == MemberState::kSelected || state == MemberState::kInTraining || state == MemberState::kGraduated;
}

QuotaUse CountQuotaUse(const TalentPool& pool, const std::vector<Membership>& members) {
    QuotaUse use;
    use.quota = pool.quota;
    for (const auto& member : members) {
        if (member.pool_id != pool.id || !HoldsPlace(member.state)) continue;
        ++use.used;
        ++use.used_by_town[member.town_id];
    }
    return use;
}

Result<Membership> Nominate(const TalentPool& pool, const std::vector<Membership>& members,
                            const Candidate& candidate, const std::string& date) {
    if (auto on = ParseIsoDateField(date, "date"); !on) return on.error();
    for (const auto& member : members) {
        if (member.pool_id == pool.id && member.person_id == candidate.person_id && member.state != MemberState::kLeft)
            return Conflict(candidate.name + " 已在 " + pool.name + " 中（状态 " + MemberStateName(member.state) + "）",
                            "person_id");
    }
    Membership membership;
    membership.pool_id = pool.id;
    membership.person_id = candidate.person_id;
    membership.town_id = candidate.town_id;
    membership.state = MemberState::kNominated;
    membership.nominated_on = date;
    return membership;
}

Result<Membership> Transition(const TalentPool& pool, const std::vector<Membership>& members,
                              const Membership& member, const Candidate& candidate, MemberState to,
                              const std::string& date, const std::string& note, const std::string& override_reason) {
    auto on = ParseIsoDateField(date, "date");
    if (!on) return on.error();
    if (!CanTransition(member.state, to))
        return Conflict(std::string("不能从 ") + MemberStateName(member.state) + " 变为 " + MemberStateName(to) +
                            " (illegal transition)",
                        "state");
    const std::string& last = member.history.empty() ? member.nominated_on : member.history.back().date;
    if (!last.empty() && date < last)
        return Invalid("日期 " + date + " 早于上一次变动 " + last + " (dates must not go backwards)", "date");
    Membership next = member;
    if (to == MemberState::kSelected) {
        const QuotaUse use = CountQuotaUse(pool, members);
        if (use.used >= pool.quota)
            return Conflict(pool.name + " 名额已满（" + std::to_string(use.used) + "/" + std::to_string(pool.quota) +
                                "）(quota full)",
                            "quota");
        if (auto town = pool.town_quota.find(member.town_id); town != pool.town_quota.end()) {
            auto used = use.used_by_town.find(member.town_id);
            const int town_used = used == use.used_by_town.end() ? 0 : used->second;
            if (town_used >= town->second)
                return Conflict(pool.name + " 本镇名额已满（" + std::to_string(town_used) + "/" +
                                    std::to_string(town->second) + "）(town quota full)",
                                "town_quota");
        }
        auto report = CheckEligibility(pool.rules, candidate, date);
        if (!report) return report.error();
        if (!report->eligible) {
            if (override_reason.empty()) {
                std::string reasons;
                for (const auto& check : report->checks)
                    if (!check.passed) reasons += (reasons.empty() ? "" : "；") + check.reason;
                return Conflict(candidate.name + " 不符合入选条件：" + reasons + "（如确需入选，请填写破格理由）",
                                "override_reason");
            }
            next.override_reason = override_reason;
        }
    }
    next.history.push_back(StateChange{member.state, to, date, note});
    next.state = to;
    return next;
}

}  // namespace lingyan::core::training
