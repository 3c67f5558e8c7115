#include "core/training/ladder.hpp"

#include <algorithm>

#include "core/common/date.hpp"

namespace lingyan::core::training {
namespace {

LadderConfig MakeLadder(std::vector<std::string> posts, int levels, int years_per_step) {
    LadderConfig config;
    config.posts = std::move(posts);
    config.levels = levels;
    config.years_per_step = years_per_step;
    for (int level = 1; level <= levels; ++level) {
        const long long base = 60000 + 5000LL * (level - 1);
        config.pay.push_back(PayBand{base, base + base / 10});
        config.bonus_weight.push_back(1.0 + 0.1 * (level - 1));
    }
    return config;
}

}  // namespace

Result<Grade> GradeFromName(const std::string& name) {
    if (name == "优秀" || name == "excellent") return Grade::kExcellent;
    if (name == "称职" || name == "competent") return Grade::kCompetent;
    if (name == "基本称职" || name == "basically_competent") return Grade::kBasicallyCompetent;
    if (name == "不称职" || name == "incompetent") return Grade::kIncompetent;
    return Invalid("考核等次须为 优秀/称职/基本称职/不称职 (unknown grade \"" + name + "\")", "grade");
}

const char* GradeName(Grade grade) {
    switch (grade) {
        case Grade::kExcellent: return "优秀";
        case Grade::kCompetent: return "称职";
        case Grade::kBasicallyCompetent: return "基本称职";
        case Grade::kIncompetent: return "不称职";
    }
    return "?";
}

LadderConfig FourByFifteenLadder() { return MakeLadder({"书记", "副书记", "两委委员", "专职工作者"}, 15, 2); }
LadderConfig ThreeByEighteenLadder() { return MakeLadder({"书记", "副职", "委员"}, 18, 3); }

Result<LadderConfig> LadderByName(const std::string& name) {
    if (name == "4x15") return FourByFifteenLadder();
    if (name == "3x18") return ThreeByEighteenLadder();
    return Invalid("等级体系应为 4x15（四岗十五级）或 3x18（三岗十八级）：" + name, "ladder");
}

Status ValidateLadder(const LadderConfig& config) {
    if (config.posts.empty()) return Invalid("至少需要一个岗位 (no posts)", "posts");
    if (config.levels < 1) return Invalid("等级数须至少为 1 (levels must be ≥ 1)", "levels");
    if (config.years_per_step < 1) return Invalid("晋级年限须至少为 1 年 (years_per_step must be ≥ 1)", "years_per_step");
    if (static_cast<int>(config.pay.size()) != config.levels)
        return Invalid("薪酬档次数须等于等级数 (one pay band per level)", "pay");
    if (static_cast<int>(config.bonus_weight.size()) != config.levels)
        return Invalid("奖金权重数须等于等级数 (one bonus weight per level)", "bonus_weight");
    for (std::size_t idx = 0; idx < config.pay.size(); ++idx)
        if (config.pay[idx].min_yuan > config.pay[idx].max_yuan || config.pay[idx].min_yuan < 0)
            return Invalid("第 " + std::to_string(idx + 1) + " 级薪酬下限高于上限 (bad pay band)", "pay");
    for (double weight : config.bonus_weight)
        if (!(weight >= 0)) return Invalid("奖金权重不能为负 (bonus weight must be ≥ 0)", "bonus_weight");
    return Ok();
}

Result<LevelRecord> LevelOn(const std::vector<LevelRecord>& history, const std::string& as_of) {
    if (auto on = ParseIsoDateField(as_of, "as_of"); !on) return on.error();
    if (history.empty()) return Invalid("尚未定级 (no level history)", "history");
    for (std::size_t idx = 0; idx < history.size(); ++idx) {
        if (auto d = ParseIsoDateField(history[idx].effective_date, "history[" + std::to_string(idx) + "]"); !d)
            return d.error();
        if (idx > 0 && history[idx].effective_date < history[idx - 1].effective_date)
            return Invalid("等级记录须按生效日期排序 (history out of order)", "history");
    }
    if (history.front().effective_date > as_of)
        return Invalid(as_of + " 时尚未定级 (no level in force on that date)", "as_of");
    auto it = std::upper_bound(history.begin(), history.end(), as_of,
                               [](const std::string& date, const LevelRecord& r) { return date < r.effective_date; });
    return *std::prev(it);
}

Result<PromotionCheck> CheckPromotion(const LadderConfig& config, const std::vector<LevelRecord>& history,
                                      const std::string& as_of, Grade last_grade) {
    if (auto st = ValidateLadder(config); !st) return st.error();
    auto current = LevelOn(history, as_of);
    if (!current) return current.error();
    // Time at level runs from the first record of the current level (a demotion and later
    // re-promotion restarts it).
    std::string since = current->effective_date;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        if (it->effective_date > as_of) continue;
        if (it->level != current->level) break;
        since = it->effective_date;
    }
    PromotionCheck check;
    check.current_level = current->level;
    check.years_at_level = FullYearsBetween(*ParseIsoDate(since), *ParseIsoDate(as_of));
    check.years_required = last_grade == Grade::kExcellent
                               ? std::max(1, config.years_per_step - config.excellent_bonus_years)
                               : config.years_per_step;
    bool ok = true;
    auto note = [&](bool passed, std::string text) {
        ok = ok && passed;
        check.reasons.push_back(std::move(text));
    };
    note(current->level < config.levels, current->level < config.levels
                                             ? "现为 " + std::to_string(current->level) + " 级，可晋升"
                                             : "已为最高级 " + std::to_string(config.levels) + " 级");
    note(check.years_at_level >= check.years_required,
         "本级任职 " + std::to_string(check.years_at_level) + " 年，需满 " + std::to_string(check.years_required) + " 年");
    const bool grade_ok = last_grade == Grade::kExcellent || last_grade == Grade::kCompetent;
    note(grade_ok, std::string("上年度考核 ") + GradeName(last_grade) + (grade_ok ? "，符合" : "，不得晋级"));
    check.eligible = ok;
    check.next_level = ok ? current->level + 1 : current->level;
    return check;
}

Result<std::vector<LevelRecord>> Promote(const LadderConfig& config, const std::vector<LevelRecord>& history,
                                         const std::string& date, Grade last_grade) {
    auto check = CheckPromotion(config, history, date, last_grade);
    if (!check) return check.error();
    if (!check->eligible) {
        std::string reasons;
        for (const auto& r : check->reasons) reasons += (reasons.empty() ? "" : "；") + r;
        return Error{errc::kConflict, "不符合晋级条件：" + reasons, "level"};
    }
    if (date < history.back().effective_date)
        return Invalid("晋级日期早于最近一次等级变动 (date before the last change)", "date");
    std::vector<LevelRecord> next = history;
    next.push_back(LevelRecord{history.back().post, check->next_level, date, "晋级"});
    return next;
}

Result<std::vector<LevelRecord>> DemoteForNegativeList(const LadderConfig& config,
                                                       const std::vector<LevelRecord>& history,
                                                       const std::string& date, const std::string& reason) {
    if (auto st = ValidateLadder(config); !st) return st.error();
    auto current = LevelOn(history, date);
    if (!current) return current.error();
    if (date < history.back().effective_date)
        return Invalid("降级日期早于最近一次等级变动 (date before the last change)", "date");
    std::vector<LevelRecord> next = history;
    next.push_back(LevelRecord{current->post, std::max(1, current->level - 1), date,
                               "负面清单降级" + (reason.empty() ? std::string() : "：" + reason)});
    return next;
}

Result<PayBand> PayBandFor(const LadderConfig& config, int level) {
    if (level < 1 || level > config.levels || level > static_cast<int>(config.pay.size()))
        return Invalid("等级 " + std::to_string(level) + " 超出范围 (level out of range)", "level");
    return config.pay[level - 1];
}

}  // namespace lingyan::core::training
