#include "app/campaign_service.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "app/audit_service.hpp"
#include "core/scoring/facts.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace scoring = core::scoring;
namespace errc = core::errc;
using core::Error;
using core::Invalid;
using core::ports::CampaignRecord;
using core::ports::FactRecord;
using core::roster::RosterIndex;
using core::roster::UnitKind;
using core::text::JsonQuote;

namespace {

constexpr const char* kDraft = "draft";
constexpr const char* kPublished = "published";
constexpr std::string_view kJudgeKey = "judge";
constexpr std::string_view kVetoKey = "veto";

Error NotFound() { return Error{errc::kNotFound, "考核活动不存在或不在您的管辖范围内", ""}; }
Error Forbidden(const std::string& message) { return Error{errc::kForbidden, message, ""}; }
Error Conflict(const std::string& message) { return Error{errc::kConflict, message, ""}; }

bool IsManager(core::auth::Role r) {
    using core::auth::Role;
    return r == Role::kAdmin || r == Role::kCounty || r == Role::kTown;
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// year "2021", quarter "2021-Q3", month "2021-07".
bool ValidCycle(const std::string& kind, const std::string& label) {
    if (label.size() < 4 || !AllDigits(std::string_view(label).substr(0, 4))) return false;
    if (kind == "year") return label.size() == 4;
    if (kind == "quarter") return label.size() == 7 && label.substr(4, 2) == "-Q" && label[6] >= '1' && label[6] <= '4';
    if (kind == "month") {
        if (label.size() != 7 || label[4] != '-' || !AllDigits(std::string_view(label).substr(5))) return false;
        const int month = std::stoi(label.substr(5));
        return month >= 1 && month <= 12;
    }
    return false;
}

std::string SubjectKey(Id subject_id) { return std::to_string(subject_id); }

using FactIdentity = std::tuple<Id, std::string, std::string, std::string>;  // subject, criterion, key, slot

std::string NullableQuote(const std::optional<std::string>& v) { return v ? JsonQuote(*v) : "null"; }

}  // namespace

std::string CentsText(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    std::string out = std::to_string(abs / 100) + ".";
    out += static_cast<char>('0' + abs % 100 / 10);
    out += static_cast<char>('0' + abs % 10);
    return negative ? "-" + out : out;
}

// An evaluated campaign: immutable once built, shared by readers until the next change.
struct CampaignService::Computed {
    CampaignDetail detail;
    std::vector<std::vector<Id>> paths;  // per subject: its unit's ancestors and itself
    std::unordered_map<Id, std::size_t> subject_index;
    std::vector<FactRecord> facts;
    std::unique_ptr<scoring::FactSheet> sheet;
    std::optional<scoring::Evaluation> evaluation;
    std::optional<Error> error;  // the engine refused the facts (cannot happen for validated input)
    std::vector<std::string> pending;
};

CampaignService::CampaignService(core::ports::Store& store, core::ports::CampaignStore& campaigns,
                                 std::mutex& store_mutex, const core::ports::Clock& clock, const RosterService& roster,
                                 FrameworkCodec codec)
    : store_(store),
      campaigns_(campaigns),
      store_mutex_(store_mutex),
      clock_(clock),
      roster_(roster),
      codec_(std::move(codec)),
      templates_(scoring::BuiltinTemplates()) {}

// ---- scope ---------------------------------------------------------------------------------

bool CampaignService::InScope(const Actor& actor, Id unit) const { return roster_.InScope(actor, unit); }

bool CampaignService::CanRead(const Actor& actor, const CampaignRecord& c) const {
    if (c.status != kPublished && !IsManager(actor.role) && actor.role != core::auth::Role::kJudge) return false;
    if (actor.scope_unit_id == 0) return actor.role == core::auth::Role::kAdmin;
    bool visible = false;
    roster_.WithIndex([&](const RosterIndex& index) {
        visible = index.tree().InSubtree(actor.scope_unit_id, c.scope_unit_id) ||
                  index.tree().InSubtree(c.scope_unit_id, actor.scope_unit_id);
    });
    return visible;
}

bool CampaignService::CanManage(const Actor& actor, Id scope_unit) const {
    return IsManager(actor.role) && InScope(actor, scope_unit);
}

// ---- evaluated snapshots -------------------------------------------------------------------

std::shared_ptr<const CampaignService::Computed> CampaignService::Load(Id campaign_id) {
    {
        std::lock_guard lock(cache_mutex_);
        if (auto it = cache_.find(campaign_id); it != cache_.end()) return it->second;
    }
    // Built under the store mutex, so that a concurrent change (which invalidates under the same
    // mutex) cannot be overtaken by a stale snapshot.
    std::lock_guard store_lock(store_mutex_);
    return Build(campaign_id);
}

void CampaignService::Invalidate(Id campaign_id) {
    std::lock_guard lock(cache_mutex_);
    cache_.erase(campaign_id);
}

std::shared_ptr<const CampaignService::Computed> CampaignService::Build(Id campaign_id) {
    {
        std::lock_guard lock(cache_mutex_);
        if (auto it = cache_.find(campaign_id); it != cache_.end()) return it->second;
    }
    auto record = campaigns_.FindCampaign(campaign_id);
    if (!record) return nullptr;
    auto version = campaigns_.FindFrameworkVersion(record->framework_version_id);
    if (!version) throw std::runtime_error("考核活动 " + std::to_string(campaign_id) + " 的指标体系版本缺失");
    auto compiled = codec_.parse(version->body);
    if (!compiled) throw std::runtime_error("考核活动 " + std::to_string(campaign_id) + " 的指标体系无效: " +
                                            compiled.error().message);
    auto computed = std::make_shared<Computed>();
    CampaignDetail& d = computed->detail;
    d.framework = std::make_shared<const scoring::CompiledFramework>(std::move(compiled).value());
    d.summary.campaign = *record;
    d.summary.framework_name = version->name;
    d.summary.framework_version = version->version;
    d.summary.template_key = version->template_key;
    computed->facts = campaigns_.ListFacts(campaign_id);
    d.fact_count = computed->facts.size();
    const auto subjects = campaigns_.ListSubjects(campaign_id);
    d.summary.subject_count = subjects.size();
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        if (const auto* scope = tree.Find(record->scope_unit_id)) d.summary.scope_unit_name = scope->name;
        for (const auto& s : subjects) {
            CampaignSubject view;
            view.record = s;
            std::vector<Id> path;
            if (const auto* unit = tree.Find(s.unit_id)) {
                view.unit_name = unit->name;
                for (const auto* ancestor : tree.Ancestors(s.unit_id)) {
                    path.push_back(ancestor->id);
                    if (ancestor->kind == UnitKind::kTown) view.town_id = ancestor->id, view.town_name = ancestor->name;
                }
                if (unit->kind == UnitKind::kTown) view.town_id = unit->id, view.town_name = unit->name;
            }
            path.push_back(s.unit_id);
            view.name = s.label.empty() ? view.unit_name : s.label;
            computed->subject_index.emplace(s.id, d.subjects.size());
            d.subjects.push_back(std::move(view));
            computed->paths.push_back(std::move(path));
        }
    });

    Score(*computed);
    std::shared_ptr<const Computed> frozen = computed;
    std::lock_guard lock(cache_mutex_);
    cache_[campaign_id] = frozen;
    return frozen;
}

void CampaignService::Score(Computed& computed_ref) {
    Computed* computed = &computed_ref;
    const CampaignDetail& d = computed->detail;
    // Judges score one at a time; a leaf with too few scores to trim counts as missing until
    // complete, so that the board stays available during entry.
    const auto& fw = *d.framework;
    std::map<std::pair<Id, std::string>, int> judge_counts;
    for (const auto& f : computed->facts)
        if (f.key == kJudgeKey) ++judge_counts[{f.subject_id, f.criterion}];
    std::set<std::pair<Id, std::string>> skipped;
    for (const auto& [where, count] : judge_counts) {
        const int node = fw.Find(where.second);
        if (node == scoring::kNoNode) continue;
        const auto& n = fw.nodes()[static_cast<std::size_t>(node)];
        if (n.spec.method == scoring::Method::kJudges && count < 2 * n.trim + 1) {
            skipped.insert(where);
            auto it = computed->subject_index.find(where.first);
            const std::string name = it == computed->subject_index.end() ? SubjectKey(where.first)
                                                                         : d.subjects[it->second].name;
            computed->pending.push_back(name + ": " + where.second + "（" + std::to_string(count) + "/" +
                                        std::to_string(2 * n.trim + 1) + "）");
        }
    }
    computed->sheet = std::make_unique<scoring::FactSheet>(fw, "campaign");
    for (const auto& s : d.subjects) computed->sheet->AddSubject(SubjectKey(s.record.id));
    for (const auto& f : computed->facts) {
        if (f.key == kJudgeKey && skipped.count({f.subject_id, f.criterion})) continue;
        const std::string subject = SubjectKey(f.subject_id);
        // Stored facts were checked on entry; a fact the engine now refuses is left out.
        if (f.criterion == scoring::kSubjectLevel && f.key == kVetoKey) {
            (void)computed->sheet->AddVeto(subject, f.value);
        } else {
            (void)computed->sheet->Add(subject, f.criterion, f.key, f.value);
        }
    }
    auto evaluation = scoring::Evaluate(*computed->sheet);
    if (evaluation) {
        computed->evaluation = std::move(evaluation).value();
    } else {
        computed->error = evaluation.error();
    }
}

// ---- reads ---------------------------------------------------------------------------------

Result<std::vector<CampaignSummary>> CampaignService::List(const Actor& actor) {
    std::vector<CampaignRecord> records;
    {
        std::lock_guard lock(store_mutex_);
        records = campaigns_.ListCampaigns();
    }
    std::vector<CampaignSummary> out;
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        if (!CanRead(actor, *it)) continue;
        auto computed = Load(it->id);
        if (computed) out.push_back(computed->detail.summary);
    }
    return out;
}

Result<CampaignDetail> CampaignService::Get(const Actor& actor, Id campaign_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    return computed->detail;
}

Id CampaignService::FindByName(const std::string& name) {
    std::lock_guard lock(store_mutex_);
    for (const auto& c : campaigns_.ListCampaigns())
        if (c.name == name) return c.id;
    return 0;
}

Result<Board> CampaignService::BoardOf(std::shared_ptr<const Computed> computed, std::optional<Id> unit_filter) const {
    if (computed->error) return *computed->error;
    Board board;
    board.detail = computed->detail;
    board.evaluation = &*computed->evaluation;
    board.pending = computed->pending;
    const auto& ranking = computed->evaluation->ranking;
    const auto& fw = *computed->detail.framework;
    const auto& awards = computed->evaluation->awards;
    for (std::size_t pos = 0; pos < ranking.size(); ++pos) {
        const auto& r = ranking[pos];
        if (unit_filter) {
            const auto& path = computed->paths[r.subject];
            if (std::find(path.begin(), path.end(), *unit_filter) == path.end()) continue;
        }
        BoardRow row;
        row.subject_idx = r.subject;
        row.result = &r;
        if (r.award >= 0) row.award = awards[static_cast<std::size_t>(r.award)].name;
        row.gap_to_best = ranking.front().total_cents - r.total_cents;
        row.gap_to_above = pos == 0 ? 0 : ranking[pos - 1].total_cents - r.total_cents;
        for (int root : fw.roots()) row.top_s.push_back(r.s[static_cast<std::size_t>(root)]);
        board.rows.push_back(std::move(row));
    }
    board.snapshot = std::move(computed);
    return board;
}

Result<Board> CampaignService::Ranking(const Actor& actor, Id campaign_id, std::optional<Id> unit_filter) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    return BoardOf(std::move(computed), unit_filter);
}

Result<SubjectExplanation> CampaignService::Explain(const Actor& actor, Id campaign_id, Id subject_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    auto it = computed->subject_index.find(subject_id);
    if (it == computed->subject_index.end()) return Error{errc::kNotFound, "考核对象不存在", ""};
    if (computed->error) return *computed->error;
    auto explanation = scoring::Explain(*computed->sheet, *computed->evaluation, SubjectKey(subject_id));
    if (!explanation) return explanation.error();
    auto board = BoardOf(computed, std::nullopt);
    if (!board) return board.error();
    SubjectExplanation out;
    const auto& ranking = computed->evaluation->ranking;
    const std::size_t pos = computed->evaluation->position[it->second];
    if (pos > 0) {
        out.best_name = computed->detail.subjects[ranking.front().subject].name;
        out.above_name = computed->detail.subjects[ranking[pos - 1].subject].name;
    }
    out.board = std::move(board).value();
    auto row = out.board.rows[pos];
    out.board.rows = {std::move(row)};
    out.explanation = std::move(explanation).value();
    return out;
}

Result<std::vector<FactRecord>> CampaignService::Facts(const Actor& actor, Id campaign_id, Id subject_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    if (subject_id != 0 && !computed->subject_index.count(subject_id)) return Error{errc::kNotFound, "考核对象不存在", ""};
    const bool judge = actor.role == core::auth::Role::kJudge;
    std::vector<FactRecord> out;
    for (const auto& f : computed->facts) {
        if (subject_id != 0 && f.subject_id != subject_id) continue;
        if (judge && (f.key != kJudgeKey || f.slot != actor.username)) continue;
        out.push_back(f);
    }
    return out;
}

Result<std::optional<core::ports::ResultSnapshot>> CampaignService::LatestResult(const Actor& actor, Id campaign_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    std::lock_guard lock(store_mutex_);
    return campaigns_.LatestResult(campaign_id);
}

// ---- writes --------------------------------------------------------------------------------

void CampaignService::Audit(const Actor& actor, const std::string& action, Id campaign_id, const std::string& detail) {
    AppendAudit(store_, clock_, actor, action, "campaign", campaign_id, detail);
}

Result<CampaignDetail> CampaignService::Create(const Actor& actor, const NewCampaign& spec) {
    if (!IsManager(actor.role)) return Forbidden("您的角色无权创建考核活动");
    if (spec.name.empty()) return Invalid("请填写活动名称", "name");
    const Id scope = spec.scope_unit_id != 0 ? spec.scope_unit_id : actor.scope_unit_id;
    if (scope == 0) return Invalid("请指定活动所属单位", "scope_unit_id");
    bool scope_exists = false;
    roster_.WithIndex([&](const RosterIndex& index) { scope_exists = index.tree().Find(scope) != nullptr; });
    if (!scope_exists) return Invalid("活动所属单位不存在", "scope_unit_id");
    if (!CanManage(actor, scope)) return Forbidden("不能在管辖范围外创建考核活动");
    if (!ValidCycle(spec.cycle_kind, spec.cycle_label))
        return Invalid("周期应为 year（2021）、quarter（2021-Q3）或 month（2021-07）", "cycle");
    if (spec.template_key.empty() == spec.framework_json.empty())
        return Invalid("请在内置模板（template）与自定义指标体系（framework）中选择一个", "template");

    scoring::Framework framework;
    if (!spec.template_key.empty()) {
        const auto* t = scoring::FindTemplate(templates_, spec.template_key);
        if (!t) return Invalid("没有内置模板 “" + spec.template_key + "”", "template");
        framework = t->framework;
    } else {
        auto parsed = codec_.parse(spec.framework_json);
        if (!parsed) return Invalid(parsed.error().message, "framework");
        framework = parsed->framework();
    }
    for (const auto& q : spec.quotas) {
        auto it = std::find_if(framework.awards.begin(), framework.awards.end(),
                               [&](const scoring::AwardSpec& a) { return a.name == q.name; });
        if (it == framework.awards.end()) return Invalid("指标体系中没有奖项 “" + q.name + "”", "awards");
        if (q.quota < 1) return Invalid("奖项 “" + q.name + "” 的名额应为正整数", "awards");
        it->quota = q.quota;
        if (q.min_total) it->min_total = *q.min_total;
    }
    if (auto compiled = scoring::Compile(framework); !compiled) return Invalid(compiled.error().message, "framework");
    if (spec.subjects.empty()) return Invalid("请至少选择一个考核对象", "subjects");
    std::set<std::pair<Id, std::string>> seen;
    std::string subject_error;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (const auto& s : spec.subjects) {
            if (!index.tree().Find(s.unit_id)) {
                subject_error = "考核对象单位 " + std::to_string(s.unit_id) + " 不存在";
            } else if (!index.tree().InSubtree(scope, s.unit_id)) {
                subject_error = "考核对象 " + index.tree().Find(s.unit_id)->name + " 不在活动所属单位范围内";
            } else if (!seen.insert({s.unit_id, s.label}).second) {
                subject_error = "考核对象 " + index.tree().Find(s.unit_id)->name + " 重复";
            }
            if (!subject_error.empty()) return;
        }
    });
    if (!subject_error.empty()) return Invalid(subject_error, "subjects");

    const std::string body = codec_.to_json(framework);
    Id campaign_id = 0;
    {
        std::lock_guard lock(store_mutex_);
        auto tx = store_.Begin();
        const std::string now = clock_.NowIso();
        core::ports::FrameworkVersionRecord version;
        version.framework_id = campaigns_.InsertFramework(framework.name, actor.username, now);
        version.version = 1;
        version.name = framework.name;
        version.template_key = spec.template_key;
        version.body = body;
        version.created_by = actor.username;
        version.created_at = now;
        CampaignRecord c;
        c.name = spec.name;
        c.scope_unit_id = scope;
        c.framework_version_id = campaigns_.InsertFrameworkVersion(version);
        c.cycle_kind = spec.cycle_kind;
        c.cycle_label = spec.cycle_label;
        c.status = kDraft;
        c.version = 1;
        c.created_by = actor.username;
        c.created_at = now;
        campaign_id = campaigns_.InsertCampaign(c);
        for (const auto& s : spec.subjects) campaigns_.InsertSubject({0, campaign_id, s.unit_id, s.label});
        Audit(actor, "create", campaign_id,
              "{\"name\":" + JsonQuote(spec.name) + ",\"scope_unit_id\":" + std::to_string(scope) +
                  ",\"framework\":" + JsonQuote(framework.name) + ",\"template\":" + JsonQuote(spec.template_key) +
                  ",\"cycle\":" + JsonQuote(spec.cycle_kind + ":" + spec.cycle_label) +
                  ",\"subjects\":" + std::to_string(spec.subjects.size()) + "}");
        tx->Commit();
    }
    return Get(actor, campaign_id);
}

Result<FactOutcome> CampaignService::EnterFacts(const Actor& actor, Id campaign_id, const std::vector<FactInput>& facts,
                                                const std::string& reason) {
    const bool judge = actor.role == core::auth::Role::kJudge;
    if (!IsManager(actor.role) && !judge) return Forbidden("您的角色无权录入考核数据");
    if (facts.empty()) return Invalid("没有要录入的数据", "facts");
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    const auto& campaign = computed->detail.summary.campaign;
    if (campaign.status == kPublished)
        return Conflict("活动已发布，结果已冻结；如需修改数据，请先说明理由并新建版本");
    const auto& fw = *computed->detail.framework;

    // Scope and role first: a request that reaches outside them is refused as a whole.
    std::set<Id> checked_units;
    for (const auto& f : facts) {
        auto it = computed->subject_index.find(f.subject_id);
        if (it == computed->subject_index.end()) continue;  // reported as a row error below
        const Id unit = computed->detail.subjects[it->second].record.unit_id;
        if (checked_units.insert(unit).second && !InScope(actor, unit))
            return Forbidden("考核对象 " + computed->detail.subjects[it->second].name + " 不在您的管辖范围内");
        if (judge) {
            const int node = fw.Find(f.criterion);
            if (node == scoring::kNoNode || fw.nodes()[static_cast<std::size_t>(node)].spec.method != scoring::Method::kJudges)
                return Forbidden("评委只能录入评委打分（judges）类指标");
        }
    }

    FactOutcome outcome;
    auto row_error = [&](const FactInput& f, std::string field, std::string message) {
        outcome.errors.push_back(RowError{"", f.row, std::move(field), std::move(message)});
    };
    std::map<FactIdentity, const FactRecord*> existing;
    for (const auto& f : computed->facts) existing[{f.subject_id, f.criterion, f.key, f.slot}] = &f;
    std::map<FactIdentity, const FactInput*> requested;
    std::vector<FactIdentity> identities(facts.size());
    for (std::size_t idx = 0; idx < facts.size(); ++idx) {
        const auto& f = facts[idx];
        if (!computed->subject_index.count(f.subject_id)) {
            row_error(f, "subject", "考核对象 " + std::to_string(f.subject_id) + " 不在本活动中");
            continue;
        }
        std::string slot;
        if (f.key == kJudgeKey) slot = judge || f.judge.empty() ? actor.username : f.judge;
        identities[idx] = {f.subject_id, f.criterion, f.key, slot};
        if (!requested.emplace(identities[idx], &f).second) {
            row_error(f, "key", "同一数据在本次提交中出现两次");
            continue;
        }
        if (!f.value && !existing.count(identities[idx])) row_error(f, "value", "要删除的数据不存在");
    }

    // Check the facts as they would stand after the change, with the engine's own rules.
    scoring::FactSheet sheet(fw, "row");
    for (const auto& s : computed->detail.subjects) sheet.AddSubject(SubjectKey(s.record.id));
    for (const auto& f : computed->facts) {
        if (requested.count({f.subject_id, f.criterion, f.key, f.slot})) continue;
        if (f.criterion == scoring::kSubjectLevel && f.key == kVetoKey) {
            (void)sheet.AddVeto(SubjectKey(f.subject_id), f.value);
        } else {
            (void)sheet.Add(SubjectKey(f.subject_id), f.criterion, f.key, f.value);
        }
    }
    for (std::size_t idx = 0; idx < facts.size(); ++idx) {
        const auto& f = facts[idx];
        if (!f.value || !computed->subject_index.count(f.subject_id)) continue;
        auto it = requested.find(identities[idx]);
        if (it == requested.end() || it->second != &f) continue;  // a reported duplicate
        const auto status = f.criterion == scoring::kSubjectLevel && f.key == kVetoKey
                                ? sheet.AddVeto(SubjectKey(f.subject_id), *f.value, static_cast<std::size_t>(f.row))
                                : sheet.Add(SubjectKey(f.subject_id), f.criterion, f.key, *f.value,
                                            static_cast<std::size_t>(f.row));
        if (!status) row_error(f, f.criterion, status.error().message);
    }
    if (!outcome.errors.empty()) {
        std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                         [](const RowError& a, const RowError& b) { return a.row < b.row; });
        return outcome;
    }

    const std::string now = clock_.NowIso();
    std::string changes;
    std::map<Id, FactRecord> updated;  // by id
    std::set<Id> removed;
    std::vector<FactRecord> inserted;
    auto tx = store_.Begin();
    for (const auto& [identity, input] : requested) {
        auto it = existing.find(identity);
        const FactRecord* before = it == existing.end() ? nullptr : it->second;
        const std::optional<std::string> before_value =
            before ? std::optional<std::string>(before->value) : std::nullopt;
        if (before_value == input->value) {
            ++outcome.unchanged;
            continue;
        }
        FactRecord record;
        record.campaign_id = campaign_id;
        record.subject_id = std::get<0>(identity);
        record.criterion = std::get<1>(identity);
        record.key = std::get<2>(identity);
        record.slot = std::get<3>(identity);
        record.entered_by = actor.username;
        record.entered_at = now;
        if (!input->value) {
            campaigns_.DeleteFact(before->id);
            removed.insert(before->id);
            ++outcome.removed;
        } else if (before) {
            record.id = before->id;
            record.value = *input->value;
            campaigns_.UpdateFact(record);
            updated[record.id] = record;
            ++outcome.updated;
        } else {
            record.value = *input->value;
            record.id = campaigns_.InsertFact(record);
            inserted.push_back(record);
            ++outcome.inserted;
        }
        if (!changes.empty()) changes += ',';
        changes += "{\"subject_id\":" + std::to_string(record.subject_id) + ",\"criterion\":" +
                   JsonQuote(record.criterion) + ",\"key\":" + JsonQuote(record.key) +
                   ",\"slot\":" + JsonQuote(record.slot) + ",\"before\":" + NullableQuote(before_value) +
                   ",\"after\":" + NullableQuote(input->value) + "}";
    }
    if (!changes.empty()) {
        Audit(actor, "facts", campaign_id,
              "{\"version\":" + std::to_string(campaign.version) + ",\"reason\":" + JsonQuote(reason) +
                  ",\"changes\":[" + changes + "]}");
    }
    tx->Commit();
    // Patch the snapshot from the written rows (in the order ListFacts returns them: by id)
    // instead of reading every fact back; readers keep the previous board until it is swapped.
    auto next = std::make_shared<Computed>();
    next->detail = computed->detail;
    next->paths = computed->paths;
    next->subject_index = computed->subject_index;
    next->facts.reserve(computed->facts.size() + inserted.size());
    for (const auto& f : computed->facts) {
        if (removed.count(f.id)) continue;
        auto it = updated.find(f.id);
        next->facts.push_back(it == updated.end() ? f : it->second);
    }
    for (auto& f : inserted) next->facts.push_back(std::move(f));
    next->detail.fact_count = next->facts.size();
    Score(*next);
    std::lock_guard cache_lock(cache_mutex_);
    cache_[campaign_id] = std::move(next);
    return outcome;
}

Result<PublishOutcome> CampaignService::Publish(const Actor& actor, Id campaign_id) {
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    CampaignRecord campaign = computed->detail.summary.campaign;
    if (!CanManage(actor, campaign.scope_unit_id)) return Forbidden("您无权发布该考核活动");
    if (campaign.status == kPublished) return Conflict("活动已发布");
    if (computed->error) return Invalid(computed->error->message, "facts");
    if (!computed->pending.empty())
        return Invalid("评委打分尚未完成，不能发布：" + computed->pending.front(), "facts");

    auto board = BoardOf(computed, std::nullopt);
    if (!board) return board.error();
    std::string snapshot = "{\"campaign_id\":" + std::to_string(campaign_id) +
                           ",\"version\":" + std::to_string(campaign.version) + ",\"ranking\":[";
    for (std::size_t pos = 0; pos < board->rows.size(); ++pos) {
        const auto& row = board->rows[pos];
        const auto& subject = computed->detail.subjects[row.subject_idx];
        if (pos) snapshot += ',';
        snapshot += "{\"subject_id\":" + std::to_string(subject.record.id) + ",\"name\":" + JsonQuote(subject.name) +
                    ",\"rank\":" + std::to_string(row.result->rank) + ",\"total\":" +
                    CentsText(row.result->total_cents) + ",\"vetoed\":" + (row.result->vetoed ? "true" : "false") +
                    ",\"incomplete\":" + (row.result->incomplete ? "true" : "false") +
                    ",\"award\":" + (row.award.empty() ? "null" : JsonQuote(row.award)) + "}";
    }
    snapshot += "]}";

    const std::string now = clock_.NowIso();
    campaign.status = kPublished;
    campaign.published_by = actor.username;
    campaign.published_at = now;
    auto tx = store_.Begin();
    campaigns_.UpdateCampaign(campaign);
    campaigns_.InsertResult({campaign_id, campaign.version, actor.username, now, snapshot});
    Audit(actor, "publish", campaign_id,
          "{\"version\":" + std::to_string(campaign.version) + ",\"before\":\"draft\",\"after\":\"published\"" +
              ",\"subjects\":" + std::to_string(board->rows.size()) + "}");
    tx->Commit();
    Invalidate(campaign_id);
    PublishOutcome out;
    out.summary = computed->detail.summary;
    out.summary.campaign = campaign;
    out.snapshot = std::move(snapshot);
    return out;
}

Result<CampaignSummary> CampaignService::Reopen(const Actor& actor, Id campaign_id, const std::string& reason) {
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound();
    CampaignRecord campaign = computed->detail.summary.campaign;
    if (!CanManage(actor, campaign.scope_unit_id)) return Forbidden("您无权修改该考核活动");
    if (campaign.status != kPublished) return Conflict("活动尚未发布，可直接修改数据");
    if (reason.empty()) return Invalid("新建版本须说明理由", "reason");
    const int before = campaign.version;
    campaign.status = kDraft;
    campaign.version = before + 1;
    campaign.published_by.clear();
    campaign.published_at.clear();
    auto tx = store_.Begin();
    campaigns_.UpdateCampaign(campaign);
    Audit(actor, "reopen", campaign_id,
          "{\"before\":{\"version\":" + std::to_string(before) + ",\"status\":\"published\"},\"after\":{\"version\":" +
              std::to_string(campaign.version) + ",\"status\":\"draft\"},\"reason\":" + JsonQuote(reason) + "}");
    tx->Commit();
    Invalidate(campaign_id);
    CampaignSummary out = computed->detail.summary;
    out.campaign = campaign;
    return out;
}

}  // namespace lingyan::app
