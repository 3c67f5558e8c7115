#pragma once
// SqlCaseStore: core::ports::CaseStore over an SqlDb, as a ModuleStore (storage/db/module_store.hpp:
// the SqlStore's connection and transaction). The full-text index is the one thing the two
// dialects keep differently: an FTS5 table `case_search` on SQLite, a weighted `tsvector` column
// with a GIN index on PostgreSQL; both hold core::cases::IndexTokens of the title and the text. The
// index finds the articles that hold a word's tokens; a word then matches where the title or the
// text contains it as typed (ASCII letters in either case) — one rule on both backends.

#include "core/ports/case_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlCaseStore final : public core::ports::CaseStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;
    core::roster::Id InsertCase(const core::cases::CaseArticle& article) override;
    void UpdateCase(const core::cases::CaseArticle& article) override;
    void DeleteCase(core::roster::Id id) override;
    std::optional<core::cases::CaseArticle> FindCase(core::roster::Id id) override;
    core::ports::CaseHits SearchCases(const core::ports::CaseSearch& search) override;
    std::vector<int> CaseYears() override;

private:
    void WriteIndex(const core::cases::CaseArticle& article, bool replace);
    void WriteLinks(core::roster::Id id, const std::vector<core::roster::Id>& units);
    std::vector<core::roster::Id> Links(core::roster::Id id);
};

}  // namespace lingyan::storage
