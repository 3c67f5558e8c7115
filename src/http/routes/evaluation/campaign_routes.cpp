// Evaluation campaigns (考核/创争活动): templates, campaigns, facts, the ranking board with radar
// data, per-subject explanations, publishing and award lists. Handlers parse, call
// app::CampaignService and map the result; docs/api.md "Evaluation campaigns" is the contract.
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/text/number.hpp"
#include "http/routes/evaluation/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace evaluation = core::evaluation;
using core::roster::Id;

namespace {

double Total(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

json::object SummaryJson(const app::CampaignSummary& s) {
    json::object o = Described(s.campaign, s);
    o["framework"] = s.framework_name;
    o["template"] = s.template_key;
    return o;
}

json::array TopCriteriaJson(const evaluation::CompiledFramework& fw) {
    json::array out;
    for (int root : fw.roots()) {
        const auto& n = fw.nodes()[static_cast<std::size_t>(root)];
        out.push_back(json::object{{"id", n.spec.id}, {"name", n.spec.name}, {"share", n.share}});
    }
    return out;
}

json::object DetailJson(const app::CampaignDetail& d) {
    json::object o = SummaryJson(d.summary);
    const auto& fw = *d.framework;
    json::array criteria;
    for (const auto& n : fw.nodes()) {
        json::object c{{"id", n.spec.id},
                       {"name", n.spec.name},
                       {"parent", n.spec.parent},
                       {"level", n.depth + 1},
                       {"method", evaluation::MethodName(n.spec.method)},
                       {"weight", n.spec.weight},
                       {"share", n.share},
                       {"global_share", n.global_share}};
        // The method's parameters as configured (absent ones are left out), so that an editor
        // can rebuild the framework from the detail.
        for (auto [name, value] : {std::pair{"trim", &n.spec.trim},
                                   {"max", &n.spec.max},
                                   {"floor", &n.spec.floor},
                                   {"ceiling", &n.spec.ceiling},
                                   {"per", &n.spec.per},
                                   {"cap", &n.spec.cap}}) {
            if (*value) c[name] = **value;
        }
        criteria.push_back(std::move(c));
    }
    json::array subjects;
    for (const auto& s : d.subjects) {
        json::object subject{{"id", s.record.id},        {"unit_id", s.record.unit_id}, {"name", s.name},
                             {"unit_name", s.unit_name}, {"town_id", s.town_id},        {"town_name", s.town_name},
                             {"track", s.record.track}};
        subject["person_id"] = NullIfZero(s.record.person_id);
        subject["project_id"] = NullIfZero(s.record.project_id);
        subjects.push_back(std::move(subject));
    }
    o["tracks"] = json::value_from(d.tracks);
    o["bands"] = json::value_from(d.bands);
    o["owners"] = json::value_from(d.owners);
    o["negative"] = json::value_from(d.negative);
    o["locked"] = d.fact_count > 0;
    o["scale"] = fw.framework().scale;
    const auto& spec = fw.framework();
    o["bonus_cap"] = spec.bonus_cap ? json::value(*spec.bonus_cap) : json::value(nullptr);
    o["penalty_cap"] = spec.penalty_cap ? json::value(*spec.penalty_cap) : json::value(nullptr);
    o["tiebreak"] = json::value_from(spec.tiebreak);
    o["top_criteria"] = TopCriteriaJson(fw);
    o["criteria"] = std::move(criteria);
    o["awards"] = json::value_from(fw.framework().awards);
    o["subjects"] = std::move(subjects);
    o["fact_count"] = d.fact_count;
    return o;
}

json::object RowJson(const app::Board& board, const app::BoardRow& row) {
    const auto& subject = board.detail.subjects[row.subject_idx];
    const auto& r = *row.result;
    const auto& fw = *board.detail.framework;
    json::object scores;
    for (std::size_t root_idx = 0; root_idx < fw.roots().size(); ++root_idx)
        scores[fw.nodes()[static_cast<std::size_t>(fw.roots()[root_idx])].spec.id] = row.top_s[root_idx];
    json::object o{{"rank", r.rank},
                   {"subject_id", subject.record.id},
                   {"unit_id", subject.record.unit_id},
                   {"name", subject.name},
                   {"town_id", subject.town_id},
                   {"town_name", subject.town_name},
                   {"total", Total(r.total_cents)},
                   {"total_text", app::CentsText(r.total_cents)},
                   {"bonus", r.bonus},
                   {"penalty", r.penalty},
                   {"vetoed", r.vetoed},
                   {"incomplete", r.incomplete},
                   {"gap_to_best", Total(row.gap_to_best)},
                   {"gap_to_above", Total(row.gap_to_above)},
                   {"scores", std::move(scores)}};
    o["veto_reason"] = r.vetoed ? json::value(r.veto_reason) : json::value(nullptr);
    o["award"] = NullIfEmpty(row.award);
    const auto& d = board.detail;
    o["track"] =
        subject.track < 0 ? json::value(nullptr) : json::value(d.tracks[static_cast<std::size_t>(subject.track)].name);
    o["coefficient"] = r.coefficient;
    o["track_rank"] = row.track_rank;
    const bool banded = row.band >= 0;
    o["band"] = banded ? json::value(d.bands[static_cast<std::size_t>(row.band)].name) : json::value(nullptr);
    o["follow_up"] = banded && d.bands[static_cast<std::size_t>(row.band)].follow_up;
    return o;
}

json::object BoardJson(const app::Board& board) {
    json::object o;
    o["campaign"] = SummaryJson(board.detail.summary);
    o["top_criteria"] = TopCriteriaJson(*board.detail.framework);
    json::array rows;
    for (const auto& row : board.rows) rows.push_back(RowJson(board, row));
    o["rows"] = std::move(rows);
    json::array awards;
    const auto& ranking = board.evaluation->ranking;
    for (const auto& a : board.evaluation->awards) {
        json::array winners;
        for (std::size_t pos : a.winners) {
            const auto& r = ranking[pos];
            const auto& subject = board.detail.subjects[r.subject];
            winners.push_back(json::object{{"subject_id", subject.record.id},
                                           {"name", subject.name},
                                           {"rank", r.rank},
                                           {"total", Total(r.total_cents)}});
        }
        awards.push_back(json::object{{"name", a.name},
                                      {"quota", a.quota},
                                      {"min_total", a.min_total},
                                      {"overflow", a.overflow},
                                      {"winners", std::move(winners)}});
    }
    o["awards"] = std::move(awards);
    o["pending"] = json::value_from(board.pending);
    if (const auto& neg = board.detail.negative) {
        json::array listed;
        for (const auto& entry : board.negative) {
            const auto& subject = board.detail.subjects[entry.subject_idx];
            listed.push_back(
                json::object{{"subject_id", subject.record.id}, {"name", subject.name}, {"value", entry.value}});
        }
        json::object negative = Described(*neg);
        negative["overflow"] = board.negative_overflow;
        negative["subjects"] = std::move(listed);
        o["negative"] = std::move(negative);
    } else {
        o["negative"] = nullptr;
    }
    return o;
}

json::object ExplanationJson(const app::SubjectExplanation& x) {
    const auto& e = x.explanation;
    json::object o = RowJson(x.board, x.board.rows.front());
    o["campaign_id"] = x.board.detail.summary.campaign.id;
    o["scale"] = e.scale;
    o["s_root"] = e.s_root;
    o["bonus"] = json::object{{"raw", e.raw_bonus}, {"applied", e.result.bonus}};
    o["penalty"] = json::object{{"raw", e.raw_penalty}, {"applied", e.result.penalty}};
    o["best"] = NullIfEmpty(x.best_name);
    o["above"] = NullIfEmpty(x.above_name);
    json::array criteria;
    for (const auto& c : e.criteria) {
        json::array inputs;
        for (const auto& in : c.inputs) {
            json::object i{{"key", in.key}, {"value", in.value}};
            if (in.dropped) i["dropped"] = true;
            if (in.derived) i["derived"] = true;
            inputs.push_back(std::move(i));
        }
        json::object criterion = Described(c);
        criterion["level"] = c.depth + 1;
        criterion["method"] = evaluation::MethodName(c.method);
        criterion["inputs"] = std::move(inputs);
        criteria.push_back(std::move(criterion));
    }
    o["criteria"] = std::move(criteria);
    return o;
}

core::Result<std::vector<app::AwardQuota>> QuotasFrom(const json::object& o);

// An array of objects under `name`, each read by `read`; a shape error names the field.
template <class T, class Read>
core::Result<std::vector<T>> ArrayOf(const json::object& o, const char* name, const char* shape, Read read) {
    std::vector<T> out;
    const auto* items = o.if_contains(name);
    if (!items || items->is_null()) return out;
    if (!items->is_array()) return core::Invalid(std::string(name) + " 应为 " + shape + " 的数组", name);
    for (std::size_t i = 0; i < items->as_array().size(); ++i) {
        const auto& item = items->as_array()[i];
        if (!item.is_object()) return core::Invalid(std::string(name) + " 应为 " + shape + " 的数组", name);
        auto value = read(item.as_object(), std::string(name) + "[" + std::to_string(i) + "]");
        if (!value) return value.error();
        out.push_back(std::move(value).value());
    }
    return out;
}

// Checks that an object has only the given keys.
core::Status OnlyKeys(const json::object& o, std::initializer_list<std::string_view> keys, const std::string& where) {
    for (const auto& [key, value] : o) {
        (void)value;
        if (std::find(keys.begin(), keys.end(), std::string_view(key)) == keys.end())
            return core::Invalid("未知字段 “" + std::string(key) + "”", where + "." + std::string(key));
    }
    return core::Ok();
}

core::Result<std::vector<core::ports::TrackRecord>> TracksFrom(const json::object& o) {
    return ArrayOf<core::ports::TrackRecord>(
        o, "tracks", "{name, coefficient}",
        [](const json::object& item, const std::string& where) -> core::Result<core::ports::TrackRecord> {
            if (auto ok = OnlyKeys(item, {"name", "coefficient"}, where); !ok) return ok.error();
            auto name = StringField(item, "name");
            if (!name) return name.error();
            auto coefficient = NumberField(item, "coefficient");
            if (!coefficient) return coefficient.error();
            return core::ports::TrackRecord{name->value_or(""), coefficient->value_or(1.0)};
        });
}

core::Result<app::NewCampaign> NewCampaignFrom(const std::string& body) {
    auto o = ParseObject(body, {"name", "scope_unit_id", "template", "framework", "cycle_kind", "cycle_label",
                                "subjects", "awards", "tracks"});
    if (!o) return o.error();
    app::NewCampaign spec;
    for (auto [name, slot] : {std::pair{"name", &spec.name},
                              {"template", &spec.template_key},
                              {"cycle_kind", &spec.cycle_kind},
                              {"cycle_label", &spec.cycle_label}}) {
        auto v = StringField(*o, name);
        if (!v) return v.error();
        *slot = v->value_or("");
    }
    auto scope = IntField(*o, "scope_unit_id");
    if (!scope) return scope.error();
    spec.scope_unit_id = scope->value_or(0);
    if (const auto* fw = o->if_contains("framework"); fw && !fw->is_null()) {
        if (fw->is_string()) {
            spec.framework_json = std::string(fw->as_string());
        } else if (fw->is_object()) {
            spec.framework_json = json::serialize(*fw);
        } else {
            return core::Invalid("framework 应为 FRAMEWORK.json 对象", "framework");
        }
    }
    if (const auto* subjects = o->if_contains("subjects")) {
        if (!subjects->is_array()) return core::Invalid("subjects 应为单位 id 或 {unit_id, label} 的数组", "subjects");
        for (const auto& item : subjects->as_array()) {
            app::SubjectSpec s;
            if (item.is_int64()) {
                s.unit_id = item.as_int64();
            } else if (item.is_object()) {
                const auto& obj = item.as_object();
                for (const auto& [key, value] : obj) {
                    (void)value;
                    if (key != "unit_id" && key != "person_id" && key != "project_id" && key != "label" &&
                        key != "track")
                        return core::Invalid("subjects 中有未知字段 “" + std::string(key) + "”", "subjects");
                }
                auto unit = IntField(obj, "unit_id");
                if (!unit) return unit.error();
                auto person = IntField(obj, "person_id");
                if (!person) return person.error();
                auto project = IntField(obj, "project_id");
                if (!project) return project.error();
                auto label = StringField(obj, "label");
                if (!label) return label.error();
                auto track = StringField(obj, "track");
                if (!track) return track.error();
                s.unit_id = unit->value_or(0);
                s.person_id = person->value_or(0);
                s.project_id = project->value_or(0);
                s.label = label->value_or("");
                s.track = track->value_or("");
                if ((s.unit_id != 0) + (s.person_id != 0) + (s.project_id != 0) != 1)
                    return core::Invalid("每个考核对象须有 unit_id、person_id 或 project_id 之一", "subjects");
            } else {
                return core::Invalid("subjects 应为单位 id 或 {unit_id, label} 的数组", "subjects");
            }
            spec.subjects.push_back(std::move(s));
        }
    }
    auto tracks = TracksFrom(*o);
    if (!tracks) return tracks.error();
    spec.tracks = std::move(tracks).value();
    auto quotas = QuotasFrom(*o);
    if (!quotas) return quotas.error();
    spec.quotas = std::move(quotas).value();
    return spec;
}

core::Result<std::vector<app::AwardQuota>> QuotasFrom(const json::object& o) {
    std::vector<app::AwardQuota> out;
    if (const auto* awards = o.if_contains("awards")) {
        if (!awards->is_array()) return core::Invalid("awards 应为 {name, quota, min_total} 的数组", "awards");
        for (const auto& item : awards->as_array()) {
            if (!item.is_object()) return core::Invalid("awards 应为 {name, quota, min_total} 的数组", "awards");
            app::AwardQuota q;
            auto name = StringField(item.as_object(), "name");
            if (!name) return name.error();
            auto quota = IntField(item.as_object(), "quota");
            if (!quota) return quota.error();
            auto min_total = NumberField(item.as_object(), "min_total");
            if (!min_total) return min_total.error();
            q.name = name->value_or("");
            q.quota = static_cast<int>(quota->value_or(0));
            q.min_total = *min_total;
            out.push_back(std::move(q));
        }
    }
    return out;
}

// Rows of POST /facts. Each row's shape errors are collected, like the engine's.
core::Result<std::vector<app::FactInput>> FactsFrom(const json::object& o, std::vector<app::RowError>& errors) {
    const auto* facts = o.if_contains("facts");
    if (!facts || !facts->is_array()) return core::Invalid("facts 应为数组", "facts");
    std::vector<app::FactInput> out;
    int row = 0;
    for (const auto& item : facts->as_array()) {
        ++row;
        app::FactInput f;
        f.row = row;
        if (!item.is_object()) {
            errors.push_back({"", row, "", "每一行应为 {subject_id, criterion, key, value}"});
            continue;
        }
        const auto& obj = item.as_object();
        std::string problem, field;
        for (const auto& [key, value] : obj) {
            const std::string_view k = key;
            if (k == "subject_id") {
                if (!value.is_int64())
                    problem = "subject_id 应为整数", field = "subject_id";
                else
                    f.subject_id = value.as_int64();
            } else if (k == "criterion" || k == "key" || k == "judge") {
                if (!value.is_string()) {
                    problem = std::string(k) + " 应为字符串", field = std::string(k);
                } else {
                    (k == "criterion" ? f.criterion : k == "key" ? f.key : f.judge) = std::string(value.as_string());
                }
            } else if (k == "value") {
                if (value.is_string())
                    f.value = std::string(value.as_string());
                else if (value.is_number())
                    f.value = core::text::ShortestNumber(value.to_number<double>());
                else if (!value.is_null())
                    problem = "value 应为数字、字符串或 null（删除）", field = "value";
            } else {
                problem = "未知字段 “" + std::string(k) + "”", field = std::string(k);
            }
        }
        if (problem.empty() && (f.subject_id == 0 || f.criterion.empty() || f.key.empty() || !obj.contains("value")))
            problem = "每一行须有 subject_id、criterion、key、value", field = "";
        if (!problem.empty()) {
            errors.push_back({"", row, field, problem});
            continue;
        }
        out.push_back(std::move(f));
    }
    return out;
}

core::Result<app::CampaignSettings> SettingsFrom(const json::object& o) {
    app::CampaignSettings out;
    auto tracks = TracksFrom(o);
    if (!tracks) return tracks.error();
    out.tracks = std::move(tracks).value();
    auto bands = ArrayOf<core::ports::BandRecord>(
        o, "bands", "{name, share, follow_up}",
        [](const json::object& item, const std::string& where) -> core::Result<core::ports::BandRecord> {
            if (auto ok = OnlyKeys(item, {"name", "share", "follow_up"}, where); !ok) return ok.error();
            auto name = StringField(item, "name");
            if (!name) return name.error();
            auto share = NumberField(item, "share");
            if (!share) return share.error();
            auto follow_up = BoolField(item, "follow_up");
            if (!follow_up) return follow_up.error();
            return core::ports::BandRecord{name->value_or(""), share->value_or(0), follow_up->value_or(false)};
        });
    if (!bands) return bands.error();
    out.bands = std::move(bands).value();
    auto moves = ArrayOf<std::pair<Id, std::string>>(
        o, "subject_tracks", "{subject_id, track}",
        [](const json::object& item, const std::string& where) -> core::Result<std::pair<Id, std::string>> {
            if (auto ok = OnlyKeys(item, {"subject_id", "track"}, where); !ok) return ok.error();
            auto subject = IntField(item, "subject_id");
            if (!subject) return subject.error();
            auto track = StringField(item, "track");
            if (!track) return track.error();
            return std::pair<Id, std::string>{subject->value_or(0), track->value_or("")};
        });
    if (!moves) return moves.error();
    out.subject_tracks = std::move(moves).value();
    if (const auto* neg = o.if_contains("negative"); neg && !neg->is_null()) {
        if (!neg->is_object()) return core::Invalid("negative 应为 {name, criterion, count} 或 null", "negative");
        const auto& item = neg->as_object();
        if (auto ok = OnlyKeys(item, {"name", "criterion", "count"}, "negative"); !ok) return ok.error();
        auto name = StringField(item, "name");
        if (!name) return name.error();
        auto criterion = StringField(item, "criterion");
        if (!criterion) return criterion.error();
        auto count = IntField(item, "count");
        if (!count) return count.error();
        out.negative = evaluation::NegativeListSpec{name->value_or(""), criterion->value_or(""),
                                                    static_cast<int>(count->value_or(0))};
    }
    return out;
}

core::Result<std::vector<core::ports::OwnerRecord>> OwnersFrom(const json::object& o) {
    return ArrayOf<core::ports::OwnerRecord>(
        o, "owners", "{criterion, owner, opens_on, closes_on}",
        [](const json::object& item, const std::string& where) -> core::Result<core::ports::OwnerRecord> {
            if (auto ok = OnlyKeys(item, {"criterion", "owner", "opens_on", "closes_on"}, where); !ok)
                return ok.error();
            core::ports::OwnerRecord r;
            for (auto [name, slot] : {std::pair{"criterion", &r.criterion},
                                      {"owner", &r.owner},
                                      {"opens_on", &r.opens_on},
                                      {"closes_on", &r.closes_on}}) {
                auto v = StringField(item, name);
                if (!v) return v.error();
                *slot = v->value_or("");
            }
            return r;
        });
}

}  // namespace

namespace handlers {

// GET /api/v1/templates
Response ListTemplates(Services& s, Request&) {
    json::array items;
    for (const auto& t : s.campaigns.Templates()) {
        json::object o{{"key", t.key}, {"title", t.title}, {"subjects", t.subjects}, {"name", t.framework.name}};
        o["framework"] = json::parse(s.campaigns.FrameworkJson(t.framework));
        items.push_back(std::move(o));
    }
    return Json(200, json::object{{"items", std::move(items)}});
}

// GET /api/v1/campaigns
Response ListCampaigns(Services& s, Request& req) {
    return Reply(200, s.campaigns.List(req.user->actor), Items(SummaryJson));
}

// POST /api/v1/campaigns
Response CreateCampaign(Services& s, Request& req) {
    auto spec = NewCampaignFrom(req.body);
    if (!spec) return ErrorResponse(spec.error());
    auto created = s.campaigns.Create(req.user->actor, *spec);
    if (!created) return ErrorResponse(created.error());
    return Json(201, DetailJson(*created));
}

// GET /api/v1/campaigns/{id}
Response GetCampaign(Services& s, Request& req, Id id) {
    auto detail = s.campaigns.Get(req.user->actor, id);
    if (!detail) return ErrorResponse(detail.error());
    return Json(200, DetailJson(*detail));
}

// POST /api/v1/campaigns/{id}/facts
Response EnterFacts(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"facts", "reason"});
    if (!o) return ErrorResponse(o.error());
    auto reason = StringField(*o, "reason");
    if (!reason) return ErrorResponse(reason.error());
    std::vector<app::RowError> shape_errors;
    auto facts = FactsFrom(*o, shape_errors);
    if (!facts) return ErrorResponse(facts.error());
    if (!shape_errors.empty()) return RowErrorsResponse(shape_errors, "录入失败");
    auto outcome = s.campaigns.EnterFacts(req.user->actor, id, *facts, reason->value_or(""));
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "录入失败");
    return Json(200, json::object{{"inserted", outcome->inserted},
                                  {"updated", outcome->updated},
                                  {"removed", outcome->removed},
                                  {"unchanged", outcome->unchanged}});
}

// GET /api/v1/campaigns/{id}/facts
Response ListFacts(Services& s, Request& req, Id id) {
    auto subject = QueryInt(req.Query("subject"), "subject", 0);
    if (!subject) return ErrorResponse(subject.error());
    auto facts = s.campaigns.Facts(req.user->actor, id, *subject);
    if (!facts) return ErrorResponse(facts.error());
    json::array items;
    for (const auto& f : *facts) {
        json::object fact = Described(f);
        fact["judge"] = f.slot;
        items.push_back(std::move(fact));
    }
    return Json(200, json::object{{"items", std::move(items)}});
}

// GET /api/v1/campaigns/{id}/ranking
Response GetRanking(Services& s, Request& req, Id id) {
    std::optional<Id> filter;
    for (const char* name : {"town", "unit"}) {
        auto unit = QueryInt(req.Query(name), name, 0);
        if (!unit) return ErrorResponse(unit.error());
        if (*unit > 0) filter = *unit;
    }
    auto board = s.campaigns.Ranking(req.user->actor, id, filter);
    if (!board) return ErrorResponse(board.error());
    return Json(200, BoardJson(*board));
}

// GET /api/v1/campaigns/{id}/subjects/{sid}/explain
Response ExplainSubject(Services& s, Request& req, Id id, Id sid) {
    auto x = s.campaigns.Explain(req.user->actor, id, sid);
    if (!x) return ErrorResponse(x.error());
    return Json(200, ExplanationJson(*x));
}

// POST /api/v1/campaigns/{id}/publish
Response PublishCampaign(Services& s, Request& req, Id id) {
    auto published = s.campaigns.Publish(req.user->actor, id);
    if (!published) return ErrorResponse(published.error());
    json::object o{{"campaign", SummaryJson(published->summary)}, {"result", json::parse(published->snapshot)}};
    return Json(200, o);
}

// POST /api/v1/campaigns/{id}/versions
Response CreateVersion(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"reason"});
    if (!o) return ErrorResponse(o.error());
    auto reason = StringField(*o, "reason");
    if (!reason) return ErrorResponse(reason.error());
    auto reopened = s.campaigns.Reopen(req.user->actor, id, reason->value_or(""));
    if (!reopened) return ErrorResponse(reopened.error());
    return Json(200, SummaryJson(*reopened));
}

// GET /api/v1/campaigns/{id}/result
Response GetResult(Services& s, Request& req, Id id) {
    auto result = s.campaigns.LatestResult(req.user->actor, id);
    if (!result) return ErrorResponse(result.error());
    if (!*result) return ErrorResponse(core::Error{core::errc::kNotFound, "该活动尚未发布结果", ""});
    json::object o{{"version", (*result)->version},
                   {"published_by", (*result)->published_by},
                   {"published_at", (*result)->published_at},
                   {"result", json::parse((*result)->body)}};
    return Json(200, o);
}

// PUT /api/v1/campaigns/{id}/framework
Response ReplaceFramework(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"template", "framework", "awards"});
    if (!o) return ErrorResponse(o.error());
    auto key = StringField(*o, "template");
    if (!key) return ErrorResponse(key.error());
    std::string framework_json;
    if (const auto* fw = o->if_contains("framework"); fw && !fw->is_null())
        framework_json = fw->is_string() ? std::string(fw->as_string()) : json::serialize(*fw);
    auto quotas = QuotasFrom(*o);
    if (!quotas) return ErrorResponse(quotas.error());
    auto detail = s.campaigns.ReplaceFramework(req.user->actor, id, key->value_or(""), framework_json, *quotas);
    if (!detail) return ErrorResponse(detail.error());
    return Json(200, DetailJson(*detail));
}

// PUT /api/v1/campaigns/{id}/settings
Response ReplaceSettings(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"tracks", "subject_tracks", "bands", "negative", "reason"});
    if (!o) return ErrorResponse(o.error());
    auto settings = SettingsFrom(*o);
    if (!settings) return ErrorResponse(settings.error());
    auto reason = StringField(*o, "reason");
    if (!reason) return ErrorResponse(reason.error());
    auto detail = s.campaigns.UpdateSettings(req.user->actor, id, *settings, reason->value_or(""));
    if (!detail) return ErrorResponse(detail.error());
    return Json(200, DetailJson(*detail));
}

// PUT /api/v1/campaigns/{id}/owners
Response ReplaceOwners(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"owners"});
    if (!o) return ErrorResponse(o.error());
    auto owners = OwnersFrom(*o);
    if (!owners) return ErrorResponse(owners.error());
    auto detail = s.campaigns.SetOwners(req.user->actor, id, *owners);
    if (!detail) return ErrorResponse(detail.error());
    return Json(200, DetailJson(*detail));
}

// GET /api/v1/campaigns/{id}/followups
Response ListCampaignFollowUps(Services& s, Request& req, Id id) {
    return Reply(200, s.campaigns.FollowUps(req.user->actor, id),
                 Items(Described<core::ports::CampaignFollowUpRecord>));
}

// POST /api/v1/campaigns/{id}/followups
Response CreateCampaignFollowUp(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"subject_id", "action", "leader", "deadline"});
    if (!o) return ErrorResponse(o.error());
    core::ports::CampaignFollowUpRecord f;
    auto subject = IntField(*o, "subject_id");
    if (!subject) return ErrorResponse(subject.error());
    f.subject_id = subject->value_or(0);
    for (auto [name, slot] : {std::pair{"action", &f.action}, {"leader", &f.leader}, {"deadline", &f.deadline}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *slot = v->value_or("");
    }
    auto created = s.campaigns.AddFollowUp(req.user->actor, id, f);
    if (!created) return ErrorResponse(created.error());
    return Json(201, Described<core::ports::CampaignFollowUpRecord>(*created));
}

// POST /api/v1/campaigns/{id}/followups/{fid}/close
Response CloseCampaignFollowUp(Services& s, Request& req, Id id, Id fid) {
    auto o = ParseObject(req.body, {"outcome"});
    if (!o) return ErrorResponse(o.error());
    auto outcome = StringField(*o, "outcome");
    if (!outcome) return ErrorResponse(outcome.error());
    auto closed = s.campaigns.CloseFollowUp(req.user->actor, id, fid, outcome->value_or(""));
    if (!closed) return ErrorResponse(closed.error());
    return Json(200, Described<core::ports::CampaignFollowUpRecord>(*closed));
}

// POST /api/v1/campaigns/{id}/facts/from-metric
Response FactsFromIndicator(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"criterion", "metric", "month"});
    if (!o) return ErrorResponse(o.error());
    auto criterion = StringField(*o, "criterion");
    if (!criterion) return ErrorResponse(criterion.error());
    auto metric = StringField(*o, "metric");
    if (!metric) return ErrorResponse(metric.error());
    auto month = IntField(*o, "month");
    if (!month) return ErrorResponse(month.error());
    auto fill = s.campaigns.FactsFromMetric(req.user->actor, id, criterion->value_or(""), metric->value_or(""),
                                            static_cast<int>(month->value_or(12)));
    if (!fill) return ErrorResponse(fill.error());
    if (!fill->outcome.errors.empty()) return RowErrorsResponse(fill->outcome.errors, "录入失败");
    json::array skipped;
    for (const auto& name : fill->skipped) skipped.push_back(json::value(name));
    return Json(200, json::object{{"inserted", fill->outcome.inserted},
                                  {"updated", fill->outcome.updated},
                                  {"unchanged", fill->outcome.unchanged},
                                  {"skipped", std::move(skipped)}});
}

// GET /api/v1/campaigns/{id}/facts/template.xlsx
Response DownloadFactsTemplate(Services& s, Request& req, Id id) {
    return Download(s.campaigns.FactsTemplate(req.user->actor, id));
}

// POST /api/v1/campaigns/{id}/facts/import
Response ImportFacts(Services& s, Request& req, Id id) {
    auto outcome = s.campaigns.ImportFacts(req.user->actor, id, req.body);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, "导入失败");
    return Json(200, json::object{{"layout", outcome->layout},
                                  {"inserted", outcome->inserted},
                                  {"updated", outcome->updated},
                                  {"removed", outcome->removed},
                                  {"unchanged", outcome->unchanged}});
}

// GET /api/v1/campaigns/{id}/awards.xlsx
Response DownloadAwards(Services& s, Request& req, Id id) {
    return Download(s.campaigns.AwardsWorkbook(req.user->actor, id));
}

}  // namespace handlers

}  // namespace lingyan::http
