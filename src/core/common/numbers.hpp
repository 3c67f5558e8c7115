#pragma once
// The one numeric rule for numbers that come from outside (JSON bodies, spreadsheets): finite and
// at most kMaxMagnitude in absolute value — room for any yuan amount, area or population, and
// small enough that the sums of a province's values stay finite and exact to the cent.

#include <cmath>

namespace lingyan::core {

inline constexpr double kMaxMagnitude = 1e15;

inline bool InRange(double value) { return std::isfinite(value) && std::fabs(value) <= kMaxMagnitude; }

}  // namespace lingyan::core
