#pragma once
// The rule that says whether the audit log is whole: every entry follows the one before it (no
// seq missing), carries the hash of the one before and its own hash as recomputed, none after the
// first keyed entry is unkeyed (an attacker without the key can only write plain SHA-256), and
// every anchor written outside the table (seq, hash) still stands in the log with that hash.
// Pure: the caller reads the entries in seq order and recomputes each hash (it holds the key).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/ports/store.hpp"

namespace lingyan::core::audit {

// What a check found. `intact` false: `bad_seq` is the first entry found wrong (for a truncated
// log, the anchored seq that is gone) and `problem` says what is wrong with it, in Chinese.
struct ChainReport {
    bool intact = true;
    std::int64_t checked = 0;  // entries read
    std::int64_t head_seq = 0;
    std::string head_hash;
    std::int64_t anchors = 0;  // anchors compared
    std::int64_t bad_seq = 0;
    std::string problem;
};

class ChainCheck {
public:
    explicit ChainCheck(const std::vector<ports::AuditAnchor>& anchors);

    // The next entry in seq order and its hash as recomputed. Returns false once the chain is
    // found broken (later entries are not looked at).
    bool Add(const ports::AuditEntry& entry, const std::string& recomputed_hash);
    // After the last entry: the anchors compared with what was read.
    ChainReport Finish();

private:
    bool Fail(std::int64_t seq, std::string problem);

    ChainReport report_;
    std::string prev_hash_ = std::string(64, '0');
    bool keyed_seen_ = false;
    std::vector<ports::AuditAnchor> anchors_;
    std::map<std::int64_t, std::string> read_hashes_;  // of the anchored seqs, as read
};

}  // namespace lingyan::core::audit
