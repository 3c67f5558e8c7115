#include "app/personnel/nomination_service.hpp"

#include "app/roster/roster_service.hpp"

namespace lingyan::app {

namespace personnel = core::personnel;

namespace {

std::string AuditJson(const personnel::Nomination& n) {
    return "{\"person_id\":" + std::to_string(n.person_id) + ",\"name\":" + JsonQuote(n.name) +
           ",\"year\":" + std::to_string(n.year) + ",\"category\":" + JsonQuote(personnel::CategoryName(n.category)) +
           ",\"reason\":" + JsonQuote(n.reason) + ",\"evidence\":" + JsonQuote(n.evidence) +
           ",\"state\":" + JsonQuote(personnel::StateName(n.state)) + ",\"review_reason\":" + JsonQuote(n.review_reason) +
           "}";
}

}  // namespace

NominationService::NominationService(core::ports::Store& store, core::ports::PersonnelStore& personnel,
                                     core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                                     const RosterService& roster, PersonnelFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), personnel_(personnel), files_(std::move(files)) {}

NominationView NominationService::ViewOf(personnel::Nomination n) const {
    NominationView v;
    roster_.WithIndex([&](const RosterIndex& index) {
        if (const auto* u = index.tree().Find(n.unit_id)) v.unit_name = u->name;
        for (const auto* pos : index.PositionsOf(n.person_id))
            if (pos->end_date.empty()) {
                v.position = pos->title;
                break;
            }
    });
    v.nomination = std::move(n);
    return v;
}

Result<NominationView> NominationService::Nominate(const Actor& actor, const NominationInput& input) {
    if (!IsManager(actor.role)) return RoleForbidden();
    personnel::Nomination n;
    n.person_id = input.person_id;
    n.year = input.year != 0 ? input.year : std::stoi(clock_.Today().substr(0, 4));
    n.category = input.category;
    n.reason = input.reason;
    n.evidence = input.evidence;
    if (auto ok = personnel::Validate(n); !ok) return ok.error();
    bool found = false, in_office = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* p = index.FindPerson(n.person_id);
        if (!p || !core::auth::InScope(index.tree(), actor, p->unit_id)) return;
        found = true;
        n.unit_id = p->unit_id;
        n.name = p->name;
        for (const auto* pos : index.PositionsOf(p->id)) in_office = in_office || pos->end_date.empty();
    });
    if (!found) return NotFound("人员", "person_id");
    if (!in_office) return Invalid("只能提名在职干部（名册中有现任职务的人员）", "person_id");
    n.state = personnel::NominationState::kPending;
    n.nominated_by = actor.username;
    n.nominated_at = clock_.NowIso();
    {
        std::lock_guard lock(store_mutex_);
        for (const auto& e : personnel_.ListNominations())
            if (e.person_id == n.person_id && e.year == n.year && e.category == n.category)
                return Conflict("该人员本年度已因此项被提名", "category");
        auto tx = store_.Begin();
        n.id = personnel_.InsertNomination(n);
        Audit(actor, "nominate", "tangping_nomination", n.id, AuditJson(n));
        tx->Commit();
    }
    return ViewOf(std::move(n));
}

Result<std::vector<NominationView>> NominationService::List(const Actor& actor, const NominationQuery& query) {
    if (!IsManager(actor.role)) return RoleForbidden();
    std::vector<personnel::Nomination> all;
    {
        std::lock_guard lock(store_mutex_);
        all = personnel_.ListNominations();
    }
    std::vector<NominationView> out;
    for (auto& n : all) {
        if (query.year != 0 && n.year != query.year) continue;
        if (query.state && n.state != *query.state) continue;
        if (!InScope(actor, n.unit_id)) continue;
        out.push_back(ViewOf(std::move(n)));
    }
    return out;
}

Result<FileDownload> NominationService::RegisterXlsx(const Actor& actor, const NominationQuery& query) {
    auto list = List(actor, query);  // checks the role first
    if (!list) return list.error();
    if (!files_.nominations_xlsx) return Invalid("未配置导出格式");
    if (auto st = CheckExportSize(static_cast<std::int64_t>(list->size()), "提名", "条"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.nominations_xlsx(*list), "躺平奖提名台账-" + today + ".xlsx",
                        "tangping-nominations-" + today + ".xlsx"};
}

Result<NominationView> NominationService::Review(const Actor& actor, Id id, bool confirm, const std::string& reason) {
    if (actor.role != Role::kAdmin && actor.role != Role::kCounty) return RoleForbidden();
    personnel::Nomination reviewed;
    {
        std::lock_guard lock(store_mutex_);
        auto n = personnel_.FindNomination(id);
        if (!n || !InScope(actor, n->unit_id)) return NotFound("提名");
        auto done = personnel::Review(*n, confirm, reason, actor.username, clock_.NowIso());
        if (!done) return done.error();
        reviewed = *done;
        auto tx = store_.Begin();
        personnel_.UpdateNominationReview(reviewed);
        Audit(actor, confirm ? "confirm" : "reject", "tangping_nomination", id, AuditJson(reviewed));
        tx->Commit();
    }
    return ViewOf(std::move(reviewed));
}

Result<OwnerAccess> NominationService::EvidenceAccess(const Actor& actor, Id nomination_id, Id sub_id) {
    if (sub_id != 0 || !IsManager(actor.role)) return NotFound("提名");
    std::optional<personnel::Nomination> n;
    {
        std::lock_guard lock(store_mutex_);
        n = personnel_.FindNomination(nomination_id);
    }
    if (!n || !InScope(actor, n->unit_id)) return NotFound("提名");
    OwnerAccess access;
    access.add = n->nominated_by == actor.username && n->state == personnel::NominationState::kPending;
    return access;
}

void NominationService::Cards(const Actor& actor, std::vector<WorkCard>& cards) {
    if (actor.role != Role::kAdmin && actor.role != Role::kCounty) return;
    NominationQuery q;
    q.state = personnel::NominationState::kPending;
    auto pending = List(actor, q);
    if (!pending) return;
    cards.push_back({"tangping_pending", "待审核的躺平奖提名", static_cast<std::int64_t>(pending->size()),
                     "/tangping?state=pending", true});
}

}  // namespace lingyan::app
