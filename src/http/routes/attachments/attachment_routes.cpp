// The shared attachment store (issue 12 item 8): upload a photo or document to a record (a ticket,
// one of its timeline events, a points declaration), list a record's files, download one (or an
// image's thumbnail or display size), remove one (soft). The owning module decides who may read and
// add (app::AttachmentService's resolvers); docs/api.md "Attachments" is the contract.
#include <boost/json.hpp>

#include "http/routes/attachments/described.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace at = core::attachments;

namespace {

constexpr std::int64_t kMaxId = std::int64_t{1} << 53;

struct OwnerRef {
    std::string kind;
    std::int64_t id = 0, sub_id = 0;
};

core::Result<OwnerRef> OwnerOf(const Request& req) {
    OwnerRef o;
    o.kind = req.Query("owner").value_or("");
    if (!at::KnownOwner(o.kind)) return core::Invalid("owner 应为 ticket、project、declaration 或 nomination", "owner");
    auto id = QueryInt(req.Query("owner_id"), "owner_id", 0, 1, kMaxId);
    if (!id) return id.error();
    auto sub = QueryInt(req.Query("sub_id"), "sub_id", 0, 0, kMaxId);
    if (!sub) return sub.error();
    o.id = *id;
    o.sub_id = *sub;
    return o;
}

json::object AttachmentJson(const at::Attachment& a) {
    const std::string base = "/api/v1/attachments/" + std::to_string(a.id) + "/file";
    json::object o = Described(a);
    o["owner"] = a.owner_kind;
    o["type"] = at::TypeName(a.type);
    o["type_label"] = at::TypeLabel(a.type);
    o["content_type"] = at::MimeOf(a.type);
    o["image"] = at::IsImage(a.type);
    o["url"] = base;
    if (at::IsImage(a.type)) {
        o["thumb_url"] = base + "?variant=thumb";
        o["display_url"] = base + "?variant=display";
    }
    return o;
}

}  // namespace

namespace handlers {

// Before the body: POST /api/v1/attachments?owner=&owner_id=&sub_id=&name=
std::optional<Response> GateAttachmentUpload(Services& s, Request& req) {
    auto owner = OwnerOf(req);
    if (!owner) return ErrorResponse(owner.error());
    if (auto ok = s.attachments.CheckUpload(req.user->actor, owner->kind, owner->id, owner->sub_id); !ok)
        return ErrorResponse(ok.error());
    return std::nullopt;
}

// POST /api/v1/attachments?owner=ticket&owner_id=5[&sub_id=7][&name=照片.jpg] — the body is the file.
Response UploadAttachment(Services& s, Request& req) {
    auto owner = OwnerOf(req);
    if (!owner) return ErrorResponse(owner.error());
    // The name from ?name= or the X-Filename header (percent-encoded UTF-8, as the web app sends it).
    std::string name = req.Query("name").value_or("");
    if (name.empty()) {
        bool ok = true;
        name = PercentDecode(req.Header("x-filename"), false, &ok);
        if (!ok) return ErrorResponse(core::Invalid("文件名编码无效（需要 UTF-8）", "name"));
    }
    return Reply(201, s.attachments.Upload(req.user->actor, owner->kind, owner->id, owner->sub_id, name, req.body),
                 AttachmentJson);
}

// GET /api/v1/attachments?owner=&owner_id=
Response ListAttachments(Services& s, Request& req) {
    auto owner = OwnerOf(req);
    if (!owner) return ErrorResponse(owner.error());
    return Reply(200, s.attachments.List(req.user->actor, owner->kind, owner->id), Items(AttachmentJson));
}

// GET /api/v1/attachments/{id}/file?variant=original|thumb|display
Response GetAttachmentFile(Services& s, Request& req, Id id) {
    auto file = s.attachments.Download(req.user->actor, id, req.Query("variant").value_or("original"));
    if (!file) return ErrorResponse(file.error());
    Response res;
    res.content_type = file->content_type;
    res.body = std::move(file->bytes);
    res.headers.emplace_back("Content-Disposition",
                             ContentDisposition(file->inline_view ? "inline" : "attachment", file->filename,
                                                "attachment" + std::string(at::ExtensionOf(file->type))));
    // Content-addressed and never changed: the browser may keep it, never a shared cache.
    res.headers.emplace_back("Cache-Control", "private, max-age=86400");
    return res;
}

// DELETE /api/v1/attachments/{id}
Response RemoveAttachment(Services& s, Request& req, Id id) {
    return NoContent(s.attachments.Remove(req.user->actor, id));
}

}  // namespace handlers

}  // namespace lingyan::http
