#include "core/cases/search_text.hpp"

#include <algorithm>
#include <cstdint>

#include "core/text/cell_text.hpp"
#include "core/text/utf8.hpp"

namespace lingyan::core::cases {

namespace {

bool IsWordByte(std::uint32_t cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = Lower(c);
    return out;
}

// Splits folded text into runs and hands each to `emit(run, is_han, chars)`; chars: the byte
// offsets where each character of a Chinese run starts, and its end.
template <typename Emit>
void ForEachRun(std::string_view text, Emit&& emit) {
    std::size_t pos = 0;
    std::vector<std::size_t> starts;
    enum class Kind { kNone, kHan, kWord } kind = Kind::kNone;
    std::size_t run_start = 0;
    auto flush = [&](std::size_t end) {
        if (kind == Kind::kHan) {
            starts.push_back(end);
            emit(text.substr(run_start, end - run_start), true, starts);
        } else if (kind == Kind::kWord) {
            emit(text.substr(run_start, end - run_start), false, starts);
        }
        starts.clear();
        kind = Kind::kNone;
    };
    while (pos < text.size()) {
        std::uint32_t cp = 0;
        const std::size_t len = text::DecodeUtf8(text, pos, cp);
        const Kind now = text::IsHan(cp) ? Kind::kHan : IsWordByte(cp) ? Kind::kWord : Kind::kNone;
        if (now != kind) {
            flush(pos);
            kind = now;
            run_start = pos;
        }
        if (now == Kind::kHan) starts.push_back(pos);
        pos += len;
    }
    flush(text.size());
}

// The tokens of one run. A Chinese run gives its pairs and, unless `open_end` (a search word that
// may go on inside a longer run), its last character; a single character is its own token.
void RunTokens(std::string_view run, bool han, const std::vector<std::size_t>& starts, bool open_end,
               std::vector<std::string>& out) {
    if (!han) {
        out.push_back(LowerAscii(run));
        return;
    }
    const std::size_t chars = starts.size() - 1;
    const std::size_t base = starts.front();
    for (std::size_t i = 0; i + 1 < chars; ++i)
        out.emplace_back(run.substr(starts[i] - base, starts[i + 2] - starts[i]));
    if (chars == 1 || !open_end) out.emplace_back(run.substr(starts[chars - 1] - base));
}

}  // namespace

std::vector<std::string> IndexTokens(std::string_view text) {
    const std::string folded = text::FoldWidth(text);
    std::vector<std::string> out;
    ForEachRun(folded, [&](std::string_view run, bool han, const std::vector<std::size_t>& starts) {
        RunTokens(run, han, starts, false, out);
    });
    return out;
}

Result<std::vector<SearchWord>> ParseSearchQuery(std::string_view query) {
    if (!text::IsValidUtf8(query)) return Invalid("检索词不是有效的 UTF-8 文本", "q");
    if (text::Utf8Length(query) > kMaxQueryChars)
        return Invalid("检索词不能超过 " + std::to_string(kMaxQueryChars) + " 个字", "q");
    const std::string folded = text::FoldWidth(query);
    std::vector<SearchWord> words;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        while (pos < folded.size() && (folded[pos] == ' ' || folded[pos] == '\t' || folded[pos] == '\n')) ++pos;
        std::size_t end = pos;
        while (end < folded.size() && folded[end] != ' ' && folded[end] != '\t' && folded[end] != '\n') ++end;
        if (end == pos) break;
        SearchWord word;
        word.text = LowerAscii(std::string_view(folded).substr(pos, end - pos));
        std::vector<std::pair<std::string, bool>> runs;  // (run, han) with their starts below
        std::vector<std::vector<std::size_t>> run_starts;
        ForEachRun(word.text, [&](std::string_view run, bool han, const std::vector<std::size_t>& starts) {
            runs.emplace_back(std::string(run), han);
            run_starts.push_back(starts);
        });
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const bool last = r + 1 == runs.size();
            RunTokens(runs[r].first, runs[r].second, run_starts[r], last, word.tokens);
            if (last) word.prefix_last = !runs[r].second || run_starts[r].size() == 2;
        }
        word.one_run = runs.size() == 1;
        pos = end;
        if (word.tokens.empty()) continue;  // punctuation alone
        if (words.size() == kMaxQueryWords)
            return Invalid("检索词最多 " + std::to_string(kMaxQueryWords) + " 个（以空格分隔）", "q");
        words.push_back(std::move(word));
    }
    return words;
}

std::vector<SnippetPart> Snippet(std::string_view body, const std::vector<SearchWord>& words, std::size_t width) {
    const std::string lowered = LowerAscii(body);
    std::vector<std::string_view> needles;
    for (const auto& w : words) needles.push_back(w.text);
    std::sort(needles.begin(), needles.end(), [](auto a, auto b) { return a.size() > b.size(); });

    std::size_t first = std::string::npos;
    for (auto n : needles) first = std::min(first, lowered.find(n));
    std::size_t start = 0;
    if (first != std::string::npos) {
        // Back off a few characters so the hit stands in its sentence.
        start = first;
        for (int back = 0; back < 20 && start > 0; ++back) {
            do --start;
            while (start > 0 && (static_cast<unsigned char>(body[start]) & 0xC0) == 0x80);
            if (body[start] == '\n') {
                ++start;
                break;
            }
        }
    }
    std::vector<SnippetPart> parts;
    auto append = [&](std::string_view piece, bool hit) {
        if (piece.empty()) return;
        std::string text(piece);
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (!parts.empty() && parts.back().hit == hit)
            parts.back().text += text;
        else
            parts.push_back({std::move(text), hit});
    };
    if (start > 0 && body[start - 1] != '\n') append("…", false);
    std::size_t pos = start, chars = 0, plain_from = start;
    while (pos < body.size() && chars < width) {
        std::string_view hit;
        for (auto n : needles)
            if (!n.empty() && std::string_view(lowered).substr(pos, n.size()) == n) {
                hit = n;
                break;
            }
        if (!hit.empty()) {
            append(body.substr(plain_from, pos - plain_from), false);
            append(body.substr(pos, hit.size()), true);
            chars += text::Utf8Length(body.substr(pos, hit.size()));
            pos += hit.size();
            plain_from = pos;
            continue;
        }
        std::uint32_t cp = 0;
        pos += text::DecodeUtf8(body, pos, cp);
        ++chars;
    }
    append(body.substr(plain_from, pos - plain_from), false);
    if (pos < body.size()) append("…", false);
    return parts;
}

}  // namespace lingyan::core::cases
