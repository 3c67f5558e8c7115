#pragma once
// What the demos that walk through the past share: a clock they move day by day (each step runs
// "on" its own day), a demo account as an actor, and counting working days back.

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <string>

#include "app/common/use_case.hpp"
#include "core/calendar/work_calendar.hpp"
#include "core/common/date.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

// The moment of a day is 01:00 UTC (09:00 in China), but never later than the real clock's now:
// on the day the demo starts, what the demo does has happened already.
class DemoClock final : public core::ports::Clock {
public:
    explicit DemoClock(const core::ports::Clock& real) : real_(real) {}
    core::CivilDate day;
    std::int64_t NowUnix() const override {
        return std::min(core::DaysFromCivil(day) * 86400 + 1 * 3600, real_.NowUnix());
    }
    std::string Today() const override { return core::FormatIsoDate(day); }
    std::string NowIso() const override {
        return std::min(core::FormatIsoDate(day) + "T01:00:00Z", real_.NowIso());
    }

private:
    const core::ports::Clock& real_;
};

// The demo account `name` as an actor (std::runtime_error when it is missing). Takes `store_mutex`.
// The value of a use case the demo calls, or an exception naming the step: the demo obeys every rule,
// so a refusal is a bug in the demo data and stops the start-up with the use case's own message.
template <typename T>
T Must(app::Result<T> result, const std::string& what) {
    if (!result) throw std::runtime_error("演示数据：" + what + "：" + result.error().message);
    return std::move(result).value();
}

inline app::Actor DemoUser(core::ports::Store& store, core::ports::StoreMutex& store_mutex, const char* name) {
    std::lock_guard lock(store_mutex);
    auto u = store.FindUserByName(name);
    if (!u) throw std::runtime_error(std::string("演示账号不存在：") + name);
    return app::Actor{u->id, u->username, *core::auth::RoleFromString(u->role), u->scope_unit_id};
}

// The n-th working day before `d` (`d` not counted), inside the calendar's years.
inline core::CivilDate WorkdaysBefore(const core::calendar::WorkCalendar& cal, core::CivilDate d, int n) {
    std::int64_t day = core::DaysFromCivil(d);
    while (n > 0) {
        --day;
        if (*cal.IsWorkday(core::CivilFromDays(day))) --n;
    }
    return core::CivilFromDays(day);
}

}  // namespace lingyan::demo
