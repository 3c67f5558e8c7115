#include "app/cases/case_service.hpp"

#include <algorithm>
#include <mutex>

#include "app/roster/roster_service.hpp"
#include "core/text/cell_text.hpp"
#include "core/text/pinyin.hpp"

namespace lingyan::app {

namespace cases = core::cases;
namespace ports = core::ports;

namespace {

constexpr const char* kCase = "案例";
constexpr std::size_t kSnippetChars = 120;

std::string IdsJson(const std::vector<Id>& ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
    return out + "]";
}

std::string Joined(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

// A title as typed, width folded like the article's text (so that search finds its words alike).
Result<std::string> CheckedTitle(const std::string& title) {
    if (!core::text::IsValidUtf8(title)) return Invalid("标题不是有效的 UTF-8 文本", "title");
    std::string t = core::text::NormalizeCell(title);
    if (core::text::Utf8Length(t) > cases::kMaxTitleChars)
        return Invalid("标题不能超过 " + std::to_string(cases::kMaxTitleChars) + " 个字", "title");
    return t;
}

}  // namespace

CaseService::CaseService(ports::Store& store, ports::CaseStore& cases, ports::StoreMutex& store_mutex,
                         const ports::Clock& clock, const RosterService& roster, const ports::ChineseScript& script)
    : UseCaseBase(store, store_mutex, clock, roster), cases_(cases), script_(script) {}

bool CaseService::MayRead(const Actor& actor) { return IsManager(actor.role) || actor.role == Role::kSecretary; }
bool CaseService::MayImport(const Actor& actor) { return IsManager(actor.role); }

bool CaseService::MayEdit(const Actor& actor, const cases::CaseArticle& article) const {
    if (!IsManager(actor.role)) return false;
    if (actor.role == Role::kAdmin) return true;
    return article.owner_unit_id != 0 && InScope(actor, article.owner_unit_id);
}

std::vector<CaseUnit> CaseService::UnitsInScope(const Actor& actor, const std::vector<Id>& ids) const {
    std::vector<CaseUnit> out;
    roster_.WithIndex([&](const RosterIndex& index) {
        for (Id id : ids)
            if (core::auth::InScope(index.tree(), actor, id)) out.push_back({id, index.tree().NameOf(id)});
    });
    return out;
}

Result<std::vector<Id>> CaseService::ScopedUnits(const Actor& actor, const std::vector<Id>& units) const {
    if (units.size() > cases::kMaxLinkedUnits)
        return Invalid("关联单位最多 " + std::to_string(cases::kMaxLinkedUnits) + " 个", "units");
    std::vector<Id> out;
    for (Id id : units) {
        if (!InScope(actor, id)) return Invalid("单位 " + std::to_string(id) + " 不存在或不在您的管辖范围内", "units");
        out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<CasePreview> CaseService::Clean(const std::string& text, const std::string& url) {
    if (text.size() > cases::kMaxTextBytes)
        return Invalid("文章不能超过 " + std::to_string(cases::kMaxTextBytes) + " 字节（约 10 万字）", "text");
    if (!core::text::IsValidUtf8(text)) return Invalid("文章不是有效的 UTF-8 文本", "text");
    if (core::text::TrimBlank(text).empty()) return Invalid("请粘贴或选择文章的正文", "text");
    if (url.size() > cases::kMaxUrlBytes) return Invalid("原文链接过长", "url");
    if (!url.empty() && !url.starts_with("http://") && !url.starts_with("https://"))
        return Invalid("原文链接应以 http:// 或 https:// 开头", "url");

    CasePreview p;
    const std::string plain = core::text::StripPinyinAnnotations(text, &p.pinyin_removed);
    const std::string simplified = script_.ToSimplified(plain);
    p.converted = simplified != plain;
    p.article = cases::CleanArticle(simplified);
    if (p.article.paragraphs.empty()) return Invalid("没有找到正文：全文都被识别为网页栏目、广告或页脚", "text");
    return p;
}

Result<CasePreview> CaseService::Preview(const Actor& actor, const std::string& text, const std::string& url) {
    if (!MayImport(actor)) return RoleForbidden();
    auto p = Clean(text, url);
    if (!p) return p;
    p->facts = cases::ExtractFacts(p->article.paragraphs);
    const std::string whole = p->article.title + "\n" + Joined(p->article.paragraphs);
    roster_.WithIndex([&](const RosterIndex& index) {
        const auto& tree = index.tree();
        std::vector<cases::NamedUnit> named;
        if (actor.scope_unit_id == 0) {
            for (const auto& u : tree.units()) named.push_back({u.id, u.name});
        } else {
            for (Id id : tree.Subtree(actor.scope_unit_id)) named.push_back({id, tree.NameOf(id)});
        }
        for (Id id : cases::MentionedUnits(whole, named, cases::kMaxSuggestedUnits))
            p->units.push_back({id, tree.NameOf(id)});
    });
    return p;
}

Result<CaseView> CaseService::Create(const Actor& actor, const CaseInput& input) {
    if (!MayImport(actor)) return RoleForbidden();
    auto title = CheckedTitle(input.title);
    if (!title) return title.error();
    auto units = ScopedUnits(actor, input.units);
    if (!units) return units.error();
    auto cleaned = Clean(input.text, input.url);
    if (!cleaned) return cleaned.error();

    cases::CaseArticle a;
    a.title = title->empty() ? cleaned->article.title : *title;
    a.source = cleaned->article.source;
    a.published = cleaned->article.published ? core::FormatIsoDate(*cleaned->article.published) : "";
    a.url = input.url;
    a.paragraphs = std::move(cleaned->article.paragraphs);
    a.owner_unit_id = actor.scope_unit_id;
    a.created_by = actor.username;
    a.created_at = clock_.NowIso();
    a.units = std::move(*units);
    {
        std::lock_guard lock(store_mutex_);
        auto tx = store_.Begin();
        a.id = cases_.InsertCase(a);
        Audit(actor, "create", "case", a.id,
              "{\"title\":" + JsonQuote(a.title) + ",\"source\":" + JsonQuote(a.source) +
                  ",\"published\":" + JsonQuote(a.published) + ",\"units\":" + IdsJson(a.units) + "}");
        tx->Commit();
    }
    return ViewOf(actor, std::move(a));
}

Result<CasePage> CaseService::Search(const Actor& actor, const CaseQuery& query) {
    if (!MayRead(actor)) return RoleForbidden();
    auto words = cases::ParseSearchQuery(query.q);
    if (!words) return words.error();
    if (query.page < 1) return Invalid("页码应为正整数", "page");
    if (query.size < 1 || query.size > kMaxCasePageSize)
        return Invalid("每页条数应在 1 到 " + std::to_string(kMaxCasePageSize) + " 之间", "size");
    if (query.year != 0 && (query.year < 1900 || query.year > 2100))
        return Invalid("年份应在 1900 到 2100 之间", "year");
    ports::CaseSearch search;
    search.words = *words;
    search.year = query.year;
    if (query.unit != 0) {
        if (!InScope(actor, query.unit)) return NotFound("单位", "unit");
        search.filter_units = true;
        roster_.WithIndex([&](const RosterIndex& index) { search.units = index.tree().Subtree(query.unit); });
    }
    search.limit = query.size;
    search.offset = (query.page - 1) * query.size;
    ports::CaseHits hits;
    {
        ReadLock lock(store_mutex_);
        hits = cases_.SearchCases(search);
    }
    CasePage page;
    page.total = hits.total;
    page.page = query.page;
    page.size = query.size;
    for (auto& a : hits.items) {
        CaseListItem item;
        item.snippet = cases::Snippet(Joined(a.paragraphs), search.words, kSnippetChars);
        item.units = UnitsInScope(actor, a.units);
        a.paragraphs.clear();
        item.article = std::move(a);
        page.items.push_back(std::move(item));
    }
    return page;
}

Result<std::vector<int>> CaseService::Years(const Actor& actor) {
    if (!MayRead(actor)) return RoleForbidden();
    ReadLock lock(store_mutex_);
    return cases_.CaseYears();
}

Result<CaseView> CaseService::Get(const Actor& actor, Id id) {
    if (!MayRead(actor)) return RoleForbidden();
    std::optional<cases::CaseArticle> a;
    {
        ReadLock lock(store_mutex_);
        a = cases_.FindCase(id);
    }
    if (!a) return NotFound(kCase);
    return ViewOf(actor, std::move(*a));
}

Result<CaseView> CaseService::Update(const Actor& actor, Id id, const CaseChange& change) {
    if (!MayImport(actor)) return RoleForbidden();
    std::optional<std::string> title;
    if (change.title) {
        auto t = CheckedTitle(*change.title);
        if (!t) return t.error();
        if (t->empty()) return Invalid("标题不能为空", "title");
        title = *t;
    }
    std::optional<std::vector<Id>> units;
    if (change.units) {
        auto u = ScopedUnits(actor, *change.units);
        if (!u) return u.error();
        units = std::move(*u);
    }
    cases::CaseArticle a;
    {
        std::lock_guard lock(store_mutex_);
        auto found = cases_.FindCase(id);
        if (!found) return NotFound(kCase);
        if (!MayEdit(actor, *found)) return Forbidden("只有导入该案例的单位及其上级单位可以修改它");
        a = std::move(*found);
        const std::string before = "{\"title\":" + JsonQuote(a.title) + ",\"units\":" + IdsJson(a.units) + "}";
        if (title) a.title = *title;
        if (units) {
            // Links outside the editor's scope, made by others, stay.
            std::vector<Id> kept = *units;
            for (Id u : a.units)
                if (!InScope(actor, u)) kept.push_back(u);
            std::sort(kept.begin(), kept.end());
            kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
            a.units = std::move(kept);
        }
        auto tx = store_.Begin();
        cases_.UpdateCase(a);
        Audit(actor, "update", "case", id,
              "{\"before\":" + before + ",\"after\":{\"title\":" + JsonQuote(a.title) +
                  ",\"units\":" + IdsJson(a.units) + "}}");
        tx->Commit();
    }
    return ViewOf(actor, std::move(a));
}

Status CaseService::Delete(const Actor& actor, Id id) {
    if (!MayImport(actor)) return RoleForbidden();
    std::lock_guard lock(store_mutex_);
    auto found = cases_.FindCase(id);
    if (!found) return NotFound(kCase);
    if (!MayEdit(actor, *found)) return Forbidden("只有导入该案例的单位及其上级单位可以删除它");
    auto tx = store_.Begin();
    cases_.DeleteCase(id);
    Audit(actor, "delete", "case", id,
          "{\"title\":" + JsonQuote(found->title) + ",\"units\":" + IdsJson(found->units) + "}");
    tx->Commit();
    return core::Ok();
}

CaseView CaseService::ViewOf(const Actor& actor, cases::CaseArticle article) const {
    CaseView v;
    v.units = UnitsInScope(actor, article.units);
    v.facts = cases::ExtractFacts(article.paragraphs);
    v.can_edit = MayEdit(actor, article);
    v.article = std::move(article);
    return v;
}

}  // namespace lingyan::app
