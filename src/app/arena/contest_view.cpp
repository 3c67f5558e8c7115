#include "app/arena/contest_view.hpp"

#include <algorithm>
#include <map>

namespace lingyan::app {

namespace arena = core::arena;

ResultView ResultOf(const arena::ContestantScore& score) {
    return ResultView{arena::Round2(score.stage), arena::Round2(score.pre), score.final_score,
                      score.present, score.trimmed, score.complete};
}

ContestView BuildView(arena::Id contest_id, const std::string& unit_name, const arena::ContestSetup& setup,
                      const arena::Recusals& recusals, const arena::LiveState& state) {
    ContestView v;
    v.id = contest_id;
    v.name = setup.name;
    v.unit_name = unit_name;
    v.is_public = setup.is_public;
    v.status = arena::ContestStatusName(state.status);
    v.round = state.round;
    v.rounds = static_cast<int>(setup.rounds.size());
    if (state.round >= 0 && state.round < v.rounds)
        v.round_name = setup.rounds[static_cast<std::size_t>(state.round)].name;
    v.scoring = arena::ScoringStateName(state.scoring);
    v.timer.running = state.timer.running;
    v.timer.started_at_ms = state.timer.started_at_ms;
    v.timer.elapsed_ms = state.timer.elapsed_ms;
    v.timer.allowed_s = setup.seconds_per_contestant;
    v.criteria = setup.criteria;
    v.live_max = arena::LiveMax(setup.criteria);
    v.trim = setup.aggregation.trim;
    v.normalize = setup.aggregation.normalize;

    std::map<arena::Id, const arena::Contestant*> contestants;
    for (const auto& c : setup.contestants) contestants[c.id] = &c;
    const auto standings = arena::Standings(setup, recusals, state, state.round);
    std::map<arena::Id, const arena::ContestantScore*> scores;
    for (const auto& s : standings.scores) scores[s.contestant_id] = &s;

    const arena::Id current = state.CurrentContestant();
    if (state.round >= 0 && state.round < static_cast<int>(state.orders.size())) {
        const auto& order = state.orders[static_cast<std::size_t>(state.round)];
        for (std::size_t idx = 0; idx < order.size(); ++idx) {
            auto it = contestants.find(order[idx]);
            if (it == contestants.end()) continue;
            ContestantView c;
            c.id = it->first;
            c.order = static_cast<int>(idx) + 1;
            c.name = it->second->name;
            c.unit_name = it->second->unit_name;
            c.topic = it->second->topic;
            const bool revealed = state.revealed.count({state.round, c.id}) > 0;
            c.state = c.id == current ? "current" : revealed ? "done" : "upcoming";
            if (revealed && scores.count(c.id)) c.final_score = scores[c.id]->final_score;
            if (c.id == current) v.current = c;
            v.order.push_back(std::move(c));
        }
    }

    if (current != 0) {
        v.revealed = state.revealed.count({state.round, current}) > 0;
        auto scored = state.scores.find({state.round, current});
        const arena::ContestantScore* score = scores.count(current) ? scores[current] : nullptr;
        std::vector<const arena::Seat*> seats;
        for (const auto& s : setup.seats) seats.push_back(&s);
        std::sort(seats.begin(), seats.end(), [](const auto* a, const auto* b) { return a->number < b->number; });
        for (const arena::Seat* seat : seats) {
            SeatView sv;
            sv.number = seat->number;
            sv.label = seat->label;
            sv.home_unit_name = seat->home_unit_name;
            const bool recused = recusals.count({seat->id, current}) > 0;
            const bool submitted = scored != state.scores.end() && scored->second.count(seat->id) > 0;
            sv.status = recused ? "recused" : submitted ? "submitted" : "waiting";
            if (v.revealed && score) {
                for (const auto& ss : score->seats) {
                    if (ss.seat_id != seat->id) continue;
                    sv.mark = arena::SeatMarkName(ss.mark);
                    if (ss.raw) {
                        sv.score = arena::Round2(*ss.raw);
                        if (setup.aggregation.normalize) sv.adjusted = arena::Round2(ss.adjusted);
                    }
                }
            }
            v.seats.push_back(std::move(sv));
        }
        if (v.revealed && score) {
            v.result = ResultOf(*score);
        }
    }

    for (const auto& row : standings.ranking) {
        const auto* c = contestants.count(row.contestant_id) ? contestants[row.contestant_id] : nullptr;
        if (!c) continue;
        v.ranking.push_back(
            RankView{row.rank, c->id, c->name, c->unit_name, row.final_score, row.stage, row.pre, row.tied});
    }

    if (state.status == arena::ContestStatus::kFinished) {
        for (const auto& award : arena::Titles(setup, recusals, state)) {
            TitleView t;
            t.name = setup.titles[award.title_idx].name;
            t.level = setup.titles[award.title_idx].level;
            t.tie_at_boundary = award.tie_at_boundary;
            for (arena::Id id : award.contestant_ids)
                if (contestants.count(id)) t.winners.emplace_back(id, contestants[id]->name);
            v.titles.push_back(std::move(t));
        }
    }
    return v;
}

}  // namespace lingyan::app
