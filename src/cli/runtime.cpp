#include "cli/runtime.hpp"

namespace lingyan::cli {

Runtime::Runtime(const std::string& db_url) : store(std::make_unique<storage::SqlStore>(storage::OpenSqlDb(db_url))) {
    migrations_applied = store->Migrate();
    auth = std::make_unique<app::AuthService>(*store, store_mutex, clock, crypto);
    roster = std::make_unique<app::RosterService>(*store, store_mutex, clock);
}

}  // namespace lingyan::cli
