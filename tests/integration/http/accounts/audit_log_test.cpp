// The admin's audit page (GET /api/v1/audit?before=…, /audit/{seq}, /audit/verify): filters by
// account, action, record and China day, pages newest first by seq, cuts long details in the
// list and gives them whole on their own, and checks the chain as `lingyan audit verify` does —
// the page names the entry a rewrite spoiled; the filtered log exports whole as a workbook. Other
// roles get 403 before anything is read.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "integration/downloaded_sheet.hpp"
#include "integration/test_server.hpp"
#include "storage/sql/sql_store.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class AuditLogTest : public BackendTest {
protected:
    // Entries of two made-up kinds, stamped at chosen instants (UTC): the 7th of December in China
    // begins at 2026-12-06T16:00:00Z.
    void Append(const std::string& at, const std::string& user, const std::string& action, std::int64_t id,
                const std::string& detail = "{}") {
        server_->runtime().store->AppendAudit({0, at, user, action, "e2e_thing", id, detail, "", "", false});
    }
    void MakeHistory() {
        Append("2026-12-06T15:59:59Z", "wang", "create", 1);  // 6 December, China time
        Append("2026-12-06T16:00:00Z", "wang", "update", 1);  // 7 December
        Append("2026-12-07T15:59:59Z", "li", "update", 2);    // 7 December
        Append("2026-12-07T16:00:00Z", "li", "delete", 2, "{\"long\":\"" + std::string(300, 'x') + "\"}");  // 8th
    }
    static std::vector<std::int64_t> Ids(const json::value& page) {
        std::vector<std::int64_t> out;
        for (const auto& e : page.at("items").as_array()) out.push_back(e.at("entity_id").as_int64());
        return out;
    }
    static std::vector<std::string> Actions(const json::value& page) {
        std::vector<std::string> out;
        for (const auto& e : page.at("items").as_array()) out.emplace_back(e.at("action").as_string());
        return out;
    }
};

TEST_P(AuditLogTest, FiltersFindEntriesByAccountActionRecordAndChinaDay) {
    MakeHistory();
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const std::string base = "/api/v1/audit?before=0&entity=e2e_thing";
    auto all = Json(admin.Get(base));
    EXPECT_EQ(Actions(all), (std::vector<std::string>{"delete", "update", "update", "create"}));  // newest first
    EXPECT_EQ(all.at("total").as_int64(), 4);
    EXPECT_EQ(Actions(Json(admin.Get(base + "&user=li"))), (std::vector<std::string>{"delete", "update"}));
    EXPECT_EQ(Ids(Json(admin.Get(base + "&action=update"))), (std::vector<std::int64_t>{2, 1}));
    EXPECT_EQ(Actions(Json(admin.Get(base + "&entity_id=1"))), (std::vector<std::string>{"update", "create"}));
    // China days, inclusive at both ends: the 7th holds the two updates.
    auto seventh = Json(admin.Get(base + "&from=2026-12-07&to=2026-12-07"));
    EXPECT_EQ(Actions(seventh), (std::vector<std::string>{"update", "update"}));
    EXPECT_EQ(seventh.at("total").as_int64(), 2);
    EXPECT_EQ(Actions(Json(admin.Get(base + "&from=2026-12-08"))), (std::vector<std::string>{"delete"}));
    EXPECT_EQ(Actions(Json(admin.Get(base + "&to=2026-12-06"))), (std::vector<std::string>{"create"}));
    EXPECT_EQ(Json(admin.Get(base + "&user=nobody")).at("total").as_int64(), 0);
}

TEST_P(AuditLogTest, PagesGoNewestFirstBySeqAndTheTotalCountsEveryPage) {
    MakeHistory();
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto first = Json(admin.Get("/api/v1/audit?before=0&size=3&entity=e2e_thing"));
    ASSERT_EQ(first.at("items").as_array().size(), 3u);
    EXPECT_EQ(first.at("total").as_int64(), 4);
    const auto last_seq = first.at("items").as_array().back().at("seq").as_int64();
    auto second = Json(admin.Get("/api/v1/audit?before=" + std::to_string(last_seq) + "&size=3&entity=e2e_thing"));
    EXPECT_EQ(Actions(second), (std::vector<std::string>{"create"}));
    EXPECT_EQ(second.at("total").as_int64(), 4);
    EXPECT_LT(second.at("items").as_array()[0].at("seq").as_int64(), last_seq);
    // The whole log, newest first, is the log in order reversed.
    const auto total = Json(admin.Get("/api/v1/audit?before=0&size=1")).at("total").as_int64();
    EXPECT_EQ(total, AuditCount());
    auto newest = Json(admin.Get("/api/v1/audit?before=0&size=1"));
    EXPECT_EQ(newest.at("items").as_array()[0].at("seq").as_int64(), server_->runtime().store->LastAudit()->seq);
}

TEST_P(AuditLogTest, TheListCutsLongDetailsAndTheEntryGivesThemWhole) {
    MakeHistory();
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto brief = Json(admin.Get("/api/v1/audit?before=0&size=2&entity=e2e_thing&brief=1"));
    const auto& cut = brief.at("items").as_array()[0].as_object();
    EXPECT_EQ(cut.at("action").as_string(), "delete");
    EXPECT_TRUE(cut.at("detail_cut").as_bool());
    EXPECT_EQ(cut.at("detail").as_string().size(), 200u);
    EXPECT_FALSE(brief.at("items").as_array()[1].at("detail_cut").as_bool());
    EXPECT_EQ(brief.at("items").as_array()[1].at("detail").as_string(), "{}");

    auto whole = Json(admin.Get("/api/v1/audit/" + std::to_string(cut.at("seq").as_int64())));
    EXPECT_EQ(whole.at("detail").as_string().size(), 311u);
    EXPECT_EQ(whole.at("user").as_string(), "li");
    EXPECT_EQ(whole.at("prev_hash").as_string().size(), 64u);
    EXPECT_TRUE(whole.at("keyed").as_bool());
    EXPECT_EQ(admin.Get("/api/v1/audit/999999").status, 404);
}

TEST_P(AuditLogTest, TheExportWritesTheFiltersEntriesWholeNewestFirst) {
    MakeHistory();
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto sheet_of = [&](const std::string& query) {
        return DownloadedRows(admin.Get("/api/v1/audit.xlsx?" + query), "审计日志");
    };
    // Li's two entries, as the page lists them; the long detail whole, China time, the hash.
    auto listed = Json(admin.Get("/api/v1/audit?before=0&entity=e2e_thing&user=li"));
    auto rows = sheet_of("entity=e2e_thing&user=li");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(CellText(rows[0], 0), "序号");
    EXPECT_EQ(CellText(rows[0], 6), "详情");
    EXPECT_EQ(rows[1].Find(0)->number, listed.at("items").as_array()[0].at("seq").as_int64());
    EXPECT_EQ(CellText(rows[1], 1), "2026-12-08 00:00:00");
    EXPECT_EQ(CellText(rows[1], 2), "li");
    EXPECT_EQ(CellText(rows[1], 3), "删除");       // the page's words
    EXPECT_EQ(CellText(rows[1], 4), "e2e_thing");  // an entity the catalog does not know: its code
    EXPECT_EQ(CellText(rows[1], 8), "delete");
    EXPECT_EQ(CellText(rows[1], 9), "e2e_thing");
    EXPECT_EQ(rows[1].Find(5)->number, 2);
    EXPECT_EQ(CellText(rows[1], 6).size(), 311u);
    EXPECT_EQ(CellText(rows[1], 7).size(), 64u);
    EXPECT_EQ(CellText(rows[2], 1), "2026-12-07 23:59:59");
    EXPECT_EQ(CellText(rows[2], 3), "修改");
    // A China day; the page's own parameters (before, size) are not the export's.
    rows = sheet_of("entity=e2e_thing&from=2026-12-07&to=2026-12-07&size=1&before=1");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(CellText(rows[1], 2), "li");
    EXPECT_EQ(CellText(rows[2], 2), "wang");
    EXPECT_EQ(sheet_of("user=nobody").size(), 1u);  // the header only

    auto bad = admin.Get("/api/v1/audit.xlsx?from=2026-02-30");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(Json(bad).at("error").at("field").as_string(), "from");
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    EXPECT_EQ(county.Get("/api/v1/audit.xlsx?from=x").status, 403);  // the role first
}

TEST_P(AuditLogTest, BadFiltersAreNamedAndOtherRolesAreRefusedFirst) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    for (const auto& [query, field] :
         std::vector<std::pair<std::string, std::string>>{{"before=-1", "before"},
                                                          {"before=x", "before"},
                                                          {"before=0&size=0", "size"},
                                                          {"before=0&size=1001", "size"},
                                                          {"before=0&entity_id=abc", "entity_id"},
                                                          {"before=0&from=2026-02-30", "from"},
                                                          {"before=0&to=12/07", "to"},
                                                          {"before=0&from=2026-12-08&to=2026-12-07", "to"}, {"before=0&action=" + std::string(101, 'a'), "action"}}) {
        auto r = admin.Get("/api/v1/audit?" + query);
        EXPECT_EQ(r.status, 422) << query;
        EXPECT_EQ(Json(r).at("error").at("field").as_string(), field) << query;
    }
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    // The role is refused before the request is read: a bad parameter is not looked at.
    EXPECT_EQ(county.Get("/api/v1/audit?before=x").status, 403);
    EXPECT_EQ(county.Get("/api/v1/audit/1").status, 403);
    EXPECT_EQ(county.Get("/api/v1/audit/verify").status, 403);
}

TEST_P(AuditLogTest, TheCheckReadsTheWholeChainAndNamesARewrittenEntry) {
    MakeHistory();
    server_->runtime().AnchorAudit();
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto intact = Json(admin.Get("/api/v1/audit/verify"));
    EXPECT_TRUE(intact.at("intact").as_bool()) << json::serialize(intact);
    EXPECT_EQ(intact.at("checked").as_int64(), AuditCount());
    EXPECT_EQ(intact.at("head_seq").as_int64(), server_->runtime().store->LastAudit()->seq);
    EXPECT_GE(intact.at("anchors").as_int64(), 1);

    // Someone with the database but without the key rewrites an entry (the triggers dropped).
    auto& db = server_->runtime().store->db();
    if (GetParam() == "sqlite")
        db.ExecScript("DROP TRIGGER audit_log_no_update;");
    else
        db.ExecScript("DROP TRIGGER audit_log_no_change ON audit_log;");
    const auto entries = server_->runtime().store->ListAudit(0, 100000);
    const auto& victim = entries[entries.size() - 3];
    db.Query("UPDATE audit_log SET detail = ? WHERE seq = ?", {std::string("{\"rewritten\":true}"), victim.seq});
    auto broken = Json(admin.Get("/api/v1/audit/verify"));
    EXPECT_FALSE(broken.at("intact").as_bool());
    EXPECT_EQ(broken.at("bad_seq").as_int64(), victim.seq);
    EXPECT_NE(std::string(broken.at("problem").as_string()).find(std::to_string(victim.seq)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
