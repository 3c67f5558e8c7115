#pragma once
// IndicatorFiles: the indicators workbook (单位编码 | 单位名称 | 指标 | 年份 | 年度目标 | 1月 … 12月) as the
// use cases see it. The exchange layer provides it (exchange/evaluation/evaluation_files.hpp).
// The reader returns an `invalid` error naming "file" for a file it cannot read at all, and
// otherwise every value it could read with the problems of the other rows.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/row_errors.hpp"
#include "core/common/result.hpp"

namespace lingyan::app {

struct SheetMetric {
    std::uint32_t line = 0;
    std::string unit_code;
    std::string metric;
    int year = 0;
    int month = 0;  // 0 = the yearly target
    double value = 0;
};

struct MetricsSheet {
    std::vector<SheetMetric> values;
    std::vector<SheetProblem> problems;
};

struct MetricTemplateRow {
    std::string unit_code;
    std::string unit_name;
};

struct IndicatorFiles {
    std::function<core::Result<MetricsSheet>(std::string_view bytes)> read;
    // One row per unit for `metric` and `year`, values to be filled in.
    std::function<std::string(const std::vector<MetricTemplateRow>& units, const std::string& metric, int year)>
        template_xlsx;
};

}  // namespace lingyan::app
