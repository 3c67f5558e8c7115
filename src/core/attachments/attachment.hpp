#pragma once
// The attachment store's domain (issue 12 item 8): which files are accepted, told from their bytes
// (magic numbers and headers, never the file name), and the limits on them. Pure: no I/O.
//
// Accepted: JPEG, PNG and WebP images (their pixel size read from the header, so that a huge image
// is refused before anything decodes it) and PDF, .xlsx and .docx documents (an Office file is a
// ZIP whose entries name its kind: xl/… or word/…).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/roster/model.hpp"

namespace lingyan::core::attachments {

using roster::Id;

enum class Type { kJpeg, kPng, kWebp, kPdf, kXlsx, kDocx };

inline constexpr std::size_t kMaxBytes = 10u << 20;          // per file
inline constexpr int kMaxPerOwner = 20;                       // live files on one record
inline constexpr std::int64_t kMaxPixels = 50'000'000;        // width × height of an image
inline constexpr std::size_t kMaxNameBytes = 120;             // a file name as shown (UTF-8 bytes)

std::string_view TypeName(Type t);   // "jpeg", "png", "webp", "pdf", "xlsx", "docx"
std::string_view TypeLabel(Type t);  // "JPEG 图片", "PDF 文档" …
std::string_view MimeOf(Type t);
std::string_view ExtensionOf(Type t);  // ".jpg", ".png" …
std::optional<Type> TypeFromName(std::string_view name);  // TypeName's inverse
bool IsImage(Type t);

struct Sniffed {
    Type type = Type::kPdf;
    int width = 0, height = 0;  // images only
};

// The type of `bytes` from their content, with an image's pixel size from its header. Refuses
// (naming the file field): an empty file, more than kMaxBytes, an unsupported type, an image whose
// header cannot be read or whose size is zero or over kMaxPixels.
Result<Sniffed> Sniff(std::string_view bytes);

// A file name as given by the client made safe to show and to send back: the last path segment,
// control characters and quotes removed, at most kMaxNameBytes (cut on a UTF-8 boundary). An
// empty result becomes "附件" + the type's extension. Refuses a name whose extension says an image
// or document type other than what the bytes are (a PDF named .jpg, a text file named .png).
Result<std::string> CleanName(std::string_view name, Type actual);

// The owners an attachment may belong to.
inline constexpr std::string_view kOwnerTicket = "ticket";            // sub_id: a timeline event (0 = the ticket)
inline constexpr std::string_view kOwnerDeclaration = "declaration";  // a points declaration (申报)
inline constexpr std::string_view kOwnerProject = "project";          // sub_id: a progress report (0 = the project)
inline constexpr std::string_view kOwnerNomination = "nomination";    // a 躺平奖 nomination's evidence (佐证材料)
bool KnownOwner(std::string_view kind);

// One stored file as its metadata row holds it. The bytes live in the blob store by sha256.
struct Attachment {
    Id id = 0;
    std::string owner_kind;
    Id owner_id = 0, sub_id = 0;
    std::string sha256;  // 64 lower-case hex digits of the original bytes
    std::int64_t size = 0;
    Type type = Type::kPdf;
    std::string name;
    int width = 0, height = 0;
    std::string uploaded_by, uploaded_at;
    std::string removed_by, removed_at;  // "" while live
    bool removed() const { return !removed_at.empty(); }
};

}  // namespace lingyan::core::attachments
