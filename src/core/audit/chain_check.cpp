#include "core/audit/chain_check.hpp"

#include <utility>

namespace lingyan::core::audit {

ChainCheck::ChainCheck(const std::vector<ports::AuditAnchor>& anchors) : anchors_(anchors) {
    report_.head_hash = prev_hash_;  // an empty log: the chain's start
    for (const auto& anchor : anchors_) read_hashes_[anchor.seq];
}

bool ChainCheck::Fail(std::int64_t seq, std::string problem) {
    report_.intact = false;
    report_.bad_seq = seq;
    report_.problem = std::move(problem);
    return false;
}

bool ChainCheck::Add(const ports::AuditEntry& e, const std::string& recomputed_hash) {
    if (!report_.intact) return false;
    const std::int64_t expected = report_.head_seq + 1;
    if (e.seq != expected) return Fail(expected, "审计日志缺少第 " + std::to_string(expected) + " 条（被删除）");
    if (e.prev_hash != prev_hash_ || recomputed_hash != e.hash)
        return Fail(e.seq, "审计日志在第 " + std::to_string(e.seq) + " 条处被篡改或断链");
    if (keyed_seen_ && !e.keyed)
        return Fail(e.seq, "审计日志第 " + std::to_string(e.seq) + " 条未用密钥签名（被改写）");
    keyed_seen_ = keyed_seen_ || e.keyed;
    if (auto it = read_hashes_.find(e.seq); it != read_hashes_.end()) it->second = e.hash;
    prev_hash_ = e.hash;
    report_.head_seq = e.seq;
    report_.head_hash = e.hash;
    ++report_.checked;
    return true;
}

ChainReport ChainCheck::Finish() {
    if (!report_.intact) return report_;
    for (const auto& anchor : anchors_) {
        if (anchor.seq > report_.head_seq) {
            Fail(anchor.seq, "审计日志被截断：锚点文件记录了第 " + std::to_string(anchor.seq) + " 条，表中只到第 " +
                                 std::to_string(report_.head_seq) + " 条");
            return report_;
        }
        if (read_hashes_[anchor.seq] != anchor.hash) {
            Fail(anchor.seq, "审计日志第 " + std::to_string(anchor.seq) + " 条与锚点文件记录的哈希不同（被改写）");
            return report_;
        }
        ++report_.anchors;
    }
    return report_;
}

}  // namespace lingyan::core::audit
