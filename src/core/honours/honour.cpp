#include "core/honours/honour.hpp"

#include "core/common/enum_names.hpp"

namespace lingyan::core::honours {

namespace {

constexpr EnumName<Level> kLevels[] = {{Level::kProvince, "province", "省级"},
                                       {Level::kCity, "city", "市级"},
                                       {Level::kCounty, "county", "区县级"},
                                       {Level::kTown, "town", "镇街级"}};

constexpr EnumName<Source> kSources[] = {
    {Source::kContest, "contest"}, {Source::kCampaign, "campaign"}, {Source::kManual, "manual"}};

}  // namespace

Status Validate(const Honour& h) {
    if (h.title.empty()) return Invalid("请填写称号", "title");
    if (h.person_id == 0 && h.unit_id == 0) return Invalid("请选择获得者", "person_id");
    if (h.year < 1949 || h.year > 2100) return Invalid("年度应在 1949–2100 之间", "year");
    if (h.source == Source::kManual && h.document_no.empty()) return Invalid("手工登记须填写文号", "document_no");
    return Ok();
}

const char* LevelName(Level level) { return EnumNameOf(kLevels, level, "county"); }

const char* LevelLabel(Level level) { return EnumLabelOf(kLevels, level, "区县级"); }

std::optional<Level> LevelFromName(std::string_view s) { return EnumFromName(kLevels, s, NameMatch::kNameOrLabel); }

const char* SourceName(Source source) { return EnumNameOf(kSources, source, "manual"); }

std::optional<Source> SourceFromName(std::string_view s) { return EnumFromName(kSources, s); }

const Honour* Satisfying(const std::vector<Honour>& honours, const HonourRule& rule, int year) {
    for (const auto& h : honours) {
        if (h.title != rule.title) continue;
        // Enumerators run from the highest level down: a lower value is a higher level.
        if (static_cast<int>(h.level) > static_cast<int>(rule.min_level)) continue;
        if (rule.within_years > 0 && (h.year > year || h.year <= year - rule.within_years)) continue;
        return &h;
    }
    return nullptr;
}

}  // namespace lingyan::core::honours
