#pragma once
// WorkbenchService: the home page of every role (工作台) — what waits for the caller, counted in
// their scope, each with the page one click opens. The counts come from grouped COUNT queries
// (core/ports/workbench_store.hpp) summed over the caller's scope, and from short lists the
// modules already keep (campaigns, contests, accounts).
//
// Extension point: a module adds its card in one place — a provider registered with AddProvider
// (in the composition root) that appends WorkCards for the roles it concerns; the web renders any
// card by its key (workbench.cards.<key> in the locale files, the server's title otherwise).
//
// Issue 15: a caller's whole workbench is kept for up to kMaxAgeMs while this process writes
// nothing (app/common/kept.hpp): under load the cards of every module (tickets, projects,
// nominations, accounts, campaigns, the per-scope sums) are computed once a second per caller
// instead of once per request. A write of this server shows at the next request; another
// server's write within kMaxAgeMs.

#include <functional>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "app/common/kept.hpp"
#include "app/common/use_case_base.hpp"
#include "core/ports/workbench_store.hpp"

namespace lingyan::app {

class AccountService;
class ArenaService;
class CampaignService;
class PointsService;

struct WorkCard {
    std::string key;    // stable; the web's label is workbench.cards.<key>
    std::string title;  // Chinese label (the web's fallback)
    std::int64_t count = 0;
    std::string path;   // the page one click opens (with its query)
    bool action = true;  // it waits for the caller; false: an overview figure
};

struct Workbench {
    std::string role;
    std::vector<WorkCard> cards;
};

class WorkbenchService : public UseCaseBase {
public:
    using Provider = std::function<void(const Actor&, std::vector<WorkCard>&)>;

    WorkbenchService(core::ports::Store& store, core::ports::WorkbenchStore& counts, core::ports::StoreMutex& store_mutex,
                     const core::ports::Clock& clock, const RosterService& roster, CampaignService& campaigns,
                     ArenaService& arena, AccountService& accounts);

    // The caller's cards, in the order the providers were added.
    Result<Workbench> Get(const Actor& actor);
    // Adds a module's cards (tickets: tasks by colour, …).
    void AddProvider(Provider provider);

    static constexpr std::int64_t kMaxAgeMs = 1000;

private:
    Workbench Compute(const Actor& actor);
    // Sums grouped counts over the units inside the caller's scope.
    std::int64_t InScopeSum(const Actor& actor, const std::vector<core::ports::UnitCount>& rows) const;
    void OfficerCards(const Actor& actor, std::vector<WorkCard>& cards);
    void SecretaryCards(const Actor& actor, std::vector<WorkCard>& cards);
    void JudgeCards(const Actor& actor, std::vector<WorkCard>& cards);
    void MemberCards(const Actor& actor, std::vector<WorkCard>& cards);
    void CampaignCards(const Actor& actor, std::vector<WorkCard>& cards);

    core::ports::WorkbenchStore& counts_;
    CampaignService& campaigns_;
    ArenaService& arena_;
    AccountService& accounts_;
    std::vector<Provider> providers_;
    Kept<std::tuple<Id, int, Id>, Workbench> kept_{kMaxAgeMs};  // by user, role and scope
};

}  // namespace lingyan::app
