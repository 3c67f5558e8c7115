#include "demo/training_demo.hpp"
#include "demo/demo_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "core/common/date.hpp"
#include "core/roster/tree.hpp"

namespace lingyan::demo {

using namespace app;  // the demo is written against the use cases, like a user of the app layer

using namespace core::roster;  // units, people and positions, as in roster_demo.cpp

namespace {

// The article: 48 secretaries in two batches, the second of 25 (so the first of 23); each year about
// 50, so the program's unit keeps villages for the next batch (the recommendation's candidates).
constexpr int kFirstBatch = 23;
constexpr int kSecondBatch = 25;
constexpr int kTrainees = kFirstBatch + kSecondBatch;
constexpr int kTraineeUnits = kTrainees + 12;
constexpr int kAgreements = 45;
// Every host takes this many trainees at a time (per batch): one constant, the programs' default.
constexpr int kHostPlaces = core::matching::kDefaultHostCapacity;
// Days: the second batch ended this long before the demo starts, so that its 3- and 6-month
// follow-ups are due by then; each batch lasts a month, with three weeks between them (the article:
// 7-05..8-04, 8-26..9-25).
constexpr int kSecondBatchEndedDaysAgo = 190;
constexpr int kBatchDays = 30;
constexpr int kDaysBetweenBatches = 22;

// Synthetic village names for the trainee units the demo roster lacks.
const char* kVillageNames[] = {"新丰村", "永兴村", "红旗村", "友谊村", "长青村", "金桥村", "三和村", "双楼村",
                               "东港村", "西亭村", "南园村", "北湖村", "中兴村", "联合村", "胜利村", "幸福村",
                               "光明村", "团结村", "前进村", "民主村", "大同村", "和平村", "育才村", "富民村",
                               "新民村", "安平村", "青龙村", "凤鸣村", "合兴村", "兴隆村", "太平村", "建华村",
                               "东升村", "西湖村", "南星村", "北辰村", "长江村", "宏伟村", "新华村", "红星村",
                               "先锋村", "向阳村", "振兴村", "华丰村", "永安村", "复兴村", "丰收村", "常青村"};
const char* kTrainingSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡"};
const char* kTrainingGiven[] = {"建军", "志明", "海峰", "卫国", "春华", "立平",
                                "晓东", "国庆", "红霞", "丽萍", "永刚", "文静"};

// Hosts: the five the seed article names ("善港村、北联村、灵湖村等", 北门大街社区, 花园村), then Suzhou
// villages of the demo roster the article does not name, then invented ones added here — "十多个"
// in all. The program's description says which are not from the article.
const char* kArticleHosts[] = {"善港村", "北联村", "灵湖村", "北门大街社区", "花园村"};
const char* kOtherHosts[] = {"东林村", "永联村"};
const char* kInventedHosts[] = {"金湖村", "荷塘村", "渔港村", "石桥村", "枫林村"};
// Trainee units the article names; they go in the second batch, whose return it reports.
const char* kArticleTrainees[] = {"品建村", "同盟村", "严北村", "官公河村", "城北村社区", "星怡社区", "建新村", "刘圩村"};
const std::map<std::string, std::string>& ArticlePairs() {
    static const std::map<std::string, std::string> pairs = {
        {"品建村", "北联村"}, {"官公河村", "灵湖村"}, {"城北村社区", "北门大街社区"}, {"星怡社区", "花园村"}};
    return pairs;
}
const char* kFocus[] = {"特色产业", "人居环境", "农文旅", "基层治理"};
const char* kAgreementTitles[] = {"党建联建结对共建协议", "产业发展合作协议", "人居环境共建协议", "农文旅融合发展协议"};

Actor DemoAdmin(core::ports::Store& store) {
    auto admin = store.FindUserByName("admin");
    if (!admin) throw std::runtime_error("demo training: the demo admin account is missing");
    return Actor{admin->id, admin->username, core::auth::Role::kAdmin, 0};
}

std::string Date(int year, int month, int day) {
    return core::FormatIsoDate(core::CivilDate{year, month, day});
}

// A synthetic village under `parent` with its 书记 and five years of collective income up to last
// year (this year's is not in yet); `n` varies the profile.
Id AddVillage(core::ports::Store& store, Id parent, const std::string& name, int n, int year, double income,
              Economy economy) {
    Unit u;
    u.parent_id = parent;
    u.name = name;
    u.kind = UnitKind::kVillage;
    u.economy = economy;
    u.dev_zone = n % 4 == 0;
    u.near_highway = n % 2 == 0;
    u.population = 2400 + (n * 137) % 1900;
    u.area_km2 = std::round(static_cast<double>(u.population) / 600.0 * 10) / 10;
    u.id = store.InsertUnit(u);
    for (int y = year - 5; y < year; ++y)
        store.UpsertIncome({u.id, y, static_cast<std::int64_t>(income * (1.0 - 0.08 * (year - 1 - y)))});
    Person p;
    p.unit_id = u.id;
    p.name = std::string(kTrainingSurnames[n % std::size(kTrainingSurnames)]) +
             kTrainingGiven[(n * 5) % std::size(kTrainingGiven)];
    p.gender = n % 6 == 0 ? core::roster::Gender::kFemale : core::roster::Gender::kMale;
    p.birth_date = Date(year - 38 - n % 14, 1 + n % 12, 1 + n % 28);
    p.education = n % 3 == 0 ? core::roster::Education::kBachelor : core::roster::Education::kJuniorCollege;
    p.party_join_date = Date(year - 15 - n % 10, 7, 1);
    p.id = store.InsertPerson(p);
    store.InsertPosition(Position{0, p.id, u.id, "书记", Date(year - 1 - n % 6, 1 + n % 9, 15), ""});
    return u.id;
}

// The unit's current 书记 (the first holder of a title containing 书记), 0 when none.
Id SecretaryOf(const RosterIndex& index, Id unit) {
    for (const auto* pos : index.TeamOf(unit))
        if (pos->title == "书记" || pos->title == "党委书记") return pos->person_id;
    return 0;
}

// A batch's weekly seminars (four, the first five days in) up to `today`, each trainee absent once
// in `absent_one_in` meetings.
void AddWeeklySeminars(ProgramService& programs, const Actor& actor, Id program_id, const BatchView& batch,
                       const char* const (&topics)[4], const char* location, int absent_one_in, const std::string& today) {
    const auto start = core::DaysFromCivil(*core::ParseIsoDate(batch.record.start_date));
    for (int week = 0; week < 4; ++week) {
        NewSeminar s;
        s.batch_id = batch.record.id;
        s.date = core::FormatIsoDate(core::CivilFromDays(start + 5 + 7 * week));
        if (s.date > today) break;
        s.topic = topics[week];
        s.location = location;
        int person_idx = 0;
        for (const auto& [person, name] : batch.trainees)
            s.attendance.emplace_back(person, (person_idx++ + week * 3) % absent_one_in != 0);
        Must(programs.AddSeminar(actor, program_id, s), "seminar");
    }
}

}  // namespace

void GradeLadder(RosterService& roster, LadderService& ladder, const Actor& actor, Id root, const std::string& start,
                 bool villages_only, const std::string& note) {
    struct Grading {
        Id person;
        std::string post, tenure;  // tenure: shown in the reason
        int level;
    };
    std::vector<Grading> gradings;
    roster.WithIndex([&](const RosterIndex& index) {
        for (const auto& u : index.tree().units()) {
            if (!index.tree().InSubtree(root, u.id)) continue;
            if (villages_only && u.kind != UnitKind::kVillage && u.kind != UnitKind::kCommunity) continue;
            for (const auto* pos : index.TeamOf(u.id)) {
                auto since = core::ParseIsoDate(pos->start_date);
                if (!since) continue;
                const int years = std::max(0, core::FullYearsBetween(*since, *core::ParseIsoDate(start)));
                // The ladder's posts run from the secretary down: 书记, deputies, members.
                const auto& posts = ladder.LadderConfig().posts;
                const std::size_t rank = pos->title == "书记"                          ? 0
                                         : pos->title == "副书记" || pos->title == "主任" ? 1
                                                                                       : 2;
                const std::string post = posts[std::min(rank, posts.size() - 1)];
                gradings.push_back(Grading{pos->person_id, post, "任职 " + std::to_string(years) + " 年",
                                           std::min(ladder.LadderConfig().levels,
                                                    1 + years / ladder.LadderConfig().years_per_step)});
            }
        }
    });
    for (const auto& g : gradings) {
        auto existing = ladder.PersonLadder(actor, g.person, "", "");
        if (!existing || !existing->history.empty()) continue;
        Must(ladder.ChangeLadder(actor, g.person, LadderChange{"set", g.post, g.level, start, "初定（" + g.tenure + note + "）", ""}),
             "ladder");
    }
}

int LoadDemoTraining(core::ports::Store& store, RosterService& roster, PoolService& pools, ProgramService& programs,
                     LadderService& ladder,
                     const core::ports::Clock& clock) {
    if (programs.FindProgramByName(kDemoProgramName) != 0) return 0;
    const Actor admin = DemoAdmin(store);
    const int year = std::stoi(clock.Today().substr(0, 4));

    // 1. Trainee units: the Nantong villages and communities (the article's first), topped up
    //    to kTraineeUnits; invented Suzhou hosts.
    Id nantong = 0, suzhou = 0;
    std::vector<Id> towns, suzhou_towns;
    std::vector<Id> villages;
    std::set<std::string> names;
    roster.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (const auto& u : tree.units()) {
            names.insert(u.name);
            if (u.name == "南通市" && u.kind == UnitKind::kCity) nantong = u.id;
            if (u.name == "苏州市" && u.kind == UnitKind::kCity) suzhou = u.id;
        }
        if (nantong == 0 || suzhou == 0) return;
        for (Id id : tree.Subtree(nantong)) {
            const auto* u = tree.Find(id);
            if (u->kind == UnitKind::kTown) towns.push_back(id);
            if (u->kind == UnitKind::kVillage || u->kind == UnitKind::kCommunity) villages.push_back(id);
        }
        for (Id id : tree.Subtree(suzhou))
            if (tree.Find(id)->kind == UnitKind::kTown) suzhou_towns.push_back(id);
        // The article's trainee units first, in its order.
        auto rank = [&](Id id) {
            const auto* it = std::find(std::begin(kArticleTrainees), std::end(kArticleTrainees), tree.Find(id)->name);
            return static_cast<int>(it - std::begin(kArticleTrainees));
        };
        std::stable_sort(villages.begin(), villages.end(), [&](Id a, Id b) { return rank(a) < rank(b); });
    });
    if (nantong == 0 || towns.empty() || suzhou_towns.empty())
        throw std::runtime_error("demo training: 南通市, 苏州市 or their towns are missing");
    {
        auto tx = store.Begin();
        int added = 0;
        for (std::size_t name_idx = 0; static_cast<int>(villages.size()) < kTraineeUnits; ++name_idx) {
            if (name_idx >= std::size(kVillageNames))
                throw std::runtime_error("demo training: not enough synthetic village names");
            if (names.count(kVillageNames[name_idx])) continue;
            const int n = added++;
            const Economy economies[] = {Economy::kAgriculture, Economy::kAgriculture, Economy::kMixed,
                                         Economy::kIndustry, Economy::kTourism};
            const double income = 0.45e6 + ((n * 173) % 110) * 1e4;  // 0.45–1.54 million
            villages.push_back(AddVillage(store, towns[static_cast<std::size_t>(n) % towns.size()], kVillageNames[name_idx],
                                          n, year, income, economies[n % 5]));
        }
        for (std::size_t host_idx = 0; host_idx < std::size(kInventedHosts); ++host_idx) {
            if (names.count(kInventedHosts[host_idx])) continue;
            const int n = static_cast<int>(host_idx);
            const Economy economies[] = {Economy::kAgriculture, Economy::kMixed, Economy::kTourism, Economy::kIndustry};
            AddVillage(store, suzhou_towns[host_idx % suzhou_towns.size()], kInventedHosts[host_idx], n * 3, year,
                       6e6 + n * 2.3e6, economies[host_idx % std::size(economies)]);
            ++added;
        }
        core::ports::AuditEntry e;
        e.at = clock.NowIso();
        e.user = "system";
        e.action = "demo";
        e.entity = "deployment";
        e.detail = "{\"training_units\":" + std::to_string(added) + "}";
        store.AppendAudit(e);
        tx->Commit();
        roster.Reload();
    }

    // 2. Trainees (each unit's secretary) and hosts with their secretaries as mentors.
    std::vector<Id> trainees;
    std::map<Id, std::string> unit_name;  // trainee person → unit name
    std::vector<NewHost> hosts;
    std::map<std::string, Id> host_id;
    std::vector<std::string> unnamed_hosts, invented_hosts;  // hosts the article does not name
    roster.WithIndex([&](const RosterIndex& index) {
        for (Id v : villages) {
            Id secretary = SecretaryOf(index, v);
            if (secretary == 0 || static_cast<int>(trainees.size()) == kTrainees) continue;
            trainees.push_back(secretary);
            unit_name[secretary] = index.tree().Find(v)->name;
        }
        auto add_host = [&](const char* name, std::vector<std::string>* unnamed) {
            for (const auto& u : index.tree().units())
                if (u.name == name && index.tree().InSubtree(suzhou, u.id) && !host_id.count(name)) {
                    host_id[name] = u.id;
                    hosts.push_back(NewHost{u.id, kHostPlaces, SecretaryOf(index, u.id)});
                    if (unnamed) unnamed->emplace_back(name);
                }
        };
        for (const char* h : kArticleHosts) add_host(h, nullptr);
        for (const char* h : kOtherHosts) add_host(h, &unnamed_hosts);
        for (const char* h : kInventedHosts) add_host(h, &invented_hosts);
    });
    if (static_cast<int>(trainees.size()) < kTrainees)
        throw std::runtime_error("demo training: trainee secretaries are missing");
    for (const char* h : kArticleHosts)
        if (!host_id.count(h)) throw std::runtime_error(std::string("demo training: the Suzhou host is missing: ") + h);

    // Dates relative to the day the demo starts, all in the past.
    const auto today = core::DaysFromCivil(*core::ParseIsoDate(clock.Today()));
    auto day = [&](std::int64_t days_ago) { return core::FormatIsoDate(core::CivilFromDays(today - days_ago)); };
    const std::int64_t second_end = kSecondBatchEndedDaysAgo, second_start = second_end + kBatchDays - 1;
    const std::int64_t first_end = second_start + kDaysBetweenBatches, first_start = first_end + kBatchDays - 1;
    auto join = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
        return out;
    };

    NewProgram spec;
    spec.name = kDemoProgramName;
    spec.kind = "shadow";
    spec.scope_unit_id = nantong;
    spec.start_date = day(first_start + 4);
    spec.end_date = day(second_end - 4);
    spec.description = "“跟岗学习+实践锻炼”：分两批选派 48 名优秀村（社区）书记赴苏州先进村（社区）跟岗一个月，"
                       "围绕特色产业、人居环境、农文旅、基层治理，书记带着书记干、书记跟着书记学。"
                       "跟岗点中善港村、北联村、灵湖村、北门大街社区、花园村为报道所列；" +
                       join(unnamed_hosts) + "为报道未列出、演示补充的跟岗点；" + join(invented_hosts) + "为演示虚构的村。";
    spec.hosts = hosts;
    NewBatch first{"第一批", day(first_start), day(first_end), {}};
    NewBatch second{"第二批", day(second_start), day(second_end), {}};
    // The article's units (first in `trainees`) in the second batch.
    for (int trainee_idx = 0; trainee_idx < kTrainees; ++trainee_idx)
        (trainee_idx < kSecondBatch ? second : first).trainees.push_back(trainees[static_cast<std::size_t>(trainee_idx)]);
    spec.batches = {first, second};
    auto program = Must(programs.CreateProgram(admin, spec), "create program");
    const Id program_id = program.summary.record.id;

    // 3. Placements: the optimal recommendation, with the pairings the article reports as the
    // officer's override, and any trainee left over at a host with a free place.
    int placed_total = 0;
    for (const auto& batch : program.batches) {
        auto rec = Must(programs.Recommend(admin, program_id, batch.record.id, 0.5), "recommend");
        std::map<Id, int> free;
        for (const auto& h : hosts) free[h.unit_id] = h.capacity;  // per batch
        std::map<Id, Id> chosen;  // person → host
        for (const auto& row : rec.rows) {
            auto pair = ArticlePairs().find(unit_name[row.person_id]);
            if (pair != ArticlePairs().end() && free[host_id[pair->second]] > 0) {
                chosen[row.person_id] = host_id[pair->second];
                --free[host_id[pair->second]];
            }
        }
        for (const auto& row : rec.rows) {
            if (chosen.count(row.person_id) || !row.host || free[row.host->unit_id] <= 0) continue;
            chosen[row.person_id] = row.host->unit_id;
            --free[row.host->unit_id];
        }
        std::vector<NewPlacement> placements;
        int focus_idx = 0;
        for (const auto& row : rec.rows) {
            if (!chosen.count(row.person_id)) {
                auto best = std::max_element(free.begin(), free.end(),
                                             [](const auto& a, const auto& b) { return a.second < b.second; });
                chosen[row.person_id] = best->first;
                --best->second;
            }
            NewPlacement p;
            p.person_id = row.person_id;
            p.batch_id = batch.record.id;
            p.host_unit_id = chosen[row.person_id];
            p.focus = {kFocus[focus_idx % 4], kFocus[(focus_idx + 1) % 4]};
            ++focus_idx;
            placements.push_back(std::move(p));
        }
        placed_total += static_cast<int>(Must(programs.AddPlacements(admin, program_id, placements), "placements").size());

        // Weekly seminars (七嘴八舌交流研讨会) with attendance.
        const char* topics[] = {"“七嘴八舌”交流研讨会：村级集体经济发展的痛点与对策", "“七嘴八舌”交流研讨会：人居环境长效管护",
                                "“七嘴八舌”交流研讨会：农文旅融合与项目争取", "“七嘴八舌”交流研讨会：基层治理与为民服务"};
        AddWeeklySeminars(programs, admin, program_id, batch, topics, "江苏省党支部书记学院农村分院", 13, clock.Today());
    }

    // 4. Summaries, assessments, action items with follow-ups, and agreements.
    auto detail = Must(programs.GetProgram(admin, program_id), "program");
    std::vector<NewAgreement> agreements;
    int placement_idx = 0;
    for (const auto& p : detail.placements) {
        const int i = placement_idx++;
        Must(programs.SubmitSummary(admin, program_id, p.row.id,
                                    "跟岗" + p.host_unit_name + "一个月，学习其" + p.row.focus +
                                        "方面的经验。回去后要组织“两委”一班人理清思路、谋划方向，因地制宜推动" +
                                        p.trainee_unit_name + "发展。",
                                    p.row.end_date),
             "summary");
        Must(programs.Assess(admin, program_id, p.row.id, i % 3 == 0 ? "优秀" : "称职",
                             "全程脱产跟岗，主动参与项目推进和矛盾化解。"),
             "assessment");
        auto followups = Must(programs.AddActionItems(admin, program_id, p.row.id,
                                                      {"对照" + p.host_unit_name + "制定本村发展项目清单"}),
                              "action items");
        for (const auto& f : followups) {
            const bool done = f.months == 3 ? i % 6 != 5 : i % 3 != 2;
            if (done && f.due_date <= clock.Today()) Must(programs.CompleteFollowUp(admin, program_id, f.id, "已按计划推进", f.due_date), "follow-up");
        }
        if (static_cast<int>(agreements.size()) < kAgreements)
            agreements.push_back(NewAgreement{p.row.trainee_unit_id, p.row.host_unit_id,
                                              p.trainee_unit_name + "—" + p.host_unit_name +
                                                  kAgreementTitles[i % std::size(kAgreementTitles)],
                                              "两地村（社区）加强交流与合作，实现资源共享、共同发展。", p.row.end_date,
                                              "signed"});
    }
    Must(programs.AddAgreements(admin, program_id, agreements), "agreements");

    // 5. 薪火计划 pools of 张家港市 with a few members.
    Id zjg = 0;
    roster.WithIndex([&](const RosterIndex& index) {
        for (const auto& u : index.tree().units())
            if (u.name == "张家港市") zjg = u.id;
    });
    if (zjg != 0) {
        struct PoolSpec {
            const char* name;
            int quota;
            const char* rules;
            const char* description;
            const char* state;
        };
        const PoolSpec pool_specs[] = {
            {"标杆书记", 20, R"({"allowed_posts":["书记"],"min_years_in_post":2,"min_party":"full"})",
             "集中选树的乡村标杆书记", "selected"},
            {"兴村特岗书记", 40, R"({"max_age":35,"min_education":"junior_college","min_party":"full"})",
             "面向机关年轻中层干部，每两年选拔，35 周岁以下，培养 2—3 年后优先推荐为村书记", "in_training"},
            {"青年尖兵村干", 70, R"({"max_age":35,"min_education":"junior_college"})", "储备的青年尖兵村干",
             "selected"},
        };
        for (const auto& ps : pool_specs) {
            if (pools.FindPoolByName(ps.name) != 0) continue;
            NewPool np{ps.name, zjg, ps.quota, ps.rules, ps.description, {}};
            auto pool = Must(pools.CreatePool(admin, np), "pool");
            auto candidates = Must(pools.Candidates(admin, pool.record.id, std::nullopt, ""), "candidates");
            int members = 0;
            for (const auto& c : candidates) {
                if (!c.report.eligible || members >= 3) continue;
                MemberChange change{c.candidate.person_id, members == 2 ? "nominated" : ps.state, "", "", ""};
                Must(pools.ChangeMember(admin, pool.record.id, change), "member");
                ++members;
            }
        }

        // 6. 四岗十五级 of 张家港市: every current team member graded when the ladder started.
        GradeLadder(roster, ladder, admin, zjg, Date(year - 2, 1, 1), false, "");
    }
    return placed_total;
}

namespace {

// 姜堰区's hosts: its five villages and communities of the highest collective income (the roster's
// figures), strongest first; 2 trainees each per batch.
constexpr int kCountyHosts = 5;
constexpr int kCountyHostPlaces = 2;
constexpr int kCountyFirstBatch = 6, kCountySecondBatch = 6, kCountyWaiting = 2, kCountyUnassessed = 2;
constexpr int kCountyMaxAge = 35;
// Days before today: the first batch's end, the second batch's start; each batch lasts a month.
constexpr int kCountyFirstEndedDaysAgo = 60, kCountySecondStartedDaysAgo = 9;
const char* kCountyTopics[] = {"年轻干部早餐会：村级集体经济项目怎么谋", "夜读沙龙：群众工作方法",
                               "年轻干部早餐会：人居环境长效管护", "夜读沙龙：基层治理中的矛盾化解"};

}  // namespace

int LoadDemoCountyTraining(core::ports::Store& store, RosterService& roster, ProgramService& programs,
                           const core::ports::Clock& clock) {
    if (programs.FindProgramByName(kDemoCountyProgramName) != 0) return 0;
    auto user = store.FindUserByName("county");
    if (!user) throw std::runtime_error("demo training: the demo county account is missing");
    const Actor county{user->id, user->username, core::auth::Role::kCounty, user->scope_unit_id};
    const std::string today_text = clock.Today();
    const auto today = core::DaysFromCivil(*core::ParseIsoDate(today_text));
    auto day = [&](std::int64_t days_ago) { return core::FormatIsoDate(core::CivilFromDays(today - days_ago)); };

    // Hosts: the strongest villages by last year's income; trainees: the young cadres (not the
    // secretary) of the other villages, the youngest first, two at most per village.
    std::vector<NewHost> hosts;
    std::vector<std::pair<Id, Id>> trainees;  // person, unit
    roster.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        std::vector<std::pair<std::int64_t, Id>> villages;  // income, unit
        for (Id id : tree.Subtree(county.scope_unit_id)) {
            const auto* u = tree.Find(id);
            if (u->kind != UnitKind::kVillage && u->kind != UnitKind::kCommunity) continue;
            std::int64_t income = 0;
            for (const auto& inc : index.IncomesOf(id)) income = std::max(income, inc.amount_yuan);
            villages.emplace_back(income, id);
        }
        std::sort(villages.begin(), villages.end(), std::greater<>());
        for (std::size_t i = 0; i < villages.size(); ++i) {
            const Id unit = villages[i].second;
            if (static_cast<int>(i) < kCountyHosts) {
                hosts.push_back(NewHost{unit, kCountyHostPlaces, SecretaryOf(index, unit)});
                continue;
            }
            // Cadres: the team below the secretary and the reserve cadres (not the branch's members).
            std::set<Id> cadres;
            for (const auto* pos : index.TeamOf(unit))
                if (pos->person_id != SecretaryOf(index, unit)) cadres.insert(pos->person_id);
            std::vector<std::pair<std::string, Id>> young;  // birth date, person
            index.ForEachPersonUnder(unit, [&](const Person& p) {
                if (p.unit_id != unit || (!p.reserve_cadre && !cadres.count(p.id))) return;
                const auto born = core::ParseIsoDate(p.birth_date);
                if (born && core::FullYearsBetween(*born, *core::ParseIsoDate(today_text)) <= kCountyMaxAge)
                    young.emplace_back(p.birth_date, p.id);
            });
            std::sort(young.rbegin(), young.rend());
            for (std::size_t k = 0; k < young.size() && k < 2; ++k) trainees.emplace_back(young[k].second, unit);
        }
    });
    const int wanted = kCountyFirstBatch + kCountySecondBatch;
    if (static_cast<int>(hosts.size()) < kCountyHosts || static_cast<int>(trainees.size()) < wanted)
        throw std::runtime_error("demo training: 姜堰区 lacks villages or young cadres for its program");
    // One trainee per village in a batch where possible: alternate the villages between batches.
    NewBatch first{"第一批", day(kCountyFirstEndedDaysAgo + kBatchDays - 1), day(kCountyFirstEndedDaysAgo), {}};
    NewBatch second{"第二批", day(kCountySecondStartedDaysAgo), day(kCountySecondStartedDaysAgo - kBatchDays + 1), {}};
    for (const auto& [person, unit] : trainees) {
        if (static_cast<int>(first.trainees.size()) < kCountyFirstBatch &&
            (first.trainees.size() <= second.trainees.size() ||
             static_cast<int>(second.trainees.size()) == kCountySecondBatch))
            first.trainees.push_back(person);
        else if (static_cast<int>(second.trainees.size()) < kCountySecondBatch)
            second.trainees.push_back(person);
    }

    NewProgram spec;
    spec.name = kDemoCountyProgramName;
    spec.kind = "shadow";
    spec.scope_unit_id = county.scope_unit_id;
    spec.start_date = day(kCountyFirstEndedDaysAgo + kBatchDays + 6);
    spec.end_date = day(kCountySecondStartedDaysAgo - kBatchDays - 14);
    spec.description = "雁阵队伍中 35 周岁以下的村（社区）年轻干部到全区集体经济收入靠前的村（社区）跟岗一个月，"
                       "由所在村书记带教，每周一次年轻干部早餐会或夜读沙龙，补齐知识弱项、能力短板、经验盲区。"
                       "报道记载大伦镇“打造了45名镇村年轻干部雁阵队伍”并推出年轻干部星伦计划；"
                       "本项目的跟岗点、批次和人员安排为演示虚构。";
    spec.hosts = hosts;
    spec.batches = {first, second};
    auto program = Must(programs.CreateProgram(county, spec), "county program");
    const Id program_id = program.summary.record.id;

    // Placements as the recommendation gives them (a host with a free place for anyone it leaves
    // out); the second batch's last kCountyWaiting trainees wait for the county to place them.
    int placed = 0;
    for (std::size_t b = 0; b < program.batches.size(); ++b) {
        const auto& batch = program.batches[b];
        auto rec = Must(programs.Recommend(county, program_id, batch.record.id, 0.5), "county recommend");
        std::map<Id, int> free;
        for (const auto& h : hosts) free[h.unit_id] = h.capacity;
        const int leave = b == 1 ? kCountyWaiting : 0;
        std::vector<NewPlacement> placements;
        for (std::size_t r = 0; r + leave < rec.rows.size(); ++r) {
            const auto& row = rec.rows[r];
            Id host = row.host && free[row.host->unit_id] > 0 ? row.host->unit_id : 0;
            if (host == 0)
                host = std::max_element(free.begin(), free.end(), [](const auto& x, const auto& y) {
                           return x.second < y.second;
                       })->first;
            --free[host];
            NewPlacement p;
            p.person_id = row.person_id;
            p.batch_id = batch.record.id;
            p.host_unit_id = host;
            p.focus = {kFocus[r % 4], kFocus[(r + 1) % 4]};
            placements.push_back(std::move(p));
        }
        placed += static_cast<int>(Must(programs.AddPlacements(county, program_id, placements), "county placements").size());
        // Weekly meetings held so far, with attendance.
        AddWeeklySeminars(programs, county, program_id, batch, kCountyTopics, "大伦镇党群服务中心", 7, today_text);
    }

    // The first batch is over: every summary in, all but the last kCountyUnassessed assessed, with
    // action items followed up 3 and 6 months on.
    auto detail = Must(programs.GetProgram(county, program_id), "county program");
    const Id first_batch = detail.batches.front().record.id;
    int assessed = 0, in_batch = 0;
    for (const auto& p : detail.placements) {
        if (p.row.batch_id != first_batch) continue;
        ++in_batch;
        Must(programs.SubmitSummary(county, program_id, p.row.id,
                                    "跟岗" + p.host_unit_name + "一个月，跟着书记走村入户、参与项目推进，学习其" + p.row.focus +
                                        "方面的做法，回村后牵头谋划一个为民办实事项目。",
                                    p.row.end_date),
             "county summary");
        if (in_batch > kCountyFirstBatch - kCountyUnassessed) continue;
        Must(programs.Assess(county, program_id, p.row.id, assessed++ % 2 == 0 ? "优秀" : "称职",
                             "跟岗期间全程在岗，主动参与矛盾化解和项目推进。"),
             "county assessment");
        Must(programs.AddActionItems(county, program_id, p.row.id, {"牵头谋划本村一个为民办实事项目"}), "county actions");
    }
    return placed;
}

}  // namespace lingyan::demo
