#include "http/server/compress.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace lingyan::http {

namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// The q-value of one coding's parameters ("q=0.5"); 1 when absent, 0 when malformed.
double QValue(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        std::string_view p = Trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
        if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
        p.remove_prefix(2);
        double q = 0;
        auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), q);
        if (ec != std::errc{} || end != p.data() + p.size()) return 0;
        return q;
    }
    return 1;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
    double gzip = -1, any = -1;
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        std::string_view item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
        const auto semi = item.find(';');
        const std::string_view coding = Trim(item.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1 : QValue(item.substr(semi + 1));
        if (EqualsNoCase(coding, "gzip") || EqualsNoCase(coding, "x-gzip")) gzip = std::max(gzip, q);
        if (coding == "*") any = std::max(any, q);
    }
    return gzip >= 0 ? gzip > 0 : any > 0;
}

std::string Gzip(std::string_view data, int level) {
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("gzip: deflateInit2 failed");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
    return out;
}

bool Compressible(std::string_view type) {
    return type.starts_with("text/") || type.starts_with("application/json") ||
           type.starts_with("application/javascript") || type.starts_with("image/svg+xml");
}

std::shared_ptr<const std::string> GzipCache::Get(const std::string& path, std::int64_t mtime, std::string_view data) {
    {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(path);
        if (it != entries_.end() && it->second.mtime == mtime && it->second.size == data.size()) {
            it->second.used = ++clock_;
            return it->second.gzip;
        }
    }
    // Compressed outside the lock: two first requests may both compress; the later one is kept.
    auto gzip = std::make_shared<const std::string>(Gzip(data));
    std::lock_guard lock(mutex_);
    auto& e = entries_[path];
    if (e.gzip) bytes_ -= e.gzip->size();
    e = Entry{mtime, data.size(), ++clock_, gzip};
    bytes_ += gzip->size();
    while (bytes_ > max_bytes_ && entries_.size() > 1) {
        auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                       [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
        bytes_ -= oldest->second.gzip->size();
        entries_.erase(oldest);
    }
    return gzip;
}

}  // namespace lingyan::http
