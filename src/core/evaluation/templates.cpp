#include "core/evaluation/templates.hpp"

#include <string>
#include <utility>

namespace lingyan::core::evaluation {
namespace {

// Small builders keep the templates readable as data. A leaf's parent is the pillar it is listed
// in (Tree), so the builders take none.
CriterionSpec Leaf(std::string id, std::string name, double weight, Method method) {
    CriterionSpec c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.weight = weight;
    c.method = method;
    return c;
}

CriterionSpec Judges(std::string id, std::string name, double weight, double trim = 1) {
    CriterionSpec c = Leaf(std::move(id), std::move(name), weight, Method::kJudges);
    c.trim = trim;
    c.max = 100;
    return c;
}

CriterionSpec Manual(std::string id, std::string name, double weight, double max) {
    CriterionSpec c = Leaf(std::move(id), std::move(name), weight, Method::kManual);
    c.max = max;
    return c;
}

CriterionSpec Count(std::string id, std::string name, double weight, double per, double cap) {
    CriterionSpec c = Leaf(std::move(id), std::move(name), weight, Method::kCount);
    c.per = per;
    c.cap = cap;
    return c;
}

CriterionSpec Growth(std::string id, std::string name, double weight, double floor, double ceiling) {
    CriterionSpec c = Leaf(std::move(id), std::move(name), weight, Method::kGrowth);
    c.floor = floor;
    c.ceiling = ceiling;
    return c;
}

// A top-level group (四强, 四高 …) and its leaves.
struct Pillar {
    std::string id;
    std::string name;
    double weight;
    std::vector<CriterionSpec> leaves;
};

Pillar Group(std::string id, std::string name, double weight, std::vector<CriterionSpec> leaves) {
    return {std::move(id), std::move(name), weight, std::move(leaves)};
}

// The criteria in framework order: each pillar's group, then its leaves with the group as parent.
std::vector<CriterionSpec> Tree(std::vector<Pillar> pillars) {
    std::vector<CriterionSpec> criteria;
    for (Pillar& pillar : pillars) {
        CriterionSpec group;
        group.id = pillar.id;
        group.name = std::move(pillar.name);
        group.weight = pillar.weight;
        criteria.push_back(std::move(group));
        for (CriterionSpec& leaf : pillar.leaves) {
            leaf.parent = pillar.id;
            criteria.push_back(std::move(leaf));
        }
    }
    return criteria;
}

// 三好创争 (好班子, 好班长, 好班副): one campaign family with the same caps, bonus 5 and penalty 10.
Framework Sanhao(std::string title, std::vector<std::string> tiebreak, AwardSpec award, std::vector<Pillar> pillars) {
    return {.name = "三好创争·" + title,
            .bonus_cap = 5,
            .penalty_cap = 10,
            .tiebreak = std::move(tiebreak),
            .awards = {std::move(award)},
            .criteria = Tree(std::move(pillars))};
}

// 好班子 四强: 引领力强、凝聚力强、战斗力强、公信力强 (seed 002). Subjects: town/street teams.
Framework SanhaoTeam() {
    return Sanhao(
        "好班子（四强）", {"zhandouli", "gongxinli"}, {"好班子", 4, 80},
        {
            Group("yinlingli", "引领力强", 25,
                  {Count("yl_study", "中心组月学次数", 1, 1, 12), Judges("yl_judges", "政治引领述比评分", 2)}),
            Group("ningjuli", "凝聚力强", 25,
                  {Leaf("nj_rating", "班子民主测评", 2, Method::kRating), Judges("nj_unity", "班子团结协作评分", 1)}),
            Group("zhandouli", "战斗力强", 30,
                  {Leaf("zd_sales", "开票销售完成率", 1, Method::kTarget),
                   Leaf("zd_invest", "产业投资完成率", 1, Method::kTarget),
                   Leaf("zd_fdi", "外资到账完成率", 1, Method::kTarget),
                   Leaf("zd_rank", "年度综合考核排名", 1, Method::kRank)}),
            Group(
                "gongxinli", "公信力强", 20,
                {Manual("gx_satisfaction", "群众满意度", 2, 100), Count("gx_petitions", "信访积案化解件数", 1, 1, 5)}),
        });
}

// 好班长 四高: 政治站位高、驾驭水平高、担当能级高、发展本领高. Subjects: town party secretaries.
Framework SanhaoLeader() {
    return Sanhao(
        "好班长（四高）", {"fazhan", "zhengzhi"}, {"好班长", 4, 80},
        {
            Group("zhengzhi", "政治站位高", 25,
                  {Judges("zz_report", "述职述廉评分", 1), Leaf("zz_rating", "干部群众民主测评", 1, Method::kRating)}),
            Group("jiayu", "驾驭水平高", 25,
                  {Leaf("jy_team", "班子成员测评", 1, Method::kRating), Judges("jy_judges", "抓班子带队伍评分", 1)}),
            Group("dandang", "担当能级高", 25,
                  {Judges("dd_project", "班长示范项目评审", 2), Count("dd_hard", "急难险重任务牵头件数", 1, 1, 4)}),
            Group("fazhan", "发展本领高", 25,
                  {Growth("fz_sales", "开票销售同比增长", 1, 0.0, 0.3),
                   Leaf("fz_target", "年度目标任务完成率", 1, Method::kTarget)}),
        });
}

// 好班副 四优: 政治素质优、执行能力优、开拓精神优、专业素养优, each with items of the
// 27-item positive guidance list (27项正向指引清单), each item scored 0–10 by the review panel.
Framework SanhaoDeputy() {
    struct Item {
        const char* id;
        const char* name;
    };
    struct ItemPillar {
        const char* id;
        const char* name;
        std::vector<Item> items;
    };
    const ItemPillar item_pillars[] = {
        {"zhengzhi",
         "政治素质优",
         {{"zz01", "对党忠诚，坚决执行区委和镇街党(工)委决策部署"},
          {"zz02", "请示带方案、汇报说结果，主动向班长报告"},
          {"zz03", "真诚对待班长，维护班子团结"},
          {"zz04", "严守政治纪律和政治规矩，廉洁自律"},
          {"zz05", "参加中心组月学，理论学习有体会有成果"},
          {"zz06", "民主生活会上开展批评与自我批评"},
          {"zz07", "践行为民宗旨，联系服务群众"}}},
        {"zhixing",
         "执行能力优",
         {{"zx01", "分管工作年度目标任务按期完成"},
          {"zx02", "党(工)委决策部署在分管领域落地见效"},
          {"zx03", "主动提醒、及时补台"},
          {"zx04", "承上启下，协调上下左右内外"},
          {"zx05", "急难险重任务冲在一线"},
          {"zx06", "只为问题找答案，不把矛盾留给队友"},
          {"zx07", "督查点调发现的问题整改到位"}}},
        {"kaituo",
         "开拓精神优",
         {{"kt01", "招商引资、双招双引取得实效"},
          {"kt02", "班副争先项目推进有力"},
          {"kt03", "向上争取资金和政策支持"},
          {"kt04", "工作创新，形成品牌或样板"},
          {"kt05", "化解久拖不决的信访矛盾"},
          {"kt06", "培养年轻干部，打造干部雁阵"},
          {"kt07", "盘活闲置资产，促进集体增收"}}},
        {"zhuanye",
         "专业素养优",
         {{"zy01", "熟悉分管领域政策法规"},
          {"zy02", "学习新知识，补齐知识弱项和能力短板"},
          {"zy03", "深入调查研究，形成调研成果"},
          {"zy04", "牵头起草方案文稿质量高"},
          {"zy05", "依法行政和数字化履职能力强"},
          {"zy06", "分管条线在全区考核中位次靠前"}}},
    };
    std::vector<Pillar> pillars;
    for (const auto& item_pillar : item_pillars) {
        std::vector<CriterionSpec> leaves;
        for (const auto& item : item_pillar.items) leaves.push_back(Manual(item.id, item.name, 1, 10));
        pillars.push_back(Group(item_pillar.id, item_pillar.name, 25, std::move(leaves)));
    }
    return Sanhao("好班副（四优）", {"zhixing", "zhengzhi"}, {"好班副", 18, 80}, std::move(pillars));
}

// 四好书记: 政治素质好、发展实绩好、作风形象好、群众口碑好. Subjects: village/community secretaries.
Framework SihaoSecretary() {
    return {.name = "四好书记",
            .bonus_cap = 5,
            .penalty_cap = 20,
            .tiebreak = {"shiji", "koubei"},
            .awards = {{"四好书记", 10, 85}},
            .criteria = Tree({
                Group("suzhi", "政治素质好", 20, {Leaf("sz_party", "党员民主测评", 1, Method::kRating)}),
                Group("shiji", "发展实绩好", 40,
                      {Leaf("sj_income", "村集体经营性收入目标完成率", 2, Method::kTarget),
                       Growth("sj_growth", "村集体经营性收入同比增长", 1, 0.0, 0.2),
                       Leaf("sj_rank", "年度目标考核排名", 1, Method::kRank)}),
                Group("zuofeng", "作风形象好", 20, {Judges("zf_arena", "擂台赛评委打分", 1)}),
                Group("koubei", "群众口碑好", 20,
                      {Leaf("kb_rating", "群众满意度测评", 2, Method::kRating),
                       Count("kb_deeds", "为民办实事件数", 1, 1, 10)}),
            })};
}

// 书记项目: yearly secretary projects ranked for gold, silver and bronze awards (金质奖 …); its
// criteria have no groups.
Framework SecretaryProject() {
    return {.name = "书记项目",
            .tiebreak = {"effect", "progress"},
            .awards = {{"金质奖", 3, 85}, {"银质奖", 4, 75}, {"铜质奖", 5, 60}},
            .criteria = {
                Leaf("progress", "项目进度（节点完成率）", 25, Method::kTarget),
                Judges("effect", "项目成效评审", 40),
                Leaf("masses", "群众评价", 20, Method::kRating),
                Manual("innovation", "创新示范", 15, 10),
            }};
}

}  // namespace

std::vector<Template> BuiltinTemplates() {
    std::vector<Template> out;
    out.push_back({"sanhao-team", "三好创争·好班子（四强）", "镇街领导班子", SanhaoTeam()});
    out.push_back({"sanhao-leader", "三好创争·好班长（四高）", "镇街党(工)委书记", SanhaoLeader()});
    out.push_back({"sanhao-deputy", "三好创争·好班副（四优）", "镇街班子副职", SanhaoDeputy()});
    out.push_back({"sihao-secretary", "四好书记", "村（社区）党组织书记", SihaoSecretary()});
    out.push_back({"secretary-project", "书记项目", "书记项目", SecretaryProject()});
    return out;
}

const Template* FindTemplate(const std::vector<Template>& templates, std::string_view key) {
    for (const auto& t : templates) {
        if (t.key == key) return &t;
    }
    return nullptr;
}

}  // namespace lingyan::core::evaluation
