// `lingyan evaluate FRAMEWORK.json INPUTS.csv [--explain SUBJECT] [--format csv|json]`: scores,
// ranks and awards the subjects of INPUTS.csv under a framework, with the file formats pinned
// by issue 4 and the semantics of SPEC.md. The engine is core/scoring; this file only reads,
// maps and prints. Bad input exits 2 with one stderr line "FILE:LINE: problem".

#include <boost/json.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "core/scoring/engine.hpp"
#include "core/scoring/facts.hpp"
#include "core/scoring/framework.hpp"
#include "core/scoring/templates.hpp"
#include "core/text/csv.hpp"
#include "exchange/file_io.hpp"

namespace lingyan::cli {
namespace {

namespace json = boost::json;
namespace scoring = core::scoring;

// A problem in one of the input files; `line` 0 means "the file as a whole".
struct InputError {
    std::string file;
    std::size_t line = 0;
    std::string message;
};

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

// ---- FRAMEWORK.json → scoring::Framework -------------------------------------------------

class FrameworkReader {
public:
    FrameworkReader(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}

    std::optional<scoring::Framework> Read(InputError& error) {
        json::stream_parser parser;
        boost::system::error_code ec;
        const std::size_t used = parser.write(text_.data(), text_.size(), ec);
        if (!ec) parser.finish(ec);
        if (ec) {
            error = {file_, LineAt(text_, used), "JSON 格式错误：" + ec.message()};
            return std::nullopt;
        }
        const json::value root = parser.release();
        scoring::Framework fw;
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

    std::optional<scoring::Framework> Failed(InputError& error, std::size_t line, std::string message) const {
        Fail(error, line, std::move(message));
        return std::nullopt;
    }

    bool Fail(InputError& error, std::size_t line, std::string message) const {
        error = {file_, line, std::move(message)};
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

    bool ReadAwards(const json::value& value, scoring::Framework& fw, InputError& error) {
        if (!value.is_array()) return Fail(error, Line("awards"), "awards 必须是数组");
        for (const auto& item : value.as_array()) {
            if (!item.is_object()) return Fail(error, Line("awards"), "awards 的每一项必须是对象");
            scoring::AwardSpec award;
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
    bool ReadCriterion(const json::value& value, const std::string& parent, scoring::Framework& fw, InputError& error) {
        if (!value.is_object()) return Fail(error, Line("criteria"), "criteria 的每一项必须是对象");
        const json::object& obj = value.as_object();
        scoring::CriterionSpec c;
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
                auto method = scoring::ParseMethod(name);
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

    std::string file_;
    std::string_view text_;
};

// ---- output -------------------------------------------------------------------------------

std::string Cents(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    std::string out = std::to_string(abs / 100) + ".";
    const auto frac = abs % 100;
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return negative ? "-" + out : out;
}

std::string Fixed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string out = buf;
    if (out.find_first_not_of("-0.") == std::string::npos && out.front() == '-') out.erase(0, 1);  // no "-0.00"
    return out;
}

std::string Shortest(double value) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, ptr) : Fixed(value, 6);
}

// Up to 6 decimals without trailing zeros: explanations are read by people, and a derived mean
// such as 94.47999999999999 should read 94.48.
std::string Readable(double value) {
    std::string out = Fixed(value, 6);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out == "-0" ? "0" : out;
}

std::string CsvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string AwardName(const scoring::Evaluation& evaluation, const scoring::SubjectResult& r) {
    return r.award < 0 ? std::string() : evaluation.awards[static_cast<std::size_t>(r.award)].name;
}

std::string InputsText(const std::vector<scoring::ExplainedInput>& inputs) {
    std::string out;
    for (const auto& input : inputs) {
        if (!out.empty()) out += "; ";
        out += input.key + "=" + Readable(input.value);
        if (input.dropped) out += " (dropped)";
    }
    return out;
}

void PrintRankingCsv(const scoring::Evaluation& evaluation, std::string& out) {
    out += "rank,subject,total,vetoed,incomplete,award\n";
    for (const auto& r : evaluation.ranking) {
        out += std::to_string(r.rank);
        out += ',';
        out += CsvField(r.name);
        out += ',';
        out += Cents(r.total_cents);
        out += r.vetoed ? ",1," : ",0,";
        out += r.incomplete ? "1," : "0,";
        out += CsvField(AwardName(evaluation, r));
        out += '\n';
    }
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

std::string JsonBool(bool value) { return value ? "true" : "false"; }

std::string SubjectJsonFields(const scoring::Evaluation& evaluation, const scoring::SubjectResult& r) {
    std::string out = "\"rank\":" + std::to_string(r.rank) + ",\"subject\":" + JsonString(r.name) +
                      ",\"total\":" + Cents(r.total_cents) + ",\"vetoed\":" + JsonBool(r.vetoed);
    if (r.vetoed) out += ",\"veto_reason\":" + JsonString(r.veto_reason);
    out += ",\"incomplete\":" + JsonBool(r.incomplete);
    out += ",\"award\":" + (r.award >= 0 ? JsonString(AwardName(evaluation, r)) : std::string("null"));
    return out;
}

void PrintRankingJson(const scoring::CompiledFramework& fw, const scoring::Evaluation& evaluation, std::string& out) {
    out += "{\"framework\":" + JsonString(fw.framework().name) + ",\"subjects\":[";
    for (std::size_t pos = 0; pos < evaluation.ranking.size(); ++pos) {
        const auto& r = evaluation.ranking[pos];
        out += pos ? ",\n{" : "\n{";
        out += SubjectJsonFields(evaluation, r);
        out += ",\"scores\":{";
        for (std::size_t root_idx = 0; root_idx < fw.roots().size(); ++root_idx) {
            const auto node = static_cast<std::size_t>(fw.roots()[root_idx]);
            if (root_idx) out += ',';
            out += JsonString(fw.nodes()[node].spec.id) + ":" + Shortest(r.s[node]);
        }
        out += "}}";
    }
    out += "],\n\"awards\":[";
    for (std::size_t award_idx = 0; award_idx < evaluation.awards.size(); ++award_idx) {
        const auto& award = evaluation.awards[award_idx];
        out += award_idx ? ",\n{" : "\n{";
        out += "\"name\":" + JsonString(award.name) + ",\"quota\":" + std::to_string(award.quota) +
               ",\"min_total\":" + Shortest(award.min_total) + ",\"winners\":[";
        for (std::size_t pos = 0; pos < award.winners.size(); ++pos) {
            if (pos) out += ',';
            out += JsonString(evaluation.ranking[award.winners[pos]].name);
        }
        out += "],\"overflow\":" + std::to_string(award.overflow) + "}";
    }
    out += "]}\n";
}

void PrintExplanationCsv(const scoring::Explanation& x, const scoring::Evaluation& evaluation, std::string& out) {
    out += "criterion,name,level,method,inputs,s,weight,share,contribution\n";
    for (const auto& c : x.criteria) {
        out += CsvField(c.id) + ',' + CsvField(c.name) + ',' + std::to_string(c.depth + 1) + ',' +
               std::string(scoring::MethodName(c.method)) + ',' +
               CsvField(c.missing ? std::string("missing") : InputsText(c.inputs)) + ',' + Fixed(c.s, 4) + ',' +
               Shortest(c.weight) + ',' + Fixed(c.global_share, 4) + ',' + Fixed(c.contribution, 2) + '\n';
    }
    out += "-,bonus,,,raw=" + Shortest(x.raw_bonus) + ",,,," + Fixed(x.result.bonus, 2) + '\n';
    out += "-,penalty,,,raw=" + Shortest(x.raw_penalty) + ",,,," + Fixed(-x.result.penalty, 2) + '\n';
    std::string summary = "rank=" + std::to_string(x.result.rank) + "; vetoed=" + (x.result.vetoed ? "1" : "0") +
                          "; incomplete=" + (x.result.incomplete ? "1" : "0") +
                          "; award=" + AwardName(evaluation, x.result);
    if (x.result.vetoed) summary += "; veto_reason=" + x.result.veto_reason;
    out += "-,total,,," + CsvField(summary) + ',' + Fixed(x.s_root, 4) + ",,," + Cents(x.result.total_cents) + '\n';
}

void PrintExplanationJson(const scoring::Explanation& x, const scoring::Evaluation& evaluation, std::string& out) {
    out += "{" + SubjectJsonFields(evaluation, x.result) + ",\"scale\":" + Shortest(x.scale) +
           ",\"s_root\":" + Shortest(x.s_root) + ",\"bonus\":{\"raw\":" + Shortest(x.raw_bonus) +
           ",\"applied\":" + Shortest(x.result.bonus) + "},\"penalty\":{\"raw\":" + Shortest(x.raw_penalty) +
           ",\"applied\":" + Shortest(x.result.penalty) + "},\"criteria\":[";
    for (std::size_t pos = 0; pos < x.criteria.size(); ++pos) {
        const auto& c = x.criteria[pos];
        out += pos ? ",\n{" : "\n{";
        out += "\"id\":" + JsonString(c.id) + ",\"name\":" + JsonString(c.name) +
               ",\"level\":" + std::to_string(c.depth + 1) +
               ",\"method\":" + JsonString(scoring::MethodName(c.method)) + ",\"inputs\":[";
        for (std::size_t in = 0; in < c.inputs.size(); ++in) {
            const auto& input = c.inputs[in];
            if (in) out += ',';
            out += "{\"key\":" + JsonString(input.key) + ",\"value\":" + Shortest(input.value);
            if (input.dropped) out += ",\"dropped\":true";
            if (input.derived) out += ",\"derived\":true";
            out += '}';
        }
        out += "],\"missing\":" + JsonBool(c.missing) + ",\"s\":" + Shortest(c.s) +
               ",\"weight\":" + Shortest(c.weight) + ",\"share\":" + Shortest(c.share) +
               ",\"global_share\":" + Shortest(c.global_share) + ",\"contribution\":" + Shortest(c.contribution) + "}";
    }
    out += "]}\n";
}

// ---- built-in templates as FRAMEWORK.json ----------------------------------------------------

constexpr std::string_view kBuiltinPrefix = "builtin:";

void WriteCriterionJson(const scoring::Framework& fw, const scoring::CriterionSpec& c, int indent, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    out += pad + "{\"id\": " + JsonString(c.id) + ", \"name\": " + JsonString(c.name) +
           ", \"weight\": " + Shortest(c.weight);
    if (c.method != scoring::Method::kGroup) {
        out += ", \"method\": " + JsonString(scoring::MethodName(c.method));
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

// A framework as FRAMEWORK.json (nested children), so that a built-in template can be copied,
// edited and used with `lingyan evaluate`.
std::string FrameworkJson(const scoring::Framework& fw) {
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

std::string TemplateKeys(const std::vector<scoring::Template>& templates) {
    std::string out;
    for (const auto& t : templates) out += (out.empty() ? "" : "、") + std::string(t.key);
    return out;
}

// ---- INPUTS.csv → FactSheet ---------------------------------------------------------------

std::optional<InputError> ReadFacts(const std::string& file, std::string_view text, scoring::FactSheet& sheet) {
    core::text::CsvReader reader(text);
    std::vector<std::string_view> fields;
    if (!reader.Next(fields)) return InputError{file, 1, "文件为空，缺少表头 subject,criterion,key,value"};
    int column[4];
    const char* names[4] = {"subject", "criterion", "key", "value"};
    for (int col = 0; col < 4; ++col) {
        column[col] = core::text::ColumnIndex(fields, names[col]);
        if (column[col] < 0) {
            return InputError{file, reader.line(),
                              std::string("表头缺少列 ") + names[col] + "（应为 subject,criterion,key,value）"};
        }
    }
    const std::size_t width = fields.size();
    while (reader.Next(fields)) {
        if (reader.malformed()) return InputError{file, reader.line(), "引号未闭合"};
        if (fields.size() != width) {
            return InputError{file, reader.line(),
                              "有 " + std::to_string(fields.size()) + " 列，表头有 " + std::to_string(width) + " 列"};
        }
        auto status = sheet.Add(
            fields[static_cast<std::size_t>(column[0])], fields[static_cast<std::size_t>(column[1])],
            fields[static_cast<std::size_t>(column[2])], fields[static_cast<std::size_t>(column[3])], reader.line());
        if (!status) return InputError{file, reader.line(), status.error().message};
    }
    return std::nullopt;
}

struct Options {
    std::string framework_path;
    std::string inputs_path;
    std::string explain;
    bool explain_set = false;
    std::string format = "csv";
    std::string print_template;
};

int Run(const Options& opt) {
    auto fail = [](const InputError& e) {
        std::cerr << e.file;
        if (e.line > 0) std::cerr << ':' << e.line;
        std::cerr << ": " << e.message << '\n';
        return kExitBadInput;
    };
    const auto templates = scoring::BuiltinTemplates();
    if (!opt.print_template.empty()) {
        const auto* t = scoring::FindTemplate(templates, opt.print_template);
        if (!t) {
            std::cerr << "lingyan evaluate: 没有内置模板 “" << opt.print_template << "”（可用 "
                      << TemplateKeys(templates) << "）\n";
            return kExitBadInput;
        }
        const std::string out = FrameworkJson(t->framework);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    if (opt.framework_path.empty() || opt.inputs_path.empty()) {
        std::cerr << "lingyan evaluate: 用法 lingyan evaluate FRAMEWORK.json INPUTS.csv [--explain SUBJECT] "
                     "[--format csv|json]\n";
        return kExitBadInput;
    }
    if (opt.format != "csv" && opt.format != "json") {
        std::cerr << "lingyan evaluate: --format 只能是 csv 或 json，而不是 “" << opt.format << "”\n";
        return kExitBadInput;
    }
    std::string framework_text, inputs_text;
    const bool builtin = std::string_view(opt.framework_path).substr(0, kBuiltinPrefix.size()) == kBuiltinPrefix;
    try {
        if (builtin) {
            const auto key = std::string_view(opt.framework_path).substr(kBuiltinPrefix.size());
            const auto* t = scoring::FindTemplate(templates, key);
            if (!t) {
                std::cerr << opt.framework_path << ": 没有这个内置模板（可用 " << TemplateKeys(templates) << "）\n";
                return kExitBadInput;
            }
            framework_text = FrameworkJson(t->framework);
        } else {
            framework_text = exchange::ReadFile(opt.framework_path);
        }
        inputs_text = exchange::ReadFile(opt.inputs_path);
    } catch (const exchange::FileError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    }

    FrameworkReader reader(opt.framework_path, framework_text);
    InputError error;
    auto framework = reader.Read(error);
    if (!framework) return fail(error);
    auto compiled = scoring::Compile(std::move(*framework));
    if (!compiled) {
        const auto& e = compiled.error();
        return fail({opt.framework_path, reader.LineOfField(e.field, e.message), e.message});
    }

    scoring::FactSheet sheet(*compiled, opt.inputs_path);
    if (auto bad = ReadFacts(opt.inputs_path, inputs_text, sheet)) return fail(*bad);
    auto evaluation = scoring::Evaluate(sheet);
    if (!evaluation) {
        // The engine's field is already "file:line".
        std::cerr << evaluation.error().field << ": " << evaluation.error().message << '\n';
        return kExitBadInput;
    }

    std::string out;
    if (opt.explain_set) {
        auto explanation = scoring::Explain(sheet, *evaluation, opt.explain);
        if (!explanation) return fail({opt.inputs_path, 0, explanation.error().message});
        if (opt.format == "json") {
            PrintExplanationJson(*explanation, *evaluation, out);
        } else {
            PrintExplanationCsv(*explanation, *evaluation, out);
        }
    } else if (opt.format == "json") {
        PrintRankingJson(*compiled, *evaluation, out);
    } else {
        PrintRankingCsv(*evaluation, out);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return 0;
}

}  // namespace

void AddEvaluateCommand(CLI::App& app, CommandContext& ctx) {
    auto opt = std::make_shared<Options>();
    auto* cmd =
        app.add_subcommand("evaluate", "按指标体系计分、排名、评奖（考核/创争） Score, rank and award subjects");
    // Positionals are checked in the callback so that wrong usage exits 2 with one line, like
    // every other bad input of this command.
    cmd->add_option("framework", opt->framework_path, "指标体系 FRAMEWORK.json");
    cmd->add_option("inputs", opt->inputs_path, "考核数据 INPUTS.csv (subject,criterion,key,value)");
    cmd->add_option("--explain", opt->explain, "解释某一主体的得分 Explain one subject's total");
    cmd->add_option("--format", opt->format, "输出格式 csv|json (默认 csv)");
    cmd->add_option("--print-template", opt->print_template,
                    "打印内置模板为 FRAMEWORK.json（sanhao-team、sanhao-leader、sanhao-deputy、sihao-secretary、"
                    "secretary-project）；FRAMEWORK 也可写作 builtin:KEY");
    cmd->callback([&ctx, opt, cmd] {
        opt->explain_set = cmd->count("--explain") > 0;
        ctx.exit_code = Run(*opt);
    });
}

}  // namespace lingyan::cli
