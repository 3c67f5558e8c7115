// Personnel decisions and the nominated 躺平奖 over the real server on each backend: a decision
// cites a published campaign's result, an honour or a talent-pool entry (checked to concern the
// person, in scope); an appointment creates its position in the roster, and citing a pool also
// moves the member to appointed — in one transaction; bad input is 422 naming the field; lists per
// person and per campaign; the demo town decides on its own village secretaries. Nominations: a town
// officer names cadres of his own town, the county reviews with a reason; both audited.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "demo/evaluation_demo.hpp"
#include "demo/personnel_demo.hpp"
#include "integration/downloaded_sheet.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"

namespace lingyan::testing {
namespace {

class Personnel : public CampaignTest {
protected:
    // The first person holding `title` in unit `unit`.
    core::roster::Id Holder(core::roster::Id unit, const std::string& title) {
        core::roster::Id person = 0;
        server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto* pos : index.TeamOf(unit))
                if (pos->title == title && person == 0) person = pos->person_id;
        });
        EXPECT_NE(person, 0) << title;
        return person;
    }
    // A published campaign over three towns of 姜堰区; returns its id and the towns.
    std::pair<std::int64_t, std::vector<std::int64_t>> PublishedCampaign(Client& c) {
        const auto county = UnitId(c, "姜堰区");
        const auto towns = Children(c, county, 3);
        auto detail = Create(c, county, towns);
        const auto id = detail.at("id").as_int64();
        json::array facts;
        for (const auto& s : detail.at("subjects").as_array()) {
            const auto subject = s.at("id").as_int64();
            facts.push_back(Fact(subject, "sales", "target", 100));
            facts.push_back(Fact(subject, "sales", "actual", 90 + subject % 7));
            facts.push_back(Fact(subject, "review", "judge", 80));
        }
        EXPECT_EQ(c.Send("POST", "/api/v1/campaigns/" + std::to_string(id) + "/facts", Facts(facts)).status, 200);
        EXPECT_EQ(c.Send("POST", "/api/v1/campaigns/" + std::to_string(id) + "/publish", "").status, 200);
        return {id, towns};
    }
    static std::string Field(const HttpResult& r) {
        return std::string(Json(r).at("error").at("field").as_string());
    }
    int Audited(const std::string& entity) {
        int n = 0;
        for (const auto& e : Audit()) n += e.entity == entity;
        return n;
    }
};

TEST_P(Personnel, DecisionsCiteACampaignResultOrAnHonourAndListPerPersonAndCampaign) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto [campaign, towns] = PublishedCampaign(c);
    const auto leader = Holder(towns[0], "党委书记");
    json::object body{{"person_id", leader},
                      {"kind", "promotion"},
                      {"ground", "campaign"},
                      {"ground_id", campaign},
                      {"content", "晋升一级调研员"},
                      {"decided_on", "2022-03-01"},
                      {"document_no", "姜组〔2022〕3号"}};
    auto made = c.Send("POST", "/api/v1/decisions", json::serialize(body));
    ASSERT_EQ(made.status, 201) << made.body;
    const auto decision = Json(made).as_object();
    EXPECT_EQ(decision.at("kind_label").as_string(), "晋升职级");
    const std::string label(decision.at("ground_label").as_string());
    EXPECT_NE(label.find("2021年度测试考核"), std::string::npos) << label;
    EXPECT_NE(label.find(" 名"), std::string::npos) << label;  // "… 第 N 名"

    // Bad input, each named by its field; nothing is written.
    auto bad = [&](json::object change, int status, const std::string& field) {
        json::object b = body;
        for (const auto& [k, v] : change) b[k] = v;
        auto r = c.Send("POST", "/api/v1/decisions", json::serialize(b));
        EXPECT_EQ(r.status, status) << r.body;
        if (r.status == status && !field.empty()) {
            EXPECT_EQ(Field(r), field) << r.body;
        }
    };
    bad({{"kind", "fire"}}, 422, "kind");
    bad({{"ground", "rumour"}}, 422, "ground");
    bad({{"content", ""}}, 422, "content");
    bad({{"decided_on", "2022-02-30"}}, 422, "decided_on");
    bad({{"kind", "appointment"}}, 422, "position_title");
    bad({{"ground_id", 999999}}, 404, "ground_id");
    bad({{"person_id", Secretary("大渡社区")}}, 404, "person_id");  // another county: the same answer as none
    // A person neither a subject nor in a subject's team.
    const auto outsider = Holder(Children(c, UnitId(c, "姜堰区"), 5)[4], "党委书记");
    bad({{"person_id", outsider}}, 422, "ground_id");
    // A draft campaign is no ground yet.
    auto draft = Create(c, UnitId(c, "姜堰区"), {towns[0]});
    bad({{"ground_id", draft.at("id").as_int64()}}, 422, "ground_id");
    EXPECT_EQ(Audited("personnel_decision"), 1);

    // An appointment creates the position in the roster, with the decision's date.
    json::object appoint = body;
    appoint["kind"] = "appointment";
    appoint["content"] = "选拔重用：任区委组织部副部长";
    appoint["position_unit_id"] = UnitId(c, "姜堰区");
    appoint["position_title"] = "组织部副部长";
    auto appointed = c.Send("POST", "/api/v1/decisions", json::serialize(appoint));
    ASSERT_EQ(appointed.status, 201) << appointed.body;
    const auto position_id = Json(appointed).at("position_id").as_int64();
    bool found = false;
    const auto body1 = Json(c.Get("/api/v1/people/" + std::to_string(leader)));
    for (const auto& p : body1.at("positions").as_array())
        if (p.at("id").as_int64() == position_id) {
            found = true;
            EXPECT_EQ(p.at("title").as_string(), "组织部副部长");
            EXPECT_EQ(p.at("start_date").as_string(), "2022-03-01");
        }
    EXPECT_TRUE(found);

    // An honour of the person; someone else's honour is not found.
    json::object honour{{"person_id", leader},
                        {"title", "金牌书记"},
                        {"level", "city"},
                        {"year", 2021},
                        {"document_no", "泰组通〔2021〕8号"}};
    auto h = c.Send("POST", "/api/v1/honours", json::serialize(honour));
    ASSERT_EQ(h.status, 201) << h.body;
    json::object reward = body;
    reward["kind"] = "reward";
    reward["ground"] = "honour";
    reward["ground_id"] = Json(h).at("id");
    reward["content"] = "记三等功";
    auto rewarded = c.Send("POST", "/api/v1/decisions", json::serialize(reward));
    ASSERT_EQ(rewarded.status, 201) << rewarded.body;
    EXPECT_EQ(Json(rewarded).at("ground_label").as_string(), "2021 年 市级金牌书记");
    reward["person_id"] = Holder(towns[1], "党委书记");
    EXPECT_EQ(c.Send("POST", "/api/v1/decisions", json::serialize(reward)).status, 404);

    // Lists: per person (all three), per campaign (the two citing it), all in scope.
    EXPECT_EQ(Json(c.Get("/api/v1/people/" + std::to_string(leader) + "/decisions")).at("items").as_array().size(), 3u);
    EXPECT_EQ(Json(c.Get("/api/v1/campaigns/" + std::to_string(campaign) + "/decisions")).at("items").as_array().size(),
              2u);
    EXPECT_EQ(Json(c.Get("/api/v1/decisions?kind=reward")).at("items").as_array().size(), 1u);
    EXPECT_EQ(c.Get("/api/v1/decisions?kind=fire").status, 422);
    EXPECT_EQ(Audited("personnel_decision"), 3);
    // Another county's officer sees none of them; a branch secretary may not read them.
    Client keqiao(port());
    ASSERT_EQ(keqiao.Login("town").status, 200);
    EXPECT_EQ(Json(keqiao.Get("/api/v1/decisions")).at("items").as_array().size(), 0u);
    EXPECT_EQ(keqiao.Get("/api/v1/people/" + std::to_string(leader) + "/decisions").status, 404);
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get("/api/v1/decisions").status, 403);
    EXPECT_EQ(secretary.Send("POST", "/api/v1/decisions", json::serialize(body)).status, 403);
}

TEST_P(Personnel, TheLedgerExportsTheListsDecisionsByKindAndYear) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto [campaign, towns] = PublishedCampaign(c);
    auto decide = [&](std::int64_t person, const char* kind, const char* content, const char* on, const char* no) {
        json::object body{{"person_id", person}, {"kind", kind},       {"ground", "campaign"}, {"ground_id", campaign},
                          {"content", content},  {"decided_on", on},   {"document_no", no}};
        auto r = c.Send("POST", "/api/v1/decisions", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
    };
    decide(Holder(towns[0], "党委书记"), "promotion", "晋升一级调研员", "2022-03-01", "姜组〔2022〕3号");
    decide(Holder(towns[1], "党委书记"), "talk", "排名靠后，谈话提醒", "2023-05-10", "");
    const auto unit_of_first =
        std::string(Json(c.Get("/api/v1/units/" + std::to_string(towns[0]))).at("unit").at("name").as_string());

    // The list filters by year as the export does.
    EXPECT_EQ(Json(c.Get("/api/v1/decisions?year=2022")).at("items").as_array().size(), 1u);
    EXPECT_EQ(Json(c.Get("/api/v1/decisions?year=2023&kind=talk")).at("items").as_array().size(), 1u);
    EXPECT_EQ(Json(c.Get("/api/v1/decisions?year=2023&kind=promotion")).at("items").as_array().size(), 0u);

    auto sheet_of = [&](Client& who, const std::string& query) {
        return DownloadedRows(who.Get("/api/v1/decisions.xlsx" + query), "人事决定台账");
    };
    // Every decision of the county's scope, newest first, as many as the list has.
    const auto listed = Json(c.Get("/api/v1/decisions")).at("items").as_array().size();
    auto rows = sheet_of(c, "");
    ASSERT_EQ(rows.size(), listed + 1);
    EXPECT_EQ(CellText(rows[0], 0), "决定日期");
    EXPECT_EQ(CellText(rows[1], 0), "2023-05-10");
    EXPECT_EQ(CellText(rows[1], 1), "谈话提醒");

    // One year: its one decision, every column.
    rows = sheet_of(c, "?year=2022");
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_NE(rows[1].Find(0), nullptr);
    EXPECT_EQ(rows[1].Find(0)->type, exchange::xlsx::CellType::kDate);
    EXPECT_EQ(CellText(rows[1], 0), "2022-03-01");
    EXPECT_EQ(CellText(rows[1], 1), "晋升职级");
    EXPECT_EQ(CellText(rows[1], 3), unit_of_first);
    EXPECT_EQ(CellText(rows[1], 4), "晋升一级调研员");
    EXPECT_EQ(CellText(rows[1], 5), "考核结果");
    EXPECT_NE(CellText(rows[1], 6).find("2021年度测试考核"), std::string::npos) << CellText(rows[1], 6);
    EXPECT_EQ(CellText(rows[1], 7), "姜组〔2022〕3号");
    EXPECT_EQ(CellText(rows[1], 8), "county");
    EXPECT_EQ(sheet_of(c, "?year=2023&kind=promotion").size(), 1u);  // the header only

    // Bad filters are named; other roles and other counties get nothing of it.
    auto bad_year = c.Get("/api/v1/decisions.xlsx?year=20x2");
    EXPECT_EQ(bad_year.status, 422);
    EXPECT_EQ(Field(bad_year), "year");
    auto bad_kind = c.Get("/api/v1/decisions.xlsx?kind=fire");
    EXPECT_EQ(bad_kind.status, 422);
    EXPECT_EQ(Field(bad_kind), "kind");
    Client keqiao(port());
    ASSERT_EQ(keqiao.Login("town").status, 200);
    EXPECT_EQ(sheet_of(keqiao, "?year=2022").size(), 1u);
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get("/api/v1/decisions.xlsx").status, 403);
}

TEST_P(Personnel, AppointedInAPoolIsADecisionThatCreatesThePositionInOneTransaction) {
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    const auto county = UnitId(c, "姜堰区");
    const auto town = Children(c, county, 1)[0];
    auto pool = c.Send("POST", "/api/v1/pools",
                       json::serialize(json::object{{"name", "兴村特岗书记"}, {"scope_unit_id", county}, {"quota", 5}}));
    ASSERT_EQ(pool.status, 201) << pool.body;
    const auto pool_id = std::to_string(Json(pool).at("id").as_int64());
    const auto person = Holder(town, "镇长");
    auto member = [&](const char* state) {
        return c.Send("POST", "/api/v1/pools/" + pool_id + "/members",
                      json::serialize(json::object{{"person_id", person}, {"state", state}, {"date", "2022-01-10"}}));
    };
    ASSERT_EQ(member("graduated").status, 200) << member("graduated").body;
    // "appointed" only through a decision, which writes the position with it.
    auto direct = member("appointed");
    EXPECT_EQ(direct.status, 422);
    EXPECT_EQ(Field(direct), "state");

    json::object body{{"person_id", person},
                      {"kind", "appointment"},
                      {"ground", "pool"},
                      {"ground_id", Json(pool).at("id")},
                      {"content", "优先推荐为村书记"},
                      {"decided_on", "2022-02-01"},
                      {"position_unit_id", Unit("大渡社区")},
                      {"position_title", "书记"}};
    const auto positions_before =
        Json(c.Get("/api/v1/people/" + std::to_string(person))).at("positions").as_array().size();
    const auto audit_before = AuditCount();
    // A unit outside the county: refused, and nothing of the three writes is left behind.
    auto refused = c.Send("POST", "/api/v1/decisions", json::serialize(body));
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(AuditCount(), audit_before);
    // A unit that does not exist: 422 on the position's unit.
    body["position_unit_id"] = 99999999;
    auto missing = c.Send("POST", "/api/v1/decisions", json::serialize(body));
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(Field(missing), "position_unit_id");

    const auto village = Children(c, town, 1)[0];
    body["position_unit_id"] = village;
    auto made = c.Send("POST", "/api/v1/decisions", json::serialize(body));
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_NE(std::string(Json(made).at("ground_label").as_string()).find("兴村特岗书记"), std::string::npos);
    auto detail = Json(c.Get("/api/v1/pools/" + pool_id));
    ASSERT_EQ(detail.at("members").as_array().size(), 1u);
    EXPECT_EQ(detail.at("members").as_array()[0].at("state").as_string(), "appointed");
    const auto positions = Json(c.Get("/api/v1/people/" + std::to_string(person))).at("positions").as_array();
    EXPECT_EQ(positions.size(), positions_before + 1);
    bool found = false;
    for (const auto& p : positions)
        found = found || (p.at("unit_id").as_int64() == village && p.at("title").as_string() == "书记");
    EXPECT_TRUE(found);
    // The village's team (the roster's read model) has the new secretary at once.
    bool in_team = false;
    const auto body2 = Json(c.Get("/api/v1/units/" + std::to_string(village)));
    for (const auto& m : body2.at("team").as_array())
        in_team = in_team || m.at("person_id").as_int64() == person;
    EXPECT_TRUE(in_team);
    // Appointed once: a second appointment from the pool is refused, and writes nothing.
    const auto audit_after = AuditCount();
    EXPECT_EQ(c.Send("POST", "/api/v1/decisions", json::serialize(body)).status, 409);
    EXPECT_EQ(AuditCount(), audit_after);
    EXPECT_EQ(Json(c.Get("/api/v1/people/" + std::to_string(person))).at("positions").as_array().size(),
              positions.size());
}

TEST_P(Personnel, ATownNamesCadresOfItsOwnTownAndTheCountyReviews) {
    // The demo's town officer (临湖镇) names a cadre of 临湖镇.
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    const auto linhu = Unit("临湖镇");
    const auto cadre = Holder(linhu, "副镇长");
    json::object body{{"person_id", cadre},
                      {"year", 2026},
                      {"category", "slow"},
                      {"reason", "分管的安置房项目拖延三个月未开工"},
                      {"evidence", "镇党委会议纪要第12期"}};
    auto named = town.Send("POST", "/api/v1/tangping/nominations", json::serialize(body));
    ASSERT_EQ(named.status, 201) << named.body;
    const auto nomination = Json(named).as_object();
    EXPECT_EQ(nomination.at("state").as_string(), "pending");
    EXPECT_EQ(nomination.at("category_label").as_string(), "慢作为");
    EXPECT_EQ(nomination.at("nominated_by").as_string(), "town");
    EXPECT_EQ(nomination.at("position").as_string(), "副镇长");
    EXPECT_EQ(town.Send("POST", "/api/v1/tangping/nominations", json::serialize(body)).status, 409);  // once a year

    auto bad = [&](json::object change, int status, const std::string& field) {
        json::object b = body;
        b["category"] = "inaction";
        for (const auto& [k, v] : change) b[k] = v;
        auto r = town.Send("POST", "/api/v1/tangping/nominations", json::serialize(b));
        EXPECT_EQ(r.status, status) << r.body;
        if (r.status == status) {
            EXPECT_EQ(Field(r), field) << r.body;
        }
    };
    bad({{"category", "lazy"}}, 422, "category");
    bad({{"reason", ""}}, 422, "reason");
    bad({{"year", 1990}}, 422, "year");
    bad({{"person_id", Secretary("三里村")}}, 404, "person_id");  // not his town
    // Someone of his town without a post is no cadre.
    core::roster::Id plain = 0;
    server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
        index.ForEachPersonUnder(linhu, [&](const core::roster::Person& p) {
            bool post = false;
            for (const auto* pos : index.PositionsOf(p.id)) post = post || pos->end_date.empty();
            if (!post && plain == 0) plain = p.id;
        });
    });
    if (plain != 0) bad({{"person_id", plain}}, 422, "person_id");

    // The town cannot review; the county of another region does not see it; admin reviews.
    const auto id = std::to_string(nomination.at("id").as_int64());
    const std::string confirm = R"({"confirm":true,"reason":"经核实属实"})";
    EXPECT_EQ(town.Send("POST", "/api/v1/tangping/nominations/" + id + "/review", confirm).status, 403);
    Client county(port());
    ASSERT_EQ(county.Login("county").status, 200);
    EXPECT_EQ(Json(county.Get("/api/v1/tangping/nominations")).at("items").as_array().size(), 0u);
    EXPECT_EQ(county.Send("POST", "/api/v1/tangping/nominations/" + id + "/review", confirm).status, 404);
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto no_reason = admin.Send("POST", "/api/v1/tangping/nominations/" + id + "/review", R"({"confirm":false})");
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(Field(no_reason), "reason");
    auto reviewed = admin.Send("POST", "/api/v1/tangping/nominations/" + id + "/review", confirm);
    ASSERT_EQ(reviewed.status, 200) << reviewed.body;
    EXPECT_EQ(Json(reviewed).at("state").as_string(), "confirmed");
    EXPECT_EQ(Json(reviewed).at("reviewed_by").as_string(), "admin");
    EXPECT_EQ(admin.Send("POST", "/api/v1/tangping/nominations/" + id + "/review", confirm).status, 409);
    auto listed = Json(town.Get("/api/v1/tangping/nominations?year=2026&state=confirmed")).at("items").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("review_reason").as_string(), "经核实属实");
    EXPECT_EQ(town.Get("/api/v1/tangping/nominations?state=maybe").status, 422);

    // 躺平奖提名台账: the list's rows for the same filters, every column in words.
    const auto register_of = [](const HttpResult& r) { return DownloadedRows(r, "躺平奖提名台账"); };
    auto rows = register_of(town.Get("/api/v1/tangping/nominations.xlsx?year=2026&state=confirmed"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(CellText(rows[0], 0), "年度");
    EXPECT_EQ(CellText(rows[1], 0), "2026");
    EXPECT_EQ(CellText(rows[1], 3), "副镇长");
    EXPECT_EQ(CellText(rows[1], 4), "慢作为");
    EXPECT_EQ(CellText(rows[1], 5), "分管的安置房项目拖延三个月未开工");
    EXPECT_EQ(CellText(rows[1], 6), "镇党委会议纪要第12期");
    EXPECT_EQ(CellText(rows[1], 7), "已认定");
    EXPECT_EQ(CellText(rows[1], 8), "town");
    EXPECT_EQ(CellText(rows[1], 10), "admin");
    EXPECT_EQ(CellText(rows[1], 12), "经核实属实");
    const auto pending = Json(town.Get("/api/v1/tangping/nominations?state=pending")).at("items").as_array().size();
    EXPECT_EQ(register_of(town.Get("/api/v1/tangping/nominations.xlsx?state=pending")).size(), pending + 1);
    EXPECT_EQ(register_of(county.Get("/api/v1/tangping/nominations.xlsx")).size(), 1u);  // another region: the header
    auto bad_state = town.Get("/api/v1/tangping/nominations.xlsx?state=maybe");
    EXPECT_EQ(bad_state.status, 422);
    EXPECT_EQ(Field(bad_state), "state");

    Client member(port());
    ASSERT_EQ(member.Login("member").status, 200);
    EXPECT_EQ(member.Get("/api/v1/tangping/nominations").status, 403);
    EXPECT_EQ(member.Get("/api/v1/tangping/nominations.xlsx").status, 403);
    EXPECT_EQ(Audited("tangping_nomination"), 2);
}

// The demo town (临湖镇, issue 14 §3) has work in its scope: its village campaigns and the income
// indicators of its villages; it records decisions on its own village secretaries citing last
// year's published campaign — not a draft, not people of another county — and they stay in its scope.
TEST_P(Personnel, TheTownDecidesOnItsVillageSecretariesFromItsOwnCampaign) {
    auto& rt = server_->runtime();
    demo::LoadDemoTownIndicators(*rt.indicators, *rt.campaigns, *rt.roster);
    const int year = std::stoi(rt.roster->Today().substr(0, 4));
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    std::map<std::string, std::int64_t> campaigns;
    const auto campaign_list = Json(town.Get("/api/v1/campaigns"));
    for (const auto& c : campaign_list.at("items").as_array())
        campaigns[std::string(c.at("name").as_string())] = c.at("id").as_int64();
    const auto closed = campaigns[demo::DemoTownCampaignName(year - 1, true)];
    ASSERT_NE(closed, 0) << "the town sees last year's village campaign";
    // Last year's incomes sum to what the roster (seed 000) says: 灵湖村 1488 万元.
    auto progress = Json(town.Get("/api/v1/metrics/progress?metric=" + Encode("村集体经营性收入") +
                                  "&year=" + std::to_string(year - 1) + "&month=12"));
    std::map<std::string, double> income;
    for (const auto& r : progress.at("rows").as_array())
        income[std::string(r.at("unit_name").as_string())] = r.at("cumulative").as_double();
    ASSERT_EQ(income.size(), 3u);
    EXPECT_NEAR(income["灵湖村"], 1488, 0.1);

    const auto secretary = Holder(Unit("灵湖村"), "书记");
    json::object body{{"person_id", secretary}, {"kind", "reward"},      {"ground", "campaign"},
                      {"ground_id", closed},    {"content", "通报表扬"}, {"decided_on", std::to_string(year) + "-02-01"}};
    auto made = town.Send("POST", "/api/v1/decisions", json::serialize(body));
    ASSERT_EQ(made.status, 201) << made.body;
    const auto decision = Json(made).as_object();
    EXPECT_EQ(decision.at("unit").as_string(), "灵湖村");
    EXPECT_NE(std::string(decision.at("ground_label").as_string()).find("临湖镇村级集体经济发展考核"), std::string::npos);
    EXPECT_EQ(decision.at("decided_by").as_string(), "town");
    if (const auto open = campaigns[demo::DemoTownCampaignName(year, false)]) {  // absent in January
        body["ground_id"] = open;
        auto draft = town.Send("POST", "/api/v1/decisions", json::serialize(body));
        EXPECT_EQ(draft.status, 422) << draft.body;
        EXPECT_EQ(Field(draft), "ground_id");
        body["ground_id"] = closed;
    }
    body["person_id"] = Secretary("三里村");  // 姜堰区: not the town's
    auto outside = town.Send("POST", "/api/v1/decisions", json::serialize(body));
    EXPECT_EQ(outside.status, 404) << outside.body;
    EXPECT_EQ(Field(outside), "person_id");

    const auto listed = Json(town.Get("/api/v1/decisions")).at("items").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("id").as_int64(), decision.at("id").as_int64());
    Client county(port());  // 姜堰区 does not see 临湖镇's decisions
    ASSERT_EQ(county.Login("county").status, 200);
    const auto county_decisions = Json(county.Get("/api/v1/decisions"));
    for (const auto& d : county_decisions.at("items").as_array())
        EXPECT_NE(d.at("id").as_int64(), decision.at("id").as_int64());
    EXPECT_EQ(Audited("personnel_decision"), 1);
}

TEST_P(Personnel, TheDemoRecordsDecisionsFromSanhaoAndNominatedCadres) {
    auto& rt = server_->runtime();
    demo::LoadDemoCampaigns(*rt.campaigns, *rt.roster);
    demo::LoadDemoPersonCampaigns(*rt.campaigns, *rt.roster);
    demo::LoadDemoTownIndicators(*rt.indicators, *rt.campaigns, *rt.roster);
    const int made = demo::LoadDemoPersonnel(*rt.store, rt.store_mutex, *rt.decisions, *rt.nominations, *rt.campaigns,
                                             *rt.pools, *rt.roster);
    // 选拔重用 of three 好班子 towns' cadres, a talk for the last team, 晋升职级 of two 好班长, a reward;
    // 临湖镇's reward for 灵湖村's secretary and talk for 采莲村's.
    EXPECT_EQ(made, 9);
    EXPECT_EQ(demo::LoadDemoPersonnel(*rt.store, rt.store_mutex, *rt.decisions, *rt.nominations, *rt.campaigns,
                                      *rt.pools, *rt.roster),
              0);  // idempotent
    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    std::map<std::string, int> kinds;
    const auto body3 = Json(c.Get("/api/v1/decisions"));
    for (const auto& d : body3.at("items").as_array()) {
        ++kinds[std::string(d.at("kind").as_string())];
        EXPECT_FALSE(d.at("ground_label").as_string().empty());
        if (d.at("kind").as_string() == "appointment") {
            EXPECT_TRUE(d.at("position_id").is_int64()) << d;
        }
    }
    EXPECT_EQ(kinds["appointment"], 3);
    EXPECT_EQ(kinds["promotion"], 2);
    EXPECT_EQ(kinds["reward"], 1);
    EXPECT_EQ(kinds["talk"], 1);
    // The county reviews its town's nominations (one confirmed, one waiting); the town sees its own.
    auto mine = Json(c.Get("/api/v1/tangping/nominations")).at("items").as_array();
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(Json(c.Get("/api/v1/tangping/nominations?state=pending")).at("items").as_array().size(), 1u);
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(Json(town.Get("/api/v1/tangping/nominations")).at("items").as_array().size(), 1u);
    // The town has decisions in its scope: on its own village secretaries, citing its campaign.
    std::map<std::string, std::string> town_decisions;  // unit → kind
    const auto town_list = Json(town.Get("/api/v1/decisions"));
    for (const auto& d : town_list.at("items").as_array())
        town_decisions[std::string(d.at("unit").as_string())] = std::string(d.at("kind").as_string());
    EXPECT_EQ(town_decisions, (std::map<std::string, std::string>{{"灵湖村", "reward"}, {"采莲村", "talk"}}));
    // 姜堰区's talent pool, for the county.
    const auto pools = Json(c.Get("/api/v1/pools"));
    bool jiangyan_pool = false;
    for (const auto& p : pools.at("items").as_array()) jiangyan_pool = jiangyan_pool || p.at("name").as_string() == "姜堰区镇村年轻干部雁阵队伍";
    EXPECT_TRUE(jiangyan_pool);
    // The town has its own pool too, with a nominee waiting for it (and not the county's).
    std::vector<std::string> town_pools;
    const auto town_pool_list = Json(town.Get("/api/v1/pools"));
    for (const auto& p : town_pool_list.at("items").as_array())
        town_pools.emplace_back(p.at("name").as_string());
    EXPECT_EQ(town_pools, std::vector<std::string>{"临湖镇村级后备干部"});
    bool card = false;
    const auto body4 = Json(c.Get("/api/v1/workbench"));
    for (const auto& w : body4.at("cards").as_array())
        if (w.at("key").as_string() == "tangping_pending") card = w.at("count").as_int64() == 1;
    EXPECT_TRUE(card);
}

INSTANTIATE_TEST_SUITE_P(Backends, Personnel, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
