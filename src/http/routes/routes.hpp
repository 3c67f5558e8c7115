#pragma once
// Route registration per module. Each Register* adds its routes to the router; handlers are
// thin: parse and check the request, call one app function, map the result to JSON.
// When adding a module, add its Register* call in BuildRouter (routes_session.cpp).

#include <functional>
#include <string>

#include "app/audit/audit_service.hpp"
#include "app/accounts/auth_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/points/points_service.hpp"
#include "app/roster/roster_exchange.hpp"
#include "app/roster/roster_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "http/server/router.hpp"

namespace lingyan::http {

struct Services {
    app::AuthService& auth;
    app::RosterService& roster;
    app::AuditService& audit;
    app::RosterExchange& roster_exchange;
    app::CampaignService& campaigns;
    app::PointsService& points;
    app::PoolService& pools;
    app::ProgramService& programs;
    app::LadderService& ladder;
    app::IndicatorService& indicators;
    std::function<std::string()> metrics_text;  // Prometheus exposition, set by the server
};

// A handler that takes the services: routes are registered as
//   router.Add("GET", "/api/v1/pools", Access::kSession, Bind(s, ListPools));
// with `Response ListPools(Services& s, Request& req)` a named function of the module's route file.
using ServiceHandler = Response (*)(Services&, Request&);
inline Handler Bind(Services& s, ServiceHandler handler) {
    return [&s, handler](Request& req) { return handler(s, req); };
}

void RegisterSessionRoutes(Router& router, Services& services);
void RegisterRosterRoutes(Router& router, Services& services);
void RegisterExchangeRoutes(Router& router, Services& services);
void RegisterCampaignRoutes(Router& router, Services& services);
void RegisterPointsRoutes(Router& router, Services& services);
void RegisterPoolRoutes(Router& router, Services& services);
void RegisterProgramRoutes(Router& router, Services& services);
void RegisterIndicatorRoutes(Router& router, Services& services);
void RegisterLadderRoutes(Router& router, Services& services);

Router BuildRouter(Services& services);

// 422 with every row error of an all-or-nothing write: {"error": {"code": "invalid", "message":
// "<failure>：共 N 行有错误，未写入任何数据"}, "rows": [{sheet, row, field, message}]}.
Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure);

// JSON of a session user (GET /me and login).
std::string UserJson(const app::SessionUser& user, const std::string& scope_unit_name);

}  // namespace lingyan::http
