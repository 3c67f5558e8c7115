#pragma once
// Built-in evaluation frameworks (内置考核模板) from the practices in the seeds: 三好创争
// (好班子 四强, 好班长 四高, 好班副 四优 with the 27-item guidance list), 四好书记 and
// 书记项目. They are starting points: a campaign copies one into a new framework version and
// may change weights, parameters and quotas. Pure data; no I/O.

#include <string_view>
#include <vector>

#include "core/evaluation/framework.hpp"

namespace lingyan::core::evaluation {

struct Template {
    std::string_view key;       // stable ASCII key, e.g. "sanhao-team"
    std::string_view title;     // display title, e.g. "三好创争·好班子（四强）"
    std::string_view subjects;  // what is evaluated, e.g. "镇街领导班子"
    Framework framework;
};

// All built-in templates, in a fixed order. Every one compiles (tested).
std::vector<Template> BuiltinTemplates();

// The template with this key in `templates`, or nullptr.
const Template* FindTemplate(const std::vector<Template>& templates, std::string_view key);

}  // namespace lingyan::core::evaluation
