// The closed loop (交办 → 督办 → 查办): tickets and their workflow actions, "my tasks", the
// supervision board, statistics, meetings, 议事堂 records, colour rules, and the notification
// centre. Handlers parse, call app::TicketService / app::NotificationService and map the result;
// docs/api.md "Tickets" is the contract.
#include <boost/json.hpp>

#include "http/routes/handlers.hpp"
#include "http/routes/routes.hpp"
#include "http/routes/tickets/described.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace tk = core::tickets;

namespace {

json::object TicketJson(const app::TicketView& v) {
    const auto& t = v.ticket;
    json::object o = Described(t, v);
    o["source_label"] = tk::SourceLabel(t.source);
    o["unit_id"] = t.subject_unit_id;
    o["unit"] = v.subject_unit;
    o["state_label"] = tk::StateLabel(t.state);
    for (const auto& [name, day] : {std::pair{"assigned_on", &t.assigned_on},
                                    {"deadline", &t.deadline},
                                    {"signed_on", &t.signed_on},
                                    {"last_note_on", &t.last_note_on},
                                    {"reported_on", &t.reported_on},
                                    {"closed_on", &t.closed_on},
                                    {"red_on", &t.red_on}})
        o[name] = NullIfEmpty(*day);
    o["leader_user_id"] = NullIfZero(t.leader_user_id);
    return o;
}

json::object ColoursJson(const core::ports::ColourCounts& c) {
    return json::object{{"none", c[0]}, {"blue", c[1]}, {"yellow", c[2]}, {"red", c[3]}};
}

json::object PageJson(const app::TicketListPage& p) {
    json::array items;
    for (const auto& v : p.items) items.push_back(TicketJson(v));
    return json::object{{"items", std::move(items)}, {"total", p.total}, {"colours", ColoursJson(p.colours)}};
}

json::object MeetingJson(const app::MeetingView& v) {
    json::object o = Described(v.meeting, v);
    o["kind_label"] = tk::MeetingKindLabel(v.meeting.kind);
    return o;
}

json::object DeliberationJson(const app::DeliberationView& v) {
    json::array items;
    for (const auto& t : v.items) items.push_back(TicketJson(t));
    json::object o = Described(v.record);
    o["unit"] = v.unit;
    o["tickets"] = std::move(items);
    return o;
}

json::object NotificationJson(const core::ports::NotificationRecord& n) {
    json::object o = Described(n);
    o["project_id"] = NullIfZero(n.project_id);
    o["read"] = !n.read_at.empty();
    return o;
}

core::Result<int> Paging(Request& req, const char* name, int fallback, int max) {
    auto v = QueryInt(req.Query(name), name, fallback, 1, max);
    if (!v) return v.error();
    return static_cast<int>(*v);
}

core::Result<std::optional<tk::Colour>> ColourQuery(Request& req) {
    std::optional<tk::Colour> colour;
    if (auto st = QueryEnum(req.Query("colour"), "colour", tk::ColourFromName, colour, kColourProblem); !st)
        return st.error();
    return colour;
}

core::Status ReadAssign(const json::object& o, app::AssignInput& a) {
    std::int64_t unit = 0, leader_user = 0, days = 0;
    if (auto st = All([&] { return ReadInt(o, "unit_id", unit); }, [&] { return ReadString(o, "leader", a.leader); },
                      [&] { return ReadInt(o, "leader_user_id", leader_user); },
                      [&] { return ReadInt(o, "days", days); }, [&] { return ReadString(o, "deadline", a.deadline); });
        !st)
        return st;
    for (const auto& [key, value] : o)
        if (key != "unit_id" && key != "leader" && key != "leader_user_id" && key != "days" && key != "deadline")
            return core::Invalid("未知字段：" + std::string(key), std::string(key));
    if (days < 0 || days > 250) return core::Invalid("办理时限应为 1 到 250 个工作日", "days");
    a.unit_id = unit;
    a.leader_user_id = leader_user;
    a.days = static_cast<int>(days);
    return core::Ok();
}

// The filters and page of GET /api/v1/tickets (the ledger export reads the same filters).
core::Result<app::TicketListQuery> ListQuery(Request& req) {
    app::TicketListQuery q;
    if (auto st = All([&] { return QueryEnum(req.Query("state"), "state", tk::StateFromName, q.state, "未知的状态"); },
                      [&] { return QueryEnum(req.Query("source"), "source", tk::SourceFromName, q.source, "未知的来源"); },
                      [&] { return QueryFlag(req.Query("open"), "open", q.open); },
                      [&] { return QueryEnum(req.Query("colour"), "colour", tk::ColourFromName, q.colour, kColourProblem); });
        !st)
        return st.error();
    auto source_id = QueryInt(req.Query("source_id"), "source_id", 0, 0, kMaxOffset);
    auto unit = QueryInt(req.Query("unit"), "unit", 0, 0, kMaxOffset);
    auto page = Paging(req, "page", 1, 100000);
    auto per_page = Paging(req, "per_page", 20, 100);
    for (const auto* r : {&source_id, &unit})
        if (!*r) return r->error();
    if (!page) return page.error();
    if (!per_page) return per_page.error();
    q.source_id = *source_id;
    q.unit = *unit;
    q.page = *page;
    q.per_page = *per_page;
    q.q = req.Query("q").value_or("");
    return q;
}

}  // namespace

namespace handlers {

// GET /api/v1/tickets?state=&colour=&source=&source_id=&open=&q=&unit=&page=&per_page=
Response ListTickets(Services& s, Request& req) {
    auto q = ListQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Reply(200, s.tickets.List(req.user->actor, *q), PageJson);
}

// GET /api/v1/tickets/ledger.xlsx?<the list's filters> — 交办台账, every matching ticket (officers).
Response TicketLedgerXlsx(Services& s, Request& req) {
    auto q = ListQuery(req);
    if (!q) return ErrorResponse(q.error());
    return Download(s.tickets.LedgerXlsx(req.user->actor, *q));
}

// POST /api/v1/tickets {title, detail, category, priority, unit_id, location, raiser_name, raiser_phone,
//                       source, source_id, assign?}
Response CreateTicket(Services& s, Request& req) {
    app::NewTicket in;
    std::string source = "minqing", priority = "normal";
    std::int64_t unit = 0, source_id = 0;
    auto o = ReadBody(req.body, {"assign"}, Field("title", in.title), Field("detail", in.detail),
                      Field("category", in.category), Field("priority", priority), Field("unit_id", unit),
                      Field("location", in.location), Field("raiser_name", in.raiser_name),
                      Field("raiser_phone", in.raiser_phone), Field("source", source), Field("source_id", source_id));
    if (!o) return ErrorResponse(o.error());
    auto src = tk::SourceFromName(source);
    if (!src) return ErrorResponse(core::Invalid("未知的来源：" + source, "source"));
    auto prio = tk::PriorityFromName(priority);
    if (!prio) return ErrorResponse(core::Invalid("优先级应为 urgent、high 或 normal", "priority"));
    in.source = *src;
    in.source_id = source_id;
    in.priority = *prio;
    in.subject_unit_id = unit;
    if (auto a = o->find("assign"); a != o->end() && !a->value().is_null()) {
        if (!a->value().is_object()) return ErrorResponse(core::Invalid("assign 应为对象", "assign"));
        app::AssignInput assign;
        if (auto st = ReadAssign(a->value().as_object(), assign); !st) return ErrorResponse(st.error());
        return Reply(201, s.tickets.CreateAssigned(req.user->actor, in, assign), TicketJson);
    }
    return Reply(201, s.tickets.Create(req.user->actor, in), TicketJson);
}

// GET /api/v1/tickets/{id}
Response GetTicket(Services& s, Request& req, Id id) {
    return Reply(200, s.tickets.Get(req.user->actor, id), [](const app::TicketDetail& d) {
        auto o = TicketJson(d.view);
        json::array events, children;
        for (const auto& e : d.events) events.push_back(WorkflowEventJson(e));
        for (const auto& c : d.children) children.push_back(TicketJson(c));
        o["events"] = std::move(events);
        o["children"] = std::move(children);
        if (d.hotline)
            o["hotline"] = json::object{{"ref", d.hotline->ref},
                                        {"called_at", d.hotline->called_at},
                                        {"due_on", d.hotline->due_on},
                                        {"imported_at", d.hotline->imported_at}};
        return o;
    });
}

// POST /api/v1/tickets/{id}/actions {action, note?, assign?, extension_days?, merge_into?, parts?}
Response ActOnTicket(Services& s, Request& req, Id id) {
    app::TicketAction a;
    std::string action;
    std::int64_t days = 0, merge = 0;
    auto o = ReadBody(req.body, {"assign", "parts"}, Field("action", action), Field("note", a.note),
                      Field("extension_days", days), Field("merge_into", merge));
    if (!o) return ErrorResponse(o.error());
    auto parsed = tk::ActionFromName(action);
    if (!parsed) return ErrorResponse(core::Invalid("未知的操作：" + action, "action"));
    a.action = *parsed;
    if (days < 0 || days > 1000) return ErrorResponse(core::Invalid("延期天数应为 1 到 60 个工作日", "extension_days"));
    a.extension_days = static_cast<int>(days);
    a.merge_into = merge;
    if (auto it = o->find("assign"); it != o->end() && !it->value().is_null()) {
        if (!it->value().is_object()) return ErrorResponse(core::Invalid("assign 应为对象", "assign"));
        if (auto st = ReadAssign(it->value().as_object(), a.assign); !st) return ErrorResponse(st.error());
    }
    auto parts = ObjectArray(*o, "parts");
    if (!parts) return ErrorResponse(parts.error());
    if (parts->size() > 20) return ErrorResponse(core::Invalid("拆分应为 2 到 20 项", "parts"));
    for (std::size_t idx = 0; idx < parts->size(); ++idx) {
        const auto& p = (*parts)[idx];
        app::SplitPart part;
        const std::string at = "parts[" + std::to_string(idx) + "]";
        if (auto st = ReadString(p, "title", part.title); !st)
            return ErrorResponse(core::Invalid(st.error().message, at + ".title"));
        if (auto it = p.find("assign"); it != p.end() && !it->value().is_null()) {
            if (!it->value().is_object()) return ErrorResponse(core::Invalid("assign 应为对象", at + ".assign"));
            if (auto st = ReadAssign(it->value().as_object(), part.assign); !st) {
                auto e = st.error();
                e.field = at + ".assign." + e.field;
                return ErrorResponse(e);
            }
        }
        a.parts.push_back(std::move(part));
    }
    return Reply(200, s.tickets.Act(req.user->actor, id, a), TicketJson);
}

// GET /api/v1/tickets/mine?colour=&page=&per_page=
Response MyTickets(Services& s, Request& req) {
    auto colour = ColourQuery(req);
    if (!colour) return ErrorResponse(colour.error());
    auto page = Paging(req, "page", 1, 100000);
    if (!page) return ErrorResponse(page.error());
    auto per_page = Paging(req, "per_page", 20, 100);
    if (!per_page) return ErrorResponse(per_page.error());
    return Reply(200, s.tickets.MyTasks(req.user->actor, *colour, *page, *per_page), PageJson);
}

// GET /api/v1/tickets/board?unit=&colour=&page=&per_page=
Response TicketBoard(Services& s, Request& req) {
    auto colour = ColourQuery(req);
    if (!colour) return ErrorResponse(colour.error());
    auto unit = QueryInt(req.Query("unit"), "unit", 0, 0, kMaxOffset);
    if (!unit) return ErrorResponse(unit.error());
    auto page = Paging(req, "page", 1, 100000);
    if (!page) return ErrorResponse(page.error());
    auto per_page = Paging(req, "per_page", 20, 100);
    if (!per_page) return ErrorResponse(per_page.error());
    return Reply(200, s.tickets.Board(req.user->actor, *unit, *colour, *page, *per_page), [](const app::BoardView& b) {
        auto o = PageJson(b.page);
        json::array talks;
        for (const auto& t : b.talks)
            talks.push_back(json::object{{"unit_id", t.unit_id}, {"unit", t.unit}, {"reds", t.reds}});
        o["talks"] = std::move(talks);
        o["period_from"] = b.period_from;
        o["rules"] = Described(b.rules);
        return o;
    });
}

namespace {
core::Result<std::pair<Id, int>> StatsQuery(Request& req, const std::string& today_year) {
    auto unit = QueryInt(req.Query("unit"), "unit", 0, 0, kMaxOffset);
    if (!unit) return unit.error();
    auto year = QueryInt(req.Query("year"), "year", std::stoi(today_year), 2000, 2100);
    if (!year) return year.error();
    return std::pair<Id, int>{*unit, static_cast<int>(*year)};
}
}  // namespace

// GET /api/v1/tickets/stats?unit=&year=
Response TicketStats(Services& s, Request& req) {
    auto q = StatsQuery(req, s.roster.Today().substr(0, 4));
    if (!q) return ErrorResponse(q.error());
    return Reply(200, s.tickets.Statistics(req.user->actor, q->first, q->second), [](const app::TicketStats& st) {
        json::array meetings;
        for (const auto& m : st.by_meeting) meetings.push_back(MeetingJson(m));
        return json::object{{"year", st.year},
                            {"unit", st.unit},
                            {"meetings", st.meetings},
                            {"items", st.items},
                            {"received", st.received},
                            {"closed", st.closed},
                            {"units", json::value_from(st.units)},
                            {"by_meeting", std::move(meetings)}};
    });
}

// GET /api/v1/tickets/stats.xlsx?unit=&year=
Response TicketStatsXlsx(Services& s, Request& req) {
    auto q = StatsQuery(req, s.roster.Today().substr(0, 4));
    if (!q) return ErrorResponse(q.error());
    return Download(s.tickets.StatisticsXlsx(req.user->actor, q->first, q->second));
}

// POST /api/v1/tickets/import/hotline[?dry_run=1] — the body is the .xlsx, its name in X-Filename.
Response ImportHotline(Services& s, Request& req) {
    auto dry_run = DryRun(req);
    if (!dry_run) return ErrorResponse(dry_run.error());
    auto outcome = s.tickets.ImportHotline(req.user->actor, req.body, UploadName(req), *dry_run);
    if (!outcome) return ErrorResponse(outcome.error());
    if (!outcome->errors.empty()) return RowErrorsResponse(outcome->errors, *dry_run ? "预检未通过" : "导入失败");
    json::array created, skipped, notes;
    for (const auto& c : outcome->created)
        created.push_back(json::object{{"row", c.row},
                                       {"ref", c.ref},
                                       {"title", c.title},
                                       {"unit", c.unit},
                                       {"category", c.category},
                                       {"priority", c.priority},
                                       {"called_at", c.called_on},
                                       {"due_on", c.due_on},
                                       {"ticket_id", c.ticket_id}});
    for (const auto& k : outcome->skipped)
        skipped.push_back(
            json::object{{"row", k.row}, {"ref", k.ref}, {"ticket_id", k.ticket_id}, {"first_row", k.first_row}});
    for (const auto& n : outcome->notes) notes.emplace_back(n);
    return Json(outcome->dry_run ? 200 : 201, json::object{{"dry_run", outcome->dry_run},
                                                           {"sheet", outcome->sheet},
                                                           {"rows", outcome->rows},
                                                           {"created", std::move(created)},
                                                           {"skipped", std::move(skipped)},
                                                           {"notes", std::move(notes)}});
}

// GET /api/v1/tickets/import/hotline/template
Response DownloadHotlineTemplate(Services& s, Request& req) {
    return Download(s.tickets.HotlineTemplate(req.user->actor));
}

// GET /api/v1/tickets/rules
Response GetTicketRules(Services& s, Request& req) {
    return Reply(200, s.tickets.Rules(req.user->actor), Described<tk::ColourRules>);
}

// PUT /api/v1/tickets/rules {blue_days_left, yellow_numerator, yellow_denominator, talk_reds, talk_period_months}
Response SetTicketRules(Services& s, Request& req) {
    auto o = ParseObject(
        req.body, {"blue_days_left", "yellow_numerator", "yellow_denominator", "talk_reds", "talk_period_months"});
    if (!o) return ErrorResponse(o.error());
    tk::ColourRules r;
    std::int64_t blue = r.blue_days_left, num = r.yellow_numerator, den = r.yellow_denominator, reds = r.talk_reds,
                 months = r.talk_period_months;
    if (auto st = All(
            [&] { return ReadInt(*o, "blue_days_left", blue); }, [&] { return ReadInt(*o, "yellow_numerator", num); },
            [&] { return ReadInt(*o, "yellow_denominator", den); }, [&] { return ReadInt(*o, "talk_reds", reds); },
            [&] { return ReadInt(*o, "talk_period_months", months); });
        !st)
        return ErrorResponse(st.error());
    auto clamp = [](std::int64_t v) {
        return static_cast<int>(std::max<std::int64_t>(-1, std::min<std::int64_t>(v, 1000)));
    };
    r = tk::ColourRules{clamp(blue), clamp(num), clamp(den), clamp(reds), clamp(months)};
    return Reply(200, s.tickets.SetRules(req.user->actor, r), Described<tk::ColourRules>);
}

// GET /api/v1/meetings?year=
Response ListMeetings(Services& s, Request& req) {
    auto year = QueryInt(req.Query("year"), "year", 0, 0, 2100);
    if (!year) return ErrorResponse(year.error());
    return Reply(200, s.tickets.ListMeetings(req.user->actor, static_cast<int>(*year)), Items(MeetingJson));
}

// GET /api/v1/meetings.xlsx?year= — the same list as 会议台账
Response ExportMeetings(Services& s, Request& req) {
    auto year = QueryInt(req.Query("year"), "year", 0, 0, 2100);
    if (!year) return ErrorResponse(year.error());
    return Download(s.tickets.MeetingsXlsx(req.user->actor, static_cast<int>(*year)));
}

// POST /api/v1/meetings {kind, title, held_on, unit_id, leaders[], participants[], minutes}
Response CreateMeeting(Services& s, Request& req) {
    tk::Meeting m;
    std::string kind;
    std::int64_t unit = 0;
    auto o = ReadBody(req.body, {}, Field("kind", kind), Field("title", m.title), Field("held_on", m.held_on),
                      Field("unit_id", unit), Field("leaders", m.leaders), Field("participants", m.participants),
                      Field("minutes", m.minutes));
    if (!o) return ErrorResponse(o.error());
    auto k = tk::MeetingKindFromName(kind);
    if (!k)
        return ErrorResponse(core::Invalid("会议类型应为 secretary_talk、work_meeting、seminar 或 dispatch", "kind"));
    m.kind = *k;
    m.unit_id = unit;
    for (const auto* list : {&m.leaders, &m.participants})
        for (const auto& n : *list)
            if (n.find('\n') != std::string::npos)
                return ErrorResponse(
                    core::Invalid("姓名中不能有换行", list == &m.leaders ? "leaders" : "participants"));
    return Reply(201, s.tickets.CreateMeeting(req.user->actor, m), MeetingJson);
}

// GET /api/v1/meetings/{id}
Response GetMeeting(Services& s, Request& req, Id id) {
    return Reply(200, s.tickets.GetMeeting(req.user->actor, id), [](const app::MeetingDetail& d) {
        auto o = MeetingJson(d.view);
        json::array items;
        for (const auto& t : d.items) items.push_back(TicketJson(t));
        o["tickets"] = std::move(items);
        return o;
    });
}

// GET /api/v1/deliberations
Response ListDeliberations(Services& s, Request& req) {
    return Reply(200, s.tickets.ListDeliberations(req.user->actor), Items(DeliberationJson));
}

// GET /api/v1/deliberations.xlsx — the same list as 议事堂台账
Response ExportDeliberations(Services& s, Request& req) {
    return Download(s.tickets.DeliberationsXlsx(req.user->actor));
}

// POST /api/v1/deliberations {unit_id, topic, held_on, participants[], decision}
Response CreateDeliberation(Services& s, Request& req) {
    tk::Deliberation d;
    std::int64_t unit = 0;
    auto o = ReadBody(req.body, {}, Field("unit_id", unit), Field("topic", d.topic), Field("held_on", d.held_on),
                      Field("participants", d.participants), Field("decision", d.decision));
    if (!o) return ErrorResponse(o.error());
    d.unit_id = unit;
    for (const auto& n : d.participants)
        if (n.find('\n') != std::string::npos) return ErrorResponse(core::Invalid("姓名中不能有换行", "participants"));
    return Reply(201, s.tickets.CreateDeliberation(req.user->actor, d), DeliberationJson);
}

// GET /api/v1/deliberations/{id}
Response GetDeliberation(Services& s, Request& req, Id id) {
    return Reply(200, s.tickets.GetDeliberation(req.user->actor, id), DeliberationJson);
}

// GET /api/v1/notifications?unread=&page=&per_page=
Response ListNotifications(Services& s, Request& req) {
    auto page = Paging(req, "page", 1, 100000);
    if (!page) return ErrorResponse(page.error());
    auto per_page = Paging(req, "per_page", 20, 100);
    if (!per_page) return ErrorResponse(per_page.error());
    const bool unread = req.Query("unread").value_or("") == "true";
    return Reply(200, s.notifications.List(req.user->actor, unread, *page, *per_page),
                 [](const app::NotificationPage& p) {
                     json::array items;
                     for (const auto& n : p.items) items.push_back(NotificationJson(n));
                     return json::object{{"items", std::move(items)}, {"unread", p.unread}};
                 });
}

// GET /api/v1/notifications/count
Response CountNotifications(Services& s, Request& req) {
    return Reply(200, s.notifications.UnreadCount(req.user->actor), [](std::int64_t n) {
        return json::object{{"unread", n}};
    });
}

// POST /api/v1/notifications/read {id?} — one, or all without an id
Response ReadNotifications(Services& s, Request& req) {
    std::int64_t id = 0;
    auto o = ReadBody(req.body.empty() ? "{}" : req.body, {}, Field("id", id));
    if (!o) return ErrorResponse(o.error());
    return Reply(200, s.notifications.MarkRead(req.user->actor, id), [](std::int64_t n) {
        return json::object{{"marked", n}};
    });
}

// GET /api/v1/notifications/digest
Response NotificationDigest(Services& s, Request& req) {
    return Reply(200, s.notifications.DailyDigest(req.user->actor), [](const app::Digest& d) {
        json::array urgent, recent;
        for (const auto& t : d.urgent) urgent.push_back(TicketJson(t));
        for (const auto& n : d.recent) recent.push_back(NotificationJson(n));
        return json::object{{"date", d.date},
                            {"unread", d.unread},
                            {"tasks", d.tasks},
                            {"colours", ColoursJson(d.colours)},
                            {"urgent", std::move(urgent)},
                            {"recent", std::move(recent)}};
    });
}

}  // namespace handlers

}  // namespace lingyan::http
