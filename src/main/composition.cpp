#include "main/composition.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "core/calendar/china_calendar.hpp"
#include "core/common/metric_text.hpp"
#include "exchange/accounts/account_list_xlsx.hpp"
#include "exchange/arena/arena_xlsx.hpp"
#include "exchange/attachments/image_previews.hpp"
#include "exchange/audit/audit_log_xlsx.hpp"
#include "exchange/evaluation/evaluation_files.hpp"
#include "exchange/honours/honour_register_xlsx.hpp"
#include "exchange/honours/honour_sheet.hpp"
#include "exchange/personnel/decision_ledger_xlsx.hpp"
#include "exchange/personnel/nomination_register_xlsx.hpp"
#include "exchange/points/points_xlsx.hpp"
#include "exchange/projects/project_ledger_xlsx.hpp"
#include "exchange/roster/roster_files.hpp"
#include "exchange/tickets/deliberation_ledger_xlsx.hpp"
#include "exchange/tickets/hotline_xlsx.hpp"
#include "exchange/tickets/meeting_ledger_xlsx.hpp"
#include "exchange/tickets/ticket_ledger_xlsx.hpp"
#include "exchange/tickets/ticket_stats_xlsx.hpp"
#include "exchange/training/bonus_split_xlsx.hpp"
#include "exchange/training/placements_xlsx.hpp"
#include "exchange/training/pool_members_xlsx.hpp"
#include "exchange/training/programs_xlsx.hpp"
#include "http/ws/live_json.hpp"
#include "storage/backup/backup.hpp"
#include "storage/common/audit_anchor.hpp"
#include "storage/db/db_metrics.hpp"

namespace lingyan::composition {

namespace {

bool IsPostgres(const std::string& url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://") || url.find("dbname=") != std::string::npos;
}

// PostgreSQL connections carry the Runtime's origin, so that the change feed knows its own writes.
std::string Tagged(const std::string& url, const std::string& origin) {
    return IsPostgres(url) ? storage::WithApplicationName(url, origin) : url;
}

// The roster's rows noted by the feed (migration 94: the keys per table), or nullopt for a table
// this version does not know (then the whole roster is read again).
std::optional<app::RosterChanges> RosterChangesOf(
    const std::map<std::string, std::map<std::int64_t, std::int64_t>>& tables) {
    app::RosterChanges out;
    const std::pair<const char*, std::vector<app::Id>*> kTables[] = {
        {"units", &out.units}, {"people", &out.people}, {"positions", &out.positions},
        {"party_orgs", &out.party_orgs}, {"unit_incomes", &out.income_units}};
    for (const auto& [table, keys] : tables) {
        auto it = std::find_if(std::begin(kTables), std::end(kTables), [&](const auto& t) { return table == t.first; });
        if (it == std::end(kTables)) return std::nullopt;
        for (const auto& [key, txid] : keys) it->second->push_back(key);
    }
    return out;
}

}  // namespace

Runtime::Runtime(const std::string& db_url_arg, const std::string& audit_key, const std::string& data_dir_arg,
                 const storage::PoolOptions& pool)
    : store(std::make_unique<storage::SqlStore>(storage::OpenPooled(Tagged(db_url_arg, storage::NewOrigin()), pool))),
      audit_key_path(audit_key.empty() ? storage::DefaultAuditKeyPath(db_url_arg) : audit_key),
      audit_anchor_path(storage::AnchorPathFor(audit_key_path)),
      data_dir(storage::DataDirOf(db_url_arg, data_dir_arg)),
      db_url(db_url_arg) {
    if (IsPostgres(db_url))
        origin = storage::AsText(store->db().Query("SELECT current_setting('application_name')")[0][0]);
    migrations_applied = store->Migrate();
    const std::string chain_key = storage::LoadOrCreateAuditKey(audit_key_path);
    store->SetAuditKey(chain_key);
    audit_seal = std::make_unique<storage::FileAuditSeal>(chain_key, audit_anchor_path);
    auth = std::make_unique<app::AuthService>(*store, store_mutex, clock, crypto);
    roster = std::make_unique<app::RosterService>(*store, store_mutex, clock);
    roster_exchange = std::make_unique<app::RosterExchange>(*roster, exchange::roster::MakeRosterFiles());
    audit = std::make_unique<app::AuditService>(*store, store_mutex, *audit_seal, clock,
                                                app::AuditFiles{exchange::audit::AuditLogXlsx});
    campaign_store = std::make_unique<storage::SqlCampaignStore>(store->db());
    campaigns = std::make_unique<app::CampaignService>(
        *store, *campaign_store, store_mutex, clock, *roster,
        exchange::MakeEvaluationFiles());
    indicators = std::make_unique<app::IndicatorService>(*store, *campaign_store, store_mutex, clock, *roster,
                                                         exchange::MakeIndicatorFiles());
    points_store = std::make_unique<storage::SqlPointsStore>(store->db());
    points = std::make_unique<app::PointsService>(*store, *points_store, store_mutex, clock, *roster,
                                                  exchange::points::MakePointsFiles());
    roster->SetMembersChanged([this](const std::vector<app::Id>& people) { points->SyncMembersOf(people); });  // one register (issue 14)
    training_store = std::make_unique<storage::SqlTrainingStore>(store->db());
    const app::TrainingFiles training_files{exchange::training::BonusSplitXlsx, exchange::training::PoolMembersXlsx,
                                            exchange::training::PlacementsXlsx, exchange::training::ProgramsXlsx};
    pools = std::make_unique<app::PoolService>(*store, *training_store, store_mutex, clock, *roster, training_files);
    programs =
        std::make_unique<app::ProgramService>(*store, *training_store, store_mutex, clock, *roster, training_files);
    ladder = std::make_unique<app::LadderService>(*store, *training_store, store_mutex, clock, *roster, training_files);
    arena_store = std::make_unique<storage::SqlArenaStore>(store->db());
    arena = std::make_unique<app::ArenaService>(*store, *arena_store, store_mutex, clock, *roster, crypto,
                                                app::ArenaFiles{http::ws::MessageBody, exchange::arena::ResultsXlsx});
    arena->SetCampaigns(campaigns.get());
    live = std::make_unique<http::ws::LiveHub>(*arena);
    arena->SetFeed(live.get());
    honour_store = std::make_unique<storage::SqlHonourStore>(store->db());
    honours = std::make_unique<app::HonourService>(
        *store, *honour_store, store_mutex, clock, *roster,
        app::HonourFiles{exchange::honours::RegisterXlsx, exchange::honours::ReadHonoursSheet,
                         exchange::honours::HonoursTemplate});
    honours->SetCampaigns(campaigns.get());
    pools->SetHonours(honour_store.get());
    accounts = std::make_unique<app::AccountService>(*store, store_mutex, clock, *roster, crypto, *auth,
                                                     app::AccountFiles{exchange::accounts::AccountListXlsx});
    workbench_store = std::make_unique<storage::SqlWorkbenchStore>(store->db());
    // A module adds its workbench card here: workbench->AddProvider(...).
    workbench = std::make_unique<app::WorkbenchService>(*store, *workbench_store, store_mutex, clock, *roster,
                                                        *campaigns, *arena, *accounts);
    arena->SetTitleSink([this](const app::Actor& actor, const std::vector<app::TitleGrant>& grants) {
        return honours->Grant(actor, grants);
    });
    ticket_store = std::make_unique<storage::SqlTicketStore>(store->db());
    tickets = std::make_unique<app::TicketService>(
        *store, *ticket_store, store_mutex, clock, *roster, core::calendar::ShippedChinaCalendar(),
        app::TicketFiles{exchange::tickets::StatsXlsx, exchange::tickets::LedgerXlsx,
                         exchange::tickets::MeetingLedgerXlsx, exchange::tickets::DeliberationLedgerXlsx,
                         exchange::tickets::ReadHotlineSheet, exchange::tickets::HotlineTemplate});
    notifications = std::make_unique<app::NotificationService>(*ticket_store, store_mutex, clock, *tickets);
    workbench->AddProvider([this](const app::Actor& a, std::vector<app::WorkCard>& cards) { tickets->Cards(a, cards); });
    project_store = std::make_unique<storage::SqlProjectStore>(store->db());
    projects = std::make_unique<app::ProjectService>(*store, *project_store, *ticket_store, store_mutex, clock, *roster,
                                                     core::calendar::ShippedChinaCalendar(),
                                                     app::ProjectFiles{exchange::projects::LedgerXlsx});
    workbench->AddProvider([this](const app::Actor& a, std::vector<app::WorkCard>& cards) { projects->Cards(a, cards); });
    campaigns->SetProjects([this](app::Id id) -> std::optional<app::ProjectRef> {
        auto s = projects->SubjectOf(id);
        if (!s) return std::nullopt;
        return app::ProjectRef{s->unit_id, s->title};
    });
    // An item raised at a training seminar becomes a ticket (store mutex held by the ticket service).
    tickets->SetSeminars([this](const app::Actor& actor, app::Id id) { return programs->SeminarTitleLocked(actor, id); });
    case_store = std::make_unique<storage::SqlCaseStore>(store->db());
    chinese_script = std::make_unique<exchange::text::OpenccScript>();
    cases = std::make_unique<app::CaseService>(*store, *case_store, store_mutex, clock, *roster, *chinese_script);
    attachment_store = std::make_unique<storage::SqlAttachmentStore>(store->db());
    blobs = std::make_unique<storage::FileBlobStore>(storage::FileBlobStore::DefaultRoot(data_dir));
    attachments = std::make_unique<app::AttachmentService>(*store, *attachment_store, *blobs, store_mutex, clock, *roster,
                                                           app::AttachmentFiles{exchange::attachments::MakePreviews});
    attachments->SetOwner(core::attachments::kOwnerTicket, [this](const app::Actor& actor, app::Id id, app::Id sub) {
        return tickets->AttachmentAccess(actor, id, sub);
    });
    attachments->SetOwner(core::attachments::kOwnerProject, [this](const app::Actor& actor, app::Id id, app::Id sub) {
        return projects->AttachmentAccess(actor, id, sub);
    });
    attachments->SetOwner(core::attachments::kOwnerDeclaration, [this](const app::Actor& actor, app::Id id, app::Id sub) {
        return points->EvidenceAccess(actor, id, sub);
    });
    personnel_store = std::make_unique<storage::SqlPersonnelStore>(store->db());
    const app::PersonnelFiles personnel_files{exchange::personnel::DecisionLedgerXlsx,
                                              exchange::personnel::NominationRegisterXlsx};
    decisions =
        std::make_unique<app::DecisionService>(*store, *personnel_store, store_mutex, clock, *roster, personnel_files);
    decisions->SetGrounds(campaigns.get(), honours.get(), pools.get());
    nominations = std::make_unique<app::NominationService>(*store, *personnel_store, store_mutex, clock, *roster,
                                                           personnel_files);
    workbench->AddProvider(
        [this](const app::Actor& a, std::vector<app::WorkCard>& cards) { nominations->Cards(a, cards); });
    attachments->SetOwner(core::attachments::kOwnerNomination, [this](const app::Actor& actor, app::Id id, app::Id sub) {
        return nominations->EvidenceAccess(actor, id, sub);
    });
}

void Runtime::StartChangeFeed() {
    if (!IsPostgres(db_url) || feed) return;
    feed = std::make_unique<storage::ChangeFeed>(db_url, origin, [this](const storage::FeedChanges& changes) {
        const auto& kinds = changes.kinds;
        if (kinds.count("accounts")) auth->Invalidate();  // first: the reloads below may take seconds
        if (kinds.count("roster")) roster->Reload();
        else if (auto rows = changes.rows.find("roster"); rows != changes.rows.end()) {
            if (auto patch = RosterChangesOf(rows->second)) roster->ApplyChanges(*patch);
            else roster->Reload();
        }
        if (kinds.count("points")) points->Reload();
        else if (auto rows = changes.rows.find("points"); rows != changes.rows.end()) {
            // Members (migration 98) before counted events (97): an event may be a new member's.
            // Any other table of the kind asks for the whole board.
            const auto& tables = rows->second;
            auto members = tables.find("points_members"), counted = tables.find("points_events");
            const std::size_t known = std::size_t{members != tables.end()} + std::size_t{counted != tables.end()};
            if (tables.size() > known) {
                points->Reload();
            } else {
                if (members != tables.end()) points->ApplyMemberChanges(members->second);
                if (counted != tables.end()) points->ApplyCountedChanges(counted->second);
            }
        }
        if (kinds.count("campaigns")) campaigns->Reload();
        if (kinds.count("arena")) arena->Refresh();
    });
    if (feed_start_) feed->StartFrom(std::move(*feed_start_));
    arena->SetShared(true);
    // Kept sessions are trusted for a minute while the feed follows (app/accounts/auth_service.hpp).
    feed->OnFollowing([this, f = feed.get()] { auth->Follow([f] { return f->Current(); }); });
    feed->Start();
}

void Runtime::NoteFeedStart() {
    if (IsPostgres(db_url)) feed_start_ = storage::ChangeFeed::PositionNow(store->db());
}

app::OldMembersReport Runtime::SyncPointsMembers() {
    auto report = points->RegisterOldMembers();
    if (!report.lines.empty()) roster->Reload();
    points->SyncMembers();
    return report;
}

Runtime::~Runtime() {
    if (feed) {
        feed->Stop();
        auth->Follow({});
    }
    try {
        AnchorAudit();
    } catch (const std::exception&) {
        // The database may be gone (tests drop it); the next run anchors again.
    }
}

void Runtime::AnchorAudit() {
    std::lock_guard lock(store_mutex);
    storage::AnchorAuditHead(*store, audit_anchor_path, clock.NowIso());
}

namespace {

// The points boards' work (issue 15): whole rebuilds, other servers' counted events applied one by
// one, whether the last build came from a kept snapshot, snapshots written.
std::string PointsMetricsText(const app::PointsService& points) {
    const auto line = [](const char* name, const char* type, const char* help, std::uint64_t value) {
        return core::MetricText(name, type, help, std::to_string(value));
    };
    return line("lingyan_points_board_rebuilds_total", "counter", "Points boards rebuilt whole.", points.ReloadCount()) +
           line("lingyan_points_counted_applied_total", "counter",
                "Other servers' counted points events applied one by one.", points.CountedChangesApplied()) +
           line("lingyan_points_board_from_snapshot", "gauge",
                "1 when the last board build started from a kept snapshot (0: the whole ledger).",
                points.LastBuildReport().from_snapshot ? 1 : 0) +
           line("lingyan_points_snapshots_kept_total", "counter", "Board snapshots written.", points.SnapshotsKept());
}

}  // namespace

http::Services& Runtime::Services() {
    if (!services_)
        services_ = std::make_unique<http::Services>(http::Services{*auth, *roster, *audit,
                                                                    *roster_exchange, *campaigns,
                                                                    *points, *pools, *programs, *ladder,
                                                                    *indicators, {}, *arena, live.get(), *honours,
                                                                    *tickets, *notifications, *accounts, *workbench,
                                                                    *projects, *attachments, *decisions,
                                                                    *nominations, *cases});
    if (!services_->settings.extra_metrics)
        services_->settings.extra_metrics = [this] {
            return storage::DbMetricsText(store->db()) + (feed ? feed->MetricsText() : std::string()) +
                   PointsMetricsText(*points);
        };
    return *services_;
}

}  // namespace lingyan::composition
