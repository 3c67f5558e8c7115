#pragma once
// What the honours responses show of a title (http/server/described_json.hpp). The handlers add
// the rest.

#include "app/honours/honour_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::honours {
LINGYAN_JSON_ENUM_AS_NAME(Level, LevelName)
LINGYAN_JSON_ENUM_AS_NAME(Source, SourceName)
BOOST_DESCRIBE_STRUCT(Honour, (),
                      (id, unit_id, name, title, level, year, source, source_id, document_no, granted_by, granted_at))
}  // namespace lingyan::core::honours
