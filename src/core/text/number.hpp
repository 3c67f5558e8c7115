#pragma once
// Numbers as text: the shortest decimal form that reads back as the same double (82.67, 100,
// 0.1), never exponent form for the magnitudes lingyan handles. Pure, thread-safe.

#include <string>

namespace lingyan::core::text {

std::string ShortestNumber(double value);

}  // namespace lingyan::core::text
