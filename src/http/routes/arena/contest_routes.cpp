// Arena contests (擂台赛): setup, the host's actions, judges' links, results and the polling
// fallback of the live stream. Handlers parse, call app::ArenaService and map the result;
// docs/api.md "Arena" is the contract. The live stream itself (WebSocket / SSE) is served by
// http/ws/live_session.cpp, which the server hands upgrade requests to.
#include <boost/json.hpp>

#include "http/routes/arena/arena_json.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"
#include "http/ws/live_hub.hpp"
#include "http/ws/live_json.hpp"

namespace lingyan::http {

namespace json = boost::json;
namespace arena = core::arena;

namespace {

using arena_json::Body;

std::string At(const char* list, std::size_t idx, const char* field) {
    return std::string(list) + "[" + std::to_string(idx) + "]." + field;
}

// Reads a number field into `out` (unchanged when absent).
core::Status ReadNumber(const json::object& o, const char* name, double& out, const std::string& field) {
    auto v = NumberField(o, name);
    if (!v) return core::Invalid(v.error().message, field);
    if (*v) out = **v;
    return core::Ok();
}

core::Result<app::NewContest> ParseNewContest(const std::string& body) {
    auto o = ParseObject(
        body, {"name", "unit_id", "public", "year", "campaign_id", "campaign_criterion", "criteria", "aggregation",
               "recusal", "seconds_per_contestant", "contestants", "seats", "rounds", "titles", "draw_lots"});
    if (!o) return o.error();
    app::NewContest spec;
    auto& s = spec.setup;
    std::int64_t unit = 0, year = 0, campaign = 0, seconds = s.seconds_per_contestant;
    std::string recusal = "town";
    if (auto st = All([&] { return ReadString(*o, "name", s.name); }, [&] { return ReadInt(*o, "unit_id", unit); },
                      [&] { return ReadInt(*o, "year", year); }, [&] { return ReadInt(*o, "campaign_id", campaign); },
                      [&] { return ReadString(*o, "campaign_criterion", s.campaign_criterion); },
                      [&] { return ReadString(*o, "recusal", recusal); },
                      [&] { return ReadInt(*o, "seconds_per_contestant", seconds); });
        !st)
        return st.error();
    s.unit_id = unit;
    s.year = static_cast<int>(year);
    s.campaign_id = campaign;
    s.seconds_per_contestant = static_cast<int>(seconds);
    auto level = arena::RecusalLevelFromName(recusal);
    if (!level) return core::Invalid("回避级别应为 none、village、town 或 county", "recusal");
    s.recusal = *level;
    auto is_public = BoolField(*o, "public");
    if (!is_public) return is_public.error();
    s.is_public = is_public->value_or(true);
    auto draw = BoolField(*o, "draw_lots");
    if (!draw) return draw.error();
    spec.draw_lots = draw->value_or(false);
    if (auto it = o->find("aggregation"); it != o->end() && !it->value().is_null()) {
        if (!it->value().is_object()) return core::Invalid("aggregation 应为对象", "aggregation");
        const auto& a = it->value().as_object();
        std::int64_t trim = s.aggregation.trim;
        if (auto st = ReadInt(a, "trim", trim); !st) return core::Invalid(st.error().message, "aggregation.trim");
        s.aggregation.trim = static_cast<int>(trim);
        auto normalize = BoolField(a, "normalize");
        if (!normalize) return core::Invalid(normalize.error().message, "aggregation.normalize");
        s.aggregation.normalize = normalize->value_or(false);
    }
    auto criteria = ObjectArray(*o, "criteria");
    if (!criteria) return criteria.error();
    for (std::size_t idx = 0; idx < criteria->size(); ++idx) {
        const auto& c = (*criteria)[idx];
        arena::Criterion crit;
        if (auto st =
                All([&] { return ReadString(c, "key", crit.key); }, [&] { return ReadString(c, "name", crit.name); },
                    [&] { return ReadNumber(c, "min", crit.min, At("criteria", idx, "min")); },
                    [&] { return ReadNumber(c, "max", crit.max, At("criteria", idx, "max")); },
                    [&] { return ReadNumber(c, "weight", crit.weight, At("criteria", idx, "weight")); });
            !st)
            return st.error();
        auto pre = BoolField(c, "pre_scored");
        if (!pre) return core::Invalid(pre.error().message, At("criteria", idx, "pre_scored"));
        crit.pre_scored = pre->value_or(false);
        s.criteria.push_back(std::move(crit));
    }
    auto contestants = ObjectArray(*o, "contestants");
    if (!contestants) return contestants.error();
    for (std::size_t idx = 0; idx < contestants->size(); ++idx) {
        const auto& c = (*contestants)[idx];
        arena::Contestant ct;
        std::int64_t person = 0, unit_id = 0;
        if (auto st =
                All([&] { return ReadInt(c, "person_id", person); }, [&] { return ReadInt(c, "unit_id", unit_id); },
                    [&] { return ReadString(c, "name", ct.name); }, [&] { return ReadString(c, "topic", ct.topic); });
            !st)
            return st.error();
        if ((person == 0) == (unit_id == 0))
            return core::Invalid("选手须指定 person_id（个人）或 unit_id（单位）之一",
                                 At("contestants", idx, "person_id"));
        ct.kind = person != 0 ? arena::ContestantKind::kPerson : arena::ContestantKind::kUnit;
        ct.person_id = person;
        ct.unit_id = unit_id;
        s.contestants.push_back(std::move(ct));
    }
    auto seats = ObjectArray(*o, "seats");
    if (!seats) return seats.error();
    for (std::size_t idx = 0; idx < seats->size(); ++idx) {
        const auto& c = (*seats)[idx];
        arena::Seat seat;
        std::int64_t number = 0, home = 0;
        std::string username;
        if (auto st = All([&] { return ReadString(c, "label", seat.label); },
                          [&] { return ReadInt(c, "seat", number); }, [&] { return ReadInt(c, "home_unit_id", home); },
                          [&] { return ReadString(c, "username", username); });
            !st)
            return st.error();
        seat.number = static_cast<int>(number);
        seat.home_unit_id = home;
        s.seats.push_back(std::move(seat));
        spec.seat_usernames.push_back(username);
    }
    auto rounds = ObjectArray(*o, "rounds");
    if (!rounds) return rounds.error();
    for (std::size_t idx = 0; idx < rounds->size(); ++idx) {
        arena::Round r;
        std::vector<std::int64_t> order;
        if (auto st = All([&] { return ReadString((*rounds)[idx], "name", r.name); },
                          [&] { return ReadIntArray((*rounds)[idx], "order", order); });
            !st)
            return st.error();
        r.order.assign(order.begin(), order.end());
        s.rounds.push_back(std::move(r));
    }
    auto titles = ObjectArray(*o, "titles");
    if (!titles) return titles.error();
    for (std::size_t idx = 0; idx < titles->size(); ++idx) {
        const auto& c = (*titles)[idx];
        arena::Title t;
        std::int64_t quota = 1;
        if (auto st = All([&] { return ReadString(c, "name", t.name); }, [&] { return ReadInt(c, "quota", quota); },
                          [&] { return ReadString(c, "level", t.level); });
            !st)
            return st.error();
        t.quota = static_cast<int>(quota);
        auto min = NumberField(c, "min_score");
        if (!min) return core::Invalid(min.error().message, At("titles", idx, "min_score"));
        t.min_score = *min;
        if (t.level.empty()) t.level = "county";
        s.titles.push_back(std::move(t));
    }
    return spec;
}

Response HostReply(const core::Result<app::HostAck>& ack) {
    return Reply(200, ack, [](const app::HostAck& a) {
        return json::object{{"seq", a.seq}, {"state", arena_json::State(*a.view)}};
    });
}

// A host action whose body may carry `allowed` fields, read by `fill` into the request.
template <typename Fill>
Response HostAction(Services& s, Request& req, Id id, arena::EventKind kind, std::initializer_list<const char*> allowed,
                    Fill fill) {
    auto body = Body(req, allowed);
    if (!body) return ErrorResponse(body.error());
    arena::Request r;
    r.kind = kind;
    r.round = -1;  // the current round unless the body says otherwise
    if (auto st = fill(*body, r); !st) return ErrorResponse(st.error());
    return HostReply(s.arena.Act(req.user->actor, id, r));
}

core::Status NoFields(const json::object&, arena::Request&) { return core::Ok(); }

core::Status ReadRound(const json::object& o, arena::Request& r) {
    std::int64_t round = -1;
    if (auto st = ReadInt(o, "round", round); !st) return st;
    r.round = static_cast<int>(round);
    return core::Ok();
}

}  // namespace

namespace handlers {

// GET /api/v1/contests
Response ListContests(Services& s, Request& req) {
    return Reply(200, s.arena.List(req.user->actor), Items(arena_json::Summary));
}

// POST /api/v1/contests
Response CreateContest(Services& s, Request& req) {
    auto spec = ParseNewContest(req.body);
    if (!spec) return ErrorResponse(spec.error());
    return Reply(201, s.arena.Create(req.user->actor, std::move(*spec)), arena_json::Detail);
}

// GET /api/v1/contests/{id}
Response GetContest(Services& s, Request& req, Id id) {
    return Reply(200, s.arena.Get(req.user->actor, id), arena_json::Detail);
}

// GET /api/v1/contests/{id}/live without an upgrade: the stream needs a WebSocket or an event stream.
Response LiveNeedsUpgrade(Services&, Request&, Id) {
    Response res = ErrorResponse(426, "upgrade_required",
                                 "请用 WebSocket 连接（或 Accept: text/event-stream）；轮询请用 /messages?after=SEQ");
    res.headers.emplace_back("Upgrade", "websocket");
    return res;
}

// GET /api/v1/contests/{id}/messages?after=SEQ — the live messages as a list (polling fallback).
Response ListLiveMessages(Services& s, Request& req, Id id) {
    std::optional<core::auth::Actor> actor;
    if (auto user = s.auth.Authenticate(req.Cookie("lingyan_session")); user && !user->must_change_password)
        actor = user->actor;
    if (auto ok = s.arena.CheckWatch(id, actor, req.Cookie("lingyan_judge_" + std::to_string(id))); !ok)
        return ErrorResponse(ok.error());
    std::optional<std::int64_t> after;
    if (auto text = req.Query("after"); text && !text->empty()) {
        auto v = QueryInt(text, "after", 0);
        if (!v) return ErrorResponse(v.error());
        after = *v;
    }
    auto messages = s.arena.Messages(id, after, 500);
    if (!messages) return ErrorResponse(messages.error());
    std::string body = "{\"items\":[";
    const double now = ws::NowUnixMs();
    for (std::size_t idx = 0; idx < messages->size(); ++idx) {
        if (idx) body += ',';
        body += ws::MessageText((*messages)[idx]->seq, now, (*messages)[idx]->body);
    }
    body += "]}";
    return JsonResponse(200, std::move(body));
}

// POST /api/v1/contests/{id}/advance {"contestant_id"?, "round"?}
Response AdvanceContest(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kAdvance, {"contestant_id", "round"},
                      [](const json::object& o, arena::Request& r) {
                          if (auto st = ReadRound(o, r); !st) return st;
                          return ReadInt(o, "contestant_id", r.contestant_id);
                      });
}

// POST /api/v1/contests/{id}/open
Response OpenScoring(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kOpen, {}, NoFields);
}

// POST /api/v1/contests/{id}/close
Response CloseScoring(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kClose, {}, NoFields);
}

// POST /api/v1/contests/{id}/reveal {"force"?}
Response RevealScores(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kReveal, {"force"}, [](const json::object& o, arena::Request& r) {
        auto force = BoolField(o, "force");
        if (!force) return core::Status(force.error());
        r.force = force->value_or(false);
        return core::Ok();
    });
}

// POST /api/v1/contests/{id}/timer {"action": "start" | "stop" | "reset"}
Response ContestTimer(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kTimer, {"action"}, [](const json::object& o, arena::Request& r) {
        std::string action;
        if (auto st = ReadString(o, "action", action); !st) return st;
        auto a = arena::TimerActionFromName(action);
        if (!a) return core::Status(core::Invalid("action 应为 start、stop 或 reset", "action"));
        r.timer = *a;
        return core::Ok();
    });
}

// POST /api/v1/contests/{id}/draw {"round"?}
Response DrawLots(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kDraw, {"round"}, [](const json::object& o, arena::Request& r) {
        if (auto st = ReadRound(o, r); !st) return st;
        if (r.round < 0) r.round = 0;
        return core::Ok();
    });
}

// POST /api/v1/contests/{id}/finish
Response FinishContest(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kFinish, {}, NoFields);
}

// POST /api/v1/contests/{id}/pre-scores {"contestant_id", "criterion", "value"}
Response EnterPreScore(Services& s, Request& req, Id id) {
    return HostAction(s, req, id, arena::EventKind::kPreScore, {"contestant_id", "criterion", "value"},
                      [](const json::object& o, arena::Request& r) {
                          if (auto st = All([&] { return ReadInt(o, "contestant_id", r.contestant_id); },
                                            [&] { return ReadString(o, "criterion", r.criterion); });
                              !st)
                              return st;
                          auto v = NumberField(o, "value");
                          if (!v) return core::Status(v.error());
                          if (!*v) return core::Status(core::Invalid("请填写分数", "value"));
                          r.values = {**v};
                          return core::Ok();
                      });
}

// POST /api/v1/contests/{id}/scores/reopen {"seat", "contestant_id", "round"?, "reason"}
Response ReopenScore(Services& s, Request& req, Id id) {
    auto body = Body(req, {"seat", "contestant_id", "round", "reason"});
    if (!body) return ErrorResponse(body.error());
    arena::Request r;
    r.kind = arena::EventKind::kReopen;
    r.round = -1;
    std::int64_t seat_number = 0;
    if (auto st = All([&] { return ReadInt(*body, "seat", seat_number); },
                      [&] { return ReadInt(*body, "contestant_id", r.contestant_id); },
                      [&] { return ReadRound(*body, r); }, [&] { return ReadString(*body, "reason", r.reason); });
        !st)
        return ErrorResponse(st.error());
    auto detail = s.arena.Get(req.user->actor, id);
    if (!detail) return ErrorResponse(detail.error());
    for (const auto& seat : detail->setup.seats)
        if (seat.number == seat_number) r.seat_id = seat.id;
    if (r.seat_id == 0) return ErrorResponse(core::NotFound("评委席", "seat"));
    return HostReply(s.arena.Act(req.user->actor, id, r));
}

// POST /api/v1/contests/{id}/seats/{sid}/link — a new one-time judge link (shown once).
Response IssueSeatLink(Services& s, Request& req, Id id, Id seat) {
    return Reply(200, s.arena.IssueLink(req.user->actor, id, seat), [id](const app::SeatLink& l) {
        return json::object{{"seat_id", l.seat_id},
                            {"seat", l.number},
                            {"token", l.token},
                            {"path", "/arena/" + std::to_string(id) + "/judge#" + l.token}};
    });
}

// POST /api/v1/contests/{id}/links — links for every seat whose device is not bound yet.
Response IssueSeatLinks(Services& s, Request& req, Id id) {
    return Reply(200, s.arena.IssueLinks(req.user->actor, id), Items([id](const app::SeatLink& l) {
                     return json::object{{"seat_id", l.seat_id},
                                         {"seat", l.number},
                                         {"token", l.token},
                                         {"path", "/arena/" + std::to_string(id) + "/judge#" + l.token}};
                 }));
}

// GET /api/v1/contests/{id}/results
Response GetContestResults(Services& s, Request& req, Id id) {
    return Reply(200, s.arena.Results(req.user->actor, id), arena_json::Results);
}

// GET /api/v1/contests/{id}/results.xlsx
Response DownloadContestResults(Services& s, Request& req, Id id) {
    return Download(s.arena.ResultsWorkbook(req.user->actor, id));
}

// POST /api/v1/contests/{id}/push-results — campaign facts and honours, once.
Response PushContestResults(Services& s, Request& req, Id id) {
    return Reply(200, s.arena.PushResults(req.user->actor, id), [](const app::PushOutcome& p) {
        json::array skipped;
        for (const auto& name : p.skipped) skipped.push_back(json::string(name));
        return json::object{{"facts", p.facts}, {"honours", p.honours}, {"skipped", std::move(skipped)}};
    });
}

}  // namespace handlers

}  // namespace lingyan::http
