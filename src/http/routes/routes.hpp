#pragma once
// The services the route handlers see, how a handler is bound to a route, and the route table
// (BuildRouter, route_table.cpp). Handlers are thin: parse and check the request, call one use
// case, map the result to JSON (handlers.hpp lists them by module).

#include <functional>
#include <string>

#include "app/arena/arena_service.hpp"
#include "app/attachments/attachment_service.hpp"
#include "app/audit/audit_service.hpp"
#include "app/accounts/account_service.hpp"
#include "app/accounts/auth_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/cases/case_service.hpp"
#include "app/honours/honour_service.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/notifications/notification_service.hpp"
#include "app/personnel/decision_service.hpp"
#include "app/personnel/nomination_service.hpp"
#include "app/points/points_service.hpp"
#include "app/projects/project_service.hpp"
#include "app/roster/roster_exchange.hpp"
#include "app/roster/roster_service.hpp"
#include "app/tickets/ticket_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "app/workbench/workbench_service.hpp"
#include "http/server/router.hpp"

namespace lingyan::http {

namespace ws {
class LiveHub;
}
// Deployment settings the handlers need (from `lingyan serve` options).
struct HttpSettings {
    bool secure_cookies = false;  // add Secure to the session cookie (TLS, directly or at a proxy)
    std::string metrics_token;    // GET /metrics needs "Authorization: Bearer <token>"; "" = /metrics off
    std::function<std::string()> extra_metrics;  // more Prometheus series from outside http (the database's)
};

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
    app::ArenaService& arena;
    ws::LiveHub* live = nullptr;  // the screens of live contests (http/ws)
    app::HonourService& honours;
    app::TicketService& tickets;
    app::NotificationService& notifications;
    app::AccountService& accounts;
    app::WorkbenchService& workbench;
    app::ProjectService& projects;
    app::AttachmentService& attachments;
    app::DecisionService& decisions;
    app::NominationService& nominations;
    app::CaseService& cases;
    HttpSettings settings;
};

// Handlers are named functions of a module's route file that take the services and, for routes
// with {…} ids, the ids already read as positive record ids (a malformed id answers 404 before the
// handler runs):
//   router.Add("GET", "/api/v1/pools/{id}", Access::kSession, Bind(s, GetPool));
// with `Response GetPool(Services& s, Request& req, Id id)`.
using Id = std::int64_t;
using ServiceHandler = Response (*)(Services&, Request&);
using IdHandler = Response (*)(Services&, Request&, Id);
using IdsHandler = Response (*)(Services&, Request&, Id, Id);
Handler Bind(Services& s, ServiceHandler handler);
Handler Bind(Services& s, IdHandler handler);
Handler Bind(Services& s, IdsHandler handler);

// Every route of the API (route_table.cpp).
Router BuildRouter(Services& services);

// 422 with every row error of an all-or-nothing write: {"error": {"code": "invalid", "message":
// "<failure>：共 N 行有错误（M 处），未写入任何数据"}, "rows": [{sheet, row, field, message}],
// "error_rows": N, "error_count": M} — rows with an error and errors counted apart.
Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure);

// The name of an upload, from the percent-encoded X-Filename header ("" when absent or malformed).
std::string UploadName(const Request& req);
// ?dry_run=1 (or true): an import's preview, nothing written; 0, false or absent: the import.
core::Result<bool> DryRun(const Request& req);

// JSON of a session user (GET /me and login).
std::string UserJson(const app::SessionUser& user, const std::string& scope_unit_name);
// The Set-Cookie value of the session cookie: lingyan_session=<token> and its attributes (an empty
// token with max_age 0 ends it).
std::string SessionCookie(const Services& s, const std::string& token, std::int64_t max_age);

}  // namespace lingyan::http
