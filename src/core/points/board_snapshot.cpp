#include "core/points/board_snapshot.hpp"

#include <algorithm>
#include <cstdint>

namespace lingyan::core::points {

namespace {

constexpr std::string_view kMagic = "LYBS1";

std::uint64_t Fnv1a(std::string_view data) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

void PutVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::uint64_t ZigZag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}

std::int64_t UnZigZag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// Reads LEB128 varints off a text, remembering the first problem.
struct Reader {
    std::string_view data;
    std::size_t at = 0;
    bool ok = true;
    std::uint64_t Next() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= data.size()) break;
            const auto byte = static_cast<unsigned char>(data[at++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return v;
        }
        ok = false;
        return 0;
    }
};

}  // namespace

int SnapshotRules::Columns() const {
    return static_cast<int>(std::count_if(rules.begin(), rules.end(), [](const Rule& r) { return r.cap.has_value(); }));
}

std::optional<std::size_t> BoardSnapshot::RowOf(std::int64_t member_id) const {
    const auto it = std::lower_bound(member_ids.begin(), member_ids.end(), member_id);
    if (it == member_ids.end() || *it != member_id) return std::nullopt;
    return static_cast<std::size_t>(it - member_ids.begin());
}

void CountIntoSnapshot(BoardSnapshot& snapshot, const SnapshotRules& rules, std::size_t row, RuleIdx rule,
                       Points quantity) {
    const auto r = static_cast<std::size_t>(rule);
    const Rule& def = rules.rules[r];
    Points* values = snapshot.Row(row);
    const Points worth = EventWorth(def.points, quantity);
    Points delta = worth;
    if (def.cap) {
        const auto column = std::count_if(rules.rules.begin(), rules.rules.begin() + static_cast<std::ptrdiff_t>(r),
                                          [](const Rule& x) { return x.cap.has_value(); });
        Points& sum = values[1 + static_cast<std::size_t>(snapshot.categories) + static_cast<std::size_t>(column)];
        delta = CappedDelta(sum, worth, def.cap);
        sum += worth;
    }
    values[1 + static_cast<std::size_t>(rules.category_of_rule[r])] += delta;
    if (rules.zeroing_rule[r]) values[0] += quantity;
}

std::string EncodeBoardSnapshot(const BoardSnapshot& snapshot) {
    std::string out(kMagic);
    out.reserve(snapshot.member_ids.size() * (2 + snapshot.stride() * 2) + 64);
    PutVarint(out, snapshot.member_ids.size());
    PutVarint(out, static_cast<std::uint64_t>(snapshot.categories));
    PutVarint(out, static_cast<std::uint64_t>(snapshot.columns));
    std::int64_t previous = 0;
    for (const std::int64_t id : snapshot.member_ids) {
        PutVarint(out, static_cast<std::uint64_t>(id - previous));
        previous = id;
    }
    for (const Points v : snapshot.values) PutVarint(out, ZigZag(v));
    const std::uint64_t sum = Fnv1a(out);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
    return out;
}

std::optional<BoardSnapshot> DecodeBoardSnapshot(std::string_view data, std::string* error) {
    const auto fail = [&](const char* what) -> std::optional<BoardSnapshot> {
        if (error) *error = what;
        return std::nullopt;
    };
    if (data.size() < kMagic.size() + 8 || data.substr(0, kMagic.size()) != kMagic) return fail("不是积分榜快照");
    const std::string_view body = data.substr(0, data.size() - 8);
    std::uint64_t stored = 0;
    for (int i = 0; i < 8; ++i)
        stored |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[body.size() + static_cast<std::size_t>(i)]))
                  << (8 * i);
    if (Fnv1a(body) != stored) return fail("积分榜快照校验和不符");
    Reader in{body, kMagic.size()};
    BoardSnapshot s;
    const std::uint64_t members = in.Next(), categories = in.Next(), columns = in.Next();
    // Every id and value takes at least one byte: a count beyond the text is refused before any allocation.
    if (!in.ok || categories > 1000 || columns > 1000 ||
        members > (body.size() - in.at) / (1 + 1 + categories + columns))
        return fail("积分榜快照的大小不符");
    s.categories = static_cast<int>(categories);
    s.columns = static_cast<int>(columns);
    s.member_ids.reserve(members);
    std::int64_t id = 0;
    for (std::uint64_t i = 0; i < members; ++i) {
        const std::uint64_t step = in.Next();
        if ((i > 0 && step == 0) || step > static_cast<std::uint64_t>(INT64_MAX - id))
            return fail("积分榜快照的党员编号未升序");
        id += static_cast<std::int64_t>(step);
        s.member_ids.push_back(id);
    }
    s.values.resize(members * s.stride());
    for (auto& v : s.values) v = UnZigZag(in.Next());
    if (!in.ok) return fail("积分榜快照被截断");
    if (in.at != body.size()) return fail("积分榜快照末尾有多余内容");
    return s;
}

}  // namespace lingyan::core::points
