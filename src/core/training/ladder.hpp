#pragma once
// The 四岗十五级 grade ladder of 薪火计划 (张家港): village cadres hold one of several posts and
// one of several levels; a level carries a pay band and a weight in the yearly bonus pool.
// Configurable: default 4 posts × 15 levels, promotion after 2 years at a level with a passing
// evaluation; other counties run 3 × 18 with a step every 3 years. A place on the negative list
// (躺平奖, 不称职) demotes one level. Pure values and functions.

#include <string>
#include <vector>

#include "core/common/result.hpp"

namespace lingyan::core::training {

// Evaluation grades of the yearly appraisal, as used by SPEC's `rating` method.
// When adding a grade, also update GradeFromName/GradeName and BonusRule's coefficients.
enum class Grade { kExcellent, kCompetent, kBasicallyCompetent, kIncompetent };  // 优秀 称职 基本称职 不称职
Result<Grade> GradeFromName(const std::string& name);  // accepts 优秀/excellent …
const char* GradeName(Grade grade);                    // Chinese name

struct PayBand {
    long long min_yuan = 0;  // yearly basic pay range for the level
    long long max_yuan = 0;
};

struct LadderConfig {
    std::vector<std::string> posts;  // e.g. 书记, 副书记, 两委委员, 专职工作者
    int levels = 15;                 // levels 1..levels, 1 lowest
    int years_per_step = 2;          // whole years at a level before the next step
    // Excellent (优秀) shortens the wait by this many years (never below 1).
    int excellent_bonus_years = 1;
    std::vector<PayBand> pay;        // one band per level (index level-1)
    std::vector<double> bonus_weight;  // one weight per level, used by the bonus pool split
};

// 4 × 15, steps every 2 years, pay from 60,000 yuan at level 1 rising 5,000 a level (band
// width 10%), bonus weight 1.0 + 0.1 per level above 1.
LadderConfig FourByFifteenLadder();
// 3 × 18, steps every 3 years, same pay and weight shape.
LadderConfig ThreeByEighteenLadder();
// The built-in ladders by name: "4x15" (FourByFifteenLadder) or "3x18" (ThreeByEighteenLadder);
// anything else is refused naming `ladder`.
Result<LadderConfig> LadderByName(const std::string& name);
// Refuses empty posts, levels < 1, years_per_step < 1, pay/weight tables of the wrong length
// or bands with min > max.
Status ValidateLadder(const LadderConfig& config);

struct LevelRecord {
    std::string post;
    int level = 1;
    std::string effective_date;  // YYYY-MM-DD
    std::string reason;          // 初定, 晋级, 负面清单降级 …
};

// The record in force on `as_of` (the last one effective on or before it), or an error when the
// history is empty, unordered, or starts after `as_of`.
Result<LevelRecord> LevelOn(const std::vector<LevelRecord>& history, const std::string& as_of);

struct PromotionCheck {
    bool eligible = false;
    int current_level = 0;
    int next_level = 0;          // current + 1 when eligible
    int years_at_level = 0;
    int years_required = 0;
    std::vector<std::string> reasons;  // every condition, passed or not, in Chinese
};

// Whether the person may step up one level on `as_of` given the last evaluation grade:
// 不称职 and 基本称职 block; the top level blocks; years at level ≥ years_per_step (less
// excellent_bonus_years for 优秀).
Result<PromotionCheck> CheckPromotion(const LadderConfig& config, const std::vector<LevelRecord>& history,
                                      const std::string& as_of, Grade last_grade);

// Appends the promotion (refused with the reasons when not eligible). Returns the new history.
Result<std::vector<LevelRecord>> Promote(const LadderConfig& config, const std::vector<LevelRecord>& history,
                                         const std::string& date, Grade last_grade);

// Negative list: one level down on `date` (level 1 stays at 1, still recorded). Returns the new
// history.
Result<std::vector<LevelRecord>> DemoteForNegativeList(const LadderConfig& config,
                                                       const std::vector<LevelRecord>& history,
                                                       const std::string& date, const std::string& reason);

Result<PayBand> PayBandFor(const LadderConfig& config, int level);

}  // namespace lingyan::core::training
