#include "app/training/pool_rules_json.hpp"

#include <cctype>
#include <charconv>
#include <vector>

#include "app/common/use_case.hpp"
#include "core/roster/person_rules.hpp"
#include "core/text/json_escape.hpp"

namespace lingyan::app {

namespace training = core::training;

std::optional<training::PartyStanding> PartyStandingFromName(std::string_view name) {
    for (auto s : {training::PartyStanding::kNone, training::PartyStanding::kProbationary,
                   training::PartyStanding::kFull})
        if (name == training::PartyStandingName(s)) return s;
    return std::nullopt;
}

std::string RulesToJson(const training::EligibilityRules& rules) {
    std::string out = "{";
    auto key = [&out](const char* name) {
        if (out.size() > 1) out += ',';
        out += '"';
        out += name;
        out += "\":";
    };
    if (rules.min_age) key("min_age"), out += std::to_string(*rules.min_age);
    if (rules.max_age) key("max_age"), out += std::to_string(*rules.max_age);
    if (rules.min_education) key("min_education"), out += JsonQuote(core::roster::EducationName(*rules.min_education));
    if (!rules.allowed_posts.empty()) {
        key("allowed_posts");
        out += '[';
        for (std::size_t post_idx = 0; post_idx < rules.allowed_posts.size(); ++post_idx) {
            if (post_idx > 0) out += ',';
            out += JsonQuote(rules.allowed_posts[post_idx]);
        }
        out += ']';
    }
    if (rules.min_years_in_post) key("min_years_in_post"), out += std::to_string(*rules.min_years_in_post);
    if (rules.min_party != training::PartyStanding::kNone)
        key("min_party"), out += JsonQuote(training::PartyStandingName(rules.min_party));
    if (rules.honour) {
        key("honour_title"), out += JsonQuote(rules.honour->title);
        key("honour_level"), out += JsonQuote(core::honours::LevelName(rules.honour->min_level));
        if (rules.honour->within_years > 0) key("honour_within_years"), out += std::to_string(rules.honour->within_years);
    }
    out += '}';
    return out;
}

namespace {

// A cursor over the text with the few token readers the flat format needs.
class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    void SkipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool Eat(char c) {
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
        return false;
    }
    bool AtEnd() {
        SkipSpace();
        return pos_ == text_.size();
    }
    std::optional<std::string> String() {
        if (!Eat('"')) return std::nullopt;
        std::string out;
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) return std::nullopt;
            char e = text_[pos_++];
            switch (e) {
                case '"': case '\\': case '/': out += e; break;
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    if (pos_ + 4 > text_.size()) return std::nullopt;
                    unsigned code = 0;
                    auto [p, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, code, 16);
                    if (ec != std::errc() || p != text_.data() + pos_ + 4 || code >= 0xD800) return std::nullopt;
                    pos_ += 4;
                    // Basic Multilingual Plane only: JsonQuote escapes control characters, nothing else.
                    if (code < 0x80) {
                        out += static_cast<char>(code);
                    } else if (code < 0x800) {
                        out += static_cast<char>(0xC0 | (code >> 6));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    } else {
                        out += static_cast<char>(0xE0 | (code >> 12));
                        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    }
                    break;
                }
                default: return std::nullopt;
            }
        }
        return std::nullopt;
    }
    std::optional<int> Integer() {
        SkipSpace();
        int value = 0;
        auto [p, ec] = std::from_chars(text_.data() + pos_, text_.data() + text_.size(), value);
        if (ec != std::errc()) return std::nullopt;
        pos_ = static_cast<std::size_t>(p - text_.data());
        return value;
    }
    bool Null() {
        SkipSpace();
        if (text_.substr(pos_, 4) == "null") return pos_ += 4, true;
        return false;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

core::Result<training::EligibilityRules> RulesFromJson(std::string_view text) {
    training::EligibilityRules rules;
    Reader in(text);
    if (!in.Eat('{')) return Invalid("资格条件应为 JSON 对象", "rules");
    if (in.Eat('}')) {
        if (!in.AtEnd()) return Invalid("资格条件后有多余内容", "rules");
        return rules;
    }
    do {
        auto key = in.String();
        if (!key) return Invalid("资格条件的键应为字符串", "rules");
        const std::string field = "rules." + *key;
        if (!in.Eat(':')) return Invalid("资格条件格式错误", field);
        if (in.Null()) continue;
        if (*key == "min_age" || *key == "max_age" || *key == "min_years_in_post") {
            auto v = in.Integer();
            if (!v || *v < 0 || *v > 150) return Invalid(field + " 应为 0–150 的整数", field);
            (*key == "min_age" ? rules.min_age : *key == "max_age" ? rules.max_age : rules.min_years_in_post) = *v;
        } else if (*key == "min_education") {
            auto v = in.String();
            auto e = v ? core::roster::EducationFromString(*v) : std::nullopt;
            if (!e) return Invalid("学历代码无效（middle, high, junior_college, bachelor, postgraduate）", field);
            rules.min_education = *e;
        } else if (*key == "min_party") {
            auto v = in.String();
            auto p = v ? PartyStandingFromName(*v) : std::nullopt;
            if (!p) return Invalid("政治面貌要求应为 none, probationary 或 full", field);
            rules.min_party = *p;
        } else if (*key == "allowed_posts") {
            if (!in.Eat('[')) return Invalid("allowed_posts 应为字符串数组", field);
            if (!in.Eat(']')) {
                do {
                    auto post = in.String();
                    if (!post || post->empty()) return Invalid("allowed_posts 应为字符串数组", field);
                    rules.allowed_posts.push_back(std::move(*post));
                } while (in.Eat(','));
                if (!in.Eat(']')) return Invalid("allowed_posts 应为字符串数组", field);
            }
        } else if (*key == "honour_title") {
            auto v = in.String();
            if (!v || v->empty()) return Invalid("honour_title 应为称号名称", field);
            if (!rules.honour) rules.honour = core::honours::HonourRule{};
            rules.honour->title = *v;
        } else if (*key == "honour_level") {
            auto v = in.String();
            auto level = v ? core::honours::LevelFromName(*v) : std::nullopt;
            if (!level) return Invalid("honour_level 应为 province、city、county 或 town", field);
            if (!rules.honour) rules.honour = core::honours::HonourRule{};
            rules.honour->min_level = *level;
        } else if (*key == "honour_within_years") {
            auto v = in.Integer();
            if (!v || *v < 0 || *v > 100) return Invalid(field + " 应为 0–100 的整数", field);
            if (!rules.honour) rules.honour = core::honours::HonourRule{};
            rules.honour->within_years = *v;
        } else {
            return Invalid("未知的资格条件 " + *key, field);
        }
    } while (in.Eat(','));
    if (!in.Eat('}') || !in.AtEnd()) return Invalid("资格条件格式错误", "rules");
    if (rules.min_age && rules.max_age && *rules.min_age > *rules.max_age)
        return Invalid("年龄下限高于上限", "rules.min_age");
    if (rules.honour && rules.honour->title.empty()) return Invalid("荣誉条件须指定称号 honour_title", "rules.honour_title");
    return rules;
}

}  // namespace lingyan::app
