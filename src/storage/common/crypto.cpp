#include "storage/common/crypto.hpp"

#include <argon2.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <vector>
#include <stdexcept>

#include "storage/sql/sql_store.hpp"
#include "core/common/date.hpp"

namespace lingyan::storage {

namespace {
// OWASP's Argon2id minimum: m = 19 MiB, t = 2, p = 1.
constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kParallelism = 1;
constexpr std::size_t kSaltLen = 16;
constexpr std::size_t kHashLen = 32;

std::string Random(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    return out;
}
}  // namespace

std::string SystemCrypto::HashPassword(const std::string& password) const {
    std::string salt = Random(kSaltLen);
    std::size_t len = argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltLen, kHashLen, Argon2_id);
    std::string encoded(len, '\0');
    int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(), salt.data(),
                                   salt.size(), kHashLen, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool SystemCrypto::VerifyPassword(const std::string& encoded, const std::string& password) const {
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string SystemCrypto::RandomToken() const {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string bytes = Random(43);  // 43 × 6 bits ≥ 256 bits
    std::string out;
    for (unsigned char b : bytes) out += kAlphabet[b & 63];
    return out;
}

std::string SystemCrypto::Sha256Hex(const std::string& data) const { return storage::Sha256Hex(data); }

std::optional<std::string> Sha256OfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        if (in.gcount() > 0) EVP_DigestUpdate(ctx, buf.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, md, &len);
    EVP_MD_CTX_free(ctx);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < len; ++i) hex += {kHex[md[i] >> 4], kHex[md[i] & 15]};
    return hex;
}

std::int64_t SystemClock::NowUnix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double SystemClock::NowUnixMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string SystemClock::Today() const {
    std::time_t t = static_cast<std::time_t>(NowUnix() + core::kChinaUtcOffsetSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string SystemClock::NowIso() const {
    std::time_t t = static_cast<std::time_t>(NowUnix());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace lingyan::storage
