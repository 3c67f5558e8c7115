#pragma once
// Route registration per module. Each Register* adds its routes to the router; handlers are
// thin: parse and check the request, call one app function, map the result to JSON.
// When adding a module, add its Register* call in BuildRouter (routes_session.cpp).

#include <functional>
#include <string>

#include "app/audit_service.hpp"
#include "app/auth_service.hpp"
#include "app/campaign_service.hpp"
#include "app/metric_service.hpp"
#include "app/points_service.hpp"
#include "app/roster_service.hpp"
#include "app/training_service.hpp"
#include "http/router.hpp"

namespace lingyan::http {

// Roster file import/export hooks, provided by the exchange layer at wiring time (main/cli),
// so that http does not depend on file formats.
struct RosterExchange {
    // Parses an uploaded roster file into rows, or returns row errors.
    std::function<core::Result<std::vector<app::RosterImportRow>>(const std::string& bytes, const std::string& filename,
                                                                  std::vector<app::RowError>& errors)>
        parse;
    std::function<std::string()> template_xlsx;
    std::function<std::string(const std::vector<app::PersonView>&)> people_xlsx;
    std::function<std::string(const std::vector<app::UnitView>&)> units_xlsx;
};

struct Services {
    app::AuthService& auth;
    app::RosterService& roster;
    app::AuditService& audit;
    RosterExchange exchange;
    app::CampaignService& campaigns;
    app::PointsService& points;
    app::TrainingService& training;
    app::MetricService& metrics;
    std::function<std::string()> metrics_text;  // Prometheus exposition, set by the server
};

void RegisterSessionRoutes(Router& router, Services& services);
void RegisterRosterRoutes(Router& router, Services& services);
void RegisterExchangeRoutes(Router& router, Services& services);
void RegisterCampaignRoutes(Router& router, Services& services);
void RegisterPointsRoutes(Router& router, Services& services);
void RegisterTrainingRoutes(Router& router, Services& services);
void RegisterMetricRoutes(Router& router, Services& services);
void RegisterLadderRoutes(Router& router, Services& services);

Router BuildRouter(Services& services);

// 422 with every row error of an all-or-nothing write: {"error": {"code": "invalid", "message":
// "<failure>：共 N 行有错误，未写入任何数据"}, "rows": [{sheet, row, field, message}]}.
Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure);

// JSON of a session user (GET /me and login).
std::string UserJson(const app::SessionUser& user, const std::string& scope_unit_name);

}  // namespace lingyan::http
