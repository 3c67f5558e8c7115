#include "core/cases/article.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <regex>

#include "core/text/cell_text.hpp"
#include "core/text/utf8.hpp"

namespace lingyan::core::cases {

namespace {

using text::TrimBlank;
using text::Utf8Length;

constexpr std::size_t kTitleMaxChars = 64;
constexpr std::size_t kMetaMaxChars = 120;

bool Contains(std::string_view line, std::string_view what) { return line.find(what) != std::string_view::npos; }
bool StartsWith(std::string_view line, std::string_view what) { return line.substr(0, what.size()) == what; }

template <std::size_t N>
bool ContainsAny(std::string_view line, const std::array<std::string_view, N>& words) {
    for (auto w : words)
        if (Contains(line, w)) return true;
    return false;
}

// Site chrome found inside a line: it is dropped wherever it stands.
constexpr std::array<std::string_view, 17> kChromeWords = {
    "当前位置", "欢迎访问",   "站内搜索", "分享到",   "分享给朋友", "点击率",   "阅读次数", "发新话题", "回复该主题",
    "扫一扫",   "扫描二维码", "本文链接", "打印本页", "关闭窗口",   "【打印】", "【关闭】", "返回顶部"};
// Whole lines that are buttons or labels.
constexpr std::array<std::string_view, 14> kChromeLines = {"关闭", "注册", "登录",      "TOP",    "打印",
                                                           "收藏", "分享", "分享 转发", "上一页", "下一页",
                                                           "返回", "字号", "评论",      "点赞"};
// Where the article ends and the site's footer or lists of other articles begin.
constexpr std::array<std::string_view, 16> kTailStarts = {
    "相关文章", "相关阅读", "相关新闻", "相关推荐", "推荐阅读", "热门文章", "热点推荐", "上一篇",
    "下一篇",   "文章点评", "最新评论", "网友评论", "责任编辑", "主办单位", "内容来源", "Copyright"};
constexpr std::array<std::string_view, 6> kTailWords = {"网站地图", "版权所有", "ICP备", "ICP证", "公网安备", "©"};
// Words of the spam that hacked sites carry; a line with two of them is spam.
constexpr std::array<std::string_view, 12> kSpamWords = {"国产", "无码", "一区二区", "在线观看", "久久", "成人",
                                                         "色情", "博彩", "赌场",     "娱乐城",   "彩票", "露脸"};

bool IsCounter(std::string_view line) {
    // "0", "+1", "1#", "12 #": numbers and signs only.
    for (char c : line)
        if (!(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '#' && c != ' ') return false;
    return true;
}

bool IsSpam(std::string_view line) {
    int hits = 0;
    for (auto w : kSpamWords) hits += Contains(line, w) ? 1 : 0;
    if (hits >= 2) return true;
    // An advert: a phone or WeChat number with a call to add it.
    static const std::regex kPhone("[0-9]{7,}|[0-9]{3} [0-9]{4}");
    if ((Contains(line, "微信") || Contains(line, "手机") || Contains(line, "电话")) &&
        std::regex_search(std::string(line), kPhone))
        return true;
    return false;
}

bool IsChrome(std::string_view line) {
    if (IsCounter(line)) return true;
    for (auto l : kChromeLines)
        if (line == l) return true;
    if (ContainsAny(line, kChromeWords)) return true;
    if (Contains(line, "首页 >") || Contains(line, "首页>") || Contains(line, "首页 ＞")) return true;
    if (Contains(line, "http://") || Contains(line, "https://") || Contains(line, "www.")) return true;
    static const std::regex kAgo("[0-9]+(个月|天|小时|分钟)前");
    return std::regex_search(std::string(line), kAgo) && Utf8Length(line) <= kTitleMaxChars;
}

bool IsTail(std::string_view line) {
    for (auto w : kTailStarts)
        if (StartsWith(line, w)) return true;
    return ContainsAny(line, kTailWords);
}

const std::regex& ArticleDateRegex() {
    static const std::regex r(
        "([0-9]{4})\\s*年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日|([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
    return r;
}

std::optional<CivilDate> FirstDate(const std::string& line) {
    std::smatch m;
    if (!std::regex_search(line, m, ArticleDateRegex())) return std::nullopt;
    const int base = m[1].matched ? 1 : 4;
    CivilDate d{std::stoi(m[base].str()), std::stoi(m[base + 1].str()), std::stoi(m[base + 2].str())};
    if (!IsValidDate(d)) return std::nullopt;
    return d;
}

// Source after 来源: up to a wide gap or the next label.
std::string SourceIn(std::string_view line) {
    for (std::string_view label : {"来源:", "来源 :"}) {
        const auto at = line.find(label);
        if (at == std::string_view::npos) continue;
        std::string_view rest = TrimBlank(line.substr(at + label.size()));
        for (std::string_view stop : {"  ", "\t", " 作者", " 点击", " 发布", " 编辑", " 浏览"}) {
            const auto end = rest.find(stop);
            if (end != std::string_view::npos) rest = rest.substr(0, end);
        }
        return std::string(TrimBlank(rest));
    }
    return {};
}

// A line of metadata: who published the article and when.
bool ReadMeta(std::string_view line, bool in_header, CleanedArticle& out) {
    if (Utf8Length(line) > kMetaMaxChars) return false;
    const bool labelled = Contains(line, "来源:") || Contains(line, "来源 :") || Contains(line, "发布时间") ||
                          Contains(line, "发布日期") || StartsWith(line, "时间:");
    const std::string text(line);
    const auto date = FirstDate(text);
    // A short line that starts with a year: "2022年05月25日 08:52 来源:…".
    const bool dated_line = date && text.size() >= 4 && Utf8Length(line) <= 40 &&
                            std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    if (!labelled && !dated_line) return false;
    if (!in_header && !StartsWith(line, "来源") && !StartsWith(line, "发布")) return false;
    if (out.source.empty()) out.source = SourceIn(line);
    if (!out.published && date) out.published = date;
    return true;
}

bool EndsSentence(std::string_view line) {
    for (std::string_view end : {"。", "！", "？", "；", "!", "?", ";", "…"})
        if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
    return false;
}

bool IsTitleLike(std::string_view line) { return Utf8Length(line) <= kTitleMaxChars && !EndsSentence(line); }

std::string WithoutForumMark(std::string_view line) {
    std::string s(line);
    for (std::string_view mark : {"[复制链接]", "[复制链接 ]"}) {
        const auto at = s.find(mark);
        if (at != std::string::npos) s.erase(at, mark.size());
    }
    return std::string(TrimBlank(s));
}

std::vector<std::string_view> Lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = TrimBlank(text.substr(start, end - start));
        if (!line.empty()) lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// The first sentence of a paragraph, as a title when the page has no title line.
std::string FirstSentence(std::string_view paragraph) {
    std::size_t end = paragraph.size();
    for (std::string_view stop : {"。", "！", "？", ",", "，"}) end = std::min(end, paragraph.find(stop));
    return text::Excerpt(paragraph.substr(0, end), 40);
}

// HTML character references left in text copied from a page's source (&ldquo;, &nbsp;, &#8220;).
std::string DecodeEntities(std::string_view in) {
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"nbsp", " "}, {"ldquo", "“"}, {"rdquo", "”"}, {"lsquo", "‘"}, {"rsquo", "’"},  {"amp", "&"},
        {"lt", "<"},   {"gt", ">"},    {"quot", "\""}, {"mdash", "—"}, {"hellip", "…"}, {"middot", "·"}};
    std::string out;
    out.reserve(in.size());
    std::size_t pos = 0;
    while (pos < in.size()) {
        const std::size_t amp = in.find('&', pos);
        if (amp == std::string_view::npos) break;
        out.append(in.substr(pos, amp - pos));
        const std::size_t semi = in.find(';', amp);
        bool decoded = false;
        if (semi != std::string_view::npos && semi - amp <= 8) {
            const std::string_view name = in.substr(amp + 1, semi - amp - 1);
            if (name.size() > 1 && name[0] == '#') {
                std::uint32_t cp = 0;
                bool digits = true;
                for (char c : name.substr(1)) {
                    if (c < '0' || c > '9')
                        digits = false;
                    else
                        cp = cp * 10 + static_cast<std::uint32_t>(c - '0');
                }
                if (digits && cp >= 0x20 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                    text::AppendUtf8(cp, out);
                    decoded = true;
                }
            } else {
                for (const auto& [n, v] : kNamed)
                    if (name == n) {
                        out.append(v);
                        decoded = true;
                    }
            }
        }
        if (decoded) {
            pos = semi + 1;
        } else {
            out.push_back('&');
            pos = amp + 1;
        }
    }
    out.append(in.substr(pos));
    return out;
}

}  // namespace

CleanedArticle CleanArticle(std::string_view raw) {
    CleanedArticle out;
    const std::string folded = text::FoldWidth(DecodeEntities(raw));
    const auto lines = Lines(folded);
    std::size_t forum_title = lines.size();
    for (std::size_t i = 0; i < lines.size() && forum_title == lines.size(); ++i)
        if (Contains(lines[i], "[复制链接")) forum_title = i;

    bool titled = false, ended = false;
    std::vector<std::string> header;  // lines before the title: the site's header
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (ended) {
            out.dropped.emplace_back(line);
            continue;
        }
        if (IsTail(line)) {
            if ((line == "内容来源" || line == "来源") && i + 1 < lines.size() && out.source.empty())
                out.source = std::string(lines[i + 1]);
            ended = true;
            out.dropped.emplace_back(line);
            continue;
        }
        if (i == forum_title) {
            for (auto& h : header) out.dropped.push_back(std::move(h));
            header.clear();
            out.title = WithoutForumMark(line);
            titled = true;
            continue;
        }
        if (ReadMeta(line, out.paragraphs.empty(), out)) continue;
        if (IsChrome(line) || IsSpam(line)) {
            out.dropped.emplace_back(line);
            continue;
        }
        if (!titled) {
            if (forum_title < lines.size()) {
                header.emplace_back(line);
                continue;
            }
            if (IsTitleLike(line)) {
                for (auto& h : header) out.dropped.push_back(std::move(h));
                header.clear();
                out.title = std::string(line);
                titled = true;
                continue;
            }
            titled = true;  // the page starts with a paragraph: no title line
        }
        if (line == out.title && out.paragraphs.empty()) continue;
        if (!out.paragraphs.empty() && out.paragraphs.back() == line) continue;
        out.paragraphs.emplace_back(line);
    }
    for (auto& h : header) out.dropped.push_back(std::move(h));
    if (out.title.empty() && !out.paragraphs.empty()) out.title = FirstSentence(out.paragraphs.front());
    return out;
}

}  // namespace lingyan::core::cases
