#pragma once
// The ports of the attachment store (issue 12 item 8):
//   AttachmentStore — the metadata rows (storage/sql/attachment_store), over the same connection as
//     Store, so writes join the transaction opened with Store::Begin(); used by one thread at a
//     time (the app layer serializes access with the store mutex);
//   BlobStore — the bytes, by content hash, in the data directory (storage/files/blob_store); safe
//     to call from any thread (each file is written under a temporary name and renamed).
// Both throw on I/O failure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachments/attachment.hpp"

namespace lingyan::core::ports {

class AttachmentStore {
public:
    virtual ~AttachmentStore() = default;
    virtual roster::Id InsertAttachment(const attachments::Attachment& a) = 0;  // a.id ignored
    virtual std::optional<attachments::Attachment> FindAttachment(roster::Id id) = 0;
    // The live (not removed) files of one owner, oldest first.
    virtual std::vector<attachments::Attachment> ListAttachments(std::string_view owner_kind, roster::Id owner_id) = 0;
    virtual std::int64_t CountLiveAttachments(std::string_view owner_kind, roster::Id owner_id) = 0;
    virtual void MarkAttachmentRemoved(roster::Id id, const std::string& by, const std::string& at) = 0;
    // Every distinct stored content (hash, size, type name), removed rows included: nothing is deleted.
    struct Blob {
        std::string sha256;
        std::int64_t size = 0;
        std::string type;
    };
    virtual std::vector<Blob> ListBlobs() = 0;
};

// The variants of a stored file: the original bytes and, for images, two JPEG renditions.
enum class BlobVariant { kOriginal, kThumb, kDisplay };

class BlobStore {
public:
    virtual ~BlobStore() = default;
    // The address of `bytes`: their SHA-256, under which the original and its renditions are stored.
    virtual std::string AddressOf(std::string_view bytes) const = 0;
    // Stores a variant of the file at `sha256` (written whole, then renamed into place).
    virtual void PutVariant(const std::string& sha256, BlobVariant v, std::string_view bytes) = 0;
    virtual bool Has(const std::string& sha256, BlobVariant v) const = 0;
    // The bytes, or nullopt when the file is missing.
    virtual std::optional<std::string> Read(const std::string& sha256, BlobVariant v) const = 0;
    // The SHA-256 of the stored original, recomputed from disk ("" when missing).
    virtual std::string Rehash(const std::string& sha256) const = 0;
    virtual std::string Root() const = 0;  // the folder, for messages
};

}  // namespace lingyan::core::ports
