#include "storage/files/blob_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "storage/common/crypto.hpp"
#include "storage/sql/sql_store.hpp"

namespace lingyan::storage {

namespace fs = std::filesystem;
using core::ports::BlobVariant;

namespace {

bool ValidHash(const std::string& sha) {
    if (sha.size() != 64) return false;
    for (char c : sha)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::atomic<unsigned> g_temp_counter{0};

}  // namespace

FileBlobStore::FileBlobStore(std::string root) : root_(std::move(root)) {}

std::string FileBlobStore::DefaultRoot(const std::string& data_dir) {
    return (fs::path(data_dir.empty() ? "." : data_dir) / "attachments").string();
}

std::string FileBlobStore::PathOf(const std::string& sha, BlobVariant v) const {
    if (!ValidHash(sha)) throw std::invalid_argument("bad content hash");
    std::string name = sha;
    if (v == BlobVariant::kThumb) name += ".thumb.jpg";
    else if (v == BlobVariant::kDisplay) name += ".display.jpg";
    return (fs::path(root_) / sha.substr(0, 2) / name).string();
}

void FileBlobStore::WriteAtomically(const std::string& path, std::string_view bytes) const {
    const fs::path dir = fs::path(path).parent_path();
    std::error_code ec;
    if (!fs::exists(root_) && fs::create_directories(root_, ec)) ::chmod(root_.c_str(), 0750);
    if (fs::create_directories(dir, ec)) ::chmod(dir.c_str(), 0750);
    const std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_temp_counter++);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) throw std::runtime_error("无法写入附件目录 " + dir.string());
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(temp.c_str());
            throw std::runtime_error("写入附件失败（磁盘已满？）: " + dir.string());
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temp.c_str(), path.c_str()) != 0) {
        ::unlink(temp.c_str());
        throw std::runtime_error("写入附件失败: " + path);
    }
}

std::string FileBlobStore::AddressOf(std::string_view bytes) const { return Sha256Hex(bytes); }

void FileBlobStore::PutVariant(const std::string& sha, BlobVariant v, std::string_view bytes) {
    WriteAtomically(PathOf(sha, v), bytes);
}

bool FileBlobStore::Has(const std::string& sha, BlobVariant v) const { return fs::exists(PathOf(sha, v)); }

std::optional<std::string> FileBlobStore::Read(const std::string& sha, BlobVariant v) const {
    std::ifstream in(PathOf(sha, v), std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string FileBlobStore::Rehash(const std::string& sha) const {
    return Sha256OfFile(PathOf(sha, BlobVariant::kOriginal)).value_or("");
}

}  // namespace lingyan::storage
