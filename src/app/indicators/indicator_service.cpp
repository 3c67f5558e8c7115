#include "app/indicators/indicator_service.hpp"

#include "core/common/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "app/audit/audit_service.hpp"
#include "app/common/use_case.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

using core::ports::MetricActualRecord;
using core::ports::MetricTargetRecord;

namespace {

constexpr std::size_t kMaxMetricName = 40;

std::string Number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

constexpr const char* kSheet = "经济指标";  // the sheet name in an import's row errors

using Key = std::tuple<Id, std::string, int, int>;  // unit, metric, year, month (0 = target)

}  // namespace

IndicatorService::IndicatorService(core::ports::Store& store, core::ports::CampaignStore& metrics,
                                   core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                                   const RosterService& roster, IndicatorFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), metrics_(metrics), files_(std::move(files)) {}

Result<MetricOutcome> IndicatorService::ImportFile(const Actor& actor, const std::string& bytes) {
    // Rights first: nothing of the file is read for a caller who could not enter a value.
    if (!IsManager(actor.role)) return Forbidden("您的角色无权录入经济指标");
    if (bytes.empty()) return Invalid("上传的文件为空", "file");
    auto sheet = files_.read(bytes);
    if (!sheet) return sheet.error();
    std::vector<MetricInput> inputs;
    for (const auto& v : sheet->values)
        inputs.push_back({static_cast<int>(v.line), 0, v.unit_code, v.metric, v.year, v.month, v.value});
    if (!sheet->problems.empty()) {
        // Units and values are checked once the sheet reads cleanly (a documented difference from
        // the other imports, which list both at once; see issue 16).
        MetricOutcome failed;
        failed.errors = MergeRowErrors(kSheet, sheet->problems, {});
        return failed;
    }
    if (inputs.empty()) return Invalid("表中没有任何数值", "file");
    return Enter(actor, inputs, "导入 .xlsx");
}

Result<FileDownload> IndicatorService::Template(const Actor& actor, Id parent, const std::string& metric, int year) {
    const Id root = parent != 0 ? parent : actor.scope_unit_id;
    std::vector<MetricTemplateRow> units;
    bool visible = true;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        if (root == 0 || !tree.Find(root) || !core::auth::InScope(tree, actor, root)) {
            visible = false;
            return;
        }
        for (Id child : tree.Children(root)) {
            const auto* u = tree.Find(child);
            units.push_back({u->code, u->name});
        }
    });
    if (!visible) return NotFound("单位", "parent");
    return FileDownload{files_.template_xlsx(units, metric, year), "经济指标导入模板.xlsx", "metrics-template.xlsx"};
}

Result<MetricOutcome> IndicatorService::Enter(const Actor& actor, const std::vector<MetricInput>& inputs,
                                              const std::string& reason) {
    if (!IsManager(actor.role)) return Forbidden("您的角色无权录入经济指标");
    if (inputs.empty()) return Invalid("没有要录入的数据", "rows");
    MetricOutcome outcome;
    auto row_error = [&](const MetricInput& in, std::string field, std::string message) {
        outcome.errors.push_back(RowError{"", in.row, std::move(field), std::move(message)});
    };

    // Resolve units (by id or code) and check every row before anything is written.
    std::vector<Id> units(inputs.size(), 0);
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        std::unordered_map<std::string, Id> by_code;
        for (const auto& in : inputs) {
            if (in.unit_id == 0 && !in.unit_code.empty() && by_code.empty()) {
                for (const auto& u : tree.units())
                    if (!u.code.empty()) by_code.emplace(u.code, u.id);
                break;
            }
        }
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const auto& in = inputs[i];
            Id unit = in.unit_id;
            if (unit == 0 && !in.unit_code.empty()) {
                auto it = by_code.find(in.unit_code);
                unit = it == by_code.end() ? 0 : it->second;
            }
            // A unit outside the caller's scope answers as one that does not exist, naming nothing
            // but what the caller sent (issue 11, finding 4).
            const auto* u = unit ? tree.Find(unit) : nullptr;
            if (!u || !core::auth::InScope(tree, actor, unit)) {
                row_error(in, "unit", "单位 " + (in.unit_code.empty() ? std::to_string(in.unit_id) : in.unit_code) +
                                          " 不存在或不在您的管辖范围内");
                continue;
            }
            units[i] = unit;
        }
    });
    std::set<Key> seen;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& in = inputs[i];
        if (units[i] == 0) continue;
        if (in.metric.empty() || in.metric.size() > kMaxMetricName) {
            row_error(in, "metric", "指标名称应为 1 到 40 个字节的文字");
        } else if (in.year < 2000 || in.year > 2100) {
            row_error(in, "year", "年份 " + std::to_string(in.year) + " 不在 2000—2100 之间");
        } else if (in.month < 0 || in.month > 12) {
            row_error(in, "month", "月份应为 1 到 12（目标值填 0）");
        } else if (in.value && !core::InRange(*in.value)) {
            row_error(in, "value", "数值无效或超出范围（绝对值不超过 1e15）");
        } else if (in.value && in.month == 0 && *in.value <= 0) {
            row_error(in, "value", "年度目标应大于 0");
        } else if (!seen.insert({units[i], in.metric, in.year, in.month}).second) {
            row_error(in, "value", "同一单位、指标、年月在本次提交中出现两次");
        }
    }
    if (!outcome.errors.empty()) {
        std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                         [](const RowError& a, const RowError& b) { return a.row < b.row; });
        return outcome;
    }

    std::lock_guard lock(store_mutex_);
    // Current values, for before/after in the audit, to skip unchanged rows and to check removals.
    std::map<Key, double> current;
    std::set<std::pair<std::string, int>> loaded;
    for (const auto& in : inputs) {
        if (!loaded.insert({in.metric, in.year}).second) continue;
        for (const auto& t : metrics_.ListTargets(in.metric, in.year)) current[{t.unit_id, t.metric, t.year, 0}] = t.target;
        for (const auto& a : metrics_.ListActuals(in.metric, in.year, in.year))
            current[{a.unit_id, a.metric, a.year, a.month}] = a.value;
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].value && !current.count({units[i], inputs[i].metric, inputs[i].year, inputs[i].month}))
            row_error(inputs[i], "value", "要删除的数值不存在");
    }
    if (!outcome.errors.empty()) return outcome;
    const std::string now = clock_.NowIso();
    std::string changes;
    auto tx = store_.Begin();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& in = inputs[i];
        const Key key{units[i], in.metric, in.year, in.month};
        auto it = current.find(key);
        if (in.value && it != current.end() && it->second == *in.value) {
            ++outcome.unchanged;
            continue;
        }
        if (!in.value) {
            if (in.month == 0) metrics_.DeleteTarget(units[i], in.metric, in.year);
            else metrics_.DeleteActual(units[i], in.metric, in.year, in.month);
            ++outcome.removed;
        } else if (in.month == 0) {
            metrics_.UpsertTarget(MetricTargetRecord{units[i], in.metric, in.year, *in.value, actor.username, now});
            ++outcome.written;
        } else {
            metrics_.UpsertActual(
                MetricActualRecord{units[i], in.metric, in.year, in.month, *in.value, actor.username, now});
            ++outcome.written;
        }
        if (!changes.empty()) changes += ',';
        changes += "{\"unit_id\":" + std::to_string(units[i]) + ",\"metric\":" + JsonQuote(in.metric) +
                   ",\"year\":" + std::to_string(in.year) + ",\"month\":" + std::to_string(in.month) +
                   ",\"before\":" + (it == current.end() ? std::string("null") : Number(it->second)) +
                   ",\"after\":" + (in.value ? Number(*in.value) : std::string("null")) + "}";
    }
    if (!changes.empty())
        AppendAudit(store_, clock_, actor, "metrics", "metric", 0,
                    "{\"reason\":" + JsonQuote(reason) + ",\"changes\":[" + changes + "]}");
    tx->Commit();
    return outcome;
}

Result<MetricView> IndicatorService::View(const Actor& actor, const std::string& metric, int year, int month, Id parent) {
    if (metric.empty()) return Invalid("请指定经济指标", "metric");
    if (year < 2000 || year > 2100) return Invalid("年份不在 2000—2100 之间", "year");
    if (month < 1 || month > 12) return Invalid("月份应为 1 到 12", "month");
    const Id root = parent != 0 ? parent : actor.scope_unit_id;
    std::vector<MetricTargetRecord> targets;
    std::vector<MetricActualRecord> actuals;
    {
        std::lock_guard lock(store_mutex_);
        targets = metrics_.ListTargets(metric, year);
        actuals = metrics_.ListActuals(metric, year - 1, year);
    }
    struct Data {
        std::optional<double> target;
        core::evaluation::MonthlyValues now{}, before{};
    };
    std::map<Id, Data> data;
    for (const auto& t : targets) data[t.unit_id].target = t.target;
    for (const auto& a : actuals) {
        auto& d = data[a.unit_id];
        (a.year == year ? d.now : d.before)[static_cast<std::size_t>(a.month - 1)] = a.value;
    }
    MetricView view;
    view.metric = metric;
    view.year = year;
    view.month = month;
    bool visible = true;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        if (root != 0 && (!tree.Find(root) || !core::auth::InScope(tree, actor, root))) {
            visible = false;
            return;
        }
        for (const auto& [unit_id, d] : data) {
            const auto* u = tree.Find(unit_id);
            if (!u || !core::auth::InScope(tree, actor, unit_id)) continue;
            if (root != 0 && !tree.InSubtree(root, unit_id)) continue;
            MetricRow row;
            row.unit_id = unit_id;
            row.unit_name = u->name;
            row.unit_code = u->code;
            row.months = d.now;
            row.progress = core::evaluation::Progress(d.target, d.now, d.before, month);
            view.rows.push_back(std::move(row));
        }
    });
    if (!visible) return NotFound("单位", "parent");
    std::sort(view.rows.begin(), view.rows.end(), [](const MetricRow& a, const MetricRow& b) {
        const bool ra = a.progress.completion.has_value(), rb = b.progress.completion.has_value();
        if (ra != rb) return ra;
        if (ra && *a.progress.completion != *b.progress.completion) return *a.progress.completion > *b.progress.completion;
        return a.unit_code < b.unit_code;
    });
    // The total: targets and both years' months summed over the rows shown.
    std::optional<double> target;
    core::evaluation::MonthlyValues now{}, before{};
    for (const auto& row : view.rows) {
        const auto& d = data[row.unit_id];
        if (d.target) target = target.value_or(0) + *d.target;
        for (std::size_t m = 0; m < 12; ++m) {
            if (d.now[m]) now[m] = now[m].value_or(0) + *d.now[m];
            if (d.before[m]) before[m] = before[m].value_or(0) + *d.before[m];
        }
    }
    view.total = core::evaluation::Progress(target, now, before, month);
    return view;
}

Result<std::vector<std::string>> IndicatorService::Metrics(const Actor& actor) {
    (void)actor;
    std::lock_guard lock(store_mutex_);
    return metrics_.ListMetrics();
}

}  // namespace lingyan::app
