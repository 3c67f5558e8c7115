#pragma once
// The demo's case library: the four seed articles imported as an officer would import them
// (cleaned, converted, linked to the units they name). The Jiangyan article is imported by the
// county account (姜堰区), so its officer has a case of its own to edit; the rest by the admin.
// Idempotent: does nothing when the library has cases.

#include "app/cases/case_service.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

// Returns how many cases it imported.
int LoadDemoCases(core::ports::Store& store, core::ports::StoreMutex& store_mutex, app::CaseService& cases);

}  // namespace lingyan::demo
