#pragma once
// ModuleStore: the base of every module's SQL store (arena, points, tickets, …). A module store
// shares the connection of the SqlStore it is built from, so its statements run inside a
// transaction opened with SqlStore::Begin(); it opens none itself. All its SQL is parameterized and
// lives in its .cpp as named constants. Not thread-safe, like the connection.

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

class ModuleStore {
public:
    explicit ModuleStore(SqlDb& db) : db_(db) {}

protected:
    SqlDb& db_;
};

}  // namespace lingyan::storage
