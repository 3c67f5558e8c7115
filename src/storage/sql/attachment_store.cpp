#include "storage/sql/attachment_store.hpp"

#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace at = core::attachments;

namespace {

constexpr const char* kColumns =
    "id, owner_kind, owner_id, sub_id, sha256, size, type, name, width, height, uploaded_by, uploaded_at, "
    "removed_by, removed_at";
constexpr const char* kInsert =
    "INSERT INTO attachments (owner_kind, owner_id, sub_id, sha256, size, type, name, width, height, uploaded_by, "
    "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kWhereId = " FROM attachments WHERE id = ?";
constexpr const char* kWhereOwner =
    " FROM attachments WHERE owner_kind = ? AND owner_id = ? AND removed_at = '' ORDER BY id";
constexpr const char* kCountLive =
    "SELECT COUNT(*) FROM attachments WHERE owner_kind = ? AND owner_id = ? AND removed_at = ''";
constexpr const char* kMarkRemoved =
    "UPDATE attachments SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at = ''";
constexpr const char* kBlobs = "SELECT sha256, MAX(size), MAX(type) FROM attachments GROUP BY sha256 ORDER BY sha256";

at::Attachment FromRow(const SqlRow& r) {
    at::Attachment a;
    ReadRow(r, a.id, a.owner_kind, a.owner_id, a.sub_id, a.sha256, a.size,
            Named(a.type, at::TypeFromName, at::Type::kPdf), a.name, a.width, a.height, a.uploaded_by, a.uploaded_at,
            a.removed_by, a.removed_at);
    return a;
}

}  // namespace

core::roster::Id SqlAttachmentStore::InsertAttachment(const at::Attachment& a) {
    return ReturnedId(
        db_.Query(kInsert, {a.owner_kind, a.owner_id, a.sub_id, a.sha256, a.size, std::string(at::TypeName(a.type)),
                            a.name, std::int64_t{a.width}, std::int64_t{a.height}, a.uploaded_by, a.uploaded_at}));
}

std::optional<at::Attachment> SqlAttachmentStore::FindAttachment(core::roster::Id id) {
    return FirstRowWith(db_.Query(std::string("SELECT ") + kColumns + kWhereId, {id}), FromRow);
}

std::vector<at::Attachment> SqlAttachmentStore::ListAttachments(std::string_view owner_kind,
                                                                core::roster::Id owner_id) {
    return RowsWith(db_.Query(std::string("SELECT ") + kColumns + kWhereOwner, {std::string(owner_kind), owner_id}),
                    FromRow);
}

std::int64_t SqlAttachmentStore::CountLiveAttachments(std::string_view owner_kind, core::roster::Id owner_id) {
    return ReturnedId(db_.Query(kCountLive, {std::string(owner_kind), owner_id}));
}

void SqlAttachmentStore::MarkAttachmentRemoved(core::roster::Id id, const std::string& by, const std::string& at) {
    db_.Query(kMarkRemoved, {by, at, id});
}

std::vector<core::ports::AttachmentStore::Blob> SqlAttachmentStore::ListBlobs() {
    return RowsAs<Blob>(db_.Query(kBlobs));
}

}  // namespace lingyan::storage
