#include "core/evaluation/facts.hpp"

#include <charconv>
#include <cmath>
#include <utility>

namespace lingyan::core::evaluation {
namespace {

constexpr std::uint8_t kSeenA = 1;
constexpr std::uint8_t kSeenB = 2;
constexpr std::uint8_t kSeenRating = 4;
constexpr std::uint8_t kSeenJudge = 8;

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool ParseNumber(std::string_view text, double& out) {
    text = Trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return false;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out, std::chars_format::general);
    return ec == std::errc() && ptr == end && std::isfinite(out);
}

std::string Quote(std::string_view text) { return "“" + std::string(text) + "”"; }

std::string Number(double value) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, ptr) : std::string("?");
}

}  // namespace

FactSheet::FactSheet(const CompiledFramework& framework, std::string source)
    : framework_(&framework), source_(std::move(source)) {}

std::string FactSheet::Where(std::size_t line) const { return source_ + ":" + std::to_string(line); }

Error FactSheet::Fail(std::size_t line, std::string message) const { return Invalid(std::move(message), Where(line)); }

long FactSheet::Find(std::string_view subject) const {
    auto it = subject_index_.find(subject);
    return it == subject_index_.end() ? -1 : static_cast<long>(it->second);
}

std::size_t FactSheet::SubjectIndex(std::string_view subject) {
    if (!subjects_.empty() && subject == last_subject_) return last_subject_idx_;
    auto it = subject_index_.find(subject);
    std::size_t idx;
    if (it != subject_index_.end()) {
        idx = it->second;
    } else {
        idx = subjects_.size();
        SubjectFacts facts;
        facts.name = std::string(subject);
        facts.leaves.resize(framework_->leaves().size());
        subjects_.push_back(std::move(facts));
        subject_index_.emplace(std::string(subject), idx);
    }
    last_subject_.assign(subject);
    last_subject_idx_ = idx;
    return idx;
}

std::size_t FactSheet::AddSubject(std::string_view subject) { return SubjectIndex(subject); }

Status FactSheet::AddVeto(std::string_view subject, std::string_view reason, std::size_t line) {
    if (Trim(subject).empty()) return Fail(line, "主体（subject）为空");
    auto& facts = subjects_[SubjectIndex(subject)];
    if (facts.vetoed) return Fail(line, "主体 " + Quote(subject) + " 的 veto 重复出现");
    facts.vetoed = true;
    facts.veto_reason = std::string(Trim(reason));
    return Ok();
}

Status FactSheet::SetCoefficient(std::string_view subject, double coefficient) {
    if (Trim(subject).empty()) return Fail(0, "主体（subject）为空");
    if (!std::isfinite(coefficient) || coefficient <= 0)
        return Fail(0, "主体 " + Quote(subject) + " 的赛道系数应为正数");
    subjects_[SubjectIndex(subject)].coefficient = coefficient;
    return Ok();
}

Status FactSheet::Add(std::string_view subject, std::string_view criterion, std::string_view key,
                      std::string_view value, std::size_t line) {
    if (criterion == kSubjectLevel && key == "veto") return AddVeto(subject, value, line);
    double number = 0;
    if (!ParseNumber(value, number)) {
        return Fail(line, "值 " + Quote(value) + " 不是数字（指标 " + Quote(criterion) + "，键 " + Quote(key) + "）");
    }
    return AddNumber(subject, criterion, key, number, line);
}

Status FactSheet::AddNumber(std::string_view subject, std::string_view criterion, std::string_view key, double value,
                            std::size_t line) {
    if (Trim(subject).empty()) return Fail(line, "主体（subject）为空");
    if (!std::isfinite(value)) return Fail(line, "值不是有限数");
    return AddParsed(SubjectIndex(subject), criterion, key, value, line);
}

Status FactSheet::AddParsed(std::size_t subject_idx, std::string_view criterion, std::string_view key, double value,
                            std::size_t line) {
    auto& facts = subjects_[subject_idx];
    if (criterion == kSubjectLevel) {
        if (key == "bonus" || key == "penalty") {
            if (value < 0) return Fail(line, std::string(key) + " 不能为负：" + Number(value));
            (key == "bonus" ? facts.bonus : facts.penalty) += value;
            return Ok();
        }
        if (key == "veto") return Fail(line, "veto 的值是原因文字");
        return Fail(line, "主体级事实的键 " + Quote(key) + " 未知（可用 veto、bonus、penalty）");
    }

    int node_idx;
    if (last_node_ != kNoNode && criterion == last_criterion_) {
        node_idx = last_node_;
    } else {
        node_idx = framework_->Find(criterion);
        if (node_idx == kNoNode) return Fail(line, "未知指标 " + Quote(criterion));
        last_criterion_.assign(criterion);
        last_node_ = node_idx;
    }
    const Node& node = framework_->nodes()[static_cast<std::size_t>(node_idx)];
    if (node.leaf_index == kNoNode) return Fail(line, "指标 " + Quote(criterion) + " 有下级指标，不能直接录入数据");
    LeafFacts& leaf = facts.leaves[static_cast<std::size_t>(node.leaf_index)];
    const std::string_view method = MethodName(node.spec.method);
    auto unknown_key = [&] {
        return Fail(line, "指标 " + Quote(criterion) + "（" + std::string(method) + "）不接受键 " + Quote(key));
    };
    auto set_once = [&](double& slot, std::uint8_t bit) -> Status {
        if (leaf.seen & bit) {
            return Fail(
                line, "主体 " + Quote(facts.name) + " 的指标 " + Quote(criterion) + " 键 " + Quote(key) + " 重复出现");
        }
        if (leaf.seen == 0) leaf.line = static_cast<std::uint32_t>(line);
        leaf.seen |= bit;
        slot = value;
        return Ok();
    };
    auto non_negative = [&]() -> Status {
        if (value < 0)
            return Fail(line, "指标 " + Quote(criterion) + " 的 " + std::string(key) + " 不能为负：" + Number(value));
        return Ok();
    };

    switch (node.spec.method) {
        case Method::kTarget:
            if (key == "actual") return set_once(leaf.a, kSeenA);
            if (key == "target") {
                if (value <= 0) return Fail(line, "指标 " + Quote(criterion) + " 的目标值必须大于 0：" + Number(value));
                return set_once(leaf.b, kSeenB);
            }
            return unknown_key();
        case Method::kGrowth:
            if (key == "actual") return set_once(leaf.a, kSeenA);
            if (key == "base") {
                if (value == 0) return Fail(line, "指标 " + Quote(criterion) + " 的基期值为 0，无法计算增长率");
                return set_once(leaf.b, kSeenB);
            }
            return unknown_key();
        case Method::kJudges:
            if (key != "judge") return unknown_key();
            if (value < 0 || value > node.max) {
                return Fail(line, "指标 " + Quote(criterion) + " 的评委打分 " + Number(value) + " 超出 [0, " +
                                      Number(node.max) + "]");
            }
            if (leaf.seen == 0) leaf.line = static_cast<std::uint32_t>(line);
            leaf.seen |= kSeenJudge;
            leaf.judges.push_back(value);
            return Ok();
        case Method::kRating:
            for (std::size_t grade = 0; grade < std::size(kRatingGrades); ++grade) {
                if (key == kRatingGrades[grade].key) {
                    if (auto status = non_negative(); !status) return status;
                    if (leaf.seen == 0) leaf.line = static_cast<std::uint32_t>(line);
                    leaf.seen |= kSeenRating;
                    leaf.rating[grade] += value;
                    return Ok();
                }
            }
            return unknown_key();
        case Method::kRank:
            if (key != "value") return unknown_key();
            return set_once(leaf.a, kSeenA);
        case Method::kCount:
            if (key != "count") return unknown_key();
            if (auto status = non_negative(); !status) return status;
            return set_once(leaf.a, kSeenA);
        case Method::kManual:
            if (key != "value") return unknown_key();
            if (value < 0 || value > node.max) {
                return Fail(line, "指标 " + Quote(criterion) + " 的分值 " + Number(value) + " 超出 [0, " +
                                      Number(node.max) + "]");
            }
            return set_once(leaf.a, kSeenA);
        case Method::kGroup:
            break;
    }
    return unknown_key();
}

}  // namespace lingyan::core::evaluation
