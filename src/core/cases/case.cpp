#include "core/cases/case.hpp"

#include "core/common/date.hpp"

namespace lingyan::core::cases {

int YearOf(const std::string& published) {
    const auto d = ParseIsoDate(published);
    return d ? d->year : 0;
}

}  // namespace lingyan::core::cases
