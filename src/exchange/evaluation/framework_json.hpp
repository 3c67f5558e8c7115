#pragma once
// FRAMEWORK.json ⇄ core::evaluation::Framework: the file format pinned by issue 4 (docs/evaluate.md),
// shared by `lingyan evaluate` and the campaign service (which stores each framework version as
// this JSON text). Reading is strict: unknown members and wrong types are refused with the
// line of the offending member. Stateless; safe to call from several threads.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/text/number.hpp"
#include "core/evaluation/framework.hpp"

namespace lingyan::exchange {

// A problem in FRAMEWORK.json; `line` is 1-based (1 when the whole document is concerned).
struct FrameworkJsonError {
    std::size_t line = 0;
    std::string message;
};

// Reads FRAMEWORK.json text. The text must outlive the reader.
class FrameworkReader {
public:
    explicit FrameworkReader(std::string_view text) : text_(text) {}

    // The framework as written, not yet compiled (Compile validates the tree); nullopt with
    // `error` set when the JSON is malformed or a member has the wrong type or is unknown.
    std::optional<core::evaluation::Framework> Read(FrameworkJsonError& error);

    // Line of the member an engine validation error concerns (`field` is a criterion id or a
    // framework key, as core::evaluation::Compile reports it).
    std::size_t LineOfField(const std::string& field, const std::string& message) const;

private:
    std::string_view text_;
};

// Reads and compiles in one step; errors are errc::kInvalid with `field` = "line N" for JSON
// problems, or the criterion id / key Compile names.
core::Result<core::evaluation::CompiledFramework> ParseFramework(std::string_view text);

// A framework as FRAMEWORK.json (nested children, 2-space indent), so that a built-in template
// can be copied, edited and read back with FrameworkReader to an equal framework.
std::string FrameworkToJson(const core::evaluation::Framework& fw);

// A JSON string literal for `text` (quotes and control characters escaped).
std::string JsonString(std::string_view text);
using core::text::ShortestNumber;  // framework values print in this form

}  // namespace lingyan::exchange
