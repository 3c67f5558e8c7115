#pragma once
// The 12 points rules of the province data set, shared by `lingyan load-province`
// (province_load.cpp) and the CSV generator of `lingyan points tally` (bench/points_gen.cpp, built
// on its own with -I src), so that both benches count alike. Header only, no dependencies.

namespace lingyan::storage::province {

struct RuleSpec {
    const char* code;
    const char* name;
    const char* category;
    int points;
    int cap;  // 0: none
    int weight;  // how often the generators pick it
};

inline constexpr RuleSpec kRules[] = {
    {"XX01", "参加三会一课", "学习活动", 2, 40, 20},   {"XX02", "参加专题学习", "学习活动", 3, 30, 10},
    {"ZY01", "参加志愿服务", "志愿服务", 5, 60, 18},   {"ZY02", "结对帮扶困难群众", "志愿服务", 8, 0, 4},
    {"ZF01", "带头致富", "带头致富", 10, 50, 5},       {"ZF02", "带动群众就业", "带头致富", 6, 0, 4},
    {"HJ01", "参与环境整治", "环境整治", 3, 36, 12},   {"HJ02", "垃圾分类督导", "环境整治", 2, 0, 8},
    {"JF01", "成功调处纠纷", "纠纷调处", 6, 48, 6},    {"JF02", "反映社情民意", "纠纷调处", 2, 20, 8},
    {"FM01", "无故不参加组织生活", "负面清单", -5, 30, 3}, {"FM02", "不按时交纳党费", "负面清单", -10, 0, 2},
};

}  // namespace lingyan::storage::province
