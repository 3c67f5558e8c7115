#pragma once
// The storage port of the honours register (荣誉): titles conferred on people and units.
// Implemented by storage/sql/honour_store over the same connection as Store, so writes join the
// transaction opened with Store::Begin(). Throws storage::StoreError when the database fails.
// Used by one thread at a time (the app layer serializes access with the store mutex).

#include <vector>

#include "core/honours/honour.hpp"

namespace lingyan::core::ports {

class HonourStore {
public:
    virtual ~HonourStore() = default;
    virtual roster::Id InsertHonour(const honours::Honour& h) = 0;  // h.id ignored
    virtual std::vector<honours::Honour> ListHonours() = 0;         // by year descending, then id
};

}  // namespace lingyan::core::ports
