#pragma once
// CaseService: the case library (经验案例库, 他山之石; SPEC module 9). An officer pastes or uploads
// an article read elsewhere — a reprint with its site's menus, adverts, traditional characters and
// pinyin — and gets back what the library will keep: the article's title, source, date and
// paragraphs, the lines dropped as site chrome, the dates and numbers it states, and the units of
// the region tree it names (to link it to). Everyone who reads can search the library in Chinese.
//
// Roles and scope: officers and secretaries read and search every case (a library of experience
// is shared across the deployment); the units a case is linked to are shown only where they lie in
// the reader's scope. Officers (admin, county, town) import; a case belongs to its importer's scope
// unit, and only officers whose scope holds that unit (and admins) edit or delete it. Linked units
// must lie in the editor's scope; links outside it that others made are kept on an edit. Every
// create, edit and delete writes one audit entry.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <optional>
#include <string>
#include <vector>

#include "app/common/use_case_base.hpp"
#include "core/cases/article.hpp"
#include "core/cases/case.hpp"
#include "core/cases/facts.hpp"
#include "core/cases/search_text.hpp"
#include "core/ports/case_store.hpp"
#include "core/ports/chinese_script.hpp"

namespace lingyan::app {

struct CaseUnit {
    Id id = 0;
    std::string name;
};

// What an import would keep, before it is saved.
struct CasePreview {
    core::cases::CleanedArticle article;
    bool converted = false;          // traditional characters were made simplified
    std::size_t pinyin_removed = 0;  // pinyin annotations taken out
    core::cases::ArticleFacts facts;
    std::vector<CaseUnit> units;  // the units in the caller's scope that the article names
};

struct CaseInput {
    std::string text;
    std::string url;
    std::string title;  // "" keeps the title found in the text
    std::vector<Id> units;
};

struct CaseChange {
    std::optional<std::string> title;
    std::optional<std::vector<Id>> units;
};

struct CaseView {
    core::cases::CaseArticle article;
    std::vector<CaseUnit> units;  // the linked units in the reader's scope
    core::cases::ArticleFacts facts;
    bool can_edit = false;
};

struct CaseQuery {
    std::string q;  // search words, blank-separated; "" lists the newest
    Id unit = 0;    // linked to this unit or one under it; 0: any
    int year = 0;   // published in; 0: any
    int page = 1;
    int size = 20;
};

struct CaseListItem {
    core::cases::CaseArticle article;  // without its paragraphs
    std::vector<CaseUnit> units;
    std::vector<core::cases::SnippetPart> snippet;
};

struct CasePage {
    std::vector<CaseListItem> items;
    std::int64_t total = 0;
    int page = 1;
    int size = 20;
};

inline constexpr int kMaxCasePageSize = 50;

class CaseService : UseCaseBase {
public:
    CaseService(core::ports::Store& store, core::ports::CaseStore& cases, core::ports::StoreMutex& store_mutex,
                const core::ports::Clock& clock, const RosterService& roster, const core::ports::ChineseScript& script);

    Result<CasePreview> Preview(const Actor& actor, const std::string& text, const std::string& url);
    Result<CaseView> Create(const Actor& actor, const CaseInput& input);
    Result<CasePage> Search(const Actor& actor, const CaseQuery& query);
    Result<std::vector<int>> Years(const Actor& actor);
    Result<CaseView> Get(const Actor& actor, Id id);
    Result<CaseView> Update(const Actor& actor, Id id, const CaseChange& change);
    Status Delete(const Actor& actor, Id id);

    // Who may call which: the handlers refuse a role before they read the request's body.
    static bool MayRead(const Actor& actor);
    static bool MayImport(const Actor& actor);

private:
    // Checks and cleans the text of an import (fields `text`, `url`): the article, whether it was
    // converted, the pinyin removed (Preview adds the facts and the units it names).
    Result<CasePreview> Clean(const std::string& text, const std::string& url);
    // The linked units, each in the caller's scope (field `units`), without repeats, ascending.
    Result<std::vector<Id>> ScopedUnits(const Actor& actor, const std::vector<Id>& units) const;
    bool MayEdit(const Actor& actor, const core::cases::CaseArticle& article) const;
    CaseView ViewOf(const Actor& actor, core::cases::CaseArticle article) const;
    std::vector<CaseUnit> UnitsInScope(const Actor& actor, const std::vector<Id>& ids) const;

    core::ports::CaseStore& cases_;
    const core::ports::ChineseScript& script_;
};

}  // namespace lingyan::app
