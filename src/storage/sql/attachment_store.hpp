#pragma once
// SqlAttachmentStore: core::ports::AttachmentStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/attachment_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlAttachmentStore final : public core::ports::AttachmentStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;
    core::roster::Id InsertAttachment(const core::attachments::Attachment& a) override;
    std::optional<core::attachments::Attachment> FindAttachment(core::roster::Id id) override;
    std::vector<core::attachments::Attachment> ListAttachments(std::string_view owner_kind,
                                                               core::roster::Id owner_id) override;
    std::int64_t CountLiveAttachments(std::string_view owner_kind, core::roster::Id owner_id) override;
    void MarkAttachmentRemoved(core::roster::Id id, const std::string& by, const std::string& at) override;
    std::vector<Blob> ListBlobs() override;
};

}  // namespace lingyan::storage
