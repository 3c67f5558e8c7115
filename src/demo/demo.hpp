#pragma once
// The demo deployment (`lingyan serve --demo`): the units named in the seed articles in a
// correct region tree with real division-code prefixes, the incomes the articles state, and
// synthetic people (no real person's data). Idempotent: does nothing when already loaded.

#include <string>
#include <vector>

#include "core/ports/store.hpp"

namespace lingyan::demo {

inline constexpr const char* kDemoPassword = "lingyan-demo";

// The stored hash of kDemoPassword, made once per process and given to every demo account: their
// password is published, so one salt for all of them reveals nothing, and a demo start makes one
// Argon2 hash instead of one per account (~30 ms each; the tests start hundreds of demo servers).
const std::string& DemoPasswordHash(const core::ports::Crypto& crypto);

struct DemoAccount {
    std::string username, role, scope_name;
};

// Loads the demo into an empty (migrated) store in one transaction; returns the accounts.
// Returns the accounts without writing when the demo is already there.
std::vector<DemoAccount> LoadDemo(core::ports::Store& store, const core::ports::Crypto& crypto,
                                  const core::ports::Clock& clock);

}  // namespace lingyan::demo
