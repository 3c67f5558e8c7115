// Talent pipeline and training over HTTP, against each storage backend: a program's life cycle
// (create → batch → recommendation → placements → seminar → summary, assessment, follow-ups →
// agreements → dashboard counts), bad input refused with nothing written (host at capacity,
// outside the program's dates, overlapping placement, quota overflow, ineligible selection
// without a reason), scope, the gap view and the demo's Nantong → Suzhou program.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/date.hpp"
#include "demo/training_demo.hpp"
#include "integration/downloaded_sheet.hpp"
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
    // Adds a batch to the program; its id, 0 (after a failed expectation) when refused.
    std::int64_t AddBatch(Client& c, std::int64_t program, const char* name, const char* start, const char* end,
                          json::array trainees) {
        auto r = c.Send("POST", "/api/v1/programs/" + std::to_string(program) + "/batches",
                        json::serialize(json::object{{"name", name},
                                                     {"start_date", start},
                                                     {"end_date", end},
                                                     {"trainees", std::move(trainees)}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Json(r).at("id").as_int64() : 0;
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
    // The refusal says whom, where and how many places (not just "conflict").
    EXPECT_NE(full.body.find("北联村"), std::string::npos) << full.body;
    EXPECT_NE(full.body.find("已达每批名额 1 人"), std::string::npos) << full.body;
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

// A host's capacity is its places per batch (trainees at the same time): a later batch may fill
// them again, a placement beyond them in the same batch is refused naming the host, the host table
// shows each batch's true numbers, and the capacity cannot drop below what a batch already has.
TEST_P(TrainingTest, HostCapacityIsPerBatchAndShownPerBatch) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村"), b = Secretary("同盟村"), d = Secretary("官公河村");
    auto program = CreateProgram(c, {a, b}, 2, "名额测试");
    const auto id = program.at("id").as_int64();
    const std::string base = "/api/v1/programs/" + std::to_string(id);
    ASSERT_NE(AddBatch(c, id, "第二批", "2021-08-26", "2021-09-25", json::array{d}), 0);
    const Id beilian = Unit("北联村");
    ASSERT_EQ(Place(c, id, json::array{Placement(a, beilian), Placement(b, beilian)}).status, 201);
    ASSERT_EQ(Place(c, id, json::array{Placement(d, beilian)}).status, 201);  // the second batch: free again

    json::object host;
    const auto detail = Program(c, id);
    for (const auto& h : detail.at("hosts").as_array())
        if (h.at("unit_id").as_int64() == beilian) host = h.as_object();
    ASSERT_FALSE(host.empty());
    EXPECT_EQ(host.at("capacity").as_int64(), 2);
    EXPECT_EQ(host.at("placed").as_int64(), 3);
    const auto& loads = host.at("by_batch").as_array();
    ASSERT_EQ(loads.size(), 2u);
    EXPECT_EQ(loads[0].at("batch_name").as_string(), "第一批");
    EXPECT_EQ(loads[0].at("placed").as_int64(), 2);
    EXPECT_EQ(loads[1].at("placed").as_int64(), 1);

    // Fewer places than the first batch already has: refused, nothing changed.
    auto shrink = c.Send("POST", base + "/hosts",
                         json::serialize(json::object{
                             {"hosts", json::array{json::object{{"unit_id", beilian}, {"capacity", 1}}}}}));
    EXPECT_EQ(shrink.status, 409) << shrink.body;
    EXPECT_NE(shrink.body.find("第一批已安排 2 人"), std::string::npos) << shrink.body;
    const auto unchanged = Program(c, id);
    for (const auto& h : unchanged.at("hosts").as_array())
        if (h.at("unit_id").as_int64() == beilian) {
            EXPECT_EQ(h.at("capacity").as_int64(), 2);
        }
}

// The recommendation says why each host suits its trainee, says why a trainee is left without one
// (the suitable hosts are full), and for a batch without trainees names whom to enrol — people in
// no batch yet — who can then be enrolled in that batch, once.
TEST_P(TrainingTest, RecommendationExplainsItselfAndSuggestsTraineesForANewBatch) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const Id a = Secretary("品建村"), b = Secretary("同盟村"), x = Secretary("官公河村"), y = Secretary("严北村");
    auto program = CreateProgram(c, {b, x, y}, 1, "推荐测试");
    const auto id = program.at("id").as_int64();
    const auto batch = program.at("batches").as_array().at(0).at("id").as_int64();
    const std::string base = "/api/v1/programs/" + std::to_string(id);
    // A second batch at the same time, with 品建村's secretary.
    const auto same_id = AddBatch(c, id, "同期批", "2021-07-05", "2021-08-04", json::array{a});
    ASSERT_NE(same_id, 0);
    const std::string same_rec = base + "/recommendation?batch=" + std::to_string(same_id);

    auto rec = Json(c.Get(same_rec)).as_object();
    EXPECT_EQ(rec.at("enrolled").as_int64(), 1);
    EXPECT_TRUE(rec.at("candidates").as_array().empty());  // the batch has its trainees
    const auto& row = rec.at("rows").as_array().at(0).as_object();
    ASSERT_TRUE(row.at("host").is_object()) << json::serialize(rec);
    const std::string why(row.at("why").as_string());
    EXPECT_NE(why.find("倍"), std::string::npos) << why;
    EXPECT_NE(why.find("品建村"), std::string::npos) << why;
    EXPECT_NE(why.find(std::string(row.at("host").at("name").as_string())), std::string::npos) << why;

    // The first batch takes every host's one place at that time: 品建村's secretary is told why.
    ASSERT_EQ(Place(c, id, json::array{Placement(b, Unit("北联村")), Placement(x, Unit("灵湖村")),
                                       Placement(y, Unit("善港村"))})
                  .status,
              201);
    auto full = Json(c.Get(same_rec)).as_object();
    const auto& left = full.at("rows").as_array().at(0).as_object();
    EXPECT_TRUE(left.at("host").is_null());
    const std::string reason(left.at("reason").as_string());
    EXPECT_NE(reason.find("北联村"), std::string::npos) << reason;
    EXPECT_NE(reason.find("名额已满"), std::string::npos) << reason;
    EXPECT_TRUE(left.at("why").as_string().empty());

    // A new batch without trainees: candidates, none already in a batch, each with why.
    const auto empty_id = AddBatch(c, id, "第二批", "2021-08-26", "2021-09-25", json::array{});
    ASSERT_NE(empty_id, 0);
    auto suggest = Json(c.Get(base + "/recommendation?batch=" + std::to_string(empty_id))).as_object();
    EXPECT_EQ(suggest.at("enrolled").as_int64(), 0);
    const auto& candidates = suggest.at("candidates").as_array();
    ASSERT_FALSE(candidates.empty()) << json::serialize(suggest);
    EXPECT_LE(candidates.size(), 3u);  // three hosts of one place each, all free in these dates
    for (const auto& cand : candidates) {
        const Id person = cand.at("person_id").as_int64();
        for (Id enrolled : {a, b, x, y}) EXPECT_NE(person, enrolled);
        EXPECT_FALSE(cand.at("why").as_string().empty());
        EXPECT_FALSE(cand.at("host_name").as_string().empty());
    }
    const Id chosen = candidates.at(0).at("person_id").as_int64();
    const std::string enrol = base + "/batches/" + std::to_string(empty_id) + "/trainees";
    auto enrolled = c.Send("POST", enrol, json::serialize(json::object{{"trainees", json::array{chosen}}}));
    ASSERT_EQ(enrolled.status, 200) << enrolled.body;
    EXPECT_EQ(Json(enrolled).at("trainees").as_array().size(), 1u);
    auto after = Json(c.Get(base + "/recommendation?batch=" + std::to_string(empty_id))).as_object();
    ASSERT_EQ(after.at("rows").as_array().size(), 1u);
    EXPECT_EQ(after.at("rows").as_array().at(0).at("person_id").as_int64(), chosen);
    EXPECT_TRUE(after.at("rows").as_array().at(0).at("host").is_object());
    // Once in a batch of the program, never twice.
    auto again = c.Send("POST", enrol, json::serialize(json::object{{"trainees", json::array{chosen}}}));
    EXPECT_EQ(again.status, 409) << again.body;
    auto into_first = c.Send("POST", base + "/batches/" + std::to_string(batch) + "/trainees",
                             json::serialize(json::object{{"trainees", json::array{a}}}));
    EXPECT_EQ(into_first.status, 409) << into_first.body;
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

TEST_P(TrainingTest, ThePoolsMemberListExportsRosterFactsButNoIdNumberOrPhone) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    auto created = c.Send("POST", "/api/v1/pools",
                          json::serialize(json::object{{"name", "名单测试库"}, {"scope_unit_id", Unit("南通市")}, {"quota", 3}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string base = "/api/v1/pools/" + std::to_string(Json(created).at("id").as_int64());
    const Id a = Secretary("品建村"), b = Secretary("同盟村");
    for (auto [person, state] : {std::pair{a, "selected"}, {b, "nominated"}}) {
        auto r = c.Send("POST", base + "/members",
                        json::serialize(json::object{{"person_id", person}, {"state", state}, {"date", "2021-03-01"}}));
        ASSERT_EQ(r.status, 200) << r.body;
    }

    const auto rows = DownloadedRows(c.Get(base + "/members.xlsx"), "人才库名单");
    ASSERT_EQ(rows.size(), 3u);  // the header and the two members, in the pool's order
    EXPECT_EQ(CellText(rows[0], 1), "姓名");
    EXPECT_EQ(CellText(rows[0], 8), "现任职务");
    const auto person = Json(c.Get("/api/v1/people/" + std::to_string(a))).as_object();
    EXPECT_EQ(CellText(rows[1], 1), std::string(person.at("name").as_string()));
    EXPECT_EQ(CellText(rows[1], 2), person.at("gender").as_string() == "female" ? "女" : "男");
    EXPECT_EQ(CellText(rows[1], 3), std::string(person.at("birth_date").as_string()).substr(0, 7));
    EXPECT_EQ(CellText(rows[1], 6), "品建村");
    EXPECT_NE(CellText(rows[1], 8).find("品建村 "), std::string::npos) << CellText(rows[1], 8);
    EXPECT_EQ(CellText(rows[1], 9), "已入库");
    EXPECT_EQ(CellText(rows[2], 6), "同盟村");
    EXPECT_EQ(CellText(rows[2], 9), "已提名");
    const std::string phone(person.at("phone").as_string());
    ASSERT_FALSE(phone.empty());
    const auto region = std::string(person.at("id_number_masked").as_string()).substr(0, 6);  // the ID's first six
    ASSERT_EQ(region.size(), 6u);
    for (const auto& row : rows)
        for (const auto& cell : row.cells) {
            EXPECT_EQ(cell.text.find(phone), std::string::npos);
            EXPECT_EQ(cell.text.find(region), std::string::npos) << cell.text;
        }

    // Officers only; another region's officer and a pool that does not exist get the same 404.
    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get(base + "/members.xlsx").status, 403);
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);  // 临湖镇, Suzhou
    EXPECT_EQ(town.Get(base + "/members.xlsx").status, 404);
    EXPECT_EQ(c.Get("/api/v1/pools/999999/members.xlsx").status, 404);
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
    EXPECT_EQ(d.at("hosts").as_int64(), 12);  // "十多个"
    EXPECT_EQ(d.at("seminars").as_int64(), 8);
    EXPECT_EQ(d.at("summaries_in").as_int64(), 48);
    EXPECT_EQ(d.at("agreements_signed").as_int64(), 45);
    EXPECT_GT(d.at("attendance_rate").as_double(), 0.85);
    auto detail = Program(c, list[0].at("id").as_int64());
    // The article's batches: 23 and 25; the program is recent and wholly in the past.
    const auto& batches = detail.at("batches").as_array();
    ASSERT_EQ(batches.size(), 2u);
    EXPECT_EQ(batches[0].at("trainees").as_array().size(), 23u);
    EXPECT_EQ(batches[1].at("trainees").as_array().size(), 25u);
    const std::string today = rt.clock.Today();
    const auto days_ago = [&](const json::value& date) {
        return core::DaysFromCivil(*core::ParseIsoDate(today)) -
               core::DaysFromCivil(*core::ParseIsoDate(std::string(date.as_string())));
    };
    EXPECT_GE(days_ago(detail.at("end_date")), 0);
    EXPECT_LT(days_ago(detail.at("start_date")), 366);
    for (const auto& p : detail.at("placements").as_array()) {
        EXPECT_GE(days_ago(p.at("end_date")), 0);
        EXPECT_GE(days_ago(p.at("summary_date")), 0);
    }
    for (const auto& s : detail.at("seminars").as_array()) EXPECT_GE(days_ago(s.at("date")), 0);
    for (const auto& a : detail.at("agreements").as_array()) EXPECT_GE(days_ago(a.at("signed_on")), 0);
    for (const auto& f : detail.at("followups").as_array())
        if (f.at("status").as_string() == "done") {
            EXPECT_GE(days_ago(f.at("done_on")), 0);
        }
    // Hosts the article does not name are said to be invented; no host takes more than its places.
    const std::string description(detail.at("description").as_string());
    EXPECT_NE(description.find("为演示虚构"), std::string::npos) << description;
    EXPECT_NE(description.find("东林村"), std::string::npos) << description;
    for (const auto& h : detail.at("hosts").as_array())
        for (const auto& load : h.at("by_batch").as_array())
            EXPECT_LE(load.at("placed").as_int64(), h.at("capacity").as_int64()) << h.at("name").as_string();
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
    // 张家港市's team members are graded on the ladder from 1 January the year before last.
    const int year = std::stoi(today.substr(0, 4));
    const std::string start = std::to_string(year - 2) + "-01-01";
    auto ladder = Json(c.Get("/api/v1/ladder?unit=" + std::to_string(Unit("张家港市")) + "&as_of=" + std::to_string(year - 2) + "-06-01"));
    EXPECT_GT(ladder.at("graded").as_int64(), 10);
    const auto& top = ladder.at("items").as_array().at(0).at("current");
    ASSERT_TRUE(top.is_object());
    EXPECT_EQ(top.at("effective_date").as_string(), start);
    EXPECT_EQ(Json(c.Get("/api/v1/ladder?unit=" + std::to_string(Unit("张家港市")) + "&as_of=" + std::to_string(year - 3) + "-12-31"))
                  .at("graded")
                  .as_int64(),
              0);
}

// 姜堰区's own program (the `county` account's work): a batch running today with trainees still
// to place, a finished batch with assessments still to record; everything that happened is dated
// no later than today, and other counties' officers do not see it.
// 跟岗名单: the program's placements as a workbook, in the program's order, with batch, trainee, host,
// dates and how far each has come; officers of the program's region only.
TEST_P(TrainingTest, TheProgramsPlacementsExportAsTheShadowingList) {
    auto& rt = server_->runtime();
    ASSERT_EQ(demo::LoadDemoTraining(*rt.store, *rt.roster, *rt.pools, *rt.programs, *rt.ladder, rt.clock), 48);
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto id = Json(c.Get("/api/v1/programs")).at("items").as_array().at(0).at("id").as_int64();
    const auto detail = Program(c, id);
    const auto& placements = detail.at("placements").as_array();
    const auto path = "/api/v1/programs/" + std::to_string(id) + "/placements.xlsx";
    const auto rows = DownloadedRows(c.Get(path), "跟岗名单");
    ASSERT_EQ(rows.size(), placements.size() + 1);
    EXPECT_EQ(CellText(rows[0], 1), "批次");
    EXPECT_EQ(CellText(rows[0], 11), "考核鉴定");
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const auto& p = placements[i].as_object();
        EXPECT_EQ(CellText(rows[i + 1], 0), std::to_string(i + 1));
        EXPECT_EQ(CellText(rows[i + 1], 2), p.at("person_name").as_string().c_str());
        EXPECT_EQ(CellText(rows[i + 1], 3), p.at("trainee_unit_name").as_string().c_str());
        EXPECT_EQ(CellText(rows[i + 1], 4), p.at("host_unit_name").as_string().c_str());
        EXPECT_EQ(CellText(rows[i + 1], 10), "已提交 " + std::string(p.at("summary_date").as_string()));
    }
    EXPECT_EQ(CellText(rows[1], 1), detail.at("batches").as_array().at(0).at("name").as_string().c_str());

    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get(path).status, 403);
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);  // 临湖镇, Suzhou: the Nantong program is none of its
    EXPECT_EQ(town.Get(path).status, 404);
    EXPECT_EQ(c.Get("/api/v1/programs/999999/placements.xlsx").status, 404);
}

// 培训项目台账: the program list as a workbook, each program with its dashboard's figures; officers
// only, each seeing the programs of its region.
TEST_P(TrainingTest, TheProgramListExportsAsTheProgramsLedger) {
    auto& rt = server_->runtime();
    ASSERT_EQ(demo::LoadDemoTraining(*rt.store, *rt.roster, *rt.pools, *rt.programs, *rt.ladder, rt.clock), 48);
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto listed = Json(c.Get("/api/v1/programs"));
    const auto& programs = listed.at("items").as_array();
    ASSERT_FALSE(programs.empty());
    const auto rows = DownloadedRows(c.Get("/api/v1/programs.xlsx"), "培训项目台账");
    ASSERT_EQ(rows.size(), programs.size() + 1);
    EXPECT_EQ(CellText(rows[0], 0), "项目名称");
    const auto& first = programs.at(0).as_object();
    const auto& dashboard = first.at("dashboard").as_object();
    EXPECT_EQ(CellText(rows[1], 0), first.at("name").as_string().c_str());
    EXPECT_EQ(CellText(rows[1], 1), "跟岗学习");
    EXPECT_EQ(CellText(rows[1], 2), first.at("scope_unit_name").as_string().c_str());
    EXPECT_EQ(rows[1].Find(3)->type, exchange::xlsx::CellType::kDate);
    EXPECT_EQ(CellText(rows[1], 3), first.at("start_date").as_string().c_str());
    EXPECT_EQ(CellText(rows[1], 6), std::to_string(dashboard.at("trainees").as_int64()));
    EXPECT_EQ(CellText(rows[1], 8), std::to_string(dashboard.at("placements").as_int64()));
    EXPECT_EQ(CellText(rows[1], 13), std::to_string(dashboard.at("agreements_signed").as_int64()) + "/" +
                                         std::to_string(dashboard.at("agreements_total").as_int64()));

    Client secretary(port());
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    EXPECT_EQ(secretary.Get("/api/v1/programs.xlsx").status, 403);
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);  // 临湖镇, Suzhou: the Nantong program is none of its
    EXPECT_EQ(DownloadedRows(town.Get("/api/v1/programs.xlsx"), "培训项目台账").size(),
              Json(town.Get("/api/v1/programs")).at("items").as_array().size() + 1);
}

TEST_P(TrainingTest, DemoGivesTheCountyARunningBatchToPlaceAndAssess) {
    auto& rt = server_->runtime();
    EXPECT_EQ(demo::LoadDemoCountyTraining(*rt.store, *rt.roster, *rt.programs, rt.clock), 6 + 4);
    EXPECT_EQ(demo::LoadDemoCountyTraining(*rt.store, *rt.roster, *rt.programs, rt.clock), 0);  // idempotent

    Client c(port());
    ASSERT_EQ(c.Login("county").status, 200);
    auto list = Json(c.Get("/api/v1/programs")).at("items").as_array();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("name").as_string(), demo::kDemoCountyProgramName);
    const auto id = list[0].at("id").as_int64();
    auto detail = Program(c, id);
    EXPECT_NE(std::string(detail.at("description").as_string()).find("演示虚构"), std::string::npos);
    const std::string today = rt.clock.Today();
    const auto& batches = detail.at("batches").as_array();
    ASSERT_EQ(batches.size(), 2u);
    EXPECT_LT(batches[0].at("end_date").as_string(), today);  // finished
    EXPECT_LE(batches[1].at("start_date").as_string(), today);  // running
    EXPECT_GE(batches[1].at("end_date").as_string(), today);
    for (const auto& s : detail.at("seminars").as_array()) EXPECT_LE(s.at("date").as_string(), today);
    int unassessed = 0;
    for (const auto& p : detail.at("placements").as_array()) {
        EXPECT_EQ(p.at("host_unit_name").as_string() == p.at("trainee_unit_name").as_string(), false);
        if (p.at("batch_id").as_int64() != batches[0].at("id").as_int64()) continue;
        EXPECT_LE(p.at("summary_date").as_string(), today);
        if (p.at("assessment_grade").as_string().empty()) ++unassessed;
    }
    EXPECT_EQ(unassessed, 2);
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);  // 临湖镇, in 苏州市
    EXPECT_TRUE(Json(town.Get("/api/v1/programs")).at("items").as_array().empty());

    // The county places the running batch's two waiting trainees as recommended …
    const auto batch = batches[1].at("id").as_int64();
    auto rec = Json(c.Get("/api/v1/programs/" + std::to_string(id) + "/recommendation?batch=" + std::to_string(batch)));
    const auto& rows = rec.at("rows").as_array();
    ASSERT_EQ(rows.size(), 2u) << json::serialize(rec);
    json::array placements;
    for (const auto& row : rows) {
        ASSERT_TRUE(row.at("host").is_object()) << json::serialize(row);
        placements.push_back(Placement(row.at("person_id").as_int64(), row.at("host").at("unit_id").as_int64()));
    }
    auto placed = Place(c, id, std::move(placements));
    EXPECT_EQ(placed.status, 201) << placed.body;
    // … and records a result of the finished batch.
    const auto after = Program(c, id);
    for (const auto& p : after.at("placements").as_array()) {
        if (!p.at("assessment_grade").as_string().empty() || p.at("batch_id").as_int64() == batch) continue;
        auto r = c.Send("POST", "/api/v1/programs/" + std::to_string(id) + "/placements/" +
                                    std::to_string(p.at("id").as_int64()) + "/assessment",
                        json::serialize(json::object{{"grade", "称职"}, {"text", "跟岗期间表现良好"}}));
        EXPECT_EQ(r.status, 200) << r.body;
        break;
    }
    EXPECT_EQ(Program(c, id).at("dashboard").at("assessments_in").as_int64(), 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
