// 积分细则 as a workbook over the real server on each backend: every role may download the catalog;
// only the rule editor imports, refused before the upload is read; a bad file is listed by row and
// column and writes nothing; the preview lists what would be created and updated and writes
// nothing; the import writes the rules in one go (one audit entry each) and the export reads back
// the same; a rule of a closed period keeps its value.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "exchange/xlsx/reader.hpp"
#include "integration/sheet_file.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace rules_import_test {

namespace json = boost::json;
namespace xlsx = exchange::xlsx;

const std::vector<std::string> kHeader = {"编码", "名称", "类别", "分值", "上限", "需审核", "佐证材料", "状态"};

class PointsRulesImport : public BackendTest {
protected:
    HttpResult Upload(Client& c, const std::string& query, const std::string& bytes) {
        return c.Send("POST", "/api/v1/points/rules/import" + query, bytes, true,
                      {{"Content-Type", "application/octet-stream"}});
    }
    // code → the rule as the API lists it
    std::map<std::string, json::object> Rules(Client& c) {
        std::map<std::string, json::object> out;
        const auto listed = Json(c.Get("/api/v1/points/rules"));
        for (const auto& r : listed.at("items").as_array()) out[std::string(r.at("code").as_string())] = r.as_object();
        return out;
    }
    // The workbook's rows (header first) as cell texts.
    static SheetRows Read(const std::string& bytes) {
        SheetRows rows;
        const auto book = xlsx::Workbook::Open(bytes);
        EXPECT_EQ(book.sheets().front().name, "积分细则");
        book.ForEachRow(0, [&](const xlsx::Row& r) {
            std::vector<std::string> cells(kHeader.size());
            for (const auto& c : r.cells)
                if (c.column < cells.size()) cells[c.column] = c.text;
            rows.push_back(std::move(cells));
            return true;
        });
        return rows;
    }
};

TEST_P(PointsRulesImport, ExportPreviewImportAndReadBack) {
    Client admin(port()), county(port()), member(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);

    // Every role reads the catalog; the workbook has its columns and one row per rule.
    const auto before = Rules(admin);
    ASSERT_FALSE(before.empty());
    auto exported = member.Get("/api/v1/points/rules.xlsx");
    ASSERT_EQ(exported.status, 200);
    const auto rows = Read(exported.body);
    ASSERT_EQ(rows.size(), before.size() + 1);
    EXPECT_EQ(rows[0], kHeader);
    const auto xx01 = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "XX01"; });
    ASSERT_NE(xx01, rows.end());
    EXPECT_EQ((*xx01)[3], "5");
    EXPECT_EQ((*xx01)[4], "60");
    EXPECT_EQ((*xx01)[5], "是");
    EXPECT_EQ((*xx01)[7], "启用");

    // Not the rule editor: refused before the body is read (junk would otherwise be a 422 about the file).
    EXPECT_EQ(Upload(county, "?dry_run=1", "junk").status, 403);
    EXPECT_EQ(Upload(member, "", "junk").status, 403);
    EXPECT_EQ(Upload(admin, "?dry_run=1", "junk").status, 422);

    // A bad file: every bad row by row and column, nothing written.
    const auto audit_before = AuditCount();
    SheetRows bad = {kHeader,
                     {"XX01", "", "学习活动", "5", "", "", "", ""},
                     {"XX09", "参加党课", "学习活动", "五分", "", "", "", ""},
                     {"XX10", "读书分享", "学习活动", "3", "-1", "也许", "", "暂停"},
                     {"XX09", "参加党课", "学习活动", "5", "", "", "", ""}};
    auto refused = Upload(admin, "?dry_run=1", SheetBytes(bad));
    ASSERT_EQ(refused.status, 422) << refused.body;
    std::vector<std::pair<std::int64_t, std::string>> where;
    const auto refusal = Json(refused);
    for (const auto& r : refusal.at("rows").as_array())
        where.emplace_back(r.at("row").as_int64(), std::string(r.at("field").as_string()));
    const std::vector<std::pair<std::int64_t, std::string>> expected = {
        {2, "名称"}, {3, "分值"}, {4, "上限"}, {4, "需审核"}, {4, "状态"}};
    EXPECT_EQ(where, expected);
    EXPECT_EQ(Upload(admin, "", SheetBytes(bad)).status, 422);
    // A code twice: the second row is named, with the first.
    SheetRows twice = {kHeader, {"XX09", "参加党课", "学习活动", "5"}, {"XX09", "参加党课", "学习活动", "5"}};
    auto dup = Upload(admin, "?dry_run=1", SheetBytes(twice));
    ASSERT_EQ(dup.status, 422);
    const auto dup_refusal = Json(dup);
    const auto& dup_row = dup_refusal.at("rows").at(0);
    EXPECT_EQ(dup_row.at("row").as_int64(), 3);
    EXPECT_NE(std::string(dup_row.at("message").as_string()).find("第 2 行"), std::string::npos);
    EXPECT_EQ(Rules(admin).size(), before.size());
    EXPECT_EQ(AuditCount(), audit_before);

    // The export edited: XX01 renamed and worth 6, FM01 switched off, XX09 new; the rest as exported.
    SheetRows edited = rows;
    for (auto& r : edited) {
        if (r[0] == "XX01") {
            r[1] = "参加“三会一课”（每次）";
            r[3] = "6";
        }
        if (r[0] == "FM01") r[7] = "停用";
    }
    edited.push_back({"XX09", "参加党课（每次）", "学习活动", "2.5", "", "否", "签到表", ""});
    auto preview = Upload(admin, "?dry_run=1", SheetBytes(edited));
    ASSERT_EQ(preview.status, 200) << preview.body;
    const auto p = Json(preview);
    EXPECT_TRUE(p.at("dry_run").as_bool());
    EXPECT_EQ(p.at("created").as_int64(), 1);
    EXPECT_EQ(p.at("updated").as_int64(), 2);
    EXPECT_EQ(p.at("unchanged").as_int64(), static_cast<std::int64_t>(before.size()) - 2);
    std::map<std::string, json::value> changes;
    for (const auto& c : p.at("changes").as_array()) changes[std::string(c.at("code").as_string())] = c;
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes["XX09"].at("action").as_string(), "create");
    EXPECT_EQ(json::serialize(changes["XX01"].at("fields")), R"(["名称","分值"])");
    EXPECT_EQ(json::serialize(changes["FM01"].at("fields")), R"(["状态"])");
    EXPECT_EQ(Rules(admin).size(), before.size());
    EXPECT_EQ(AuditCount(), audit_before);

    // The import: three rules written, one audit entry each; the export reads back what was imported.
    auto imported = Upload(admin, "", SheetBytes(edited));
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_FALSE(Json(imported).at("dry_run").as_bool());
    EXPECT_EQ(AuditCount(), audit_before + 3);
    auto after = Rules(admin);
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after["XX01"].at("name").as_string(), "参加“三会一课”（每次）");
    EXPECT_FALSE(after["FM01"].at("active").as_bool());
    EXPECT_FALSE(after["XX09"].at("needs_approval").as_bool());
    EXPECT_FALSE(after["XX09"].at("cap").is_number());
    auto read_back = Read(admin.Get("/api/v1/points/rules.xlsx").body);
    const auto xx09 = std::find_if(read_back.begin(), read_back.end(), [](const auto& r) { return r[0] == "XX09"; });
    ASSERT_NE(xx09, read_back.end());
    EXPECT_EQ(*xx09,
              (std::vector<std::string>{"XX09", "参加党课（每次）", "学习活动", "2.5", "", "否", "签到表", "启用"}));
    // The same file again changes nothing.
    auto again = Json(Upload(admin, "", SheetBytes(edited)));
    EXPECT_EQ(again.at("created").as_int64(), 0);
    EXPECT_EQ(again.at("updated").as_int64(), 0);
    EXPECT_EQ(AuditCount(), audit_before + 3);
    EXPECT_EQ(server_->runtime().points->CompareWithRecount(), 0u);
}

TEST_P(PointsRulesImport, AClosedPeriodKeepsTheValuesItWasCountedWith) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_FALSE(Rules(admin).empty());
    auto created =
        admin.Send("POST", "/api/v1/points/periods", R"({"name":"2001年度","from":"2001-01-01","to":"2001-12-31"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(Json(created).at("id").as_int64());
    ASSERT_EQ(admin.Send("PATCH", "/api/v1/points/periods/" + id, R"({"closed":true})").status, 200);
    const auto audit_before = AuditCount();
    SheetRows rows = {kHeader, {"XX01", "参加“三会一课”（每次）", "学习活动", "6", "60"}};
    auto refused = Upload(admin, "?dry_run=1", SheetBytes(rows));
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto refusal = Json(refused);
    const auto& row = refusal.at("rows").at(0);
    EXPECT_EQ(row.at("row").as_int64(), 2);
    EXPECT_EQ(row.at("field").as_string(), "分值");
    EXPECT_NE(std::string(row.at("message").as_string()).find("2001年度"), std::string::npos);
    // Its name alone may change.
    rows[1][3] = "5";
    auto renamed = Upload(admin, "", SheetBytes(rows));
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(Json(renamed).at("updated").as_int64(), 1);
    EXPECT_EQ(AuditCount(), audit_before + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PointsRulesImport, ::testing::Values("sqlite", "postgres"));

}  // namespace rules_import_test
}  // namespace lingyan::testing
