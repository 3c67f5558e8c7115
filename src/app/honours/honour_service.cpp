#include "app/honours/honour_service.hpp"

#include <algorithm>
#include <map>

#include "app/evaluation/campaign_service.hpp"
#include "app/roster/roster_service.hpp"

namespace lingyan::app {

namespace honours = core::honours;

namespace {

bool Same(const honours::Honour& a, const honours::Honour& b) {
    return a.unit_id == b.unit_id && a.name == b.name && a.title == b.title && a.level == b.level && a.year == b.year &&
           a.source == b.source && a.source_id == b.source_id;
}

std::string AuditJson(const honours::Honour& h) {
    return "{\"name\":" + JsonQuote(h.name) + ",\"title\":" + JsonQuote(h.title) +
           ",\"level\":" + JsonQuote(honours::LevelName(h.level)) + ",\"year\":" + std::to_string(h.year) +
           ",\"source\":" + JsonQuote(honours::SourceName(h.source)) + ",\"source_id\":" + std::to_string(h.source_id) +
           ",\"document_no\":" + JsonQuote(h.document_no) + "}";
}

}  // namespace

HonourService::HonourService(core::ports::Store& store, core::ports::HonourStore& honours, core::ports::StoreMutex& store_mutex,
                             const core::ports::Clock& clock, const RosterService& roster, HonourFiles files)
    : UseCaseBase(store, store_mutex, clock, roster), honours_(honours), files_(std::move(files)) {}

Result<HonourPage> HonourService::Search(const Actor& actor, const HonourQuery& query) {
    if (!IsManager(actor.role) && actor.role != Role::kSecretary) return RoleForbidden();
    if (query.unit != 0 && !InScope(actor, query.unit)) return NotFound("单位", "unit");
    std::vector<honours::Honour> all;
    {
        std::lock_guard lock(store_mutex_);
        all = honours_.ListHonours();
    }
    HonourPage page;
    std::map<std::pair<std::string, int>, HonourCount> counts;
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (auto& h : all) {
            if (!core::auth::InScope(tree, actor, h.unit_id)) continue;
            if (query.unit != 0 && !tree.InSubtree(query.unit, h.unit_id)) continue;
            if (query.person != 0 && h.person_id != query.person) continue;
            if (!query.title.empty() && h.title != query.title) continue;
            if (query.level && h.level != *query.level) continue;
            if (query.year != 0 && h.year != query.year) continue;
            if (!query.q.empty() && h.name.find(query.q) == std::string::npos) continue;
            auto& c = counts[{h.title, static_cast<int>(h.level)}];
            c.title = h.title;
            c.level = h.level;
            c.count++;
            c.since = c.since == 0 ? h.year : std::min(c.since, h.year);
            const auto* u = tree.Find(h.unit_id);
            page.items.push_back(HonourView{std::move(h), u ? u->name : "", ""});
        }
    });
    for (auto& [key, c] : counts) page.counts.push_back(c);
    std::stable_sort(page.counts.begin(), page.counts.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    return page;
}

Result<FileDownload> HonourService::RegisterXlsx(const Actor& actor, const HonourQuery& query) {
    auto page = Search(actor, query);
    if (!page) return page.error();
    if (!files_.register_xlsx) return Invalid("未配置导出格式");
    const auto today = clock_.Today();
    return FileDownload{files_.register_xlsx(*page), "荣誉库-" + today + ".xlsx", "honours-" + today + ".xlsx"};
}

bool HonourService::Register(const Actor& actor, honours::Honour h, const std::vector<honours::Honour>& existing) {
    for (const auto& e : existing)
        if (Same(e, h)) return false;
    h.granted_by = actor.username;
    h.granted_at = clock_.NowIso();
    h.id = honours_.InsertHonour(h);
    Audit(actor, "create", "honour", h.id, AuditJson(h));
    return true;
}

Result<HonourView> HonourService::Add(const Actor& actor, honours::Honour h) {
    if (!IsManager(actor.role)) return RoleForbidden();
    h.source = honours::Source::kManual;
    h.source_id = 0;
    bool found = true;
    std::string unit_name;
    roster_.WithIndex([&](const RosterIndex& index) {
        if (h.person_id != 0) {
            const auto* p = index.FindPerson(h.person_id);
            if (!p || !core::auth::InScope(index.tree(), actor, p->unit_id)) {
                found = false;
                return;
            }
            h.unit_id = p->unit_id;
            h.name = p->name;
        } else {
            const auto* u = index.tree().Find(h.unit_id);
            if (!u || !core::auth::InScope(index.tree(), actor, h.unit_id)) {
                found = false;
                return;
            }
            h.name = u->name;
        }
        if (const auto* u = index.tree().Find(h.unit_id)) unit_name = u->name;
    });
    if (!found) return NotFound(h.person_id != 0 ? "人员" : "单位", h.person_id != 0 ? "person_id" : "unit_id");
    if (auto ok = honours::Validate(h); !ok) return ok.error();
    std::lock_guard lock(store_mutex_);
    auto existing = honours_.ListHonours();
    auto tx = store_.Begin();
    if (!Register(actor, h, existing)) return Conflict("该称号已登记过", "title");
    tx->Commit();
    for (const auto& e : honours_.ListHonours())
        if (Same(e, h)) return HonourView{e, unit_name, ""};
    return HonourView{h, unit_name, ""};
}

int HonourService::RegisterAll(const Actor& actor, const std::vector<honours::Honour>& items) {
    std::lock_guard lock(store_mutex_);
    auto existing = honours_.ListHonours();
    auto tx = store_.Begin();
    int added = 0;
    for (const auto& h : items) added += Register(actor, h, existing);
    tx->Commit();
    return added;
}

Result<int> HonourService::Grant(const Actor& actor, const std::vector<TitleGrant>& grants) {
    if (!IsManager(actor.role)) return RoleForbidden();
    std::vector<honours::Honour> items;
    for (const auto& g : grants) {
        honours::Honour h;
        h.person_id = g.person_id;
        h.unit_id = g.unit_id;
        h.name = g.name;
        h.title = g.title;
        h.level = honours::LevelFromName(g.level).value_or(honours::Level::kCounty);
        h.year = g.year;
        h.source = honours::Source::kContest;
        h.source_id = g.contest_id;
        if (!InScope(actor, h.unit_id)) return Forbidden("获得者不在您的管辖范围内");
        if (auto ok = honours::Validate(h); !ok) return ok.error();
        items.push_back(std::move(h));
    }
    return RegisterAll(actor, items);
}

Result<int> HonourService::FromCampaign(const Actor& actor, Id campaign_id, const std::string& award,
                                        const std::string& title, honours::Level level, int year) {
    if (!IsManager(actor.role)) return RoleForbidden();
    if (!campaigns_) return Invalid("无法读取考核活动");
    auto board = campaigns_->Ranking(actor, campaign_id, std::nullopt);
    if (!board) return board.error();
    const auto& campaign = board->detail.summary.campaign;
    if (campaign.status != kPublished) return Conflict("考核活动发布后才能把获奖名单登记为称号");
    if (!InScope(actor, campaign.scope_unit_id)) return RoleForbidden();
    std::vector<honours::Honour> items;
    for (const auto& row : board->rows) {
        if (row.award != award) continue;
        const auto& subject = board->detail.subjects[row.subject_idx];
        honours::Honour h;
        h.person_id = subject.record.person_id;
        h.unit_id = subject.record.unit_id;
        h.name = subject.name;
        h.title = title.empty() ? award : title;
        h.level = level;
        h.year = year;
        h.source = honours::Source::kCampaign;
        h.source_id = campaign_id;
        if (auto ok = honours::Validate(h); !ok) return ok.error();
        items.push_back(std::move(h));
    }
    if (items.empty()) return Invalid("该考核活动没有这个奖项的获奖者：" + award, "award");
    return RegisterAll(actor, items);
}

std::vector<honours::Honour> HonourService::HonoursOf(Id person_id) {
    std::vector<honours::Honour> out;
    std::lock_guard lock(store_mutex_);
    for (auto& h : honours_.ListHonours())
        if (h.person_id == person_id) out.push_back(std::move(h));
    return out;
}

}  // namespace lingyan::app
