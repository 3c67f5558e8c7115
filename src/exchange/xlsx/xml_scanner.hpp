#pragma once
// A minimal pull tokenizer for the XML parts of an .xlsx package. It exists because the
// worksheet and shared-string parts of a large roster hold millions of nodes: a DOM of them
// costs ~250 bytes per cell, while scanning the text in place costs nothing (see
// docs/performance.md). The small parts (workbook, relationships, styles) use pugixml.
//
// Not a validating parser: it understands tags, attributes, text, comments, processing
// instructions, CDATA and DOCTYPE, which is all SpreadsheetML uses. Namespace prefixes are
// dropped from element and attribute names (`x:row` is `row`). Throws XlsxError on text that is
// not well-formed enough to tokenize (an unterminated tag or comment).

#include <cstddef>
#include <string>
#include <string_view>

namespace lingyan::exchange::xlsx::detail {

enum class XmlTokenKind { kStart, kEnd, kText };

struct XmlToken {
    XmlTokenKind kind = XmlTokenKind::kText;
    std::string_view name;      // local name of a start/end tag
    std::string_view attrs;     // raw attribute text of a start tag
    std::string_view text;      // raw text (entities not decoded) unless `cdata`
    bool self_closing = false;  // a start tag written <a/>: no matching kEnd follows
    bool cdata = false;         // text from <![CDATA[...]]>: take verbatim
};

class XmlScanner {
public:
    // `xml` must outlive the scanner. `part` names the package part in error messages.
    XmlScanner(std::string_view xml, std::string_view part);

    // Reads the next token; returns false at the end of the text.
    bool Next(XmlToken& token);

    // Skips to just after the end tag matching a start tag just read (not self-closing).
    void SkipElement();

    std::size_t position() const { return pos_; }
    std::size_t size() const { return xml_.size(); }

private:
    [[noreturn]] void Fail(std::string_view what) const;

    std::string_view xml_;
    std::string_view part_;
    std::size_t pos_ = 0;
};

// The raw value of attribute `local_name` (prefix ignored) in a start tag's attribute text;
// `found` tells an absent attribute from an empty one.
std::string_view FindAttr(std::string_view attrs, std::string_view local_name, bool* found = nullptr);

// Appends `raw` with XML entities (&lt; &amp; &#20013; &#x4E2D; …) decoded. Unknown or broken
// entities are kept verbatim.
void AppendXmlText(std::string_view raw, std::string& out);

// Decodes SpreadsheetML's _xHHHH_ escapes (e.g. _x000D_ for a carriage return) in place.
void DecodeOoxmlEscapes(std::string& text);

}  // namespace lingyan::exchange::xlsx::detail
