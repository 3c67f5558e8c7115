#include "exchange/xlsx/xml_scanner.hpp"

#include <cstdint>
#include <string>

#include "core/text/utf8.hpp"
#include "exchange/xlsx/xlsx_error.hpp"

namespace lingyan::exchange::xlsx::detail {

namespace {

using core::text::AppendUtf8;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view LocalName(std::string_view name) {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool ValidCodePoint(std::uint32_t cp) { return cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF); }

}  // namespace

XmlScanner::XmlScanner(std::string_view xml, std::string_view part) : xml_(xml), part_(part) {
    if (xml_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

void XmlScanner::Fail(std::string_view what) const {
    throw XlsxError("Excel 文件内容损坏（" + std::string(part_) + "：" + std::string(what) + "）");
}

bool XmlScanner::Next(XmlToken& token) {
    const std::size_t n = xml_.size();
    while (pos_ < n) {
        if (xml_[pos_] != '<') {
            const std::size_t lt = xml_.find('<', pos_);
            const std::size_t end = lt == std::string_view::npos ? n : lt;
            token = XmlToken{};
            token.kind = XmlTokenKind::kText;
            token.text = xml_.substr(pos_, end - pos_);
            pos_ = end;
            return true;
        }
        // Markup.
        if (pos_ + 1 >= n) Fail("标签未结束");
        const char next = xml_[pos_ + 1];
        if (next == '?') {
            const std::size_t end = xml_.find("?>", pos_ + 2);
            if (end == std::string_view::npos) Fail("处理指令未结束");
            pos_ = end + 2;
            continue;
        }
        if (next == '!') {
            if (xml_.compare(pos_, 4, "<!--") == 0) {
                const std::size_t end = xml_.find("-->", pos_ + 4);
                if (end == std::string_view::npos) Fail("注释未结束");
                pos_ = end + 3;
                continue;
            }
            if (xml_.compare(pos_, 9, "<![CDATA[") == 0) {
                const std::size_t end = xml_.find("]]>", pos_ + 9);
                if (end == std::string_view::npos) Fail("CDATA 未结束");
                token = XmlToken{};
                token.kind = XmlTokenKind::kText;
                token.cdata = true;
                token.text = xml_.substr(pos_ + 9, end - pos_ - 9);
                pos_ = end + 3;
                return true;
            }
            // <!DOCTYPE ...> possibly with an internal subset in brackets.
            int depth = 0;
            std::size_t i = pos_ + 2;
            for (; i < n; ++i) {
                if (xml_[i] == '[')
                    ++depth;
                else if (xml_[i] == ']')
                    --depth;
                else if (xml_[i] == '>' && depth <= 0)
                    break;
            }
            if (i >= n) Fail("声明未结束");
            pos_ = i + 1;
            continue;
        }
        const bool is_end = next == '/';
        std::size_t name_start = pos_ + (is_end ? 2 : 1);
        std::size_t i = name_start;
        while (i < n && !IsSpace(xml_[i]) && xml_[i] != '>' && xml_[i] != '/') ++i;
        const std::string_view name = xml_.substr(name_start, i - name_start);
        if (name.empty()) Fail("标签缺少名称");
        // Find the closing '>' outside quoted attribute values.
        const std::size_t attrs_start = i;
        char quote = 0;
        for (; i < n; ++i) {
            const char c = xml_[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (i >= n) Fail("标签未结束");
        token = XmlToken{};
        token.name = LocalName(name);
        if (is_end) {
            token.kind = XmlTokenKind::kEnd;
        } else {
            token.kind = XmlTokenKind::kStart;
            std::size_t attrs_end = i;
            if (attrs_end > attrs_start && xml_[attrs_end - 1] == '/') {
                token.self_closing = true;
                --attrs_end;
            }
            token.attrs = xml_.substr(attrs_start, attrs_end - attrs_start);
        }
        pos_ = i + 1;
        return true;
    }
    return false;
}

void XmlScanner::SkipElement() {
    int depth = 1;
    XmlToken token;
    while (depth > 0 && Next(token)) {
        if (token.kind == XmlTokenKind::kStart && !token.self_closing)
            ++depth;
        else if (token.kind == XmlTokenKind::kEnd)
            --depth;
    }
}

std::string_view FindAttr(std::string_view attrs, std::string_view local_name, bool* found) {
    if (found) *found = false;
    std::size_t i = 0;
    const std::size_t n = attrs.size();
    while (i < n) {
        while (i < n && IsSpace(attrs[i])) ++i;
        const std::size_t name_start = i;
        while (i < n && attrs[i] != '=' && !IsSpace(attrs[i])) ++i;
        const std::string_view name = attrs.substr(name_start, i - name_start);
        while (i < n && IsSpace(attrs[i])) ++i;
        if (i >= n || attrs[i] != '=') {
            if (name.empty()) ++i;  // stray character: move on
            continue;
        }
        ++i;
        while (i < n && IsSpace(attrs[i])) ++i;
        if (i >= n) break;
        const char quote = attrs[i];
        if (quote != '"' && quote != '\'') continue;
        const std::size_t value_start = ++i;
        while (i < n && attrs[i] != quote) ++i;
        const std::string_view value = attrs.substr(value_start, i - value_start);
        if (i < n) ++i;
        if (LocalName(name) == local_name) {
            if (found) *found = true;
            return value;
        }
    }
    return {};
}

void AppendXmlText(std::string_view raw, std::string& out) {
    std::size_t i = 0;
    const std::size_t n = raw.size();
    while (i < n) {
        const std::size_t amp = raw.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(raw.substr(i));
            return;
        }
        out.append(raw.substr(i, amp - i));
        const std::size_t semi = raw.find(';', amp + 1);
        if (semi == std::string_view::npos || semi - amp > 12) {
            out.push_back('&');
            i = amp + 1;
            continue;
        }
        const std::string_view entity = raw.substr(amp + 1, semi - amp - 1);
        bool ok = true;
        if (entity == "lt")
            out.push_back('<');
        else if (entity == "gt")
            out.push_back('>');
        else if (entity == "amp")
            out.push_back('&');
        else if (entity == "quot")
            out.push_back('"');
        else if (entity == "apos")
            out.push_back('\'');
        else if (entity.size() >= 2 && entity[0] == '#') {
            std::uint32_t cp = 0;
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            const std::string_view digits = entity.substr(hex ? 2 : 1);
            ok = !digits.empty();
            for (char c : digits) {
                const int v = hex ? HexValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
                if (v < 0 || cp > 0x10FFFF) {
                    ok = false;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
            }
            ok = ok && ValidCodePoint(cp);
            if (ok) AppendUtf8(cp, out);
        } else {
            ok = false;
        }
        if (!ok) out.append(raw.substr(amp, semi - amp + 1));
        i = semi + 1;
    }
}

void DecodeOoxmlEscapes(std::string& text) {
    if (text.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            std::uint32_t cp = 0;
            bool ok = true;
            for (std::size_t k = i + 2; k < i + 6; ++k) {
                const int v = HexValue(text[k]);
                if (v < 0) {
                    ok = false;
                    break;
                }
                cp = cp * 16 + static_cast<std::uint32_t>(v);
            }
            if (ok && ValidCodePoint(cp)) {
                AppendUtf8(cp, out);
                i += 7;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    text = std::move(out);
}

}  // namespace lingyan::exchange::xlsx::detail
