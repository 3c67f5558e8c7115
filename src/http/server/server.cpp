#include "http/server/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <csignal>
#include <malloc.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/ports/store_errors.hpp"
#include "http/server/compress.hpp"
#include "http/server/log_format.hpp"
#include "http/server/static_files.hpp"
#include "http/ws/live_hub.hpp"
#include "http/ws/live_session.hpp"
#include "core/common/metric_text.hpp"

// tcmalloc's own "give free pages back" (the server binary links it; the sanitizer build and the
// tests do not, and then the weak reference is null).
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));

namespace lingyan::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// Request counters and latency histograms per route label and status, in Prometheus format.
class Metrics {
public:
    void Observe(const std::string& label, int status, double seconds) {
        std::lock_guard lock(mutex_);
        auto& s = series_[{label, status}];
        s.count++;
        s.sum += seconds;
        for (std::size_t i = 0; i < std::size(kBuckets); ++i)
            if (seconds <= kBuckets[i]) s.buckets[i]++;
    }
    std::string Text() {
        std::lock_guard lock(mutex_);
        std::string out =
            "# HELP lingyan_http_requests_total HTTP requests by route and status.\n"
            "# TYPE lingyan_http_requests_total counter\n";
        for (const auto& [key, s] : series_)
            out += "lingyan_http_requests_total{route=\"" + key.first + "\",status=\"" + std::to_string(key.second) +
                   "\"} " + std::to_string(s.count) + "\n";
        out +=
            "# HELP lingyan_http_request_duration_seconds Request latency.\n"
            "# TYPE lingyan_http_request_duration_seconds histogram\n";
        std::map<std::string, Series> by_route;
        for (const auto& [key, s] : series_) {
            auto& r = by_route[key.first];
            r.count += s.count;
            r.sum += s.sum;
            for (std::size_t i = 0; i < std::size(kBuckets); ++i) r.buckets[i] += s.buckets[i];
        }
        for (const auto& [route, s] : by_route) {
            for (std::size_t i = 0; i < std::size(kBuckets); ++i)
                out += "lingyan_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
                       std::to_string(kBuckets[i]) + "\"} " + std::to_string(s.buckets[i]) + "\n";
            out += "lingyan_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} " +
                   std::to_string(s.count) + "\n";
            out += "lingyan_http_request_duration_seconds_sum{route=\"" + route + "\"} " + std::to_string(s.sum) + "\n";
            out += "lingyan_http_request_duration_seconds_count{route=\"" + route + "\"} " + std::to_string(s.count) + "\n";
        }
        return out;
    }

private:
    static constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5};
    struct Series {
        std::uint64_t count = 0;
        double sum = 0;
        std::uint64_t buckets[std::size(kBuckets)] = {};
    };
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, Series> series_;
};

struct ServerState {
    const ServerConfig& config;
    Services& services;
    Router router;
    Metrics metrics;
    std::atomic<bool> stopping{false};
    std::atomic<int> active{0};
    std::function<void()> on_idle;  // called when stopping and the last session ends
    // Handlers of routes marked on_worker (they wait on the database) run here, not on I/O threads.
    static constexpr int kWorkers = 2;
    asio::thread_pool workers{kWorkers};
    std::atomic<int> worker_queued{0};  // handlers waiting for a worker thread
    std::atomic<int> worker_busy{0};    // handlers running on one
    std::atomic<int> in_flight{0};      // requests read and not yet answered
    // Uploads (imports) are read on their own thread, so that a large workbook never holds the
    // I/O threads or the workers; at most kMaxUploadsInFlight are held in memory at once.
    asio::thread_pool uploads{1};
    std::mutex uploads_mutex;
    int uploads_in_flight = 0;
    std::map<std::string, int> uploads_by_user;  // username → uploads in progress
};

// Uploads held at once, in all and per account (issue 11): the next answers 503 or 429 before a
// byte of its body is read.
constexpr int kMaxUploadsInFlight = 4;
constexpr int kMaxUploadsPerUser = 1;

// A place among the uploads in progress, held while one is read and handled.
class UploadSlot {
public:
    UploadSlot(ServerState* st, std::string user) : st_(st), user_(std::move(user)) {
        std::lock_guard lock(st_->uploads_mutex);
        if (st_->uploads_in_flight >= kMaxUploadsInFlight) {
            refusal_ = 503;
            return;
        }
        int& mine = st_->uploads_by_user[user_];
        if (mine >= kMaxUploadsPerUser) {
            refusal_ = 429;
            return;
        }
        ++mine;
        ++st_->uploads_in_flight;
    }
    UploadSlot(const UploadSlot&) = delete;
    UploadSlot& operator=(const UploadSlot&) = delete;
    ~UploadSlot() {
        if (refusal_) return;
        std::lock_guard lock(st_->uploads_mutex);
        --st_->uploads_in_flight;
        if (--st_->uploads_by_user[user_] == 0) st_->uploads_by_user.erase(user_);
    }
    int refusal() const { return refusal_; }  // 0 = taken

private:
    ServerState* st_;
    std::string user_;
    int refusal_ = 0;
};

bool ParseQuery(std::string_view qs, std::multimap<std::string, std::string>& out);

// Before an upload's body is read: its session (401 without one), a place (503, 429), then the
// route's own gate (role, scope, limits: the owner of an attachment) on the request line alone.
std::optional<Response> RefuseUpload(ServerState* st, const bhttp::request<bhttp::string_body>& header,
                                     const std::string& target, const RouteMatch& match,
                                     std::optional<UploadSlot>& slot) {
    Request probe;
    probe.method = std::string(header.method_string());
    for (const auto& field : header) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        probe.headers[name] = std::string(field.value());
    }
    auto user = st->services.auth.Authenticate(probe.Cookie("lingyan_session"));
    if (!user) return ErrorResponse(user.error());
    slot.emplace(st, user->actor.username);
    if (slot->refusal() == 503) {
        Response res = ErrorResponse(503, "busy", "上传繁忙：正在处理的导入和上传已达上限，请稍后再试");
        res.headers.emplace_back("Retry-After", "5");
        return res;
    }
    if (slot->refusal() == 429) return ErrorResponse(429, "too_many_uploads", "您已有一个导入或上传正在处理，请等它完成后再试");
    const auto qpos = target.find('?');
    probe.path = target.substr(0, qpos);
    if (qpos != std::string::npos && !ParseQuery(std::string_view(target).substr(qpos + 1), probe.query))
        return ErrorResponse(400, "bad_request", "查询参数编码无效（需要 UTF-8）");
    return st->router.Precheck(probe, match, st->services.auth);
}


// Gauges of the moment: connections, requests in flight, the worker pool, the process.
std::string GaugesText(const ServerState& st) {
    auto gauge = [](const char* name, const char* help, double value) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", value);
        return core::MetricText(name, "gauge", help, buf);
    };
    long pages = 0, resident = 0;
    std::ifstream("/proc/self/statm") >> pages >> resident;
    std::error_code ec;
    int fds = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        ++fds;
    static const double started = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return gauge("lingyan_http_connections", "Open client connections.", st.active.load()) +
           gauge("lingyan_http_requests_in_flight", "Requests being handled.", st.in_flight.load()) +
           gauge("lingyan_worker_threads", "Threads of the worker pool (handlers that wait on the database).",
                 ServerState::kWorkers) +
           gauge("lingyan_worker_queue_depth", "Handlers waiting for a worker thread.", st.worker_queued.load()) +
           gauge("lingyan_worker_busy", "Worker threads running a handler.", st.worker_busy.load()) +
           gauge("lingyan_process_resident_memory_bytes", "Resident set size.",
                 static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE))) +
           gauge("lingyan_process_open_fds", "Open file descriptors.", fds) +
           gauge("lingyan_process_start_time_seconds", "Start time of the process (Unix time).", started);
}

// The live stream route: a WebSocket upgrade (or an event stream) there goes to http/ws.
constexpr std::string_view kLiveRoute = "GET /api/v1/contests/{id}/live";

// Counts a session as active for its lifetime and finishes shutdown when the last one ends.
class ActiveSession {
public:
    explicit ActiveSession(ServerState* st) : st_(st) { st_->active++; }
    ~ActiveSession() {
        if (--st_->active == 0 && st_->stopping && st_->on_idle) st_->on_idle();
    }

private:
    ServerState* st_;
};

// One entry per running server (tests run two in one process): RequestStop stops them all.
std::map<const void*, std::function<void()>> g_stop;
std::mutex g_stop_mutex;

bool ParseQuery(std::string_view qs, std::multimap<std::string, std::string>& out) {
    while (!qs.empty()) {
        auto amp = qs.find('&');
        std::string_view item = qs.substr(0, amp);
        qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
        if (item.empty()) continue;
        auto eq = item.find('=');
        bool ok1 = true, ok2 = true;
        std::string key = PercentDecode(item.substr(0, eq), true, &ok1);
        std::string value = eq == std::string_view::npos ? "" : PercentDecode(item.substr(eq + 1), true, &ok2);
        if (!ok1 || !ok2) return false;
        out.emplace(std::move(key), std::move(value));
    }
    return true;
}

Response Handle(ServerState& st, Request& req, const RouteMatch& match);

// Handle() on the worker pool; the session awaits it without holding an I/O thread.
asio::awaitable<Response> HandleOnWorker(ServerState* st, Request* req, const RouteMatch* match) {
    st->worker_queued--;
    st->worker_busy++;
    Response res = Handle(*st, *req, *match);
    st->worker_busy--;
    co_return res;
}

// Freed memory goes back to the system: tcmalloc keeps freed spans in its page heap and glibc its
// arenas, so RSS stayed at the peak of the largest import (issue 11: 68 → 354 MiB after three
// previews of a 200,000-row roster; bench/upload_memory_bench.sh).
void ReturnFreeMemory() {
    if (MallocExtension_ReleaseFreeMemory) MallocExtension_ReleaseFreeMemory();
    malloc_trim(0);
}

// An upload's Handle() on the upload thread; afterwards the parse's memory goes back to the system.
asio::awaitable<Response> HandleUpload(ServerState* st, Request* req, const RouteMatch* match) {
    Response res = Handle(*st, *req, *match);
    req->body.clear();
    req->body.shrink_to_fit();
    ReturnFreeMemory();
    co_return res;
}

Response Handle(ServerState& st, Request& req, const RouteMatch& match) {
    try {
        if (req.path == "/metrics" || req.path.starts_with("/api/")) return st.router.Dispatch(req, match, st.services.auth);
        if (req.method != "GET" && req.method != "HEAD") return ErrorResponse(405, "method_not_allowed", "不支持的请求方法");
        return ServeStatic(st.config.web_root, req.path);
    } catch (const core::ports::StoreUnavailable& e) {
        // The database cannot serve now (connection lost, disk full): fail fast, let clients and
        // the load balancer retry.
        spdlog::warn("{} {}: {}", req.method, req.path, e.what());
        Response res = ErrorResponse(503, "unavailable", e.what());
        res.headers.emplace_back("Retry-After", "2");
        return res;
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", req.method, req.path, e.what());
        return ErrorResponse(500, "internal", "服务器内部错误，已记录日志");
    }
}

bhttp::response<bhttp::string_body> ToBeast(Response&& res, unsigned version, bool keep_alive, bool head,
                                            bool accepts_gzip) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    out.set(bhttp::field::server, "lingyan");
    if (res.status != 204) out.set(bhttp::field::content_type, res.content_type);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Referrer-Policy", "same-origin");
    // Scripts, styles, images and connections from this origin only (Element Plus sets inline style
    // attributes; no inline script is allowed); the pages cannot be framed.
    out.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'");
    bool has_cache = false;
    for (auto& [name, value] : res.headers) {
        has_cache = has_cache || name == "Cache-Control";
        out.insert(name, value);
    }
    if (!has_cache) out.set(bhttp::field::cache_control, "no-store");
    out.keep_alive(keep_alive);
    if (res.gzip) out.set(bhttp::field::vary, "Accept-Encoding");
    if (res.gzip && accepts_gzip) {
        out.set(bhttp::field::content_encoding, "gzip");
        res.body = *res.gzip;
    } else if (res.kept_body) {
        res.body = *res.kept_body;
    }
    out.body() = std::move(res.body);
    out.prepare_payload();
    if (head) out.body().clear();
    return out;
}

// The client's address: the peer, or — when the peer is a trusted proxy — the last address the
// proxy appended to X-Forwarded-For.
std::string ClientAddress(const ServerState& st, const std::string& peer, const std::string& forwarded_for) {
    if (st.config.trusted_proxy.empty() || forwarded_for.empty()) return peer;
    boost::system::error_code ec;
    const auto peer_address = asio::ip::make_address(peer, ec);
    if (ec) return peer;
    bool trusted = false;
    if (peer_address.is_v4()) {
        const auto net = asio::ip::make_network_v4(st.config.trusted_proxy, ec);
        trusted = !ec && (net.canonical() == asio::ip::make_network_v4(peer_address.to_v4(), net.prefix_length()).canonical());
    } else {
        const auto net = asio::ip::make_network_v6(st.config.trusted_proxy, ec);
        trusted = !ec && (net.canonical() == asio::ip::make_network_v6(peer_address.to_v6(), net.prefix_length()).canonical());
    }
    if (!trusted) return peer;
    std::string last = forwarded_for.substr(forwarded_for.rfind(',') == std::string::npos ? 0 : forwarded_for.rfind(',') + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    while (!last.empty() && last.back() == ' ') last.pop_back();
    asio::ip::make_address(last, ec);
    return ec ? peer : last;
}

// A request the parser refused (issue 11, item 14): conflicting or malformed framing (CL and TE
// together, a Transfer-Encoding that is not chunked, two Content-Lengths, a negative one, a bad
// chunk size, obs-fold) answers 400 and a header block over the limit 431; then the connection
// closes, because where the next request starts can no longer be trusted. A client that left
// (end of stream, timeout, reset) gets nothing.
std::optional<Response> MalformedRequest(const boost::system::error_code& ec) {
    if (ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category()) return std::nullopt;
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == bhttp::error::short_read)
        return std::nullopt;
    if (ec == bhttp::error::header_limit) return ErrorResponse(431, "headers_too_large", "请求头过大");
    return ErrorResponse(400, "bad_request", "请求格式无效");
}

// The only transfer coding lingyan reads is one "chunked"; Beast passes others ("xchunked",
// "gzip", "chunked, identity") on as if the body were framed by Content-Length.
bool OnlyChunkedTransferEncoding(const bhttp::request_parser<bhttp::string_body>::value_type& header) {
    auto [first, last] = header.equal_range(bhttp::field::transfer_encoding);
    if (first == last) return true;
    if (std::next(first) != last) return false;
    std::string value(first->value());
    for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
    return value == "chunked";
}

asio::awaitable<void> RefuseAndClose(beast::tcp_stream& stream, Response res) {
    auto out = ToBeast(std::move(res), 11, false, false, false);
    co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

asio::awaitable<void> DoSession(beast::tcp_stream stream, ServerState* st) {
    ActiveSession guard(st);
    beast::flat_buffer buffer;
    std::string remote;
    {
        boost::system::error_code ec;
        auto ep = stream.socket().remote_endpoint(ec);
        if (!ec) remote = ep.address().to_string();
    }
    while (!st->stopping) {
        stream.expires_after(30s);
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(16 * 1024);
        parser.body_limit(Router::kUploadBodyLimit);  // the route's own limit is applied below
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (auto refusal = MalformedRequest(ec)) {
                st->metrics.Observe("malformed", refusal->status, 0);
                co_await RefuseAndClose(stream, std::move(*refusal));
            }
            break;  // otherwise end_of_stream, timeout, reset: the client is gone
        }
        if (!OnlyChunkedTransferEncoding(parser.get())) {
            st->metrics.Observe("malformed", 400, 0);
            co_await RefuseAndClose(stream, ErrorResponse(400, "bad_request", "不支持的 Transfer-Encoding"));
            break;
        }
        auto started = std::chrono::steady_clock::now();
        std::string target(parser.get().target());
        std::string method(parser.get().method_string());
        auto qpos = target.find('?');
        std::string path = target.substr(0, qpos);
        RouteMatch match = st->router.Resolve(method, path);
        std::size_t limit = match.body_limit;
        auto declared = parser.content_length();
        boost::system::error_code ec2;
        const bool is_upload = match.upload;
        std::optional<UploadSlot> upload_slot;
        std::optional<Response> upload_refused;
        if (is_upload) upload_refused = RefuseUpload(st, parser.get(), target, match, upload_slot);
        if (upload_refused) {
            ec2 = asio::error::no_buffer_space;  // answered below, the body unread
        } else if (!declared || *declared <= limit) {
            parser.body_limit(limit);
            auto [ec_body, n2] = co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            ec2 = ec_body;
        } else {
            ec2 = bhttp::error::body_limit;
        }
        Response res;
        bool close_after = false;
        Request req;
        st->in_flight++;
        req.method = method;
        req.path = path;
        if (ec2 == bhttp::error::body_limit) {
            res = ErrorResponse(413, "too_large", "请求体过大");
            close_after = true;
        } else if (upload_refused) {
            res = std::move(*upload_refused);
            close_after = true;
        } else if (ec2) {
            st->in_flight--;
            if (auto refusal = MalformedRequest(ec2)) {
                st->metrics.Observe("malformed", refusal->status, 0);
                co_await RefuseAndClose(stream, std::move(*refusal));
            }
            break;
        } else if (match.label == kLiveRoute && ws::WantsLive(parser.get())) {
            auto id = PathId(Request{.params = match.params}, 0);
            if (id) {
                st->in_flight--;
                st->metrics.Observe(match.label, 101, 0);
                co_await ws::ServeLive(std::move(stream), parser.release(), *id, st->services, st->workers);
                co_return;  // the connection belongs to the live session now
            }
            res = ErrorResponse(id.error());
        } else {
            auto& breq = parser.get();
            req.remote = remote;
            for (const auto& field : breq) {
                std::string name(field.name_string());
                for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                req.headers[name] = std::string(field.value());
            }
            req.body = std::move(breq.body());
            req.remote = ClientAddress(*st, remote, req.Header("x-forwarded-for"));
            if (qpos != std::string::npos && !ParseQuery(std::string_view(target).substr(qpos + 1), req.query)) {
                res = ErrorResponse(400, "bad_request", "查询参数编码无效（需要 UTF-8）");
            } else if (!ValidUtf8(req.path)) {
                res = ErrorResponse(400, "bad_request", "路径编码无效");
            } else if (is_upload) {
                res = co_await asio::co_spawn(st->uploads, HandleUpload(st, &req, &match), asio::use_awaitable);
            } else if (match.on_worker) {
                st->worker_queued++;
                res = co_await asio::co_spawn(st->workers, HandleOnWorker(st, &req, &match), asio::use_awaitable);
            } else {
                res = Handle(*st, req, match);
            }
        }
        st->in_flight--;
        upload_slot.reset();  // free before the answer goes out: the client may send its next upload at once
        bool keep_alive = !close_after && parser.get().keep_alive() && !st->stopping;
        int status = res.status;
        auto out = ToBeast(std::move(res), parser.get().version(), keep_alive, method == "HEAD",
                           AcceptsGzip(parser.get()[bhttp::field::accept_encoding]));
        const std::size_t bytes = out.body().size();
        auto [ec3, n3] = co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const std::string route =
            match.label.empty() ? (path.starts_with("/api/") ? "unmatched" : "static") : match.label;
        st->metrics.Observe(route, status, seconds);
        if (st->config.access_log)
            LogAccess(AccessRecord{req.remote.empty() ? remote : req.remote, method, target.substr(0, 200), route,
                                   req.user ? req.user->actor.username : "", status, seconds * 1000, bytes});
        if (ec3) break;
        if (close_after) {
            // Lingering close: the client may still be sending the refused body; drain it briefly
            // so that it reads our response instead of a connection reset.
            boost::system::error_code ignored;
            stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            stream.expires_after(2s);
            std::vector<char> scratch(64 * 1024);
            while (true) {
                auto [ec4, n4] = co_await stream.async_read_some(asio::buffer(scratch), asio::as_tuple(asio::use_awaitable));
                if (ec4) break;
            }
            co_return;
        }
        if (!keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor, ServerState* st) {
    auto executor = co_await asio::this_coro::executor;
    while (true) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        asio::co_spawn(executor, DoSession(beast::tcp_stream(std::move(socket)), st), asio::detached);
    }
}

}  // namespace

void RunServer(const ServerConfig& config, Services& services) {
    ServerState st{config, services, BuildRouter(services), {}, {}};
    services.metrics_text = [&st, &services] {
        return st.metrics.Text() + GaugesText(st) +
               (services.settings.extra_metrics ? services.settings.extra_metrics() : std::string());
    };
    // A closed stdout or log pipe must not kill the server; failed writes are reported as errors.
    std::signal(SIGPIPE, SIG_IGN);
    int threads = std::max(1, config.threads);
    asio::io_context ioc(threads);
    tcp::endpoint endpoint(asio::ip::make_address(config.bind), config.port);
    tcp::acceptor acceptor(ioc);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    if (boost::system::error_code ec; acceptor.bind(endpoint, ec))
        throw std::runtime_error(fmt::format("无法监听 {}:{}（{}）", config.bind, config.port, ec.message()));
    acceptor.listen(asio::socket_base::max_listen_connections);
    unsigned short port = acceptor.local_endpoint().port();

    asio::steady_timer grace(ioc);
    auto stop = [&] {
        if (st.stopping.exchange(true)) return;
        spdlog::info("正在关闭服务（等待进行中的请求完成）…");
        boost::system::error_code ec;
        acceptor.close(ec);
        if (st.active == 0) {
            ioc.stop();
            return;
        }
        grace.expires_after(3s);
        grace.async_wait([&ioc](boost::system::error_code) { ioc.stop(); });
    };
    st.on_idle = [&ioc] { asio::post(ioc, [&ioc] { ioc.stop(); }); };
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec) stop();
    });
    {
        std::lock_guard lock(g_stop_mutex);
        g_stop[&ioc] = [&ioc, &stop] { asio::post(ioc, stop); };
    }
    asio::co_spawn(ioc, Listen(acceptor, &st), asio::detached);
    spdlog::info("lingyan 正在监听 http://{}:{}/", config.bind, port);
    if (config.on_listening) config.on_listening(port);

    // An exception out of a handler must not end the server: log it and keep the thread serving.
    auto run = [&ioc] {
        for (;;) {
            try {
                ioc.run();
                return;
            } catch (const std::exception& e) {
                spdlog::error("I/O 线程上未处理的异常（已继续服务）: {}", e.what());
            }
        }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(run);
    run();
    for (auto& t : pool) t.join();
    // Before the I/O context goes: no worker may post into it, and no live screen may outlive it.
    st.workers.stop();
    st.workers.join();
    st.uploads.stop();
    st.uploads.join();
    if (services.live) services.live->CloseAll();
    {
        std::lock_guard lock(g_stop_mutex);
        g_stop.erase(&ioc);
    }
    services.metrics_text = nullptr;
    spdlog::info("lingyan 已停止");
}

void RequestStop() {
    std::lock_guard lock(g_stop_mutex);
    for (auto& [server, stop] : g_stop) stop();
}

}  // namespace lingyan::http
