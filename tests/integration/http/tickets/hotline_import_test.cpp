// The 12345 hotline import over the real server on each backend: the role is checked before the
// upload is read, the preview lists what would be created, skipped and refused (by row and
// column) and writes nothing, the import writes every new 工单编号 as a registered hotline ticket in
// one go (audited, on the timeline, the hotline number on the ticket), and a second import of the
// same file creates nothing and lists every row as skipped.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "exchange/xlsx/reader.hpp"
#include "integration/sheet_file.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
namespace xlsx = exchange::xlsx;

using Rows = SheetRows;

std::string Book(const Rows& rows) { return SheetBytes(rows, "热线"); }

class HotlineImport : public BackendTest {
protected:
    HttpResult Upload(Client& c, const std::string& query, const std::string& bytes, const std::string& name = "热线.xlsx") {
        return c.Send("POST", "/api/v1/tickets/import/hotline" + query, bytes, true,
                      {{"Content-Type", "application/octet-stream"}, {"X-Filename", Encode(name)}});
    }
    std::int64_t HotlineTickets(Client& c) {
        return Json(c.Get("/api/v1/tickets?source=hotline&per_page=1")).at("total").as_int64();
    }
};

const std::vector<std::string> kHeader = {"工单编号", "来电时间", "诉求内容", "所属单位", "诉求类别", "紧急程度", "办理时限", "来电人"};

TEST_P(HotlineImport, PreviewThenImportOnceSkippingRepeats) {
    Client town(port()), secretary(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);

    // Not an officer: refused before the body is read (junk would otherwise be a 422 about the file).
    EXPECT_EQ(Upload(secretary, "?dry_run=1", "junk").status, 403);
    EXPECT_EQ(secretary.Get("/api/v1/tickets/import/hotline/template").status, 403);
    auto tpl = town.Get("/api/v1/tickets/import/hotline/template");
    ASSERT_EQ(tpl.status, 200);
    EXPECT_EQ(xlsx::Workbook::Open(tpl.body).sheets().front().name, "12345工单");

    // A bad file: the unit out of the town's scope, an unknown category — listed by row and column.
    Rows bad = {kHeader,
                {"H-1", "2026-03-05 10:22", "村口路灯不亮", "灵湖村", "基础设施", "较急", "5", "王先生"},
                {"H-2", "2026-03-05", "垃圾清运不及时", "三里村", "", "", "", ""},
                {"H-3", "2026-03-06", "噪音扰民", "灵湖村", "吵闹", "", "", ""}};
    const auto audit_before = AuditCount();
    const auto before = HotlineTickets(town);
    auto refused = Upload(town, "?dry_run=1", Book(bad));
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto refusal = Json(refused);
    const auto& rows = refusal.at("rows").as_array();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("row").as_int64(), 3);
    EXPECT_EQ(std::string(rows[0].at("field").as_string()), "所属单位");
    EXPECT_EQ(rows[1].at("row").as_int64(), 4);
    EXPECT_EQ(std::string(rows[1].at("field").as_string()), "诉求类别");
    EXPECT_EQ(Upload(town, "", Book(bad)).status, 422);  // the import refuses the same, nothing written
    EXPECT_EQ(HotlineTickets(town), before);
    EXPECT_EQ(AuditCount(), audit_before);

    // Fixed, with H-1 repeated lower down: the preview shows two to create, one skipped, writes nothing.
    Rows good = {kHeader,
                 {"H-1", "2026-03-05 10:22", "村口路灯不亮", "灵湖村", "基础设施", "较急", "5", "王先生"},
                 {"H-2", "2026-03-05", "垃圾清运不及时", "灵湖村", "", "", "2026-03-20", ""},
                 {"H-1", "2026-03-05 10:22", "村口路灯不亮", "灵湖村", "基础设施", "较急", "5", "王先生"}};
    auto preview = Upload(town, "?dry_run=1", Book(good));
    ASSERT_EQ(preview.status, 200) << preview.body;
    auto p = Json(preview).as_object();
    EXPECT_TRUE(p.at("dry_run").as_bool());
    ASSERT_EQ(p.at("created").as_array().size(), 2u);
    const auto& first = p.at("created").as_array()[0].as_object();
    EXPECT_EQ(std::string(first.at("ref").as_string()), "H-1");
    EXPECT_EQ(std::string(first.at("unit").as_string()), "灵湖村");
    EXPECT_EQ(std::string(first.at("category").as_string()), "基础设施");
    EXPECT_EQ(std::string(first.at("priority").as_string()), "较急");
    EXPECT_EQ(std::string(first.at("due_on").as_string()), "2026-03-12");  // 5 working days after Thu 5 March
    EXPECT_EQ(first.at("ticket_id").as_int64(), 0);
    ASSERT_EQ(p.at("skipped").as_array().size(), 1u);
    EXPECT_EQ(p.at("skipped").as_array()[0].at("row").as_int64(), 4);
    EXPECT_EQ(p.at("skipped").as_array()[0].at("first_row").as_int64(), 2);
    EXPECT_EQ(HotlineTickets(town), before);
    EXPECT_EQ(AuditCount(), audit_before);

    // The import: two registered hotline tickets, each audited, with the hotline's number.
    auto done = Upload(town, "", Book(good));
    ASSERT_EQ(done.status, 201) << done.body;
    const auto done_body = Json(done);
    const auto& created = done_body.at("created").as_array();
    ASSERT_EQ(created.size(), 2u);
    EXPECT_EQ(HotlineTickets(town), before + 2);
    EXPECT_EQ(AuditCount(), audit_before + 2);
    const auto id = created[0].at("ticket_id").as_int64();
    auto ticket = Json(town.Get("/api/v1/tickets/" + std::to_string(id))).as_object();
    EXPECT_EQ(std::string(ticket.at("source").as_string()), "hotline");
    EXPECT_EQ(std::string(ticket.at("state").as_string()), "registered");
    EXPECT_EQ(std::string(ticket.at("title").as_string()), "村口路灯不亮");
    EXPECT_EQ(std::string(ticket.at("priority").as_string()), "high");
    EXPECT_EQ(std::string(ticket.at("raiser_name").as_string()), "王先生");
    EXPECT_EQ(std::string(ticket.at("hotline").at("ref").as_string()), "H-1");
    EXPECT_EQ(std::string(ticket.at("hotline").at("due_on").as_string()), "2026-03-12");
    EXPECT_EQ(std::string(ticket.at("events").as_array()[0].at("action").as_string()), "create");
    // The village secretary reads it (the unit is theirs); a county elsewhere does not.
    EXPECT_EQ(secretary.Get("/api/v1/tickets/" + std::to_string(id)).status, 200);

    // Again: nothing new, every row skipped and pointing at its ticket.
    auto again = Upload(town, "", Book(good));
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_TRUE(Json(again).at("created").as_array().empty());
    const auto again_body = Json(again);
    const auto& skipped = again_body.at("skipped").as_array();
    ASSERT_EQ(skipped.size(), 3u);
    EXPECT_EQ(skipped[0].at("ticket_id").as_int64(), id);
    EXPECT_EQ(HotlineTickets(town), before + 2);
    EXPECT_EQ(AuditCount(), audit_before + 2);
}

TEST_P(HotlineImport, RefusesFilesThatAreNoHotlineExport) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    auto csv = Upload(town, "?dry_run=1", "a,b\n", "热线.csv");
    EXPECT_EQ(csv.status, 422);
    EXPECT_NE(csv.body.find(".xlsx"), std::string::npos);
    auto junk = Upload(town, "?dry_run=1", "not a zip");
    EXPECT_EQ(junk.status, 422);
    EXPECT_NE(junk.body.find("\"file\""), std::string::npos);
    auto empty = Upload(town, "?dry_run=1", "");
    EXPECT_EQ(empty.status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, HotlineImport, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
