// Projects (书记项目, 班长示范项目, 班副争先项目, 揭榜挂帅): list, create or publish, detail with
// milestones, claims, reports and the timeline, and the steps claim → confirm/refuse → report →
// complete. Handlers parse, call app::ProjectService and map the result; docs/api.md "Projects" is
// the contract.
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/projects/described.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace pj = core::projects;

namespace {

json::object ProjectJson(const app::ProjectView& v) {
    const auto& p = v.project;
    json::object o = Described(p, v);
    o["kind_label"] = pj::KindLabel(p.kind);
    o["state_label"] = pj::StateLabel(p.state);
    o["unit_id"] = NullIfZero(p.unit_id);
    o["owner_person_id"] = NullIfZero(p.owner_person_id);
    o["claim_id"] = NullIfZero(p.claim_id);
    for (const auto& [name, day] : {std::pair{"started_on", &p.started_on},
                                    {"completed_on", &p.completed_on},
                                    {"last_report_on", &p.last_report_on},
                                    {"red_on", &p.red_on},
                                    {"next_deadline", &v.next_deadline}})
        o[name] = NullIfEmpty(*day);
    o["milestones_total"] = v.milestones;
    return o;
}

json::object MilestoneJson(const pj::Milestone& m) {
    json::object o = Described(m);
    o["done_on"] = NullIfEmpty(m.done_on);
    return o;
}

json::object ProjectDetailJson(const app::ProjectDetail& d) {
    auto o = ProjectJson(d.view);
    json::array milestones, proposed, claims, reports, events;
    for (const auto& m : d.milestones) milestones.push_back(MilestoneJson(m));
    for (const auto& m : d.proposed) proposed.push_back(MilestoneJson(m));
    for (const auto& v : d.claims) {
        json::object claim = Described(v.claim, v);
        claim["claimed_by"] = v.claim.claimed_by_name;
        claim["decided_on"] = NullIfEmpty(v.claim.decided_on);
        claims.push_back(std::move(claim));
    }
    for (const auto& r : d.reports) {
        json::object report = Described(r);
        report["milestone_id"] = NullIfZero(r.milestone_id);
        reports.push_back(std::move(report));
    }
    for (const auto& e : d.events) events.push_back(WorkflowEventJson(e));
    o["milestones"] = std::move(milestones);
    o["proposed_milestones"] = std::move(proposed);
    o["claims"] = std::move(claims);
    o["reports"] = std::move(reports);
    o["events"] = std::move(events);
    return o;
}

// "milestones": [{title, deadline | days}] — field names carry the index.
core::Status ReadMilestones(const json::object& o, std::vector<pj::MilestoneInput>& out) {
    auto items = ObjectArray(o, "milestones");
    if (!items) return items.error();
    if (items->size() > pj::kMaxMilestones) return core::Invalid("节点不能超过 20 个", "milestones");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& m = (*items)[i];
        const std::string at = "milestones[" + std::to_string(i) + "]";
        pj::MilestoneInput in;
        std::int64_t days = 0;
        for (const auto& [key, value] : m) {
            (void)value;
            if (key != "title" && key != "deadline" && key != "days")
                return core::Invalid("未知字段：" + std::string(key), at + "." + std::string(key));
        }
        for (auto [name, st] : {std::pair{"title", ReadString(m, "title", in.title)},
                                std::pair{"deadline", ReadString(m, "deadline", in.deadline)},
                                std::pair{"days", ReadInt(m, "days", days)}})
            if (!st) return core::Invalid(st.error().message, at + "." + name);
        if (in.deadline.empty() && (days < 1 || days > 250))
            return core::Invalid("请填写节点截止日期，或 1 到 250 个工作日", at + ".deadline");
        in.days = static_cast<int>(days);
        out.push_back(std::move(in));
    }
    return core::Ok();
}

// The filters and page of GET /api/v1/projects (the ledger export reads the same filters).
core::Result<app::ProjectListQuery> ListQuery(Request& req) {
    app::ProjectListQuery q;
    if (auto st = All([&] { return QueryEnum(req.Query("kind"), "kind", pj::KindFromName, q.kind, "未知的项目类型"); },
                      [&] { return QueryEnum(req.Query("state"), "state", pj::StateFromName, q.state, "未知的项目状态"); },
                      [&] { return QueryEnum(req.Query("colour"), "colour", core::tickets::ColourFromName, q.colour, kColourProblem); },
                      [&] { return QueryFlag(req.Query("claimable"), "claimable", q.claimable); });
        !st)
        return st.error();
    q.q = req.Query("q").value_or("");
    if (q.q.size() > 200) return core::Invalid("搜索词太长", "q");
    auto page = QueryInt(req.Query("page"), "page", 1, 1, 100000);
    if (!page) return page.error();
    auto per_page = QueryInt(req.Query("per_page"), "per_page", 20, 1, 200);
    if (!per_page) return per_page.error();
    q.page = static_cast<int>(*page);
    q.per_page = static_cast<int>(*per_page);
    return q;
}

}  // namespace

namespace handlers {

// GET /api/v1/projects?kind=&state=&colour=&q=&claimable=
Response ListProjects(Services& s, Request& req) {
    auto q = ListQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Reply(200, s.projects.List(req.user->actor, *q), [&q](const app::ProjectListPage& p) {
        json::array a;
        for (const auto& v : p.items) a.push_back(ProjectJson(v));
        return json::object{{"items", std::move(a)}, {"total", p.total}, {"page", q->page}, {"per_page", q->per_page}};
    });
}

// GET /api/v1/projects/ledger.xlsx?<the list's filters> — 项目台账, every matching project (officers).
Response ProjectLedgerXlsx(Services& s, Request& req) {
    auto q = ListQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.projects.LedgerXlsx(req.user->actor, *q));
}

// POST /api/v1/projects {kind, title, detail, responsibility, office_unit_id, unit_id, owner_person_id, milestones}
Response CreateProject(Services& s, Request& req) {
    auto o = ParseObject(req.body, {"kind", "title", "detail", "responsibility", "office_unit_id", "unit_id",
                                    "owner_person_id", "milestones"});
    if (!o) return ErrorResponse(o.error());
    app::NewProject in;
    std::string kind = "secretary";
    std::int64_t office = 0, unit = 0, owner = 0;
    if (auto st = All(
            [&] { return ReadString(*o, "kind", kind); }, [&] { return ReadString(*o, "title", in.title); },
            [&] { return ReadString(*o, "detail", in.detail); },
            [&] { return ReadString(*o, "responsibility", in.responsibility); },
            [&] { return ReadInt(*o, "office_unit_id", office); }, [&] { return ReadInt(*o, "unit_id", unit); },
            [&] { return ReadInt(*o, "owner_person_id", owner); }, [&] { return ReadMilestones(*o, in.milestones); });
        !st)
        return ErrorResponse(st.error());
    auto k = pj::KindFromName(kind);
    if (!k) return ErrorResponse(core::Invalid("未知的项目类型：" + kind, "kind"));
    in.kind = *k;
    in.office_unit_id = office;
    in.unit_id = unit;
    in.owner_person_id = owner;
    return Reply(201, s.projects.Create(req.user->actor, in), ProjectJson);
}

// GET /api/v1/projects/{id}
Response GetProject(Services& s, Request& req, Id id) {
    return Reply(200, s.projects.Get(req.user->actor, id), ProjectDetailJson);
}

// POST /api/v1/projects/{id}/claim {owner_person_id, responsibility, milestones}
Response ClaimProject(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body, {"owner_person_id", "responsibility", "milestones"});
    if (!o) return ErrorResponse(o.error());
    app::ClaimInput in;
    std::int64_t owner = 0;
    if (auto st = All([&] { return ReadInt(*o, "owner_person_id", owner); },
                      [&] { return ReadString(*o, "responsibility", in.responsibility); },
                      [&] { return ReadMilestones(*o, in.milestones); });
        !st)
        return ErrorResponse(st.error());
    in.owner_person_id = owner;
    return Reply(200, s.projects.Claim(req.user->actor, id, in), ProjectJson);
}

// POST /api/v1/projects/{id}/confirm {}
Response ConfirmProjectClaim(Services& s, Request& req, Id id) {
    auto o = ParseObject(req.body.empty() ? "{}" : req.body, {});
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.projects.Confirm(req.user->actor, id), ProjectJson);
}

// POST /api/v1/projects/{id}/refuse {reason}
Response RefuseProjectClaim(Services& s, Request& req, Id id) {
    std::string reason;
    auto o = ReadBody(req.body, {}, Field("reason", reason));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.projects.Refuse(req.user->actor, id, reason), ProjectJson);
}

// POST /api/v1/projects/{id}/reports {text, figures: [{name, value, unit}], milestone_id, milestone_done}
Response ReportProject(Services& s, Request& req, Id id) {
    app::ReportInput in;
    std::int64_t milestone = 0;
    auto o = ReadBody(req.body, {"figures"}, Field("text", in.text), Field("milestone_id", milestone),
                      Field("milestone_done", in.milestone_done));
    if (!o) return ErrorResponse(o.error());
    in.milestone_id = milestone;
    auto figures = ObjectArray(*o, "figures");
    if (!figures) return ErrorResponse(figures.error());
    if (figures->size() > pj::kMaxFigures) return ErrorResponse(core::Invalid("数据项不能超过 20 项", "figures"));
    for (std::size_t i = 0; i < figures->size(); ++i) {
        const auto& f = (*figures)[i];
        const std::string at = "figures[" + std::to_string(i) + "]";
        pj::Figure figure;
        if (auto st = ReadString(f, "name", figure.name); !st)
            return ErrorResponse(core::Invalid(st.error().message, at + ".name"));
        if (auto st = ReadString(f, "unit", figure.unit); !st)
            return ErrorResponse(core::Invalid(st.error().message, at + ".unit"));
        auto v = f.find("value");
        if (v == f.end() || !v->value().is_number())
            return ErrorResponse(core::Invalid("数据值应为数字", at + ".value"));
        figure.value = v->value().to_number<double>();
        in.figures.push_back(std::move(figure));
    }
    return Reply(200, s.projects.Report(req.user->actor, id, in), ProjectJson);
}

// POST /api/v1/projects/{id}/complete {note?}
Response CompleteProject(Services& s, Request& req, Id id) {
    std::string note;
    auto o = ReadBody(req.body.empty() ? "{}" : req.body, {}, Field("note", note));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.projects.Complete(req.user->actor, id, note), ProjectJson);
}

}  // namespace handlers

}  // namespace lingyan::http
