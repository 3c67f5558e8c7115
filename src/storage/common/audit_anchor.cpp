#include "storage/common/audit_anchor.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "storage/sql/sql_store.hpp"

namespace lingyan::storage {

std::string DefaultAuditKeyPath(const std::string& db_url) {
    if (db_url.rfind("sqlite:", 0) == 0) return db_url.substr(7) + ".audit-key";
    if (const char* env = std::getenv("LINGYAN_AUDIT_KEY")) return env;
    return "lingyan.audit-key";
}

std::string LoadOrCreateAuditKey(const std::string& path) {
    if (std::ifstream in(path); in) {
        std::string key;
        std::getline(in, key);
        if (key.size() != 64) throw std::runtime_error("审计密钥文件格式错误: " + path);
        return key;
    }
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("无法生成审计密钥");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    for (unsigned char b : bytes) key += {kHex[b >> 4], kHex[b & 15]};
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw std::runtime_error("无法创建审计密钥文件: " + path);
    const std::string line = key + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("无法写入审计密钥文件: " + path);
    return key;
}

std::string AnchorPathFor(const std::string& key_path) {
    const std::string suffix = "-key";
    if (key_path.size() > suffix.size() && key_path.compare(key_path.size() - suffix.size(), suffix.size(), suffix) == 0)
        return key_path.substr(0, key_path.size() - suffix.size()) + "-anchor";
    return key_path + ".anchor";
}

std::vector<AuditAnchor> ReadAuditAnchors(const std::string& anchor_path) {
    std::vector<AuditAnchor> out;
    std::ifstream in(anchor_path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        AuditAnchor a;
        if (fields >> a.seq >> a.hash) out.push_back(a);
    }
    return out;
}

std::string FileAuditSeal::HashOf(const core::ports::AuditEntry& entry) const { return AuditHash(entry, key_); }

bool AnchorAuditHead(core::ports::Store& store, const std::string& anchor_path, const std::string& now_iso) {
    const auto last = store.LastAudit();
    if (!last) return false;
    const std::vector<core::ports::AuditEntry> head{*last};
    auto anchors = ReadAuditAnchors(anchor_path);
    if (!anchors.empty() && anchors.back().seq == head[0].seq && anchors.back().hash == head[0].hash) return false;
    const int fd = ::open(anchor_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) throw std::runtime_error("无法写入审计锚点文件: " + anchor_path);
    const std::string line = std::to_string(head[0].seq) + " " + head[0].hash + " " + now_iso + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("无法写入审计锚点文件: " + anchor_path);
    return true;
}

}  // namespace lingyan::storage
