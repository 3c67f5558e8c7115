#pragma once
// IndicatorService: unit metrics (经济指标) — yearly targets and monthly actuals per unit and metric
// (开票销售, 外资到账, 产业投资, 村集体经营性收入 …), entered in grids or imported, and read as the
// monthly progress view: cumulative actual, completion of the target and year-on-year growth.
// Campaign criteria of method target/growth take their facts from here
// (CampaignService::FactsFromMetric).
//
// Scope: entering needs role admin, county or town and every unit inside the caller's scope
// (forbidden otherwise); the view shows only units inside the caller's scope. Every change is
// one audit entry with each value's before and after, in the same transaction, and a request is
// written all-or-nothing.

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/indicators/indicator_files.hpp"
#include "app/roster/roster_service.hpp"
#include "core/common/result.hpp"
#include "core/ports/evaluation_store.hpp"
#include "core/ports/store.hpp"
#include "core/indicators/metric_progress.hpp"

namespace lingyan::app {

// One value: a yearly target (month 0) or a monthly actual (month 1..12). The unit is given by
// id or, from files, by its 12-digit code.
struct MetricInput {
    int row = 0;  // 1-based position in the request or sheet line, for row errors
    Id unit_id = 0;
    std::string unit_code;
    std::string metric;
    int year = 0;
    int month = 0;
    std::optional<double> value;  // nullopt removes the stored value
};

struct MetricOutcome {
    int written = 0, removed = 0, unchanged = 0;
    std::vector<RowError> errors;  // non-empty: nothing was written
};

struct MetricRow {
    Id unit_id = 0;
    std::string unit_name;
    std::string unit_code;
    core::evaluation::MonthlyValues months{};
    core::evaluation::MetricProgress progress;
};

struct MetricView {
    std::string metric;
    int year = 0;
    int month = 12;
    std::vector<MetricRow> rows;  // by completion (descending, units without a rate last), then code
    core::evaluation::MetricProgress total;  // the rows summed
};

class IndicatorService : UseCaseBase {
public:
    IndicatorService(core::ports::Store& store, core::ports::CampaignStore& metrics, core::ports::StoreMutex& store_mutex,
                     const core::ports::Clock& clock, const RosterService& roster, IndicatorFiles files);

    // Checks every row (unit in scope, metric, year, month, value) and writes all or nothing.
    Result<MetricOutcome> Enter(const Actor& actor, const std::vector<MetricInput>& inputs, const std::string& reason);
    // Enters an uploaded indicators workbook; the role is checked before the file is read.
    Result<MetricOutcome> ImportFile(const Actor& actor, const std::string& bytes);
    // The workbook to fill in: one row per child unit of `parent` (0 = the caller's scope unit).
    Result<FileDownload> Template(const Actor& actor, Id parent, const std::string& metric, int year);
    // The progress of `metric` in `year` up to `month` for the units below `parent` (0 = the
    // caller's scope unit) that have a target or an actual.
    Result<MetricView> View(const Actor& actor, const std::string& metric, int year, int month, Id parent);
    // Names of the metrics with any data.
    Result<std::vector<std::string>> Metrics(const Actor& actor);

private:
    core::ports::CampaignStore& metrics_;
    IndicatorFiles files_;
};

}  // namespace lingyan::app
