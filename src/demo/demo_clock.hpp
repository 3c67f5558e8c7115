#pragma once
// A clock the demos move day by day through the past (each step runs "on" its own day).

#include "core/common/date.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

class DemoClock final : public core::ports::Clock {
public:
    core::CivilDate day;
    std::int64_t NowUnix() const override { return core::DaysFromCivil(day) * 86400 + 1 * 3600; }
    std::string Today() const override { return core::FormatIsoDate(day); }
    std::string NowIso() const override { return core::FormatIsoDate(day) + "T01:00:00Z"; }
};

}  // namespace lingyan::demo
