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

Status HonourService::CheckImport(const Actor& actor) const {
    if (!IsManager(actor.role)) return Forbidden("只有管理员、区县和镇街的组织部门账号可以导入荣誉");
    return core::Ok();
}

Result<FileDownload> HonourService::Template(const Actor& actor) const {
    if (auto ok = CheckImport(actor); !ok) return ok.error();
    return FileDownload{files_.template_xlsx(), "荣誉导入模板.xlsx", "honours-template.xlsx"};
}

Result<HonoursImport> HonourService::Import(const Actor& actor, const std::string& bytes, bool dry_run) {
    if (auto ok = CheckImport(actor); !ok) return ok.error();
    if (bytes.empty()) return Invalid("上传的文件为空", "file");
    if (bytes.size() > kHonoursMaxBytes) return Invalid("文件超过 4 MB，请拆分成几个文件分批导入", "file");
    auto sheet = files_.read_sheet(bytes);
    if (!sheet) return sheet.error();
    if (sheet->rows.empty() && sheet->problems.empty()) return Invalid("表中没有任何荣誉", "file");
    HonoursImport out;
    out.dry_run = dry_run;
    out.sheet = sheet->sheet;
    std::vector<RowError> checks;
    struct Resolved {
        honours::Honour honour;
        int line = 0;
        std::string unit;  // its name, read with the roster while resolving
    };
    std::vector<Resolved> found;  // the rows that resolved, each to be registered or already there
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        // The units a row may name: in scope, by code and by name (a name two units share is refused).
        std::map<std::string, Id> by_code;
        std::map<std::string, std::vector<Id>> by_name;
        for (const auto& u : tree.units()) {
            if (!core::auth::InScope(tree, actor, u.id)) continue;
            if (!u.code.empty()) by_code[u.code] = u.id;
            by_name[u.name].push_back(u.id);
        }
        for (const auto& row : sheet->rows) {
            const int line = static_cast<int>(row.line);
            auto error = [&](const char* column, std::string message) {
                checks.push_back({out.sheet, line, column, std::move(message)});
            };
            Id unit = 0;
            if (auto code = by_code.find(row.unit); code != by_code.end()) {
                unit = code->second;
            } else if (auto named = by_name.find(row.unit); named != by_name.end() && named->second.size() == 1) {
                unit = named->second.front();
            } else if (named != by_name.end()) {
                error("单位", "您的管辖范围内有 " + std::to_string(named->second.size()) + " 个名为“" + row.unit +
                                  "”的单位，请填写 12 位单位编码");
                continue;
            } else {
                error("单位", "您的管辖范围内没有名称或编码为“" + row.unit + "”的单位");
                continue;
            }
            honours::Honour h;
            h.title = row.title;
            h.level = row.level;
            h.year = row.year;
            h.document_no = row.document_no;
            h.source = honours::Source::kManual;
            h.unit_id = unit;
            const auto* u = tree.Find(unit);
            if (row.holder.empty() || row.holder == u->name) {  // the unit's own honour
                h.name = u->name;
            } else {
                std::vector<const core::roster::Person*> people;
                if (!row.id_number.empty()) {
                    for (const auto* p : index.PeopleWithIdNumber(row.id_number))
                        if (core::auth::InScope(tree, actor, p->unit_id)) people.push_back(p);
                    if (people.size() == 1 && people.front()->name != row.holder) {
                        error("身份证号", "身份证号对应的人员不是“" + row.holder + "”");
                        continue;
                    }
                } else {
                    index.ForEachPersonUnder(unit, [&](const core::roster::Person& p) {
                        if (p.name == row.holder) people.push_back(&p);
                    });
                }
                if (people.empty()) {
                    error(row.id_number.empty() ? "获得者" : "身份证号",
                          "在“" + u->name + "”" + (row.id_number.empty() ? "" : "及您的管辖范围内") + "找不到“" +
                              row.holder + "”");
                    continue;
                }
                if (people.size() > 1) {
                    error("获得者", "“" + u->name + "”有 " + std::to_string(people.size()) + " 位名为“" + row.holder +
                                        "”的人员，请填写身份证号");
                    continue;
                }
                h.person_id = people.front()->id;
                h.unit_id = people.front()->unit_id;
                h.name = people.front()->name;
            }
            if (auto ok = honours::Validate(h); !ok) {
                error(ok.error().field == "year"          ? "年度"
                      : ok.error().field == "document_no" ? "文号"
                                                          : "荣誉称号",
                      ok.error().message);
                continue;
            }
            std::string unit_name = tree.NameOf(h.unit_id);  // the holder's own unit (a grid under a village)
            found.push_back({std::move(h), line, std::move(unit_name)});
        }
    });
    out.errors = MergeRowErrors(out.sheet, sheet->problems, std::move(checks));
    if (!out.errors.empty()) return out;
    std::lock_guard lock(store_mutex_);
    auto existing = honours_.ListHonours();
    std::vector<honours::Honour> fresh;
    for (const auto& [h, line, unit] : found) {
        const bool known = std::any_of(existing.begin(), existing.end(), [&](const auto& e) { return Same(e, h); }) ||
                           std::any_of(fresh.begin(), fresh.end(), [&](const auto& e) { return Same(e, h); });
        if (known) {
            ++out.already;
            continue;
        }
        fresh.push_back(h);
        out.added.push_back({line, h.name, unit, h.title, h.level, h.year});
    }
    if (dry_run || fresh.empty()) return out;
    auto tx = store_.Begin();
    for (const auto& h : fresh) Register(actor, h, {});
    tx->Commit();
    return out;
}

}  // namespace lingyan::app
