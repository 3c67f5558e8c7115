#pragma once
// The storage port of the case library (经验案例库): articles, the units they are linked to, and
// the Chinese full-text index over their title and text (core/cases/search_text: the same tokens
// on SQLite's FTS5 and PostgreSQL's tsvector). Implemented by storage/sql/case_store over the same
// connection as Store, so writes join the transaction opened with Store::Begin(). Throws
// storage::StoreError when the database fails. Used by one thread at a time (the app layer
// serializes access with the store mutex).

#include <cstdint>
#include <optional>
#include <vector>

#include "core/cases/case.hpp"
#include "core/cases/search_text.hpp"

namespace lingyan::core::ports {

struct CaseSearch {
    std::vector<cases::SearchWord> words;  // each must stand in the title or the text as typed; none: every case
    int year = 0;                          // 0: any
    bool filter_units = false;             // true: only cases linked to one of `units`
    std::vector<roster::Id> units;
    int limit = 20;
    int offset = 0;
};

// One page of cases — the best matches first with words, else the newest published first — and
// how many match in all. `paragraphs` hold the whole text; `units` the links.
struct CaseHits {
    std::vector<cases::CaseArticle> items;
    std::int64_t total = 0;
};

class CaseStore {
public:
    virtual ~CaseStore() = default;
    virtual roster::Id InsertCase(const cases::CaseArticle& article) = 0;  // article.id ignored
    // Writes the title and the links of an existing case (and its index entry).
    virtual void UpdateCase(const cases::CaseArticle& article) = 0;
    virtual void DeleteCase(roster::Id id) = 0;
    virtual std::optional<cases::CaseArticle> FindCase(roster::Id id) = 0;
    virtual CaseHits SearchCases(const CaseSearch& search) = 0;
    virtual std::vector<int> CaseYears() = 0;  // the publication years that have cases, newest first
};

}  // namespace lingyan::core::ports
