// Training programs (跟岗培育, 结对共建): batches, hosts, placements, the host recommendation,
// seminars, summaries, assessments, follow-ups, agreements and the dashboard, their edits, and the
// gap view of a unit against a host. Handlers parse, call app::ProgramService and map the result;
// docs/api.md "Talent pipeline and training" is the contract.
#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "app/training/pool_rules_json.hpp"
#include "core/roster/person_rules.hpp"
#include "core/roster/tree.hpp"
#include "http/routes/routes.hpp"
#include "http/routes/training/described.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace training = core::training;
using core::roster::Id;

namespace {

json::object ComparisonJson(const app::UnitComparison& c) {
    return json::object{{"unit_id", c.unit_id},
                        {"name", c.name},
                        {"economy", core::roster::EconomyName(c.profile.economy)},
                        {"dev_zone", c.profile.dev_zone},
                        {"near_highway", c.profile.near_highway},
                        {"population", c.profile.population},
                        {"income", c.profile.income},
                        {"income_year", c.income_year},
                        {"incomes", json::value_from(c.incomes)}};
}

json::object DashboardJson(const app::Dashboard& d) {
    json::array by_host;
    for (const auto& [host, n] : d.placements_by_host) by_host.push_back(json::object{{"host", host}, {"count", n}});
    json::object o = Described(d);
    o["placements_by_host"] = std::move(by_host);
    return o;
}

json::object ProgramSummaryJson(const app::ProgramSummary& s) {
    json::object o = Described(s.record);
    o["scope_unit_name"] = s.scope_unit_name;
    o["dashboard"] = DashboardJson(s.dashboard);
    return o;
}

json::object PlacementJson(const app::PlacementView& v) { return Described(v.row, v); }

json::object SeminarJson(const app::SeminarView& v) { return Described(v.record, v); }

json::object AgreementJson(const app::AgreementView& v) { return Described(v.record, v); }

json::object HostJson(const app::HostView& h) {
    json::object o = Described(h.record, h);
    o["name"] = h.unit_name;
    return o;
}

json::object BatchJson(const app::BatchView& v) {
    json::array trainees;
    for (const auto& [pid, name] : v.trainees) trainees.push_back(json::object{{"person_id", pid}, {"name", name}});
    json::object o = Described(v.record);
    o["trainees"] = std::move(trainees);
    return o;
}

json::object ProgramDetailJson(const app::ProgramDetail& d) {
    json::object o = ProgramSummaryJson(d.summary);
    json::array batches, hosts, placements, seminars, agreements, followups;
    for (const auto& b : d.batches) batches.push_back(BatchJson(b));
    for (const auto& h : d.hosts) hosts.push_back(HostJson(h));
    for (const auto& p : d.placements) placements.push_back(PlacementJson(p));
    for (const auto& s : d.seminars) seminars.push_back(SeminarJson(s));
    for (const auto& a : d.agreements) agreements.push_back(AgreementJson(a));
    for (const auto& f : d.followups) followups.push_back(Described<core::ports::FollowUpRecord>(f));
    o["batches"] = std::move(batches);
    o["hosts"] = std::move(hosts);
    o["placements"] = std::move(placements);
    o["seminars"] = std::move(seminars);
    o["agreements"] = std::move(agreements);
    o["followups"] = std::move(followups);
    return o;
}

core::Result<std::vector<app::NewHost>> HostsFrom(const json::object& o) {
    auto items = ObjectArray(o, "hosts");
    if (!items) return items.error();
    std::vector<app::NewHost> out;
    for (const auto& item : *items) {
        app::NewHost h;
        Id capacity = core::matching::kDefaultHostCapacity;
        auto st = All([&] { return ReadInt(item, "unit_id", h.unit_id); },
                      [&] { return ReadInt(item, "capacity", capacity); },
                      [&] { return ReadInt(item, "mentor_person_id", h.mentor_person_id); });
        if (!st) return st.error();
        h.capacity = static_cast<int>(std::clamp<Id>(capacity, -1, 1000));
        out.push_back(h);
    }
    return out;
}

core::Result<app::NewBatch> BatchFrom(const json::object& item) {
    app::NewBatch b;
    auto st = All([&] { return ReadString(item, "name", b.name); },
                  [&] { return ReadString(item, "start_date", b.start_date); },
                  [&] { return ReadString(item, "end_date", b.end_date); },
                  [&] { return ReadIntArray(item, "trainees", b.trainees); });
    if (!st) return st.error();
    return b;
}

}  // namespace

namespace handlers {

// GET /api/v1/programs
Response ListPrograms(Services& s, Request& req) {
    return Reply(200, s.programs.ListPrograms(req.user->actor), Items(ProgramSummaryJson));
}

// GET /api/v1/programs.xlsx — the same list as 培训项目台账 (officers)
Response ExportPrograms(Services& s, Request& req) { return Download(s.programs.ProgramsXlsx(req.user->actor)); }

// POST /api/v1/programs
Response CreateProgram(Services& s, Request& req) {
    app::NewProgram spec;
    auto o = ReadBody(req.body, {"hosts", "batches"}, Field("name", spec.name), Field("kind", spec.kind),
                      Field("scope_unit_id", spec.scope_unit_id), Field("start_date", spec.start_date),
                      Field("end_date", spec.end_date), Field("description", spec.description));
    if (!o) return ErrorResponse(o.error());
    auto hosts = HostsFrom(*o);
    if (!hosts) return ErrorResponse(hosts.error());
    spec.hosts = std::move(*hosts);
    auto batches = ObjectArray(*o, "batches");
    if (!batches) return ErrorResponse(batches.error());
    for (const auto& item : *batches) {
        auto b = BatchFrom(item);
        if (!b) return ErrorResponse(b.error());
        spec.batches.push_back(std::move(*b));
    }
    return Reply(201, s.programs.CreateProgram(req.user->actor, spec), ProgramDetailJson);
}

// GET /api/v1/programs/{id}
Response GetProgram(Services& s, Request& req, Id id) {
    return Reply(200, s.programs.GetProgram(req.user->actor, id), ProgramDetailJson);
}

// GET /api/v1/programs/{id}/placements.xlsx — 跟岗名单, the program's placements as a workbook.
Response ExportPlacements(Services& s, Request& req, Id id) {
    return Download(s.programs.PlacementsXlsx(req.user->actor, id));
}

// POST /api/v1/programs/{id}/batches
Response AddBatch(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"name", "start_date", "end_date", "trainees"});
    if (!o) return ErrorResponse(o.error());
    auto b = BatchFrom(*o);
    if (!b) return ErrorResponse(b.error());
    return Reply(201, s.programs.AddBatch(req.user->actor, id, *b), BatchJson);
}

// POST /api/v1/programs/{id}/batches/{bid}/trainees
Response AddTrainees(Services& s, Request& req, Id id, Id batch_id) {
    std::vector<Id> trainees;
    auto o = ReadBody(req.body, {}, Field("trainees", trainees));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.programs.AddTrainees(req.user->actor, id, batch_id, trainees), BatchJson);
}

// POST /api/v1/programs/{id}/hosts
Response SetHosts(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"hosts"});
    if (!o) return ErrorResponse(o.error());
    auto hosts = HostsFrom(*o);
    if (!hosts) return ErrorResponse(hosts.error());
    return Reply(200, s.programs.SetHosts(req.user->actor, id, *hosts), Items(HostJson));
}

// POST /api/v1/programs/{id}/placements
Response AddPlacements(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"placements"});
    if (!o) return ErrorResponse(o.error());
    auto items = ObjectArray(*o, "placements");
    if (!items) return ErrorResponse(items.error());
    std::vector<app::NewPlacement> placements;
    for (const auto& item : *items) {
        for (const auto& [key, value] : item) {
            static const std::set<std::string> kAllowed = {"person_id",  "batch_id", "host_unit_id", "mentor_person_id",
                                                           "start_date", "end_date", "focus"};
            if (!kAllowed.count(std::string(key)))
                return ErrorResponse(core::Invalid("未知字段 " + std::string(key), "placements"));
        }
        app::NewPlacement p;
        auto st = All([&] { return ReadInt(item, "person_id", p.person_id); },
                      [&] { return ReadInt(item, "batch_id", p.batch_id); },
                      [&] { return ReadInt(item, "host_unit_id", p.host_unit_id); },
                      [&] { return ReadInt(item, "mentor_person_id", p.mentor_person_id); },
                      [&] { return ReadString(item, "start_date", p.start_date); },
                      [&] { return ReadString(item, "end_date", p.end_date); },
                      [&] { return ReadStringArray(item, "focus", p.focus); });
        if (!st) return ErrorResponse(st.error());
        placements.push_back(std::move(p));
    }
    return Reply(201, s.programs.AddPlacements(req.user->actor, id, placements), Items(PlacementJson));
}

// GET /api/v1/programs/{id}/recommendation
Response Recommend(Services& s, Request& req, Id id) {
    auto batch = QueryInt(req.Query("batch"), "batch", 0);
    if (!batch) return ErrorResponse(batch.error());
    double min_similarity = 0.5;
    if (auto v = req.Query("min_similarity")) {
        try {
            std::size_t used = 0;
            min_similarity = std::stod(*v, &used);
            if (used != v->size()) throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
            return ErrorResponse(core::Invalid("min_similarity 应为 0 到 1 之间的数", "min_similarity"));
        }
    }
    return Reply(
        200, s.programs.Recommend(req.user->actor, id, *batch, min_similarity), [](const app::Recommendation& r) {
            json::array rows;
            for (const auto& row : r.rows) {
                json::array alternatives;
                for (const auto& [hid, name, sim, gap, value] : row.alternatives)
                    alternatives.push_back(json::object{
                        {"host_unit_id", hid}, {"name", name}, {"similarity", sim}, {"gap", gap}, {"value", value}});
                rows.push_back(
                    json::object{{"person_id", row.person_id},
                                 {"person_name", row.person_name},
                                 {"trainee", ComparisonJson(row.trainee)},
                                 {"host", row.host ? json::value(ComparisonJson(*row.host)) : json::value(nullptr)},
                                 {"similarity", row.similarity},
                                 {"gap", row.gap},
                                 {"value", row.value},
                                 {"income_ratio", row.host && row.trainee.profile.income > 0
                                                      ? row.host->profile.income / row.trainee.profile.income
                                                      : 0.0},
                                 {"why", row.why},
                                 {"reason", row.reason},
                                 {"alternatives", std::move(alternatives)}});
            }
            json::array candidates;
            for (const auto& c : r.candidates)
                candidates.push_back(json::object{{"person_id", c.person_id},
                                                  {"person_name", c.person_name},
                                                  {"unit_name", c.unit_name},
                                                  {"host_name", c.host_name},
                                                  {"value", c.value},
                                                  {"why", c.why}});
            return json::object{{"batch_id", r.batch_id},  {"min_similarity", r.min_similarity},
                                {"enrolled", r.enrolled},  {"placed", r.placed},
                                {"unplaced", r.unplaced},  {"total_value", r.total_value},
                                {"rows", std::move(rows)}, {"candidates", std::move(candidates)}};
        });
}

// POST /api/v1/programs/{id}/seminars
Response AddSeminar(Services& s, Request& req, Id id) {
    app::NewSeminar seminar;
    auto o = ReadBody(req.body, {"attendance"}, Field("batch_id", seminar.batch_id), Field("date", seminar.date),
                      Field("topic", seminar.topic), Field("location", seminar.location));
    if (!o) return ErrorResponse(o.error());
    auto attendance = ObjectArray(*o, "attendance");
    if (!attendance) return ErrorResponse(attendance.error());
    for (const auto& item : *attendance) {
        Id person = 0;
        auto present = BoolField(item, "present");
        if (!present) return ErrorResponse(present.error());
        auto pst = ReadInt(item, "person_id", person);
        if (!pst) return ErrorResponse(pst.error());
        seminar.attendance.emplace_back(person, present->value_or(true));
    }
    return Reply(201, s.programs.AddSeminar(req.user->actor, id, seminar), SeminarJson);
}

// POST /api/v1/programs/{id}/placements/{pid}/summary
Response SubmitSummary(Services& s, Request& req, Id id, Id pid) {
    std::string text, date;
    auto o = ReadBody(req.body, {}, Field("text", text), Field("date", date));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.programs.SubmitSummary(req.user->actor, id, pid, text, date), PlacementJson);
}

// POST /api/v1/programs/{id}/placements/{pid}/assessment
Response Assess(Services& s, Request& req, Id id, Id pid) {
    std::string grade, text;
    auto o = ReadBody(req.body, {}, Field("grade", grade), Field("text", text));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.programs.Assess(req.user->actor, id, pid, grade, text), PlacementJson);
}

// POST /api/v1/programs/{id}/placements/{pid}/actions
Response AddActionItems(Services& s, Request& req, Id id, Id pid) {
    auto o = ParseObject(req.body, {"items"});
    if (!o) return ErrorResponse(o.error());
    std::vector<std::string> items;
    auto st = ReadStringArray(*o, "items", items);
    if (!st) return ErrorResponse(st.error());
    return Reply(201, s.programs.AddActionItems(req.user->actor, id, pid, items),
                 Items(Described<core::ports::FollowUpRecord>));
}

// POST /api/v1/programs/{id}/followups/{fid}
Response CompleteFollowUp(Services& s, Request& req, Id id, Id fid) {
    std::string note, date;
    auto o = ReadBody(req.body, {}, Field("note", note), Field("date", date));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.programs.CompleteFollowUp(req.user->actor, id, fid, note, date),
                 Described<core::ports::FollowUpRecord>);
}

// POST /api/v1/programs/{id}/agreements
Response AddAgreements(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"agreements"});
    if (!o) return ErrorResponse(o.error());
    auto items = ObjectArray(*o, "agreements");
    if (!items) return ErrorResponse(items.error());
    std::vector<app::NewAgreement> agreements;
    for (const auto& item : *items) {
        app::NewAgreement a;
        auto st = All(
            [&] { return ReadInt(item, "unit_a", a.unit_a); }, [&] { return ReadInt(item, "unit_b", a.unit_b); },
            [&] { return ReadString(item, "title", a.title); }, [&] { return ReadString(item, "content", a.content); },
            [&] { return ReadString(item, "signed_on", a.signed_on); },
            [&] { return ReadString(item, "status", a.status); });
        if (!st) return ErrorResponse(st.error());
        agreements.push_back(std::move(a));
    }
    return Reply(201, s.programs.AddAgreements(req.user->actor, id, agreements), Items(AgreementJson));
}

// ---- edit and delete ----
// PATCH /api/v1/programs/{id}
Response UpdateProgram(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"name", "kind", "start_date", "end_date", "description"});
    if (!o) return ErrorResponse(o.error());
    app::ProgramPatch patch;
    for (auto [name, field] :
         {std::pair{"name", &patch.name}, std::pair{"kind", &patch.kind}, std::pair{"start_date", &patch.start_date},
          std::pair{"end_date", &patch.end_date}, std::pair{"description", &patch.description}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *field = *v;
    }
    return Reply(200, s.programs.UpdateProgram(req.user->actor, id, patch), ProgramDetailJson);
}

// DELETE /api/v1/programs/{id}
Response DeleteProgram(Services& s, Request& req, Id id) {
    return Reply(200, s.programs.DeleteProgram(req.user->actor, id), ProgramSummaryJson);
}

// PATCH /api/v1/programs/{id}/placements/{pid}
Response UpdatePlacement(Services& s, Request& req, Id id, Id pid) {
    auto o = ParseObject(req.body, {"host_unit_id", "mentor_person_id", "start_date", "end_date", "focus"});
    if (!o) return ErrorResponse(o.error());
    app::PlacementPatch patch;
    for (auto [name, field] :
         {std::pair{"host_unit_id", &patch.host_unit_id}, std::pair{"mentor_person_id", &patch.mentor_person_id}}) {
        auto v = IntField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *field = *v;
    }
    for (auto [name, field] : {std::pair{"start_date", &patch.start_date}, std::pair{"end_date", &patch.end_date}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *field = *v;
    }
    if (o->contains("focus")) {
        std::vector<std::string> focus;
        auto st = ReadStringArray(*o, "focus", focus);
        if (!st) return ErrorResponse(st.error());
        patch.focus = std::move(focus);
    }
    return Reply(200, s.programs.UpdatePlacement(req.user->actor, id, pid, patch), PlacementJson);
}

// DELETE /api/v1/programs/{id}/placements/{pid}
Response DeletePlacement(Services& s, Request& req, Id id, Id pid) {
    return Reply(200, s.programs.DeletePlacement(req.user->actor, id, pid), PlacementJson);
}

// PATCH /api/v1/programs/{id}/agreements/{aid}
Response UpdateAgreement(Services& s, Request& req, Id id, Id aid) {
    auto o = ParseObject(req.body, {"title", "content", "signed_on", "status"});
    if (!o) return ErrorResponse(o.error());
    app::AgreementPatch patch;
    for (auto [name, field] : {std::pair{"title", &patch.title}, std::pair{"content", &patch.content},
                               std::pair{"signed_on", &patch.signed_on}, std::pair{"status", &patch.status}}) {
        auto v = StringField(*o, name);
        if (!v) return ErrorResponse(v.error());
        *field = *v;
    }
    return Reply(200, s.programs.UpdateAgreement(req.user->actor, id, aid, patch), AgreementJson);
}

// DELETE /api/v1/programs/{id}/agreements/{aid}
Response DeleteAgreement(Services& s, Request& req, Id id, Id aid) {
    return Reply(200, s.programs.DeleteAgreement(req.user->actor, id, aid), AgreementJson);
}

// GET /api/v1/units/{id}/gap
Response GetGap(Services& s, Request& req, Id id) {
    auto host = QueryInt(req.Query("host"), "host", 0);
    if (!host) return ErrorResponse(host.error());
    if (*host <= 0) return ErrorResponse(core::Invalid("请指定对标单位 host", "host"));
    return Reply(200, s.programs.Gap(req.user->actor, id, *host), [](const app::GapView& g) {
        json::array years;
        for (const auto& [year, trainee, host_income, gap] : g.years)
            years.push_back(json::object{{"year", year}, {"trainee", trainee}, {"host", host_income}, {"gap", gap}});
        return json::object{{"trainee", ComparisonJson(g.trainee)},
                            {"host", ComparisonJson(g.host)},
                            {"similarity", g.similarity},
                            {"gap", g.gap},
                            {"years", std::move(years)}};
    });
}

}  // namespace handlers

}  // namespace lingyan::http
