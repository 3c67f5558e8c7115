#pragma once
// gzip for responses (RFC 9110 §8.4, RFC 1952) through zlib.
//
// What is compressed: static files of a text type (the web app's scripts and styles, once per file
// version, kept in memory), and JSON bodies a handler kept and compressed once (a leaderboard
// page). Other responses go as they are: compressing every list on every request would cost more
// CPU than it saves on this server's usual networks; a proxy in front (nginx) may do it.
//
// Thread-safety: free functions are pure; GzipCache may be used from any thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lingyan::http {

// Whether an Accept-Encoding value allows gzip: "gzip" or "*" with a q-value above 0 (an explicit
// "gzip;q=0" refuses it even when "*" is allowed).
bool AcceptsGzip(std::string_view accept_encoding);

// `data` as a gzip member (zlib, best compression for text that is kept; `level` 1–9).
std::string Gzip(std::string_view data, int level = 9);

// Whether a content type is worth compressing (text, JSON, JavaScript, SVG).
bool Compressible(std::string_view content_type);

// Compressed static files by path, size and modification time (a changed file is compressed
// again); at most `max_bytes` of compressed text are kept, the oldest entries go first.
class GzipCache {
public:
    explicit GzipCache(std::size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}
    // The gzip of `data` (the file at `path` with this size and mtime), compressed once.
    std::shared_ptr<const std::string> Get(const std::string& path, std::int64_t mtime, std::string_view data);

private:
    struct Entry {
        std::int64_t mtime = 0;
        std::size_t size = 0;
        std::uint64_t used = 0;
        std::shared_ptr<const std::string> gzip;
    };
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::size_t bytes_ = 0, max_bytes_;
    std::uint64_t clock_ = 0;
};

}  // namespace lingyan::http
