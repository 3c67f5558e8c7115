#pragma once
// The yearly bonus pool (奖金池) of 薪火计划, split by rule: each person's weight is their
// level's weight × the coefficient of their evaluation grade, and the pool is shared in
// proportion to the weights. Money is fixed-point: integer fen (0.01 yuan); the split hands out
// exactly the pool, the leftover fen going by largest remainder. Every line carries its
// arithmetic so that the officer can show how the amount arose.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/training/ladder.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::training {

struct BonusRule {
    // Coefficient per grade; default 优秀 1.2, 称职 1.0, 基本称职 0.6, 不称职 0.
    std::map<Grade, double> grade_coefficient = {{Grade::kExcellent, 1.2},
                                                 {Grade::kCompetent, 1.0},
                                                 {Grade::kBasicallyCompetent, 0.6},
                                                 {Grade::kIncompetent, 0.0}};
};

struct BonusParticipant {
    roster::Id person_id = 0;
    std::string name;
    int level = 1;
    Grade grade = Grade::kCompetent;
};

struct BonusLine {
    roster::Id person_id = 0;
    std::string name;
    double level_weight = 0;
    double coefficient = 0;
    double weight = 0;            // level_weight × coefficient
    std::int64_t amount_fen = 0;
    std::string arithmetic;       // e.g. "等级权重 1.50 × 系数 1.20 = 1.8000；1.8000 ÷ 12.3000 × 100000.00 元 = 14634.15 元"
};

struct BonusSplit {
    std::int64_t pool_fen = 0;
    double total_weight = 0;
    std::vector<BonusLine> lines;  // in input order; amounts add up to pool_fen exactly
    std::string summary;           // "奖金池 100000.00 元，总权重 12.3000，分配 100000.00 元"
};

// Refuses a negative pool, a level outside the ladder, a duplicate person and a total weight of
// zero with a positive pool (nobody to pay).
// The largest pool accepted, in fen (1000 亿元).
inline constexpr std::int64_t kMaxPoolFen = 10000000000000;

Result<BonusSplit> SplitBonusPool(std::int64_t pool_fen, const std::vector<BonusParticipant>& participants,
                                  const LadderConfig& ladder, const BonusRule& rule = {});

// "12345.67" for 1234567 fen.
std::string FormatYuan(std::int64_t fen);

}  // namespace lingyan::core::training
