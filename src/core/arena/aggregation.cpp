#include "core/arena/aggregation.hpp"

#include <algorithm>
#include <cmath>

namespace lingyan::core::arena {

const char* SeatMarkName(SeatMark mark) {
    switch (mark) {
        case SeatMark::kCounted:
            return "counted";
        case SeatMark::kDroppedHigh:
            return "dropped_high";
        case SeatMark::kDroppedLow:
            return "dropped_low";
        case SeatMark::kRecused:
            return "recused";
        case SeatMark::kMissing:
            break;
    }
    return "missing";
}

namespace {

struct Moments {
    double sum = 0, sum_sq = 0;
    int n = 0;
    void Add(double v) {
        sum += v;
        sum_sq += v * v;
        ++n;
    }
    double Mean() const { return n ? sum / n : 0; }
    double Sd() const {
        if (n < 2) return 0;
        const double mean = Mean();
        return std::sqrt(std::max(0.0, sum_sq / n - mean * mean));
    }
};

}  // namespace

Normalization ComputeNormalization(const TotalsTable& totals) {
    Moments panel;
    std::map<Id, Moments> judges;
    for (const auto& [contestant, by_seat] : totals) {
        for (const auto& [seat, total] : by_seat) {
            panel.Add(total);
            judges[seat].Add(total);
        }
    }
    Normalization norm;
    norm.panel_mean = panel.Mean();
    norm.panel_sd = panel.Sd();
    for (const auto& [seat, m] : judges) norm.judges[seat] = Normalization::Judge{m.Mean(), m.Sd(), m.n};
    return norm;
}

double Normalize(const Normalization& norm, Id seat, double raw, double live_max) {
    auto it = norm.judges.find(seat);
    if (it == norm.judges.end() || it->second.n < 2) return raw;
    const auto& judge = it->second;
    // A relative tolerance: sheet totals carry at most two decimals, so a spread below 1e-9 is none.
    const double value =
        judge.sd < 1e-9 ? norm.panel_mean : norm.panel_mean + norm.panel_sd * (raw - judge.mean) / judge.sd;
    return std::clamp(value, 0.0, live_max);
}

ContestantScore ScoreContestant(Id contestant_id, const std::vector<Seat>& seats, const std::map<Id, double>& totals,
                                const std::set<Id>& recused, const Aggregation& aggregation, const Normalization* norm,
                                double live_max, double pre, bool pre_complete) {
    ContestantScore out;
    out.contestant_id = contestant_id;
    out.pre = pre;
    out.pre_complete = pre_complete;
    std::vector<const Seat*> ordered;
    for (const Seat& s : seats) ordered.push_back(&s);
    std::sort(ordered.begin(), ordered.end(), [](const Seat* a, const Seat* b) { return a->number < b->number; });
    int expected = 0;
    std::vector<std::size_t> present;  // indexes into out.seats
    for (const Seat* seat : ordered) {
        SeatScore s;
        s.seat_id = seat->id;
        s.seat_number = seat->number;
        auto it = totals.find(seat->id);
        if (recused.count(seat->id)) {
            s.mark = SeatMark::kRecused;
        } else {
            ++expected;
            if (it != totals.end()) {
                s.raw = it->second;
                s.adjusted = norm ? Normalize(*norm, seat->id, it->second, live_max) : it->second;
                s.mark = SeatMark::kCounted;
                present.push_back(out.seats.size());
            }
        }
        out.seats.push_back(s);
    }
    out.present = static_cast<int>(present.size());
    out.complete = out.present == expected && expected > 0;
    if (present.empty()) {
        out.final_score = Round2(pre);
        return out;
    }
    // Stable by (adjusted, seat number): equal lows drop the lower seat number first, equal highs
    // the higher one.
    std::stable_sort(present.begin(), present.end(), [&](std::size_t a, std::size_t b) {
        if (Cents(out.seats[a].adjusted) != Cents(out.seats[b].adjusted))
            return out.seats[a].adjusted < out.seats[b].adjusted;
        return out.seats[a].seat_number < out.seats[b].seat_number;
    });
    const int n = out.present;
    const int k = std::min(std::max(aggregation.trim, 0), (n - 1) / 2);
    out.trimmed = k;
    double sum = 0;
    for (int idx = 0; idx < n; ++idx) {
        SeatScore& s = out.seats[present[static_cast<std::size_t>(idx)]];
        if (idx < k)
            s.mark = SeatMark::kDroppedLow;
        else if (idx >= n - k)
            s.mark = SeatMark::kDroppedHigh;
        else
            sum += s.adjusted;
    }
    out.stage = sum / (n - 2 * k);
    out.final_score = Round2(out.stage + pre);
    return out;
}

std::vector<RankRow> Rank(const std::vector<ContestantScore>& scores) {
    std::vector<RankRow> rows;
    for (const auto& s : scores)
        rows.push_back(RankRow{s.contestant_id, 0, s.final_score, Round2(s.stage), Round2(s.pre), false});
    auto key = [](const RankRow& r) { return std::make_pair(Cents(r.final_score), Cents(r.stage)); };
    std::stable_sort(rows.begin(), rows.end(), [&](const RankRow& a, const RankRow& b) { return key(a) > key(b); });
    for (std::size_t idx = 0; idx < rows.size(); ++idx) {
        if (idx > 0 && key(rows[idx]) == key(rows[idx - 1])) {
            rows[idx].rank = rows[idx - 1].rank;
            rows[idx].tied = rows[idx - 1].tied = true;
        } else {
            rows[idx].rank = static_cast<int>(idx) + 1;
        }
    }
    return rows;
}

std::vector<TitleAward> AwardTitles(const std::vector<RankRow>& ranking, const std::vector<Title>& titles) {
    std::vector<TitleAward> out;
    std::size_t next = 0;  // first ranked row not yet titled
    for (std::size_t title_idx = 0; title_idx < titles.size(); ++title_idx) {
        const Title& title = titles[title_idx];
        TitleAward award;
        award.title_idx = title_idx;
        std::size_t taken = 0;
        while (next < ranking.size()) {
            const RankRow& row = ranking[next];
            if (title.min_score && Cents(row.final_score) < Cents(*title.min_score)) break;
            const bool within = taken < static_cast<std::size_t>(title.quota);
            const bool tied_with_last = taken > 0 && row.rank == ranking[next - 1].rank;
            if (!within && !tied_with_last) break;
            if (!within) award.tie_at_boundary = true;
            award.contestant_ids.push_back(row.contestant_id);
            ++taken;
            ++next;
        }
        out.push_back(std::move(award));
    }
    return out;
}

}  // namespace lingyan::core::arena
