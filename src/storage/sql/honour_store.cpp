#include "storage/sql/honour_store.hpp"

#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace honours = core::honours;

namespace {

constexpr const char* kInsertHonour =
    "INSERT INTO honours (person_id, unit_id, name, title, level, year, source, source_id, document_no, granted_by, "
    "granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectHonours =
    "SELECT id, person_id, unit_id, name, title, level, year, source, source_id, document_no, granted_by, granted_at "
    "FROM honours ORDER BY year DESC, id";

}  // namespace

core::roster::Id SqlHonourStore::InsertHonour(const honours::Honour& h) {
    return ReturnedId(db_.Query(
        kInsertHonour, {NullableId(h.person_id), h.unit_id, h.name, h.title, std::string(honours::LevelName(h.level)),
                        std::int64_t{h.year}, std::string(honours::SourceName(h.source)), h.source_id, h.document_no,
                        h.granted_by, h.granted_at}));
}

std::vector<honours::Honour> SqlHonourStore::ListHonours() {
    std::vector<honours::Honour> out;
    for (const auto& r : db_.Query(kSelectHonours)) {
        honours::Honour h;
        ReadRow(r, h.id, h.person_id, h.unit_id, h.name, h.title,
                Named(h.level, honours::LevelFromName, honours::Level::kCounty), h.year,
                Named(h.source, honours::SourceFromName, honours::Source::kManual), h.source_id, h.document_no,
                h.granted_by, h.granted_at);
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace lingyan::storage
