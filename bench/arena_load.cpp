// arena_load: the load generator of live contests. Opens N WebSocket watchers of one contest (or of
// a Node `ws` broadcast server, for comparison), triggers host actions one after another and
// measures, at each watcher, the time from the message's `sent_at_ms` (server clock) to its
// arrival (the same machine's clock): the send → receive latency distribution. Checks that every
// watcher receives every message in seq order (no loss). With --judges it also plays a contestant
// with seven judges (six phones by link, one judge account) and measures the judges' acknowledgement
// times while the watchers are connected.
//
//   arena_load --port P --contest ID --watchers N [--samples S] [--judges]        (lingyan)
//   arena_load --port P --watchers N --node [--samples S]                          (Node ws peer)
//
// One thread, epoll, non-blocking sockets; WebSocket framing by hand (server frames are unmasked;
// pings are answered). Prints one summary line per run and, with --json FILE, appends a JSON line.
// It never fails on time: the exit status is non-zero only when messages are lost or a step fails.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

double NowMs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double MonoMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Options {
    int port = 0;
    long contest = 1;
    int watchers = 100;
    int samples = 20;
    double interval_ms = 250;
    bool node = false;
    bool judges = false;
    bool verbose = false;
    int threads = 2;  // reading threads of the client
    // >0: the reading threads never sleep in epoll_wait but look every `poll_us` µs, so that a
    // message does not wake a client thread (on one machine the wake-up runs in the sender's
    // context and is charged to the server); 0: woken per readiness.
    int poll_us = 0;
    std::string user = "keqiao", password = "lingyan-demo", judge_user = "judge";
    std::string json_out;
    std::string sample_out;  // where to write one message's text (the Node peer replays it)
    std::string label;
};

// ---- blocking HTTP for the host's actions (one request per connection) ----------------------

struct HttpReply {
    int status = 0;
    std::string body;
    std::string set_cookie;
};

HttpReply Http(int port, const std::string& method, const std::string& path, const std::string& body,
               const std::vector<std::string>& headers) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& h : headers) req += h + "\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    for (std::size_t sent = 0; sent < req.size();) {
        ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buf[65536];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) raw.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    HttpReply r;
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos || raw.size() < 12) return r;
    r.status = std::atoi(raw.substr(9, 3).c_str());
    r.body = raw.substr(head_end + 4);
    auto pos = raw.find("Set-Cookie: ");
    if (pos != std::string::npos && pos < head_end) r.set_cookie = raw.substr(pos + 12, raw.find(';', pos) - pos - 12);
    return r;
}

// A crude field reader for the small JSON answers we need (no JSON library in the bench client).
std::string Field(const std::string& json, const std::string& name) {
    auto pos = json.find("\"" + name + "\":");
    if (pos == std::string::npos) return "";
    pos += name.size() + 3;
    if (json[pos] == '"') {
        auto end = json.find('"', pos + 1);
        return json.substr(pos + 1, end - pos - 1);
    }
    auto end = json.find_first_of(",}]", pos);
    return json.substr(pos, end - pos);
}

// ---- the watchers -------------------------------------------------------------------------

struct Conn {
    int fd = -1;
    bool upgraded = false;
    bool closed = false;
    std::string in;   // bytes not parsed yet
    std::string out;  // bytes to send (handshake, pongs)
    long long last_seq = -1;
    long long lost = 0;
    long long received = 0;
};

class Watchers {
public:
    Watchers(int port, std::string path, int n, int poll_us)
        : port_(port), path_(std::move(path)), conns_(static_cast<std::size_t>(n)), poll_us_(poll_us) {
        epfd_ = epoll_create1(0);
    }
    ~Watchers() {
        for (auto& c : conns_)
            if (c.fd >= 0) ::close(c.fd);
        ::close(epfd_);
    }

    // Connects and upgrades every watcher, at most `burst` handshakes in flight at once.
    void ConnectAll(int burst = 256) {
        std::size_t next = 0;
        const double deadline = MonoMs() + 120000;
        while (upgraded_ < conns_.size()) {
            while (next < conns_.size() && next - upgraded_ - failed_ < static_cast<std::size_t>(burst)) Open(next++);
            Poll(50);
            if (MonoMs() > deadline) throw std::runtime_error("watchers did not all connect");
            if (failed_ > 0) throw std::runtime_error(std::to_string(failed_) + " watchers failed to connect");
        }
    }

    // Polls until every watcher has a message with seq ≥ `seq` (or `timeout_ms`, or `abort`). Returns
    // whether all did.
    bool WaitFor(long long seq, double timeout_ms, const std::atomic<bool>* abort = nullptr) {
        const double deadline = MonoMs() + timeout_ms;
        while (MonoMs() < deadline && !(abort && *abort)) {
            if (AllAt(seq)) return true;
            Poll(5);
        }
        return AllAt(seq);
    }
    void PollOnce(int timeout_ms) { Poll(timeout_ms); }
    void Drain(double ms) {
        const double deadline = MonoMs() + ms;
        while (MonoMs() < deadline) Poll(5);
    }

    std::vector<double>& latencies() { return latencies_; }
    const std::vector<double>& latencies() const { return latencies_; }
    long long lost() const {
        long long n = 0;
        for (const auto& c : conns_) n += c.lost;
        return n;
    }
    std::size_t closed() const {
        std::size_t n = 0;
        for (const auto& c : conns_) n += c.closed;
        return n;
    }
    long long last_seq_min() const {
        long long m = -1;
        for (const auto& c : conns_) m = m < 0 ? c.last_seq : std::min(m, c.last_seq);
        return m;
    }
    std::string sample;  // the text of one message (to replay through the Node peer)

private:
    bool AllAt(long long seq) const {
        for (const auto& c : conns_)
            if (!c.closed && c.last_seq < seq) return false;
        return true;
    }

    void Open(std::size_t idx) {
        Conn& c = conns_[idx];
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (c.fd < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)) + " (ulimit -n?)");
        int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(c.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        static std::mt19937 rng(42);
        std::string key;
        static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 22; ++i) key += b64[rng() % 64];
        key += "==";
        c.out = "GET " + path_ +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: " +
                key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
        ev.data.u64 = idx;
        epoll_ctl(epfd_, EPOLL_CTL_ADD, c.fd, &ev);
    }

    void Poll(int timeout_ms) {
        epoll_event events[512];
        int n = epoll_wait(epfd_, events, 512, poll_us_ > 0 ? 0 : timeout_ms);
        if (n == 0 && poll_us_ > 0) {
            ::usleep(static_cast<useconds_t>(poll_us_));
            return;
        }
        for (int i = 0; i < n; ++i) {
            Conn& c = conns_[events[i].data.u64];
            if (c.closed) continue;
            if (events[i].events & EPOLLOUT) Flush(c);
            if (events[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) Read(c);
        }
    }

    void Flush(Conn& c) {
        while (!c.out.empty()) {
            ssize_t k = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
            if (k < 0) {
                if (errno == EAGAIN) return;
                Close(c);
                return;
            }
            c.out.erase(0, static_cast<std::size_t>(k));
        }
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP;
        ev.data.u64 = static_cast<std::uint64_t>(&c - conns_.data());
        epoll_ctl(epfd_, EPOLL_CTL_MOD, c.fd, &ev);
    }

    void Close(Conn& c) {
        if (c.closed) return;
        c.closed = true;
        if (!c.upgraded) ++failed_;
        epoll_ctl(epfd_, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        c.fd = -1;
    }

    void Read(Conn& c) {
        char buf[65536];
        while (true) {
            ssize_t k = ::recv(c.fd, buf, sizeof buf, 0);
            if (k == 0) {
                Close(c);
                return;
            }
            if (k < 0) {
                if (errno != EAGAIN) Close(c);
                break;
            }
            c.in.append(buf, static_cast<std::size_t>(k));
            if (static_cast<std::size_t>(k) < sizeof buf) break;
        }
        const double now = NowMs();
        if (!c.upgraded) {
            auto end = c.in.find("\r\n\r\n");
            if (end == std::string::npos) return;
            if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
                std::fprintf(stderr, "handshake refused: %s\n", c.in.substr(0, c.in.find("\r\n")).c_str());
                Close(c);
                return;
            }
            c.upgraded = true;
            ++upgraded_;
            c.in.erase(0, end + 4);
        }
        std::size_t pos = 0;
        while (c.in.size() - pos >= 2) {
            const auto* p = reinterpret_cast<const unsigned char*>(c.in.data() + pos);
            const int opcode = p[0] & 0x0f;
            std::uint64_t len = p[1] & 0x7f;
            std::size_t head = 2;
            if (len == 126) {
                if (c.in.size() - pos < 4) break;
                len = (static_cast<std::uint64_t>(p[2]) << 8) | p[3];
                head = 4;
            } else if (len == 127) {
                if (c.in.size() - pos < 10) break;
                len = 0;
                for (int b = 0; b < 8; ++b) len = (len << 8) | p[2 + b];
                head = 10;
            }
            if (c.in.size() - pos < head + len) break;
            const char* payload = c.in.data() + pos + head;
            if (opcode == 0x1) {
                OnMessage(c, payload, static_cast<std::size_t>(len), now);
            } else if (opcode == 0x9) {  // ping → pong (masked with a zero key)
                std::string pong = {static_cast<char>(0x8a), static_cast<char>(0x80 | len), 0, 0, 0, 0};
                pong.append(payload, static_cast<std::size_t>(len));
                c.out += pong;
                Flush(c);
            } else if (opcode == 0x8) {
                Close(c);
                return;
            }
            pos += head + len;
        }
        c.in.erase(0, pos);
    }

    void OnMessage(Conn& c, const char* text, std::size_t len, double now) {
        // The message starts {"seq":N,"sent_at_ms":T,…
        const char* seq_at = static_cast<const char*>(memmem(text, std::min<std::size_t>(len, 64), "\"seq\":", 6));
        const char* sent_at =
            static_cast<const char*>(memmem(text, std::min<std::size_t>(len, 96), "\"sent_at_ms\":", 13));
        if (!seq_at || !sent_at) return;
        const long long seq = std::strtoll(seq_at + 6, nullptr, 10);
        const double sent = std::strtod(sent_at + 13, nullptr);
        if (c.last_seq >= 0 && seq != c.last_seq + 1) c.lost += std::max(0LL, seq - c.last_seq - 1);
        const bool first = c.last_seq < 0;
        c.last_seq = seq;
        ++c.received;
        if (!first && measuring) latencies_.push_back(now - sent);
        if (sample.empty()) sample.assign(text, len);
    }

public:
    bool measuring = false;

private:
    int port_;
    std::string path_;
    std::vector<Conn> conns_;
    int epfd_ = -1;
    int poll_us_ = 0;
    std::size_t upgraded_ = 0, failed_ = 0;
    std::vector<double> latencies_;
};

// The watchers split over a few threads, each with its own epoll set (the reading side of the
// measurement should not be the bottleneck it measures).
class Fleet {
public:
    Fleet(int port, const std::string& path, int n, int threads, int poll_us) {
        threads = std::max(1, std::min(threads, n));
        for (int t = 0; t < threads; ++t)
            parts_.push_back(std::make_unique<Watchers>(port, path, n / threads + (t < n % threads), poll_us));
    }
    void ConnectAll() {
        for (auto& p : parts_) p->ConnectAll();
    }
    bool WaitFor(long long seq, double timeout_ms, const std::atomic<bool>* abort = nullptr) {
        std::atomic<bool> all{true};
        Parallel([&](Watchers& p) {
            if (!p.WaitFor(seq, timeout_ms, abort)) all = false;
        });
        return all;
    }
    void Drain(double ms) {
        Parallel([&](Watchers& p) { p.Drain(ms); });
    }
    void PollUntil(const std::atomic<bool>& done) {
        Parallel([&](Watchers& p) {
            while (!done) p.PollOnce(1);
        });
    }
    void SetMeasuring(bool on) {
        for (auto& p : parts_) p->measuring = on;
    }
    std::vector<double> latencies() const {
        std::vector<double> all;
        for (const auto& p : parts_) all.insert(all.end(), p->latencies().begin(), p->latencies().end());
        return all;
    }
    // Where each part's latencies end now, and the latencies recorded since such marks.
    std::vector<std::size_t> Marks() const {
        std::vector<std::size_t> marks;
        for (const auto& p : parts_) marks.push_back(p->latencies().size());
        return marks;
    }
    std::vector<double> Since(const std::vector<std::size_t>& marks) const {
        std::vector<double> out;
        for (std::size_t idx = 0; idx < parts_.size(); ++idx) {
            const auto& l = parts_[idx]->latencies();
            out.insert(out.end(), l.begin() + static_cast<std::ptrdiff_t>(marks[idx]), l.end());
        }
        return out;
    }
    long long lost() const {
        long long n = 0;
        for (const auto& p : parts_) n += p->lost();
        return n;
    }
    std::size_t closed() const {
        std::size_t n = 0;
        for (const auto& p : parts_) n += p->closed();
        return n;
    }
    const std::string& sample() const { return parts_.front()->sample; }

private:
    template <typename F>
    void Parallel(F f) {
        if (parts_.size() == 1) return f(*parts_.front());
        std::vector<std::thread> threads;
        for (auto& p : parts_) threads.emplace_back([&f, &p] { f(*p); });
        for (auto& t : threads) t.join();
    }
    std::vector<std::unique_ptr<Watchers>> parts_;
};

double Pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = std::ceil(p * static_cast<double>(v.size()));  // nearest-rank percentile
    const std::size_t idx = rank < 1 ? 0 : std::min(v.size() - 1, static_cast<std::size_t>(rank) - 1);
    return v[idx];
}

struct Host {
    int port;
    long contest;
    std::string cookie, csrf;
    HttpReply Post(const std::string& what, const std::string& body = "") {
        return Http(port, "POST", "/api/v1/contests/" + std::to_string(contest) + "/" + what, body,
                    {"Cookie: " + cookie, "X-CSRF-Token: " + csrf, "Content-Type: application/json"});
    }
};

Host Login(int port, long contest, const std::string& user, const std::string& password) {
    auto r = Http(port, "POST", "/api/v1/session", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                  {"Content-Type: application/json"});
    if (r.status != 200) throw std::runtime_error("login " + user + " failed: " + r.body);
    return Host{port, contest, r.set_cookie, Field(r.body, "csrf_token")};
}

void Usage() {
    std::fprintf(stderr,
                 "usage: arena_load --port P [--contest ID] [--watchers N] [--samples S] [--interval-ms MS] [--node] "
                 "[--threads K] [--poll-us US]\n"
                 "                  [--judges] [--json FILE] [--label TEXT] [--sample-out FILE]\n");
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&] {
            if (i + 1 >= argc) {
                Usage();
                std::exit(2);
            }
            return std::string(argv[++i]);
        };
        if (a == "--port")
            o.port = std::stoi(next());
        else if (a == "--contest")
            o.contest = std::stol(next());
        else if (a == "--watchers")
            o.watchers = std::stoi(next());
        else if (a == "--samples")
            o.samples = std::stoi(next());
        else if (a == "--interval-ms")
            o.interval_ms = std::stod(next());
        else if (a == "--node")
            o.node = true;
        else if (a == "--judges")
            o.judges = true;
        else if (a == "--verbose")
            o.verbose = true;
        else if (a == "--threads")
            o.threads = std::stoi(next());
        else if (a == "--poll-us")
            o.poll_us = std::stoi(next());
        else if (a == "--json")
            o.json_out = next();
        else if (a == "--label")
            o.label = next();
        else if (a == "--sample-out")
            o.sample_out = next();
        else {
            Usage();
            return 2;
        }
    }
    if (o.port == 0) {
        Usage();
        return 2;
    }
    try {
        std::optional<Host> host;
        long long seq = 0;
        std::string path = "/live";
        if (!o.node) {
            host = Login(o.port, o.contest, o.user, o.password);
            auto detail =
                Http(o.port, "GET", "/api/v1/contests/" + std::to_string(o.contest), "", {"Cookie: " + host->cookie});
            if (detail.status != 200)
                throw std::runtime_error("contest " + std::to_string(o.contest) + ": " + detail.body);
            seq = std::stoll(Field(detail.body, "seq"));
            path = "/api/v1/contests/" + std::to_string(o.contest) + "/live";
        }
        Fleet w(o.port, path + (o.node ? "" : "?after=" + std::to_string(seq - 1)), o.watchers, o.threads, o.poll_us);
        const double t0 = MonoMs();
        w.ConnectAll();
        const double connect_ms = MonoMs() - t0;
        if (!o.node && !w.WaitFor(seq, 10000)) throw std::runtime_error("watchers did not get the current state");
        w.Drain(200);
        // Samples: host actions one after another, each delivered to everyone before the next.
        w.SetMeasuring(true);
        std::vector<double> acks;
        bool timer_running = false;
        if (!o.node) {
            // The timer may be running from an earlier run; stop it first (unmeasured).
            auto d =
                Http(o.port, "GET", "/api/v1/contests/" + std::to_string(o.contest), "", {"Cookie: " + host->cookie});
            timer_running = d.body.find("\"running\":true") != std::string::npos;
            if (d.body.find("\"status\":\"ready\"") != std::string::npos) {
                w.SetMeasuring(false);
                auto r = host->Post("advance");
                if (r.status != 200) throw std::runtime_error("advance: " + r.body);
                seq = std::stoll(Field(r.body, "seq"));
                w.WaitFor(seq, 10000);
                w.SetMeasuring(true);
            }
        }
        // The trigger runs on a thread of its own while this one keeps reading the watchers: a
        // request that blocked the reader would add its own time to every delivery measured.
        auto trigger = [&](const std::function<HttpReply()>& call) {
            std::atomic<bool> done{false};
            HttpReply reply;
            std::thread request([&] {
                reply = call();
                done = true;
            });
            w.PollUntil(done);
            request.join();
            return reply;
        };
        for (int s = 0; s < o.samples; ++s) {
            const auto before = w.Marks();
            long long expect = 0;
            if (o.node) {
                auto r = trigger([&] { return Http(o.port, "POST", "/broadcast", "", {}); });
                if (r.status != 200) throw std::runtime_error("node broadcast: " + r.body);
                expect = std::stoll(r.body);
            } else {
                auto r = trigger([&] {
                    return host->Post("timer", timer_running ? R"({"action":"stop"})" : R"({"action":"start"})");
                });
                if (r.status != 200) throw std::runtime_error("timer: " + r.body);
                timer_running = !timer_running;
                expect = std::stoll(Field(r.body, "seq"));
            }
            if (!w.WaitFor(expect, 15000))
                std::fprintf(stderr, "sample %d: not every watcher got seq %lld\n", s, expect);
            if (o.verbose) {
                const auto one = w.Since(before);
                std::fprintf(stderr, "sample %d seq %lld: n=%zu min=%.2f p50=%.2f max=%.2f ms\n", s, expect, one.size(),
                             Pct(one, 0.0), Pct(one, 0.5), Pct(one, 1.0));
            }
            w.Drain(o.interval_ms);
        }
        if (o.judges && !o.node) {
            // One contestant with the whole panel: judges' acknowledgements under load.
            auto d =
                Http(o.port, "GET", "/api/v1/contests/" + std::to_string(o.contest), "", {"Cookie: " + host->cookie});
            auto r = trigger([&] { return host->Post("advance"); });
            if (r.status != 200) std::fprintf(stderr, "advance refused: %s\n", r.body.c_str());
            if (r.status == 200) {
                seq = std::stoll(Field(r.body, "seq"));
                w.WaitFor(seq, 15000);
                r = trigger([&] { return host->Post("open"); });
                seq = std::stoll(Field(r.body, "seq"));
                w.WaitFor(seq, 15000);
                const std::string current = Field(r.body.substr(r.body.find("\"current\":")), "id");
                // A fresh link per seat (unbinding the phones of an earlier run), then each phone joins.
                std::vector<std::string> seat_ids;
                const std::size_t list_at = d.body.find("\"seats_list\":[");
                for (std::size_t at = list_at; list_at != std::string::npos;) {
                    at = d.body.find("{\"id\":", at);
                    if (at == std::string::npos || at > d.body.find(']', list_at)) break;
                    at += 6;
                    seat_ids.push_back(d.body.substr(at, d.body.find(',', at) - at));
                }
                std::vector<std::pair<std::string, std::string>> phones;  // cookie, csrf
                for (const auto& seat : seat_ids) {
                    auto link = host->Post("seats/" + seat + "/link");
                    const std::string token = Field(link.body, "token");
                    auto j = Http(o.port, "POST", "/api/v1/contests/" + std::to_string(o.contest) + "/judge/join",
                                  "{\"token\":\"" + token + "\"}", {"Content-Type: application/json"});
                    if (j.status == 200)
                        phones.emplace_back(j.set_cookie, Field(j.body, "csrf_token"));
                    else
                        std::fprintf(stderr, "judge join refused: %s\n", j.body.c_str());
                }
                int key = 0;
                for (const auto& [cookie, csrf] : phones) {
                    const std::string body =
                        "{\"contestant_id\":" + current + ",\"values\":{\"statement\":" + std::to_string(30 + key) +
                        ",\"defence\":8},\"key\":\"bench-" + std::to_string(key) + "-" + current + "\"}";
                    ++key;
                    double ack_ms = 0;
                    auto s = trigger([&] {
                        const double a0 = MonoMs();
                        auto reply = Http(
                            o.port, "POST", "/api/v1/contests/" + std::to_string(o.contest) + "/judge/scores", body,
                            {"Content-Type: application/json", "Cookie: " + cookie, "X-CSRF-Token: " + csrf});
                        ack_ms = MonoMs() - a0;
                        return reply;
                    });
                    acks.push_back(ack_ms);
                    if (s.status == 200) {
                        seq = std::stoll(Field(s.body, "seq"));
                        w.WaitFor(seq, 15000);
                    }
                    w.Drain(o.interval_ms / 2);
                }
                for (const char* step : {"close", "reveal"}) {
                    r = trigger([&] { return host->Post(step); });
                    if (r.status == 200) {
                        seq = std::stoll(Field(r.body, "seq"));
                        w.WaitFor(seq, 15000);
                    }
                }
            }
        }
        w.Drain(300);
        const auto lat = w.latencies();
        const std::string who = o.label.empty() ? (o.node ? "node-ws" : "lingyan") : o.label;
        std::printf(
            "%-8s watchers=%-6d deliveries=%-8zu lost=%lld dropped=%zu connect=%.0fms  p50=%.1fms p90=%.1fms "
            "p99=%.1fms max=%.1fms",
            who.c_str(), o.watchers, lat.size(), w.lost(), w.closed(), connect_ms, Pct(lat, 0.5), Pct(lat, 0.9),
            Pct(lat, 0.99), Pct(lat, 1.0));
        if (!acks.empty())
            std::printf("  judge-ack p50=%.1fms p99=%.1fms (n=%zu)", Pct(acks, 0.5), Pct(acks, 0.99), acks.size());
        std::printf("  bytes/msg=%zu client-threads=%d poll-us=%d\n", w.sample().size(), o.threads, o.poll_us);
        std::fflush(stdout);
        if (!o.json_out.empty()) {
            std::ofstream out(o.json_out, std::ios::app);
            out << "{\"server\":\"" << who << "\",\"watchers\":" << o.watchers << ",\"deliveries\":" << lat.size()
                << ",\"lost\":" << w.lost() << ",\"dropped\":" << w.closed() << ",\"p50\":" << Pct(lat, 0.5)
                << ",\"p90\":" << Pct(lat, 0.9) << ",\"p99\":" << Pct(lat, 0.99) << ",\"max\":" << Pct(lat, 1.0)
                << ",\"judge_ack_p99\":" << (acks.empty() ? 0 : Pct(acks, 0.99)) << "}\n";
        }
        if (!o.sample_out.empty() && !w.sample().empty()) {
            std::ofstream sample(o.sample_out);
            sample << w.sample();
        }
        return w.lost() == 0 && w.closed() == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "arena_load: %s\n", e.what());
        return 1;
    }
}
