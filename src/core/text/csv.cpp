#include "core/text/csv.hpp"

namespace lingyan::core::text {

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string_view>& fields) {
    fields.clear();
    unquoted_.clear();
    // Skip blank lines.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    const std::size_t n = text_.size();
    // A '\r' ends a record only as part of "\r\n" or at the end of the text; a lone one is data, so
    // records and line numbers always agree (found by tests/fuzz/csv_fuzz).
    auto line_end_cr = [&](std::size_t at) { return text_[at] == '\r' && (at + 1 == n || text_[at + 1] == '\n'); };
    while (true) {
        if (pos_ < n && text_[pos_] == '"') {
            ++pos_;
            std::string value;
            bool closed = false;
            while (pos_ < n) {
                char c = text_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
                        value.push_back('"');
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    closed = true;
                    break;
                }
                if (c == '\n') ++line_;
                value.push_back(c);
                ++pos_;
            }
            if (!closed) malformed_ = true;
            // Anything between the closing quote and the delimiter is kept verbatim.
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && !line_end_cr(pos_)) {
                value.push_back(text_[pos_++]);
            }
            unquoted_.push_back(std::move(value));
            fields.emplace_back(unquoted_.back());
        } else {
            std::size_t start = pos_;
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
            std::size_t end = pos_;
            if (end > start && text_[end - 1] == '\r' && (pos_ >= n || text_[pos_] == '\n')) --end;
            fields.emplace_back(text_.substr(start, end - start));
        }
        if (pos_ < n && text_[pos_] == ',') {
            ++pos_;
            continue;
        }
        if (pos_ < n && line_end_cr(pos_)) ++pos_;
        if (pos_ < n && text_[pos_] == '\n') {
            ++pos_;
            ++line_;
        }
        return true;
    }
}

int ColumnIndex(const std::vector<std::string_view>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
}

void AppendCsvField(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace lingyan::core::text
