#include "app/common/row_errors.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

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

std::size_t CountErrorRows(const std::vector<RowError>& errors) {
    std::set<std::pair<std::string_view, int>> rows;
    for (const auto& e : errors) rows.emplace(e.sheet, e.row);
    return rows.size();
}

std::string ErrorRowsSummary(const std::vector<RowError>& errors) {
    const std::size_t rows = CountErrorRows(errors);
    std::string text = "共 " + std::to_string(rows) + " 行有错误";
    if (errors.size() != rows) text += "（" + std::to_string(errors.size()) + " 处）";
    return text;
}

}  // namespace lingyan::app
