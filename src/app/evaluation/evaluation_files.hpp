#pragma once
// EvaluationFiles: the evaluation module's file formats as the use cases see them — FRAMEWORK.json
// ⇄ Framework, the facts workbook (read, and its wide template written) and the award list. The
// exchange layer provides them (exchange/evaluation/evaluation_files.hpp) at composition, so that
// neither app nor http depends on a file format. A reader returns an `invalid` error naming
// "file" for a file it cannot read at all, and otherwise every row it could read with the
// problems of the others.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/common/row_errors.hpp"
#include "core/common/result.hpp"
#include "core/evaluation/framework.hpp"

namespace lingyan::app {

struct Board;  // campaign_service.hpp

// One fact of a facts workbook, as written.
struct SheetFact {
    std::uint32_t line = 0;
    std::string subject;  // a subject's name or id
    std::string criterion;
    std::string key;
    std::string value;
    std::string judge;  // judge scores only; "" = the uploader
    std::string column;  // the header of the cell the value came from, for row errors
};

struct FactsSheet {
    std::string sheet;   // the sheet read, for row errors
    std::string layout;  // "long" or "wide"
    std::vector<SheetFact> facts;
    std::vector<SheetProblem> problems;
};

// One column of the wide facts template.
struct FactColumn {
    std::string title;  // e.g. "开票销售·完成值"
    std::string criterion;
    std::string key;
};

// Current values of the template, by (subject name, criterion, key).
using FactValues = std::map<std::tuple<std::string, std::string, std::string>, std::string>;

struct EvaluationFiles {
    // Reads and compiles a FRAMEWORK.json; errors are `invalid` naming the line.
    std::function<core::Result<core::evaluation::CompiledFramework>(std::string_view)> parse_framework;
    std::function<std::string(const core::evaluation::Framework&)> framework_json;
    std::function<core::Result<FactsSheet>(std::string_view bytes)> read_facts;
    std::function<std::string(const std::vector<std::string>& subjects, const std::vector<FactColumn>& columns,
                              const FactValues& values)>
        facts_template;
    // The award list, the whole ranking and the negative list as an .xlsx workbook.
    std::function<std::string(const Board&)> awards_xlsx;
};

}  // namespace lingyan::app
