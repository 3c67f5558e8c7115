#include "cli/runtime.hpp"

#include "exchange/framework_json.hpp"

namespace lingyan::cli {

Runtime::Runtime(const std::string& db_url) : store(std::make_unique<storage::SqlStore>(storage::OpenSqlDb(db_url))) {
    migrations_applied = store->Migrate();
    auth = std::make_unique<app::AuthService>(*store, store_mutex, clock, crypto);
    roster = std::make_unique<app::RosterService>(*store, store_mutex, clock);
    audit = std::make_unique<app::AuditService>(*store, store_mutex);
    campaign_store = std::make_unique<storage::SqlCampaignStore>(store->db());
    campaigns = std::make_unique<app::CampaignService>(
        *store, *campaign_store, store_mutex, clock, *roster,
        app::FrameworkCodec{[](std::string_view text) { return exchange::ParseFramework(text); },
                            [](const core::scoring::Framework& fw) { return exchange::FrameworkToJson(fw); }});
    metrics = std::make_unique<app::MetricService>(*store, *campaign_store, store_mutex, clock, *roster);
    points_store = std::make_unique<storage::SqlPointsStore>(store->db());
    points = std::make_unique<app::PointsService>(*store, *points_store, store_mutex, clock, *roster);
    training_store = std::make_unique<storage::SqlTrainingStore>(store->db());
    training = std::make_unique<app::TrainingService>(*store, *training_store, store_mutex, clock, *roster);
}

}  // namespace lingyan::cli
