// The real server over HTTP, against each storage backend: login, scope (404/403), CRUD,
// import, bad input, audit.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/common/audit_anchor.hpp"
#include "storage/sql/sql_store.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

class ApiTest : public BackendTest {
protected:
    // The id of the first unit in the caller's scope whose name contains `name`.
    std::int64_t UnitId(Client& c, const std::string& name) {
        auto r = c.Get("/api/v1/units?q=" + Encode(name));
        EXPECT_EQ(r.status, 200) << r.body;
        auto items = Json(r).at("items").as_array();
        EXPECT_FALSE(items.empty()) << name;
        return items.empty() ? 0 : items[0].at("id").as_int64();
    }
};

TEST_P(ApiTest, HealthAnswersOkWithoutSession) {
    auto r = HttpRequest(port(), "GET", "/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, R"({"status":"ok"})");
}

TEST_P(ApiTest, LoginSetsAnHttpOnlyStrictCookieAndBadPasswordIs401) {
    Client c(port());
    auto ok = c.Login("admin");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_NE(ok.headers["set-cookie"].find("HttpOnly"), std::string::npos);
    EXPECT_NE(ok.headers["set-cookie"].find("SameSite=Strict"), std::string::npos);
    auto me = c.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(Json(me).at("role").as_string(), "admin");
    Client bad(port());
    auto r = bad.Login("admin", "wrong-password");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(Json(r).at("error").at("code").as_string(), "unauthorized");
}

TEST_P(ApiTest, RepeatedFailedLoginsAreRateLimited) {
    Client c(port());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(c.Login("county", "nope-nope").status, 401);
    // The account now waits (1 s after the fifth failure, longer after each further one): a wrong
    // password inside the wait answers 429; on a slow machine the first wait may already be over,
    // so guess on until one does — then the right password, at once, is refused as well.
    int status = 0;
    for (int i = 0; i < 10 && status != 429; ++i) status = c.Login("county", "nope-nope").status;
    ASSERT_EQ(status, 429);
    auto limited = c.Login("county");  // even the right password is refused for a while
    EXPECT_EQ(limited.status, 429);
}

TEST_P(ApiTest, RequestsWithoutSessionAre401AndLogoutEndsTheSession) {
    EXPECT_EQ(HttpRequest(port(), "GET", "/api/v1/me").status, 401);
    EXPECT_EQ(HttpRequest(port(), "GET", "/api/v1/units").status, 401);
    Client c(port());
    ASSERT_EQ(c.Login("town").status, 200);
    EXPECT_EQ(c.Send("DELETE", "/api/v1/session", "").status, 204);
    EXPECT_EQ(c.Get("/api/v1/me").status, 401);
}

TEST_P(ApiTest, TownSeesItsSubtreeOnlyAndGets404Outside) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    std::int64_t linghu = UnitId(admin, "灵湖村");
    std::int64_t donglin = UnitId(admin, "东林村");
    EXPECT_EQ(town.Get("/api/v1/units/" + std::to_string(linghu)).status, 200);
    auto outside = town.Get("/api/v1/units/" + std::to_string(donglin));
    EXPECT_EQ(outside.status, 404);
    EXPECT_EQ(town.Get("/api/v1/units/" + std::to_string(donglin) + "/stats").status, 404);
    EXPECT_EQ(town.Get("/api/v1/people?unit=" + std::to_string(donglin)).status, 404);
    // Searching from the town's scope never returns units outside it.
    auto search = Json(town.Get("/api/v1/units?q=" + Encode("东林"))).at("items").as_array();
    EXPECT_TRUE(search.empty());
}

TEST_P(ApiTest, WritesOutsideScopeAreRefusedAndInsideAreAudited) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    std::int64_t linghu = UnitId(admin, "灵湖村");
    std::int64_t donglin = UnitId(admin, "东林村");
    std::int64_t audit_before = server_->runtime().store->CountAudit();
    auto body = [](std::int64_t unit) {
        return json::serialize(json::object{{"unit_id", unit}, {"name", "测试人员"}, {"gender", "female"},
                                            {"birth_date", "1990-05-01"}, {"education", "bachelor"}});
    };
    auto outside = town.Send("POST", "/api/v1/people", body(donglin));
    // A unit outside the scope answers as a nonexistent one: 422 on unit_id (issue 11, finding 4).
    EXPECT_EQ(outside.status, 422) << outside.body;
    EXPECT_EQ(Json(outside).at("error").at("message").as_string(), "所属单位不存在或不在您的管辖范围内");
    EXPECT_EQ(town.Send("POST", "/api/v1/people", body(99999999)).body, outside.body);
    auto created = town.Send("POST", "/api/v1/people", body(linghu));
    ASSERT_EQ(created.status, 201) << created.body;
    std::int64_t id = Json(created).at("id").as_int64();
    EXPECT_EQ(server_->runtime().store->CountAudit(), audit_before + 1);

    auto patched = town.Send("PATCH", "/api/v1/people/" + std::to_string(id), R"({"phone":"13912345678"})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(Json(patched).at("phone").as_string(), "13912345678");
    auto moved = town.Send("PATCH", "/api/v1/people/" + std::to_string(id), json::serialize(json::object{{"unit_id", donglin}}));
    EXPECT_EQ(moved.status, 422) << moved.body;
    auto pos = town.Send("POST", "/api/v1/positions",
                         json::serialize(json::object{{"person_id", id}, {"unit_id", linghu}, {"title", "委员"},
                                                      {"start_date", "2024-01-02"}}));
    ASSERT_EQ(pos.status, 201) << pos.body;
    EXPECT_EQ(town.Send("DELETE", "/api/v1/people/" + std::to_string(id), "").status, 204);
    EXPECT_EQ(town.Get("/api/v1/people/" + std::to_string(id)).status, 404);
    EXPECT_EQ(server_->runtime().store->CountAudit(), audit_before + 4);  // create, update, position, delete
    // The chain verifies: every hash matches its entry and its predecessor.
    auto entries = server_->runtime().store->ListAudit(0, 100000);
    std::string prev(64, '0');
    for (const auto& e : entries) {
        EXPECT_EQ(e.prev_hash, prev);
        EXPECT_EQ(storage::AuditHash(e, storage::LoadOrCreateAuditKey(server_->runtime().audit_key_path)), e.hash);
        prev = e.hash;
    }
}

TEST_P(ApiTest, WritesWithoutCsrfTokenAreRefused) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    auto r = town.Send("POST", "/api/v1/people", "{}", /*with_csrf=*/false);
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(Json(r).at("error").at("code").as_string(), "csrf");
}

TEST_P(ApiTest, BadBodiesNameTheProblemAndWriteNothing) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    std::int64_t people_before = Json(town.Get("/api/v1/people?size=1")).at("total").as_int64();
    auto malformed = town.Send("POST", "/api/v1/people", "{\"name\":");
    EXPECT_EQ(malformed.status, 400);
    auto unknown = town.Send("POST", "/api/v1/people", R"({"name":"x","salary":3})");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(Json(unknown).at("error").at("field").as_string(), "salary");
    auto wrong_type = town.Send("POST", "/api/v1/people", R"({"unit_id":"abc"})");
    EXPECT_EQ(wrong_type.status, 422);
    EXPECT_EQ(Json(wrong_type).at("error").at("field").as_string(), "unit_id");
    auto bad_date = town.Send("POST", "/api/v1/people",
                              R"({"unit_id":1,"name":"x","gender":"male","birth_date":"1990-02-30","education":"high"})");
    EXPECT_GE(bad_date.status, 400);
    EXPECT_LT(bad_date.status, 500);
    auto bad_utf8 = town.Send("POST", "/api/v1/people", "{\"name\":\"\xff\xfe\"}");
    EXPECT_EQ(bad_utf8.status, 400);
    auto too_big = town.Send("POST", "/api/v1/people", "{\"name\":\"" + std::string(2 << 20, 'a') + "\"}");
    EXPECT_EQ(too_big.status, 413);
    EXPECT_EQ(town.Get("/api/v1/units?q=%FF").status, 400);
    EXPECT_EQ(town.Get("/api/v1/units?page=abc").status, 422);
    EXPECT_EQ(Json(town.Get("/api/v1/people?size=1")).at("total").as_int64(), people_before);
}

TEST_P(ApiTest, StaticPathsCannotTraverseOutOfTheWebRoot) {
    auto r = HttpRequest(port(), "GET", "/../../etc/passwd");
    EXPECT_EQ(r.status, 400);
    auto encoded = HttpRequest(port(), "GET", "/%2e%2e/%2e%2e/etc/passwd");
    EXPECT_EQ(encoded.status, 400);
    auto home = HttpRequest(port(), "GET", "/");
    EXPECT_EQ(home.status, 200);
    EXPECT_NE(home.headers["content-type"].find("text/html"), std::string::npos);
}

TEST_P(ApiTest, UnitsPageChildrenAndStatsFollowTheTree) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto roots = Json(admin.Get("/api/v1/units")).at("items").as_array();
    ASSERT_EQ(roots.size(), 2u);  // 江苏省, 浙江省
    std::int64_t town = UnitId(admin, "临湖镇");
    auto kids = Json(admin.Get("/api/v1/units?parent=" + std::to_string(town)));
    EXPECT_EQ(kids.at("total").as_int64(), 3);
    auto page = Json(admin.Get("/api/v1/units?parent=" + std::to_string(town) + "&size=2&page=2"));
    EXPECT_EQ(page.at("items").as_array().size(), 1u);
    auto whole = admin.Get("/api/v1/units/0/stats");
    ASSERT_EQ(whole.status, 200);
    auto stats = Json(admin.Get("/api/v1/units/" + std::to_string(town) + "/stats"));
    EXPECT_GT(Json(whole).at("count").as_int64(), stats.at("count").as_int64());
    std::int64_t count = stats.at("count").as_int64();
    std::int64_t male = stats.at("male").as_int64(), female = stats.at("female").as_int64();
    EXPECT_GT(count, 0);
    EXPECT_EQ(male + female, count);
    std::int64_t banded = 0;
    for (const auto& b : stats.at("age_bands").as_array()) banded += b.at("count").as_int64();
    EXPECT_EQ(banded, count);
}

TEST_P(ApiTest, RosterImportIsAllOrNothingWithEveryBadRowReported) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    std::int64_t before = Json(admin.Get("/api/v1/people?size=1")).at("total").as_int64();
    std::string code = std::string(Json(admin.Get("/api/v1/units?q=" + Encode("灵湖村"))).at("items").at(0).at("code").as_string());
    std::string header = "姓名,性别,出生日期,学历,单位代码,职务,任职日期\n";
    std::string bad = header + "张三,男,1980-01-01,本科," + code + ",委员,2021-01-01\n" +
                      "李四,未知,1980-01-01,本科," + code + ",,\n" +
                      "王五,女,1980-13-01,大专," + code + ",,\n" + "赵六,女,1985-03-04,大专,999999999999,,\n";
    auto refused = admin.Send("POST", "/api/v1/import/roster", bad, true,
                              {{"Content-Type", "text/csv"}, {"X-Filename", "roster.csv"}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    auto rows = Json(refused).at("rows").as_array();
    EXPECT_GE(rows.size(), 3u);
    EXPECT_EQ(Json(admin.Get("/api/v1/people?size=1")).at("total").as_int64(), before);

    std::string good = header + "张三,男,1980-01-01,本科," + code + ",委员,2021-01-01\n" + "李四,女,1992-07-08,大专," +
                       code + ",,\n";
    auto ok = admin.Send("POST", "/api/v1/import/roster", good, true,
                         {{"Content-Type", "text/csv"}, {"X-Filename", "roster.csv"}});
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(Json(ok).at("imported").as_int64(), 2);
    EXPECT_EQ(Json(admin.Get("/api/v1/people?size=1")).at("total").as_int64(), before + 2);
}

TEST_P(ApiTest, ExportsAreXlsxFilesWithTheCurrentFilters) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto r = admin.Get("/api/v1/export/people?position=" + Encode("书记"));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body.substr(0, 2), "PK");
    EXPECT_NE(r.headers["content-disposition"].find("attachment"), std::string::npos);
    auto t = admin.Get("/api/v1/import/roster/template");
    ASSERT_EQ(t.status, 200);
    EXPECT_EQ(t.body.substr(0, 2), "PK");
}

TEST_P(ApiTest, UnitsAreCreatedInsideScopeWithUniqueCodes) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    std::int64_t linhu = UnitId(town, "临湖镇");
    auto body = [](std::int64_t parent, const char* code, const char* name) {
        return json::serialize(json::object{{"parent_id", parent}, {"code", code}, {"name", name}, {"kind", "village"},
                                            {"economy", "agriculture"}, {"population", 3200}});
    };
    auto created = town.Send("POST", "/api/v1/units", body(linhu, "320506001299", "新建村"));
    ASSERT_EQ(created.status, 201) << created.body;
    std::int64_t id = Json(created).at("id").as_int64();
    EXPECT_EQ(town.Get("/api/v1/units/" + std::to_string(id)).status, 200);
    EXPECT_EQ(Json(town.Get("/api/v1/units?parent=" + std::to_string(linhu))).at("total").as_int64(), 4);
    EXPECT_EQ(town.Send("POST", "/api/v1/units", body(linhu, "320506001299", "重复村")).status, 409);
    EXPECT_EQ(Json(town.Send("POST", "/api/v1/units", body(linhu, "12345", "短码村"))).at("error").at("field").as_string(),
              "code");
    EXPECT_EQ(town.Send("POST", "/api/v1/units", body(0, "320582001298", "顶级村")).status, 403);
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    std::int64_t donglin = UnitId(admin, "东林村");
    EXPECT_EQ(town.Send("POST", "/api/v1/units", body(donglin, "320585001299", "越界村")).status, 403);
}

TEST_P(ApiTest, OnlyAdminsReadTheAuditLog) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get("/api/v1/audit").status, 403);
    auto r = admin.Get("/api/v1/audit?size=5");
    ASSERT_EQ(r.status, 200);
    auto items = Json(r).at("items").as_array();
    ASSERT_FALSE(items.empty());
    EXPECT_EQ(items[0].at("seq").as_int64(), 1);
    EXPECT_EQ(Json(admin.Get("/api/v1/audit?size=0")).at("error").at("field").as_string(), "size");
}

TEST_P(ApiTest, MetricsAreInPrometheusTextFormat) {
    HttpRequest(port(), "GET", "/api/v1/health");
    // Issue 11: /metrics needs its token (and answers as if it did not exist without it).
    EXPECT_EQ(HttpRequest(port(), "GET", "/metrics").status, 404);
    EXPECT_EQ(HttpRequest(port(), "GET", "/metrics", "", {{"Authorization", "Bearer wrong"}}).status, 404);
    auto r = HttpRequest(port(), "GET", "/metrics", "", {{"Authorization", std::string("Bearer ") + kTestMetricsToken}});
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("lingyan_http_requests_total{route=\"GET /api/v1/health\",status=\"200\"}"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
