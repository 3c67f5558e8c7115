#include "app/evaluation/campaign_service.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "app/audit/audit_service.hpp"
#include "app/common/use_case.hpp"
#include "core/common/date.hpp"
#include "core/evaluation/facts.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace ports = core::ports;

namespace evaluation = core::evaluation;
using core::roster::UnitKind;

namespace {

constexpr const char* kDraft = "draft";
constexpr std::string_view kJudgeKey = "judge";
constexpr std::string_view kVetoKey = "veto";

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

// The owner of a criterion: its own, or the nearest owned ancestor's; nullptr when none.
const core::ports::OwnerRecord* OwnerOf(const std::vector<core::ports::OwnerRecord>& owners,
                                        const evaluation::CompiledFramework& fw, const std::string& criterion) {
    for (int node = fw.Find(criterion); node != evaluation::kNoNode;
         node = fw.nodes()[static_cast<std::size_t>(node)].parent) {
        const auto& id = fw.nodes()[static_cast<std::size_t>(node)].spec.id;
        for (const auto& o : owners)
            if (o.criterion == id) return &o;
    }
    return nullptr;
}

std::string FormatShare(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

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
    std::vector<ports::FactRecord> facts;
    std::unique_ptr<evaluation::FactSheet> sheet;
    std::optional<evaluation::Evaluation> evaluation;
    evaluation::Standing standing;
    std::optional<Error> error;  // the engine refused the facts (cannot happen for validated input)
    std::vector<std::string> pending;
};

CampaignService::CampaignService(core::ports::Store& store, core::ports::CampaignStore& campaigns,
                                 core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                                 const RosterService& roster, EvaluationFiles files)
    : UseCaseBase(store, store_mutex, clock, roster),
      campaigns_(campaigns),
      files_(std::move(files)),
      templates_(evaluation::BuiltinTemplates()) {}

// ---- scope ---------------------------------------------------------------------------------

bool CampaignService::CanRead(const Actor& actor, const ports::CampaignRecord& c) const {
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

void CampaignService::Reload() {
    listed_.Clear();
    std::lock_guard lock(cache_mutex_);
    cache_.clear();
    ++generation_;
}

void CampaignService::Invalidate(Id campaign_id) {
    std::lock_guard lock(cache_mutex_);
    cache_.erase(campaign_id);
    ++generation_;
}

std::shared_ptr<const CampaignService::Computed> CampaignService::Build(Id campaign_id) {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(cache_mutex_);
        if (auto it = cache_.find(campaign_id); it != cache_.end()) return it->second;
        generation = generation_;
    }
    auto record = campaigns_.FindCampaign(campaign_id);
    if (!record) return nullptr;
    auto version = campaigns_.FindFrameworkVersion(record->framework_version_id);
    if (!version) throw std::runtime_error("考核活动 " + std::to_string(campaign_id) + " 的指标体系版本缺失");
    auto compiled = files_.parse_framework(version->body);
    if (!compiled)
        throw std::runtime_error("考核活动 " + std::to_string(campaign_id) +
                                 " 的指标体系无效: " + compiled.error().message);
    auto computed = std::make_shared<Computed>();
    CampaignDetail& d = computed->detail;
    d.framework = std::make_shared<const evaluation::CompiledFramework>(std::move(compiled).value());
    d.summary.campaign = *record;
    d.summary.framework_name = version->name;
    d.summary.framework_version = version->version;
    d.summary.template_key = version->template_key;
    computed->facts = campaigns_.ListFacts(campaign_id);
    d.fact_count = computed->facts.size();
    d.tracks = campaigns_.ListTracks(campaign_id);
    d.bands = campaigns_.ListBands(campaign_id);
    d.owners = campaigns_.ListOwners(campaign_id);
    if (!record->negative_name.empty())
        d.negative =
            evaluation::NegativeListSpec{record->negative_name, record->negative_criterion, record->negative_count};
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
            for (std::size_t t = 0; t < d.tracks.size(); ++t)
                if (d.tracks[t].name == s.track) view.track = static_cast<int>(t);
            computed->subject_index.emplace(s.id, d.subjects.size());
            d.subjects.push_back(std::move(view));
            computed->paths.push_back(std::move(path));
        }
    });

    Score(*computed);
    std::shared_ptr<const Computed> frozen = computed;
    std::lock_guard lock(cache_mutex_);
    if (generation == generation_) cache_[campaign_id] = frozen;
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
        if (node == evaluation::kNoNode) continue;
        const auto& n = fw.nodes()[static_cast<std::size_t>(node)];
        if (n.spec.method == evaluation::Method::kJudges && count < 2 * n.trim + 1) {
            skipped.insert(where);
            auto it = computed->subject_index.find(where.first);
            const std::string name =
                it == computed->subject_index.end() ? SubjectKey(where.first) : d.subjects[it->second].name;
            computed->pending.push_back(name + ": " + where.second + "（" + std::to_string(count) + "/" +
                                        std::to_string(2 * n.trim + 1) + "）");
        }
    }
    computed->sheet = std::make_unique<evaluation::FactSheet>(fw, "campaign");
    std::vector<int> subject_track;
    for (const auto& s : d.subjects) {
        computed->sheet->AddSubject(SubjectKey(s.record.id));
        subject_track.push_back(s.track);
        if (s.track >= 0)
            (void)computed->sheet->SetCoefficient(SubjectKey(s.record.id),
                                                  d.tracks[static_cast<std::size_t>(s.track)].coefficient);
    }
    for (const auto& f : computed->facts) {
        if (f.key == kJudgeKey && skipped.count({f.subject_id, f.criterion})) continue;
        const std::string subject = SubjectKey(f.subject_id);
        // Stored facts were checked on entry; a fact the engine now refuses is left out.
        if (f.criterion == evaluation::kSubjectLevel && f.key == kVetoKey) {
            (void)computed->sheet->AddVeto(subject, f.value);
        } else {
            (void)computed->sheet->Add(subject, f.criterion, f.key, f.value);
        }
    }
    auto evaluation = evaluation::Evaluate(*computed->sheet);
    if (evaluation) {
        computed->evaluation = std::move(evaluation).value();
        evaluation::StandingSpec spec;
        for (const auto& t : d.tracks) spec.tracks.push_back({t.name, t.coefficient});
        for (const auto& b : d.bands) spec.bands.push_back({b.name, b.share, b.follow_up});
        spec.negative = d.negative;
        computed->standing = evaluation::Stand(*computed->evaluation, fw, subject_track, spec);
    } else {
        computed->error = evaluation.error();
    }
}

// ---- reads ---------------------------------------------------------------------------------

Result<std::vector<CampaignSummary>> CampaignService::List(const Actor& actor) {
    const auto generation = store_.WriteGeneration();
    const auto now = static_cast<std::int64_t>(clock_.NowUnixMs());
    auto kept = generation ? listed_.Find(0, *generation, now) : std::nullopt;
    if (!kept) {
        std::lock_guard lock(store_mutex_);
        kept = std::make_shared<const std::vector<ports::CampaignRecord>>(campaigns_.ListCampaigns());
        if (generation) listed_.Put(0, *generation, now, *kept);
    }
    const auto& records = **kept;
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
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
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
        row.track_rank = computed->standing.track_rank[pos];
        row.band = computed->standing.band[pos];
        board.rows.push_back(std::move(row));
    }
    if (const auto& neg = computed->detail.negative) {
        const int node = neg->criterion.empty() ? evaluation::kNoNode : fw.Find(neg->criterion);
        for (std::size_t pos : computed->standing.negative) {
            const auto& r = ranking[pos];
            board.negative.push_back(
                {r.subject, node == evaluation::kNoNode ? r.total : r.s[static_cast<std::size_t>(node)]});
        }
        board.negative_overflow = computed->standing.negative_overflow;
    }
    board.snapshot = std::move(computed);
    return board;
}

Result<Board> CampaignService::Ranking(const Actor& actor, Id campaign_id, std::optional<Id> unit_filter) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    // A filter names a unit of the campaign (its unit or one under it) that the caller may see the
    // board of; any other answers 404, as an unknown unit does (issue 11, finding 15).
    if (unit_filter) {
        bool known = false;
        roster_.WithIndex([&](const RosterIndex& index) {
            const auto& tree = index.tree();
            known = tree.Find(*unit_filter) &&
                    tree.InSubtree(computed->detail.summary.campaign.scope_unit_id, *unit_filter);
        });
        if (!known) return NotFound("单位");
    }
    return BoardOf(std::move(computed), unit_filter);
}

Result<SubjectExplanation> CampaignService::Explain(const Actor& actor, Id campaign_id, Id subject_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    auto it = computed->subject_index.find(subject_id);
    if (it == computed->subject_index.end()) return NotFound("考核对象");
    if (computed->error) return *computed->error;
    auto explanation = evaluation::Explain(*computed->sheet, *computed->evaluation, SubjectKey(subject_id));
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

Result<std::vector<ports::FactRecord>> CampaignService::Facts(const Actor& actor, Id campaign_id, Id subject_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    if (subject_id != 0 && !computed->subject_index.count(subject_id)) return NotFound("考核对象");
    const bool judge = actor.role == core::auth::Role::kJudge;
    std::vector<ports::FactRecord> out;
    for (const auto& f : computed->facts) {
        if (subject_id != 0 && f.subject_id != subject_id) continue;
        if (judge && (f.key != kJudgeKey || f.slot != actor.username)) continue;
        out.push_back(f);
    }
    return out;
}

Result<std::optional<core::ports::ResultSnapshot>> CampaignService::LatestResult(const Actor& actor, Id campaign_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    std::lock_guard lock(store_mutex_);
    return campaigns_.LatestResult(campaign_id);
}

// ---- writes --------------------------------------------------------------------------------

void CampaignService::Audit(const Actor& actor, const std::string& action, Id campaign_id, const std::string& detail) {
    UseCaseBase::Audit(actor, action, "campaign", campaign_id, detail);
}

Result<evaluation::Framework> CampaignService::ResolveFramework(const std::string& template_key,
                                                                const std::string& framework_json,
                                                                const std::vector<AwardQuota>& quotas) const {
    if (template_key.empty() == framework_json.empty())
        return Invalid("请在内置模板（template）与自定义指标体系（framework）中选择一个", "template");
    evaluation::Framework framework;
    if (!template_key.empty()) {
        const auto* t = evaluation::FindTemplate(templates_, template_key);
        if (!t) return Invalid("没有内置模板 “" + template_key + "”", "template");
        framework = t->framework;
    } else {
        auto parsed = files_.parse_framework(framework_json);
        if (!parsed) return Invalid(parsed.error().message, "framework");
        framework = parsed->framework();
    }
    for (const auto& q : quotas) {
        auto it = std::find_if(framework.awards.begin(), framework.awards.end(),
                               [&](const evaluation::AwardSpec& a) { return a.name == q.name; });
        if (it == framework.awards.end()) return Invalid("指标体系中没有奖项 “" + q.name + "”", "awards");
        if (q.quota < 1) return Invalid("奖项 “" + q.name + "” 的名额应为正整数", "awards");
        it->quota = q.quota;
        if (q.min_total) it->min_total = *q.min_total;
    }
    if (auto compiled = evaluation::Compile(framework); !compiled)
        return Invalid(compiled.error().message, "framework");
    return framework;
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
    auto resolved = ResolveFramework(spec.template_key, spec.framework_json, spec.quotas);
    if (!resolved) return resolved.error();
    const evaluation::Framework framework = std::move(resolved).value();
    {
        evaluation::StandingSpec standing;
        for (const auto& t : spec.tracks) standing.tracks.push_back({t.name, t.coefficient});
        auto compiled = evaluation::Compile(framework);
        if (auto valid = evaluation::ValidateStanding(standing, *compiled); !valid) return valid.error();
    }
    if (spec.subjects.empty()) return Invalid("请至少选择一个考核对象", "subjects");

    // Subjects resolved to what is stored: people take their unit and, unless labelled, their name.
    std::vector<core::ports::CampaignSubjectRecord> subjects;
    std::set<std::tuple<Id, Id, Id, std::string>> seen;  // unit, person, project, label
    std::string subject_error;
    // Projects are looked up first, outside the roster's lock (the lookup takes the store's).
    std::map<Id, ProjectRef> projects;
    for (const auto& s : spec.subjects) {
        if (s.project_id == 0) continue;
        auto ref = projects_lookup_ ? projects_lookup_(s.project_id) : std::nullopt;
        if (!ref)
            return Invalid("考核对象项目 " + std::to_string(s.project_id) + " 不存在或尚未确定承担单位", "subjects");
        projects[s.project_id] = *ref;
    }
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        for (const auto& s : spec.subjects) {
            core::ports::CampaignSubjectRecord r{0, 0, s.unit_id, s.label, s.track, s.person_id, s.project_id};
            std::string name;
            if (s.project_id != 0) {
                const auto& ref = projects.at(s.project_id);
                r.unit_id = ref.unit_id;
                r.person_id = 0;
                if (r.label.empty()) r.label = ref.title;
                name = ref.title;
            } else if (s.person_id != 0) {
                const auto* person = index.FindPerson(s.person_id);
                if (!person) {
                    subject_error = "考核对象人员 " + std::to_string(s.person_id) + " 不存在";
                    return;
                }
                r.unit_id = person->unit_id;
                if (r.label.empty()) r.label = person->name;
                name = person->name;
            }
            const auto* unit = tree.Find(r.unit_id);
            if (!unit) {
                subject_error = "考核对象单位 " + std::to_string(r.unit_id) + " 不存在";
            } else if (!tree.InSubtree(scope, r.unit_id)) {
                subject_error = "考核对象 " + (name.empty() ? unit->name : name) + " 不在活动所属单位范围内";
            } else if (!seen.insert({r.unit_id, r.person_id, r.project_id, r.label}).second) {
                subject_error = "考核对象 " + (name.empty() ? unit->name : name) + " 重复";
            } else if (!r.track.empty() &&
                       std::none_of(spec.tracks.begin(), spec.tracks.end(),
                                    [&](const core::ports::TrackRecord& t) { return t.name == r.track; })) {
                subject_error = "考核对象 " + (name.empty() ? unit->name : name) + " 的赛道 “" + r.track + "” 未定义";
            }
            if (!subject_error.empty()) return;
            subjects.push_back(std::move(r));
        }
    });
    if (!subject_error.empty()) return Invalid(subject_error, "subjects");
    // Two people of one name in one unit: tell them apart in the label.
    {
        std::map<std::pair<Id, std::string>, int> labels;
        for (auto& r : subjects) {
            const int n = ++labels[{r.unit_id, r.label}];
            if (n > 1) r.label += "（" + std::to_string(n) + "）";
        }
    }

    const std::string body = files_.framework_json(framework);
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
        ports::CampaignRecord c;
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
        if (!spec.tracks.empty()) campaigns_.ReplaceTracks(campaign_id, spec.tracks);
        for (auto& r : subjects) {
            r.campaign_id = campaign_id;
            campaigns_.InsertSubject(r);
        }
        Audit(actor, "create", campaign_id,
              "{\"name\":" + JsonQuote(spec.name) + ",\"scope_unit_id\":" + std::to_string(scope) +
                  ",\"framework\":" + JsonQuote(framework.name) + ",\"template\":" + JsonQuote(spec.template_key) +
                  ",\"cycle\":" + JsonQuote(spec.cycle_kind + ":" + spec.cycle_label) +
                  ",\"subjects\":" + std::to_string(subjects.size()) + "}");
        tx->Commit();
    }
    return Get(actor, campaign_id);
}

Result<FactOutcome> CampaignService::EnterFacts(const Actor& actor, Id campaign_id, const std::vector<FactInput>& facts,
                                                const std::string& reason, bool check_only) {
    const bool judge = actor.role == core::auth::Role::kJudge;
    if (!IsManager(actor.role) && !judge) return Forbidden("您的角色无权录入考核数据");
    if (facts.empty()) return Invalid("没有要录入的数据", "facts");
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    const auto& campaign = computed->detail.summary.campaign;
    if (campaign.status == kPublished) return Conflict("活动已发布，结果已冻结；如需修改数据，请先说明理由并新建版本");
    const auto& fw = *computed->detail.framework;

    // Scope and role first: a request that reaches outside them is refused as a whole.
    std::set<Id> checked_units;
    for (const auto& f : facts) {
        auto it = computed->subject_index.find(f.subject_id);
        if (it == computed->subject_index.end()) continue;  // reported as a row error below
        const Id unit = computed->detail.subjects[it->second].record.unit_id;
        if (checked_units.insert(unit).second && !InScope(actor, unit))
            return Forbidden("有考核对象不在您的管辖范围内，未写入任何数据");
        if (judge) {
            const int node = fw.Find(f.criterion);
            if (node == evaluation::kNoNode ||
                fw.nodes()[static_cast<std::size_t>(node)].spec.method != evaluation::Method::kJudges)
                return Forbidden("评委只能录入评委打分（judges）类指标");
        }
    }

    // Owned criteria: only the owner enters them, and only inside the entry window.
    if (!computed->detail.owners.empty()) {
        const std::string today = clock_.Today();
        for (const auto& f : facts) {
            const auto* owner = OwnerOf(computed->detail.owners, fw, f.criterion);
            if (!owner) continue;
            if (owner->owner != actor.username)
                return Forbidden("指标 “" + f.criterion + "” 由 " + owner->owner + " 负责录入");
            if ((!owner->opens_on.empty() && today < owner->opens_on) ||
                (!owner->closes_on.empty() && today > owner->closes_on)) {
                return Forbidden("指标 “" + f.criterion + "” 的录入时间为 " +
                                 (owner->opens_on.empty() ? "即日" : owner->opens_on) + " 至 " +
                                 (owner->closes_on.empty() ? "不限" : owner->closes_on) + "，今天（" + today +
                                 "）不在其中");
            }
        }
    }

    FactOutcome outcome;
    auto row_error = [&](const FactInput& f, std::string field, std::string message) {
        outcome.errors.push_back(RowError{"", f.row, std::move(field), std::move(message)});
    };
    std::map<FactIdentity, const ports::FactRecord*> existing;
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
    evaluation::FactSheet sheet(fw, "row");
    for (const auto& s : computed->detail.subjects) sheet.AddSubject(SubjectKey(s.record.id));
    for (const auto& f : computed->facts) {
        if (requested.count({f.subject_id, f.criterion, f.key, f.slot})) continue;
        if (f.criterion == evaluation::kSubjectLevel && f.key == kVetoKey) {
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
        const auto status =
            f.criterion == evaluation::kSubjectLevel && f.key == kVetoKey
                ? sheet.AddVeto(SubjectKey(f.subject_id), *f.value, static_cast<std::size_t>(f.row))
                : sheet.Add(SubjectKey(f.subject_id), f.criterion, f.key, *f.value, static_cast<std::size_t>(f.row));
        if (!status) row_error(f, f.criterion, status.error().message);
    }
    if (!outcome.errors.empty() || check_only) {
        std::stable_sort(outcome.errors.begin(), outcome.errors.end(),
                         [](const RowError& a, const RowError& b) { return a.row < b.row; });
        return outcome;
    }

    const std::string now = clock_.NowIso();
    std::string changes;
    std::map<Id, ports::FactRecord> updated;  // by id
    std::set<Id> removed;
    std::vector<ports::FactRecord> inserted;
    auto tx = store_.Begin();
    for (const auto& [identity, input] : requested) {
        auto it = existing.find(identity);
        const ports::FactRecord* before = it == existing.end() ? nullptr : it->second;
        const std::optional<std::string> before_value =
            before ? std::optional<std::string>(before->value) : std::nullopt;
        if (before_value == input->value) {
            ++outcome.unchanged;
            continue;
        }
        ports::FactRecord record;
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
        changes += "{\"subject_id\":" + std::to_string(record.subject_id) +
                   ",\"criterion\":" + JsonQuote(record.criterion) + ",\"key\":" + JsonQuote(record.key) +
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
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    ports::CampaignRecord campaign = computed->detail.summary.campaign;
    if (!CanManage(actor, campaign.scope_unit_id)) return Forbidden("您无权发布该考核活动");
    if (campaign.status == kPublished) return Conflict("活动已发布");
    if (computed->error) return Invalid(computed->error->message, "facts");
    if (!computed->pending.empty()) return Invalid("评委打分尚未完成，不能发布：" + computed->pending.front(), "facts");

    auto board = BoardOf(computed, std::nullopt);
    if (!board) return board.error();
    std::string snapshot = "{\"campaign_id\":" + std::to_string(campaign_id) +
                           ",\"version\":" + std::to_string(campaign.version) + ",\"ranking\":[";
    for (std::size_t pos = 0; pos < board->rows.size(); ++pos) {
        const auto& row = board->rows[pos];
        const auto& subject = computed->detail.subjects[row.subject_idx];
        if (pos) snapshot += ',';
        snapshot +=
            "{\"subject_id\":" + std::to_string(subject.record.id) + ",\"name\":" + JsonQuote(subject.name) +
            ",\"rank\":" + std::to_string(row.result->rank) + ",\"total\":" + CentsText(row.result->total_cents) +
            ",\"vetoed\":" + (row.result->vetoed ? "true" : "false") +
            ",\"incomplete\":" + (row.result->incomplete ? "true" : "false") +
            ",\"award\":" + (row.award.empty() ? "null" : JsonQuote(row.award)) + ",\"track\":" +
            (subject.track < 0 ? "null"
                               : JsonQuote(computed->detail.tracks[static_cast<std::size_t>(subject.track)].name)) +
            ",\"track_rank\":" + std::to_string(row.track_rank) + ",\"band\":" +
            (row.band < 0 ? "null" : JsonQuote(computed->detail.bands[static_cast<std::size_t>(row.band)].name)) + "}";
    }
    snapshot += "]";
    if (computed->detail.negative) {
        snapshot += ",\"negative\":{\"name\":" + JsonQuote(computed->detail.negative->name) + ",\"subjects\":[";
        for (std::size_t i = 0; i < board->negative.size(); ++i) {
            if (i) snapshot += ',';
            snapshot += JsonQuote(computed->detail.subjects[board->negative[i].subject_idx].name);
        }
        snapshot += "]}";
    }
    snapshot += "}";

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
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    ports::CampaignRecord campaign = computed->detail.summary.campaign;
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

Result<std::vector<std::pair<Id, std::string>>> CampaignService::PersonGrades(const Actor& actor, Id campaign_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    if (computed->detail.summary.campaign.status != kPublished)
        return Conflict("考核活动尚未发布，不能作为年度考核等次的依据");
    if (computed->error) return *computed->error;
    const auto& d = computed->detail;
    evaluation::StandingSpec spec;
    for (const auto& b : d.bands) spec.bands.push_back({b.name, b.share, b.follow_up});
    spec.negative = d.negative;
    std::vector<std::pair<Id, std::string>> out;
    const auto& ranking = computed->evaluation->ranking;
    for (std::size_t pos = 0; pos < ranking.size(); ++pos) {
        const auto& subject = d.subjects[ranking[pos].subject];
        if (subject.record.person_id == 0) continue;
        out.emplace_back(subject.record.person_id,
                         evaluation::ReviewGrade(*computed->evaluation, computed->standing, spec, pos));
    }
    if (out.empty()) return Invalid("该考核活动的考核对象不是人员，不能作为年度考核等次的依据", "campaign_id");
    return out;
}

// ---- settings, owners, framework ------------------------------------------------------------

Result<std::shared_ptr<const CampaignService::Computed>> CampaignService::LoadDraftForManager(const Actor& actor,
                                                                                              Id campaign_id) {
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    if (!CanManage(actor, computed->detail.summary.campaign.scope_unit_id)) return Forbidden("您无权修改该考核活动");
    if (computed->detail.summary.campaign.status == kPublished)
        return Conflict("活动已发布，结果已冻结；如需修改，请先说明理由并新建版本");
    return computed;
}

Result<CampaignDetail> CampaignService::ReplaceFramework(const Actor& actor, Id campaign_id,
                                                         const std::string& template_key,
                                                         const std::string& framework_json,
                                                         const std::vector<AwardQuota>& quotas) {
    {
        std::lock_guard store_lock(store_mutex_);
        auto loaded = LoadDraftForManager(actor, campaign_id);
        if (!loaded) return loaded.error();
        const auto& computed = *loaded;
        if (computed->detail.fact_count > 0) {
            return Conflict("指标体系已锁定：本活动已录入 " + std::to_string(computed->detail.fact_count) +
                            " 条数据，不能再修改指标体系");
        }
        auto resolved = ResolveFramework(template_key, framework_json, quotas);
        if (!resolved) return resolved.error();
        const evaluation::Framework framework = std::move(resolved).value();
        auto compiled = evaluation::Compile(framework);
        // Settings that name criteria must still fit the new framework.
        for (const auto& o : computed->detail.owners)
            if (compiled->Find(o.criterion) == evaluation::kNoNode)
                return Invalid("录入责任人所负责的指标 “" + o.criterion + "” 不在新的指标体系中", "framework");
        if (computed->detail.negative && !computed->detail.negative->criterion.empty() &&
            compiled->Find(computed->detail.negative->criterion) == evaluation::kNoNode)
            return Invalid("反向榜单依据的指标 “" + computed->detail.negative->criterion + "” 不在新的指标体系中",
                           "framework");
        const auto old_version =
            campaigns_.FindFrameworkVersion(computed->detail.summary.campaign.framework_version_id);
        auto tx = store_.Begin();
        const std::string now = clock_.NowIso();
        core::ports::FrameworkVersionRecord version;
        version.framework_id = old_version->framework_id;
        version.version = old_version->version + 1;
        version.name = framework.name;
        version.template_key = template_key;
        version.body = files_.framework_json(framework);
        version.created_by = actor.username;
        version.created_at = now;
        ports::CampaignRecord c = computed->detail.summary.campaign;
        c.framework_version_id = campaigns_.InsertFrameworkVersion(version);
        campaigns_.UpdateCampaign(c);
        Audit(actor, "framework", campaign_id,
              "{\"before\":{\"framework_version\":" + std::to_string(old_version->version) +
                  ",\"name\":" + JsonQuote(old_version->name) + "},\"after\":{\"framework_version\":" +
                  std::to_string(version.version) + ",\"name\":" + JsonQuote(version.name) + "}}");
        tx->Commit();
        Invalidate(campaign_id);
    }
    return Get(actor, campaign_id);
}

namespace {

std::string SettingsJson(const std::vector<core::ports::TrackRecord>& tracks,
                         const std::vector<core::ports::BandRecord>& bands,
                         const std::optional<evaluation::NegativeListSpec>& negative) {
    std::string out = "{\"tracks\":[";
    for (std::size_t i = 0; i < tracks.size(); ++i)
        out += (i ? "," : "") + JsonQuote(tracks[i].name + "×" + FormatShare(tracks[i].coefficient));
    out += "],\"bands\":[";
    for (std::size_t i = 0; i < bands.size(); ++i)
        out += (i ? "," : "") +
               JsonQuote(bands[i].name + ":" + FormatShare(bands[i].share) + (bands[i].follow_up ? ":跟进" : ""));
    out += "],\"negative\":";
    out += negative ? JsonQuote(negative->name + ":" + (negative->criterion.empty() ? "总分" : negative->criterion) +
                                ":" + std::to_string(negative->count))
                    : "null";
    return out + "}";
}

}  // namespace

Result<CampaignDetail> CampaignService::UpdateSettings(const Actor& actor, Id campaign_id,
                                                       const CampaignSettings& settings, const std::string& reason) {
    {
        std::lock_guard store_lock(store_mutex_);
        auto loaded = LoadDraftForManager(actor, campaign_id);
        if (!loaded) return loaded.error();
        const auto& computed = *loaded;
        const auto& d = computed->detail;
        evaluation::StandingSpec spec;
        for (const auto& t : settings.tracks) spec.tracks.push_back({t.name, t.coefficient});
        for (const auto& b : settings.bands) spec.bands.push_back({b.name, b.share, b.follow_up});
        spec.negative = settings.negative;
        if (auto valid = evaluation::ValidateStanding(spec, *d.framework); !valid) return valid.error();

        // Each subject's track after the change: the requested one, else its current one.
        std::map<Id, std::string> next_track;
        for (const auto& subject : d.subjects) next_track[subject.record.id] = subject.record.track;
        for (const auto& [subject_id, track] : settings.subject_tracks) {
            if (!next_track.count(subject_id))
                return Invalid("考核对象 " + std::to_string(subject_id) + " 不在本活动中", "subject_tracks");
            next_track[subject_id] = track;
        }
        for (const auto& subject : d.subjects) {
            const auto& track = next_track[subject.record.id];
            if (!track.empty() && std::none_of(settings.tracks.begin(), settings.tracks.end(),
                                               [&](const core::ports::TrackRecord& t) { return t.name == track; }))
                return Invalid("考核对象 " + subject.name + " 的赛道 “" + track + "” 未定义", "subject_tracks");
        }

        auto tx = store_.Begin();
        campaigns_.ReplaceTracks(campaign_id, settings.tracks);
        campaigns_.ReplaceBands(campaign_id, settings.bands);
        ports::CampaignRecord c = d.summary.campaign;
        c.negative_name = settings.negative ? settings.negative->name : "";
        c.negative_criterion = settings.negative ? settings.negative->criterion : "";
        c.negative_count = settings.negative ? settings.negative->count : 0;
        campaigns_.UpdateCampaign(c);
        int moved = 0;
        for (const auto& subject : d.subjects) {
            if (next_track[subject.record.id] == subject.record.track) continue;
            campaigns_.UpdateSubjectTrack(subject.record.id, next_track[subject.record.id]);
            ++moved;
        }
        Audit(actor, "settings", campaign_id,
              "{\"before\":" + SettingsJson(d.tracks, d.bands, d.negative) +
                  ",\"after\":" + SettingsJson(settings.tracks, settings.bands, settings.negative) +
                  ",\"subjects_moved\":" + std::to_string(moved) + ",\"reason\":" + JsonQuote(reason) + "}");
        tx->Commit();
        Invalidate(campaign_id);
    }
    return Get(actor, campaign_id);
}

Result<CampaignDetail> CampaignService::SetOwners(const Actor& actor, Id campaign_id,
                                                  const std::vector<core::ports::OwnerRecord>& owners) {
    {
        std::lock_guard store_lock(store_mutex_);
        auto loaded = LoadDraftForManager(actor, campaign_id);
        if (!loaded) return loaded.error();
        const auto& d = (*loaded)->detail;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < owners.size(); ++i) {
            const auto& o = owners[i];
            const std::string field = "owners[" + std::to_string(i) + "]";
            if (d.framework->Find(o.criterion) == evaluation::kNoNode)
                return Invalid("指标 “" + o.criterion + "” 不在指标体系中", field + ".criterion");
            if (!seen.insert(o.criterion).second)
                return Invalid("指标 “" + o.criterion + "” 的责任人重复设置", field + ".criterion");
            if (!store_.FindUserByName(o.owner)) return Invalid("用户 “" + o.owner + "” 不存在", field + ".owner");
            for (const auto* date : {&o.opens_on, &o.closes_on}) {
                if (!date->empty() && !core::ParseIsoDate(*date))
                    return Invalid("日期 “" + *date + "” 应为 YYYY-MM-DD",
                                   field + (date == &o.opens_on ? ".opens_on" : ".closes_on"));
            }
            if (!o.opens_on.empty() && !o.closes_on.empty() && o.closes_on < o.opens_on)
                return Invalid("截止日期早于开始日期", field + ".closes_on");
        }
        std::string before = "[", after = "[";
        auto describe = [](const core::ports::OwnerRecord& o) {
            return JsonQuote(o.criterion + ":" + o.owner + ":" + o.opens_on + "~" + o.closes_on);
        };
        for (std::size_t i = 0; i < d.owners.size(); ++i) before += (i ? "," : "") + describe(d.owners[i]);
        for (std::size_t i = 0; i < owners.size(); ++i) after += (i ? "," : "") + describe(owners[i]);
        auto tx = store_.Begin();
        campaigns_.ReplaceOwners(campaign_id, owners);
        Audit(actor, "owners", campaign_id, "{\"before\":" + before + "],\"after\":" + after + "]}");
        tx->Commit();
        Invalidate(campaign_id);
    }
    return Get(actor, campaign_id);
}

// ---- follow-ups ------------------------------------------------------------------------------

Result<std::vector<core::ports::CampaignFollowUpRecord>> CampaignService::FollowUps(const Actor& actor,
                                                                                    Id campaign_id) {
    auto computed = Load(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    std::lock_guard lock(store_mutex_);
    return campaigns_.ListFollowUps(campaign_id);
}

Result<core::ports::CampaignFollowUpRecord> CampaignService::AddFollowUp(
    const Actor& actor, Id campaign_id, const core::ports::CampaignFollowUpRecord& in) {
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    const auto& d = computed->detail;
    if (!CanManage(actor, d.summary.campaign.scope_unit_id)) return Forbidden("您无权为该考核活动安排整改跟进");
    if (computed->error) return *computed->error;
    auto it = computed->subject_index.find(in.subject_id);
    if (it == computed->subject_index.end()) return Invalid("考核对象不在本活动中", "subject_id");
    const std::size_t pos = computed->evaluation->position[it->second];
    const int band = computed->standing.band[pos];
    if (band < 0 || !d.bands[static_cast<std::size_t>(band)].follow_up)
        return Invalid("考核对象 " + d.subjects[it->second].name + " 不在需要跟进的分档中", "subject_id");
    if (in.action.empty()) return Invalid("请填写整改措施", "action");
    if (in.leader.empty()) return Invalid("请指定包联领导", "leader");
    if (!core::ParseIsoDate(in.deadline)) return Invalid("整改期限应为 YYYY-MM-DD", "deadline");
    core::ports::CampaignFollowUpRecord f = in;
    f.campaign_id = campaign_id;
    f.version = d.summary.campaign.version;
    f.band = d.bands[static_cast<std::size_t>(band)].name;
    f.status = "open";
    f.outcome.clear();
    f.created_by = actor.username;
    f.created_at = clock_.NowIso();
    f.closed_by.clear();
    f.closed_at.clear();
    auto tx = store_.Begin();
    f.id = campaigns_.InsertFollowUp(f);
    AppendAudit(store_, clock_, actor, "followup", "campaign_followup", f.id,
                "{\"campaign_id\":" + std::to_string(campaign_id) +
                    ",\"subject\":" + JsonQuote(d.subjects[it->second].name) + ",\"band\":" + JsonQuote(f.band) +
                    ",\"action\":" + JsonQuote(f.action) + ",\"leader\":" + JsonQuote(f.leader) +
                    ",\"deadline\":" + JsonQuote(f.deadline) + "}");
    tx->Commit();
    return f;
}

Result<core::ports::CampaignFollowUpRecord> CampaignService::CloseFollowUp(const Actor& actor, Id campaign_id,
                                                                           Id followup_id, const std::string& outcome) {
    std::lock_guard store_lock(store_mutex_);
    auto computed = Build(campaign_id);
    if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
    if (!CanManage(actor, computed->detail.summary.campaign.scope_unit_id)) return Forbidden("您无权办结该整改跟进");
    auto list = campaigns_.ListFollowUps(campaign_id);
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& f) { return f.id == followup_id; });
    if (it == list.end()) return NotFound("整改跟进");
    if (it->status != "open") return Conflict("该整改跟进已办结");
    if (outcome.empty()) return Invalid("请填写整改结果", "outcome");
    it->status = "done";
    it->outcome = outcome;
    it->closed_by = actor.username;
    it->closed_at = clock_.NowIso();
    auto tx = store_.Begin();
    campaigns_.UpdateFollowUp(*it);
    AppendAudit(store_, clock_, actor, "followup_close", "campaign_followup", it->id,
                "{\"campaign_id\":" + std::to_string(campaign_id) +
                    ",\"before\":\"open\",\"after\":\"done\",\"outcome\":" + JsonQuote(outcome) + "}");
    tx->Commit();
    return *it;
}

// ---- facts from unit metrics -------------------------------------------------------------------

Result<CampaignService::MetricFill> CampaignService::FactsFromMetric(const Actor& actor, Id campaign_id,
                                                                     const std::string& criterion,
                                                                     const std::string& metric, int month) {
    if (month < 1 || month > 12) return Invalid("月份应为 1 到 12", "month");
    if (metric.empty()) return Invalid("请指定经济指标", "metric");
    std::vector<FactInput> inputs;
    MetricFill fill;
    {
        std::lock_guard store_lock(store_mutex_);
        auto computed = Build(campaign_id);
        if (!computed || !CanRead(actor, computed->detail.summary.campaign)) return NotFound("考核活动");
        const auto& d = computed->detail;
        const int node = d.framework->Find(criterion);
        if (node == evaluation::kNoNode) return Invalid("指标 “" + criterion + "” 不在指标体系中", "criterion");
        const auto method = d.framework->nodes()[static_cast<std::size_t>(node)].spec.method;
        if (method != evaluation::Method::kTarget && method != evaluation::Method::kGrowth)
            return Invalid("只有 target（目标完成）和 growth（同比增长）类指标可以取自经济指标", "criterion");
        const int year = std::stoi(d.summary.campaign.cycle_label.substr(0, 4));
        std::map<Id, double> targets;
        for (const auto& t : campaigns_.ListTargets(metric, year)) targets[t.unit_id] = t.target;
        std::map<std::pair<Id, int>, double> cumulative;  // (unit, year) → Σ months 1..month
        std::map<std::pair<Id, int>, int> months_seen;
        for (const auto& a : campaigns_.ListActuals(metric, year - 1, year)) {
            if (a.month > month) continue;
            cumulative[{a.unit_id, a.year}] += a.value;
            ++months_seen[{a.unit_id, a.year}];
        }
        int row = 0;
        for (const auto& subject : d.subjects) {
            if (subject.record.person_id != 0) continue;  // metrics belong to units
            const Id unit = subject.record.unit_id;
            const bool has_actual = months_seen.count({unit, year}) != 0;
            const bool has_second = method == evaluation::Method::kTarget ? targets.count(unit) != 0
                                                                          : months_seen.count({unit, year - 1}) != 0;
            if (!has_actual || !has_second) {
                fill.skipped.push_back(subject.name);
                continue;
            }
            auto number = [](double v) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.15g", v);
                return std::string(buf);
            };
            inputs.push_back({++row, subject.record.id, criterion, "actual", number(cumulative[{unit, year}]), ""});
            if (method == evaluation::Method::kTarget) {
                inputs.push_back({++row, subject.record.id, criterion, "target", number(targets[unit]), ""});
            } else {
                inputs.push_back(
                    {++row, subject.record.id, criterion, "base", number(cumulative[{unit, year - 1}]), ""});
            }
        }
    }
    if (inputs.empty()) return Invalid("经济指标 “" + metric + "” 在本活动年度没有可用数据", "metric");
    auto outcome =
        EnterFacts(actor, campaign_id, inputs, "取自经济指标 " + metric + "（1-" + std::to_string(month) + "月累计）");
    if (!outcome) return outcome.error();
    fill.outcome = std::move(outcome).value();
    return fill;
}

}  // namespace lingyan::app
