#pragma once
// AttachmentService: the shared attachment store (issue 12 item 8). Photos and documents belong to
// a record of another module (an owner: a ticket or one of its timeline events, a points
// declaration…); the owning module says who may read and add to its records through an
// OwnerResolver registered at composition, so scope rules stay in one place.
//
// An upload is checked twice: CheckUpload before the body is read (role, scope and the count limit,
// from the owner alone), then Upload with the bytes: the type and size told from the content
// (core/attachments), an image decoded and resized (thumbnail and display renditions; a corrupt
// image is refused), the bytes stored by SHA-256 (the same content once), then one transaction
// with the metadata row and an audit entry. Removal is soft (the row is marked, the bytes stay) and
// audited. A file of an owner the caller may not read answers as not found.
//
// Thread-safety: all methods may be called concurrently; image work runs outside the store mutex.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/use_case_base.hpp"
#include "core/attachments/attachment.hpp"
#include "core/ports/attachment_store.hpp"

namespace lingyan::app {

// What the caller may do with one owner's attachments. A resolver returns NotFound when the owner
// does not exist or the caller may not read it.
struct OwnerAccess {
    bool add = false;         // upload to it now
    bool remove_any = false;  // remove files others uploaded (the caller's own: always while `add`)
};
using OwnerResolver = std::function<Result<OwnerAccess>(const Actor& actor, Id owner_id, Id sub_id)>;

// The resolver rule of a record with a timeline (a ticket's events, a project's reports), the record
// found and the caller's part in it told: not found unless `party`, nor when `sub_id` (0: the record
// itself) is not one of the sub-records `list_subs()` returns; else `access`.
template <class ListSubs>
Result<OwnerAccess> PartyAccess(bool party, const std::string& what, Id sub_id, ListSubs&& list_subs,
                                const std::string& sub_what, OwnerAccess access) {
    if (!party) return NotFound(what);
    if (sub_id != 0) {
        bool found = false;
        for (const auto& sub : list_subs()) found = found || sub.id == sub_id;
        if (!found) return NotFound(sub_what, "sub_id");
    }
    return access;
}

// Image renditions (exchange/attachments, libgd): both JPEG.
struct ImagePreviews {
    std::string thumb, display;
};
struct AttachmentFiles {
    std::function<Result<ImagePreviews>(std::string_view bytes, core::attachments::Type type)> previews;
};

struct StoredFile {
    std::string bytes;
    std::string content_type;
    std::string filename;
    bool inline_view = false;  // an image shown in the page; documents download
    core::attachments::Type type = core::attachments::Type::kPdf;  // of these bytes (renditions: JPEG)
};

// `lingyan check`: the stored contents against their hashes.
struct BlobCheck {
    std::int64_t checked = 0;
    std::vector<std::string> problems;  // "缺失 <sha>" / "内容与哈希不符 <sha>"
};

// Every stored content re-hashed from disk against its name, and an image's renditions present
// (`lingyan check`; the caller serializes access to `rows`).
BlobCheck VerifyBlobs(core::ports::AttachmentStore& rows, const core::ports::BlobStore& blobs);

class AttachmentService : UseCaseBase {
public:
    AttachmentService(core::ports::Store& store, core::ports::AttachmentStore& attachments,
                      core::ports::BlobStore& blobs, core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                      const RosterService& roster, AttachmentFiles files);

    // Registers the rules of one owner kind (core::attachments::kOwner…); at composition only.
    void SetOwner(std::string_view kind, OwnerResolver resolver);

    // Before the body is read: the owner exists in scope, the caller may add to it and it holds
    // fewer than kMaxPerOwner files.
    Status CheckUpload(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id);
    Result<core::attachments::Attachment> Upload(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id,
                                                 std::string_view name, std::string_view bytes);
    // The live files of an owner, oldest first.
    Result<std::vector<core::attachments::Attachment>> List(const Actor& actor, std::string_view kind, Id owner_id);
    // `variant`: "original", "thumb" or "display" (images; a document has only its original).
    Result<StoredFile> Download(const Actor& actor, Id id, std::string_view variant);
    Status Remove(const Actor& actor, Id id);

    // The demo deployment's files (demo/): the checks of Upload on the bytes (type, size,
    // renditions) without an owner's rules, uploaded by `by` at `at`. Idempotent: a live file of
    // the same name on the owner is kept and returned.
    Result<core::attachments::Attachment> Seed(std::string_view kind, Id owner_id, const std::string& by,
                                               const std::string& at, std::string_view name, std::string_view bytes);

private:
    // Upload and Seed after their owner checks: the bytes checked and stored, the row and its audit.
    Result<core::attachments::Attachment> Store(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id,
                                                std::string_view name, std::string_view bytes, const std::string& at);
    Result<OwnerAccess> Access(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id) const;

    core::ports::AttachmentStore& attachments_;
    core::ports::BlobStore& blobs_;
    AttachmentFiles files_;
    std::map<std::string, OwnerResolver, std::less<>> owners_;
};

}  // namespace lingyan::app
