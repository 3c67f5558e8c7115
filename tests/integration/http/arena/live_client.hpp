#pragma once
// Test helpers for live contests: a WebSocket watcher that collects the messages of
// GET /api/v1/contests/{id}/live on a thread of its own, and a judge's phone (device cookie and
// CSRF token from the join).

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "integration/test_server.hpp"

namespace lingyan::testing {

class Watcher {
public:
    // Connects and upgrades; `query` like "?after=12" or "".
    Watcher(unsigned short port, std::int64_t contest, const std::string& query = "", const std::string& cookie = "")
        : ws_(ioc_) {
        namespace beast = boost::beast;
        boost::asio::ip::tcp::resolver resolver(ioc_);
        boost::asio::connect(ws_.next_layer(), resolver.resolve("127.0.0.1", std::to_string(port)));
        if (!cookie.empty())
            ws_.set_option(beast::websocket::stream_base::decorator(
                [cookie](beast::websocket::request_type& req) { req.set(beast::http::field::cookie, cookie); }));
        ws_.handshake("127.0.0.1", "/api/v1/contests/" + std::to_string(contest) + "/live" + query);
        reader_ = std::thread([this] { Read(); });
    }
    ~Watcher() { Close(); }

    void Close() {
        if (!reader_.joinable()) return;
        boost::system::error_code ec;
        ws_.next_layer().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
        reader_.join();
        ws_.next_layer().close(ec);
    }

    // The next message, or nullopt after `timeout`.
    std::optional<boost::json::object> Next(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, timeout, [&] { return !messages_.empty(); })) return std::nullopt;
        auto text = std::move(messages_.front());
        messages_.pop_front();
        last_text_ = text;
        return boost::json::parse(text).as_object();
    }
    // The next message whose seq is `seq` (fails the test on a gap or timeout).
    boost::json::object Expect(std::int64_t seq) {
        auto m = Next();
        EXPECT_TRUE(m.has_value()) << "no message " << seq;
        if (!m) return {};
        EXPECT_EQ(m->at("seq").as_int64(), seq);
        return *m;
    }
    bool Closed() {
        std::lock_guard lock(mutex_);
        return closed_;
    }
    std::size_t Pending() {
        std::lock_guard lock(mutex_);
        return messages_.size();
    }
    const std::string& last_text() const { return last_text_; }

private:
    void Read() {
        while (true) {
            boost::beast::flat_buffer buffer;
            boost::system::error_code ec;
            ws_.read(buffer, ec);
            std::lock_guard lock(mutex_);
            if (ec) {
                closed_ = true;
                cv_.notify_all();
                return;
            }
            messages_.push_back(boost::beast::buffers_to_string(buffer.data()));
            cv_.notify_all();
        }
    }

    boost::asio::io_context ioc_;
    boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::string> messages_;
    bool closed_ = false;
    std::string last_text_;
};

// A judge's phone: joins with a link token, then scores with its device cookie and CSRF token.
struct Phone {
    unsigned short port = 0;
    std::int64_t contest = 0;
    std::string cookie, csrf;

    HttpResult Join(const std::string& token) {
        auto r = HttpRequest(port, "POST", Path("/judge/join"),
                             boost::json::serialize(boost::json::object{{"token", token}}),
                             {{"Content-Type", "application/json"}, {"Cookie", cookie}});
        if (r.status == 200) {
            const std::string set = r.headers["set-cookie"];
            if (!set.empty()) cookie = set.substr(0, set.find(';'));
            csrf = std::string(boost::json::parse(r.body).at("csrf_token").as_string());
        }
        return r;
    }
    HttpResult View() { return HttpRequest(port, "GET", Path("/judge"), "", {{"Cookie", cookie}}); }
    HttpResult Score(std::int64_t contestant, double statement, double defence, const std::string& key) {
        boost::json::object body{{"contestant_id", contestant},
                                 {"values", boost::json::object{{"statement", statement}, {"defence", defence}}},
                                 {"key", key}};
        return HttpRequest(port, "POST", Path("/judge/scores"), boost::json::serialize(body),
                           {{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}});
    }
    std::string Path(const std::string& rest) const { return "/api/v1/contests/" + std::to_string(contest) + rest; }
};

}  // namespace lingyan::testing
