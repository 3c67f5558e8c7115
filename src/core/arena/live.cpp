#include "core/arena/live.hpp"

#include <algorithm>

#include "core/common/enum_names.hpp"

namespace lingyan::core::arena {

namespace {

constexpr EnumName<EventKind> kEventNames[] = {
    {EventKind::kDraw, "draw"},     {EventKind::kAdvance, "advance"}, {EventKind::kTimer, "timer"},
    {EventKind::kOpen, "open"},     {EventKind::kClose, "close"},     {EventKind::kReveal, "reveal"},
    {EventKind::kScore, "score"},   {EventKind::kReopen, "reopen"},   {EventKind::kPreScore, "pre_score"},
    {EventKind::kFinish, "finish"},
};

constexpr EnumName<TimerAction> kTimerActions[] = {
    {TimerAction::kStart, "start"}, {TimerAction::kStop, "stop"}, {TimerAction::kReset, "reset"}};

const Seat* FindSeat(const ContestSetup& setup, Id id) {
    for (const auto& s : setup.seats)
        if (s.id == id) return &s;
    return nullptr;
}

const Contestant* FindContestant(const ContestSetup& setup, Id id) {
    for (const auto& c : setup.contestants)
        if (c.id == id) return &c;
    return nullptr;
}

bool InRound(const LiveState& state, int round, Id contestant) {
    if (round < 0 || round >= static_cast<int>(state.orders.size())) return false;
    const auto& order = state.orders[static_cast<std::size_t>(round)];
    return std::find(order.begin(), order.end(), contestant) != order.end();
}

Result<Prepared> PrepareScore(const ContestSetup& setup, const Recusals& recusals, const LiveState& state,
                              const Request& request) {
    if (state.status == ContestStatus::kFinished) return Conflict("擂台赛已结束，不再接受评分");
    const Seat* seat = FindSeat(setup, request.seat_id);
    if (!seat) return NotFound("评委席");
    if (!FindContestant(setup, request.contestant_id) || !InRound(state, request.round, request.contestant_id))
        return NotFound("选手", "contestant_id");
    const Contestant* contestant = FindContestant(setup, request.contestant_id);
    if (recusals.count({seat->id, contestant->id}))
        return Conflict("您与选手" + contestant->name + "来自同一" +
                            (setup.recusal == RecusalLevel::kVillage  ? "村（社区）"
                             : setup.recusal == RecusalLevel::kCounty ? "县（区）"
                                                                      : "镇（街道）") +
                            "，按规定回避，不能为其评分",
                        "contestant_id");
    auto scored = state.scores.find({request.round, request.contestant_id});
    if (scored != state.scores.end()) {
        auto entry = scored->second.find(seat->id);
        if (entry != scored->second.end()) {
            if (!request.key.empty() && entry->second.key == request.key && entry->second.values == request.values)
                return Prepared{request, true};
            return Conflict("您已为选手" + contestant->name + "提交过评分，不能重复提交；如需更正请联系主持人",
                            "contestant_id");
        }
    }
    const bool reopened = state.reopened.count({request.round, request.contestant_id, seat->id}) > 0;
    if (!reopened) {
        if (state.status != ContestStatus::kLive || request.round != state.round ||
            request.contestant_id != state.CurrentContestant())
            return Conflict("选手" + contestant->name + "不是当前上台的选手，请按当前选手评分", "contestant_id");
        if (state.scoring == ScoringState::kIdle) return Conflict("评分尚未开始，请等待主持人开启评分");
        if (state.scoring == ScoringState::kClosed) return Conflict("评分已关闭，本次提交未计入");
    }
    if (request.key.empty()) return Invalid("缺少提交标识（key）", "key");
    if (auto ok = CheckValues(setup.criteria, request.values); !ok) return ok.error();
    return Prepared{request, false};
}

}  // namespace

const char* EventKindName(EventKind kind) { return EnumNameOf(kEventNames, kind, "advance"); }

std::optional<EventKind> EventKindFromName(std::string_view s) { return EnumFromName(kEventNames, s); }

const char* TimerActionName(TimerAction a) { return EnumNameOf(kTimerActions, a, "start"); }

std::optional<TimerAction> TimerActionFromName(std::string_view s) { return EnumFromName(kTimerActions, s); }

const char* ContestStatusName(ContestStatus s) {
    switch (s) {
        case ContestStatus::kLive:
            return "live";
        case ContestStatus::kFinished:
            return "finished";
        case ContestStatus::kReady:
            break;
    }
    return "ready";
}

const char* ScoringStateName(ScoringState s) {
    switch (s) {
        case ScoringState::kOpen:
            return "open";
        case ScoringState::kClosed:
            return "closed";
        case ScoringState::kIdle:
            break;
    }
    return "idle";
}

Id LiveState::CurrentContestant() const {
    if (current < 0 || round < 0 || round >= static_cast<int>(orders.size())) return 0;
    const auto& order = orders[static_cast<std::size_t>(round)];
    return current < static_cast<int>(order.size()) ? order[static_cast<std::size_t>(current)] : 0;
}

LiveState InitialState(const ContestSetup& setup) {
    LiveState state;
    for (const auto& r : setup.rounds) state.orders.push_back(r.order);
    return state;
}

Result<Prepared> Prepare(const ContestSetup& setup, const Recusals& recusals, const LiveState& state,
                         const Request& request) {
    Prepared out{request, false};
    Event& e = out.event;
    const bool finished = state.status == ContestStatus::kFinished;
    switch (request.kind) {
        case EventKind::kDraw: {
            if (state.status != ContestStatus::kReady) return Conflict("擂台赛已开始，不能再抽签");
            if (e.round < 0 || e.round >= static_cast<int>(state.orders.size())) return NotFound("轮次", "round");
            e.order = DrawOrder(state.orders[static_cast<std::size_t>(e.round)], e.seed);
            return out;
        }
        case EventKind::kAdvance: {
            // Advancing while scoring is open closes it: judges still scoring are told the contestant
            // has changed (their submissions are refused, nothing is counted).
            if (finished) return Conflict("擂台赛已结束");
            if (request.contestant_id == 0) {
                // The next one in order not yet revealed — after the round's last, from its start again
                // (a contestant absent when called, or interrupted, is called again) — then the next round.
                const auto& order = state.orders[static_cast<std::size_t>(state.round)];
                const int size = static_cast<int>(order.size());
                for (int step = 1; step <= size; ++step) {
                    const int idx = (state.current + step) % size;
                    const Id id = order[static_cast<std::size_t>(idx)];
                    if ((idx == state.current && state.current >= 0) || state.revealed.count({state.round, id}))
                        continue;
                    e.round = state.round;
                    e.contestant_id = id;
                    return out;
                }
                if (state.round + 1 >= static_cast<int>(state.orders.size()))
                    return Conflict("已是最后一位选手，可以结束擂台赛");
                e.round = state.round + 1;
                e.contestant_id = state.orders[static_cast<std::size_t>(e.round)].front();
            } else {
                if (!InRound(state, request.round, request.contestant_id)) return NotFound("选手", "contestant_id");
            }
            return out;
        }
        case EventKind::kTimer: {
            if (state.status != ContestStatus::kLive || state.current < 0) return Conflict("还没有选手上台");
            if (request.timer == TimerAction::kStart && state.timer.running) return Conflict("计时已在进行");
            if (request.timer == TimerAction::kStop && !state.timer.running) return Conflict("计时没有在进行");
            return out;
        }
        case EventKind::kOpen: {
            if (state.status != ContestStatus::kLive || state.current < 0) return Conflict("还没有选手上台");
            if (state.scoring == ScoringState::kOpen) return Conflict("评分已经开启");
            if (state.revealed.count({state.round, state.CurrentContestant()}))
                return Conflict("该选手的成绩已揭晓；如需更正，请重开某位评委的评分");
            e.round = state.round;
            e.contestant_id = state.CurrentContestant();
            return out;
        }
        case EventKind::kClose: {
            if (state.scoring != ScoringState::kOpen) return Conflict("评分没有开启");
            e.round = state.round;
            e.contestant_id = state.CurrentContestant();
            return out;
        }
        case EventKind::kReveal: {
            // Revealing closes scoring if it is open; seats that have not scored count as absent
            // (the console asks before revealing with missing seats).
            if (state.status != ContestStatus::kLive || state.current < 0) return Conflict("还没有选手上台");
            const Id current = state.CurrentContestant();
            if (state.revealed.count({state.round, current})) return Conflict("该选手的成绩已揭晓");
            e.round = state.round;
            e.contestant_id = current;
            return out;
        }
        case EventKind::kScore:
            return PrepareScore(setup, recusals, state, request);
        case EventKind::kReopen: {
            if (finished) return Conflict("擂台赛已结束，不能重开评分");
            if (request.reason.empty()) return Invalid("请说明重开评分的理由", "reason");
            const Seat* seat = FindSeat(setup, request.seat_id);
            if (!seat) return NotFound("评委席", "seat_id");
            auto scored = state.scores.find({request.round, request.contestant_id});
            if (scored == state.scores.end() || !scored->second.count(seat->id))
                return Conflict("该评委尚未为该选手评分，无需重开");
            return out;
        }
        case EventKind::kPreScore: {
            if (finished) return Conflict("擂台赛已结束");
            if (!FindContestant(setup, request.contestant_id)) return NotFound("选手", "contestant_id");
            const Criterion* criterion = nullptr;
            for (const auto& c : setup.criteria)
                if (c.key == request.criterion && c.pre_scored) criterion = &c;
            if (!criterion) return Invalid("不是预先评定的评分项：" + request.criterion, "criterion");
            if (request.values.size() != 1) return Invalid("请给出一个分数", "value");
            Criterion live = *criterion;
            live.pre_scored = false;
            if (auto ok = CheckValues({live}, request.values); !ok) return Invalid(ok.error().message, "value");
            return out;
        }
        case EventKind::kFinish: {
            if (state.status != ContestStatus::kLive) return Conflict(finished ? "擂台赛已结束" : "擂台赛还没有开始");
            if (state.scoring == ScoringState::kOpen) return Conflict("请先关闭评分");
            return out;
        }
    }
    return Invalid("未知的操作");
}

void Apply(const ContestSetup& setup, LiveState& state, const Event& e) {
    state.seq = e.seq;
    switch (e.kind) {
        case EventKind::kDraw:
            if (e.round >= 0 && e.round < static_cast<int>(state.orders.size()))
                state.orders[static_cast<std::size_t>(e.round)] = e.order;
            break;
        case EventKind::kAdvance: {
            state.status = ContestStatus::kLive;
            state.round = e.round;
            const auto& order = state.orders[static_cast<std::size_t>(e.round)];
            state.current = static_cast<int>(std::find(order.begin(), order.end(), e.contestant_id) - order.begin());
            state.scoring = ScoringState::kIdle;
            state.timer = {};
            break;
        }
        case EventKind::kTimer:
            if (e.timer == TimerAction::kStart) {
                state.timer.running = true;
                state.timer.started_at_ms = e.at_ms;
            } else if (e.timer == TimerAction::kStop) {
                if (state.timer.running) state.timer.elapsed_ms += std::max(0.0, e.at_ms - state.timer.started_at_ms);
                state.timer.running = false;
            } else {
                state.timer = {};
            }
            break;
        case EventKind::kOpen:
            state.scoring = ScoringState::kOpen;
            break;
        case EventKind::kClose:
            state.scoring = ScoringState::kClosed;
            if (state.timer.running) {
                state.timer.elapsed_ms += std::max(0.0, e.at_ms - state.timer.started_at_ms);
                state.timer.running = false;
            }
            break;
        case EventKind::kReveal:
            state.revealed.insert({e.round, e.contestant_id});
            if (state.scoring == ScoringState::kOpen) state.scoring = ScoringState::kClosed;
            if (state.timer.running) {
                state.timer.elapsed_ms += std::max(0.0, e.at_ms - state.timer.started_at_ms);
                state.timer.running = false;
            }
            break;
        case EventKind::kScore: {
            ScoreEntry entry;
            entry.values = e.values;
            entry.total = SheetTotal(setup.criteria, e.values);
            entry.key = e.key;
            entry.at_ms = e.at_ms;
            state.scores[{e.round, e.contestant_id}][e.seat_id] = std::move(entry);
            state.reopened.erase({e.round, e.contestant_id, e.seat_id});
            break;
        }
        case EventKind::kReopen: {
            auto it = state.scores.find({e.round, e.contestant_id});
            if (it != state.scores.end()) it->second.erase(e.seat_id);
            state.reopened.insert({e.round, e.contestant_id, e.seat_id});
            break;
        }
        case EventKind::kPreScore: {
            auto& values = state.pre[e.contestant_id];
            std::size_t pre_idx = 0;
            for (const auto& c : setup.criteria) {
                if (!c.pre_scored) continue;
                if (values.size() <= pre_idx) values.resize(pre_idx + 1);
                if (c.key == e.criterion && !e.values.empty()) values[pre_idx] = e.values.front();
                ++pre_idx;
            }
            break;
        }
        case EventKind::kFinish:
            state.status = ContestStatus::kFinished;
            state.scoring = ScoringState::kIdle;
            state.timer.running = false;
            break;
    }
}

std::vector<const Seat*> MissingSeats(const ContestSetup& setup, const Recusals& recusals, const LiveState& state,
                                      int round, Id contestant) {
    std::vector<const Seat*> out;
    auto scored = state.scores.find({round, contestant});
    for (const auto& seat : setup.seats) {
        if (recusals.count({seat.id, contestant})) continue;
        if (scored != state.scores.end() && scored->second.count(seat.id)) continue;
        out.push_back(&seat);
    }
    std::sort(out.begin(), out.end(), [](const Seat* a, const Seat* b) { return a->number < b->number; });
    return out;
}

RoundStandings Standings(const ContestSetup& setup, const Recusals& recusals, const LiveState& state, int round) {
    RoundStandings out;
    if (round < 0 || round >= static_cast<int>(state.orders.size())) return out;
    TotalsTable totals;
    for (Id contestant : state.orders[static_cast<std::size_t>(round)]) {
        auto scored = state.scores.find({round, contestant});
        if (scored == state.scores.end() || scored->second.empty()) continue;
        for (const auto& [seat, entry] : scored->second) totals[contestant][seat] = entry.total;
    }
    Normalization norm;
    if (setup.aggregation.normalize) norm = ComputeNormalization(totals);
    const double live_max = LiveMax(setup.criteria);
    std::vector<ContestantScore> revealed;
    for (Id contestant : state.orders[static_cast<std::size_t>(round)]) {
        auto row = totals.find(contestant);
        if (row == totals.end()) continue;
        std::set<Id> recused;
        for (const auto& seat : setup.seats)
            if (recusals.count({seat.id, contestant})) recused.insert(seat.id);
        bool pre_complete = true;
        double pre = 0;
        auto pre_it = state.pre.find(contestant);
        pre =
            PreTotal(setup.criteria, pre_it == state.pre.end() ? std::vector<std::optional<double>>{} : pre_it->second,
                     &pre_complete);
        out.scores.push_back(ScoreContestant(contestant, setup.seats, row->second, recused, setup.aggregation,
                                             setup.aggregation.normalize ? &norm : nullptr, live_max, pre,
                                             pre_complete));
        if (state.revealed.count({round, contestant})) revealed.push_back(out.scores.back());
    }
    out.ranking = Rank(revealed);
    return out;
}

std::vector<TitleAward> Titles(const ContestSetup& setup, const Recusals& recusals, const LiveState& state) {
    if (state.orders.empty()) return {};
    const auto standings = Standings(setup, recusals, state, static_cast<int>(state.orders.size()) - 1);
    return AwardTitles(standings.ranking, setup.titles);
}

}  // namespace lingyan::core::arena
