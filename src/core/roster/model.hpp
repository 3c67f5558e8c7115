#pragma once
// Roster domain: units in the region tree, party organizations, people and positions.
// Plain values; no I/O. Dates are ISO "YYYY-MM-DD" strings validated by core/common/date.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lingyan::core::roster {

using Id = std::int64_t;

// Levels of the region tree, top to bottom. Grids and non-public enterprises hang under a
// village/community or town. When adding a kind, also update KindFromString/KindName and
// the web app's i18n (web/src/locales).
enum class UnitKind { kProvince, kCity, kCounty, kTown, kVillage, kCommunity, kGrid, kEnterprise };

enum class Economy { kNone, kAgriculture, kIndustry, kTourism, kMixed, kUrban };

struct Unit {
    Id id = 0;
    std::optional<Id> parent_id;
    std::string code;  // 12-digit national division code (may be empty for grids/enterprises)
    std::string name;
    UnitKind kind = UnitKind::kVillage;
    Economy economy = Economy::kNone;
    bool dev_zone = false;
    bool near_highway = false;
    std::int64_t population = 0;
    double area_km2 = 0;
};

// Collective operating income (村集体经营性收入) of a unit in a year, in yuan.
struct UnitIncome {
    Id unit_id = 0;
    int year = 0;
    std::int64_t amount_yuan = 0;
};

enum class PartyOrgKind { kCommittee, kGeneralBranch, kBranch, kGroup };  // 党委/党总支/党支部/党小组

// A party organization (党组织) set up in a unit. A branch on a grid unit is a grid branch
// (网格党支部) under the village's organization (`parent_id`). Nothing is deleted: a dissolved
// organization keeps its row, its history and its former members' records (`dissolved_on`).
struct PartyOrg {
    Id id = 0;
    Id unit_id = 0;
    std::string name;
    PartyOrgKind kind = PartyOrgKind::kBranch;
    int member_count = 0;       // registered members (people whose membership is here or in a sub-organization)
    Id parent_id = 0;           // the superior organization, 0: none
    std::string approved_on;    // YYYY-MM-DD of the approval of the current setup (成立/升格批复)
    std::string document_no;    // the approval's document number (批复文号)
    std::string dissolved_on;   // YYYY-MM-DD, empty while active
    bool active() const { return dissolved_on.empty(); }
};

// One entry of an organization's history (沿革): created, renamed, upgraded, dissolved.
struct PartyOrgEvent {
    Id id = 0;
    Id org_id = 0;
    std::string action;       // create, rename, upgrade, dissolve
    std::string from, to;     // names or kinds before and after
    std::string approved_on;  // YYYY-MM-DD of the approval (upgrade, dissolve), may be empty
    std::string document_no;
    std::string done_by, done_at;
};

// A 党员中心户: a member's household that looks after nearby members (seed 003: 遍布各个自然村的
// 党员中心户). `served` are the members it is responsible for.
struct PartyHousehold {
    Id id = 0;
    Id org_id = 0;
    Id person_id = 0;          // the member heading the household
    std::string place;         // 自然村 / 组, where the household is
    std::vector<Id> served;    // members it looks after
    std::string created_on;    // YYYY-MM-DD
    std::string dissolved_on;  // empty while active
};

enum class Gender { kMale, kFemale };

// Education levels, lowest first; kJuniorCollege (大专) and above count as "college".
enum class Education { kMiddleOrBelow, kHighSchool, kJuniorCollege, kBachelor, kPostgraduate };

struct Person {
    Id id = 0;
    Id unit_id = 0;
    std::string name;
    Gender gender = Gender::kMale;
    std::string birth_date;        // YYYY-MM-DD, or YYYY-MM when only the month is known (出生年月)
    Education education = Education::kHighSchool;
    std::string party_join_date;   // YYYY-MM-DD or empty (not a party member)
    std::string id_number;         // 18-character resident ID; only ever shown masked
    std::string phone;
    bool reserve_cadre = false;    // 后备干部
    Id party_org_id = 0;           // membership: the party organization (0: none); joined on party_join_date
};

struct Position {
    Id id = 0;
    Id person_id = 0;
    Id unit_id = 0;
    std::string title;       // 书记, 副书记, 委员, 主任, 党委书记, 镇长 …
    std::string start_date;  // YYYY-MM-DD
    std::string end_date;    // empty while in office
};

}  // namespace lingyan::core::roster
