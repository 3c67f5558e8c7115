#include "exchange/points/tally_input.hpp"

#include <boost/json.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

#include "core/text/csv.hpp"

namespace lingyan::exchange::points {

namespace {

// ---- a fast CSV record splitter -------------------------------------------------------------------

constexpr int kMaxFields = 8;

// Splits the record at `p` into fields (views into the text, or into `scratch` for quoted fields
// with doubled quotes), moves `p` past the record's newline and returns how many fields there were
// (fields past kMaxFields are skipped). Adds to `newlines` every line break it consumes, including
// those inside quoted fields.
int SplitRecord(const char*& p, const char* end, std::string_view* fields, std::string* scratch,
                std::size_t& newlines) {
    int count = 0;
    while (true) {
        std::string_view field;
        if (p < end && *p == '"') {
            const char* q = ++p;
            std::string& buf = scratch[std::min(count, kMaxFields - 1)];
            buf.clear();
            while (q < end) {
                if (*q == '"') {
                    if (q + 1 < end && q[1] == '"') {
                        buf.push_back('"');
                        q += 2;
                        continue;
                    }
                    ++q;
                    break;
                }
                if (*q == '\n') ++newlines;
                buf.push_back(*q++);
            }
            while (q < end && *q != ',' && *q != '\n' && *q != '\r') buf.push_back(*q++);
            p = q;
            field = buf;
        } else {
            const char* q = p;
            while (q < end && *q != ',' && *q != '\n') ++q;
            const char* field_end = q;
            if (field_end > p && field_end[-1] == '\r') --field_end;
            field = std::string_view(p, static_cast<std::size_t>(field_end - p));
            p = q;
        }
        if (count < kMaxFields) fields[count] = field;
        ++count;
        if (p < end && *p == ',') {
            ++p;
            continue;
        }
        if (p < end && *p == '\r') ++p;
        if (p < end && *p == '\n') {
            ++p;
            ++newlines;
        }
        return count;
    }
}

const char* SkipBom(std::string_view text) {
    return text.data() + (text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
}

// Reads the header record and returns the index of each wanted column (−1 when optional and absent).
std::vector<int> ReadHeader(const std::string& file, const char*& p, const char* end, std::size_t& newlines,
                            const std::vector<std::pair<std::string_view, bool>>& wanted) {
    std::string_view fields[kMaxFields];
    std::string scratch[kMaxFields];
    if (p >= end) Fail(file, 1, "empty file: expected a header line (文件为空)");
    const int count = std::min(SplitRecord(p, end, fields, scratch, newlines), kMaxFields);
    std::vector<int> columns;
    for (const auto& [name, required] : wanted) {
        int found = -1;
        for (int field_idx = 0; field_idx < count; ++field_idx) {
            if (fields[field_idx] == name) found = field_idx;
        }
        if (found < 0 && required) Fail(file, 1, "missing column '" + std::string(name) + "' in header (缺少列)");
        columns.push_back(found);
    }
    return columns;
}

// ---- RULES.json -----------------------------------------------------------------------------------


// Byte offsets of the top-level "period", "stars" and each element of "rules", for line numbers.
struct JsonMarks {
    std::size_t period = 0;
    std::size_t stars = 0;
    std::vector<std::size_t> rules;
};

JsonMarks ScanJson(std::string_view text) {
    JsonMarks marks;
    int depth = 0;
    std::string_view last_key;
    bool in_rules = false;
    bool expect_element = false;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':') continue;
        if (in_rules && depth == 2 && expect_element && c != ']' && c != ',') {
            marks.rules.push_back(pos);
            expect_element = false;
        }
        if (c == '"') {
            std::size_t close = pos + 1;
            while (close < text.size() && text[close] != '"') close += text[close] == '\\' ? 2 : 1;
            if (depth == 1) {
                std::size_t after = close + 1;
                while (after < text.size() && (text[after] == ' ' || text[after] == '\n' || text[after] == '\r' ||
                                               text[after] == '\t'))
                    ++after;
                if (after < text.size() && text[after] == ':') {
                    last_key = text.substr(pos + 1, close - pos - 1);
                    if (last_key == "period") marks.period = pos;
                    if (last_key == "stars") marks.stars = pos;
                }
            }
            pos = close;
        } else if (c == '{' || c == '[') {
            ++depth;
            if (depth == 2 && c == '[' && last_key == "rules") {
                in_rules = true;
                expect_element = true;
            }
        } else if (c == '}' || c == ']') {
            --depth;
            if (depth <= 1) in_rules = false;
        } else if (c == ',' && in_rules && depth == 2) {
            expect_element = true;
        }
    }
    return marks;
}

std::optional<Points> JsonPoints(const boost::json::value& value) {
    if (value.is_int64()) return value.get_int64() * pts::kOnePoint;
    if (value.is_uint64()) return static_cast<Points>(value.get_uint64()) * pts::kOnePoint;
    if (value.is_double()) {
        const double scaled = value.get_double() * 100.0;
        if (!(scaled > -9e15 && scaled < 9e15)) return std::nullopt;
        const double rounded = scaled < 0 ? -static_cast<double>(static_cast<Points>(-scaled + 0.5))
                                          : static_cast<double>(static_cast<Points>(scaled + 0.5));
        if (scaled - rounded > 1e-6 || rounded - scaled > 1e-6) return std::nullopt;
        return static_cast<Points>(rounded);
    }
    return std::nullopt;
}

std::optional<pts::Day> JsonDate(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || !value->is_string()) return std::nullopt;
    const auto& text = value->get_string();
    return pts::ParseDate(std::string_view(text.data(), text.size()));
}

std::string JsonString(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || !value->is_string()) return {};
    return std::string(value->get_string());
}

}  // namespace

Rules LoadRules(const std::string& file) {
    const exchange::MappedFile mapped(file);
    const std::string_view text = mapped.view();
    boost::json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) Fail(file, LineAt(text, consumed), "invalid JSON: " + ec.message() + " (JSON 格式错误)");
    const boost::json::value root = parser.release();
    if (!root.is_object()) Fail(file, 1, "expected a JSON object (应为 JSON 对象)");
    const auto& object = root.get_object();
    const JsonMarks marks = ScanJson(text);
    Rules rules;

    if (const auto* period = object.if_contains("period")) {
        const std::size_t line = LineAt(text, marks.period);
        if (!period->is_object()) Fail(file, line, "period must be {\"from\",\"to\"} (考核周期格式错误)");
        const auto from = JsonDate(period->get_object(), "from");
        const auto to = JsonDate(period->get_object(), "to");
        if (!from || !to) Fail(file, line, "bad date in period, expected YYYY-MM-DD (日期格式错误)");
        if (*from > *to) Fail(file, line, "period ends before it starts (周期起止颠倒)");
        rules.config.period = pts::Period{*from, *to};
    }
    if (const auto* stars = object.if_contains("stars")) {
        const std::size_t line = LineAt(text, marks.stars);
        if (!stars->is_array() || stars->get_array().empty()) Fail(file, line, "stars must be a non-empty array");
        rules.config.stars.thresholds.clear();
        for (const auto& threshold : stars->get_array()) {
            const auto value = JsonPoints(threshold);
            if (!value) Fail(file, line, "star threshold is not a number with at most 2 decimals (星级门槛非数字)");
            if (!rules.config.stars.thresholds.empty() && *value < rules.config.stars.thresholds.back()) {
                Fail(file, line, "star thresholds must ascend (星级门槛须递增)");
            }
            if (*value % pts::kOnePoint != 0) rules.integer_points = false;
            rules.config.stars.thresholds.push_back(*value);
        }
    }
    const auto* list = object.if_contains("rules");
    if (list == nullptr || !list->is_array()) Fail(file, 1, "missing \"rules\" array (缺少积分细则)");
    const auto& array = list->get_array();
    for (std::size_t rule_idx = 0; rule_idx < array.size(); ++rule_idx) {
        const std::size_t line = rule_idx < marks.rules.size() ? LineAt(text, marks.rules[rule_idx]) : 1;
        if (!array[rule_idx].is_object()) Fail(file, line, "rule must be an object");
        const auto& entry = array[rule_idx].get_object();
        pts::Rule rule;
        rule.code = JsonString(entry, "code");
        if (rule.code.empty()) Fail(file, line, "rule without a \"code\" (细则缺少编码)");
        rule.name = JsonString(entry, "name");
        rule.category = JsonString(entry, "category");
        rule.evidence = JsonString(entry, "evidence");
        const auto* points = entry.if_contains("points");
        const auto value = points != nullptr ? JsonPoints(*points) : std::nullopt;
        if (!value) Fail(file, line, "rule " + Quoted(rule.code) + ": points is not a number with at most 2 decimals (分值非数字)");
        rule.points = *value;
        if (const auto* cap = entry.if_contains("cap"); cap != nullptr && !cap->is_null()) {
            const auto cap_value = JsonPoints(*cap);
            if (!cap_value) Fail(file, line, "rule " + Quoted(rule.code) + ": cap is not a number (上限非数字)");
            rule.cap = *cap_value < 0 ? -*cap_value : *cap_value;
            if (*rule.cap % pts::kOnePoint != 0) rules.integer_points = false;
        }
        if (const auto* approval = entry.if_contains("needs_approval"); approval != nullptr && approval->is_bool()) {
            rule.needs_approval = approval->get_bool();
        }
        if (rule.points % pts::kOnePoint != 0) rules.integer_points = false;
        const auto index = static_cast<std::int32_t>(rules.config.rules.size());
        if (rules.codes.Insert(rule.code, index) >= 0) Fail(file, line, "duplicate rule code " + Quoted(rule.code) + " (细则编码重复)");
        rules.cap_slot.push_back(rule.cap ? std::optional<int>(rules.capped_count++) : std::nullopt);
        rules.config.rules.push_back(std::move(rule));
    }
    return rules;
}

// ---- UNITS.csv and MEMBERS.csv --------------------------------------------------------------------


Units LoadUnits(const std::string& file) {
    const exchange::MappedFile mapped(file);
    core::text::CsvReader reader(mapped.view());
    std::vector<std::string_view> fields;
    Units units;
    if (!reader.Next(fields)) Fail(file, 1, "empty file: expected a header line (文件为空)");
    const int unit_col = core::text::ColumnIndex(fields, "unit");
    const int parent_col = core::text::ColumnIndex(fields, "parent");
    if (unit_col < 0 || parent_col < 0) Fail(file, 1, "header must name columns unit,parent,name (表头缺列)");
    std::vector<std::string> parent_ids;
    std::vector<std::size_t> lines;
    while (reader.Next(fields)) {
        if (static_cast<int>(fields.size()) <= std::max(unit_col, parent_col)) Fail(file, reader.line(), "missing fields (字段不足)");
        const std::string_view id = fields[unit_col];
        if (id.empty()) Fail(file, reader.line(), "empty unit id (单位编码为空)");
        units.ids.emplace_back(id);
        parent_ids.emplace_back(fields[parent_col]);
        lines.push_back(reader.line());
    }
    if (reader.malformed()) Fail(file, reader.line(), "unclosed quote (引号未闭合)");
    units.index = IdTable(units.ids.size());
    for (std::size_t unit_idx = 0; unit_idx < units.ids.size(); ++unit_idx) {
        if (units.index.Insert(units.ids[unit_idx], static_cast<std::int32_t>(unit_idx)) >= 0) {
            Fail(file, lines[unit_idx], "duplicate unit id " + Quoted(units.ids[unit_idx]) + " (单位编码重复)");
        }
    }
    std::vector<pts::UnitIdx> parents(units.ids.size(), pts::kNoUnit);
    for (std::size_t unit_idx = 0; unit_idx < units.ids.size(); ++unit_idx) {
        if (parent_ids[unit_idx].empty()) continue;
        parents[unit_idx] = units.index.Find(parent_ids[unit_idx]);
        if (parents[unit_idx] < 0) Fail(file, lines[unit_idx], "unknown unit " + Quoted(parent_ids[unit_idx]) + " as parent (上级单位不存在)");
    }
    auto tree = pts::UnitTree::Build(std::move(parents));
    if (!tree) {
        const auto unit_idx = static_cast<std::size_t>(std::stoul(tree.error().field.substr(5)));
        Fail(file, lines[unit_idx], "unit cycle through " + Quoted(units.ids[unit_idx]) + " (单位上下级成环)");
    }
    units.tree = std::move(tree.value());
    return units;
}


Members LoadMembers(const std::string& file, const Units& units) {
    Members members{exchange::MappedFile(file), {}, {}, nullptr, {}};
    const std::string_view text = members.mapped.view();
    const char* p = SkipBom(text);
    const char* end = text.data() + text.size();
    std::size_t newlines = 0;
    const auto columns = ReadHeader(file, p, end, newlines, {{"member", true}, {"unit", true}});
    const std::size_t estimate = static_cast<std::size_t>(std::count(p, end, '\n')) + 1;
    members.ids.reserve(estimate);
    members.unit.reserve(estimate);
    members.index = std::make_unique<IdTable>(estimate);
    std::string_view fields[kMaxFields];
    std::string scratch[kMaxFields];
    const int needed = std::max(columns[0], columns[1]) + 1;
    while (p < end) {
        const std::size_t line = newlines + 1;
        if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {  // blank line
            p += *p == '\n' ? 1 : 2;
            ++newlines;
            continue;
        }
        const int count = SplitRecord(p, end, fields, scratch, newlines);
        if (count < needed) Fail(file, line, "missing fields (字段不足)");
        std::string_view id = fields[columns[0]];
        if (id.empty()) Fail(file, line, "empty member id (党员编号为空)");
        if (id.data() == scratch[std::min(columns[0], kMaxFields - 1)].data()) {
            members.quoted.push_back(std::make_unique<std::string>(id));
            id = *members.quoted.back();
        }
        const pts::UnitIdx unit = units.index.Find(fields[columns[1]]);
        if (unit < 0) Fail(file, line, "unknown unit " + Quoted(fields[columns[1]]) + " (单位不存在)");
        const auto member_idx = static_cast<std::int32_t>(members.ids.size());
        if (members.index->Insert(id, member_idx) >= 0) Fail(file, line, "duplicate member id " + Quoted(id) + " (党员编号重复)");
        members.ids.push_back(id);
        members.unit.push_back(unit);
    }
    return members;
}

// ---- EVENTS.csv: the hot path ---------------------------------------------------------------------

struct EventColumns {
    int event, member, rule, date, status, quantity;
    int needed;
};

struct ChunkResult {
    HugeArray<Points> totals;     // uncapped rules, per member
    HugeArray<Points> capped;     // raw sums, member × capped rule
    std::size_t lines = 0;        // line breaks consumed
    std::optional<InputError> error;
    bool ordered = true;          // event ids strictly increasing within the chunk
    std::string first_event, last_event;
    bool all_integer_quantities = true;
};

// Orders ids by length, then bytes: any strictly increasing sequence has no duplicates, and both
// "e9" < "e10" and zero-padded ids increase in it.
inline bool IdLess(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() < b.size();
    for (std::size_t byte_idx = 0; byte_idx < a.size(); ++byte_idx) {
        if (a[byte_idx] != b[byte_idx]) {
            return static_cast<unsigned char>(a[byte_idx]) < static_cast<unsigned char>(b[byte_idx]);
        }
    }
    return false;
}

struct TallyJob {
    const std::string* file;
    const Rules* rules;
    const Members* members;
    EventColumns columns;
};

void ScanChunk(const TallyJob& job, const exchange::MappedFile& mapped, const char* begin, const char* end,
               std::size_t first_line, ChunkResult& out) {
    const Rules& rules = *job.rules;
    const std::size_t member_count = job.members->ids.size();
    const auto capped_count = static_cast<std::size_t>(rules.capped_count);
    out.totals = HugeArray<Points>(member_count);
    out.capped = HugeArray<Points>(member_count * capped_count);
    const IdTable& member_index = *job.members->index;
    const auto& period = rules.config.period;
    const EventColumns& col = job.columns;
    const char* base = mapped.view().data();
    std::size_t released = static_cast<std::size_t>(begin - base);

    // Records are handled in batches: split and hash a batch and prefetch the member slots; then
    // resolve and validate in file order (so the first bad line is still the one reported) and
    // prefetch each sum; then add. Each stage's cache misses overlap instead of queueing.
    constexpr int kBatch = 32;
    struct Pending {
        std::string_view fields[kMaxFields];
        std::uint64_t hash;
        std::size_t line;
        int count;
        bool quoted;
    };
    Pending batch[kBatch];
    Points* targets[kBatch];
    Points worths[kBatch];
    std::string scratch[kBatch][kMaxFields];
    std::string previous_event;
    std::string_view previous_view;
    bool have_previous = false;
    std::size_t newlines = 0;
    const char* p = begin;
    try {
        while (p < end) {
            int filled = 0;
            while (filled < kBatch && p < end) {
                if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {
                    p += *p == '\n' ? 1 : 2;
                    ++newlines;
                    continue;
                }
                Pending& record = batch[filled];
                record.line = first_line + newlines;
                const char* start = p;
                record.count = SplitRecord(p, end, record.fields, scratch[filled], newlines);
                record.quoted = std::memchr(start, '"', static_cast<std::size_t>(p - start)) != nullptr;
                if (record.count >= col.needed) {
                    record.hash = HashId(record.fields[col.member]);
                    member_index.Prefetch(record.hash);
                }
                ++filled;
            }
            int counted = 0;
            for (int record_idx = 0; record_idx < filled; ++record_idx) {
                const Pending& record = batch[record_idx];
                const std::string& file = *job.file;
                if (record.count < col.needed) Fail(file, record.line, "missing fields (字段不足)");
                const std::string_view event_id = record.fields[col.event];
                if (event_id.empty()) Fail(file, record.line, "empty event id (事件编号为空)");
                if (have_previous && !IdLess(previous_view, event_id)) out.ordered = false;
                if (record.quoted) {
                    previous_event.assign(event_id);
                    previous_view = previous_event;
                } else {
                    previous_view = event_id;
                }
                if (!have_previous) out.first_event.assign(event_id);
                have_previous = true;
                const std::string_view member_id = record.fields[col.member];
                const MemberIdx member = member_index.Find(member_id, record.hash);
                if (member < 0) Fail(file, record.line, "unknown member " + Quoted(member_id) + " (党员不存在)");
                const std::int32_t rule = rules.codes.Find(record.fields[col.rule]);
                if (rule < 0) Fail(file, record.line, "unknown rule " + Quoted(record.fields[col.rule]) + " (积分细则不存在)");
                const auto day = pts::ParseDate(record.fields[col.date]);
                if (!day) Fail(file, record.line, "bad date " + Quoted(record.fields[col.date]) + ", expected YYYY-MM-DD (日期格式错误)");
                const std::string_view status = record.fields[col.status];
                bool approved = false;
                if (status.size() == 8 && std::memcmp(status.data(), "approved", 8) == 0) {
                    approved = true;
                } else if (!(status.size() == 7 && std::memcmp(status.data(), "pending", 7) == 0) &&
                           !(status.size() == 8 && std::memcmp(status.data(), "rejected", 8) == 0)) {
                    Fail(file, record.line, "bad status " + Quoted(status) + ", expected approved, pending or rejected (状态错误)");
                }
                Points quantity = pts::kOnePoint;
                if (col.quantity >= 0 && col.quantity < record.count && !record.fields[col.quantity].empty()) {
                    const auto parsed = pts::ParsePoints(record.fields[col.quantity]);
                    if (!parsed) Fail(file, record.line, "quantity " + Quoted(record.fields[col.quantity]) + " is not a number (数量非数字)");
                    if (*parsed <= 0) Fail(file, record.line, "quantity must be positive (数量须为正)");
                    quantity = *parsed;
                    if (quantity % pts::kOnePoint != 0) out.all_integer_quantities = false;
                }
                if (!approved || (period && !period->Contains(*day))) continue;
                const pts::Rule& rule_def = rules.config.rules[static_cast<std::size_t>(rule)];
                Points* target;
                if (const auto& slot = rules.cap_slot[static_cast<std::size_t>(rule)]) {
                    target = &out.capped[static_cast<std::size_t>(member) * capped_count + static_cast<std::size_t>(*slot)];
                } else {
                    target = &out.totals[static_cast<std::size_t>(member)];
                }
                __builtin_prefetch(target, 1);
                targets[counted] = target;
                worths[counted] = pts::EventWorth(rule_def.points, quantity);
                ++counted;
            }
            for (int add_idx = 0; add_idx < counted; ++add_idx) *targets[add_idx] += worths[add_idx];
            const auto done = static_cast<std::size_t>(p - base);
            if (done - released >= (std::size_t{64} << 20)) {
                mapped.Release(released, done - released);
                released = done;
            }
        }
        if (have_previous) out.last_event.assign(previous_view);
    } catch (InputError& error) {
        out.error = std::move(error);
    }
    out.lines = newlines;
}

// Second pass when the event ids are not in increasing order: finds the first line whose event id
// already appeared, by sorting (hash, offset) pairs.
std::optional<InputError> FindDuplicateEvent(const std::string& file, std::string_view text, const char* begin,
                                             int event_col) {
    struct Entry {
        std::uint64_t hash;
        std::size_t offset;
    };
    std::vector<Entry> entries;
    const char* p = begin;
    const char* end = text.data() + text.size();
    std::string_view fields[kMaxFields];
    std::string scratch[kMaxFields];
    std::size_t newlines = 0;
    while (p < end) {
        const auto offset = static_cast<std::size_t>(p - text.data());
        if (*p == '\n' || *p == '\r') {
            ++p;
            continue;
        }
        SplitRecord(p, end, fields, scratch, newlines);
        entries.push_back({HashId(fields[event_col]), offset});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.offset < b.offset; });
    auto id_at = [&](std::size_t offset, std::string& out) {
        const char* at = text.data() + offset;
        std::size_t ignored = 0;
        SplitRecord(at, end, fields, scratch, ignored);
        out.assign(fields[event_col]);
    };
    std::optional<std::size_t> first_repeat;
    std::string repeated_id, a, b;
    for (std::size_t run = 0; run < entries.size();) {
        std::size_t run_end = run + 1;
        while (run_end < entries.size() && entries[run_end].hash == entries[run].hash) ++run_end;
        for (std::size_t later = run + 1; later < run_end; ++later) {
            id_at(entries[later].offset, b);
            for (std::size_t earlier = run; earlier < later; ++earlier) {
                id_at(entries[earlier].offset, a);
                if (a == b && (!first_repeat || entries[later].offset < *first_repeat)) {
                    first_repeat = entries[later].offset;
                    repeated_id = b;
                }
            }
        }
        run = run_end;
    }
    if (!first_repeat) return std::nullopt;
    return InputError{file, LineAt(text, *first_repeat), "duplicate event id " + Quoted(repeated_id) + " (事件编号重复)"};
}


TallyOutcome TallyEvents(const std::string& file, const Rules& rules, const Members& members) {
    const exchange::MappedFile mapped(file);
    mapped.AdviseSequential();
    const std::string_view text = mapped.view();
    const char* p = SkipBom(text);
    const char* end = text.data() + text.size();
    std::size_t header_lines = 0;
    const auto cols = ReadHeader(file, p, end, header_lines,
                                 {{"event", true}, {"member", true}, {"rule", true}, {"date", true}, {"status", true},
                                  {"quantity", false}});
    EventColumns columns{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], 0};
    for (int col : cols) {
        if (col >= kMaxFields) Fail(file, 1, "too many columns before the needed ones");
        columns.needed = std::max(columns.needed, col + 1);
    }
    // One chunk per core, up to 4, and fewer when the per-thread accumulators would be large.
    const std::size_t member_count = members.ids.size();
    const std::size_t per_thread_bytes = member_count * (1 + static_cast<std::size_t>(rules.capped_count)) * 8;
    std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    while (threads > 1 && per_thread_bytes * threads > (std::size_t{3} << 30)) --threads;
    const auto body = static_cast<std::size_t>(end - p);
    if (body < (std::size_t{4} << 20)) threads = 1;
    std::vector<const char*> bounds{p};
    for (std::size_t chunk = 1; chunk < threads; ++chunk) {
        const char* cut = p + body * chunk / threads;
        cut = std::max(cut, bounds.back());
        const void* newline = std::memchr(cut, '\n', static_cast<std::size_t>(end - cut));
        bounds.push_back(newline != nullptr ? static_cast<const char*>(newline) + 1 : end);
    }
    bounds.push_back(end);
    std::vector<ChunkResult> results(threads);
    const TallyJob job{&file, &rules, &members, columns};
    {
        std::vector<std::thread> workers;
        for (std::size_t chunk = 1; chunk < threads; ++chunk) {
            workers.emplace_back([&, chunk] { ScanChunk(job, mapped, bounds[chunk], bounds[chunk + 1], 0, results[chunk]); });
        }
        ScanChunk(job, mapped, bounds[0], bounds[1], 1 + header_lines, results[0]);
        for (auto& worker : workers) worker.join();
    }
    // Chunks after the first count lines from 0; shift them once the earlier chunks are known.
    std::size_t line_offset = 1 + header_lines;
    bool ordered = true;
    for (std::size_t chunk = 0; chunk < threads; ++chunk) {
        ChunkResult& result = results[chunk];
        if (result.error) {
            if (chunk > 0) result.error->line += line_offset;
            throw *result.error;
        }
        line_offset += result.lines;
        ordered = ordered && result.ordered;
        if (chunk > 0 && !results[chunk - 1].last_event.empty() && !result.first_event.empty() &&
            !IdLess(results[chunk - 1].last_event, result.first_event)) {
            ordered = false;
        }
    }
    if (!ordered) {
        if (auto duplicate = FindDuplicateEvent(file, text, p, columns.event)) throw *duplicate;
    }
    // Merge the chunks: uncapped sums add up; capped raw sums add up, then clip per rule.
    TallyOutcome outcome;
    outcome.totals.assign(member_count, 0);
    std::vector<std::optional<Points>> caps;
    for (const auto& rule : rules.config.rules) {
        if (rule.cap) caps.push_back(rule.cap);
    }
    const auto capped_count = static_cast<std::size_t>(rules.capped_count);
    auto merge = [&](std::size_t from, std::size_t to) {
        for (std::size_t member = from; member < to; ++member) {
            Points total = 0;
            for (const auto& result : results) total += result.totals[member];
            for (std::size_t slot = 0; slot < capped_count; ++slot) {
                Points raw = 0;
                for (const auto& result : results) raw += result.capped[member * capped_count + slot];
                total += pts::ClipToCap(raw, caps[slot]);
            }
            outcome.totals[member] = total;
        }
    };
    if (threads > 1) {
        std::thread helper(merge, member_count / 2, member_count);
        merge(0, member_count / 2);
        helper.join();
    } else {
        merge(0, member_count);
    }
    for (const auto& result : results) outcome.integer_quantities = outcome.integer_quantities && result.all_integer_quantities;
    return outcome;
}

}  // namespace lingyan::exchange::points
