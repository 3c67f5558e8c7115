#include "demo/demo.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <random>

#include "core/roster/person_rules.hpp"

namespace lingyan::demo {

using namespace core::roster;

namespace {

struct VillageSpec {
    const char* name;
    UnitKind kind;
    Economy economy;
    bool dev_zone, near_highway;
    int population;
    double income_million;  // collective operating income of last year, as the articles state where known
};

struct TownSpec {
    const char* name;
    std::vector<VillageSpec> villages;
};

struct CountySpec {
    const char* name;
    const char* code6;
    std::vector<TownSpec> towns;
};

struct CitySpec {
    const char* name;
    const char* code4;
    std::vector<CountySpec> counties;
};

constexpr auto V = UnitKind::kVillage;
constexpr auto C = UnitKind::kCommunity;
constexpr auto Ag = Economy::kAgriculture;
constexpr auto In = Economy::kIndustry;
constexpr auto To = Economy::kTourism;
constexpr auto Mx = Economy::kMixed;
constexpr auto Ur = Economy::kUrban;

// Where the seed articles put the named units (seed 000: the Nantong secretaries who followed
// Suzhou's for a month and the villages they came from; seed 001: Zhangjiagang; seed 002: 姜堰's
// 13 towns; seed 003: Liyang), with the latest income an article states (last year's, in million
// yuan). Figures the articles do not give (population, the incomes of the Nantong villages beyond
// 品建村's "160多万元") are invented, plausible values. 南通开发区 and 通州湾示范区 are functional
// zones that administer towns; their codes are the demo's, in 南通市's range.
std::vector<CitySpec> Jiangsu() {
    return {
        {"南通市", "3206",
         // Beside each named unit, its neighbours in the roster (新桥村, 杨庄村 …) are invented: the
         // article names 8 of the 48 Nantong secretaries.
         {{"海安市", "320685",
           {{"海安开发区", {{"品建村", V, Ag, true, true, 3800, 1.6}, {"新桥村", V, Mx, true, true, 2900, 0.9}}},
            {"曲塘镇", {{"刘圩村", V, Ag, false, true, 5200, 0.8}, {"杨庄村", V, Ag, false, false, 2600, 0.7}}}}},
          {"通州区", "320612",
           {{"东社镇", {{"严北村", V, Ag, false, false, 3100, 0.8}, {"广济桥村", V, To, false, false, 2900, 0.7}}}}},
          {"海门区", "320614",
           {{"常乐镇", {{"官公河村", V, To, false, true, 3600, 0.9}, {"中南村", V, Mx, false, false, 3100, 0.9}}}}},
          {"启东市", "320681",
           {{"北新镇", {{"建新村", V, Mx, false, false, 4500, 1.3}, {"东凌村", V, Ag, false, false, 2700, 0.6}}}}},
          {"崇川区", "320613",
           {{"钟秀街道", {{"城北村社区", C, Ur, false, true, 9800, 2.4}, {"环港社区", C, Ur, false, true, 5400, 1.0}}}}},
          {"南通开发区", "320671",
           {{"竹行街道", {{"星怡社区", C, Ur, true, true, 6100, 1.1}, {"新联社区", C, Ur, true, true, 4800, 0.8}}}}},
          {"通州湾示范区", "320691",
           {{"三余镇", {{"同盟村", V, Ag, true, false, 4100, 1.1}, {"徐庄村", V, Ag, true, false, 3000, 0.8},
                        {"林梓村", V, Ag, false, false, 2800, 0.6}}}}}}},
        {"苏州市", "3205",
         {{"张家港市", "320582",
           {{"杨舍镇", {{"善港村", V, Mx, true, true, 9800, 18.5}, {"福前村", V, Mx, false, true, 4300, 3.6}}},
            {"南丰镇", {{"永联村", V, In, true, true, 11000, 30.0}}},
            {"金港镇", {{"新塍村", V, Ag, false, true, 4600, 4.2}}},
            {"大新镇", {{"新凯村", V, Mx, false, true, 3900, 3.1}}},
            {"张家港高新区", {{"花园村", V, Ur, true, true, 8600, 11.0}}}}},
          {"常熟市", "320581", {{"虞山街道", {{"北门大街社区", C, Ur, false, false, 12000, 8.0}}}}},
          {"太仓市", "320585", {{"城厢镇", {{"东林村", V, Ag, false, true, 5300, 20.5}}}}},
          // 灵湖村 and its co-investors: 采莲村 (工业强村) and 前塘村 (养殖强村) share a company with it.
          {"吴中区", "320506",
           {{"临湖镇", {{"灵湖村", V, To, false, true, 4800, 14.88}, {"采莲村", V, In, false, true, 5100, 9.6},
                        {"前塘村", V, Ag, false, true, 3900, 6.2}}}}},
          {"吴江区", "320509", {{"同里镇", {{"北联村", V, Ag, true, true, 4000, 13.0}}}}}}},
        {"泰州市", "3212",
         {{"姜堰区", "321204",
           {{"罗塘街道", {{"三里村", V, Mx, true, true, 4300, 2.6}, {"天目社区", C, Ur, true, true, 7200, 1.9}}},
            {"三水街道", {{"桥头村", V, In, true, true, 4100, 2.2}}},
            {"梁徐街道", {{"官庄村", V, Ag, false, true, 3600, 1.1}}},
            {"白米镇", {{"腰庄村", V, Ag, false, false, 3400, 0.9}}},
            {"张甸镇", {{"三野村", V, Mx, false, true, 3800, 1.3}}},
            {"俞垛镇", {{"仓场村", V, Ag, false, false, 3000, 0.8}}},
            {"淤溪镇", {{"周庄村", V, To, false, false, 3200, 1.0}}},
            {"大伦镇", {{"李堡村", V, Ag, false, true, 3100, 0.9}}},
            {"娄庄镇", {{"高庄村", V, Ag, false, false, 2900, 0.7}}},
            {"蒋垛镇", {{"刘庄村", V, Ag, false, false, 2800, 0.8}}},
            {"华港镇", {{"孔庄村", V, To, false, true, 3500, 1.2}}},
            {"沈高镇", {{"河横村", V, To, false, false, 3300, 1.6}}},
            {"兴泰镇", {{"甸头村", V, Mx, false, true, 3400, 1.1}}}}}}},
        {"常州市", "3204",
         {{"溧阳市", "320481",
           {{"昆仑街道", {{"东门社区", C, Ur, true, true, 8800, 1.5}, {"燕山社区", C, Ur, true, true, 7600, 1.2}}},
            {"南渡镇", {{"庆丰村", V, Mx, false, true, 4200, 1.4}}},
            {"戴埠镇", {{"塘马村", V, To, false, true, 3900, 1.3}, {"洑家村", V, To, false, false, 3100, 0.9}}}}}}},
    };
}

// 柯桥区: 大渡社区 (over 25,000 residents) and 平水镇's 合心村 (bamboo and tourism); the arena demo
// adds the contest's other villages.
std::vector<CitySpec> Zhejiang() {
    return {{"绍兴市", "3306",
             {{"柯桥区", "330603",
               {{"柯桥街道", {{"大渡社区", C, Ur, true, true, 25600, 3.2}}},
                {"平水镇", {{"合心村", V, To, false, true, 4800, 2.4}}}}}}}};
}

const char* kRosterSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                 "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
                                 "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
                                 "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁"};
const char* kGivenMale[] = {"建国", "志强", "卫东", "海涛", "国平", "建华", "永明", "晓峰", "立新", "春生",
                            "文斌", "俊杰", "宏伟", "振华", "明辉", "德胜", "家豪", "子轩", "浩然", "宇航"};
const char* kGivenFemale[] = {"秀英", "丽华", "晓燕", "红梅", "桂兰", "雪梅", "静", "婷婷", "海燕", "玉兰",
                              "慧敏", "雅琴", "思雨", "佳怡", "梦洁", "晓琳", "丹", "敏", "蕾", "欣怡"};

class Generator {
public:
    explicit Generator(const core::ports::Clock& clock) : rng_(20261122), today_(clock.Today()) {}

    Person MakePerson(Id unit_id, int min_age, int max_age, double female_share, double college_share) {
        Person p;
        p.unit_id = unit_id;
        p.gender = Pick() < female_share ? Gender::kFemale : Gender::kMale;
        p.name = std::string(kRosterSurnames[Uniform(0, std::size(kRosterSurnames) - 1)]) +
                 (p.gender == Gender::kMale ? kGivenMale[Uniform(0, std::size(kGivenMale) - 1)]
                                            : kGivenFemale[Uniform(0, std::size(kGivenFemale) - 1)]);
        int age = static_cast<int>(Uniform(min_age, max_age));
        int year = std::stoi(today_.substr(0, 4)) - age - 1;
        int month = static_cast<int>(Uniform(1, 12)), day = static_cast<int>(Uniform(1, 28));
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        p.birth_date = buf;
        double r = Pick();
        if (r < college_share) p.education = Pick() < 0.55 ? Education::kBachelor : (Pick() < 0.9 ? Education::kJuniorCollege : Education::kPostgraduate);
        else p.education = Pick() < 0.7 ? Education::kHighSchool : Education::kMiddleOrBelow;
        std::snprintf(buf, sizeof buf, "%04d-%02d-01", year + 22 + static_cast<int>(Uniform(0, 8)), month);
        if (std::string(buf) < today_) p.party_join_date = buf;
        p.phone = "13" + std::to_string(Uniform(100000000, 999999999));
        p.id_number = IdNumber(p.birth_date);
        return p;
    }
    double Pick() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
    long Uniform(long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng_); }
    const std::string& today() const { return today_; }

private:
    // A syntactically valid, synthetic ID number (region 999999 does not exist).
    std::string IdNumber(const std::string& birth) {
        std::string body = "999999" + birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2);
        char seq[24];
        std::snprintf(seq, sizeof seq, "%03ld", Uniform(0, 999));
        body += seq;
        static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * kWeights[i];
        return body + "10X98765432"[sum % 11];
    }
    std::mt19937_64 rng_;
    std::string today_;
};

std::string Code(const std::string& prefix, int width, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*d", width, n);
    std::string code = prefix + buf;
    return code + std::string(12 - code.size(), '0');
}

// An account's display name is the name of the person who holds it, as in a real deployment (data,
// shown as entered in every language; the header translates the role and scope beside it): the
// officers are synthetic people, the secretary is the 书记 of the account's village (`secretary`),
// the member the points member the points demo links to it.
std::string DisplayName(const DemoAccount& a, const std::string& secretary) {
    if (a.role == "secretary" && !secretary.empty()) return secretary;
    static const std::map<std::string, std::string> officers = {
        {"admin", "周立群"}, {"county", "钱卫东"}, {"town", "孙海燕"}, {"judge", "吴振华"}, {"member", "演示党员"}};
    auto it = officers.find(a.username);
    return it == officers.end() ? a.username : it->second;
}

}  // namespace

const std::string& DemoPasswordHash(const core::ports::Crypto& crypto) {
    static const std::string hash = crypto.HashPassword(kDemoPassword);
    return hash;
}

std::vector<DemoAccount> LoadDemo(core::ports::Store& store, const core::ports::Crypto& crypto,
                                  const core::ports::Clock& clock) {
    std::vector<DemoAccount> accounts = {{"admin", "admin", "全部单位"},     {"county", "county", "姜堰区"},
                                         {"town", "town", "临湖镇"},        {"secretary", "secretary", "灵湖村"},
                                         {"judge", "judge", "柯桥区"},      {"member", "member", "塘马村"}};
    if (store.FindUserByName("admin")) return accounts;

    Generator gen(clock);
    auto tx = store.Begin();
    std::map<std::string, Id> ids;
    const int year = std::stoi(gen.today().substr(0, 4));

    auto add_unit = [&](std::optional<Id> parent, const std::string& code, const std::string& name, UnitKind kind,
                        Economy economy = Economy::kNone, bool dz = false, bool hw = false, int pop = 0) {
        Unit u;
        u.parent_id = parent;
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.economy = economy;
        u.dev_zone = dz;
        u.near_highway = hw;
        u.population = pop;
        u.area_km2 = pop > 0 ? std::round(pop / 600.0 * 10) / 10 : 0;
        Id id = store.InsertUnit(u);
        ids[name] = id;
        return id;
    };
    Id village_org = 0;  // while adding a village's people: their membership, if they are party members
    std::map<Id, std::string> secretary_of;  // village → its 书记's name
    auto add_person = [&](Id unit, const std::string& title, int min_age, int max_age, bool reserve = false) {
        Person p = gen.MakePerson(unit, min_age, max_age, title == "书记" ? 0.15 : 0.35, 0.8);
        p.reserve_cadre = reserve;
        if (!p.party_join_date.empty()) p.party_org_id = village_org;
        p.id = store.InsertPerson(p);
        if (title == "书记") secretary_of[unit] = p.name;
        if (!title.empty()) {
            int years = static_cast<int>(gen.Uniform(1, 9));
            std::string start = std::to_string(year - years) + "-0" + std::to_string(gen.Uniform(1, 9)) + "-15";
            store.InsertPosition(Position{0, p.id, unit, title, start, ""});
        }
        return p.id;
    };

    int village_counter = 0;
    auto add_province = [&](const char* name, const char* code2, const std::vector<CitySpec>& cities) {
        Id prov = add_unit(std::nullopt, std::string(code2) + "0000000000", name, UnitKind::kProvince);
        for (const CitySpec& city : cities) {
            Id city_id = add_unit(prov, Code(city.code4, 0, 0).substr(0, 4) + "00000000", city.name, UnitKind::kCity);
            for (const CountySpec& county : city.counties) {
                Id county_id = add_unit(city_id, std::string(county.code6) + "000000", county.name, UnitKind::kCounty);
                int town_no = 0;
                for (const TownSpec& town : county.towns) {
                    std::string town_code = Code(county.code6, 3, ++town_no);
                    Id town_id = add_unit(county_id, town_code, town.name, UnitKind::kTown);
                    for (const char* title : {"党委书记", "镇长", "人大主席", "纪委书记", "副镇长"})
                        add_person(town_id, title, 38, 55);
                    int village_no = 0;
                    for (const VillageSpec& v : town.villages) {
                        int n = v.kind == UnitKind::kCommunity ? ++village_no : 200 + ++village_no;
                        Id vid = add_unit(town_id, Code(town_code.substr(0, 9), 3, n), v.name, v.kind, v.economy,
                                          v.dev_zone, v.near_highway, v.population);
                        ++village_counter;
                        // Incomes of the five years before this one (this year's is not closed yet),
                        // growing towards the stated figure, last year's.
                        for (int y = year - 5; y <= year - 1; ++y) {
                            double factor = 1.0 - 0.09 * (year - 1 - y) + (gen.Pick() - 0.5) * 0.02;
                            store.UpsertIncome(UnitIncome{vid, y, static_cast<std::int64_t>(v.income_million * 1e6 * factor)});
                        }
                        int members = static_cast<int>(v.population / 28 + gen.Uniform(0, 30));
                        PartyOrgKind kind = members >= 100 ? PartyOrgKind::kCommittee
                                            : members >= 50 && village_counter % 3 != 0 ? PartyOrgKind::kGeneralBranch
                                                                                        : PartyOrgKind::kBranch;
                        std::string suffix = kind == PartyOrgKind::kCommittee       ? "党委"
                                             : kind == PartyOrgKind::kGeneralBranch ? "党总支"
                                                                                    : "党支部";
                        PartyOrg org{0, vid, std::string(v.name) + suffix, kind};
                        // The approval of the current setup (the 提档升格 of seed 003 happened a few years ago).
                        org.approved_on = std::to_string(year - 3) + "-06-" + std::to_string(10 + village_counter % 18);
                        org.document_no = std::string(town.name).substr(0, 3) + "委复〔" + std::to_string(year - 3) + "〕" +
                                          std::to_string(village_counter) + "号";
                        village_org = store.InsertPartyOrg(org);
                        // Every third village has an aging secretary; half of those lack a reserve cadre.
                        bool aging = village_counter % 3 == 0;
                        add_person(vid, "书记", aging ? 57 : 35, aging ? 60 : 52);
                        add_person(vid, v.kind == UnitKind::kCommunity ? "主任" : "副书记", 30, 50);
                        for (int k = 0; k < 3; ++k) add_person(vid, "委员", 26, 55);
                        if (!aging || village_counter % 2 == 0) add_person(vid, "", 24, 33, true);
                        village_org = 0;
                        for (int g = 1; g <= 2; ++g)
                            add_unit(vid, "", std::string(v.name) + "第" + (g == 1 ? "一" : "二") + "网格", UnitKind::kGrid);
                    }
                }
            }
        }
    };
    add_province("江苏省", "32", Jiangsu());
    add_province("浙江省", "33", Zhejiang());
    // One person entered twice (issue 11): moved from 太仓's 东林村 to 姜堰's 甸头村 and entered again
    // there with the same ID number. Each county sees only its own record; admin resolves it on
    // 队伍名册 → 身份证号重复.
    Person moved = gen.MakePerson(ids.at("东林村"), 30, 40, 0.3, 0.8);
    moved.id = store.InsertPerson(moved);
    moved.unit_id = ids.at("甸头村");
    store.InsertPerson(moved);

    for (const DemoAccount& a : accounts) {
        core::ports::UserRecord u;
        u.username = a.username;
        u.display_name = DisplayName(a, a.role == "secretary" ? secretary_of[ids.at(a.scope_name)] : "");
        u.role = a.role;
        u.scope_unit_id = a.role == "admin" ? 0 : ids.at(a.scope_name);
        u.password_hash = DemoPasswordHash(crypto);
        u.id = store.InsertUser(u);
    }
    core::ports::AuditEntry e;
    e.at = clock.NowIso();
    e.user = "system";
    e.action = "demo";
    e.entity = "deployment";
    e.detail = "{\"units\":" + std::to_string(ids.size()) + "}";
    store.AppendAudit(e);
    tx->Commit();
    return accounts;
}

}  // namespace lingyan::demo
