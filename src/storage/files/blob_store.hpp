#pragma once
// FileBlobStore: core::ports::BlobStore in a folder of the data directory (by default
// <data dir>/attachments, which `lingyan backup` carries as a side item). Layout:
//   <root>/<first two hex digits>/<sha256>              the original bytes
//   <root>/<first two hex digits>/<sha256>.thumb.jpg    image thumbnail (≤ 320 px)
//   <root>/<first two hex digits>/<sha256>.display.jpg  image display size (≤ 1600 px)
// Every file is written to a temporary name, flushed to disk and renamed, so a crash never leaves
// a half-written file under a final name; an existing original is never rewritten (same hash,
// same bytes). Files are mode 0640, folders 0750. Thread-safe.

#include <string>

#include "core/ports/attachment_store.hpp"

namespace lingyan::storage {

class FileBlobStore final : public core::ports::BlobStore {
public:
    // `root` (and its parents) is created on the first write.
    explicit FileBlobStore(std::string root);
    std::string AddressOf(std::string_view bytes) const override;
    void PutVariant(const std::string& sha256, core::ports::BlobVariant v, std::string_view bytes) override;
    bool Has(const std::string& sha256, core::ports::BlobVariant v) const override;
    std::optional<std::string> Read(const std::string& sha256, core::ports::BlobVariant v) const override;
    std::string Rehash(const std::string& sha256) const override;
    std::string Root() const override { return root_; }

    // The attachment folder of a data directory.
    static std::string DefaultRoot(const std::string& data_dir);

private:
    std::string PathOf(const std::string& sha256, core::ports::BlobVariant v) const;
    void WriteAtomically(const std::string& path, std::string_view bytes) const;
    std::string root_;
};

}  // namespace lingyan::storage
