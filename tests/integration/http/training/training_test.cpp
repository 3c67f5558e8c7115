// Talent pipeline and training over HTTP, against each storage backend: a program's life cycle
// (create → batch → recommendation → placements → seminar → summary, assessment, follow-ups →
// agreements → dashboard counts), bad input refused with nothing written (host at capacity,
// outside the program's dates, overlapping placement, quota overflow, ineligible selection
// without a reason), scope, the gap view and the demo's Nantong → Suzhou program.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo/training_demo.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using core::roster::Id;

class TrainingTest : public BackendTest {
protected:

    // A program of 南通市 with three hosts (capacity `capacity`) and one batch of `trainees`.
    json::object CreateProgram(Client& c, const std::vector<Id>& trainees, int capacity, const std::string& name) {
        json::array ids;
        for (Id t : trainees) ids.push_back(t);
        json::object body{
            {"name", name},
            {"scope_unit_id", Unit("南通市")},
            {"start_date", "2021-07-01"},
            {"end_date", "2021-09-30"},
            {"hosts", json::array{json::object{{"unit_id", Unit("北联村")}, {"capacity", capacity},
                                               {"mentor_person_id", Secretary("北联村")}},
                                  json::object{{"unit_id", Unit("灵湖村")}, {"capacity", capacity}},
                                  json::object{{"unit_id", Unit("善港村")}, {"capacity", capacity}}}},
            {"batches", json::array{json::object{{"name", "第一批"},
                                                 {"start_date", "2021-07-05"},
                                                 {"end_date", "2021-08-04"},
                                                 {"trainees", std::move(ids)}}}}};
        auto r = c.Send("POST", "/api/v1/programs", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Json(r).as_object() : json::object{};
    }
    json::object Program(Client& c, std::int64_t id) {
        auto r = c.Get("/api/v1/programs/" + std::to_string(id));
        EXPECT_EQ(r.status, 200) << r.body;
        return Json(r).as_object();
    }
    static json::object Placement(Id person, Id host, const char* start = nullptr, const char* end = nullptr) {
        json::object o{{"person_id", person}, {"host_unit_id", host}, {"focus", json::array{"特色产业", "农文旅"}}};
        if (start) o["start_date"] = start;
        if (end) o["end_date"] = end;
        return o;
    }
    HttpResult Place(Client& c, std::int64_t program, json::array placements) {
        return c.Send("POST", "/api/v1/programs/" + std::to_string(program) + "/placements",
                      json::serialize(json::object{{"placements", std::move(placements)}}));
    }
};

// A program cannot be used to look people up (issue 11, finding 4): a mentor who is not a person of
// the host unit, or a trainee outside the program's unit and the caller's scope, answers exactly as
// a nonexistent id, and the answer carries no name.
TEST_P(TrainingTest, AProgramNamesNoOneOutsideWhatTheCallerMayName) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    const Id stranger = Secretary("北门大街社区");  // a person of another unit than the host
    std::string stranger_name;
    server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
        stranger_name = index.FindPerson(stranger)->name;
    });
    ASSERT_FALSE(stranger_name.empty());
    auto attempt = [&](Id mentor, Id trainee) {
        json::object body{
            {"name", "查名字"},
            {"scope_unit_id", Unit("南通市")},
            {"start_date", "2021-07-01"},
            {"end_date", "2021-09-30"},
            {"hosts", json::array{json::object{{"unit_id", Unit("北联村")}, {"capacity", 2}, {"mentor_person_id", mentor}}}},
            {"batches", json::array{json::object{{"name", "第一批"},
                                                 {"start_date", "2021-07-05"},
                                                 {"end_date", "2021-08-04"},
                                                 {"trainees", json::array{trainee}}}}}};
        return admin.Send("POST", "/api/v1/programs", json::serialize(body));
    };
    const Id trainee = Secretary("品建村");
    auto foreign_mentor = attempt(stranger, trainee);
    auto no_mentor = attempt(99999999, trainee);
    EXPECT_EQ(foreign_mentor.status, 422) << foreign_mentor.body;
    EXPECT_EQ(foreign_mentor.body, no_mentor.body);
    EXPECT_EQ(foreign_mentor.body.find(stranger_name), std::string::npos) << foreign_mentor.body;
    // 北门大街社区 is in 常熟, outside the program's 南通市.
    auto foreign_trainee = attempt(Secretary("北联村"), stranger);
    EXPECT_EQ(foreign_trainee.status, 422) << foreign_trainee.body;
    EXPECT_EQ(foreign_trainee.body.find(stranger_name), std::string::npos) << foreign_trainee.body;
    EXPECT_EQ(Json(foreign_trainee).at("error").at("message").as_string(),
              "学员 " + std::to_string(stranger) + " 不存在，或不在项目所属单位和您的管辖范围内");
}

TEST_P(TrainingTest, ProgramLifeCycleEndsInDashboardCounts) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const std::vector<Id> trainees = {Secretary("品建村"), Secretary("官公河村"), Secretary("同盟村")};
    auto program = CreateProgram(c, trainees, 2, "测试跟岗培育");
    const auto id = program.at("id").as_int64();
    const auto batch = program.at("batches").as_array().at(0).at("id").as_int64();
    const std::string base = "/api/v1/programs/" + std::to_string(id);

    // Recommendation: optimal hosts with both profiles side by side.
    auto rec = c.Get(base + "/recommendation?batch=" + std::to_string(batch));
    ASSERT_EQ(rec.status, 200) << rec.body;
    auto rj = Json(rec).as_object();
    ASSERT_EQ(rj.at("rows").as_array().size(), 3u);
    EXPECT_EQ(rj.at("placed").as_int64() + rj.at("unplaced").as_int64(), 3);
    const auto& first = rj.at("rows").as_array().at(0).as_object();
    EXPECT_EQ(first.at("person_id").as_int64(), trainees[0]);
    ASSERT_TRUE(first.at("host").is_object()) << rec.body;  // 品建村 has similar, richer hosts
    EXPECT_GT(first.at("gap").as_double(), 0);
    EXPECT_GE(first.at("similarity").as_double(), 0.5);
    EXPECT_EQ(first.at("trainee").at("name").as_string(), "品建村");
    EXPECT_EQ(first.at("trainee").at("incomes").as_array().size(), 5u);

    // Officer override: everyone to the recommended host, or 善港村 when none.
    json::array placements;
    for (const auto& row : rj.at("rows").as_array()) {
        const auto& host = row.at("host");
        placements.push_back(Placement(row.at("person_id").as_int64(),
                                       host.is_object() ? host.at("unit_id").as_int64() : Unit("善港村")));
    }
    auto placed = Place(c, id, placements);
    ASSERT_EQ(placed.status, 201) << placed.body;
    auto items = Json(placed).at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].at("start_date").as_string(), "2021-07-05");  // the batch's dates
    EXPECT_EQ(items[0].at("focus").as_string(), "特色产业、农文旅");
    const auto placement = items[0].at("id").as_int64();

    // Recommendation after placement: nobody left to place.
    rec = c.Get(base + "/recommendation?batch=" + std::to_string(batch));
    EXPECT_EQ(Json(rec).at("rows").as_array().size(), 0u);

    auto seminar = c.Send("POST", base + "/seminars",
                          json::serialize(json::object{
                              {"batch_id", batch},
                              {"date", "2021-07-10"},
                              {"topic", "七嘴八舌交流研讨会"},
                              {"attendance", json::array{json::object{{"person_id", trainees[0]}, {"present", true}},
                                                         json::object{{"person_id", trainees[1]}, {"present", true}},
                                                         json::object{{"person_id", trainees[2]}, {"present", false}}}}}));
    ASSERT_EQ(seminar.status, 201) << seminar.body;
    EXPECT_EQ(Json(seminar).at("present").as_int64(), 2);

    const std::string pbase = base + "/placements/" + std::to_string(placement);
    auto summary = c.Send("POST", pbase + "/summary", R"({"text":"要发展，必须解放思想。","date":"2021-08-04"})");
    ASSERT_EQ(summary.status, 200) << summary.body;
    auto assess = c.Send("POST", pbase + "/assessment", R"({"grade":"优秀","text":"主动请教"})");
    ASSERT_EQ(assess.status, 200) << assess.body;
    EXPECT_EQ(Json(assess).at("assessment_grade").as_string(), "优秀");
    auto actions = c.Send("POST", pbase + "/actions", R"({"items":["建设现代农业产业园"]})");
    ASSERT_EQ(actions.status, 201) << actions.body;
    auto followups = Json(actions).at("items").as_array();
    ASSERT_EQ(followups.size(), 2u);  // at 3 and 6 months
    EXPECT_EQ(followups[0].at("due_date").as_string(), "2021-11-04");
    EXPECT_EQ(followups[1].at("due_date").as_string(), "2022-02-04");
    auto done = c.Send("POST", base + "/followups/" + std::to_string(followups[0].at("id").as_int64()),
                       R"({"note":"已立项","date":"2021-11-01"})");
    ASSERT_EQ(done.status, 200) << done.body;

    auto agreements = c.Send(
        "POST", base + "/agreements",
        json::serialize(json::object{
            {"agreements",
             json::array{json::object{{"unit_a", Unit("品建村")}, {"unit_b", Unit("北联村")}, {"title", "结对共建协议"},
                                      {"signed_on", "2021-08-01"}, {"status", "signed"}},
                         json::object{{"unit_a", Unit("官公河村")}, {"unit_b", Unit("灵湖村")}, {"title", "农文旅合作"},
                                      {"status", "draft"}}}}}));
    ASSERT_EQ(agreements.status, 201) << agreements.body;

    auto detail = Program(c, id);
    const auto& d = detail.at("dashboard").as_object();
    EXPECT_EQ(d.at("placements").as_int64(), 3);
    EXPECT_EQ(d.at("trainees").as_int64(), 3);
    EXPECT_EQ(d.at("seminars").as_int64(), 1);
    EXPECT_EQ(d.at("attendance_present").as_int64(), 2);
    EXPECT_EQ(d.at("attendance_total").as_int64(), 3);
    EXPECT_NEAR(d.at("attendance_rate").as_double(), 2.0 / 3.0, 1e-9);
    EXPECT_EQ(d.at("summaries_in").as_int64(), 1);
    EXPECT_EQ(d.at("assessments_in").as_int64(), 1);
    EXPECT_EQ(d.at("agreements_total").as_int64(), 2);
    EXPECT_EQ(d.at("agreements_signed").as_int64(), 1);
    EXPECT_EQ(d.at("followups_total").as_int64(), 2);
    EXPECT_EQ(d.at("followups_done").as_int64(), 1);
    EXPECT_NEAR(d.at("followup_completion").as_double(), 0.5, 1e-9);
    std::int64_t by_host = 0;
    for (const auto& h : d.at("placements_by_host").as_array()) by_host += h.at("count").as_int64();
    EXPECT_EQ(by_host, 3);

    auto list = c.Get("/api/v1/programs");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(Json(list).at("items").as_array().size(), 1u);

    // The gap view: the trainee's unit against its host, year by year.
    auto gap = c.Get("/api/v1/units/" + std::to_string(Unit("品建村")) + "/gap?host=" + std::to_string(Unit("北联村")));
    ASSERT_EQ(gap.status, 200) << gap.body;
    auto gj = Json(gap).as_object();
    EXPECT_EQ(gj.at("years").as_array().size(), 5u);
    EXPECT_GT(gj.at("gap").as_double(), 2.0);  // 13 M against 1.6 M: ln ≈ 2.1
    EXPECT_GT(gj.at("similarity").as_double(), 0.9);
}

TEST_P(TrainingTest, BadPlacementsAreRefusedAndNothingIsWritten) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村"), b = Secretary("同盟村");
    auto program = CreateProgram(c, {a, b}, 1, "容量测试");
    const auto id = program.at("id").as_int64();
    const Id beilian = Unit("北联村"), linghu = Unit("灵湖村");
    const auto audit_before = AuditCount();

    auto full = Place(c, id, json::array{Placement(a, beilian), Placement(b, beilian)});
    EXPECT_EQ(full.status, 409) << full.body;  // host at capacity
    auto outside = Place(c, id, json::array{Placement(a, linghu, "2021-06-20", "2021-07-20")});
    EXPECT_EQ(outside.status, 422) << outside.body;  // before the program starts
    auto reversed = Place(c, id, json::array{Placement(a, linghu, "2021-08-01", "2021-07-20")});
    EXPECT_EQ(reversed.status, 422) << reversed.body;
    EXPECT_EQ(Program(c, id).at("placements").as_array().size(), 0u);
    EXPECT_EQ(AuditCount(), audit_before);

    ASSERT_EQ(Place(c, id, json::array{Placement(a, beilian)}).status, 201);
    auto overlap = Place(c, id, json::array{Placement(a, linghu, "2021-07-20", "2021-08-20")});
    EXPECT_EQ(overlap.status, 409) << overlap.body;  // one person, two places at once
    auto unknown = Place(c, id, json::array{Placement(b, 999999)});
    EXPECT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_EQ(Program(c, id).at("placements").as_array().size(), 1u);

    auto bad_seminar = c.Send("POST", "/api/v1/programs/" + std::to_string(id) + "/seminars",
                              R"({"date":"2022-01-01","topic":"太晚"})");
    EXPECT_EQ(bad_seminar.status, 422) << bad_seminar.body;
    auto bad_agreement = c.Send("POST", "/api/v1/programs/" + std::to_string(id) + "/agreements",
                                R"({"agreements":[{"unit_a":1,"unit_b":1,"title":"同一单位","status":"signed"}]})");
    EXPECT_EQ(bad_agreement.status, 422) << bad_agreement.body;
    EXPECT_EQ(Program(c, id).at("dashboard").at("agreements_total").as_int64(), 0);
}

TEST_P(TrainingTest, PoolsCheckCandidatesQuotaAndOverrideReasons) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    // Nobody in the demo is 20 or younger: every selection needs an override reason.
    auto created = c.Send("POST", "/api/v1/pools",
                          json::serialize(json::object{{"name", "测试梯队"},
                                                       {"scope_unit_id", Unit("南通市")},
                                                       {"quota", 1},
                                                       {"rules", json::object{{"max_age", 20}, {"min_party", "full"}}}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto pool = Json(created).at("id").as_int64();
    const std::string base = "/api/v1/pools/" + std::to_string(pool);

    auto candidates = c.Get(base + "/candidates?unit=" + std::to_string(Unit("品建村")));
    ASSERT_EQ(candidates.status, 200) << candidates.body;
    auto cj = Json(candidates).as_object();
    ASSERT_FALSE(cj.at("items").as_array().empty());
    EXPECT_EQ(cj.at("eligible").as_int64(), 0);
    const auto& check = cj.at("items").as_array().at(0).at("checks").as_array().at(0);
    EXPECT_EQ(check.at("rule").as_string(), "age");
    EXPECT_FALSE(check.at("passed").as_bool());
    EXPECT_NE(std::string(check.at("reason").as_string()).find("超过上限 20 岁"), std::string::npos);

    const Id a = Secretary("品建村"), b = Secretary("同盟村");
    const auto audit_before = AuditCount();
    auto refused = c.Send("POST", base + "/members",
                          json::serialize(json::object{{"person_id", a}, {"state", "selected"}}));
    EXPECT_EQ(refused.status, 409) << refused.body;  // ineligible, no reason
    EXPECT_EQ(Json(c.Get(base)).at("members").as_array().size(), 0u);
    EXPECT_EQ(AuditCount(), audit_before);

    auto selected = c.Send("POST", base + "/members",
                           json::serialize(json::object{{"person_id", a},
                                                        {"state", "selected"},
                                                        {"date", "2021-03-01"},
                                                        {"override_reason", "市委组织部特批"}}));
    ASSERT_EQ(selected.status, 200) << selected.body;
    EXPECT_EQ(Json(selected).at("state").as_string(), "selected");
    EXPECT_EQ(Json(selected).at("history").as_array().size(), 1u);  // nominated → selected

    auto overflow = c.Send("POST", base + "/members",
                           json::serialize(json::object{{"person_id", b},
                                                        {"state", "selected"},
                                                        {"date", "2021-03-01"},
                                                        {"override_reason", "特批"}}));
    EXPECT_EQ(overflow.status, 409) << overflow.body;  // quota 1 is used
    auto detail = Json(c.Get(base)).as_object();
    EXPECT_EQ(detail.at("members").as_array().size(), 1u);
    EXPECT_EQ(detail.at("used").as_int64(), 1);
    EXPECT_EQ(detail.at("free").as_int64(), 0);

    auto next = c.Send("POST", base + "/members",
                       json::serialize(json::object{{"person_id", a}, {"state", "in_training"}, {"date", "2021-04-01"}}));
    ASSERT_EQ(next.status, 200) << next.body;
    EXPECT_EQ(Json(next).at("history").as_array().size(), 2u);

    auto bad_rules = c.Send("POST", "/api/v1/pools",
                            R"({"name":"坏规则","quota":5,"scope_unit_id":1,"rules":{"max_age":"old"}})");
    EXPECT_EQ(bad_rules.status, 422) << bad_rules.body;
    auto no_quota = c.Send("POST", "/api/v1/pools", R"({"name":"无名额","quota":0,"scope_unit_id":1})");
    EXPECT_EQ(no_quota.status, 422) << no_quota.body;
}

// Issue 12 item 1: an item raised at a training seminar becomes a ticket in one action; the ticket
// keeps the seminar as its source. A seminar the caller may not read answers as nonexistent.
TEST_P(TrainingTest, AnItemRaisedAtASeminarBecomesATicket) {
    Client admin(port()), town(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(town.Login("town").status, 200);
    auto program = CreateProgram(admin, {Secretary("品建村")}, 2, "研讨转工单");
    const auto base = "/api/v1/programs/" + std::to_string(program.at("id").as_int64());
    auto seminar = admin.Send("POST", base + "/seminars",
                              json::serialize(json::object{{"date", "2021-07-12"}, {"topic", "痛点难点堵点研讨会"}}));
    ASSERT_EQ(seminar.status, 201) << seminar.body;
    const auto seminar_id = Json(seminar).at("id").as_int64();

    json::object item{{"title", "村级集体经济项目审批慢"}, {"detail", "研讨会上学员反映"}, {"category", "governance"},
                      {"unit_id", Unit("品建村")}, {"source", "seminar"}, {"source_id", seminar_id}};
    auto created = admin.Send("POST", "/api/v1/tickets", json::serialize(item));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(std::string(Json(created).at("source").as_string()), "seminar");
    EXPECT_EQ(Json(created).at("source_id").as_int64(), seminar_id);
    const auto detail = Json(admin.Get("/api/v1/tickets/" + std::to_string(Json(created).at("id").as_int64())));
    EXPECT_EQ(std::string(detail.at("source_title").as_string()), "研讨转工单 · 痛点难点堵点研讨会");

    // 临湖镇 cannot read the Nantong program: its seminar is not a source it may cite (for its own village).
    const auto audit_before = AuditCount();
    item["unit_id"] = Unit("灵湖村");
    auto refused = town.Send("POST", "/api/v1/tickets", json::serialize(item));
    EXPECT_EQ(refused.status, 404) << refused.body;
    EXPECT_NE(refused.body.find("\"source_id\""), std::string::npos);
    EXPECT_EQ(refused.body.find("痛点"), std::string::npos);
    item["source_id"] = seminar_id + 1000;
    EXPECT_EQ(admin.Send("POST", "/api/v1/tickets", json::serialize(item)).status, 404);
    EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(TrainingTest, ScopeHidesOtherRegionsAndRefusesTheirChanges) {
    Client admin(port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto program = CreateProgram(admin, {Secretary("品建村")}, 2, "范围测试");
    const auto id = program.at("id").as_int64();

    Client town(port());  // 临湖镇 (Suzhou): the Nantong program is not theirs
    ASSERT_EQ(town.Login("town").status, 200);
    EXPECT_EQ(town.Get("/api/v1/programs/" + std::to_string(id)).status, 404);
    EXPECT_EQ(Json(town.Get("/api/v1/programs")).at("items").as_array().size(), 0u);
    EXPECT_EQ(Place(town, id, json::array{Placement(Secretary("品建村"), Unit("北联村"))}).status, 404);

    Client county(port());  // 姜堰区 may not create a program for 南通市
    ASSERT_EQ(county.Login("county").status, 200);
    auto other = county.Send("POST", "/api/v1/programs",
                             json::serialize(json::object{{"name", "越权"},
                                                          {"scope_unit_id", Unit("南通市")},
                                                          {"start_date", "2021-07-01"},
                                                          {"end_date", "2021-07-31"}}));
    EXPECT_EQ(other.status, 403) << other.body;

    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    auto pool = secretary.Send("POST", "/api/v1/pools", R"({"name":"越权","quota":3})");
    EXPECT_EQ(pool.status, 403) << pool.body;
    EXPECT_EQ(Program(admin, id).at("placements").as_array().size(), 0u);
}

TEST_P(TrainingTest, DemoShipsTheNantongSuzhouProgram) {
    auto& rt = server_->runtime();
    const int placed = demo::LoadDemoTraining(*rt.store, *rt.roster, *rt.pools, *rt.programs, *rt.ladder, rt.clock);
    EXPECT_EQ(placed, 48);
    EXPECT_EQ(demo::LoadDemoTraining(*rt.store, *rt.roster, *rt.pools, *rt.programs, *rt.ladder, rt.clock), 0);  // idempotent

    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto list = Json(c.Get("/api/v1/programs")).at("items").as_array();
    ASSERT_EQ(list.size(), 1u);
    const auto& d = list[0].at("dashboard").as_object();
    EXPECT_EQ(d.at("batches").as_int64(), 2);
    EXPECT_EQ(d.at("trainees").as_int64(), 48);
    EXPECT_EQ(d.at("placements").as_int64(), 48);
    EXPECT_EQ(d.at("hosts").as_int64(), 9);
    EXPECT_EQ(d.at("seminars").as_int64(), 8);
    EXPECT_EQ(d.at("summaries_in").as_int64(), 48);
    EXPECT_EQ(d.at("agreements_signed").as_int64(), 45);
    EXPECT_GT(d.at("attendance_rate").as_double(), 0.85);
    auto detail = Program(c, list[0].at("id").as_int64());
    bool article_pair = false;
    for (const auto& p : detail.at("placements").as_array())
        article_pair |= p.at("trainee_unit_name").as_string() == "品建村" && p.at("host_unit_name").as_string() == "北联村";
    EXPECT_TRUE(article_pair);
    auto pools = Json(c.Get("/api/v1/pools")).at("items").as_array();
    ASSERT_EQ(pools.size(), 3u);
    EXPECT_EQ(pools[0].at("name").as_string(), "标杆书记");
    EXPECT_EQ(pools[0].at("quota").as_int64(), 20);
    EXPECT_EQ(pools[1].at("quota").as_int64(), 40);
    EXPECT_EQ(pools[2].at("quota").as_int64(), 70);
    // 张家港市's team members are graded on the ladder from 2024-01-01.
    auto ladder = Json(c.Get("/api/v1/ladder?unit=" + std::to_string(Unit("张家港市")) + "&as_of=2024-06-01"));
    EXPECT_GT(ladder.at("graded").as_int64(), 10);
    const auto& top = ladder.at("items").as_array().at(0).at("current");
    ASSERT_TRUE(top.is_object());
    EXPECT_EQ(top.at("effective_date").as_string(), "2024-01-01");
    EXPECT_EQ(Json(c.Get("/api/v1/ladder?unit=" + std::to_string(Unit("张家港市")) + "&as_of=2023-12-31"))
                  .at("graded")
                  .as_int64(),
              0);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
