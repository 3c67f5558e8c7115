#pragma once
// Runtime: the wired-together adapters and services for one database, shared by the
// subcommands (serve, migrate, user, import, export). Opening it applies pending migrations.

#include <memory>
#include <mutex>
#include <string>

#include "app/auth_service.hpp"
#include "app/campaign_service.hpp"
#include "app/metric_service.hpp"
#include "app/points_service.hpp"
#include "app/roster_service.hpp"
#include "app/training_service.hpp"
#include "http/routes.hpp"
#include "storage/crypto.hpp"
#include "storage/sql_campaign_store.hpp"
#include "storage/sql_points_store.hpp"
#include "storage/sql_store.hpp"
#include "storage/sql_training_store.hpp"

namespace lingyan::cli {

inline constexpr const char* kDefaultDb = "sqlite:lingyan.db";

struct Runtime {
    explicit Runtime(const std::string& db_url);

    storage::SystemClock clock;
    storage::SystemCrypto crypto;
    std::unique_ptr<storage::SqlStore> store;
    std::mutex store_mutex;
    std::unique_ptr<app::AuthService> auth;
    std::unique_ptr<app::RosterService> roster;
    std::unique_ptr<app::AuditService> audit;
    std::unique_ptr<storage::SqlCampaignStore> campaign_store;  // shares store's connection
    std::unique_ptr<app::CampaignService> campaigns;
    std::unique_ptr<app::MetricService> metrics;  // unit metrics, stored with the campaigns
    std::unique_ptr<storage::SqlPointsStore> points_store;  // shares store's connection
    std::unique_ptr<app::PointsService> points;             // live boards load on first use
    std::unique_ptr<storage::SqlTrainingStore> training_store;  // shares store's connection
    std::unique_ptr<app::TrainingService> training;
    int migrations_applied = 0;
};

// The roster import/export hooks backed by src/exchange (xlsx/csv).
http::RosterExchange MakeRosterExchange();

}  // namespace lingyan::cli
