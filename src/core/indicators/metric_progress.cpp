#include "core/indicators/metric_progress.hpp"

#include <algorithm>
#include <cmath>

namespace lingyan::core::evaluation {

MetricProgress Progress(std::optional<double> target, const MonthlyValues& this_year, const MonthlyValues& last_year,
                        int month) {
    month = std::clamp(month, 1, 12);
    MetricProgress out;
    out.target = target;
    double previous = 0;
    bool any_previous = false;
    for (int m = 0; m < month; ++m) {
        if (this_year[static_cast<std::size_t>(m)]) {
            out.cumulative += *this_year[static_cast<std::size_t>(m)];
            ++out.months_reported;
        }
        if (last_year[static_cast<std::size_t>(m)]) {
            previous += *last_year[static_cast<std::size_t>(m)];
            any_previous = true;
        }
    }
    if (any_previous) out.last_year = previous;
    if (target && *target > 0 && out.months_reported > 0) out.completion = out.cumulative / *target;
    if (out.last_year && *out.last_year != 0 && out.months_reported > 0)
        out.growth = (out.cumulative - *out.last_year) / std::abs(*out.last_year);
    return out;
}

}  // namespace lingyan::core::evaluation
