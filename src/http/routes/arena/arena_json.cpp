#include "http/routes/arena/arena_json.hpp"

#include "http/routes/arena/described.hpp"
#include "http/server/json_io.hpp"
#include "http/ws/live_json.hpp"

namespace lingyan::http::arena_json {

namespace json = boost::json;
namespace arena = core::arena;

core::Result<json::object> Body(const Request& req, std::initializer_list<const char*> allowed) {
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object{};
    return ParseObject(req.body, allowed);
}

json::object Summary(const app::ContestSummary& s) {
    json::object o = Described(s);
    o["unit"] = s.unit_name;
    o["public"] = s.is_public;
    o["campaign_id"] = NullIfZero(s.campaign_id);
    o["my_seat"] = NullIfZero(s.my_seat);
    return o;
}

json::object State(const app::ContestView& view) { return ws::ViewJson(view); }

json::object Detail(const app::ContestDetail& d) {
    const auto& s = d.setup;
    json::object o = Summary(d.summary);
    o["criteria"] = json::value_from(s.criteria);
    o["aggregation"] = json::value_from(s.aggregation);
    o["recusal"] = arena::RecusalLevelName(s.recusal);
    o["seconds_per_contestant"] = s.seconds_per_contestant;
    o["campaign_criterion"] = s.campaign_criterion;
    json::array contestants;
    for (const auto& c : s.contestants) {
        json::object co{{"id", c.id},           {"kind", c.kind == arena::ContestantKind::kUnit ? "unit" : "person"},
                        {"unit_id", c.unit_id}, {"name", c.name},
                        {"unit", c.unit_name},  {"topic", c.topic}};
        co["person_id"] = NullIfZero(c.person_id);
        contestants.push_back(std::move(co));
    }
    o["contestants_list"] = std::move(contestants);
    json::array seats;
    for (const auto& sd : d.seats)
        seats.push_back(json::object{{"id", sd.seat.id},
                                     {"seat", sd.seat.number},
                                     {"label", sd.seat.label},
                                     {"home_unit_id", sd.seat.home_unit_id},
                                     {"town", sd.seat.home_unit_name},
                                     {"username", sd.username},
                                     {"link_issued", sd.link_issued},
                                     {"device_bound", sd.device_bound},
                                     {"bound_at", sd.bound_at}});
    o["seats_list"] = std::move(seats);
    o["rounds"] = json::value_from(s.rounds);
    o["titles"] = json::value_from(s.titles);
    json::array recusals;
    for (const auto& [seat, contestant] : d.recusals)
        recusals.push_back(json::object{{"seat_id", seat}, {"contestant_id", contestant}});
    o["recusals"] = std::move(recusals);
    o["results_pushed_at"] = d.results_pushed_at;
    if (d.view) o["state"] = State(*d.view);
    return o;
}

json::object Results(const app::ContestResults& r) {
    json::object o{{"contest", Summary(r.summary)}};
    o["criteria"] = json::value_from(r.criteria);
    o["aggregation"] = json::value_from(r.aggregation);
    o["recusal"] = r.recusal;
    json::array rounds;
    for (const auto& round : r.rounds) {
        json::array sheets;
        for (const auto& sh : round.sheets) {
            json::array lines;
            for (const auto& l : sh.lines) {
                json::object lo{{"seat", l.seat_number},
                                {"label", l.seat_label},
                                {"town", l.home_unit_name},
                                {"values", json::value_from(l.values)},
                                {"mark", l.mark},
                                {"submitted_at", l.submitted_at},
                                {"void_reason", l.void_reason},
                                {"void_by", l.void_by}};
                lo["total"] = json::value_from(l.total);
                lo["adjusted"] = json::value_from(l.adjusted);
                lines.push_back(std::move(lo));
            }
            sheets.push_back(json::object{{"contestant_id", sh.contestant_id},
                                          {"order", sh.order},
                                          {"name", sh.name},
                                          {"unit", sh.unit_name},
                                          {"topic", sh.topic},
                                          {"rank", NullIfZero(sh.rank)},
                                          {"pre", json::value_from(sh.pre)},
                                          {"result", json::object{{"stage", sh.result.stage},
                                                                  {"pre", sh.result.pre},
                                                                  {"final", sh.result.final_score},
                                                                  {"present", sh.result.present},
                                                                  {"trimmed", sh.result.trimmed},
                                                                  {"complete", sh.result.complete}}},
                                          {"title", sh.title},
                                          {"lines", std::move(lines)}});
        }
        rounds.push_back(json::object{{"name", round.name}, {"sheets", std::move(sheets)}});
    }
    o["rounds"] = std::move(rounds);
    o["titles"] = ws::TitlesJson(r.titles);
    return o;
}

}  // namespace lingyan::http::arena_json
