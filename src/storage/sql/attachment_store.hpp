#pragma once
// SqlAttachmentStore: core::ports::AttachmentStore over an SqlDb (SQLite or PostgreSQL), sharing
// the SqlStore's connection (no transaction of its own). SQL as named constants in the .cpp.

#include "core/ports/attachment_store.hpp"
#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

class SqlAttachmentStore final : public core::ports::AttachmentStore {
public:
    explicit SqlAttachmentStore(SqlDb& db) : db_(db) {}
    core::roster::Id InsertAttachment(const core::attachments::Attachment& a) override;
    std::optional<core::attachments::Attachment> FindAttachment(core::roster::Id id) override;
    std::vector<core::attachments::Attachment> ListAttachments(std::string_view owner_kind,
                                                               core::roster::Id owner_id) override;
    std::int64_t CountLiveAttachments(std::string_view owner_kind, core::roster::Id owner_id) override;
    void MarkAttachmentRemoved(core::roster::Id id, const std::string& by, const std::string& at) override;
    std::vector<Blob> ListBlobs() override;

private:
    SqlDb& db_;
};

}  // namespace lingyan::storage
