#pragma once
// Adapters for time and cryptography: Argon2id password hashes, OpenSSL randomness and SHA-256,
// the system clock. Thread-safe.

#include <optional>
#include <string>

#include "core/ports/store.hpp"

namespace lingyan::storage {

class SystemCrypto final : public core::ports::Crypto {
public:
    std::string HashPassword(const std::string& password) const override;
    bool VerifyPassword(const std::string& encoded, const std::string& password) const override;
    std::string RandomToken() const override;
    std::string Sha256Hex(const std::string& data) const override;
};

// The SHA-256 of a file's contents as 64 lower-case hex digits, read in 1 MiB blocks; nullopt when
// the file cannot be read.
std::optional<std::string> Sha256OfFile(const std::string& path);

class SystemClock final : public core::ports::Clock {
public:
    std::int64_t NowUnix() const override;
    std::string Today() const override;
    std::string NowIso() const override;
    double NowUnixMs() const override;
};

}  // namespace lingyan::storage
