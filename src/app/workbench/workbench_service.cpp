#include "app/workbench/workbench_service.hpp"

#include "app/accounts/account_service.hpp"
#include "app/arena/arena_service.hpp"
#include "app/evaluation/campaign_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

WorkbenchService::WorkbenchService(core::ports::Store& store, core::ports::WorkbenchStore& counts,
                                   core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                                   const RosterService& roster, CampaignService& campaigns, ArenaService& arena,
                                   AccountService& accounts)
    : UseCaseBase(store, store_mutex, clock, roster),
      counts_(counts),
      campaigns_(campaigns),
      arena_(arena),
      accounts_(accounts) {
    providers_.push_back([this](const Actor& a, std::vector<WorkCard>& c) {
        if (IsManager(a.role)) OfficerCards(a, c);
    });
    providers_.push_back([this](const Actor& a, std::vector<WorkCard>& c) {
        if (a.role == Role::kSecretary) SecretaryCards(a, c);
    });
    providers_.push_back([this](const Actor& a, std::vector<WorkCard>& c) {
        if (a.role == Role::kJudge) JudgeCards(a, c);
    });
    providers_.push_back([this](const Actor& a, std::vector<WorkCard>& c) {
        if (a.role == Role::kMember) MemberCards(a, c);
    });
}

void WorkbenchService::AddProvider(Provider provider) { providers_.push_back(std::move(provider)); }

Result<Workbench> WorkbenchService::Get(const Actor& actor) {
    const auto generation = store_.WriteGeneration();
    if (!generation) return Compute(actor);
    // Generation and time are read before the cards: a write that commits meanwhile makes them old.
    const auto now = static_cast<std::int64_t>(clock_.NowUnixMs());
    const auto key = std::tuple{actor.user_id, static_cast<int>(actor.role), actor.scope_unit_id};
    if (auto kept = kept_.Find(key, *generation, now)) return std::move(*kept);
    auto out = Compute(actor);
    kept_.Put(key, *generation, now, out);
    return out;
}

Workbench WorkbenchService::Compute(const Actor& actor) {
    Workbench out{core::auth::RoleName(actor.role), {}};
    for (const auto& provide : providers_) provide(actor, out.cards);
    return out;
}

std::int64_t WorkbenchService::InScopeSum(const Actor& actor, const std::vector<core::ports::UnitCount>& rows) const {
    std::int64_t sum = 0;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& r : rows)
            if (core::auth::InScope(index.tree(), actor, r.unit_id)) sum += r.count;
    });
    return sum;
}

void WorkbenchService::CampaignCards(const Actor& actor, std::vector<WorkCard>& cards) {
    auto list = campaigns_.List(actor);
    if (!list) return;
    std::int64_t drafts = 0, published = 0;
    for (const auto& c : *list) (c.campaign.status == "draft" ? drafts : published) += 1;
    if (actor.role == Role::kJudge) {
        cards.push_back({"campaigns_to_score", "待评分的考核活动", drafts, "/evaluation", true});
        return;
    }
    if (IsManager(actor.role)) cards.push_back({"campaigns_scoring", "评分中的考核活动", drafts, "/evaluation", true});
    cards.push_back({"campaigns_published", "已发布的考核结果", published, "/evaluation", false});
}

void WorkbenchService::OfficerCards(const Actor& actor, std::vector<WorkCard>& cards) {
    std::vector<core::ports::UnitCount> pending, followups, due, nominated, in_training, programs;
    const std::string today = clock_.Today();
    {
        ReadLock lock(store_mutex_);  // counts only: beside other reads, on the replica if any
        pending = counts_.PendingPointsByUnit();
        followups = counts_.OpenCampaignFollowUpsByUnit();
        due = counts_.DuePlacementFollowUpsByUnit(today);
        nominated = counts_.PoolMembersByScope("nominated");
        in_training = counts_.PoolMembersByScope("in_training");
        programs = counts_.RunningProgramsByScope(today);
    }
    cards.push_back({"points_approvals", "待审核的积分申报", InScopeSum(actor, pending), "/points/approvals", true});
    CampaignCards(actor, cards);
    cards.push_back({"campaign_followups", "未完成的整改跟进", InScopeSum(actor, followups), "/evaluation", true});
    if (auto contests = arena_.List(actor)) {
        std::int64_t open = 0;
        for (const auto& c : *contests)
            if (c.can_host && c.status != "finished") ++open;
        cards.push_back({"contests_to_host", "待主持的擂台赛", open, "/arena", true});
    }
    cards.push_back({"pool_nominated", "人才库待遴选人选", InScopeSum(actor, nominated), "/training/pools", true});
    cards.push_back({"pool_in_training", "人才库培养中", InScopeSum(actor, in_training), "/training/pools", false});
    cards.push_back({"programs_running", "进行中的跟岗培育项目", InScopeSum(actor, programs), "/training/programs", false});
    cards.push_back({"placement_followups_due", "到期未完成的跟岗整改事项", InScopeSum(actor, due), "/training/programs", true});
    if (auto attention = accounts_.Attention(actor))
        cards.push_back({"accounts_attention", "待修改初始密码的账号", attention->must_change,
                         "/accounts?state=must_change", true});
}

void WorkbenchService::SecretaryCards(const Actor& actor, std::vector<WorkCard>& cards) {
    std::vector<core::ports::UnitCount> pending, followups;
    {
        ReadLock lock(store_mutex_);  // counts only: beside other reads, on the replica if any
        pending = counts_.PendingPointsByUnit();
        followups = counts_.OpenCampaignFollowUpsByUnit();
    }
    cards.push_back({"points_approvals", "待审核的积分申报", InScopeSum(actor, pending), "/points/approvals", true});
    cards.push_back({"campaign_followups", "未完成的整改跟进", InScopeSum(actor, followups), "/evaluation", true});
    CampaignCards(actor, cards);
}

void WorkbenchService::JudgeCards(const Actor& actor, std::vector<WorkCard>& cards) {
    std::int64_t seats = 0;
    {
        ReadLock lock(store_mutex_);  // counts only: beside other reads, on the replica if any
        seats = counts_.OpenJudgeSeatsOfUser(actor.user_id);
    }
    cards.push_back({"contests_to_judge", "待评分的擂台赛", seats, "/arena", true});
    CampaignCards(actor, cards);
}

void WorkbenchService::MemberCards(const Actor& actor, std::vector<WorkCard>& cards) {
    core::ports::WorkbenchStore::OwnDeclarations own;
    {
        ReadLock lock(store_mutex_);  // counts only: beside other reads, on the replica if any
        own = counts_.DeclarationsOfUser(actor.user_id);
    }
    if (!own.linked) {
        cards.push_back({"member_not_linked", "账号尚未关联党员积分档案（请联系支部书记）", 0, "/points/leaderboard", false});
        return;
    }
    cards.push_back({"my_pending", "待支部审核的申报", own.pending, "/points/me", true});
    cards.push_back({"my_rejected", "被退回的申报", own.rejected, "/points/me", true});
    cards.push_back({"my_approved", "已通过的积分记录", own.approved, "/points/me", false});
}

}  // namespace lingyan::app
