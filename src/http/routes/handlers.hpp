#pragma once
// Every route handler, by module and file. A handler parses the request, calls one use case and
// maps its result (http/server/reply.hpp); the routes that reach them are listed in
// route_table.cpp. Handlers of routes with {…} ids get the ids already read (see Bind in
// routes.hpp). When adding a route: its handler in the module's route file, its declaration here,
// its row in route_table.cpp, its row in tests/integration/http/common/authz_matrix_test.cpp and
// in docs/api.md.

#include "http/routes/routes.hpp"

namespace lingyan::http::handlers {

// accounts/session_routes.cpp
Response Health(Services&, Request&);
Response LogIn(Services&, Request&);
Response LogOut(Services&, Request&);
Response GetMe(Services&, Request&);
Response ListAudit(Services&, Request&);
Response ListSessions(Services&, Request&);
Response EndSession(Services&, Request&);
Response EndOtherSessions(Services&, Request&);
Response ListLoginThrottles(Services&, Request&);
Response LiftLoginThrottle(Services&, Request&);
Response GetMetrics(Services&, Request&);

// accounts/account_routes.cpp
Response ListAccounts(Services&, Request&);
Response GetAccount(Services&, Request&, Id);
Response CreateAccount(Services&, Request&);
Response UpdateAccount(Services&, Request&, Id);
Response ResetAccountPassword(Services&, Request&, Id);
Response DisableAccount(Services&, Request&, Id);
Response EnableAccount(Services&, Request&, Id);
Response ChangeMyPassword(Services&, Request&);

// workbench/workbench_routes.cpp
Response GetWorkbench(Services&, Request&);

// roster/roster_routes.cpp
Response ListUnits(Services&, Request&);
Response CreateUnit(Services&, Request&);
Response UpdateUnit(Services&, Request&, Id);
Response DeleteUnit(Services&, Request&, Id);
Response GetUnit(Services&, Request&, Id);
Response GetUnitStats(Services&, Request&);
Response ListPeople(Services&, Request&);
Response GetPerson(Services&, Request&, Id);
Response ListSharedIdNumbers(Services&, Request&);
Response CreatePerson(Services&, Request&);
Response UpdatePerson(Services&, Request&, Id);
Response DeletePerson(Services&, Request&, Id);
Response ListPositions(Services&, Request&);
Response CreatePosition(Services&, Request&);
Response UpdatePosition(Services&, Request&, Id);
Response DeletePosition(Services&, Request&, Id);

// roster/party_org_routes.cpp
Response ListPartyOrgs(Services&, Request&);
Response GetPartyOrg(Services&, Request&, Id);
Response CreatePartyOrg(Services&, Request&);
Response RenamePartyOrg(Services&, Request&, Id);
Response UpgradePartyOrg(Services&, Request&, Id);
Response DissolvePartyOrg(Services&, Request&, Id);
Response CreateHousehold(Services&, Request&, Id);
Response DissolveHousehold(Services&, Request&, Id, Id);

// roster/exchange_routes.cpp
Response ImportRoster(Services&, Request&);
Response ImportUnits(Services&, Request&);
Response DownloadUnitsTemplate(Services&, Request&);
Response DownloadRosterTemplate(Services&, Request&);
Response ExportPeople(Services&, Request&);
Response ExportUnits(Services&, Request&);

// evaluation/campaign_routes.cpp
Response ListTemplates(Services&, Request&);
Response ListCampaigns(Services&, Request&);
Response CreateCampaign(Services&, Request&);
Response GetCampaign(Services&, Request&, Id);
Response EnterFacts(Services&, Request&, Id);
Response ListFacts(Services&, Request&, Id);
Response GetRanking(Services&, Request&, Id);
Response ExplainSubject(Services&, Request&, Id, Id);
Response PublishCampaign(Services&, Request&, Id);
Response CreateVersion(Services&, Request&, Id);
Response GetResult(Services&, Request&, Id);
Response ReplaceFramework(Services&, Request&, Id);
Response ReplaceSettings(Services&, Request&, Id);
Response ReplaceOwners(Services&, Request&, Id);
Response ListCampaignFollowUps(Services&, Request&, Id);
Response CreateCampaignFollowUp(Services&, Request&, Id);
Response CloseCampaignFollowUp(Services&, Request&, Id, Id);
Response FactsFromIndicator(Services&, Request&, Id);
Response DownloadFactsTemplate(Services&, Request&, Id);
Response ImportFacts(Services&, Request&, Id);
Response DownloadAwards(Services&, Request&, Id);

// indicators/indicator_routes.cpp
Response ListIndicators(Services&, Request&);
Response GetIndicatorProgress(Services&, Request&);
Response EnterIndicatorValues(Services&, Request&);
Response ImportIndicators(Services&, Request&);
Response DownloadIndicatorTemplate(Services&, Request&);

// points/points_routes.cpp
Response ListRules(Services&, Request&);
Response ListPeriods(Services&, Request&);
Response CreatePeriod(Services&, Request&);
Response UpdatePeriod(Services&, Request&, Id);
Response ListMembers(Services&, Request&);
Response CreateMember(Services&, Request&);
Response LinkMemberAccount(Services&, Request&, Id);
Response ListMyLinkRequests(Services&, Request&);
Response AcceptLinkRequest(Services&, Request&, Id);
Response DeclineLinkRequest(Services&, Request&, Id);
Response CreateRule(Services&, Request&);
Response UpdateRule(Services&, Request&, Id);
Response GetMyPoints(Services&, Request&);
Response RecordEvent(Services&, Request&);
Response RecordEventsBulk(Services&, Request&);
Response ListApprovals(Services&, Request&);
Response DecideEvents(Services&, Request&);
Response ApproveEvent(Services&, Request&, Id);
Response RejectEvent(Services&, Request&, Id);
Response ReverseEvent(Services&, Request&, Id);
Response GetLeaderboard(Services&, Request&);
Response ExportLeaderboard(Services&, Request&);
Response GetMemberRanks(Services&, Request&, Id);
Response GetStars(Services&, Request&);
Response GetPublicity(Services&, Request&);
Response ExportPublicity(Services&, Request&);

// training/pool_routes.cpp
Response ListPools(Services&, Request&);
Response CreatePool(Services&, Request&);
Response GetPool(Services&, Request&, Id);
Response ListCandidates(Services&, Request&, Id);
Response ChangeMember(Services&, Request&, Id);

// training/program_routes.cpp
Response ListPrograms(Services&, Request&);
Response CreateProgram(Services&, Request&);
Response GetProgram(Services&, Request&, Id);
Response AddBatch(Services&, Request&, Id);
Response AddTrainees(Services&, Request&, Id, Id);
Response SetHosts(Services&, Request&, Id);
Response AddPlacements(Services&, Request&, Id);
Response Recommend(Services&, Request&, Id);
Response AddSeminar(Services&, Request&, Id);
Response SubmitSummary(Services&, Request&, Id, Id);
Response Assess(Services&, Request&, Id, Id);
Response AddActionItems(Services&, Request&, Id, Id);
Response CompleteFollowUp(Services&, Request&, Id, Id);
Response AddAgreements(Services&, Request&, Id);
Response UpdateProgram(Services&, Request&, Id);
Response DeleteProgram(Services&, Request&, Id);
Response UpdatePlacement(Services&, Request&, Id, Id);
Response DeletePlacement(Services&, Request&, Id, Id);
Response UpdateAgreement(Services&, Request&, Id, Id);
Response DeleteAgreement(Services&, Request&, Id, Id);
Response GetGap(Services&, Request&, Id);

// training/ladder_routes.cpp
Response GetLadderConfig(Services&, Request&);
Response ListLadder(Services&, Request&);
Response GetPersonLadder(Services&, Request&, Id);
Response ChangePersonLadder(Services&, Request&, Id);
Response EvaluateLadder(Services&, Request&);
Response ListBonusSplits(Services&, Request&);
Response CreateBonusSplit(Services&, Request&);
Response GetBonusSplit(Services&, Request&, Id);
Response DeleteBonusSplit(Services&, Request&, Id);
Response ExportBonusSplit(Services&, Request&, Id);

// arena/contest_routes.cpp
Response ListContests(Services&, Request&);
Response CreateContest(Services&, Request&);
Response GetContest(Services&, Request&, Id);
Response LiveNeedsUpgrade(Services&, Request&, Id);
Response ListLiveMessages(Services&, Request&, Id);
Response AdvanceContest(Services&, Request&, Id);
Response OpenScoring(Services&, Request&, Id);
Response CloseScoring(Services&, Request&, Id);
Response RevealScores(Services&, Request&, Id);
Response ContestTimer(Services&, Request&, Id);
Response DrawLots(Services&, Request&, Id);
Response FinishContest(Services&, Request&, Id);
Response EnterPreScore(Services&, Request&, Id);
Response ReopenScore(Services&, Request&, Id);
Response IssueSeatLink(Services&, Request&, Id, Id);
Response IssueSeatLinks(Services&, Request&, Id);
Response GetContestResults(Services&, Request&, Id);
Response DownloadContestResults(Services&, Request&, Id);
Response PushContestResults(Services&, Request&, Id);

// arena/judge_routes.cpp
Response JoinAsJudge(Services&, Request&, Id);
Response GetJudgeView(Services&, Request&, Id);
Response SubmitJudgeScore(Services&, Request&, Id);

// attachments/attachment_routes.cpp
std::optional<Response> GateAttachmentUpload(Services&, Request&);
Response UploadAttachment(Services&, Request&);
Response ListAttachments(Services&, Request&);
Response GetAttachmentFile(Services&, Request&, Id);
Response RemoveAttachment(Services&, Request&, Id);

// honours/honour_routes.cpp
Response ListHonours(Services&, Request&);
Response ListPersonHonours(Services&, Request&, Id);
Response CreateHonour(Services&, Request&);
Response HonoursFromCampaign(Services&, Request&);

// personnel/personnel_routes.cpp
Response ListDecisions(Services&, Request&);
Response ListPersonDecisions(Services&, Request&, Id);
Response ListCampaignDecisions(Services&, Request&, Id);
Response CreateDecision(Services&, Request&);
Response ListNominations(Services&, Request&);
Response CreateNomination(Services&, Request&);
Response ReviewNomination(Services&, Request&, Id);

// projects/project_routes.cpp
Response ListProjects(Services&, Request&);
Response CreateProject(Services&, Request&);
Response GetProject(Services&, Request&, Id);
Response ClaimProject(Services&, Request&, Id);
Response ConfirmProjectClaim(Services&, Request&, Id);
Response RefuseProjectClaim(Services&, Request&, Id);
Response ReportProject(Services&, Request&, Id);
Response CompleteProject(Services&, Request&, Id);

// tickets/ticket_routes.cpp
Response ListTickets(Services&, Request&);
Response CreateTicket(Services&, Request&);
Response GetTicket(Services&, Request&, Id);
Response ActOnTicket(Services&, Request&, Id);
Response MyTickets(Services&, Request&);
Response TicketBoard(Services&, Request&);
Response TicketStats(Services&, Request&);
Response TicketStatsXlsx(Services&, Request&);
std::optional<Response> GateHotlineImport(Services&, Request&);
Response ImportHotline(Services&, Request&);
Response DownloadHotlineTemplate(Services&, Request&);
Response GetTicketRules(Services&, Request&);
Response SetTicketRules(Services&, Request&);
Response ListMeetings(Services&, Request&);
Response CreateMeeting(Services&, Request&);
Response GetMeeting(Services&, Request&, Id);
Response ListDeliberations(Services&, Request&);
Response CreateDeliberation(Services&, Request&);
Response GetDeliberation(Services&, Request&, Id);
Response ListNotifications(Services&, Request&);
Response CountNotifications(Services&, Request&);
Response ReadNotifications(Services&, Request&);
Response NotificationDigest(Services&, Request&);

}  // namespace lingyan::http::handlers
