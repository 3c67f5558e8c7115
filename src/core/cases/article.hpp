#pragma once
// Cleaning an article copied from a web page (the seeds are four such pages): what is the
// article's own text, and what is the site around it. Pure, thread-safe. The text comes in
// already in simplified characters with pinyin annotations removed (app/cases does both first).
//
// HTML character references (&ldquo;, &#8220;) are decoded first. Rules, in order, over the article's non-blank lines:
//   - site chrome is dropped wherever it stands: breadcrumbs (当前位置 …), welcome and search
//     boxes, share and print buttons, counters, forum buttons (发新话题, 1#), lines that are or
//     carry a link (http://, www.), "N个月前" stamps, lines of spam words;
//   - the article ends at a footer or a list of other articles (相关文章, 上一篇/下一篇, 网站地图,
//     版权所有, ICP备 …): that line and everything after it are dropped. A closing 内容来源 names
//     the source on its next line;
//   - a line with 来源: / 发布时间: / a leading date is the article's metadata (source, date);
//   - the title is the line marked [复制链接] on a forum page, else the first short line that does
//     not end a sentence; lines before it are the site's header and are dropped;
//   - the rest are the paragraphs, a line repeated right after itself (or the title repeated) once.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"

namespace lingyan::core::cases {

struct CleanedArticle {
    std::string title;
    std::string source;
    std::optional<CivilDate> published;
    std::vector<std::string> paragraphs;
    std::vector<std::string> dropped;  // the lines taken out as site chrome or spam, in order
};

CleanedArticle CleanArticle(std::string_view text);

}  // namespace lingyan::core::cases
