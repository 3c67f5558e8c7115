// The rules every request obeys before any handler runs (issue 11, findings 3 and 13): JSON bodies
// say they are JSON, name each key once and carry finite numbers in range; paging parameters out of
// range are refused, not clamped.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

class RequestRulesTest : public BackendTest {};

TEST_P(RequestRulesTest, AJsonRouteRefusesABodyThatIsNotDeclaredJson) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const std::string body = R"({"parent_id":1,"code":"320000999001","name":"测试村","kind":"village"})";
    auto plain = c.Send("POST", "/api/v1/units", body, true, {{"Content-Type", "text/plain"}});
    EXPECT_EQ(plain.status, 415) << plain.body;
    EXPECT_EQ(Json(plain).at("error").at("code").as_string(), "unsupported_media_type");
    auto form = c.Send("POST", "/api/v1/units", body, true, {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(form.status, 415);
    auto json_utf8 = c.Send("POST", "/api/v1/units", body, true, {{"Content-Type", "application/json; charset=utf-8"}});
    EXPECT_NE(json_utf8.status, 415) << json_utf8.body;
}

TEST_P(RequestRulesTest, AKeyGivenTwiceIsRefused) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto r = c.Send("POST", "/api/v1/units", R"({"parent_id":1,"name":"甲","name":"乙","code":"320000999002","kind":"village"})");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(Json(r).at("error").at("field").as_string(), "name");
}

TEST_P(RequestRulesTest, NumbersOutOfRangeAreRefusedNamingTheFieldAndNothingIsStored) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto before = Json(c.Get("/api/v1/units?q=%E8%B6%85%E5%A4%A7%E6%9D%91")).at("total").as_int64();
    for (const char* area : {"1e400", "-1e400", "1e300"}) {
        auto r = c.Send("POST", "/api/v1/units",
                        std::string(R"({"parent_id":1,"code":"320000999003","name":"超大村","kind":"village","area_km2":)") +
                            area + "}");
        EXPECT_EQ(r.status, 422) << area << " " << r.body;
        EXPECT_EQ(Json(r).at("error").at("field").as_string(), "area_km2") << area;
    }
    EXPECT_EQ(Json(c.Get("/api/v1/units?q=%E8%B6%85%E5%A4%A7%E6%9D%91")).at("total").as_int64(), before);
    // Every list still parses as JSON (no Infinity anywhere).
    auto list = c.Get("/api/v1/units?parent=1");
    ASSERT_EQ(list.status, 200);
    EXPECT_NO_THROW(boost::json::parse(list.body));
}

TEST_P(RequestRulesTest, IndicatorValuesOutOfRangeAreRefused) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const std::string unit = std::to_string(Unit("善港村"));
    auto r = c.Send("POST", "/api/v1/metrics/values",
                    R"({"rows":[{"unit_id":)" + unit + R"(,"metric":"开票销售","year":2025,"month":1,"value":1e308}]})");
    EXPECT_EQ(r.status, 422) << r.body;
    auto progress = c.Get("/api/v1/metrics/progress?metric=%E5%BC%80%E7%A5%A8%E9%94%80%E5%94%AE&year=2025&month=1");
    EXPECT_NO_THROW(boost::json::parse(progress.body)) << progress.body;
}

TEST_P(RequestRulesTest, PagingOutsideItsRangeIsRefusedNotClamped) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    for (const char* target : {"/api/v1/people?page=9223372036854775807", "/api/v1/people?page=0",
                               "/api/v1/people?size=100000", "/api/v1/units?page=-1",
                               "/api/v1/points/approvals?offset=-5", "/api/v1/audit?size=0"}) {
        auto r = c.Get(target);
        EXPECT_EQ(r.status, 422) << target << " " << r.body;
    }
    EXPECT_EQ(c.Get("/api/v1/people?page=2&size=10").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestRulesTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing

namespace lingyan::testing {
namespace {

class TextLimitsTest : public BackendTest {};

// Issue 11, finding 10: names and texts have a maximum length (docs/security.md).
TEST_P(TextLimitsTest, OverlongNamesAndTextsAreRefusedNamingTheField) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    std::string long_name;
    for (int i = 0; i < 101; ++i) long_name += "村";
    auto unit = c.Send("POST", "/api/v1/units",
                       R"({"parent_id":1,"code":"320000999009","kind":"village","name":")" + long_name + "\"}");
    EXPECT_EQ(unit.status, 422) << unit.body;
    EXPECT_EQ(Json(unit).at("error").at("field").as_string(), "name");
    std::string huge(300000, 'x');
    auto pool = c.Send("POST", "/api/v1/pools", R"({"name":")" + huge + R"(","quota":1})");
    EXPECT_EQ(pool.status, 422) << pool.body.substr(0, 200);
    std::string long_text(10001, 'y');
    auto program = c.Send("POST", "/api/v1/programs",
                          R"({"name":"测试","kind":"shadow","start_date":"2026-01-01","end_date":"2026-02-01","description":")" +
                              long_text + "\"}");
    EXPECT_EQ(program.status, 422) << program.body.substr(0, 200);
    EXPECT_EQ(Json(program).at("error").at("field").as_string(), "description");
}

// Finding 13: a person's name in the API obeys the import's rule — no control characters, digits
// or formula start — and is spelled as the import spells it ("刘　洋" → "刘洋").
TEST_P(TextLimitsTest, APersonsNameObeysTheImportsRule) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto unit = Unit("灵湖村");
    auto create = [&](const std::string& name_json) {
        return c.Send("POST", "/api/v1/people",
                      R"({"unit_id":)" + std::to_string(unit) + R"(,"name":)" + name_json +
                          R"(,"gender":"male","birth_date":"1990-05-01","education":"bachelor"})");
    };
    for (const char* bad : {R"("张\u0000三")", R"("+1")", R"("-1")", R"("=1+1")", "\"@SUM(A1)\""}) {
        auto r = create(bad);
        EXPECT_EQ(r.status, 422) << bad << ": " << r.body;
        if (r.status == 422) {
            EXPECT_EQ(Json(r).at("error").at("field").as_string(), "name") << bad;
        }
    }
    auto spaced = create(R"("刘　洋")");
    ASSERT_EQ(spaced.status, 201) << spaced.body;
    EXPECT_EQ(Json(spaced).at("name").as_string(), "刘洋");
}

INSTANTIATE_TEST_SUITE_P(Backends, TextLimitsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
