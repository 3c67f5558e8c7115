#pragma once
// Versioned schema migrations, applied in order inside one transaction each. When adding a
// migration, append to kMigrations in migrations.cpp (never edit an applied one) and, if it
// adds a table the Store reads, extend core/ports/store.hpp and SqlStore together.

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

// Applies every migration not yet recorded in schema_migrations (in version order, also one
// numbered below the newest applied) up to `up_to` (tests of an upgrade stop before the migration
// they test); returns how many were applied.
int ApplyMigrations(SqlDb& db, int up_to = 1 << 30);
// 0 when the database has never been migrated.
int CurrentSchemaVersion(SqlDb& db);
// The number of migrations this binary knows.
int LatestSchemaVersion();

}  // namespace lingyan::storage
