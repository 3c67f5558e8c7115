// Evaluation inputs over HTTP, against each storage backend: unit metrics (yearly targets and
// monthly actuals) with the completion and year-on-year views, their .xlsx import, facts taken
// from metrics into a campaign, and campaign facts imported from .xlsx (long and wide) — all
// or nothing, with the sheet's line in every error.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/http/evaluation/campaign_fixture.hpp"
#include "integration/sheet_file.hpp"
#include "exchange/evaluation/evaluation_xlsx.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"

namespace lingyan::testing {
namespace {

namespace xlsx = exchange::xlsx;

using Cells = SheetRows;  // rows of cells; row 0 is the header

std::string Workbook(const Cells& cells) { return SheetBytes(cells); }

class EvaluationInputsTest : public CampaignTest {
protected:
    std::string Code(Client& c, std::int64_t unit) {
        auto r = c.Get("/api/v1/units/" + std::to_string(unit));
        EXPECT_EQ(r.status, 200) << r.body;
        const auto u = Json(r);
        return std::string(u.at("unit").at("code").as_string());
    }
    static json::object Value(std::int64_t unit, const char* metric, int year, int month, double value) {
        return json::object{{"unit_id", unit}, {"metric", metric}, {"year", year}, {"month", month}, {"value", value}};
    }
};

TEST_P(EvaluationInputsTest, MetricsShowCompletionAndGrowthAndFeedACampaign) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto towns = Children(c, county, 2);
    // Town 0: target 1200, Jan–Mar 2021 = 100+120+80, 2020 = 90+110+50. Town 1: target 1000, Jan = 500.
    json::array rows{Value(towns[0], "开票销售", 2021, 0, 1200), Value(towns[0], "开票销售", 2021, 1, 100),
                     Value(towns[0], "开票销售", 2021, 2, 120),  Value(towns[0], "开票销售", 2021, 3, 80),
                     Value(towns[0], "开票销售", 2020, 1, 90),   Value(towns[0], "开票销售", 2020, 2, 110),
                     Value(towns[0], "开票销售", 2020, 3, 50),   Value(towns[1], "开票销售", 2021, 0, 1000),
                     Value(towns[1], "开票销售", 2021, 1, 500)};
    auto entered = c.Send("POST", "/api/v1/metrics/values", json::serialize(json::object{{"rows", rows}}));
    ASSERT_EQ(entered.status, 200) << entered.body;
    EXPECT_EQ(Json(entered).at("written").as_int64(), 9);

    auto view = c.Get("/api/v1/metrics/progress?metric=" + Encode("开票销售") + "&year=2021&month=3&parent=" +
                      std::to_string(county));
    ASSERT_EQ(view.status, 200) << view.body;
    const auto v = Json(view);
    const auto& first = v.at("rows").as_array().at(0);  // town 1: 50 % beats town 0: 25 %
    EXPECT_EQ(first.at("unit_id").as_int64(), towns[1]);
    EXPECT_DOUBLE_EQ(first.at("completion").as_double(), 0.5);
    EXPECT_TRUE(first.at("growth").is_null());
    const auto& second = v.at("rows").as_array().at(1);
    EXPECT_DOUBLE_EQ(second.at("cumulative").as_double(), 300);
    EXPECT_DOUBLE_EQ(second.at("completion").as_double(), 0.25);
    EXPECT_DOUBLE_EQ(second.at("growth").as_double(), 0.2);
    EXPECT_DOUBLE_EQ(v.at("total").at("target").as_double(), 2200);

    // Bad rows: nothing is written and each row is named.
    json::array bad{Value(towns[0], "开票销售", 2021, 4, 90), Value(towns[0], "开票销售", 2021, 13, 1),
                    Value(towns[0], "开票销售", 2021, 0, -5)};
    auto refused = c.Send("POST", "/api/v1/metrics/values", json::serialize(json::object{{"rows", bad}}));
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto errors = Json(refused).at("rows").as_array();
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].at("row").as_int64(), 2);
    EXPECT_EQ(errors[1].at("row").as_int64(), 3);
    auto again = Json(c.Get("/api/v1/metrics/progress?metric=" + Encode("开票销售") + "&year=2021&month=4&parent=" +
                            std::to_string(county)));
    EXPECT_DOUBLE_EQ(again.at("rows").at(1).at("cumulative").as_double(), 300);  // April's 90 not written

    // A value entered by mistake is removed with null; removing what is not there is refused.
    json::array removal{json::object{{"unit_id", towns[0]}, {"metric", "开票销售"}, {"year", 2021}, {"month", 3},
                                     {"value", nullptr}}};
    auto removed = c.Send("POST", "/api/v1/metrics/values", json::serialize(json::object{{"rows", removal}}));
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(Json(removed).at("removed").as_int64(), 1);
    auto after_removal = Json(c.Get("/api/v1/metrics/progress?metric=" + Encode("开票销售") +
                                    "&year=2021&month=3&parent=" + std::to_string(county)));
    EXPECT_DOUBLE_EQ(after_removal.at("rows").at(1).at("cumulative").as_double(), 220);
    EXPECT_EQ(c.Send("POST", "/api/v1/metrics/values", json::serialize(json::object{{"rows", removal}})).status, 422);
    json::array restore{Value(towns[0], "开票销售", 2021, 3, 80)};
    ASSERT_EQ(c.Send("POST", "/api/v1/metrics/values", json::serialize(json::object{{"rows", restore}})).status, 200);

    // Outside the scope: refused as a whole.
    const auto suzhou = [&] {
        Client admin(port());
        EXPECT_EQ(admin.Login("admin").status, 200);
        return UnitId(admin, "北联村");
    }();
    auto outside = c.Send("POST", "/api/v1/metrics/values",
                          json::serialize(json::object{{"rows", json::array{Value(suzhou, "开票销售", 2021, 1, 1)}}}));
    // A unit outside the scope answers as a nonexistent one: 422 for the row, naming nothing.
    EXPECT_EQ(outside.status, 422) << outside.body;
    EXPECT_EQ(outside.body.find("北联村"), std::string::npos) << outside.body;
    auto nonexistent = c.Send("POST", "/api/v1/metrics/values",
                              json::serialize(json::object{{"rows", json::array{Value(99999999, "开票销售", 2021, 1, 1)}}}));
    EXPECT_EQ(Json(nonexistent).at("rows").at(0).at("message").as_string(),
              "单位 99999999 不存在或不在您的管辖范围内");
    EXPECT_EQ(Json(outside).at("rows").at(0).at("message").as_string(),
              "单位 " + std::to_string(suzhou) + " 不存在或不在您的管辖范围内");

    // The metrics feed a target criterion of a campaign over both towns.
    auto detail = Create(c, county, towns);
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    auto fill = c.Send("POST", "/api/v1/campaigns/" + id + "/facts/from-metric",
                       R"({"criterion":"sales","metric":"开票销售","month":3})");
    ASSERT_EQ(fill.status, 200) << fill.body;
    EXPECT_EQ(Json(fill).at("inserted").as_int64(), 4);
    auto facts = Json(c.Get("/api/v1/campaigns/" + id + "/facts"));
    int seen = 0;
    for (const auto& f : facts.at("items").as_array()) {
        if (f.at("subject_id") == detail.at("subjects").at(0).at("id") && f.at("key").as_string() == "actual") {
            EXPECT_EQ(f.at("value").as_string(), "300");
            ++seen;
        }
    }
    EXPECT_EQ(seen, 1);
    auto wrong = c.Send("POST", "/api/v1/campaigns/" + id + "/facts/from-metric",
                        R"({"criterion":"review","metric":"开票销售","month":3})");
    EXPECT_EQ(wrong.status, 422) << wrong.body;
}

TEST_P(EvaluationInputsTest, MetricsImportFromXlsxAllOrNothing) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto towns = Children(c, county, 2);
    const std::string a = Code(c, towns[0]), b = Code(c, towns[1]);
    auto tpl = c.Get("/api/v1/metrics/template.xlsx?parent=" + std::to_string(county) + "&year=2022&metric=" +
                     Encode("外资到账"));
    ASSERT_EQ(tpl.status, 200) << tpl.body;
    const auto tpl_rows = xlsx::Workbook::Open(tpl.body).ReadRows(0);
    ASSERT_GE(tpl_rows.size(), 3u);  // header + the county's towns
    EXPECT_EQ(tpl_rows[0].cells.at(4).text, "年度目标");

    const Cells header{{"单位编码", "单位名称", "指标", "年份", "年度目标", "1月", "2月"}};
    Cells bad = header;
    bad.push_back({a, "", "外资到账", "2022", "800", "100", "abc"});
    bad.push_back({"999999999999", "", "外资到账", "2022", "100", "", ""});
    auto refused = c.Send("POST", "/api/v1/metrics/import", Workbook(bad), true,
                          {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto errors = Json(refused).at("rows").as_array();
    ASSERT_EQ(errors.size(), 1u);  // the sheet's own problem first; units are checked once it reads
    EXPECT_EQ(errors[0].at("row").as_int64(), 2);
    EXPECT_EQ(errors[0].at("field").as_string(), "2月");

    Cells good = header;
    good.push_back({a, "", "外资到账", "2022", "800", "100", "150"});
    good.push_back({b, "", "外资到账", "2022", "400", "", ""});
    auto ok = c.Send("POST", "/api/v1/metrics/import", Workbook(good), true, {});
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("written").as_int64(), 4);
    auto names = Json(c.Get("/api/v1/metrics")).at("items").as_array();
    EXPECT_NE(std::find(names.begin(), names.end(), json::value("外资到账")), names.end());
}

TEST_P(EvaluationInputsTest, CampaignFactsImportFromTheLongAndTheWideSheet) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    auto detail = Create(c, county, Children(c, county, 2));
    ASSERT_FALSE(detail.empty());
    const auto id = std::to_string(detail.at("id").as_int64());
    const std::string first = std::string(detail.at("subjects").at(0).at("name").as_string());
    const std::string second = std::string(detail.at("subjects").at(1).at("name").as_string());
    const std::string import = "/api/v1/campaigns/" + id + "/facts/import";

    Cells long_sheet{{"考核对象", "指标", "键", "值", "评委"},
                     {first, "sales", "target", "100", ""},
                     {first, "sales", "actual", "80", ""},
                     {first, "review", "judge", "90", "张评委"},
                     {second, "sales", "target", "0", ""},
                     {"不存在的镇", "sales", "target", "1", ""}};
    auto refused = c.Send("POST", import, Workbook(long_sheet), true, {});
    ASSERT_EQ(refused.status, 422) << refused.body;
    // Both problems at once, by their lines: target 0 (line 5) and the unknown subject (line 6).
    const auto both = Json(refused).at("rows").as_array();
    ASSERT_EQ(both.size(), 2u) << refused.body;
    EXPECT_EQ(both[0].at("row").as_int64(), 5);
    EXPECT_EQ(both[1].at("row").as_int64(), 6);
    long_sheet.pop_back();
    auto target_zero = c.Send("POST", import, Workbook(long_sheet), true, {});
    ASSERT_EQ(target_zero.status, 422) << target_zero.body;
    EXPECT_EQ(Json(target_zero).at("rows").at(0).at("row").as_int64(), 5);
    EXPECT_EQ(Json(c.Get("/api/v1/campaigns/" + id + "/facts")).at("items").as_array().size(), 0u);
    long_sheet.pop_back();
    auto ok = c.Send("POST", import, Workbook(long_sheet), true, {});
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("layout").as_string(), "long");
    EXPECT_EQ(Json(ok).at("inserted").as_int64(), 3);

    // The wide template carries the current values; filled in and sent back, it updates them.
    auto tpl = c.Get("/api/v1/campaigns/" + id + "/facts/template.xlsx");
    ASSERT_EQ(tpl.status, 200) << tpl.body;
    const auto rows = xlsx::Workbook::Open(tpl.body).ReadRows(0);
    ASSERT_EQ(rows.size(), 3u);
    std::vector<std::string> header;
    for (const auto& cell : rows[0].cells) header.push_back(cell.text);
    ASSERT_GE(header.size(), 3u);
    EXPECT_NE(header[1].find("[sales.actual]"), std::string::npos);
    EXPECT_EQ(rows[1].Find(1)->text, "80");
    Cells wide{header};
    wide.push_back({first, "95", "100"});
    wide.push_back({second, "60", "120"});
    auto updated = c.Send("POST", import, Workbook(wide), true, {});
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(Json(updated).at("layout").as_string(), "wide");
    EXPECT_EQ(Json(updated).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(updated).at("unchanged").as_int64(), 1);
    EXPECT_EQ(Json(updated).at("inserted").as_int64(), 2);

    auto junk = c.Send("POST", import, "not a spreadsheet", true, {});
    EXPECT_EQ(junk.status, 422) << junk.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationInputsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
