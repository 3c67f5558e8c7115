#pragma once
// The composition root: the one place that wires adapters (storage, exchange) to the use cases
// (app) for one database, and the http view of them. `lingyan serve`, the other subcommands and
// the integration tests' server all build a Runtime; nothing else constructs a service.
// Opening a Runtime applies pending migrations.
//
// When adding a module: construct its store and service here, add the service to
// http::Services (http/routes/routes.hpp) and to Services() below.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/accounts/account_service.hpp"
#include "app/accounts/auth_service.hpp"
#include "app/arena/arena_service.hpp"
#include "app/attachments/attachment_service.hpp"
#include "app/cases/case_service.hpp"
#include "app/audit/audit_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/honours/honour_service.hpp"
#include "app/personnel/decision_service.hpp"
#include "app/personnel/nomination_service.hpp"
#include "app/indicators/indicator_service.hpp"
#include "app/notifications/notification_service.hpp"
#include "app/points/points_service.hpp"
#include "app/roster/roster_exchange.hpp"
#include "app/roster/roster_service.hpp"
#include "app/projects/project_service.hpp"
#include "app/tickets/ticket_service.hpp"
#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "app/workbench/workbench_service.hpp"
#include "exchange/text/chinese_converter.hpp"
#include "http/routes/routes.hpp"
#include "http/ws/live_hub.hpp"
#include "storage/common/audit_anchor.hpp"
#include "storage/common/crypto.hpp"
#include "storage/db/pool_db.hpp"
#include "storage/feed/change_feed.hpp"
#include "storage/files/blob_store.hpp"
#include "storage/sql/arena_store.hpp"
#include "storage/sql/attachment_store.hpp"
#include "storage/sql/case_store.hpp"
#include "storage/sql/evaluation_store.hpp"
#include "storage/sql/honour_store.hpp"
#include "storage/sql/personnel_store.hpp"
#include "storage/sql/points_store.hpp"
#include "storage/sql/sql_store.hpp"
#include "storage/sql/project_store.hpp"
#include "storage/sql/ticket_store.hpp"
#include "storage/sql/training_store.hpp"
#include "storage/sql/workbench_store.hpp"

namespace lingyan::composition {

inline constexpr const char* kDefaultDb = "sqlite:lingyan.db";

struct Runtime {
    // `audit_key_path` "" = storage::DefaultAuditKeyPath(db_url); `data_dir` "" =
    // storage::DataDirOf(db_url) (the attachment store lives in its `attachments` folder).
    // `pool`: connections, checkout timeout and the read replica (storage/db/pool_db.hpp).
    explicit Runtime(const std::string& db_url, const std::string& audit_key_path = {},
                     const std::string& data_dir = {}, const storage::PoolOptions& pool = {});
    ~Runtime();  // anchors the audit head (storage/common/audit_anchor.hpp)

    // Appends the audit chain's head to the anchor file when it moved (also called periodically by serve).
    void AnchorAudit();

    // The use cases as the HTTP routes take them; built once, valid as long as the Runtime.
    http::Services& Services();

    // PostgreSQL only (no-op on SQLite): follows the other servers' writes through the change feed
    // (storage/feed/change_feed.hpp): applies their roster rows to the roster index one by one
    // (a whole reload after a transaction of more than 1,000 rows), adds their counted points events
    // to the boards one by one (migration 97; up to 10,000 in a transaction, migration 101) and
    // brings member changes along (98); reloads the boards on any other points change;
    // drops the kept sessions when another process ended one or changed an account, and while the
    // feed follows, kept sessions are trusted for a minute (app/accounts/auth_service.hpp).
    // Called by serve; the CLI's one-shot commands do not listen.
    void StartChangeFeed();
    // PostgreSQL only: reads where the change feed stands; called by serve before it loads the
    // views, so that StartChangeFeed then applies what other servers committed during the load
    // (a rolling restart under writes) rather than skipping it.
    void NoteFeedStart();
    // At start, after the roster is loaded (and the demo seeded): old points members get a roster
    // person (PointsService::RegisterOldMembers; the roster is reloaded when it did anything), then
    // every registered party member is a points member (SyncMembers). Returns what the first did.
    app::OldMembersReport SyncPointsMembers();

    storage::SystemClock clock;
    storage::SystemCrypto crypto;
    std::unique_ptr<storage::SqlStore> store;
    core::ports::StoreMutex store_mutex;
    std::unique_ptr<app::AuthService> auth;
    std::unique_ptr<app::RosterService> roster;
    std::unique_ptr<app::RosterExchange> roster_exchange;  // roster files, read and written by exchange
    std::unique_ptr<storage::FileAuditSeal> audit_seal;  // the chain's key and anchors, for checking it
    std::unique_ptr<app::AuditService> audit;
    std::unique_ptr<storage::SqlCampaignStore> campaign_store;  // shares store's connection
    std::unique_ptr<app::CampaignService> campaigns;
    std::unique_ptr<app::IndicatorService> indicators;  // unit indicators, stored with the campaigns
    std::unique_ptr<storage::SqlPointsStore> points_store;  // shares store's connection
    std::unique_ptr<app::PointsService> points;             // live boards load on first use
    std::unique_ptr<storage::SqlTrainingStore> training_store;  // shares store's connection
    std::unique_ptr<app::PoolService> pools;
    std::unique_ptr<app::ProgramService> programs;
    std::unique_ptr<app::LadderService> ladder;
    std::unique_ptr<storage::SqlArenaStore> arena_store;  // shares store's connection
    std::unique_ptr<app::ArenaService> arena;              // live contests load on first use
    std::unique_ptr<http::ws::LiveHub> live;               // the screens watching them
    std::unique_ptr<storage::SqlHonourStore> honour_store;  // shares store's connection
    std::unique_ptr<app::HonourService> honours;             // titles from contests, campaigns, documents
    std::unique_ptr<storage::SqlTicketStore> ticket_store;  // shares store's connection
    std::unique_ptr<app::TicketService> tickets;             // 交办 → 督办 → 查办 on the shipped calendar
    std::unique_ptr<app::NotificationService> notifications;  // the in-app notification centre
    std::unique_ptr<storage::SqlProjectStore> project_store;  // shares store's connection
    std::unique_ptr<app::ProjectService> projects;            // 书记项目 and 揭榜挂帅 (supervised like tickets)
    std::unique_ptr<app::AccountService> accounts;           // the accounts page (officers)
    std::unique_ptr<storage::SqlWorkbenchStore> workbench_store;  // shares store's connection
    std::unique_ptr<app::WorkbenchService> workbench;        // each role's home page; modules add cards
    std::unique_ptr<storage::SqlAttachmentStore> attachment_store;  // shares store's connection
    std::unique_ptr<storage::FileBlobStore> blobs;                  // <data dir>/attachments
    std::unique_ptr<app::AttachmentService> attachments;            // photos and documents of other modules' records
    std::unique_ptr<storage::SqlPersonnelStore> personnel_store;     // shares store's connection
    std::unique_ptr<app::DecisionService> decisions;                 // 人事决定 citing campaigns, honours, pools
    std::unique_ptr<app::NominationService> nominations;             // the nominated 躺平奖 and its review
    std::unique_ptr<storage::SqlCaseStore> case_store;               // shares store's connection
    std::unique_ptr<exchange::text::OpenccScript> chinese_script;    // traditional → simplified (OpenCC)
    std::unique_ptr<app::CaseService> cases;                         // the case library (经验案例库)
    int migrations_applied = 0;
    std::string audit_key_path, audit_anchor_path, data_dir;
    std::string db_url, origin;  // origin: this Runtime's application_name on PostgreSQL (change feed)
    std::unique_ptr<storage::ChangeFeed> feed;  // after the services it reloads: stopped first

private:
    std::unique_ptr<http::Services> services_;
    std::optional<storage::FeedPosition> feed_start_;  // NoteFeedStart
};

}  // namespace lingyan::composition
