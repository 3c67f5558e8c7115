#pragma once
// A talent pool's eligibility rules as stored JSON text (talent_pools.rules_json):
//   {"min_age":25,"max_age":35,"min_education":"junior_college","allowed_posts":["副书记"],
//    "min_years_in_post":2,"min_party":"full"}
// Absent keys are absent rules. Education codes are those of core/roster/person_rules
// (middle, high, junior_college, bachelor, postgraduate); party standings none, probationary,
// full. The app layer has no JSON library, so this flat format has its own small, strict
// reader. Pure functions, thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/training/talent_pool.hpp"

namespace lingyan::app {

std::string RulesToJson(const core::training::EligibilityRules& rules);

// Reads the format above; unknown keys, wrong types, unknown codes and trailing text are
// errc::kInvalid errors naming the key ("rules.max_age").
core::Result<core::training::EligibilityRules> RulesFromJson(std::string_view text);

std::optional<core::training::PartyStanding> PartyStandingFromName(std::string_view name);

}  // namespace lingyan::app
