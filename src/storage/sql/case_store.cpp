#include "storage/sql/case_store.hpp"

#include <map>
#include <string>

#include "storage/db/list_column.hpp"
#include "storage/db/read_row.hpp"

namespace lingyan::storage {

namespace cases = core::cases;
namespace ports = core::ports;
using core::roster::Id;

namespace {

constexpr const char* kCaseColumns =
    "c.id, c.title, c.source, c.published, c.url, c.body, c.owner_unit_id, c.created_by, c.created_at";
constexpr const char* kInsertCase =
    "INSERT INTO cases (title, source, published, year, url, body, owner_unit_id, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateTitle = "UPDATE cases SET title = ? WHERE id = ?";
constexpr const char* kDeleteCase = "DELETE FROM cases WHERE id = ?";
constexpr const char* kSelectCase = " FROM cases c WHERE c.id = ?";
constexpr const char* kDeleteLinks = "DELETE FROM case_units WHERE case_id = ?";
constexpr const char* kInsertLink = "INSERT INTO case_units (case_id, unit_id) VALUES (?, ?)";
constexpr const char* kSelectLinks = "SELECT unit_id FROM case_units WHERE case_id = ? ORDER BY unit_id";
constexpr const char* kSelectYears = "SELECT DISTINCT year FROM cases WHERE year > 0 ORDER BY year DESC";
// The index: an FTS5 table on SQLite …
constexpr const char* kFtsDelete = "DELETE FROM case_search WHERE rowid = ?";
constexpr const char* kFtsInsert = "INSERT INTO case_search (rowid, title, body) VALUES (?, ?, ?)";
// (bm25 may not stand beside the page's window count: it is taken in a subquery, closed by kFtsEnd.)
constexpr const char* kFtsFrom =
    " FROM (SELECT c.*, bm25(case_search, 8.0, 1.0) AS score FROM case_search JOIN cases c ON c.id = "
    "case_search.rowid WHERE case_search MATCH ?";
constexpr const char* kFtsEnd = ") c";
constexpr const char* kFtsOrder = " ORDER BY c.score, c.published DESC, c.id DESC";
// … a weighted tsvector (title A, text D) on PostgreSQL.
constexpr const char* kPgIndex = "UPDATE cases SET search = CAST(? AS tsvector) WHERE id = ?";
constexpr const char* kPgFrom = " FROM cases c WHERE c.search @@ CAST(? AS tsquery)";
constexpr const char* kPgOrder = " ORDER BY ts_rank(c.search, CAST(? AS tsquery)) DESC, c.published DESC, c.id DESC";
// Without search words: the newest publications first.
constexpr const char* kPlainFrom = " FROM cases c WHERE 1 = 1";
constexpr const char* kPlainOrder = " ORDER BY c.published DESC, c.id DESC";
// Each word stands in the title or the text as typed (the index finds the candidates; this keeps
// the two backends to one rule, punctuation included).
constexpr const char* kSqliteHasWord = " AND instr(lower(c.title || char(10) || c.body), ?) > 0";
constexpr const char* kPgHasWord = " AND strpos(lower(c.title || chr(10) || c.body), ?) > 0";
constexpr const char* kYearFilter = " AND c.year = ?";
constexpr const char* kSqliteUnitFilter =
    " AND c.id IN (SELECT case_id FROM case_units WHERE unit_id IN (SELECT value FROM json_each(?)))";
constexpr const char* kPgUnitFilter =
    " AND c.id IN (SELECT case_id FROM case_units WHERE unit_id = ANY (CAST(? AS BIGINT[])))";
constexpr const char* kPage = " LIMIT ? OFFSET ?";
constexpr const char* kTotalColumn = ", COUNT(*) OVER ()";

// PostgreSQL keeps word positions up to 16383 and at most 256 positions a word.
constexpr int kPgMaxPosition = 16383;
constexpr std::size_t kPgMaxPositions = 255;

std::string Joined(const std::vector<std::string>& tokens) { return JoinColumn(tokens, ' '); }

std::string Body(const cases::CaseArticle& a) { return JoinColumn(a.paragraphs, '\n'); }

std::string Quoted(const std::string& token) {
    std::string out = "'";
    for (char c : token) {
        if (c == '\'' || c == '\\')
            out += c == '\'' ? "''" : "\\\\";
        else
            out += c;
    }
    return out + "'";
}

// The tsvector literal of title and text: "'跟岗':1A,9 '岗培':2A …". The text starts two
// positions after the title, so that no phrase runs from one into the other.
std::string TsVector(const std::vector<std::string>& title, const std::vector<std::string>& body) {
    std::map<std::string, std::vector<std::string>> positions;
    int pos = 0;
    auto add = [&](const std::vector<std::string>& tokens, const char* weight) {
        for (const auto& t : tokens) {
            pos = std::min(pos + 1, kPgMaxPosition);
            auto& list = positions[t];
            if (list.size() < kPgMaxPositions) list.push_back(std::to_string(pos) + weight);
        }
    };
    add(title, "A");
    ++pos;
    add(body, "");
    std::string out;
    for (const auto& [token, list] : positions) {
        if (!out.empty()) out += ' ';
        out += Quoted(token) + ":" + JoinColumn(list, ',');
    }
    return out;
}

// A search word as FTS5 sees it: its tokens as one phrase, "村" * for an open end.
std::string FtsQuery(const std::vector<cases::SearchWord>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += " AND ";
        out += "\"" + Joined(w.tokens) + "\"" + (w.prefix_last ? " *" : "");
    }
    return out;
}

// … and as a tsquery: every token of every word, '村':* for an open end. Not a phrase (<->):
// PostgreSQL keeps no position past 16,383, so a phrase late in a long article would not match;
// the order is checked by the text filter instead (kPgHasWord).
std::string TsQuery(const std::vector<cases::SearchWord>& words) {
    std::string out;
    for (const auto& w : words) {
        for (std::size_t i = 0; i < w.tokens.size(); ++i) {
            if (!out.empty()) out += " & ";
            out += Quoted(w.tokens[i]);
            if (i + 1 == w.tokens.size() && w.prefix_last) out += ":*";
        }
    }
    return out;
}

cases::CaseArticle CaseFrom(const SqlRow& r) {
    cases::CaseArticle a;
    std::string body;
    ReadRow(r, a.id, a.title, a.source, a.published, a.url, body, a.owner_unit_id, a.created_by, a.created_at);
    a.paragraphs = SplitColumn(body, '\n');
    return a;
}

}  // namespace

Id SqlCaseStore::InsertCase(const cases::CaseArticle& a) {
    const Id id =
        ReturnedId(db_.Query(kInsertCase, {a.title, a.source, a.published, std::int64_t{cases::YearOf(a.published)},
                                           a.url, Body(a), a.owner_unit_id, a.created_by, a.created_at}));
    cases::CaseArticle stored = a;
    stored.id = id;
    WriteIndex(stored, false);
    WriteLinks(id, a.units);
    return id;
}

void SqlCaseStore::UpdateCase(const cases::CaseArticle& a) {
    db_.Query(kUpdateTitle, {a.title, a.id});
    WriteIndex(a, true);
    db_.Query(kDeleteLinks, {a.id});
    WriteLinks(a.id, a.units);
}

void SqlCaseStore::DeleteCase(Id id) {
    db_.Query(kDeleteLinks, {id});
    if (db_.dialect() == Dialect::kSqlite) db_.Query(kFtsDelete, {id});
    db_.Query(kDeleteCase, {id});
}

std::optional<cases::CaseArticle> SqlCaseStore::FindCase(Id id) {
    auto rows = db_.Query(std::string("SELECT ") + kCaseColumns + kSelectCase, {id});
    if (rows.empty()) return std::nullopt;
    auto a = CaseFrom(rows[0]);
    a.units = Links(id);
    return a;
}

ports::CaseHits SqlCaseStore::SearchCases(const ports::CaseSearch& s) {
    const bool sqlite = db_.dialect() == Dialect::kSqlite;
    std::string from, order;
    std::vector<SqlValue> params;
    if (s.words.empty()) {
        from = kPlainFrom;
        order = kPlainOrder;
    } else {
        from = sqlite ? kFtsFrom : kPgFrom;
        order = sqlite ? kFtsOrder : kPgOrder;
        params.emplace_back(sqlite ? FtsQuery(s.words) : TsQuery(s.words));
        for (const auto& w : s.words) {
            // Where the index answers exactly, the text is not read: a word of one run is a phrase
            // of its tokens on SQLite, and one token on PostgreSQL too.
            if (w.one_run && (sqlite || w.tokens.size() == 1)) continue;
            from += sqlite ? kSqliteHasWord : kPgHasWord;
            params.emplace_back(w.text);
        }
    }
    if (s.year != 0) {
        from += kYearFilter;
        params.emplace_back(std::int64_t{s.year});
    }
    if (s.filter_units) {
        from += sqlite ? kSqliteUnitFilter : kPgUnitFilter;
        const std::string ids = JoinNumbers(s.units);
        params.emplace_back(sqlite ? "[" + ids + "]" : "{" + ids + "}");
    }
    if (sqlite && !s.words.empty()) from += kFtsEnd;
    const auto count_params = params;
    if (!sqlite && !s.words.empty()) params.emplace_back(TsQuery(s.words));  // for ts_rank
    params.emplace_back(std::int64_t{s.limit});
    params.emplace_back(std::int64_t{s.offset});
    // The page and, beside each row, how many match in all (one pass over the matches).
    ports::CaseHits hits;
    for (const auto& r :
         db_.Query(std::string("SELECT ") + kCaseColumns + kTotalColumn + from + order + kPage, params)) {
        auto a = CaseFrom(r);
        a.units = Links(a.id);
        hits.total = AsInt(r.back());
        hits.items.push_back(std::move(a));
    }
    if (hits.items.empty() && s.offset > 0)
        hits.total = AsInt(db_.Query("SELECT COUNT(*)" + from, count_params).at(0)[0]);
    return hits;
}

std::vector<int> SqlCaseStore::CaseYears() {
    std::vector<int> out;
    for (const auto& r : db_.Query(kSelectYears)) out.push_back(static_cast<int>(AsInt(r[0])));
    return out;
}

void SqlCaseStore::WriteIndex(const cases::CaseArticle& a, bool replace) {
    const auto title = cases::IndexTokens(a.title);
    const auto body = cases::IndexTokens(Body(a));
    if (db_.dialect() == Dialect::kSqlite) {
        if (replace) db_.Query(kFtsDelete, {a.id});
        db_.Query(kFtsInsert, {a.id, Joined(title), Joined(body)});
    } else {
        db_.Query(kPgIndex, {TsVector(title, body), a.id});
    }
}

void SqlCaseStore::WriteLinks(Id id, const std::vector<Id>& units) {
    for (Id unit : units) db_.Query(kInsertLink, {id, unit});
}

std::vector<Id> SqlCaseStore::Links(Id id) {
    std::vector<Id> out;
    for (const auto& r : db_.Query(kSelectLinks, {id})) out.push_back(AsInt(r[0]));
    return out;
}

}  // namespace lingyan::storage
