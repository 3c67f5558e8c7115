// gzip for responses: which Accept-Encoding values allow it, the compressed bytes inflate to the
// body, static text files are compressed once per version, and a kept leaderboard page is sent
// compressed to a client that accepts gzip and plain to one that does not.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "http/server/compress.hpp"
#include "http/server/static_files.hpp"
#include "integration/http/points/points_fixture.hpp"

namespace lingyan::testing {
namespace {

namespace fs = std::filesystem;

// Inflates a gzip member (zlib); throws on anything that is not one.
std::string Gunzip(const std::string& gz) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    std::string out;
    char buf[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("not a whole gzip member");
    return out;
}

TEST(AcceptsGzip, FollowsTheCodingsAndTheirQValues) {
    EXPECT_TRUE(http::AcceptsGzip("gzip"));
    EXPECT_TRUE(http::AcceptsGzip("gzip, deflate, br, zstd"));  // what Chromium sends
    EXPECT_TRUE(http::AcceptsGzip("deflate, GZIP;q=0.5"));
    EXPECT_TRUE(http::AcceptsGzip("*"));
    EXPECT_TRUE(http::AcceptsGzip("x-gzip"));
    EXPECT_FALSE(http::AcceptsGzip(""));
    EXPECT_FALSE(http::AcceptsGzip("identity"));
    EXPECT_FALSE(http::AcceptsGzip("br, deflate"));
    EXPECT_FALSE(http::AcceptsGzip("gzip;q=0"));
    EXPECT_FALSE(http::AcceptsGzip("*, gzip;q=0"));  // an explicit refusal wins over the wildcard
    EXPECT_FALSE(http::AcceptsGzip("*;q=0"));
    EXPECT_FALSE(http::AcceptsGzip("gzip;q=abc"));  // a malformed q-value counts as 0
    EXPECT_FALSE(http::AcceptsGzip("gzipx"));
}

TEST(Gzip, InflatesToTheSameBytesAndShrinksText) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += R"({"rank":)" + std::to_string(i) + R"(,"name":"党员","unit":"灵湖村"},)";
    const std::string gz = http::Gzip(text);
    EXPECT_EQ(Gunzip(gz), text);
    EXPECT_LT(gz.size() * 5, text.size());
    EXPECT_EQ(Gunzip(http::Gzip("")), "");
}

class StaticGzip : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("lingyan_static_gzip_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(root_ / "assets");
        Write("index.html", "<!doctype html><title>领雁</title>" + std::string(2000, ' ') + "<div id=app></div>");
    }
    void TearDown() override { fs::remove_all(root_); }
    void Write(const std::string& rel, const std::string& text) {
        std::ofstream(root_ / rel, std::ios::binary) << text;
    }
    fs::path root_;
};

TEST_F(StaticGzip, TextFilesCarryTheirGzipAndAChangedFileIsCompressedAgain) {
    const std::string script(4000, 'a');
    Write("assets/app.js", "const x = '" + script + "';");
    auto res = http::ServeStatic(root_.string(), "/assets/app.js");
    ASSERT_EQ(res.status, 200);
    ASSERT_TRUE(res.gzip);
    EXPECT_EQ(Gunzip(*res.gzip), res.body);
    EXPECT_EQ(http::ServeStatic(root_.string(), "/assets/app.js").gzip, res.gzip);  // kept, not compressed again

    // A new version of the file (other size and time) gets its own gzip.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Write("assets/app.js", "const y = '" + script + script + "';");
    auto changed = http::ServeStatic(root_.string(), "/assets/app.js");
    ASSERT_TRUE(changed.gzip);
    EXPECT_EQ(Gunzip(*changed.gzip), changed.body);
    EXPECT_NE(changed.body, res.body);

    // The app's page for a client-side route is compressed too.
    auto page = http::ServeStatic(root_.string(), "/points/leaderboard");
    ASSERT_TRUE(page.gzip);
    EXPECT_EQ(Gunzip(*page.gzip), page.body);
}

TEST_F(StaticGzip, SmallFilesAndImagesGoAsTheyAre) {
    Write("assets/tiny.css", "body{margin:0}");
    Write("assets/logo.png", std::string(5000, '\x89'));
    EXPECT_FALSE(http::ServeStatic(root_.string(), "/assets/tiny.css").gzip);
    auto png = http::ServeStatic(root_.string(), "/assets/logo.png");
    EXPECT_EQ(png.status, 200);
    EXPECT_FALSE(png.gzip);
}

class LeaderboardGzip : public PointsDemoTest {};

TEST_P(LeaderboardGzip, IsSentCompressedOnlyToClientsThatAcceptIt) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const std::string target = "/api/v1/points/leaderboard?top=200";
    auto plain = admin.Get(target);
    ASSERT_EQ(plain.status, 200) << plain.body;
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
    EXPECT_EQ(plain.headers["vary"], "Accept-Encoding");
    ASSERT_GT(boost::json::parse(plain.body).at("items").as_array().size(), 100u);

    auto zipped = admin.Send("GET", target, "", false, {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(zipped.status, 200);
    EXPECT_EQ(zipped.headers["content-encoding"], "gzip");
    EXPECT_EQ(zipped.headers["vary"], "Accept-Encoding");
    EXPECT_LT(zipped.body.size() * 4, plain.body.size());
    EXPECT_EQ(Gunzip(zipped.body), plain.body);

    auto refused = admin.Send("GET", target, "", false, {{"Accept-Encoding", "gzip;q=0, identity"}});
    EXPECT_EQ(refused.headers.count("content-encoding"), 0u);
    EXPECT_EQ(refused.body, plain.body);
}

INSTANTIATE_TEST_SUITE_P(Backends, LeaderboardGzip, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
