// Upload bombs (issue 11, findings 1 and 9): an upload is refused before its body is read when the
// caller has no session or already has one in progress; a caller without the right is refused
// before the file is parsed; a file whose cells repeat one huge text answers a short error.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "core/text/cell_text.hpp"
#include "integration/exchange/common/exchange_test_util.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace upload_limits_test {

namespace asio = boost::asio;
using exchange::testing::OneSheetPackage;
using exchange::testing::TempDir;
using exchange::testing::ZipBytes;

// Eight rows whose 单位编码 is one shared string of `chars` characters (not a valid code).
std::string UnitsBomb(std::size_t chars) {
    TempDir dir;
    const std::string shared = "<si><t>单位编码</t></si><si><t>单位名称</t></si><si><t>上级编码</t></si><si><t>类型</t></si>"
                               "<si><t>" + std::string(chars, '9') + "</t></si><si><t>村</t></si>";
    std::string rows = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>)";
    for (int r = 2; r <= 9; ++r) {
        const std::string n = std::to_string(r);
        rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>4</v></c><c r=\"B" + n + "\" t=\"s\"><v>5</v></c>"
                "<c r=\"D" + n + "\" t=\"s\"><v>5</v></c></row>";
    }
    return ZipBytes(OneSheetPackage("区划", rows, shared), dir);
}

HttpResult Upload(Client& c, const std::string& path, const std::string& bytes) {
    return c.Send("POST", path, bytes, true, {{"Content-Type", "application/octet-stream"}, {"X-Filename", "bomb.xlsx"}});
}

class UploadLimitsTest : public BackendTest {};

TEST_P(UploadLimitsTest, ACallerWithoutTheRightIsRefusedBeforeTheFileIsParsed) {
    const std::string bomb = UnitsBomb(40000);  // over the cell limit: parsing it would answer 422
    Client member(port());
    ASSERT_EQ(member.Login("member").status, 200);
    auto units = Upload(member, "/api/v1/import/units", bomb);
    EXPECT_EQ(units.status, 403) << units.body.substr(0, 300);
    EXPECT_LT(units.body.size(), 1024u);
    auto metrics = Upload(member, "/api/v1/metrics/import", bomb);
    EXPECT_EQ(metrics.status, 403) << metrics.body.substr(0, 300);
    EXPECT_LT(metrics.body.size(), 1024u);
}

TEST_P(UploadLimitsTest, ACellRepeatedOnEveryRowIsQuotedShortly) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto r = Upload(admin, "/api/v1/import/units", UnitsBomb(30000));
    ASSERT_EQ(r.status, 422) << r.body.substr(0, 300);
    EXPECT_LT(r.body.size(), 16u * 1024) << "eight rows of a 30,000-character cell";
    const auto body = boost::json::parse(r.body).as_object();
    ASSERT_FALSE(body.at("rows").as_array().empty());
    for (const auto& row : body.at("rows").as_array())
        EXPECT_LE(core::text::Utf8Length(row.at("message").as_string()), 161u) << row.at("message").as_string();
    // A cell over Excel's limit is refused as a whole, naming the limit.
    auto over = Upload(admin, "/api/v1/import/units", UnitsBomb(40000));
    EXPECT_EQ(over.status, 422) << over.body.substr(0, 300);
    EXPECT_NE(over.body.find("32,767"), std::string::npos) << over.body.substr(0, 300);
    EXPECT_LT(over.body.size(), 1024u);
}

// An upload held open (its body still arriving) keeps the account's one place: a second upload of
// the same account answers 429 at once, another account's is served, and after the first ends
// the account can upload again.
TEST_P(UploadLimitsTest, OneUploadAtATimePerAccountRefusedBeforeTheBodyIsRead) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    asio::io_context io;
    const std::string head = "POST /api/v1/import/units HTTP/1.1\r\nHost: x\r\nCookie: " + admin.cookie +
                             "\r\nX-CSRF-Token: " + admin.csrf +
                             "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\nPK";
    // A request whose body never comes holds the account's place. If the next upload reaches the
    // server before the held header does (a busy machine), the held one is the refused one: open
    // another and try again.
    std::unique_ptr<asio::ip::tcp::socket> held;
    HttpResult second;
    for (int tries = 0; tries < 50 && second.status != 429; ++tries) {
        held = std::make_unique<asio::ip::tcp::socket>(io);
        held->connect({asio::ip::make_address("127.0.0.1"), port()});
        asio::write(*held, asio::buffer(head));
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + 20 * tries));  // the server reads the header
        second = Upload(admin, "/api/v1/import/units", "x");
    }
    EXPECT_EQ(second.status, 429) << second.body;
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    EXPECT_NE(Upload(county, "/api/v1/import/units", "x").status, 429);
    // Without a session an upload is refused before its body is read, too.
    EXPECT_EQ(HttpRequest(port(), "POST", "/api/v1/import/units", "x", {{"Content-Type", "application/octet-stream"}}).status,
              401);
    held.reset();  // the client gives up: the place is free again
    HttpResult again;
    for (int tries = 0; tries < 750; ++tries) {
        again = Upload(admin, "/api/v1/import/units", "x");
        if (again.status != 429) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_NE(again.status, 429) << again.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadLimitsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace upload_limits_test
}  // namespace lingyan::testing
