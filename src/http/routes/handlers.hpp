#pragma once
// Every route handler, by module and file. A handler parses the request, calls one use case and
// maps its result (http/server/reply.hpp); the routes that reach them are listed in
// route_table.cpp. Handlers of routes with {…} ids get the ids already read (see Bind in
// routes.hpp). When adding a route: its handler in the module's route file, its declaration here,
// its row in route_table.cpp, its row in tests/integration/http/common/authz_matrix_test.cpp and
// in docs/api.md.

#include "http/routes/routes.hpp"

namespace lingyan::http::handlers {

// A handler has one of three signatures (Bind in routes.hpp takes each): the request alone, or the
// request with the one or two record ids of its route's {…} segments. The declarations below use
// them, one line per signature and route file; the definitions spell the parameters out.
using Plain = Response(Services&, Request&);
using WithId = Response(Services&, Request&, Id);
using WithIds = Response(Services&, Request&, Id, Id);
// A gate runs before an upload's body is read: a response (401, 403, 413 …) stops it.
using Gate = std::optional<Response>(Services&, Request&);

// accounts/session_routes.cpp
Plain Health, LogIn, LogOut, GetMe, ListSessions, EndSession, EndOtherSessions, ListLoginThrottles,
    LiftLoginThrottle, GetMetrics;

// audit/audit_routes.cpp
Plain ListAudit, ExportAudit, VerifyAudit;
WithId GetAuditEntry;

// accounts/account_routes.cpp
Plain ListAccounts, ExportAccounts, CreateAccount, ChangeMyPassword;
WithId GetAccount, UpdateAccount, ResetAccountPassword, DisableAccount, EnableAccount;

// workbench/workbench_routes.cpp
Plain GetWorkbench;

// roster/roster_routes.cpp
Plain ListUnits, CreateUnit, GetUnitStats, ListPeople, ListSharedIdNumbers, CreatePerson, ListPositions, CreatePosition;
WithId UpdateUnit, DeleteUnit, GetUnit, GetPerson, UpdatePerson, DeletePerson, UpdatePosition, DeletePosition;

// roster/party_org_routes.cpp
Plain ListPartyOrgs, ExportPartyOrgs, CreatePartyOrg;
WithId GetPartyOrg, RenamePartyOrg, UpgradePartyOrg, DissolvePartyOrg, CreateHousehold;
WithIds DissolveHousehold;

// roster/exchange_routes.cpp
Plain ImportRoster, ImportUnits, DownloadUnitsTemplate, DownloadRosterTemplate, ExportPeople, ExportUnits;

// evaluation/campaign_routes.cpp
Plain ListTemplates, ListCampaigns, CreateCampaign;
WithId GetCampaign, EnterFacts, ListFacts, GetRanking, PublishCampaign, CreateVersion, GetResult, ReplaceFramework,
    ReplaceSettings, ReplaceOwners, ListCampaignFollowUps, CreateCampaignFollowUp, FactsFromIndicator,
    DownloadFactsTemplate, ImportFacts, DownloadAwards;
WithIds ExplainSubject, CloseCampaignFollowUp;

// indicators/indicator_routes.cpp
Plain ListIndicators, GetIndicatorProgress, EnterIndicatorValues, ImportIndicators, DownloadIndicatorTemplate;

// points/points_routes.cpp
Plain ListRules, ListPeriods, CreatePeriod, ListMembers, CreateMember, ListMyLinkRequests, CreateRule, GetMyPoints,
    RecordEvent, RecordEventsBulk, ListApprovals, DecideEvents, GetLeaderboard, ExportLeaderboard, GetStars,
    GetPublicity, ExportPublicity, ExportPointsRules, ImportPointsRules;
WithId UpdatePeriod, LinkMemberAccount, AcceptLinkRequest, DeclineLinkRequest, UpdateRule, ApproveEvent, RejectEvent,
    ReverseEvent, GetMemberRanks;

// training/pool_routes.cpp
Plain ListPools, CreatePool;
WithId GetPool, ExportPoolMembers, ListCandidates, ChangeMember;

// training/program_routes.cpp
Plain ListPrograms, ExportPrograms, CreateProgram;
WithId GetProgram, ExportPlacements, AddBatch, SetHosts, AddPlacements, Recommend, AddSeminar, AddAgreements, UpdateProgram,
    DeleteProgram, GetGap;
WithIds AddTrainees, SubmitSummary, Assess, AddActionItems, CompleteFollowUp, UpdatePlacement, DeletePlacement,
    UpdateAgreement, DeleteAgreement;

// training/ladder_routes.cpp
Plain GetLadderConfig, ListLadder, EvaluateLadder, ListBonusSplits, CreateBonusSplit;
WithId GetPersonLadder, ChangePersonLadder, GetBonusSplit, DeleteBonusSplit, ExportBonusSplit;

// arena/contest_routes.cpp
Plain ListContests, CreateContest;
WithId GetContest, LiveNeedsUpgrade, ListLiveMessages, AdvanceContest, OpenScoring, CloseScoring, RevealScores,
    ContestTimer, DrawLots, FinishContest, EnterPreScore, ReopenScore, IssueSeatLinks, GetContestResults,
    DownloadContestResults, PushContestResults;
WithIds IssueSeatLink;

// arena/judge_routes.cpp
WithId JoinAsJudge, GetJudgeView, SubmitJudgeScore;

// attachments/attachment_routes.cpp
Plain UploadAttachment, ListAttachments;
WithId GetAttachmentFile, RemoveAttachment;
Gate GateAttachmentUpload;

// cases/case_routes.cpp
Plain ListCases, ListCaseYears, PreviewCase, CreateCase;
WithId GetCase, UpdateCase, DeleteCase;

// honours/honour_routes.cpp
Plain ListHonours, ExportHonours, CreateHonour, HonoursFromCampaign, ImportHonours, DownloadHonoursTemplate;
WithId ListPersonHonours;

// personnel/personnel_routes.cpp
Plain ListDecisions, ExportDecisions, CreateDecision, ListNominations, ExportNominations, CreateNomination;
WithId ListPersonDecisions, ListCampaignDecisions, ReviewNomination;

// projects/project_routes.cpp
Plain ListProjects, ProjectLedgerXlsx, CreateProject;
WithId GetProject, ClaimProject, ConfirmProjectClaim, RefuseProjectClaim, ReportProject, CompleteProject;

// tickets/ticket_routes.cpp
Plain ListTickets, CreateTicket, MyTickets, TicketBoard, TicketStats, TicketStatsXlsx, TicketLedgerXlsx, ImportHotline,
    DownloadHotlineTemplate, GetTicketRules, SetTicketRules, ListMeetings, ExportMeetings, CreateMeeting,
    ListDeliberations, ExportDeliberations, CreateDeliberation, ListNotifications, CountNotifications,
    ReadNotifications, NotificationDigest;
WithId GetTicket, ActOnTicket, GetMeeting, GetDeliberation;

}  // namespace lingyan::http::handlers
