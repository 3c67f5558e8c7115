#include "app/common/row_errors.hpp"

#include <algorithm>

namespace lingyan::app {

std::vector<RowError> MergeRowErrors(std::vector<RowError> first, std::vector<RowError> checks) {
    first.insert(first.end(), std::make_move_iterator(checks.begin()), std::make_move_iterator(checks.end()));
    std::stable_sort(first.begin(), first.end(), [](const RowError& a, const RowError& b) { return a.row < b.row; });
    return first;
}

std::vector<RowError> MergeRowErrors(const std::string& sheet, const std::vector<SheetProblem>& file_problems,
                                     std::vector<RowError> checks) {
    std::vector<RowError> errors;
    errors.reserve(file_problems.size() + checks.size());
    for (const auto& p : file_problems) errors.push_back({sheet, static_cast<int>(p.line), p.column, p.message});
    return MergeRowErrors(std::move(errors), std::move(checks));
}

}  // namespace lingyan::app
