// 导入荣誉 over the real server on each backend: officers only, refused before the upload is read;
// the template; a bad sheet listed by row and column with nothing written; the preview lists what
// would be registered and what is already there; the import registers a person's and a unit's titles
// in one go (one audit entry each), found in the caller's scope; the same file again adds nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "exchange/xlsx/reader.hpp"
#include "integration/sheet_file.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace honours_import_test {

namespace json = boost::json;

const std::vector<std::string> kHeader = {"获得者", "身份证号", "单位", "荣誉称号", "级别", "年度", "文号"};

class HonoursImport : public BackendTest {
protected:
    HttpResult Upload(Client& c, const std::string& query, const std::string& bytes) {
        return c.Send("POST", "/api/v1/honours/import" + query, bytes, true,
                      {{"Content-Type", "application/octet-stream"}});
    }
    std::string NameOf(core::roster::Id person) {
        std::string name;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            if (const auto* p = index.FindPerson(person)) name = p->name;
        });
        return name;
    }
    std::size_t Registered(Client& c, const std::string& query) {
        const auto page = Json(c.Get("/api/v1/honours?" + query));
        return page.at("items").as_array().size();
    }
};

TEST_P(HonoursImport, PreviewThenRegisterPeopleAndUnitsInScopeOnce) {
    Client county(port()), secretary(port());
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const std::string name = NameOf(Secretary("三里村"));
    ASSERT_FALSE(name.empty());

    // Not an officer: refused before the body is read; the template is the officers'.
    EXPECT_EQ(Upload(secretary, "?dry_run=1", "junk").status, 403);
    EXPECT_EQ(secretary.Get("/api/v1/honours/template.xlsx").status, 403);
    auto tpl = county.Get("/api/v1/honours/template.xlsx");
    ASSERT_EQ(tpl.status, 200);
    EXPECT_EQ(exchange::xlsx::Workbook::Open(tpl.body).sheets().front().name, "荣誉");
    EXPECT_EQ(Upload(county, "?dry_run=1", "junk").status, 422);

    // A bad sheet: every bad row by row and column; nothing written.
    const auto audit_before = AuditCount();
    SheetRows bad = {kHeader,
                     {name, "", "三里村", "金牌书记", "国家级", "2021", "泰组〔2021〕3号"},
                     {name, "", "三里村", "金牌书记", "市级", "明年", "泰组〔2021〕3号"},
                     {"查无此人", "", "三里村", "金牌书记", "市级", "2021", "泰组〔2021〕3号"},
                     {"", "", "大渡社区", "五星级党组织", "区县级", "2022", "柯组〔2022〕1号"},
                     {name, "", "三里村", "金牌书记", "市级", "2021", ""}};
    auto refused = Upload(county, "?dry_run=1", SheetBytes(bad));
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto refusal = Json(refused);
    std::vector<std::pair<std::int64_t, std::string>> where;
    for (const auto& r : refusal.at("rows").as_array())
        where.emplace_back(r.at("row").as_int64(), std::string(r.at("field").as_string()));
    const std::vector<std::pair<std::int64_t, std::string>> expected = {
        {2, "级别"}, {3, "年度"}, {4, "获得者"}, {5, "单位"}, {6, "文号"}};
    EXPECT_EQ(where, expected);
    EXPECT_EQ(Upload(county, "", SheetBytes(bad)).status, 422);
    EXPECT_EQ(AuditCount(), audit_before);

    // A person's title, the same row again lower down, and a unit's own title (获得者 blank).
    SheetRows good = {kHeader,
                      {name, "", "三里村", "金牌书记", "市级", "2021年", "泰组〔2021〕3号"},
                      {name, "", "三里村", "金牌书记", "市级", "2021", "泰组〔2021〕3号"},
                      {"", "", "三里村", "五星级党组织", "区县级", "2022", "姜组〔2022〕5号"}};
    auto preview = Upload(county, "?dry_run=1", SheetBytes(good));
    ASSERT_EQ(preview.status, 200) << preview.body;
    auto p = Json(preview);
    EXPECT_TRUE(p.at("dry_run").as_bool());
    ASSERT_EQ(p.at("added").as_array().size(), 2u);
    EXPECT_EQ(p.at("already").as_int64(), 1);
    const auto& first = p.at("added").at(0);
    EXPECT_EQ(first.at("row").as_int64(), 2);
    EXPECT_EQ(first.at("holder").as_string(), name);
    EXPECT_EQ(first.at("unit").as_string(), "三里村");
    EXPECT_EQ(first.at("level_label").as_string(), "市级");
    EXPECT_EQ(first.at("year").as_int64(), 2021);
    EXPECT_EQ(p.at("added").at(1).at("holder").as_string(), "三里村");
    EXPECT_EQ(Registered(county, "title=" + Encode("金牌书记") + "&year=2021"), 0u);
    EXPECT_EQ(AuditCount(), audit_before);

    auto imported = Upload(county, "", SheetBytes(good));
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(Json(imported).at("added").as_array().size(), 2u);
    EXPECT_EQ(AuditCount(), audit_before + 2);
    const auto listed = Json(county.Get("/api/v1/honours?title=" + Encode("金牌书记") + "&year=2021"));
    ASSERT_EQ(listed.at("items").as_array().size(), 1u);
    const auto& h = listed.at("items").at(0);
    EXPECT_EQ(h.at("name").as_string(), name);
    EXPECT_EQ(h.at("person_id").as_int64(), Secretary("三里村"));
    EXPECT_EQ(h.at("document_no").as_string(), "泰组〔2021〕3号");
    EXPECT_EQ(Registered(county, "title=" + Encode("五星级党组织")), 1u);

    // The same file again registers nothing.
    auto again = Json(Upload(county, "", SheetBytes(good)));
    EXPECT_EQ(again.at("added").as_array().size(), 0u);
    EXPECT_EQ(again.at("already").as_int64(), 3);
    EXPECT_EQ(AuditCount(), audit_before + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, HonoursImport, ::testing::Values("sqlite", "postgres"));

}  // namespace honours_import_test
}  // namespace lingyan::testing
