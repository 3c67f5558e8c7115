#include "http/routes/routes.hpp"

#include "http/routes/handlers.hpp"

namespace lingyan::http {

// The route table: every route of the API, its access and its handler. One table, so that the
// whole API can be read (and its authorization tested) in one place.
Router BuildRouter(Services& s) {
    using namespace handlers;  // NOLINT(google-build-using-namespace): the table names handlers only
    Router router;

    // ---- accounts (accounts/session_routes.cpp)
    router.Add("GET", "/api/v1/health", Access::kPublic, Bind(s, Health));
    router.Add("POST", "/api/v1/session", Access::kPublic, Bind(s, LogIn));
    router.Add("DELETE", "/api/v1/session", Access::kSession, Bind(s, LogOut));
    router.Add("GET", "/api/v1/me", Access::kSession, Bind(s, GetMe));
    router.Add("GET", "/api/v1/sessions", Access::kSession, Bind(s, ListSessions));
    router.Add("DELETE", "/api/v1/sessions/{id}", Access::kSession, Bind(s, EndSession));
    router.Add("POST", "/api/v1/sessions/end-others", Access::kSession, Bind(s, EndOtherSessions));
    router.Add("GET", "/api/v1/login-throttles", Access::kSession, Bind(s, ListLoginThrottles));
    router.Add("POST", "/api/v1/login-throttles/lift", Access::kSession, Bind(s, LiftLoginThrottle));
    router.Add("GET", "/metrics", Access::kPublic, Bind(s, GetMetrics));

    // ---- audit (audit/audit_routes.cpp)
    router.Add("GET", "/api/v1/audit", Access::kSession, Bind(s, ListAudit));
    // The whole chain is read and hashed: on the worker pool, not an I/O thread.
    router.Add("GET", "/api/v1/audit/verify", Access::kSession, Bind(s, VerifyAudit), Router::kJsonBodyLimit, true);
    // Up to 20,000 whole entries into a workbook: on the worker pool too.
    router.Add("GET", "/api/v1/audit.xlsx", Access::kSession, Bind(s, ExportAudit), Router::kJsonBodyLimit, true);
    router.Add("GET", "/api/v1/audit/{seq}", Access::kSession, Bind(s, GetAuditEntry));

    // ---- accounts (accounts/account_routes.cpp)
    router.Add("POST", "/api/v1/me/password", Access::kSession, Bind(s, ChangeMyPassword));
    router.Add("GET", "/api/v1/accounts", Access::kSession, Bind(s, ListAccounts));
    router.Add("GET", "/api/v1/accounts.xlsx", Access::kSession, Bind(s, ExportAccounts));
    router.Add("POST", "/api/v1/accounts", Access::kSession, Bind(s, CreateAccount));
    router.Add("GET", "/api/v1/accounts/{id}", Access::kSession, Bind(s, GetAccount));
    router.Add("PATCH", "/api/v1/accounts/{id}", Access::kSession, Bind(s, UpdateAccount));
    router.Add("POST", "/api/v1/accounts/{id}/password", Access::kSession, Bind(s, ResetAccountPassword));
    router.Add("POST", "/api/v1/accounts/{id}/disable", Access::kSession, Bind(s, DisableAccount));
    router.Add("POST", "/api/v1/accounts/{id}/enable", Access::kSession, Bind(s, EnableAccount));

    // ---- workbench (workbench/workbench_routes.cpp)
    // On the worker pool: it reads several modules (a few COUNT queries and short lists).
    router.Add("GET", "/api/v1/workbench", Access::kSession, Bind(s, GetWorkbench), Router::kJsonBodyLimit, true);

    // ---- roster (roster/roster_routes.cpp)
    router.Add("GET", "/api/v1/units", Access::kSession, Bind(s, ListUnits));
    router.Add("POST", "/api/v1/units", Access::kSession, Bind(s, CreateUnit));
    router.Add("PATCH", "/api/v1/units/{id}", Access::kSession, Bind(s, UpdateUnit));
    router.Add("DELETE", "/api/v1/units/{id}", Access::kSession, Bind(s, DeleteUnit));
    router.Add("GET", "/api/v1/units/{id}", Access::kSession, Bind(s, GetUnit));
    router.Add("GET", "/api/v1/units/{id}/stats", Access::kSession, Bind(s, GetUnitStats));
    router.Add("GET", "/api/v1/people", Access::kSession, Bind(s, ListPeople));
    router.Add("GET", "/api/v1/people/shared-id-numbers", Access::kSession, Bind(s, ListSharedIdNumbers));
    router.Add("GET", "/api/v1/people/{id}", Access::kSession, Bind(s, GetPerson));
    router.Add("POST", "/api/v1/people", Access::kSession, Bind(s, CreatePerson));
    router.Add("PATCH", "/api/v1/people/{id}", Access::kSession, Bind(s, UpdatePerson));
    router.Add("DELETE", "/api/v1/people/{id}", Access::kSession, Bind(s, DeletePerson));

    // ---- roster: party organizations (roster/party_org_routes.cpp)
    router.Add("GET", "/api/v1/party-orgs", Access::kSession, Bind(s, ListPartyOrgs));
    router.Add("GET", "/api/v1/party-orgs.xlsx", Access::kSession, Bind(s, ExportPartyOrgs), Router::kJsonBodyLimit,
               true);
    router.Add("POST", "/api/v1/party-orgs", Access::kSession, Bind(s, CreatePartyOrg));
    router.Add("GET", "/api/v1/party-orgs/{id}", Access::kSession, Bind(s, GetPartyOrg));
    router.Add("PATCH", "/api/v1/party-orgs/{id}", Access::kSession, Bind(s, RenamePartyOrg));
    router.Add("POST", "/api/v1/party-orgs/{id}/upgrade", Access::kSession, Bind(s, UpgradePartyOrg));
    router.Add("POST", "/api/v1/party-orgs/{id}/dissolve", Access::kSession, Bind(s, DissolvePartyOrg));
    router.Add("POST", "/api/v1/party-orgs/{id}/households", Access::kSession, Bind(s, CreateHousehold));
    router.Add("POST", "/api/v1/party-orgs/{id}/households/{hid}/dissolve", Access::kSession, Bind(s, DissolveHousehold));
    router.Add("GET", "/api/v1/positions", Access::kSession, Bind(s, ListPositions));
    router.Add("POST", "/api/v1/positions", Access::kSession, Bind(s, CreatePosition));
    router.Add("PATCH", "/api/v1/positions/{id}", Access::kSession, Bind(s, UpdatePosition));
    router.Add("DELETE", "/api/v1/positions/{id}", Access::kSession, Bind(s, DeletePosition));

    // ---- roster (roster/exchange_routes.cpp)
    router.Add("POST", "/api/v1/import/roster", Access::kSession, Bind(s, ImportRoster), Router::kUploadBodyLimit);
    router.Add("POST", "/api/v1/import/units", Access::kSession, Bind(s, ImportUnits), Router::kUploadBodyLimit);
    router.Add("GET", "/api/v1/import/units/template", Access::kSession, Bind(s, DownloadUnitsTemplate));
    router.Add("GET", "/api/v1/import/roster/template", Access::kSession, Bind(s, DownloadRosterTemplate));
    router.Add("GET", "/api/v1/export/people", Access::kSession, Bind(s, ExportPeople));
    router.Add("GET", "/api/v1/export/units", Access::kSession, Bind(s, ExportUnits));

    // ---- evaluation (evaluation/campaign_routes.cpp)
    router.Add("GET", "/api/v1/templates", Access::kSession, Bind(s, ListTemplates));
    router.Add("GET", "/api/v1/campaigns", Access::kSession, Bind(s, ListCampaigns));
    router.Add("POST", "/api/v1/campaigns", Access::kSession, Bind(s, CreateCampaign));
    router.Add("GET", "/api/v1/campaigns/{id}", Access::kSession, Bind(s, GetCampaign));
    router.Add("POST", "/api/v1/campaigns/{id}/facts", Access::kSession, Bind(s, EnterFacts));
    router.Add("GET", "/api/v1/campaigns/{id}/facts", Access::kSession, Bind(s, ListFacts));
    router.Add("GET", "/api/v1/campaigns/{id}/ranking", Access::kSession, Bind(s, GetRanking));
    router.Add("GET", "/api/v1/campaigns/{id}/subjects/{sid}/explain", Access::kSession, Bind(s, ExplainSubject));
    router.Add("POST", "/api/v1/campaigns/{id}/publish", Access::kSession, Bind(s, PublishCampaign));
    router.Add("POST", "/api/v1/campaigns/{id}/versions", Access::kSession, Bind(s, CreateVersion));
    router.Add("GET", "/api/v1/campaigns/{id}/result", Access::kSession, Bind(s, GetResult));
    router.Add("PUT", "/api/v1/campaigns/{id}/framework", Access::kSession, Bind(s, ReplaceFramework));
    router.Add("PUT", "/api/v1/campaigns/{id}/settings", Access::kSession, Bind(s, ReplaceSettings));
    router.Add("PUT", "/api/v1/campaigns/{id}/owners", Access::kSession, Bind(s, ReplaceOwners));
    router.Add("GET", "/api/v1/campaigns/{id}/followups", Access::kSession, Bind(s, ListCampaignFollowUps));
    router.Add("POST", "/api/v1/campaigns/{id}/followups", Access::kSession, Bind(s, CreateCampaignFollowUp));
    router.Add("POST", "/api/v1/campaigns/{id}/followups/{fid}/close", Access::kSession, Bind(s, CloseCampaignFollowUp));
    router.Add("POST", "/api/v1/campaigns/{id}/facts/from-metric", Access::kSession, Bind(s, FactsFromIndicator));
    router.Add("GET", "/api/v1/campaigns/{id}/facts/template.xlsx", Access::kSession, Bind(s, DownloadFactsTemplate));
    router.Add("POST", "/api/v1/campaigns/{id}/facts/import", Access::kSession, Bind(s, ImportFacts), Router::kUploadBodyLimit);
    router.Add("GET", "/api/v1/campaigns/{id}/awards.xlsx", Access::kSession, Bind(s, DownloadAwards));

    // ---- indicators (indicators/indicator_routes.cpp)
    router.Add("GET", "/api/v1/metrics", Access::kSession, Bind(s, ListIndicators));
    router.Add("GET", "/api/v1/metrics/progress", Access::kSession, Bind(s, GetIndicatorProgress));
    router.Add("POST", "/api/v1/metrics/values", Access::kSession, Bind(s, EnterIndicatorValues));
    router.Add("POST", "/api/v1/metrics/import", Access::kSession, Bind(s, ImportIndicators), Router::kUploadBodyLimit);
    router.Add("GET", "/api/v1/metrics/template.xlsx", Access::kSession, Bind(s, DownloadIndicatorTemplate));

    // ---- points (points/points_routes.cpp)
    router.Add("GET", "/api/v1/points/rules", Access::kSession, Bind(s, ListRules));
    router.Add("GET", "/api/v1/points/periods", Access::kSession, Bind(s, ListPeriods));
    router.Add("POST", "/api/v1/points/periods", Access::kSession, Bind(s, CreatePeriod));
    router.Add("PATCH", "/api/v1/points/periods/{id}", Access::kSession, Bind(s, UpdatePeriod));
    router.Add("GET", "/api/v1/points/members", Access::kSession, Bind(s, ListMembers));
    router.Add("POST", "/api/v1/points/members", Access::kSession, Bind(s, CreateMember));
    router.Add("POST", "/api/v1/points/members/{id}/link", Access::kSession, Bind(s, LinkMemberAccount));
    router.Add("GET", "/api/v1/me/link-requests", Access::kSession, Bind(s, ListMyLinkRequests));
    router.Add("POST", "/api/v1/me/link-requests/{id}/accept", Access::kSession, Bind(s, AcceptLinkRequest));
    router.Add("POST", "/api/v1/me/link-requests/{id}/decline", Access::kSession, Bind(s, DeclineLinkRequest));
    router.Add("POST", "/api/v1/points/rules", Access::kSession, Bind(s, CreateRule));
    router.Add("PATCH", "/api/v1/points/rules/{id}", Access::kSession, Bind(s, UpdateRule));
    router.Add("GET", "/api/v1/points/rules.xlsx", Access::kSession, Bind(s, ExportPointsRules), Router::kJsonBodyLimit,
               true);
    router.AddUpload("POST", "/api/v1/points/rules/import", Bind(s, ImportPointsRules), app::kPointsRulesMaxBytes,
                     [&s](Request& req) { return Refusal(s.points.CheckRulesImport(req.user->actor)); });
    router.Add("GET", "/api/v1/points/me", Access::kSession, Bind(s, GetMyPoints));
    router.Add("POST", "/api/v1/points/events", Access::kSession, Bind(s, RecordEvent));
    router.Add("POST", "/api/v1/points/events/bulk", Access::kSession, Bind(s, RecordEventsBulk));
    router.Add("GET", "/api/v1/points/approvals", Access::kSession, Bind(s, ListApprovals));
    router.Add("POST", "/api/v1/points/events/decide", Access::kSession, Bind(s, DecideEvents));
    router.Add("POST", "/api/v1/points/events/{id}/approve", Access::kSession, Bind(s, ApproveEvent));
    router.Add("POST", "/api/v1/points/events/{id}/reject", Access::kSession, Bind(s, RejectEvent));
    router.Add("POST", "/api/v1/points/events/{id}/reverse", Access::kSession, Bind(s, ReverseEvent));
    router.Add("GET", "/api/v1/points/leaderboard", Access::kSession, Bind(s, GetLeaderboard));
    router.Add("GET", "/api/v1/points/leaderboard.xlsx", Access::kSession, Bind(s, ExportLeaderboard));
    router.Add("GET", "/api/v1/points/members/{id}/ranks", Access::kSession, Bind(s, GetMemberRanks));
    router.Add("GET", "/api/v1/points/stars", Access::kSession, Bind(s, GetStars));
    router.Add("GET", "/api/v1/points/publicity", Access::kSession, Bind(s, GetPublicity));
    router.Add("GET", "/api/v1/points/publicity.xlsx", Access::kSession, Bind(s, ExportPublicity));

    // ---- training (training/pool_routes.cpp)
    router.Add("GET", "/api/v1/pools", Access::kSession, Bind(s, ListPools));
    router.Add("POST", "/api/v1/pools", Access::kSession, Bind(s, CreatePool));
    router.Add("GET", "/api/v1/pools/{id}", Access::kSession, Bind(s, GetPool));
    router.Add("GET", "/api/v1/pools/{id}/members.xlsx", Access::kSession, Bind(s, ExportPoolMembers));
    router.Add("GET", "/api/v1/pools/{id}/candidates", Access::kSession, Bind(s, ListCandidates));
    router.Add("POST", "/api/v1/pools/{id}/members", Access::kSession, Bind(s, ChangeMember));

    // ---- training (training/program_routes.cpp)
    router.Add("GET", "/api/v1/programs", Access::kSession, Bind(s, ListPrograms));
    router.Add("GET", "/api/v1/programs.xlsx", Access::kSession, Bind(s, ExportPrograms), Router::kJsonBodyLimit, true);
    router.Add("POST", "/api/v1/programs", Access::kSession, Bind(s, CreateProgram));
    router.Add("GET", "/api/v1/programs/{id}", Access::kSession, Bind(s, GetProgram));
    router.Add("GET", "/api/v1/programs/{id}/placements.xlsx", Access::kSession, Bind(s, ExportPlacements));
    router.Add("POST", "/api/v1/programs/{id}/batches", Access::kSession, Bind(s, AddBatch));
    router.Add("POST", "/api/v1/programs/{id}/batches/{bid}/trainees", Access::kSession, Bind(s, AddTrainees));
    router.Add("POST", "/api/v1/programs/{id}/hosts", Access::kSession, Bind(s, SetHosts));
    router.Add("POST", "/api/v1/programs/{id}/placements", Access::kSession, Bind(s, AddPlacements));
    router.Add("GET", "/api/v1/programs/{id}/recommendation", Access::kSession, Bind(s, Recommend));
    router.Add("POST", "/api/v1/programs/{id}/seminars", Access::kSession, Bind(s, AddSeminar));
    router.Add("POST", "/api/v1/programs/{id}/placements/{pid}/summary", Access::kSession, Bind(s, SubmitSummary));
    router.Add("POST", "/api/v1/programs/{id}/placements/{pid}/assessment", Access::kSession, Bind(s, Assess));
    router.Add("POST", "/api/v1/programs/{id}/placements/{pid}/actions", Access::kSession, Bind(s, AddActionItems));
    router.Add("POST", "/api/v1/programs/{id}/followups/{fid}", Access::kSession, Bind(s, CompleteFollowUp));
    router.Add("POST", "/api/v1/programs/{id}/agreements", Access::kSession, Bind(s, AddAgreements));
    router.Add("PATCH", "/api/v1/programs/{id}", Access::kSession, Bind(s, UpdateProgram));
    router.Add("DELETE", "/api/v1/programs/{id}", Access::kSession, Bind(s, DeleteProgram));
    router.Add("PATCH", "/api/v1/programs/{id}/placements/{pid}", Access::kSession, Bind(s, UpdatePlacement));
    router.Add("DELETE", "/api/v1/programs/{id}/placements/{pid}", Access::kSession, Bind(s, DeletePlacement));
    router.Add("PATCH", "/api/v1/programs/{id}/agreements/{aid}", Access::kSession, Bind(s, UpdateAgreement));
    router.Add("DELETE", "/api/v1/programs/{id}/agreements/{aid}", Access::kSession, Bind(s, DeleteAgreement));
    router.Add("GET", "/api/v1/units/{id}/gap", Access::kSession, Bind(s, GetGap));

    // ---- training (training/ladder_routes.cpp)
    router.Add("GET", "/api/v1/ladder/config", Access::kSession, Bind(s, GetLadderConfig));
    router.Add("GET", "/api/v1/ladder", Access::kSession, Bind(s, ListLadder));
    router.Add("GET", "/api/v1/people/{id}/ladder", Access::kSession, Bind(s, GetPersonLadder));
    router.Add("POST", "/api/v1/people/{id}/ladder", Access::kSession, Bind(s, ChangePersonLadder));
    router.Add("POST", "/api/v1/ladder/evaluate", Access::kSession, Bind(s, EvaluateLadder));
    router.Add("GET", "/api/v1/bonus-splits", Access::kSession, Bind(s, ListBonusSplits));
    router.Add("POST", "/api/v1/bonus-splits", Access::kSession, Bind(s, CreateBonusSplit));
    router.Add("GET", "/api/v1/bonus-splits/{id}", Access::kSession, Bind(s, GetBonusSplit));
    router.Add("DELETE", "/api/v1/bonus-splits/{id}", Access::kSession, Bind(s, DeleteBonusSplit));
    router.Add("GET", "/api/v1/bonus-splits/{id}/export.xlsx", Access::kSession, Bind(s, ExportBonusSplit));

    // ---- arena (arena/contest_routes.cpp, arena/judge_routes.cpp). Writes wait on the database, so
    // they run on the worker pool (kWorker); GET …/live with an upgrade is served by http/ws.
    constexpr auto kJson = Router::kJsonBodyLimit;
    constexpr bool kWorker = true;
    router.Add("GET", "/api/v1/contests", Access::kSession, Bind(s, ListContests), kJson, kWorker);
    router.Add("POST", "/api/v1/contests", Access::kSession, Bind(s, CreateContest), kJson, kWorker);
    router.Add("GET", "/api/v1/contests/{id}", Access::kSession, Bind(s, GetContest), kJson, kWorker);
    router.Add("GET", "/api/v1/contests/{id}/live", Access::kPublic, Bind(s, LiveNeedsUpgrade));
    router.Add("GET", "/api/v1/contests/{id}/messages", Access::kPublic, Bind(s, ListLiveMessages), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/advance", Access::kSession, Bind(s, AdvanceContest), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/open", Access::kSession, Bind(s, OpenScoring), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/close", Access::kSession, Bind(s, CloseScoring), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/reveal", Access::kSession, Bind(s, RevealScores), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/timer", Access::kSession, Bind(s, ContestTimer), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/draw", Access::kSession, Bind(s, DrawLots), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/finish", Access::kSession, Bind(s, FinishContest), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/pre-scores", Access::kSession, Bind(s, EnterPreScore), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/scores/reopen", Access::kSession, Bind(s, ReopenScore), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/seats/{sid}/link", Access::kSession, Bind(s, IssueSeatLink), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/links", Access::kSession, Bind(s, IssueSeatLinks), kJson, kWorker);
    router.Add("GET", "/api/v1/contests/{id}/results", Access::kSession, Bind(s, GetContestResults), kJson, kWorker);
    router.Add("GET", "/api/v1/contests/{id}/results.xlsx", Access::kSession, Bind(s, DownloadContestResults), kJson,
               kWorker);
    router.Add("POST", "/api/v1/contests/{id}/push-results", Access::kSession, Bind(s, PushContestResults), kJson,
               kWorker);
    // Judges: no account needed (the link's device cookie); the handlers check cookie and CSRF.
    router.Add("POST", "/api/v1/contests/{id}/judge/join", Access::kPublic, Bind(s, JoinAsJudge), kJson, kWorker);
    router.Add("GET", "/api/v1/contests/{id}/judge", Access::kPublic, Bind(s, GetJudgeView), kJson, kWorker);
    router.Add("POST", "/api/v1/contests/{id}/judge/scores", Access::kPublic, Bind(s, SubmitJudgeScore), kJson, kWorker);

    // ---- attachments (attachments/attachment_routes.cpp): the upload's owner, role and scope are
    // checked before its body is read; the file itself is read and decoded on the upload thread.
    router.AddUpload("POST", "/api/v1/attachments", Bind(s, UploadAttachment), core::attachments::kMaxBytes,
                     [&s](Request& req) { return GateAttachmentUpload(s, req); });
    router.Add("GET", "/api/v1/attachments", Access::kSession, Bind(s, ListAttachments), kJson, kWorker);
    router.Add("GET", "/api/v1/attachments/{id}/file", Access::kSession, Bind(s, GetAttachmentFile), kJson, kWorker);
    router.Add("DELETE", "/api/v1/attachments/{id}", Access::kSession, Bind(s, RemoveAttachment), kJson, kWorker);

    // ---- case library (cases/case_routes.cpp): the role is refused before a body is parsed.
    router.Add("GET", "/api/v1/cases", Access::kSession, Bind(s, ListCases), kJson, kWorker);
    router.Add("GET", "/api/v1/cases/years", Access::kSession, Bind(s, ListCaseYears), kJson, kWorker);
    router.Add("POST", "/api/v1/cases/preview", Access::kSession, Bind(s, PreviewCase), kJson, kWorker);
    router.Add("POST", "/api/v1/cases", Access::kSession, Bind(s, CreateCase), kJson, kWorker);
    router.Add("GET", "/api/v1/cases/{id}", Access::kSession, Bind(s, GetCase), kJson, kWorker);
    router.Add("PATCH", "/api/v1/cases/{id}", Access::kSession, Bind(s, UpdateCase), kJson, kWorker);
    router.Add("DELETE", "/api/v1/cases/{id}", Access::kSession, Bind(s, DeleteCase), kJson, kWorker);

    // ---- honours (honours/honour_routes.cpp)
    router.Add("GET", "/api/v1/honours", Access::kSession, Bind(s, ListHonours), kJson, kWorker);
    router.Add("GET", "/api/v1/honours.xlsx", Access::kSession, Bind(s, ExportHonours), kJson, kWorker);
    router.AddUpload("POST", "/api/v1/honours/import", Bind(s, ImportHonours), app::kHonoursMaxBytes,
                     [&s](Request& req) { return Refusal(s.honours.CheckImport(req.user->actor)); });
    router.Add("GET", "/api/v1/honours/template.xlsx", Access::kSession, Bind(s, DownloadHonoursTemplate), kJson,
               kWorker);
    router.Add("POST", "/api/v1/honours", Access::kSession, Bind(s, CreateHonour), kJson, kWorker);
    router.Add("POST", "/api/v1/honours/from-campaign", Access::kSession, Bind(s, HonoursFromCampaign), kJson, kWorker);
    router.Add("GET", "/api/v1/people/{id}/honours", Access::kSession, Bind(s, ListPersonHonours), kJson, kWorker);

    // ---- personnel (personnel/personnel_routes.cpp): decisions citing their ground; the nominated 躺平奖.
    router.Add("GET", "/api/v1/decisions", Access::kSession, Bind(s, ListDecisions), kJson, kWorker);
    router.Add("GET", "/api/v1/decisions.xlsx", Access::kSession, Bind(s, ExportDecisions), kJson, kWorker);
    router.Add("POST", "/api/v1/decisions", Access::kSession, Bind(s, CreateDecision), kJson, kWorker);
    router.Add("GET", "/api/v1/people/{id}/decisions", Access::kSession, Bind(s, ListPersonDecisions), kJson, kWorker);
    router.Add("GET", "/api/v1/campaigns/{id}/decisions", Access::kSession, Bind(s, ListCampaignDecisions), kJson,
               kWorker);
    router.Add("GET", "/api/v1/tangping/nominations", Access::kSession, Bind(s, ListNominations), kJson, kWorker);
    router.Add("GET", "/api/v1/tangping/nominations.xlsx", Access::kSession, Bind(s, ExportNominations), kJson,
               kWorker);
    router.Add("POST", "/api/v1/tangping/nominations", Access::kSession, Bind(s, CreateNomination), kJson, kWorker);
    router.Add("POST", "/api/v1/tangping/nominations/{id}/review", Access::kSession, Bind(s, ReviewNomination), kJson,
               kWorker);

    // ---- projects (projects/project_routes.cpp): 书记项目 and 揭榜挂帅.
    router.Add("GET", "/api/v1/projects", Access::kSession, Bind(s, ListProjects), kJson, kWorker);
    router.Add("GET", "/api/v1/projects/ledger.xlsx", Access::kSession, Bind(s, ProjectLedgerXlsx), kJson, kWorker);
    router.Add("POST", "/api/v1/projects", Access::kSession, Bind(s, CreateProject), kJson, kWorker);
    router.Add("GET", "/api/v1/projects/{id}", Access::kSession, Bind(s, GetProject), kJson, kWorker);
    router.Add("POST", "/api/v1/projects/{id}/claim", Access::kSession, Bind(s, ClaimProject), kJson, kWorker);
    router.Add("POST", "/api/v1/projects/{id}/confirm", Access::kSession, Bind(s, ConfirmProjectClaim), kJson, kWorker);
    router.Add("POST", "/api/v1/projects/{id}/refuse", Access::kSession, Bind(s, RefuseProjectClaim), kJson, kWorker);
    router.Add("POST", "/api/v1/projects/{id}/reports", Access::kSession, Bind(s, ReportProject), kJson, kWorker);
    router.Add("POST", "/api/v1/projects/{id}/complete", Access::kSession, Bind(s, CompleteProject), kJson, kWorker);

    // ---- tickets and notifications (tickets/ticket_routes.cpp). The fixed paths come before
    // /tickets/{id}: the first route that matches wins.
    router.Add("GET", "/api/v1/tickets", Access::kSession, Bind(s, ListTickets), kJson, kWorker);
    router.Add("POST", "/api/v1/tickets", Access::kSession, Bind(s, CreateTicket), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/mine", Access::kSession, Bind(s, MyTickets), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/board", Access::kSession, Bind(s, TicketBoard), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/stats", Access::kSession, Bind(s, TicketStats), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/stats.xlsx", Access::kSession, Bind(s, TicketStatsXlsx), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/ledger.xlsx", Access::kSession, Bind(s, TicketLedgerXlsx), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/rules", Access::kSession, Bind(s, GetTicketRules), kJson, kWorker);
    router.AddUpload("POST", "/api/v1/tickets/import/hotline", Bind(s, ImportHotline), app::kHotlineMaxBytes,
                     [&s](Request& req) { return Refusal(s.tickets.CheckHotlineImport(req.user->actor)); });
    router.Add("GET", "/api/v1/tickets/import/hotline/template", Access::kSession, Bind(s, DownloadHotlineTemplate), kJson,
               kWorker);
    router.Add("PUT", "/api/v1/tickets/rules", Access::kSession, Bind(s, SetTicketRules), kJson, kWorker);
    router.Add("GET", "/api/v1/tickets/{id}", Access::kSession, Bind(s, GetTicket), kJson, kWorker);
    router.Add("POST", "/api/v1/tickets/{id}/actions", Access::kSession, Bind(s, ActOnTicket), kJson, kWorker);
    router.Add("GET", "/api/v1/meetings", Access::kSession, Bind(s, ListMeetings), kJson, kWorker);
    router.Add("GET", "/api/v1/meetings.xlsx", Access::kSession, Bind(s, ExportMeetings), kJson, kWorker);
    router.Add("POST", "/api/v1/meetings", Access::kSession, Bind(s, CreateMeeting), kJson, kWorker);
    router.Add("GET", "/api/v1/meetings/{id}", Access::kSession, Bind(s, GetMeeting), kJson, kWorker);
    router.Add("GET", "/api/v1/deliberations", Access::kSession, Bind(s, ListDeliberations), kJson, kWorker);
    router.Add("GET", "/api/v1/deliberations.xlsx", Access::kSession, Bind(s, ExportDeliberations), kJson, kWorker);
    router.Add("POST", "/api/v1/deliberations", Access::kSession, Bind(s, CreateDeliberation), kJson, kWorker);
    router.Add("GET", "/api/v1/deliberations/{id}", Access::kSession, Bind(s, GetDeliberation), kJson, kWorker);
    router.Add("GET", "/api/v1/notifications", Access::kSession, Bind(s, ListNotifications), kJson, kWorker);
    router.Add("GET", "/api/v1/notifications/count", Access::kSession, Bind(s, CountNotifications), kJson, kWorker);
    router.Add("GET", "/api/v1/notifications/digest", Access::kSession, Bind(s, NotificationDigest), kJson, kWorker);
    router.Add("POST", "/api/v1/notifications/read", Access::kSession, Bind(s, ReadNotifications), kJson, kWorker);
    return router;
}

}  // namespace lingyan::http
