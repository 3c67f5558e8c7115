#include "app/attachments/attachment_service.hpp"

namespace lingyan::app {

namespace at = core::attachments;
namespace ports = core::ports;

namespace {

constexpr const char* kWhat = "附件";

std::string AuditJson(const at::Attachment& a) {
    return "{\"owner\":" + JsonQuote(a.owner_kind) + ",\"owner_id\":" + std::to_string(a.owner_id) +
           ",\"sub_id\":" + std::to_string(a.sub_id) + ",\"name\":" + JsonQuote(a.name) + ",\"type\":" +
           JsonQuote(std::string(at::TypeName(a.type))) + ",\"size\":" + std::to_string(a.size) +
           ",\"sha256\":" + JsonQuote(a.sha256) + "}";
}

}  // namespace

AttachmentService::AttachmentService(ports::Store& store, ports::AttachmentStore& attachments, ports::BlobStore& blobs,
                                     core::ports::StoreMutex& store_mutex, const ports::Clock& clock, const RosterService& roster,
                                     AttachmentFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), attachments_(attachments), blobs_(blobs), files_(std::move(files)) {}

void AttachmentService::SetOwner(std::string_view kind, OwnerResolver resolver) {
    owners_[std::string(kind)] = std::move(resolver);
}

Result<OwnerAccess> AttachmentService::Access(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id) const {
    auto it = owners_.find(kind);
    if (it == owners_.end()) return Invalid("附件所属记录的类型应为 ticket 或 declaration", "owner");
    if (owner_id <= 0) return NotFound("附件所属记录", "owner_id");
    if (sub_id < 0) return NotFound("附件所属记录", "sub_id");
    return it->second(actor, owner_id, sub_id);
}

Status AttachmentService::CheckUpload(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id) {
    auto access = Access(actor, kind, owner_id, sub_id);
    if (!access) return access.error();
    if (!access->add) return Forbidden("您不能为这条记录添加附件（角色或记录状态不允许）");
    std::lock_guard lock(store_mutex_);
    if (attachments_.CountLiveAttachments(kind, owner_id) >= at::kMaxPerOwner)
        return Conflict("这条记录的附件已达上限（" + std::to_string(at::kMaxPerOwner) + " 个），请先移除不需要的附件",
                        "file");
    return core::Ok();
}

Result<at::Attachment> AttachmentService::Upload(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id,
                                                 std::string_view name, std::string_view bytes) {
    if (auto ok = CheckUpload(actor, kind, owner_id, sub_id); !ok) return ok.error();
    return Store(actor, kind, owner_id, sub_id, name, bytes, clock_.NowIso());
}

Result<at::Attachment> AttachmentService::Seed(std::string_view kind, Id owner_id, const std::string& by,
                                               const std::string& at, std::string_view name, std::string_view bytes) {
    if (!at::KnownOwner(kind)) return Invalid("附件所属记录的类型应为 ticket 或 declaration", "owner");
    {
        std::lock_guard lock(store_mutex_);
        for (auto& a : attachments_.ListAttachments(kind, owner_id))
            if (a.name == name) return a;
    }
    Actor system;
    system.username = by;
    system.role = Role::kAdmin;
    return Store(system, kind, owner_id, 0, name, bytes, at);
}

Result<at::Attachment> AttachmentService::Store(const Actor& actor, std::string_view kind, Id owner_id, Id sub_id,
                                                std::string_view name, std::string_view bytes, const std::string& at) {
    auto sniffed = at::Sniff(bytes);
    if (!sniffed) return sniffed.error();
    auto clean = at::CleanName(name, sniffed->type);
    if (!clean) return clean.error();

    // The image work and the bytes on disk, outside the store mutex: an image must decode before
    // anything is stored; content already stored with both renditions (the same photo twice, which
    // decoded then) keeps them and is not decoded again. Stored files are kept as they are.
    const std::string sha = blobs_.AddressOf(bytes);
    const auto has = [&](ports::BlobVariant v) { return blobs_.Has(sha, v); };
    std::optional<ImagePreviews> previews;
    if (at::IsImage(sniffed->type) &&
        !(has(ports::BlobVariant::kOriginal) && has(ports::BlobVariant::kThumb) && has(ports::BlobVariant::kDisplay))) {
        if (!files_.previews) return Invalid("服务器未配置图片处理", "file");
        auto made = files_.previews(bytes, sniffed->type);
        if (!made) return made.error();
        previews = std::move(made).value();
    }
    if (!has(ports::BlobVariant::kOriginal)) blobs_.PutVariant(sha, ports::BlobVariant::kOriginal, bytes);
    if (previews) {
        if (!has(ports::BlobVariant::kThumb)) blobs_.PutVariant(sha, ports::BlobVariant::kThumb, previews->thumb);
        if (!has(ports::BlobVariant::kDisplay)) blobs_.PutVariant(sha, ports::BlobVariant::kDisplay, previews->display);
    }

    at::Attachment a;
    a.owner_kind = std::string(kind);
    a.owner_id = owner_id;
    a.sub_id = sub_id;
    a.sha256 = sha;
    a.size = static_cast<std::int64_t>(bytes.size());
    a.type = sniffed->type;
    a.name = std::move(clean).value();
    a.width = sniffed->width;
    a.height = sniffed->height;
    a.uploaded_by = actor.username;
    a.uploaded_at = at;
    std::lock_guard lock(store_mutex_);
    // The count again, under the lock: two uploads may have passed the early check together.
    if (attachments_.CountLiveAttachments(kind, owner_id) >= at::kMaxPerOwner)
        return Conflict("这条记录的附件已达上限（" + std::to_string(at::kMaxPerOwner) + " 个）", "file");
    auto tx = store_.Begin();
    a.id = attachments_.InsertAttachment(a);
    Audit(actor, "upload", "attachment", a.id, AuditJson(a));
    tx->Commit();
    return a;
}

Result<std::vector<at::Attachment>> AttachmentService::List(const Actor& actor, std::string_view kind, Id owner_id) {
    if (auto access = Access(actor, kind, owner_id, 0); !access) return access.error();
    std::lock_guard lock(store_mutex_);
    return attachments_.ListAttachments(kind, owner_id);
}

Result<StoredFile> AttachmentService::Download(const Actor& actor, Id id, std::string_view variant) {
    std::optional<at::Attachment> a;
    {
        std::lock_guard lock(store_mutex_);
        a = attachments_.FindAttachment(id);
    }
    if (!a || a->removed()) return NotFound(kWhat);
    if (auto access = Access(actor, a->owner_kind, a->owner_id, 0); !access) return NotFound(kWhat);
    ports::BlobVariant v = ports::BlobVariant::kOriginal;
    if (variant == "thumb") v = ports::BlobVariant::kThumb;
    else if (variant == "display") v = ports::BlobVariant::kDisplay;
    else if (!variant.empty() && variant != "original")
        return Invalid("variant 应为 original、thumb 或 display", "variant");
    if (v != ports::BlobVariant::kOriginal && !at::IsImage(a->type)) return NotFound("附件的预览图", "variant");
    auto bytes = blobs_.Read(a->sha256, v);
    if (!bytes) return NotFound(kWhat);  // the file is gone from disk: `lingyan check` reports it
    StoredFile f;
    f.bytes = std::move(*bytes);
    f.content_type = v == ports::BlobVariant::kOriginal ? std::string(at::MimeOf(a->type)) : "image/jpeg";
    f.filename = a->name;
    f.inline_view = at::IsImage(a->type);
    f.type = v == ports::BlobVariant::kOriginal ? a->type : at::Type::kJpeg;
    return f;
}

Status AttachmentService::Remove(const Actor& actor, Id id) {
    std::optional<at::Attachment> a;
    {
        std::lock_guard lock(store_mutex_);
        a = attachments_.FindAttachment(id);
    }
    if (!a || a->removed()) return NotFound(kWhat);
    auto access = Access(actor, a->owner_kind, a->owner_id, 0);
    if (!access) return NotFound(kWhat);
    const bool own = a->uploaded_by == actor.username && access->add;
    if (!own && !access->remove_any) return Forbidden("只有上传者（记录可修改时）或主管部门可以移除这个附件");
    std::lock_guard lock(store_mutex_);
    auto tx = store_.Begin();
    attachments_.MarkAttachmentRemoved(id, actor.username, clock_.NowIso());
    Audit(actor, "remove", "attachment", id, AuditJson(*a));
    tx->Commit();
    return core::Ok();
}

BlobCheck VerifyBlobs(ports::AttachmentStore& rows, const ports::BlobStore& files) {
    BlobCheck out;
    for (const auto& b : rows.ListBlobs()) {
        ++out.checked;
        const std::string actual = files.Rehash(b.sha256);
        if (actual.empty()) out.problems.push_back("缺失 " + b.sha256);
        else if (actual != b.sha256) out.problems.push_back("内容与哈希不符 " + b.sha256);
        else if (auto t = at::TypeFromName(b.type); t && at::IsImage(*t) &&
                 !(files.Has(b.sha256, ports::BlobVariant::kThumb) && files.Has(b.sha256, ports::BlobVariant::kDisplay)))
            out.problems.push_back("缺少预览图 " + b.sha256);
    }
    return out;
}

}  // namespace lingyan::app
