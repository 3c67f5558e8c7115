// The judge's phone: join with the one-time link (binds this device), read the current contestant
// and the judge's own sheet, submit a score. A judge is identified by the device cookie the join
// set (lingyan_judge_<contest>) or, for a seat owned by a judge account, by the session; writes
// carry the matching CSRF token (X-CSRF-Token). docs/api.md "Arena" is the contract.
#include <boost/json.hpp>

#include "http/routes/arena/arena_json.hpp"
#include "http/routes/handlers.hpp"
#include "http/routes/routes.hpp"
#include "http/server/json_io.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

namespace json = boost::json;

namespace {

std::string DeviceCookie(Id contest) { return "lingyan_judge_" + std::to_string(contest); }

// The judge of the request: the device cookie first, else a session whose account owns a seat.
// `write` also checks the CSRF header.
core::Result<app::JudgeIdentity> JudgeOf(Services& s, const Request& req, Id contest, bool write) {
    const std::string device = req.Cookie(DeviceCookie(contest));
    if (!device.empty()) {
        auto judge = s.arena.JudgeByDevice(contest, device);
        if (judge) {
            if (write && req.Header("x-csrf-token") != judge->csrf)
                return core::Error{"csrf", "缺少或错误的 CSRF 令牌（X-CSRF-Token）", ""};
            return judge;
        }
    }
    auto user = s.auth.Authenticate(req.Cookie("lingyan_session"));
    if (!user) {
        if (!device.empty()) return s.arena.JudgeByDevice(contest, device).error();
        return core::Error{core::errc::kUnauthorized, "请先打开主持人发给您的评委链接", ""};
    }
    if (user->must_change_password) return app::PasswordChangeRequired();
    if (write && req.Header("x-csrf-token") != user->csrf_token)
        return core::Error{"csrf", "缺少或错误的 CSRF 令牌（X-CSRF-Token）", ""};
    auto judge = s.arena.JudgeByAccount(user->actor, contest);
    if (judge) judge->csrf = user->csrf_token;  // the session's own token, for the page's writes
    return judge;
}

json::object JudgeJson(const app::JudgeView& v) {
    json::array own;
    for (const auto& o : v.own) {
        json::array values;
        for (double x : o.values) values.push_back(x);
        own.push_back(json::object{
            {"contestant_id", o.contestant_id}, {"round", o.round}, {"values", std::move(values)}, {"total", o.total}});
    }
    json::array recused;
    for (auto id : v.recused) recused.push_back(id);
    json::array reopened;
    for (const auto& [round, id] : v.reopened)
        reopened.push_back(json::object{{"round", round}, {"contestant_id", id}});
    json::object o{
        {"seat",
         json::object{
             {"id", v.seat.id}, {"seat", v.seat.number}, {"label", v.seat.label}, {"town", v.seat.home_unit_name}}},
        {"own", std::move(own)},
        {"recused", std::move(recused)},
        {"reopened", std::move(reopened)},
        {"state", arena_json::State(*v.view)}};
    if (!v.csrf.empty()) o["csrf_token"] = v.csrf;
    return o;
}

}  // namespace

namespace handlers {

// POST /api/v1/contests/{id}/judge/join {"token"} — binds this device to the link's seat.
Response JoinAsJudge(Services& s, Request& req, Id id) {
    std::string token;
    auto body = ReadBody(req.body, {}, Field("token", token));
    if (!body) return ErrorResponse(body.error());
    auto joined = s.arena.Join(id, token, req.Cookie(DeviceCookie(id)));
    if (!joined) return ErrorResponse(joined.error());
    auto view = s.arena.Judge(joined->judge);
    if (!view) return ErrorResponse(view.error());
    Response res = Json(200, JudgeJson(*view));
    if (!joined->device_secret.empty())
        res.headers.emplace_back("Set-Cookie", DeviceCookie(id) + "=" + joined->device_secret +
                                                   "; HttpOnly; SameSite=Strict; Path=/api/v1/contests/" +
                                                   std::to_string(id) + "; Max-Age=604800");
    return res;
}

// GET /api/v1/contests/{id}/judge — the judge's seat, own sheet and the contest's state.
Response GetJudgeView(Services& s, Request& req, Id id) {
    auto judge = JudgeOf(s, req, id, false);
    if (!judge) return ErrorResponse(judge.error());
    return Reply(200, s.arena.Judge(*judge), JudgeJson);
}

// POST /api/v1/contests/{id}/judge/scores {"contestant_id", "round"?, "values": {key: number}, "key"}
Response SubmitJudgeScore(Services& s, Request& req, Id id) {
    auto judge = JudgeOf(s, req, id, true);
    if (!judge) return ErrorResponse(judge.error());
    app::ScoreSubmission sub;
    std::int64_t round = -1;
    auto body = ReadBody(req.body, {"values"}, Field("contestant_id", sub.contestant_id), Field("round", round),
                         Field("key", sub.key));
    if (!body) return ErrorResponse(body.error());
    if (round >= 0) sub.round = static_cast<int>(round);
    auto view = s.arena.Judge(*judge);
    if (!view) return ErrorResponse(view.error());
    auto it = body->find("values");
    if (it == body->end() || !it->value().is_object())
        return ErrorResponse(core::Invalid("values 应为对象：{评分项标识: 分数}", "values"));
    const auto& values = it->value().as_object();
    for (const auto& kv : values) {
        bool known = false;
        for (const auto& c : view->view->criteria) known = known || (!c.pre_scored && c.key == kv.key());
        if (!known)
            return ErrorResponse(core::Invalid("评分表中没有这一项：" + std::string(kv.key()), std::string(kv.key())));
    }
    for (const auto& c : view->view->criteria) {
        if (c.pre_scored) continue;
        auto v = values.find(c.key);
        if (v == values.end() || v->value().is_null())
            return ErrorResponse(core::Invalid("请填写「" + c.name + "」", c.key));
        if (!v->value().is_number()) return ErrorResponse(core::Invalid("「" + c.name + "」应为数字", c.key));
        sub.values.push_back(v->value().to_number<double>());
    }
    return Reply(200, s.arena.Submit(*judge, sub), [](const app::ScoreAck& a) {
        return json::object{
            {"seq", a.seq}, {"duplicate", a.duplicate}, {"contestant_id", a.contestant_id}, {"total", a.total}};
    });
}

}  // namespace handlers

}  // namespace lingyan::http
