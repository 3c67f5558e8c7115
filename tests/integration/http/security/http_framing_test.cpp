// Requests whose framing is malformed or ambiguous (issue 11, finding 14): each answers 400 — a
// header block over the limit 431 — and the server closes the connection, so that no second
// request can be smuggled behind the first. The server is the same whatever the backend: SQLite.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <string>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace asio = boost::asio;

struct RawAnswer {
    int status = 0;         // of the first response, 0 when none came
    std::string text;       // everything the server sent before it closed
    bool closed = false;    // the server closed the connection within the timeout
};

// Sends `bytes` as they are and reads until the server closes (or 5 s pass).
RawAnswer SendRaw(unsigned short port, const std::string& bytes) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    asio::write(socket, asio::buffer(bytes));
    RawAnswer answer;
    timeval tv{5, 0};
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[4096];
    while (true) {
        const ssize_t got = ::recv(socket.native_handle(), buf, sizeof buf, 0);
        if (got == 0) {
            answer.closed = true;
            break;
        }
        if (got < 0) break;  // timeout: still open
        answer.text.append(buf, static_cast<std::size_t>(got));
    }
    if (answer.text.starts_with("HTTP/1.1 ")) answer.status = std::stoi(answer.text.substr(9, 3));
    return answer;
}

class HttpFramingTest : public ::testing::Test {
protected:
    void SetUp() override { server_ = std::make_unique<TestServer>(FreshDatabase("sqlite"), false); }
    unsigned short port() const { return server_->port(); }
    std::unique_ptr<TestServer> server_;
};

// The second request in each case would be smuggled if the first were framed the lenient way.
const std::string kSmuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

TEST_F(HttpFramingTest, ContentLengthWithTransferEncodingIsRefused) {
    auto a = SendRaw(port(), "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + kSmuggled);
    EXPECT_EQ(a.status, 400) << a.text;
    EXPECT_TRUE(a.closed);
    EXPECT_EQ(a.text.find("HTTP/1.1 200"), std::string::npos) << "a second request was served";
}

TEST_F(HttpFramingTest, ATransferEncodingThatIsNotChunkedIsRefused) {
    for (const char* te : {"xchunked", "chunked, identity", "gzip"}) {
        auto a = SendRaw(port(), std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ") + te +
                                     "\r\nContent-Length: 3\r\n\r\nabc");
        EXPECT_EQ(a.status, 400) << te << ": " << a.text;
        EXPECT_TRUE(a.closed) << te;
    }
}

TEST_F(HttpFramingTest, AnObsFoldedHeaderIsRefused) {
    auto a = SendRaw(port(), "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n"
                             "Content-Length: 3\r\n\r\nabc");
    EXPECT_EQ(a.status, 400) << a.text;
    EXPECT_TRUE(a.closed);
}

TEST_F(HttpFramingTest, TwoDifferentOrNegativeContentLengthsAreRefused) {
    for (const char* lengths : {"Content-Length: 3\r\nContent-Length: 4", "Content-Length: -1", "Content-Length: 3, 4",
                                "Content-Length: 0x10"}) {
        auto a = SendRaw(port(), std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\n") + lengths + "\r\n\r\nabcd");
        EXPECT_EQ(a.status, 400) << lengths << ": " << a.text;
        EXPECT_TRUE(a.closed) << lengths;
    }
}

TEST_F(HttpFramingTest, ABadChunkSizeIsRefused) {
    for (const char* chunk : {"zz\r\nabc\r\n0\r\n\r\n", "-3\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffff\r\nabc\r\n"}) {
        auto a = SendRaw(port(), std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n") + chunk);
        EXPECT_EQ(a.status, 400) << chunk << ": " << a.text;
        EXPECT_TRUE(a.closed) << chunk;
    }
}

TEST_F(HttpFramingTest, AHeaderBlockOverTheLimitAnswers431) {
    auto a = SendRaw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(20 * 1024, 'a') +
                                 "\r\n\r\n");
    EXPECT_EQ(a.status, 431) << a.text.substr(0, 200);
    EXPECT_TRUE(a.closed);
}

TEST_F(HttpFramingTest, AWellFormedChunkedRequestIsStillServed) {
    auto a = SendRaw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(a.status, 200) << a.text;
    const std::string body = R"({"username":"nobody","password":"x"})";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", body.size());
    auto b = SendRaw(port(), std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                         "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n") +
                                 size + "\r\n" + body + "\r\n0\r\n\r\n");
    EXPECT_EQ(b.status, 401) << b.text;  // parsed and answered: wrong credentials
}

}  // namespace
}  // namespace lingyan::testing
