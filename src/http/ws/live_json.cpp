#include "http/ws/live_json.hpp"

#include <cstdio>

#include "http/server/described_json.hpp"

namespace lingyan::http::ws {

namespace json = boost::json;

namespace {

json::object ContestantJson(const app::ContestantView& c) {
    json::object o{{"id", c.id},          {"order", c.order}, {"name", c.name},
                   {"unit", c.unit_name}, {"topic", c.topic}, {"state", c.state}};
    o["final"] = json::value_from(c.final_score);
    return o;
}

}  // namespace

json::object ViewJson(const app::ContestView& v) {
    json::object o;
    o["contest"] =
        json::object{{"id", v.id},         {"name", v.name},   {"unit", v.unit_name},        {"public", v.is_public},
                     {"status", v.status}, {"round", v.round}, {"round_name", v.round_name}, {"rounds", v.rounds}};
    o["status"] = v.status;
    o["scoring"] = v.scoring;
    o["revealed"] = v.revealed;
    o["timer"] = json::object{{"running", v.timer.running},
                              {"started_at_ms", v.timer.started_at_ms},
                              {"elapsed_ms", v.timer.elapsed_ms},
                              {"allowed_s", v.timer.allowed_s}};
    json::array sheet;
    for (const auto& c : v.criteria)
        sheet.push_back(json::object{{"key", c.key},
                                     {"name", c.name},
                                     {"min", c.min},
                                     {"max", c.max},
                                     {"weight", c.weight},
                                     {"pre_scored", c.pre_scored}});
    o["sheet"] = json::object{
        {"criteria", std::move(sheet)}, {"live_max", v.live_max}, {"trim", v.trim}, {"normalize", v.normalize}};
    o["current"] = v.current ? json::value(ContestantJson(*v.current)) : json::value(nullptr);
    json::array order;
    for (const auto& c : v.order) order.push_back(ContestantJson(c));
    o["order"] = std::move(order);
    json::array seats;
    for (const auto& s : v.seats) {
        json::object so{{"seat", s.number}, {"label", s.label}, {"town", s.home_unit_name}, {"status", s.status}};
        so["score"] = json::value_from(s.score);
        if (v.normalize) so["adjusted"] = json::value_from(s.adjusted);
        so["mark"] = NullIfEmpty(s.mark);
        seats.push_back(std::move(so));
    }
    o["seats"] = std::move(seats);
    if (v.result)
        o["result"] =
            json::object{{"stage", v.result->stage},       {"pre", v.result->pre},
                         {"final", v.result->final_score}, {"counted", v.result->present - 2 * v.result->trimmed},
                         {"present", v.result->present},   {"trimmed", v.result->trimmed},
                         {"complete", v.result->complete}};
    else
        o["result"] = nullptr;
    json::array ranking;
    for (const auto& r : v.ranking)
        ranking.push_back(json::object{{"rank", r.rank},
                                       {"id", r.id},
                                       {"name", r.name},
                                       {"unit", r.unit_name},
                                       {"final", r.final_score},
                                       {"stage", r.stage},
                                       {"pre", r.pre},
                                       {"tied", r.tied}});
    o["ranking"] = std::move(ranking);
    o["titles"] = TitlesJson(v.titles);
    return o;
}

boost::json::array TitlesJson(const std::vector<app::TitleView>& titles) {
    json::array out;
    for (const auto& t : titles) {
        json::array winners;
        for (const auto& [id, name] : t.winners) winners.push_back(json::object{{"id", id}, {"name", name}});
        out.push_back(json::object{{"name", t.name},
                                   {"level", t.level},
                                   {"winners", std::move(winners)},
                                   {"tie_at_boundary", t.tie_at_boundary}});
    }
    return out;
}

std::string MessageBody(const app::LiveMessage& m) {
    json::object o{{"kind", m.kind}};
    o["seat"] = NullIfZero(m.seat_number);
    o["contestant_id"] = NullIfZero(m.contestant_id);
    o["timer"] = NullIfEmpty(m.timer);
    o["state"] = m.view ? json::value(ViewJson(*m.view)) : json::value(nullptr);
    return json::serialize(o);
}

std::string MessageText(std::int64_t seq, double sent_at_ms, const std::string& body) {
    char head[96];
    const int n = std::snprintf(head, sizeof head, "{\"seq\":%lld,\"sent_at_ms\":%.3f%s", static_cast<long long>(seq),
                                sent_at_ms, body.size() > 2 ? "," : "");
    std::string out;
    out.reserve(static_cast<std::size_t>(n) + body.size());
    out.append(head, static_cast<std::size_t>(n));
    out.append(body, body.empty() ? 0 : 1, std::string::npos);  // body without its opening brace
    if (body.empty()) out += '}';
    return out;
}

}  // namespace lingyan::http::ws
