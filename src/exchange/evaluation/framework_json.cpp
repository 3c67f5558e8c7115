#include "exchange/evaluation/framework_json.hpp"

#include "core/text/number.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cstdio>
#include <vector>

namespace lingyan::exchange {
namespace {

namespace json = boost::json;
namespace evaluation = core::evaluation;

std::size_t LineAt(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t pos = 0; pos < offset && pos < text.size(); ++pos) line += text[pos] == '\n';
    return line;
}

// Boost.JSON keeps no source positions, so a semantic error is located by searching the text
// for the JSON member it concerns: `"key"` followed by `:` and, when given, the string `value`.
// `occurrence` picks the n-th match (duplicates point at the second). Falls back to line 1.
std::size_t FindMemberLine(std::string_view text, std::string_view key, std::string_view value = {},
                           int occurrence = 1) {
    const std::string quoted_key = "\"" + std::string(key) + "\"";
    int seen = 0;
    std::size_t last = std::string_view::npos;
    for (std::size_t pos = text.find(quoted_key); pos != std::string_view::npos; pos = text.find(quoted_key, pos + 1)) {
        std::size_t at = pos + quoted_key.size();
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
        if (at >= text.size() || text[at] != ':') continue;
        if (!value.empty()) {
            ++at;
            while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
                ++at;
            }
            const std::string quoted_value = "\"" + std::string(value) + "\"";
            if (text.substr(at, quoted_value.size()) != quoted_value) continue;
        }
        last = pos;
        if (++seen == occurrence) break;
    }
    return last == std::string_view::npos ? 1 : LineAt(text, last);
}

class ReaderImpl {
public:
    ReaderImpl(std::string_view text) : text_(text) {}

    std::optional<evaluation::Framework> Read(FrameworkJsonError& error) {
        json::stream_parser parser;
        boost::system::error_code ec;
        const std::size_t used = parser.write(text_.data(), text_.size(), ec);
        if (!ec) parser.finish(ec);
        if (ec) {
            error = {LineAt(text_, used), "JSON 格式错误：" + ec.message()};
            return std::nullopt;
        }
        const json::value root = parser.release();
        evaluation::Framework fw;
        if (!root.is_object()) return Failed(error, 1, "指标体系文件必须是一个 JSON 对象");
        for (const auto& [key, value] : root.as_object()) {
            const std::string_view k = key;
            if (k == "name") {
                if (!String(value, fw.name)) return Failed(error, Line(k), "name 必须是字符串");
            } else if (k == "scale") {
                if (!Number(value, fw.scale)) return Failed(error, Line(k), "scale 必须是数字");
            } else if (k == "bonus_cap" || k == "penalty_cap") {
                auto& cap = k == "bonus_cap" ? fw.bonus_cap : fw.penalty_cap;
                if (!value.is_null()) {
                    double number = 0;
                    if (!Number(value, number)) return Failed(error, Line(k), std::string(k) + " 必须是数字");
                    cap = number;
                }
            } else if (k == "tiebreak") {
                if (!value.is_array()) return Failed(error, Line(k), "tiebreak 必须是指标 id 的数组");
                for (const auto& item : value.as_array()) {
                    std::string id;
                    if (!String(item, id)) return Failed(error, Line(k), "tiebreak 必须是指标 id 的数组");
                    fw.tiebreak.push_back(std::move(id));
                }
            } else if (k == "awards") {
                if (!ReadAwards(value, fw, error)) return std::nullopt;
            } else if (k == "criteria") {
                if (!value.is_array()) return Failed(error, Line(k), "criteria 必须是数组");
                for (const auto& item : value.as_array()) {
                    if (!ReadCriterion(item, "", fw, error)) return std::nullopt;
                }
            } else if (k != "description" && k != "version") {
                return Failed(error, Line(k), "未知字段 “" + std::string(k) + "”");
            }
        }
        return fw;
    }

    // Line of the member an engine validation error concerns (`field` is a criterion id or a
    // framework key).
    std::size_t LineOfField(const std::string& field, const std::string& message) const {
        if (field == "scale" || field == "bonus_cap" || field == "penalty_cap" || field == "tiebreak" ||
            field == "awards" || field == "criteria") {
            return Line(field);
        }
        const bool duplicate = message.find("重复") != std::string::npos;
        return FindMemberLine(text_, "id", field, duplicate ? 2 : 1);
    }

private:
    std::size_t Line(std::string_view key, std::string_view value = {}) const {
        return FindMemberLine(text_, key, value);
    }

    std::optional<evaluation::Framework> Failed(FrameworkJsonError& error, std::size_t line, std::string message) const {
        Fail(error, line, std::move(message));
        return std::nullopt;
    }

    bool Fail(FrameworkJsonError& error, std::size_t line, std::string message) const {
        error = {line, std::move(message)};
        return false;
    }

    static bool String(const json::value& value, std::string& out) {
        if (!value.is_string()) return false;
        out = std::string(value.as_string());
        return true;
    }

    static bool Number(const json::value& value, double& out) {
        if (!value.is_number()) return false;
        out = value.to_number<double>();
        return true;
    }

    bool ReadAwards(const json::value& value, evaluation::Framework& fw, FrameworkJsonError& error) {
        if (!value.is_array()) return Fail(error, Line("awards"), "awards 必须是数组");
        for (const auto& item : value.as_array()) {
            if (!item.is_object()) return Fail(error, Line("awards"), "awards 的每一项必须是对象");
            evaluation::AwardSpec award;
            bool has_quota = false;
            for (const auto& [key, field] : item.as_object()) {
                const std::string_view k = key;
                if (k == "name") {
                    if (!String(field, award.name)) return Fail(error, Line("awards"), "奖项 name 必须是字符串");
                } else if (k == "quota") {
                    double quota = 0;
                    if (!Number(field, quota) || quota != static_cast<double>(static_cast<int>(quota))) {
                        return Fail(error, Line("quota"), "奖项 quota 必须是整数");
                    }
                    award.quota = static_cast<int>(quota);
                    has_quota = true;
                } else if (k == "min_total") {
                    if (!Number(field, award.min_total)) {
                        return Fail(error, Line("min_total"), "奖项 min_total 必须是数字");
                    }
                } else {
                    return Fail(error, Line(k), "奖项中的未知字段 “" + std::string(k) + "”");
                }
            }
            if (!has_quota) return Fail(error, Line("name", award.name), "奖项 “" + award.name + "” 缺少 quota");
            fw.awards.push_back(std::move(award));
        }
        return true;
    }

    // Appends one criterion (and its nested children, flattened with `parent`) to fw.criteria.
    bool ReadCriterion(const json::value& value, const std::string& parent, evaluation::Framework& fw, FrameworkJsonError& error) {
        if (!value.is_object()) return Fail(error, Line("criteria"), "criteria 的每一项必须是对象");
        const json::object& obj = value.as_object();
        evaluation::CriterionSpec c;
        c.parent = parent;
        if (const auto* id = obj.if_contains("id"); !id || !String(*id, c.id) || c.id.empty()) {
            return Fail(error, Line("criteria"), "指标缺少字符串 id");
        }
        const std::size_t here = Line("id", c.id);
        const json::array* children = nullptr;
        for (const auto& [key, field] : obj) {
            const std::string_view k = key;
            auto bad = [&](const std::string& what) {
                return Fail(error, here, "指标 “" + c.id + "” 的 " + std::string(k) + " " + what);
            };
            if (k == "id" || k == "description") {
                continue;
            } else if (k == "name") {
                if (!String(field, c.name)) return bad("必须是字符串");
            } else if (k == "parent") {
                if (!parent.empty()) return bad("不能与嵌套的 children 同时使用");
                if (!String(field, c.parent)) return bad("必须是字符串");
            } else if (k == "weight") {
                if (!Number(field, c.weight)) return bad("必须是数字");
            } else if (k == "method") {
                std::string name;
                if (!String(field, name)) return bad("必须是字符串");
                auto method = evaluation::ParseMethod(name);
                if (!method) {
                    return Fail(error, here,
                                "指标 “" + c.id + "” 的计分方法 “" + name +
                                    "” 未知（可用 target、growth、judges、rating、rank、count、manual）");
                }
                c.method = *method;
            } else if (k == "children") {
                if (!field.is_array()) return bad("必须是数组");
                children = &field.as_array();
            } else if (k == "trim" || k == "max" || k == "floor" || k == "ceiling" || k == "per" || k == "cap") {
                double number = 0;
                if (!Number(field, number)) return bad("必须是数字");
                auto& slot = k == "trim"      ? c.trim
                             : k == "max"     ? c.max
                             : k == "floor"   ? c.floor
                             : k == "ceiling" ? c.ceiling
                             : k == "per"     ? c.per
                                              : c.cap;
                slot = number;
            } else {
                return Fail(error, here, "指标 “" + c.id + "” 有未知字段 “" + std::string(k) + "”");
            }
        }
        const std::string id = c.id;
        fw.criteria.push_back(std::move(c));
        if (children) {
            for (const auto& child : *children) {
                if (!ReadCriterion(child, id, fw, error)) return false;
            }
        }
        return true;
    }

    std::string_view text_;
};


std::string Shortest(double value) { return core::text::ShortestNumber(value); }

void WriteCriterionJson(const evaluation::Framework& fw, const evaluation::CriterionSpec& c, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    out += pad + "{\"id\": " + JsonString(c.id) + ", \"name\": " + JsonString(c.name) +
           ", \"weight\": " + Shortest(c.weight);
    if (c.method != evaluation::Method::kGroup) {
        out += ", \"method\": " + JsonString(evaluation::MethodName(c.method));
        const std::pair<const char*, const std::optional<double>*> params[] = {
            {"trim", &c.trim},       {"max", &c.max}, {"floor", &c.floor},
            {"ceiling", &c.ceiling}, {"per", &c.per}, {"cap", &c.cap}};
        for (const auto& [name, value] : params) {
            if (value->has_value()) out += std::string(", \"") + name + "\": " + Shortest(**value);
        }
        out += "}";
        return;
    }
    out += ", \"children\": [\n";
    bool first = true;
    for (const auto& child : fw.criteria) {
        if (child.parent != c.id) continue;
        if (!first) out += ",\n";
        first = false;
        WriteCriterionJson(fw, child, indent + 2, out);
    }
    out += "\n" + pad + "]}";
}

}  // namespace

std::optional<evaluation::Framework> FrameworkReader::Read(FrameworkJsonError& error) { return ReaderImpl(text_).Read(error); }

std::size_t FrameworkReader::LineOfField(const std::string& field, const std::string& message) const {
    return ReaderImpl(text_).LineOfField(field, message);
}

core::Result<evaluation::CompiledFramework> ParseFramework(std::string_view text) {
    FrameworkReader reader(text);
    FrameworkJsonError error;
    auto framework = reader.Read(error);
    if (!framework) return core::Invalid(error.message, "line " + std::to_string(error.line));
    return evaluation::Compile(std::move(*framework));
}


// Boost.JSON prints doubles in exponent form ("8.267E1"); results are written by hand so that
// totals read as 82.67 and s values in their shortest exact form.
std::string JsonString(std::string_view text) {
    std::string out = "\"";
    for (unsigned char ch : text) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (ch < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                    out += buf;
                } else {
                    out += static_cast<char>(ch);
                }
        }
    }
    return out + "\"";
}

// A framework as FRAMEWORK.json (nested children), so that a built-in template can be copied,
// edited and used with `lingyan evaluate`.
std::string FrameworkToJson(const evaluation::Framework& fw) {
    std::string out = "{\n  \"name\": " + JsonString(fw.name) + ",\n  \"scale\": " + Shortest(fw.scale) + ",\n";
    if (fw.bonus_cap) out += "  \"bonus_cap\": " + Shortest(*fw.bonus_cap) + ",\n";
    if (fw.penalty_cap) out += "  \"penalty_cap\": " + Shortest(*fw.penalty_cap) + ",\n";
    out += "  \"tiebreak\": [";
    for (std::size_t pos = 0; pos < fw.tiebreak.size(); ++pos) out += (pos ? ", " : "") + JsonString(fw.tiebreak[pos]);
    out += "],\n  \"awards\": [";
    for (std::size_t pos = 0; pos < fw.awards.size(); ++pos) {
        const auto& award = fw.awards[pos];
        out += std::string(pos ? ",\n" : "\n") + "    {\"name\": " + JsonString(award.name) +
               ", \"quota\": " + std::to_string(award.quota) + ", \"min_total\": " + Shortest(award.min_total) + "}";
    }
    out += "\n  ],\n  \"criteria\": [\n";
    bool first = true;
    for (const auto& c : fw.criteria) {
        if (!c.parent.empty()) continue;
        if (!first) out += ",\n";
        first = false;
        WriteCriterionJson(fw, c, 4, out);
    }
    out += "\n  ]\n}\n";
    return out;
}


}  // namespace lingyan::exchange
