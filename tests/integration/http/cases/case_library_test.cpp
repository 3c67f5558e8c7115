// The case library (经验案例库) over the real server on each backend: an article copied from the web
// is cleaned, converted to simplified characters and linked to the units it names; Chinese words
// are found wherever an article contains them (FTS5 on SQLite, tsvector on PostgreSQL, the same
// tokens); officers and secretaries read, officers import, the importer's scope edits; bad input is
// refused naming its field and writes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;

std::string Seed(const std::string& number) {
    static const std::map<std::string, std::string> kNames = {{"000", "000_eb9f57ce24ab25c7.txt"},
                                                              {"001", "001_752085bce1b2bcbe.txt"},
                                                              {"002", "002_ea54b9c37c75fc56.txt"},
                                                              {"003", "003_09e89491b425070b.txt"}};
    // The seed articles the demo imports (src/demo/cases).
    std::ifstream in(std::string(LINGYAN_FIXTURES) + "/../../src/demo/cases/" + kNames.at(number), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class CaseLibraryTest : public BackendTest {
protected:
    json::value Import(Client& c, const std::string& text, json::array units = {}) {
        auto r = c.Send("POST", "/api/v1/cases", json::serialize(json::object{{"text", text}, {"units", units}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return Json(r);
    }
    static std::vector<std::string> Titles(const json::value& page) {
        std::vector<std::string> out;
        for (const auto& i : page.at("items").as_array()) out.emplace_back(i.at("title").as_string());
        return out;
    }
    static std::string Search(const std::string& q) {
        std::string encoded;
        for (unsigned char ch : q) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", ch);
            encoded += buf;
        }
        return "/api/v1/cases?q=" + encoded;
    }
    static bool HasLine(const json::value& lines, const std::string& part) {
        for (const auto& l : lines.as_array())
            if (std::string(l.as_string()).find(part) != std::string::npos) return true;
        return false;
    }
};

constexpr const char* kJiangyan = "泰州姜堰:百舸破浪千帆扬";
constexpr const char* kNantong = "跟岗培育“头雁”南飞强本领";

TEST_P(CaseLibraryTest, ImportCleansConvertsAndLinksTheUnitsItNames) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    const auto audit_at_start = AuditCount();
    // A reprint in traditional characters with pinyin after every character and a line of spam.
    auto preview = county.Send("POST", "/api/v1/cases/preview", json::serialize(json::object{{"text", Seed("001")}}));
    ASSERT_EQ(preview.status, 200) << preview.body;
    auto p = Json(preview);
    EXPECT_EQ(std::string(p.at("title").as_string()), "江苏张家港锻造过硬乡村振兴干部队伍 先锋领航启新程");
    EXPECT_EQ(std::string(p.at("source").as_string()), "中国组织人事报");
    EXPECT_EQ(std::string(p.at("published").as_string()), "2021-03-22");
    EXPECT_TRUE(p.at("converted").as_bool());
    EXPECT_GT(p.at("pinyin_removed").as_int64(), 100);
    EXPECT_TRUE(HasLine(p.at("dropped"), "无码"));
    EXPECT_FALSE(HasLine(p.at("paragraphs"), "无码"));
    EXPECT_TRUE(HasLine(p.at("paragraphs"), "1323名"));
    EXPECT_TRUE(p.at("units").as_array().empty());  // 张家港 lies outside 姜堰区
    EXPECT_EQ(AuditCount(), audit_at_start);        // a preview writes nothing
    EXPECT_EQ(Json(county.Get("/api/v1/cases")).at("total").as_int64(), 0);

    // The Jiangyan article names the county and its towns: suggested within the officer's scope.
    auto jiangyan =
        Json(county.Send("POST", "/api/v1/cases/preview", json::serialize(json::object{{"text", Seed("002")}})));
    std::vector<std::string> names;
    json::array ids;
    for (const auto& u : jiangyan.at("units").as_array()) {
        names.emplace_back(u.at("name").as_string());
        ids.push_back(u.at("id"));
    }
    EXPECT_EQ(names.front(), "姜堰区");  // named most often
    EXPECT_NE(std::find(names.begin(), names.end(), "罗塘街道"), names.end());
    const auto before = AuditCount();
    auto created = Import(county, Seed("002"), ids);
    EXPECT_EQ(AuditCount(), before + 1);
    EXPECT_EQ(std::string(created.at("title").as_string()), kJiangyan);
    EXPECT_TRUE(created.at("can_edit").as_bool());
    EXPECT_EQ(created.at("units").as_array().size(), ids.size());
    bool quota = false;
    for (const auto& n : created.at("facts").at("numbers").as_array())
        quota = quota || std::string(n.at("text").as_string()) == "18名";
    EXPECT_TRUE(quota) << "the award quota 好班副18名 is among the facts";
    auto read = Json(county.Get("/api/v1/cases/" + std::to_string(created.at("id").as_int64())));
    EXPECT_EQ(read.at("paragraphs").as_array().size(), 22u);
    EXPECT_EQ(std::string(read.at("created_by").as_string()), "county");
}

TEST_P(CaseLibraryTest, ChineseWordsAreFoundWhereverAnArticleContainsThem) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    Import(admin, Seed("000"));
    Import(admin, Seed("002"), json::array{Unit("罗塘街道")});
    auto titles = [&](const std::string& q) { return Titles(Json(admin.Get(Search(q)))); };
    using T = std::vector<std::string>;
    EXPECT_EQ(titles("跟岗培育"), T{kNantong});
    EXPECT_EQ(titles("三好创争"), T{kJiangyan});
    EXPECT_EQ(titles("北联"), T{kNantong});       // inside 北联村
    EXPECT_EQ(titles("45个"), T{kNantong});       // digits and a character
    EXPECT_EQ(titles("头雁”南飞"), T{kNantong});  // across punctuation, in the title
    EXPECT_EQ(titles("跟岗培育 姜堰"), T{});      // every word must match
    EXPECT_EQ(titles("培育跟岗"), T{});           // the words in their order
    EXPECT_EQ(titles("百舸破浪").front(), kJiangyan);
    EXPECT_EQ(titles("村").size(), 2u);        // one character
    EXPECT_EQ(titles("").front(), kJiangyan);  // no words: newest publication first

    // The snippet marks the word where it stands.
    auto page = Json(admin.Get(Search("跟岗培育")));
    bool marked = false;
    for (const auto& part : page.at("items").as_array()[0].at("snippet").as_array())
        marked = marked || (part.at("hit").as_bool() && std::string(part.at("text").as_string()) == "跟岗培育");
    EXPECT_TRUE(marked);
    // Year, a unit's subtree, pages.
    EXPECT_EQ(Titles(Json(admin.Get("/api/v1/cases?year=2022"))), T{kJiangyan});
    EXPECT_EQ(Titles(Json(admin.Get("/api/v1/cases?year=2019"))), T{});
    EXPECT_EQ(Titles(Json(admin.Get("/api/v1/cases?unit=" + std::to_string(Unit("姜堰区"))))), T{kJiangyan});
    auto first = Json(admin.Get("/api/v1/cases?size=1&page=2"));
    EXPECT_EQ(first.at("total").as_int64(), 2);
    EXPECT_EQ(Titles(first), T{kNantong});
    EXPECT_EQ(Json(admin.Get("/api/v1/cases/years")).at("years"), (json::array{2022}));

    // An edited title is searched by its new words; a deleted case is found no more.
    const auto id = std::to_string(Json(admin.Get(Search("三好创争"))).at("items").as_array()[0].at("id").as_int64());
    ASSERT_EQ(admin.Send("PATCH", "/api/v1/cases/" + id, R"({"title":"姜堰三好创争经验"})").status, 200);
    EXPECT_EQ(titles("三好创争经验"), T{"姜堰三好创争经验"});
    EXPECT_EQ(titles("百舸破浪"), T{});
    EXPECT_EQ(admin.Send("DELETE", "/api/v1/cases/" + id, "").status, 204);
    EXPECT_EQ(titles("三好创争"), T{});
    EXPECT_EQ(admin.Get("/api/v1/cases/" + id).status, 404);
}

TEST_P(CaseLibraryTest, OfficersAndSecretariesReadOfficersImportTheImportersScopeEdits) {
    Client county(port()), town(port()), secretary(port()), member(port()), judge(port());
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(judge.Login("judge").status, 200);
    auto made = Import(county, Seed("002"), json::array{Unit("罗塘街道"), Unit("姜堰区")});
    const auto id = std::to_string(made.at("id").as_int64());

    // Secretaries read and search; the links outside their scope are not shown.
    EXPECT_EQ(Json(secretary.Get("/api/v1/cases")).at("total").as_int64(), 1);
    auto seen = Json(secretary.Get("/api/v1/cases/" + id));
    EXPECT_TRUE(seen.at("units").as_array().empty());
    EXPECT_FALSE(seen.at("can_edit").as_bool());
    // Nor may they import: refused before the body is read (a bad body answers 403, not 422).
    EXPECT_EQ(secretary.Send("POST", "/api/v1/cases/preview", "not json").status, 403);
    EXPECT_EQ(secretary.Send("POST", "/api/v1/cases", "not json").status, 403);
    EXPECT_EQ(secretary.Send("DELETE", "/api/v1/cases/" + id, "").status, 403);
    for (Client* c : {&member, &judge}) {
        EXPECT_EQ(c->Get("/api/v1/cases").status, 403);
        EXPECT_EQ(c->Get("/api/v1/cases/" + id).status, 403);
    }
    // Another officer outside the importer's scope reads but may not edit.
    EXPECT_FALSE(Json(town.Get("/api/v1/cases/" + id)).at("can_edit").as_bool());
    EXPECT_EQ(town.Send("PATCH", "/api/v1/cases/" + id, R"({"title":"x"})").status, 403);
    EXPECT_EQ(town.Send("DELETE", "/api/v1/cases/" + id, "").status, 403);
    EXPECT_EQ(town.Get("/api/v1/cases?unit=" + std::to_string(Unit("姜堰区"))).status, 404);  // a filter out of scope
    // A link to a unit outside the editor's scope is refused naming it; the importer edits.
    auto outside = county.Send("PATCH", "/api/v1/cases/" + id,
                               json::serialize(json::object{{"units", json::array{Unit("临湖镇")}}}));
    EXPECT_EQ(outside.status, 422);
    EXPECT_NE(outside.body.find(std::to_string(Unit("临湖镇"))), std::string::npos);
    auto edited = county.Send("PATCH", "/api/v1/cases/" + id,
                              json::serialize(json::object{{"units", json::array{Unit("白米镇")}}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(std::string(Json(edited).at("units").as_array()[0].at("name").as_string()), "白米镇");
    EXPECT_EQ(Json(edited).at("units").as_array().size(), 1u);
    EXPECT_EQ(county.Get("/api/v1/cases/999999").status, 404);
    EXPECT_EQ(county.Send("DELETE", "/api/v1/cases/" + id, "").status, 204);
}

TEST_P(CaseLibraryTest, BadInputIsRefusedNamingItsFieldAndWritesNothing) {
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    const auto audit_before = AuditCount();
    auto field = [&](const HttpResult& r) {
        EXPECT_EQ(r.status, 422) << r.body;
        return r.status == 422 ? std::string(Json(r).at("error").at("field").as_string()) : std::string();
    };
    auto post = [&](json::object body) { return county.Send("POST", "/api/v1/cases", json::serialize(body)); };
    EXPECT_EQ(field(post({{"text", "   "}})), "text");
    EXPECT_EQ(field(post({{"text", std::string(300'001, 'a')}})), "text");
    EXPECT_EQ(field(post({{"text", "当前位置:首页 > 新闻\n分享到:\n相关文章"}})), "text");  // chrome only
    EXPECT_EQ(field(post({{"text", 7}})), "text");
    EXPECT_EQ(field(post({{"text", Seed("000")}, {"url", "ftp://example.org/a"}})), "url");
    EXPECT_EQ(field(post({{"text", Seed("000")}, {"title", std::string(201 * 3, 'x')}})), "title");
    auto unit = post({{"text", Seed("000")}, {"units", json::array{999999}}});
    EXPECT_EQ(field(unit), "units");
    EXPECT_NE(unit.body.find("999999"), std::string::npos);
    EXPECT_EQ(field(county.Get(Search(std::string(101, 'a')))), "q");
    EXPECT_EQ(field(county.Get("/api/v1/cases?size=51")), "size");
    EXPECT_EQ(field(county.Get("/api/v1/cases?year=abc")), "year");
    EXPECT_EQ(field(county.Get("/api/v1/cases?page=0")), "page");
    EXPECT_EQ(Json(county.Get("/api/v1/cases")).at("total").as_int64(), 0);
    EXPECT_EQ(AuditCount(), audit_before);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseLibraryTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
