#pragma once
// Pinyin annotations that some reprint sites write after every character of an article:
// "問(wèn)題(tí)" → "問題", "发展（fā zhǎn）" → "发展". Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace lingyan::core::text {

// Removes pinyin written in brackets right after a Chinese character; brackets holding anything
// else are kept ("书记(2021年)", "村(社区)", "GDP (gross)"). `removed`, when given, receives how
// many annotations were taken out.
std::string StripPinyinAnnotations(std::string_view text, std::size_t* removed = nullptr);

}  // namespace lingyan::core::text
