#pragma once
// Unit metrics (经济指标: 开票销售, 外资到账, 产业投资, 村集体经营性收入 …): a yearly target and
// monthly actuals per unit. The progress views officers read every month: the actual cumulated
// from January to a month, its completion of the yearly target (完成率) and its growth over the
// same months of the year before (同比增长). Pure functions.

#include <array>
#include <optional>

namespace lingyan::core::evaluation {

using MonthlyValues = std::array<std::optional<double>, 12>;  // January … December

struct MetricProgress {
    std::optional<double> target;
    double cumulative = 0;             // Σ actuals of months 1..month this year
    int months_reported = 0;           // months 1..month with an actual this year
    std::optional<double> last_year;   // Σ of the same months last year, if any was reported
    std::optional<double> completion;  // cumulative / target, when target > 0
    std::optional<double> growth;      // (cumulative − last_year) / |last_year|, when last_year ≠ 0
};

// `month` is 1..12 (values are clamped into it).
MetricProgress Progress(std::optional<double> target, const MonthlyValues& this_year, const MonthlyValues& last_year,
                        int month);

}  // namespace lingyan::core::evaluation
