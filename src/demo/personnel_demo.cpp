#include "demo/personnel_demo.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/common/date.hpp"
#include "demo/demo_support.hpp"
#include "demo/evaluation_demo.hpp"

namespace lingyan::demo {

using namespace app;

namespace personnel = core::personnel;

namespace {

constexpr const char* kJiangyanPool = "姜堰区镇村年轻干部雁阵队伍";

// The first current holder of `title` in `unit`, or 0.
Id Holder(const RosterService& roster, Id unit, const std::string& title) {
    Id person = 0;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto* pos : index.TeamOf(unit))
            if (pos->title == title && person == 0) person = pos->person_id;
    });
    return person;
}

Id UnitNamed(const RosterService& roster, const std::string& name) {
    Id id = 0;
    roster.WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto& u : index.tree().units())
            if (u.name == name && id == 0) id = u.id;
    });
    if (id == 0) throw std::runtime_error("演示数据中没有 " + name);
    return id;
}

}  // namespace

int LoadDemoPersonnel(core::ports::Store& store, core::ports::StoreMutex& store_mutex, DecisionService& decisions,
                      NominationService& nominations, CampaignService& campaigns, PoolService& pools,
                      const RosterService& roster) {
    const Actor admin{0, "admin", core::auth::Role::kAdmin, 0};
    if (!Must(decisions.List(admin, {}), "list").empty()) return 0;
    const Actor county = DemoUser(store, store_mutex, "county");
    // Decisions on last year's campaigns are taken early this year: on `month`-`day` of this year,
    // or today when that has not come yet (no demo moment in the future).
    const std::string today = roster.Today();
    const int year = DemoYear(roster);
    auto this_year = [&](int month, int day) {
        return std::min(core::FormatIsoDate(core::CivilDate{year, month, day}), today);
    };
    int made = 0;
    auto decide = [&](const Actor& actor, Id person, personnel::Kind kind, personnel::Ground ground, Id ground_id,
                      const std::string& content, const std::string& date,
                      std::optional<personnel::PositionSpec> position = std::nullopt) {
        DecisionInput in;
        in.decision.person_id = person;
        in.decision.kind = kind;
        in.decision.ground = ground;
        in.decision.ground_id = ground_id;
        in.decision.content = content;
        in.decision.document_no = "姜组〔" + std::to_string(year) + "〕" + std::to_string(7 + made) + "号";
        in.decision.decided_on = date;
        in.position = std::move(position);
        Must(decisions.Decide(actor, in), content);
        ++made;
    };

    // 好班子: cadres of the winning towns are selected for heavier posts (选拔重用); the last team's
    // secretary is called in for a reminder talk.
    const Id team_campaign = campaigns.FindByName(DemoCampaignName(year - 1, kDemoTeamCampaign));
    if (team_campaign == 0) throw std::runtime_error("演示人事决定需要去年的好班子考核");
    const auto team = Must(campaigns.Ranking(admin, team_campaign, std::nullopt), "好班子");
    int appointed = 0;
    for (const auto& row : team.rows) {
        if (row.award.empty() || appointed >= 3) continue;
        const auto& subject = team.detail.subjects[row.subject_idx];
        const Id deputy = Holder(roster, subject.record.unit_id, "副镇长");
        if (deputy == 0) continue;
        decide(county, deputy, personnel::Kind::kAppointment, personnel::Ground::kCampaign, team_campaign,
               "三好创争表现突出，选拔重用：提任" + subject.name + "党委副书记", this_year(3, 1 + appointed),
               personnel::PositionSpec{subject.record.unit_id, "党委副书记"});
        ++appointed;
    }
    if (!team.rows.empty()) {
        const auto& last = team.detail.subjects[team.rows.back().subject_idx];
        if (const Id secretary = Holder(roster, last.record.unit_id, "党委书记"))
            decide(county, secretary, personnel::Kind::kTalk, personnel::Ground::kCampaign, team_campaign,
                   "好班子考核位列末位，约谈提醒：班子凝聚力和重点工作推进不力，限期一个月提交整改方案", this_year(3, 10));
    }

    // 好班长: the two best secretaries promoted in rank (晋升职级2人), the third rewarded.
    const Id leader_campaign = campaigns.FindByName(DemoCampaignName(year - 1, kDemoLeaderCampaign));
    if (leader_campaign != 0) {
        const auto leaders = Must(campaigns.Ranking(admin, leader_campaign, std::nullopt), "好班长");
        int idx = 0;
        for (const auto& row : leaders.rows) {
            const Id person = leaders.detail.subjects[row.subject_idx].record.person_id;
            if (person == 0) continue;
            if (idx < 2)
                decide(county, person, personnel::Kind::kPromotion, personnel::Ground::kCampaign, leader_campaign,
                       "晋升职级：晋升为二级调研员", this_year(4, 10 + idx));
            else
                decide(county, person, personnel::Kind::kReward, personnel::Ground::kCampaign, leader_campaign,
                       "通报表扬，记嘉奖一次", this_year(4, 15));
            if (++idx == 3) break;
        }
    }

    // Each officer account's own talent pool, its last member nominated and waiting for a decision.
    // 姜堰区 (`county`): the young town and village cadres of the 雁阵队伍 that 大伦镇 built ("打造了45名
    // 镇村年轻干部雁阵队伍", seed 002). 临湖镇 (`town`) and 柯桥区 (`keqiao`): pools no article names,
    // invented so that each officer has its own (their descriptions say so).
    const Actor town = DemoUser(store, store_mutex, "town");
    struct DemoPool {
        const char* name;
        Id scope;
        int quota;
        const char* rules;
        const char* description;
        const char* state;  // of the members before the last
        int members;
    };
    const DemoPool demo_pools[] = {
        {kJiangyanPool, county.scope_unit_id, 45, R"({"max_age":35,"min_education":"junior_college","min_party":"full"})",
         "镇村年轻干部雁阵队伍：35 周岁以下、大专以上的镇村年轻干部，结对培养，定期早餐会、夜读沙龙", "in_training", 5},
        {"临湖镇村级后备干部", town.scope_unit_id, 9, R"({"max_age":35,"min_education":"junior_college","min_party":"full"})",
         "灵湖村、采莲村、前塘村每村储备 2—3 名 35 周岁以下、大专以上的后备干部（演示虚构，报道未写）", "in_training", 3},
        {"柯桥区领雁书记", UnitNamed(roster, "柯桥区"), 10, R"({"allowed_posts":["书记"],"min_party":"full"})",
         "擂台赛中表现突出的村（社区）书记，作为领雁标杆培养（演示虚构，报道未写）", "selected", 2},
    };
    for (const auto& dp : demo_pools) {
        if (pools.FindPoolByName(dp.name) != 0) continue;
        const auto pool = Must(pools.CreatePool(admin, NewPool{dp.name, dp.scope, dp.quota, dp.rules, dp.description, {}}),
                               dp.name);
        const auto candidates = Must(pools.Candidates(admin, pool.record.id, std::nullopt, ""), dp.name);
        int members = 0;
        for (const auto& c : candidates) {
            if (!c.report.eligible || members >= dp.members) continue;
            const bool last = members == dp.members - 1;
            Must(pools.ChangeMember(admin, pool.record.id,
                                    MemberChange{c.candidate.person_id, last ? "nominated" : dp.state, "", "", ""}),
                 dp.name);
            ++members;
        }
    }

    // 兴村特岗书记: a member who finished the training is recommended first as a village secretary.
    if (const Id pool = pools.FindPoolByName("兴村特岗书记")) {
        const auto detail = Must(pools.GetPool(admin, pool), "兴村特岗书记");
        for (const auto& m : detail.members) {
            if (m.membership.state != core::training::MemberState::kInTraining) continue;
            Must(pools.ChangeMember(admin, pool, MemberChange{m.membership.person_id, "graduated", "", "培养期满考核合格", ""}),
                 "结业");
            Id village = 0;
            roster.WithIndex([&](const core::roster::RosterIndex& index) {
                for (Id child : index.tree().Children(m.membership.town_id))
                    if (village == 0) village = child;
            });
            if (village == 0) break;
            decide(admin, m.membership.person_id, personnel::Kind::kAppointment, personnel::Ground::kPool, pool,
                   "兴村特岗书记培养期满，优先推荐为村书记", "", personnel::PositionSpec{village, "书记"});
            break;
        }
    }

    // 临湖镇 (the demo town account) on last year's village campaign: 灵湖村's secretary rewarded — the
    // village's income rose from 200多万元 to 1488万元 (seed 000) — and 采莲村's, short of its target,
    // called in for a talk.
    if (const Id village_campaign = campaigns.FindByName(DemoTownCampaignName(year - 1, true))) {
        int town_made = 0;
        auto town_decide = [&](const char* village, personnel::Kind kind, const std::string& content) {
            const Id person = Holder(roster, UnitNamed(roster, village), "书记");
            if (person == 0) return;
            DecisionInput in;
            in.decision.person_id = person;
            in.decision.kind = kind;
            in.decision.ground = personnel::Ground::kCampaign;
            in.decision.ground_id = village_campaign;
            in.decision.content = content;
            in.decision.document_no = "临组〔" + std::to_string(year) + "〕" + std::to_string(3 + town_made) + "号";
            in.decision.decided_on = this_year(2, 10 + town_made);
            Must(decisions.Decide(town, in), content);
            ++made;
            ++town_made;
        };
        town_decide("灵湖村", personnel::Kind::kReward,
                    "抱团发展成效显著，村集体经营性收入从200多万元提升到1488万元，通报表扬，记嘉奖一次");
        town_decide("采莲村", personnel::Kind::kTalk, "村集体经营性收入未完成年度目标，提醒谈话，一个月内提交增收方案");
    }

    // 躺平奖 by nomination: a 姜堰 town (华港镇) names two of its cadres, the county confirms one; the demo
    // town account (临湖镇) names one of its own, waiting for the review.
    const Id huagang = UnitNamed(roster, "华港镇");  // the last 好班子 team (its secretary had the talk)
    const Actor huagang_secretary{0, "华港镇党委", core::auth::Role::kTown, huagang};
    if (const Id slow = Holder(roster, huagang, "副镇长")) {
        auto n = Must(nominations.Nominate(huagang_secretary,
                                           {slow, 0, personnel::Category::kSlow,
                                            "分管的农村人居环境整治项目三次督办仍未按期推进",
                                            "镇党委会议纪要、督办单三份"}),
                      "提名");
        Must(nominations.Review(county, n.nomination.id, true, "经区委组织部核实，督办记录属实"), "审核");
    }
    if (const Id shirking = Holder(roster, huagang, "人大主席"))
        Must(nominations.Nominate(huagang_secretary, {shirking, 0, personnel::Category::kShirking,
                                                    "信访积案化解中推诿扯皮，不愿牵头协调", "信访交办单两份"}),
             "提名");
    if (const Id inaction = Holder(roster, town.scope_unit_id, "副镇长"))
        Must(nominations.Nominate(town, {inaction, 0, personnel::Category::kInaction,
                                         "群众反映的道路破损问题两个月未回应", "12345 工单记录"}),
             "提名");
    return made;
}

}  // namespace lingyan::demo
