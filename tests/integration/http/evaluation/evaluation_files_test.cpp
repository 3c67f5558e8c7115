// The evaluation module's files as an officer reads them (issue 16, item 13): the negative list's
// sheet shows totals to 2 decimals under a sheet name Excel accepts (and says when it changed the
// name), and a facts import's errors name the sheet and the column header, not a criterion id.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>

#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

namespace xlsx = exchange::xlsx;

class EvaluationFilesTest : public CampaignTest {};

TEST_P(EvaluationFilesTest, TheNegativeListSheetIsRoundedAndItsNameSanitizedAndSaidSo) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto detail = Create(c, county, Children(c, county, 2));
    ASSERT_FALSE(detail.empty());
    const std::string id = std::to_string(detail.at("id").as_int64());
    const auto a = detail.at("subjects").at(0).at("id").as_int64();
    const auto b = detail.at("subjects").at(1).at("id").as_int64();
    // b: sales 101/300, review 50 → total 100 × (0.33667 + 0.5) / 2 = 41.8333…
    json::array facts{Fact(a, "sales", "target", 100), Fact(a, "sales", "actual", 100), Fact(a, "review", "judge", 80),
                      Fact(b, "sales", "target", 300), Fact(b, "sales", "actual", 101), Fact(b, "review", "judge", 50)};
    ASSERT_EQ(c.Send("POST", "/api/v1/campaigns/" + id + "/facts", Facts(facts)).status, 200);
    const std::string name = "躺平/慢作为奖：2021年度第四季度各镇街党委书记述职评议后进名单";
    json::object settings{{"negative", json::object{{"name", name}, {"criterion", ""}, {"count", 1}}}, {"reason", "试行"}};
    auto put = c.Send("PUT", "/api/v1/campaigns/" + id + "/settings", json::serialize(settings));
    ASSERT_EQ(put.status, 200) << put.body;

    auto file = c.Get("/api/v1/campaigns/" + id + "/awards.xlsx");
    ASSERT_EQ(file.status, 200) << file.body;
    const auto book = xlsx::Workbook::Open(file.body);
    ASSERT_EQ(book.sheets().size(), 3u);
    const std::string sheet = book.sheets()[2].name;
    EXPECT_EQ(sheet.find('/'), std::string::npos);
    EXPECT_EQ(sheet.find(':'), std::string::npos);
    EXPECT_NE(sheet.find("躺平／慢作为奖"), std::string::npos) << sheet;  // not "反向榜单"
    const auto rows = book.ReadRows(2);
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[1].Find(3)->text, "总分");
    EXPECT_EQ(rows[1].Find(4)->text, "41.83");
    EXPECT_NE(rows.back().Find(0)->text.find("工作表名"), std::string::npos) << rows.back().Find(0)->text;
}

TEST_P(EvaluationFilesTest, FactsImportErrorsNameTheSheetAndTheColumnHeader) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto detail = Create(c, county, Children(c, county, 1));
    ASSERT_FALSE(detail.empty());
    const std::string id = std::to_string(detail.at("id").as_int64());
    const std::string subject(detail.at("subjects").at(0).at("name").as_string());
    auto tpl = c.Get("/api/v1/campaigns/" + id + "/facts/template.xlsx");
    ASSERT_EQ(tpl.status, 200);
    const auto header_row = xlsx::Workbook::Open(tpl.body).ReadRows(0).front();
    const std::string target_header = header_row.Find(2)->text;  // 开票销售完成率·目标值 [sales.target]
    const auto bytes = xlsx::WriteWorkbookBytes([&](xlsx::Writer& w) {
        std::vector<xlsx::Column> columns;
        for (const auto& cell : header_row.cells) columns.push_back({cell.text, 20});
        const auto s = w.AddSheet("考核数据", columns);
        w.WriteString(s, 2, 0, subject);
        w.WriteString(s, 2, 1, "80");
        w.WriteString(s, 2, 2, "0");  // target 0 is refused
    });
    auto r = c.Send("POST", "/api/v1/campaigns/" + id + "/facts/import", bytes, true, {});
    ASSERT_EQ(r.status, 422) << r.body;
    const auto row = Json(r).at("rows").at(0);
    EXPECT_EQ(row.at("sheet").as_string(), "考核数据");
    EXPECT_EQ(row.at("field").as_string(), target_header) << r.body;
    EXPECT_EQ(row.at("row").as_int64(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationFilesTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
