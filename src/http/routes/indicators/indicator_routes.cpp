// Unit metrics (经济指标): yearly targets and monthly actuals per unit, entered as JSON rows or
// an .xlsx sheet, and the progress view (cumulative, completion, year-on-year growth). Handlers
// parse, call app::IndicatorService and map the result; docs/api.md "Unit metrics" is the contract.
#include <boost/json.hpp>
#include <cmath>

#include "http/routes/indicators/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
using core::roster::Id;

namespace {

core::Result<std::vector<app::MetricInput>> RowsFrom(const json::object& o) {
    const auto* rows = o.if_contains("rows");
    if (!rows || !rows->is_array()) return core::Invalid("rows 应为数组", "rows");
    std::vector<app::MetricInput> out;
    int n = 0;
    for (const auto& item : rows->as_array()) {
        ++n;
        const std::string where = "rows[" + std::to_string(n - 1) + "]";
        if (!item.is_object()) return core::Invalid(where + " 应为对象", where);
        const auto& r = item.as_object();
        app::MetricInput in;
        in.row = n;
        for (const auto& [key, value] : r) {
            const std::string_view k = key;
            const std::string field = where + "." + std::string(k);
            if (k == "unit_id" || k == "year" || k == "month") {
                if (!value.is_int64()) return core::Invalid(std::string(k) + " 应为整数", field);
                const auto v = value.as_int64();
                if (k == "unit_id")
                    in.unit_id = v;
                else if (k == "year")
                    in.year = static_cast<int>(v);
                else
                    in.month = static_cast<int>(v);
            } else if (k == "unit_code" || k == "metric") {
                if (!value.is_string()) return core::Invalid(std::string(k) + " 应为字符串", field);
                (k == "unit_code" ? in.unit_code : in.metric) = std::string(value.as_string());
            } else if (k == "value") {
                if (value.is_null()) continue;  // removes the stored value
                if (!value.is_number()) return core::Invalid("value 应为数字或 null（删除）", field);
                in.value = value.to_number<double>();
            } else {
                return core::Invalid("未知字段 “" + std::string(k) + "”", field);
            }
        }
        if ((in.unit_id == 0 && in.unit_code.empty()) || !r.contains("year") || !r.contains("value"))
            return core::Invalid("每一行须有 unit_id（或 unit_code）、metric、year、month、value", where);
        out.push_back(std::move(in));
    }
    return out;
}

Response OutcomeResponse(const core::Result<app::MetricOutcome>& outcome, const std::string& failure = "录入失败") {
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, failure);
    return Json(
        200,
        json::object{{"written", outcome->written}, {"removed", outcome->removed}, {"unchanged", outcome->unchanged}});
}

}  // namespace

namespace handlers {

// GET /api/v1/metrics
Response ListIndicators(Services& s, Request& req) {
    return Reply(200, s.indicators.Metrics(req.user->actor),
                 Items([](const std::string& v) { return json::value(v); }));
}

// GET /api/v1/metrics/progress
Response GetIndicatorProgress(Services& s, Request& req) {
    auto year = QueryInt(req.Query("year"), "year", 0);
    if (!year) return ErrorResponse(year.error());
    auto month = QueryInt(req.Query("month"), "month", 12);
    if (!month) return ErrorResponse(month.error());
    auto parent = QueryInt(req.Query("parent"), "parent", 0);
    if (!parent) return ErrorResponse(parent.error());
    auto view = s.indicators.View(req.user->actor, req.Query("metric").value_or(""), static_cast<int>(*year),
                                  static_cast<int>(*month), *parent);
    if (!view) return ErrorResponse(view.error());
    json::array rows;
    for (const auto& r : view->rows) {
        json::array months;
        for (const auto& m : r.months) months.push_back(json::value_from(m));
        json::object row = Described(r.progress);
        row["unit_id"] = r.unit_id;
        row["unit_name"] = r.unit_name;
        row["unit_code"] = r.unit_code;
        row["months"] = std::move(months);
        rows.push_back(std::move(row));
    }
    return Json(200, json::object{{"metric", view->metric},
                                  {"year", view->year},
                                  {"month", view->month},
                                  {"rows", std::move(rows)},
                                  {"total", Described(view->total)}});
}

// POST /api/v1/metrics/values
Response EnterIndicatorValues(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"rows", "reason"});
    if (!o) return ErrorResponse(o.error());
    auto rows = RowsFrom(*o);
    if (!rows) return ErrorResponse(rows.error());
    auto reason = StringField(*o, "reason");
    if (!reason) return ErrorResponse(reason.error());
    return OutcomeResponse(s.indicators.Enter(req.user->actor, *rows, reason->value_or("")));
}

// POST /api/v1/metrics/import
Response ImportIndicators(Services& s, Request& req) {
    return OutcomeResponse(s.indicators.ImportFile(req.user->actor, req.body), "导入失败");
}

// GET /api/v1/metrics/template.xlsx
Response DownloadIndicatorTemplate(Services& s, Request& req) {
    auto parent = QueryInt(req.Query("parent"), "parent", 0);
    if (!parent) return ErrorResponse(parent.error());
    auto year = QueryInt(req.Query("year"), "year", 0);
    if (!year) return ErrorResponse(year.error());
    return Download(
        s.indicators.Template(req.user->actor, *parent, req.Query("metric").value_or(""), static_cast<int>(*year)));
}

}  // namespace handlers

}  // namespace lingyan::http
