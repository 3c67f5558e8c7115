#include "http/server/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/server/compress.hpp"

namespace lingyan::http {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFallbackPage =
    "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>领雁</title></head>"
    "<body><h1>领雁 lingyan</h1><p>前端尚未构建：请运行 <code>make build</code>。API 位于 "
    "<a href=\"/api/v1/health\">/api/v1/</a>。</p></body></html>";

bool ReadAll(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// Text files of at least this size are sent gzip-compressed to clients that accept it.
constexpr std::size_t kGzipMinBytes = 1024;

// Attaches the kept gzip of `res.body` (the file `p`) when it is text and large enough.
void AttachGzip(Response& res, const fs::path& p) {
    static GzipCache cache;
    if (res.body.size() < kGzipMinBytes || !Compressible(res.content_type)) return;
    std::error_code ec;
    const auto mtime = fs::last_write_time(p, ec);
    if (ec) return;
    res.gzip = cache.Get(p.string(), mtime.time_since_epoch().count(), res.body);
}
}  // namespace

std::string ContentTypeOf(const std::string& path) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
        {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".ico", "image/x-icon"},
        {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"}, {".webp", "image/webp"}, {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    for (auto [ext, type] : kTypes)
        if (path.ends_with(ext)) return type;
    return "application/octet-stream";
}

Response ServeStatic(const std::string& web_root, const std::string& path) {
    Response res;
    std::vector<std::string> segments;
    if (!SplitPath(path, segments)) return ErrorResponse(400, "bad_request", "路径编码无效");
    for (const auto& s : segments) {
        if (s == ".." || s == "." || s.find('\\') != std::string::npos || s.find('\0') != std::string::npos)
            return ErrorResponse(400, "bad_request", "路径无效");
    }
    if (web_root.empty() || !fs::exists(fs::path(web_root) / "index.html")) {
        res.content_type = "text/html; charset=utf-8";
        res.body = kFallbackPage;
        return res;
    }
    fs::path root = fs::weakly_canonical(web_root);
    fs::path file = root;
    for (const auto& s : segments) file /= s;
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(file, ec);
    auto [root_end, _] = std::mismatch(root.begin(), root.end(), canon.begin(), canon.end());
    bool inside = !ec && root_end == root.end();
    if (inside && fs::is_regular_file(canon, ec) && ReadAll(canon, res.body)) {
        res.content_type = ContentTypeOf(canon.string());
        bool hashed_asset = !segments.empty() && segments.front() == "assets";
        res.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
        AttachGzip(res, canon);
        return res;
    }
    // Missing asset files are real 404s; anything else is a client-side route.
    if (!segments.empty() && segments.front() == "assets") return ErrorResponse(404, "not_found", "文件不存在");
    ReadAll(root / "index.html", res.body);
    res.content_type = "text/html; charset=utf-8";
    res.headers.emplace_back("Cache-Control", "no-cache");
    AttachGzip(res, root / "index.html");
    return res;
}

}  // namespace lingyan::http
