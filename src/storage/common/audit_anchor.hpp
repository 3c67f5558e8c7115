#pragma once
// The audit chain's secrets and witnesses outside the database.
//
// The key: 32 random bytes (hex) in a file created at first start with mode 0600, beside the
// SQLite file (PATH.audit-key) or where --audit-key / LINGYAN_AUDIT_KEY says for PostgreSQL. With
// it the chain is an HMAC chain: an attacker who can write the database but not read the key
// cannot recompute the hashes of rewritten entries.
//
// The anchor: an append-only text file (the key file's name with .anchor) of "seq hash at" lines,
// appended whenever the head has moved (periodically by the server, and when a command ends).
// `audit verify` checks every anchored entry: a missing one means the log was truncated, a
// different hash that it was rewritten.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/ports/store.hpp"

namespace lingyan::storage {

// The key file for a database URL when none is given.
std::string DefaultAuditKeyPath(const std::string& db_url);
// Reads the key, creating the file (0600) with a fresh random key when it does not exist.
std::string LoadOrCreateAuditKey(const std::string& path);
std::string AnchorPathFor(const std::string& key_path);

using core::ports::AuditAnchor;

// Appends the head (seq, hash) when it differs from the last anchored one. Returns true if written.
bool AnchorAuditHead(core::ports::Store& store, const std::string& anchor_path, const std::string& now_iso);
std::vector<AuditAnchor> ReadAuditAnchors(const std::string& anchor_path);

// The chain's key and anchor file as the app checks the chain with them (app/audit AuditService::Verify).
class FileAuditSeal final : public core::ports::AuditSeal {
public:
    FileAuditSeal(std::string key, std::string anchor_path) : key_(std::move(key)), anchor_path_(std::move(anchor_path)) {}
    std::string HashOf(const core::ports::AuditEntry& entry) const override;
    std::vector<AuditAnchor> Anchors() const override { return ReadAuditAnchors(anchor_path_); }

private:
    std::string key_;
    std::string anchor_path_;
};

}  // namespace lingyan::storage
