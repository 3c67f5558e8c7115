#pragma once
// Facts (考核数据): the inputs of one evaluation cycle, one fact at a time, in the long format of
// INPUTS.csv (subject, criterion, key, value). A FactSheet checks each fact as it arrives and
// keeps per subject and leaf only what the method needs. Not thread-safe; one sheet per
// evaluation. It refers to the compiled framework, which must outlive it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/result.hpp"
#include "core/evaluation/framework.hpp"

namespace lingyan::core::evaluation {

// Keys accepted per method (the data format of INPUTS.csv and of the import templates).
// target: actual, target · growth: actual, base · judges: judge (one fact per judge's score) ·
// rating: 优秀, 称职, 基本称职, 不称职 (counts) · rank: value · count: count · manual: value.
// Subject-level facts use criterion "-" with keys veto (value: the reason), bonus, penalty.
inline constexpr std::string_view kSubjectLevel = "-";

// Values of the democratic-rating grades.
struct RatingGrade {
    std::string_view key;
    double value;
};
inline constexpr RatingGrade kRatingGrades[] = {{"优秀", 1.0}, {"称职", 0.8}, {"基本称职", 0.6}, {"不称职", 0.0}};

// What a subject has for one leaf. `line` is the source line of the first fact for it, used to
// point at the data when the combination turns out invalid (too few judges).
struct LeafFacts {
    double a = 0;                     // target/growth: actual; rank/manual: value; count: count
    double b = 0;                     // target: target; growth: base
    double rating[4] = {0, 0, 0, 0};  // counts in kRatingGrades order
    std::vector<double> judges;
    std::uint32_t line = 0;
    std::uint8_t seen = 0;  // bit per key: 1 = a, 2 = b, 4 = any rating, 8 = any judge
};

struct SubjectFacts {
    std::string name;
    bool vetoed = false;
    std::string veto_reason;
    double bonus = 0;
    double penalty = 0;
    double coefficient = 1;         // track coefficient (赛道系数): multiplies the total
    std::vector<LeafFacts> leaves;  // indexed by Node::leaf_index
};

class FactSheet {
public:
    // `source` names the origin of the facts (a file name) in error fields: "source:line".
    FactSheet(const CompiledFramework& framework, std::string source);

    // Declares a subject that may have no facts at all (it then scores 0 and is incomplete).
    // Subjects keep the order in which they are first seen. Returns the subject's index.
    std::size_t AddSubject(std::string_view subject);

    // Adds one fact given as text; `line` is reported in errors. Refuses (errc::kInvalid,
    // field "source:line"): an empty subject, an unknown criterion, a criterion that is not a
    // leaf, a key the criterion's method does not take, a value that is not a finite number,
    // target ≤ 0, growth base 0, a judge score or manual value outside [0, max], negative
    // counts, bonus or penalty, and a fact given twice (rating counts, judge scores, bonus and
    // penalty add up instead).
    Status Add(std::string_view subject, std::string_view criterion, std::string_view key, std::string_view value,
               std::size_t line = 0);
    // The same with a number already parsed (not for `veto`, whose value is a reason).
    Status AddNumber(std::string_view subject, std::string_view criterion, std::string_view key, double value,
                     std::size_t line = 0);
    // Vetoes a subject (一票否决) with a reason; refused if the subject is already vetoed.
    Status AddVeto(std::string_view subject, std::string_view reason, std::size_t line = 0);
    // Sets the coefficient of a subject's track (赛道系数, > 0 and finite; default 1). Not a
    // fact of INPUTS.csv: campaigns set it from the subject's track.
    Status SetCoefficient(std::string_view subject, double coefficient);

    const CompiledFramework& framework() const { return *framework_; }
    const std::vector<SubjectFacts>& subjects() const { return subjects_; }
    const std::string& source() const { return source_; }
    // Index of a subject by name, or -1.
    long Find(std::string_view subject) const;
    // "source:line" as used in error fields.
    std::string Where(std::size_t line) const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    Error Fail(std::size_t line, std::string message) const;
    std::size_t SubjectIndex(std::string_view subject);
    Status AddParsed(std::size_t subject_idx, std::string_view criterion, std::string_view key, double value,
                     std::size_t line);

    const CompiledFramework* framework_;
    std::string source_;
    std::vector<SubjectFacts> subjects_;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> subject_index_;
    // Facts usually come grouped by subject and criterion; remembering the last lookups skips
    // most hashing on large files.
    std::string last_subject_;
    std::size_t last_subject_idx_ = 0;
    std::string last_criterion_;
    int last_node_ = kNoNode;
};

}  // namespace lingyan::core::evaluation
