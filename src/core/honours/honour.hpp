#pragma once
// Honours (荣誉): titles such as 金牌书记, 四好书记 and 标杆书记 conferred on a person (or a unit) at
// city, county or town level in a year — from an arena contest, from a campaign's award or by a
// document (entered by hand with its number). Plain values and pure checks; no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::honours {

using roster::Id;

// Levels, highest first. When adding one, also update LevelName/LevelFromName/LevelLabel.
enum class Level { kProvince, kCity, kCounty, kTown };
// Where a title comes from. When adding one, also update SourceName/SourceFromName.
enum class Source { kContest, kCampaign, kManual };

struct Honour {
    Id id = 0;
    Id person_id = 0;  // 0 for a unit's honour
    Id unit_id = 0;    // the person's unit when conferred, or the unit itself
    std::string name;  // the holder's name when conferred
    std::string title;
    Level level = Level::kCounty;
    int year = 0;
    Source source = Source::kManual;
    Id source_id = 0;         // the contest or campaign, 0 for a document
    std::string document_no;  // 文号, required when entered by hand
    std::string granted_by;
    std::string granted_at;  // ISO 8601 UTC
};

// Refuses an honour without a title, holder or plausible year (1949–2100), or entered by hand
// without a document number; names the field.
Status Validate(const Honour& h);

const char* LevelName(Level level);                      // province, city, county, town
const char* LevelLabel(Level level);                     // 省级, 市级, 区县级, 镇街级
std::optional<Level> LevelFromName(std::string_view s);  // the names or the labels
const char* SourceName(Source source);                   // contest, campaign, manual
std::optional<Source> SourceFromName(std::string_view s);

// A rule a talent pool may set: the title at `min_level` or higher, conferred in the `within_years`
// years up to `year` (e.g. 市级金牌书记 in the last 3 years: within_years 3).
struct HonourRule {
    std::string title;
    Level min_level = Level::kCounty;
    int within_years = 0;  // 0 = any year
};

// The first of `honours` (of one holder) that satisfies `rule` in `year`, or nullptr.
const Honour* Satisfying(const std::vector<Honour>& honours, const HonourRule& rule, int year);

}  // namespace lingyan::core::honours
