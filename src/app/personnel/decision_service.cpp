#include "app/personnel/decision_service.hpp"

#include "app/evaluation/campaign_service.hpp"
#include "app/honours/honour_service.hpp"
#include "app/roster/roster_service.hpp"
#include "app/training/pool_service.hpp"
#include "core/honours/honour.hpp"

namespace lingyan::app {

namespace personnel = core::personnel;

namespace {

std::string AuditJson(const personnel::Decision& d) {
    return "{\"person_id\":" + std::to_string(d.person_id) + ",\"name\":" + JsonQuote(d.name) +
           ",\"kind\":" + JsonQuote(personnel::KindName(d.kind)) +
           ",\"ground\":" + JsonQuote(personnel::GroundName(d.ground)) + ",\"ground_id\":" + std::to_string(d.ground_id) +
           ",\"content\":" + JsonQuote(d.content) + ",\"document_no\":" + JsonQuote(d.document_no) +
           ",\"decided_on\":" + JsonQuote(d.decided_on) + ",\"position_id\":" + std::to_string(d.position_id) + "}";
}

// The error of a ground that cannot be read, as the same not_found naming ground_id.
Error GroundNotFound(personnel::Ground ground) {
    switch (ground) {
        case personnel::Ground::kHonour:
            return NotFound("荣誉", "ground_id");
        case personnel::Ground::kPool:
            return NotFound("人才库", "ground_id");
        case personnel::Ground::kCampaign:
            break;
    }
    return NotFound("考核活动", "ground_id");
}

}  // namespace

DecisionService::DecisionService(core::ports::Store& store, core::ports::PersonnelStore& personnel,
                                 core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                                 RosterService& roster_writer, PersonnelFiles files)
    : UseCaseBase(store, store_mutex, clock, roster_writer),
      personnel_(personnel),
      roster_writer_(roster_writer),
      files_(std::move(files)) {}

void DecisionService::SetGrounds(CampaignService* campaigns, HonourService* honours, PoolService* pools) {
    campaigns_ = campaigns;
    honours_ = honours;
    pools_ = pools;
}

Result<std::string> DecisionService::GroundLabel(const Actor& actor, const personnel::Decision& d) {
    switch (d.ground) {
        case personnel::Ground::kCampaign: {
            if (!campaigns_) return GroundNotFound(d.ground);
            auto board = campaigns_->Ranking(actor, d.ground_id, std::nullopt);
            if (!board) return GroundNotFound(d.ground);
            const auto& campaign = board->detail.summary.campaign;
            if (campaign.status != kPublished) return Invalid("考核活动发布结果后才能作为依据", "ground_id");
            for (const auto& row : board->rows) {
                const auto& subject = board->detail.subjects[row.subject_idx].record;
                // The person as a subject, or a member of a unit subject's team (好班子).
                const bool own = subject.person_id == d.person_id;
                const bool team = subject.person_id == 0 && subject.project_id == 0 && subject.unit_id == d.unit_id;
                if (!own && !team) continue;
                std::string label = campaign.name + "：" + board->detail.subjects[row.subject_idx].name + " 第 " +
                                    std::to_string(row.result->rank) + " 名";
                if (!row.award.empty()) label += " · " + row.award;
                return label;
            }
            return Invalid("该人员（及其所在单位）不在这次考核的结果中", "ground_id");
        }
        case personnel::Ground::kHonour: {
            if (!honours_) return GroundNotFound(d.ground);
            HonourQuery q;
            q.person = d.person_id;
            auto page = honours_->Search(actor, q);
            if (!page) return GroundNotFound(d.ground);
            for (const auto& v : page->items)
                if (v.honour.id == d.ground_id)
                    return std::to_string(v.honour.year) + " 年 " + core::honours::LevelLabel(v.honour.level) +
                           v.honour.title;
            return GroundNotFound(d.ground);
        }
        case personnel::Ground::kPool: {
            if (!pools_) return GroundNotFound(d.ground);
            auto pool = pools_->GetPool(actor, d.ground_id);
            if (!pool) return GroundNotFound(d.ground);
            for (const auto& m : pool->members)
                if (m.membership.person_id == d.person_id && m.membership.state != core::training::MemberState::kLeft)
                    return pool->pool.record.name + " 人才库成员（" + m.membership.nominated_on + " 提名）";
            return Invalid("该人员不在这个人才库中", "ground_id");
        }
    }
    return GroundNotFound(d.ground);
}

Result<DecisionView> DecisionService::Decide(const Actor& actor, const DecisionInput& input) {
    if (!IsManager(actor.role)) return RoleForbidden();
    personnel::Decision d = input.decision;
    if (d.decided_on.empty()) d.decided_on = clock_.Today();
    if (auto ok = personnel::Validate(d, input.position); !ok) return ok.error();
    std::string unit_name;
    bool found = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto* p = index.FindPerson(d.person_id);
        if (!p || !core::auth::InScope(index.tree(), actor, p->unit_id)) return;
        found = true;
        d.unit_id = p->unit_id;
        d.name = p->name;
        if (const auto* u = index.tree().Find(p->unit_id)) unit_name = u->name;
    });
    if (!found) return NotFound("人员", "person_id");
    auto label = GroundLabel(actor, d);
    if (!label) return label.error();
    d.ground_label = *label;

    std::optional<core::roster::Position> position;
    if (d.kind == personnel::Kind::kAppointment) {
        position = core::roster::Position{0, d.person_id, input.position->unit_id, input.position->title,
                                          d.decided_on, ""};
        if (auto ok = roster_writer_.CheckNewPosition(actor, *position); !ok) {
            Error e = ok.error();
            e.field = e.field == "title" ? "position_title" : e.field == "unit_id" ? "position_unit_id" : e.field;
            return e;
        }
    }
    d.decided_by = actor.username;
    d.decided_at = clock_.NowIso();
    {
        std::lock_guard lock(store_mutex_);
        auto tx = store_.Begin();
        if (position && d.ground == personnel::Ground::kPool) {
            auto moved = pools_->AppointLocked(actor, d.ground_id, d.person_id, d.decided_on, d.content);
            if (!moved) return moved.error();  // the transaction rolls back
        }
        if (position) {
            roster_writer_.InsertPositionLocked(actor, *position);
            d.position_id = position->id;
        }
        d.id = personnel_.InsertDecision(d);
        Audit(actor, "create", "personnel_decision", d.id, AuditJson(d));
        tx->Commit();
    }
    if (position) roster_writer_.PositionCommitted(*position);
    return DecisionView{std::move(d), std::move(unit_name)};
}

Result<std::vector<DecisionView>> DecisionService::List(const Actor& actor, const DecisionQuery& query) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (query.person != 0) {
        bool visible = false;
        roster_.WithIndex([&](const RosterIndex& index) {
            const auto* p = index.FindPerson(query.person);
            visible = p && core::auth::InScope(index.tree(), actor, p->unit_id);
        });
        if (!visible) return NotFound("人员");
    }
    std::vector<personnel::Decision> all;
    {
        std::lock_guard lock(store_mutex_);
        all = personnel_.ListDecisions();
    }
    const std::string year_prefix = query.year != 0 ? std::to_string(query.year) + "-" : "";
    std::vector<DecisionView> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (auto& d : all) {
            if (!core::auth::InScope(tree, actor, d.unit_id)) continue;
            if (query.person != 0 && d.person_id != query.person) continue;
            if (query.ground && (d.ground != *query.ground || d.ground_id != query.ground_id)) continue;
            if (query.kind && d.kind != *query.kind) continue;
            if (!d.decided_on.starts_with(year_prefix)) continue;
            const auto* u = tree.Find(d.unit_id);
            out.push_back(DecisionView{std::move(d), u ? u->name : ""});
        }
    });
    return out;
}

Result<FileDownload> DecisionService::LedgerXlsx(const Actor& actor, const DecisionQuery& query) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!files_.decisions_xlsx) return Invalid("未配置导出格式");
    auto list = List(actor, query);
    if (!list) return list.error();
    if (auto st = CheckExportSize(static_cast<std::int64_t>(list->size()), "人事决定", "条"); !st) return st.error();
    const auto today = clock_.Today();
    return FileDownload{files_.decisions_xlsx(*list), "人事决定台账-" + today + ".xlsx",
                        "decision-ledger-" + today + ".xlsx"};
}

}  // namespace lingyan::app
