#include "http/ws/live_session.hpp"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <charconv>
#include <deque>

#include "http/routes/routes.hpp"
#include "http/ws/live_hub.hpp"

namespace lingyan::http::ws {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

constexpr int kSendBufferBytes = 64 * 1024;

std::string CookieOf(const LiveRequest& req, const std::string& name) {
    Request r;
    r.headers["cookie"] = std::string(req[bhttp::field::cookie]);
    return r.Cookie(name);
}

std::optional<std::int64_t> AfterOf(const LiveRequest& req) {
    std::string_view target = req.target();
    auto q = target.find('?');
    std::string_view text;
    if (q != std::string_view::npos) {
        std::string_view qs = target.substr(q + 1);
        while (!qs.empty()) {
            auto amp = qs.find('&');
            std::string_view item = qs.substr(0, amp);
            if (item.starts_with("after=")) text = item.substr(6);
            qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
        }
    }
    if (text.empty()) text = req["Last-Event-ID"];
    if (text.empty()) return std::nullopt;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

// The queue and write chain shared by both transports. Everything runs on the connection's strand.
class LiveConnection : public Watcher, public std::enable_shared_from_this<LiveConnection> {
public:
    LiveConnection(LiveHub& hub, std::int64_t contest_id) : hub_(hub), contest_id_(contest_id) {}

    bool Deliver(const std::shared_ptr<const Frame>& frame) override {
        if (gone_) return false;
        asio::post(Executor(), [self = shared_from_this(), frame] { self->Enqueue(frame); });
        return true;
    }

    void Close() override {
        gone_ = true;
        asio::post(Executor(), [self = shared_from_this()] { self->Shutdown(); });
    }

protected:
    virtual asio::any_io_executor Executor() = 0;
    virtual void StartWrite(const Frame& frame) = 0;
    virtual void Shutdown() = 0;

    void Enqueue(const std::shared_ptr<const Frame>& frame) {
        if (closed_) return;
        if (queue_.size() >= hub_.max_queued_frames()) {
            // Too slow: drop this watcher rather than hold frames (or anyone) for it.
            hub_.CountDrop();
            Drop();
            return;
        }
        queue_.push_back(frame);
        if (!writing_) WriteNext();
    }

    void WriteNext() {
        writing_ = true;
        StartWrite(*queue_.front());
    }

    void OnWrite(const boost::system::error_code& ec) {
        writing_ = false;
        if (ec) {
            Drop();
            return;
        }
        if (!queue_.empty()) queue_.pop_front();
        if (!queue_.empty() && !closed_) WriteNext();
    }

    void Drop() {
        if (closed_) return;
        closed_ = true;
        gone_ = true;
        queue_.clear();
        hub_.Detach(contest_id_, this);
        Shutdown();
    }

    LiveHub& hub_;
    std::int64_t contest_id_;
    std::deque<std::shared_ptr<const Frame>> queue_;
    bool writing_ = false;
    bool closed_ = false;
    std::atomic<bool> gone_{false};
};

class WsConnection final : public LiveConnection {
public:
    WsConnection(tcp::socket socket, LiveHub& hub, std::int64_t contest_id)
        : LiveConnection(hub, contest_id), ws_(std::move(socket)) {}

    // A static member with the owner passed by value: the frame keeps the connection alive.
    static asio::awaitable<void> Run(std::shared_ptr<WsConnection> self, LiveRequest req,
                                     std::optional<std::int64_t> after) {
        co_await self->Serve(self, std::move(req), after);
    }

private:
    asio::awaitable<void> Serve(std::shared_ptr<WsConnection> self, LiveRequest req, std::optional<std::int64_t> after) {
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& res) { res.set(bhttp::field::server, "lingyan"); }));
        ws_.read_message_max(4096);
        auto [ec] = co_await ws_.async_accept(req, asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        if (auto attached = hub_.Attach(contest_id_, after, self); !attached) {
            co_await ws_.async_close(websocket::close_code::policy_error, asio::as_tuple(asio::use_awaitable));
            co_return;
        }
        beast::flat_buffer buffer;
        while (true) {
            auto [read_ec, n] = co_await ws_.async_read(buffer, asio::as_tuple(asio::use_awaitable));
            if (read_ec) break;  // closed by the client, dropped, timed out or the server stopped
            buffer.consume(buffer.size());  // watchers have nothing to say; pings are answered by Beast
        }
        Drop();
    }

    asio::any_io_executor Executor() override { return ws_.get_executor(); }
    void StartWrite(const Frame& frame) override {
        ws_.text(true);
        ws_.async_write(asio::buffer(frame.json),
                        [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                            static_cast<WsConnection*>(self.get())->OnWrite(ec);
                        });
    }
    void Shutdown() override {
        boost::system::error_code ignored;
        beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(ws_).socket().close(ignored);
    }

    websocket::stream<beast::tcp_stream> ws_;
};

class SseConnection final : public LiveConnection {
public:
    SseConnection(tcp::socket socket, LiveHub& hub, std::int64_t contest_id)
        : LiveConnection(hub, contest_id), stream_(std::move(socket)) {}

    static asio::awaitable<void> Run(std::shared_ptr<SseConnection> self, std::optional<std::int64_t> after) {
        co_await self->Serve(self, after);
    }

private:
    asio::awaitable<void> Serve(std::shared_ptr<SseConnection> self, std::optional<std::int64_t> after) {
        static const std::string kHead =
            "HTTP/1.1 200 OK\r\nServer: lingyan\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
            "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\nX-Content-Type-Options: nosniff\r\n"
            "Connection: close\r\n\r\nretry: 2000\n\n";
        // The head goes first and alone: the first frames are queued only after it is written.
        auto [ec, n] = co_await asio::async_write(stream_, asio::buffer(kHead), asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        if (!hub_.Attach(contest_id_, after, self)) co_return;
        char scratch[512];
        while (true) {
            auto [read_ec, got] =
                co_await stream_.async_read_some(asio::buffer(scratch), asio::as_tuple(asio::use_awaitable));
            if (read_ec) break;
        }
        Drop();
    }

    asio::any_io_executor Executor() override { return stream_.get_executor(); }
    void StartWrite(const Frame& frame) override {
        asio::async_write(stream_, asio::buffer(frame.sse),
                          [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                              static_cast<SseConnection*>(self.get())->OnWrite(ec);
                          });
    }
    void Shutdown() override {
        boost::system::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
};

// Runs the access check on a worker: it may read a session from the database.
// True iff the caller may watch (co_spawn needs a default-constructible result).
asio::awaitable<bool> CheckAccess(Services* services, std::int64_t contest_id, std::string session,
                                          std::string device) {
    std::optional<core::auth::Actor> actor;
    if (!session.empty()) {
        if (auto user = services->auth.Authenticate(session)) actor = user->actor;
    }
    co_return services->arena.CheckWatch(contest_id, actor, device).ok();
}

}  // namespace

bool WantsLive(const LiveRequest& req) {
    if (websocket::is_upgrade(req)) return true;
    return std::string_view(req[bhttp::field::accept]).find("text/event-stream") != std::string_view::npos;
}

asio::awaitable<void> ServeLive(beast::tcp_stream stream, LiveRequest req, std::int64_t contest_id,
                                Services& services, asio::thread_pool& workers) {
    const auto after = AfterOf(req);
    const bool allowed = co_await asio::co_spawn(
        workers,
        CheckAccess(&services, contest_id, CookieOf(req, "lingyan_session"),
                    CookieOf(req, "lingyan_judge_" + std::to_string(contest_id))),
        asio::use_awaitable);
    if (!allowed || !services.live) {
        bhttp::response<bhttp::string_body> res{bhttp::status::not_found, req.version()};
        res.set(bhttp::field::content_type, "application/json; charset=utf-8");
        res.set(bhttp::field::cache_control, "no-store");
        res.body() = R"({"error":{"code":"not_found","message":"擂台赛不存在或不在您的管辖范围内"}})";
        res.keep_alive(false);
        res.prepare_payload();
        co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        co_return;
    }
    // A strand of its own: the session's reads, queued writes and closes never run concurrently,
    // while different screens are written by both I/O threads.
    stream.expires_never();
    auto strand = asio::make_strand(stream.get_executor());
    tcp::socket original = stream.release_socket();
    boost::system::error_code ec;
    const auto protocol = original.local_endpoint(ec).protocol();
    if (ec) co_return;
    tcp::socket socket(strand);
    socket.assign(protocol, original.release(), ec);
    if (ec) co_return;
    // A fixed kernel send buffer per screen (no autotuning up to megabytes): with thousands of
    // screens the memory stays bounded, and a screen that stops reading fills its queue — and is
    // dropped — after a few dozen messages instead of after megabytes.
    socket.set_option(asio::socket_base::send_buffer_size(kSendBufferBytes), ec);
    if (websocket::is_upgrade(req)) {
        auto connection = std::make_shared<WsConnection>(std::move(socket), *services.live, contest_id);
        asio::co_spawn(strand, WsConnection::Run(std::move(connection), std::move(req), after), asio::detached);
    } else {
        auto connection = std::make_shared<SseConnection>(std::move(socket), *services.live, contest_id);
        asio::co_spawn(strand, SseConnection::Run(std::move(connection), after), asio::detached);
    }
}

}  // namespace lingyan::http::ws
