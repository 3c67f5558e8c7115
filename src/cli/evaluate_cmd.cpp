// `lingyan evaluate FRAMEWORK.json INPUTS.csv [--explain SUBJECT] [--format csv|json]`: scores,
// ranks and awards the subjects of INPUTS.csv under a framework, with the file formats pinned
// by issue 4 and the semantics of SPEC.md. The engine is core/scoring; this file only reads,
// maps and prints. Bad input exits 2 with one stderr line "FILE:LINE: problem".

#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "core/evaluation/engine.hpp"
#include "core/evaluation/facts.hpp"
#include "core/evaluation/framework.hpp"
#include "core/evaluation/templates.hpp"
#include "core/text/csv.hpp"
#include "exchange/common/file_io.hpp"
#include "exchange/common/text_encoding.hpp"
#include "exchange/evaluation/framework_json.hpp"

namespace lingyan::cli {
namespace {

namespace evaluation = core::evaluation;

// A problem in one of the input files; `line` 0 means "the file as a whole".
struct InputError {
    std::string file;
    std::size_t line = 0;
    std::string message;
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

std::string AwardName(const evaluation::Evaluation& evaluation, const evaluation::SubjectResult& r) {
    return r.award < 0 ? std::string() : evaluation.awards[static_cast<std::size_t>(r.award)].name;
}

std::string InputsText(const std::vector<evaluation::ExplainedInput>& inputs) {
    std::string out;
    for (const auto& input : inputs) {
        if (!out.empty()) out += "; ";
        out += input.key + "=" + Readable(input.value);
        if (input.dropped) out += " (dropped)";
    }
    return out;
}

void PrintRankingCsv(const evaluation::Evaluation& evaluation, std::string& out) {
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
using exchange::JsonString;

std::string JsonBool(bool value) { return value ? "true" : "false"; }

std::string SubjectJsonFields(const evaluation::Evaluation& evaluation, const evaluation::SubjectResult& r) {
    std::string out = "\"rank\":" + std::to_string(r.rank) + ",\"subject\":" + JsonString(r.name) +
                      ",\"total\":" + Cents(r.total_cents) + ",\"vetoed\":" + JsonBool(r.vetoed);
    if (r.vetoed) out += ",\"veto_reason\":" + JsonString(r.veto_reason);
    out += ",\"incomplete\":" + JsonBool(r.incomplete);
    out += ",\"award\":" + (r.award >= 0 ? JsonString(AwardName(evaluation, r)) : std::string("null"));
    return out;
}

void PrintRankingJson(const evaluation::CompiledFramework& fw, const evaluation::Evaluation& evaluation, std::string& out) {
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

void PrintExplanationCsv(const evaluation::Explanation& x, const evaluation::Evaluation& evaluation, std::string& out) {
    out += "criterion,name,level,method,inputs,s,weight,share,contribution\n";
    for (const auto& c : x.criteria) {
        out += CsvField(c.id) + ',' + CsvField(c.name) + ',' + std::to_string(c.depth + 1) + ',' +
               std::string(evaluation::MethodName(c.method)) + ',' +
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

void PrintExplanationJson(const evaluation::Explanation& x, const evaluation::Evaluation& evaluation, std::string& out) {
    out += "{" + SubjectJsonFields(evaluation, x.result) + ",\"scale\":" + Shortest(x.scale) +
           ",\"s_root\":" + Shortest(x.s_root) + ",\"bonus\":{\"raw\":" + Shortest(x.raw_bonus) +
           ",\"applied\":" + Shortest(x.result.bonus) + "},\"penalty\":{\"raw\":" + Shortest(x.raw_penalty) +
           ",\"applied\":" + Shortest(x.result.penalty) + "},\"criteria\":[";
    for (std::size_t pos = 0; pos < x.criteria.size(); ++pos) {
        const auto& c = x.criteria[pos];
        out += pos ? ",\n{" : "\n{";
        out += "\"id\":" + JsonString(c.id) + ",\"name\":" + JsonString(c.name) +
               ",\"level\":" + std::to_string(c.depth + 1) +
               ",\"method\":" + JsonString(evaluation::MethodName(c.method)) + ",\"inputs\":[";
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

using exchange::FrameworkToJson;

std::string TemplateKeys(const std::vector<evaluation::Template>& templates) {
    std::string out;
    for (const auto& t : templates) out += (out.empty() ? "" : "、") + std::string(t.key);
    return out;
}

// ---- INPUTS.csv → FactSheet ---------------------------------------------------------------

std::optional<InputError> ReadFacts(const std::string& file, std::string_view text, evaluation::FactSheet& sheet) {
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
    const auto templates = evaluation::BuiltinTemplates();
    if (!opt.print_template.empty()) {
        const auto* t = evaluation::FindTemplate(templates, opt.print_template);
        if (!t) {
            std::cerr << "lingyan evaluate: 没有内置模板 “" << opt.print_template << "”（可用 "
                      << TemplateKeys(templates) << "）\n";
            return kExitBadInput;
        }
        const std::string out = FrameworkToJson(t->framework);
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
            const auto* t = evaluation::FindTemplate(templates, key);
            if (!t) {
                std::cerr << opt.framework_path << ": 没有这个内置模板（可用 " << TemplateKeys(templates) << "）\n";
                return kExitBadInput;
            }
            framework_text = FrameworkToJson(t->framework);
        } else {
            framework_text = exchange::ReadFile(opt.framework_path);
        }
        inputs_text = exchange::ReadTextFile(opt.inputs_path);  // UTF-8, GBK or UTF-16
    } catch (const exchange::FileError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    }

    exchange::FrameworkReader reader(framework_text);
    exchange::FrameworkJsonError json_error;
    auto framework = reader.Read(json_error);
    if (!framework) return fail({opt.framework_path, json_error.line, json_error.message});
    auto compiled = evaluation::Compile(std::move(*framework));
    if (!compiled) {
        const auto& e = compiled.error();
        return fail({opt.framework_path, reader.LineOfField(e.field, e.message), e.message});
    }

    evaluation::FactSheet sheet(*compiled, opt.inputs_path);
    if (auto bad = ReadFacts(opt.inputs_path, inputs_text, sheet)) return fail(*bad);
    auto evaluation = evaluation::Evaluate(sheet);
    if (!evaluation) {
        // The engine's field is already "file:line".
        std::cerr << evaluation.error().field << ": " << evaluation.error().message << '\n';
        return kExitBadInput;
    }

    std::string out;
    if (opt.explain_set) {
        auto explanation = evaluation::Explain(sheet, *evaluation, opt.explain);
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
