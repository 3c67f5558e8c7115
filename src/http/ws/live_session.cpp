#include "http/ws/live_session.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <charconv>
#include <deque>

#include "http/routes/routes.hpp"
#include "http/ws/live_hub.hpp"

namespace lingyan::http::ws {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A fixed kernel send buffer per screen (no autotuning up to megabytes): with thousands of screens
// the memory stays bounded, and a screen that stops reading fills its queue — and is dropped —
// after a few dozen messages instead of after megabytes.
constexpr int kSendBufferBytes = 64 * 1024;
// What a watcher may send us in one frame (it has nothing to say but pings and close).
constexpr std::uint64_t kMaxClientPayload = 4096;

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

// Sec-WebSocket-Accept = base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2).
std::string AcceptKey(std::string_view key) {
    const std::string input = std::string(key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
    unsigned char out[64];
    const int n = EVP_EncodeBlock(out, digest, SHA_DIGEST_LENGTH);
    return std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
}

std::shared_ptr<const Frame> ControlFrame(unsigned char opcode, std::string_view payload) {
    auto f = std::make_shared<Frame>();
    f->seq = -1;
    f->ws.push_back(static_cast<char>(0x80 | opcode));
    f->ws.push_back(static_cast<char>(payload.size()));
    f->ws.append(payload);
    return f;
}

// An I/O thread's share of the screens: a strand that owns its connections.
class StrandShard final : public Shard {
public:
    explicit StrandShard(asio::any_io_executor executor) : strand_(asio::make_strand(executor)) {}
    void Post(std::function<void()> task) override { asio::post(strand_, std::move(task)); }
    asio::strand<asio::any_io_executor>& strand() { return strand_; }

private:
    asio::strand<asio::any_io_executor> strand_;
};

// One screen: a WebSocket (framed here: the shared frames are written as they are) or an event
// stream. Every method runs on its shard's strand.
class LiveConnection final : public Watcher, public std::enable_shared_from_this<LiveConnection> {
public:
    LiveConnection(tcp::socket socket, bool websocket, LiveHub& hub, std::shared_ptr<StrandShard> shard,
                   std::int64_t contest_id)
        : socket_(std::move(socket)),
          websocket_(websocket),
          hub_(hub),
          shard_(std::move(shard)),
          contest_id_(contest_id) {}

    // Writes the handshake (or the event stream's head), registers with the hub, then reads until
    // the client goes away. A static member with the owner passed by value: the frame keeps it alive.
    static asio::awaitable<void> Run(std::shared_ptr<LiveConnection> self, std::string head,
                                     std::optional<std::int64_t> after) {
        co_await self->Serve(self, std::move(head), after);
    }

    bool Send(const std::shared_ptr<const Frame>& frame) override {
        if (closed_) return false;
        if (queue_.size() >= hub_.max_queued_frames()) {
            // Too slow: drop this screen rather than hold frames (or anyone) for it.
            hub_.CountDrop();
            Drop();
            return false;
        }
        queue_.push_back(frame);
        if (!writing_) WriteSome();
        return !closed_;
    }

    void Close() override { Drop(); }

private:
    asio::awaitable<void> Serve(std::shared_ptr<LiveConnection> self, std::string head,
                                std::optional<std::int64_t> after) {
        auto [ec, n] = co_await asio::async_write(socket_, asio::buffer(head), asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        boost::system::error_code ignored;
        socket_.non_blocking(true, ignored);
        if (!hub_.Attach(contest_id_, after, self, shard_)) co_return;
        beast::flat_buffer buffer;
        while (!closed_) {
            auto [read_ec, got] =
                co_await socket_.async_read_some(buffer.prepare(8192), asio::as_tuple(asio::use_awaitable));
            if (read_ec) break;
            buffer.commit(got);
            if (websocket_ && !OnClientBytes(buffer)) break;
            if (!websocket_) buffer.consume(buffer.size());
        }
        Drop();
    }

    // Parses the client's (masked) frames: answers a ping with a pong and a close with a close.
    // False when the connection should end.
    bool OnClientBytes(beast::flat_buffer& buffer) {
        while (true) {
            const auto* p = static_cast<const unsigned char*>(buffer.data().data());
            const std::size_t size = buffer.size();
            if (size < 2) return true;
            const unsigned opcode = p[0] & 0x0f;
            const bool masked = p[1] & 0x80;
            std::uint64_t len = p[1] & 0x7f;
            std::size_t head = 2;
            if (len == 126) {
                if (size < 4) return true;
                len = (std::uint64_t{p[2]} << 8) | p[3];
                head = 4;
            } else if (len == 127) {
                if (size < 10) return true;
                len = 0;
                for (int b = 0; b < 8; ++b) len = (len << 8) | p[2 + b];
                head = 10;
            }
            if (!masked || len > kMaxClientPayload) return false;  // RFC 6455: clients mask every frame
            if (size < head + 4 + len) return true;
            std::string payload(reinterpret_cast<const char*>(p + head + 4), static_cast<std::size_t>(len));
            for (std::size_t idx = 0; idx < payload.size(); ++idx) payload[idx] ^= static_cast<char>(p[head + idx % 4]);
            buffer.consume(head + 4 + static_cast<std::size_t>(len));
            if (opcode == 0x8) {  // close: answer and finish
                Send(ControlFrame(0x8, payload.substr(0, std::min<std::size_t>(payload.size(), 2))));
                closing_ = true;
                return true;
            }
            if (opcode == 0x9 && len <= 125) Send(ControlFrame(0xA, payload));  // ping → pong
        }
    }

    const std::string& Bytes(const Frame& f) const { return websocket_ || f.seq < 0 ? f.ws : f.sse; }

    // Writes what the socket takes now (no handler, no copy: most frames go out in this one call);
    // the rest continues asynchronously.
    void WriteSome() {
        while (!queue_.empty() && !closed_) {
            const std::string& bytes = Bytes(*queue_.front());
            boost::system::error_code ec;
            const std::size_t n = socket_.write_some(asio::buffer(bytes.data() + offset_, bytes.size() - offset_), ec);
            if (ec == asio::error::would_block || ec == asio::error::try_again) break;
            if (ec) {
                Drop();
                return;
            }
            offset_ += n;
            if (offset_ < bytes.size()) break;
            offset_ = 0;
            queue_.pop_front();
        }
        if (queue_.empty()) {
            if (closing_) Drop();
            return;
        }
        if (closed_) return;
        writing_ = true;
        socket_.async_wait(tcp::socket::wait_write, [self = shared_from_this()](const boost::system::error_code& ec) {
            self->writing_ = false;
            if (ec) {
                self->Drop();
                return;
            }
            self->WriteSome();
        });
    }

    void Drop() {
        if (closed_) return;
        closed_ = true;
        queue_.clear();
        shard_->Remove(contest_id_, this);
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

    tcp::socket socket_;
    bool websocket_;
    LiveHub& hub_;
    std::shared_ptr<StrandShard> shard_;
    std::int64_t contest_id_;
    std::deque<std::shared_ptr<const Frame>> queue_;
    std::size_t offset_ = 0;  // bytes of the queue's front already written
    bool writing_ = false;    // waiting for the socket to take more
    bool closing_ = false;    // the client closed: finish after the close frame
    bool closed_ = false;
};

// Runs the access check on a worker: it may read a session from the database. True iff the
// caller may watch (co_spawn needs a default-constructible result).
asio::awaitable<bool> CheckAccess(Services* services, std::int64_t contest_id, std::string session,
                                  std::string device) {
    std::optional<core::auth::Actor> actor;
    if (!session.empty()) {
        if (auto user = services->auth.Authenticate(session); user && !user->must_change_password) actor = user->actor;
    }
    co_return services->arena.CheckWatch(contest_id, actor, device).ok();
}

asio::awaitable<void> Refuse(beast::tcp_stream& stream, unsigned version, bhttp::status status, std::string body) {
    bhttp::response<bhttp::string_body> res{status, version};
    res.set(bhttp::field::server, "lingyan");
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.set(bhttp::field::cache_control, "no-store");
    res.body() = std::move(body);
    res.keep_alive(false);
    res.prepare_payload();
    co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace

bool WantsLive(const LiveRequest& req) {
    if (beast::websocket::is_upgrade(req)) return true;
    return std::string_view(req[bhttp::field::accept]).find("text/event-stream") != std::string_view::npos;
}

asio::awaitable<void> ServeLive(beast::tcp_stream stream, LiveRequest req, std::int64_t contest_id, Services& services,
                                asio::thread_pool& workers) {
    const bool websocket = beast::websocket::is_upgrade(req);
    const std::string key(req["Sec-WebSocket-Key"]);
    if (websocket && (req["Sec-WebSocket-Version"] != "13" || key.size() != 24)) {
        co_await Refuse(stream, req.version(), bhttp::status::bad_request,
                        R"({"error":{"code":"bad_request","message":"WebSocket 握手无效（需要版本 13）"}})");
        co_return;
    }
    const auto after = AfterOf(req);
    const bool allowed =
        co_await asio::co_spawn(workers,
                                CheckAccess(&services, contest_id, CookieOf(req, "lingyan_session"),
                                            CookieOf(req, "lingyan_judge_" + std::to_string(contest_id))),
                                asio::use_awaitable);
    if (!allowed || !services.live) {
        co_await Refuse(stream, req.version(), bhttp::status::not_found,
                        R"({"error":{"code":"not_found","message":"擂台赛不存在或不在您的管辖范围内"}})");
        co_return;
    }
    // The connection moves to a shard: a strand per I/O thread that owns its screens, so that one
    // message is written to each shard's screens by one task, on both threads at once.
    auto executor = stream.get_executor();
    auto shard = std::static_pointer_cast<StrandShard>(services.live->NextShard([&] {
        std::vector<std::shared_ptr<Shard>> shards;
        for (int idx = 0; idx < 2; ++idx) shards.push_back(std::make_shared<StrandShard>(executor));
        return shards;
    }));
    stream.expires_never();
    tcp::socket original = stream.release_socket();
    boost::system::error_code ec;
    const auto protocol = original.local_endpoint(ec).protocol();
    if (ec) co_return;
    tcp::socket socket(shard->strand());
    socket.assign(protocol, original.release(), ec);
    if (ec) co_return;
    socket.set_option(asio::socket_base::send_buffer_size(kSendBufferBytes), ec);
    socket.set_option(asio::socket_base::keep_alive(true), ec);
    std::string head;
    if (websocket) {
        head =
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
            AcceptKey(key) + "\r\nServer: lingyan\r\n\r\n";
    } else {
        head =
            "HTTP/1.1 200 OK\r\nServer: lingyan\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
            "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\nX-Content-Type-Options: nosniff\r\n"
            "Connection: close\r\n\r\nretry: 2000\n\n";
    }
    auto connection = std::make_shared<LiveConnection>(std::move(socket), websocket, *services.live, shard, contest_id);
    asio::co_spawn(shard->strand(), LiveConnection::Run(std::move(connection), std::move(head), after), asio::detached);
}

}  // namespace lingyan::http::ws
