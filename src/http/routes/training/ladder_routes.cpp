// The 四岗十五级 ladder and the bonus pool split: the ladder's configuration, the people of a
// unit with their grade, a person's history and promotion check, grade changes, the yearly
// evaluation run, and bonus splits (create, list, read, delete, .xlsx). Handlers parse, call
// app::TrainingService and map the result; docs/api.md "Ladder and bonus pool" is the contract.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/training/bonus_pool.hpp"
#include "http/routes/routes.hpp"
#include "http/routes/training/described.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace training = core::training;
using core::roster::Id;

namespace {

json::object PersonLadderJson(const app::LadderPersonView& v, bool with_history) {
    json::object o{{"person_id", v.person_id},
                   {"name", v.name},
                   {"unit_id", v.unit_id},
                   {"unit_name", v.unit_name},
                   {"current", json::value_from(v.current)},
                   {"pay_min_yuan", v.current ? json::value(v.pay.min_yuan) : json::value(nullptr)},
                   {"pay_max_yuan", v.current ? json::value(v.pay.max_yuan) : json::value(nullptr)}};
    if (with_history) {
        o["history"] = json::value_from(v.history);
        o["promotion"] = json::value_from(v.check);
    }
    return o;
}

json::object SplitJson(const app::BonusSplitView& v, bool with_lines) {
    json::object o = Described(v.record);
    o["unit_name"] = v.unit_name;
    o["pool_yuan"] = training::FormatYuan(v.record.pool_fen);
    if (with_lines) {
        json::array lines;
        for (const auto& l : v.lines) {
            json::object line = Described(l);
            line["amount_yuan"] = training::FormatYuan(l.amount_fen);
            lines.push_back(std::move(line));
        }
        o["lines"] = std::move(lines);
    }
    return o;
}

// `grades`: [{person_id, grade}], errors name grades[i].
core::Result<std::vector<std::pair<Id, std::string>>> GradesFrom(const json::object& o) {
    std::vector<std::pair<Id, std::string>> out;
    const auto* v = o.if_contains("grades");
    if (!v || v->is_null()) return out;
    if (!v->is_array()) return core::Invalid("grades 应为 [{person_id, grade}] 数组", "grades");
    for (std::size_t grade_idx = 0; grade_idx < v->as_array().size(); ++grade_idx) {
        const auto& item = v->as_array()[grade_idx];
        const std::string field = "grades[" + std::to_string(grade_idx) + "]";
        if (!item.is_object()) return core::Invalid(field + " 应为对象", field);
        const auto& g = item.as_object();
        for (const auto& [key, value] : g)
            if (key != "person_id" && key != "grade") return core::Invalid("未知字段 " + std::string(key), field);
        const auto* person = g.if_contains("person_id");
        const auto* grade = g.if_contains("grade");
        if (!person || !person->is_int64()) return core::Invalid("person_id 应为整数", field + ".person_id");
        if (!grade || !grade->is_string()) return core::Invalid("grade 应为字符串", field + ".grade");
        out.emplace_back(person->as_int64(), std::string(grade->as_string()));
    }
    return out;
}

// The `grades` of a body, completed from `campaign_id` (a published campaign of people) where
// given; grades listed explicitly win.
core::Result<std::vector<std::pair<Id, std::string>>> GradesWithCampaign(const json::object& o, Services& s,
                                                                         const core::auth::Actor& actor) {
    auto grades = GradesFrom(o);
    if (!grades) return grades.error();
    auto campaign = IntField(o, "campaign_id");
    if (!campaign) return campaign.error();
    if (campaign->value_or(0) == 0) return grades;
    auto from_campaign = s.campaigns.PersonGrades(actor, **campaign);
    if (!from_campaign) return from_campaign.error();
    std::set<Id> given;
    for (const auto& [person, grade] : *grades) given.insert(person);
    for (const auto& [person, grade] : *from_campaign)
        if (!given.count(person)) grades->emplace_back(person, grade);
    return grades;
}

}  // namespace

namespace handlers {

// GET /api/v1/ladder/config
Response GetLadderConfig(Services& s, Request&) {
    const auto& c = s.ladder.LadderConfig();
    json::array posts, levels;
    for (const auto& p : c.posts) posts.emplace_back(p);
    for (int level = 1; level <= c.levels; ++level)
        levels.push_back(json::object{{"level", level},
                                      {"pay_min_yuan", c.pay[level - 1].min_yuan},
                                      {"pay_max_yuan", c.pay[level - 1].max_yuan},
                                      {"bonus_weight", c.bonus_weight[level - 1]}});
    return Json(200, json::object{{"posts", std::move(posts)},
                                  {"levels", std::move(levels)},
                                  {"years_per_step", c.years_per_step},
                                  {"excellent_bonus_years", c.excellent_bonus_years}});
}

// GET /api/v1/ladder
Response ListLadder(Services& s, Request& req) {
    auto unit = QueryInt(req.Query("unit"), "unit", 0);
    if (!unit) return ErrorResponse(unit.error());
    const std::string graded_only = req.Query("graded").value_or("0");
    if (graded_only != "0" && graded_only != "1") return ErrorResponse(core::Invalid("graded 应为 0 或 1", "graded"));
    // A bounded page: a province lists hundreds of thousands of cadres.
    constexpr std::int64_t kMaxLadderPage = 5000;
    auto offset = QueryInt(req.Query("offset"), "offset", 0);
    if (!offset) return ErrorResponse(offset.error());
    auto limit = QueryInt(req.Query("limit"), "limit", kMaxLadderPage);
    if (!limit) return ErrorResponse(limit.error());
    if (*offset < 0) return ErrorResponse(core::Invalid("offset 不能为负", "offset"));
    if (*limit < 1 || *limit > kMaxLadderPage)
        return ErrorResponse(core::Invalid("limit 应在 1 到 5000 之间", "limit"));
    return Reply(200, s.ladder.Ladder(req.user->actor, *unit, req.Query("as_of").value_or(""), graded_only == "1"),
                 [&](const app::LadderList& list) {
                     json::array items;
                     const auto total = static_cast<std::int64_t>(list.items.size());
                     const auto end = std::min(total, *offset + *limit);
                     for (auto item_idx = std::min(*offset, total); item_idx < end; ++item_idx)
                         items.push_back(PersonLadderJson(list.items[static_cast<std::size_t>(item_idx)], false));
                     return json::object{{"items", std::move(items)}, {"total", total},        {"offset", *offset},
                                         {"limit", *limit},           {"graded", list.graded}, {"people", list.people}};
                 });
}

// GET /api/v1/people/{id}/ladder
Response GetPersonLadder(Services& s, Request& req, Id id) {
    return Reply(
        200,
        s.ladder.PersonLadder(req.user->actor, id, req.Query("as_of").value_or(""), req.Query("grade").value_or("")),
        [](const auto& v) { return PersonLadderJson(v, true); });
}

// POST /api/v1/people/{id}/ladder
Response ChangePersonLadder(Services& s, Request& req, Id id) {
    app::LadderChange change;
    std::int64_t level = 0;
    auto o =
        ReadBody(req.body, {}, Field("action", change.action), Field("post", change.post), Field("date", change.date),
                 Field("reason", change.reason), Field("grade", change.grade), Field("level", level));
    if (!o) return ErrorResponse(o.error());
    change.level = static_cast<int>(std::clamp<std::int64_t>(level, -1, 1000));
    return Reply(201, s.ladder.ChangeLadder(req.user->actor, id, change),
                 [](const auto& v) { return PersonLadderJson(v, true); });
}

// POST /api/v1/ladder/evaluate
Response EvaluateLadder(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"unit_id", "as_of", "grades", "apply", "campaign_id"});
    if (!o) return ErrorResponse(o.error());
    auto unit = IntField(*o, "unit_id");
    if (!unit) return ErrorResponse(unit.error());
    auto as_of = StringField(*o, "as_of");
    if (!as_of) return ErrorResponse(as_of.error());
    auto apply = BoolField(*o, "apply");
    if (!apply) return ErrorResponse(apply.error());
    auto grades = GradesWithCampaign(*o, s, req.user->actor);
    if (!grades) return ErrorResponse(grades.error());
    return Reply(200,
                 s.ladder.EvaluateLadder(req.user->actor, unit->value_or(0), as_of->value_or(""), *grades,
                                         apply->value_or(false)),
                 [](const app::LadderEvaluation& e) {
                     json::array rows;
                     for (const auto& r : e.rows) {
                         json::array reasons;
                         for (const auto& reason : r.reasons) reasons.emplace_back(reason);
                         rows.push_back(json::object{{"person_id", r.person_id},
                                                     {"name", r.name},
                                                     {"unit_name", r.unit_name},
                                                     {"post", r.post},
                                                     {"grade", r.grade},
                                                     {"level", r.level},
                                                     {"new_level", r.new_level},
                                                     {"action", r.action},
                                                     {"reasons", std::move(reasons)}});
                     }
                     return json::object{{"unit_id", e.unit_id},   {"as_of", e.as_of},     {"applied", e.applied},
                                         {"promoted", e.promoted}, {"demoted", e.demoted}, {"unchanged", e.unchanged},
                                         {"rows", std::move(rows)}};
                 });
}

// GET /api/v1/bonus-splits
Response ListBonusSplits(Services& s, Request& req) {
    return Reply(200, s.ladder.ListBonusSplits(req.user->actor), [](const auto& list) {
        json::array items;
        for (const auto& v : list) items.push_back(SplitJson(v, false));
        return json::object{{"items", std::move(items)}};
    });
}

// POST /api/v1/bonus-splits
Response CreateBonusSplit(Services& s, Request& req) {
    app::NewBonusSplit spec;
    auto o =
        ReadBody(req.body, {"grades", "campaign_id"}, Field("unit_id", spec.unit_id), Field("pool_fen", spec.pool_fen),
                 Field("period", spec.period), Field("as_of", spec.as_of), Field("dry_run", spec.dry_run));
    if (!o) return ErrorResponse(o.error());
    auto grades = GradesWithCampaign(*o, s, req.user->actor);
    if (!grades) return ErrorResponse(grades.error());
    spec.grades = std::move(*grades);
    return Reply(spec.dry_run ? 200 : 201, s.ladder.SplitBonus(req.user->actor, spec),
                 [](const auto& v) { return SplitJson(v, true); });
}

// GET /api/v1/bonus-splits/{id}
Response GetBonusSplit(Services& s, Request& req, Id id) {
    return Reply(200, s.ladder.GetBonusSplit(req.user->actor, id), [](const auto& v) { return SplitJson(v, true); });
}

// DELETE /api/v1/bonus-splits/{id}
Response DeleteBonusSplit(Services& s, Request& req, Id id) {
    return Reply(200, s.ladder.DeleteBonusSplit(req.user->actor, id),
                 [](const auto& v) { return SplitJson(v, false); });
}

// GET /api/v1/bonus-splits/{id}/export.xlsx
Response ExportBonusSplit(Services& s, Request& req, Id id) {
    return Download(s.ladder.BonusSplitWorkbook(req.user->actor, id));
}

}  // namespace handlers

}  // namespace lingyan::http
