#include "core/roster/roster_index.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::roster {
namespace {

constexpr const char* kToday = "2026-06-30";

class RosterIndexTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::vector<Unit> units;
        auto add = [&](Id id, std::optional<Id> parent, const char* name) {
            Unit u;
            u.id = id;
            u.parent_id = parent;
            u.name = name;
            units.push_back(u);
        };
        add(1, std::nullopt, "镇");
        add(2, 1, "甲村");
        add(3, 1, "乙村");
        index_.SetTree(std::move(RegionTree::Build(units)).value());
    }
    Id AddPerson(Id unit, const char* birth, Gender g, Education e, const char* title, bool reserve = false) {
        Person p;
        p.id = next_id_++;
        p.unit_id = unit;
        p.name = "人" + std::to_string(p.id);
        p.birth_date = birth;
        p.gender = g;
        p.education = e;
        p.reserve_cadre = reserve;
        index_.PutPerson(p);
        if (title) index_.PutPosition(Position{p.id + 1000, p.id, unit, title, "2020-01-01", ""});
        return p.id;
    }
    RosterIndex index_;
    Id next_id_ = 1;
};

TEST_F(RosterIndexTest, StatsCountPeopleInOfficeWithBandsAndCollegeShare) {
    AddPerson(2, "1990-01-01", Gender::kMale, Education::kBachelor, "书记");          // 36
    AddPerson(2, "1960-01-01", Gender::kFemale, Education::kHighSchool, "委员");      // 66
    AddPerson(3, "1995-01-01", Gender::kFemale, Education::kJuniorCollege, "主任");   // 31
    AddPerson(3, "1999-01-01", Gender::kMale, Education::kBachelor, nullptr);         // not in office
    TeamStats s = index_.Stats(1, kToday);
    EXPECT_EQ(s.count, 3);
    EXPECT_EQ(s.male, 1);
    EXPECT_EQ(s.female, 2);
    EXPECT_NEAR(s.average_age, (36 + 66 + 31) / 3.0, 1e-9);
    EXPECT_NEAR(s.college_share, 2.0 / 3.0, 1e-9);
    EXPECT_EQ(s.age_bands[0].count, 1);  // ≤35
    EXPECT_EQ(s.age_bands[1].count, 1);  // 36-45
    EXPECT_EQ(s.age_bands[3].count, 1);  // 56+
    EXPECT_EQ(s.secretary_age_bands[1].count, 1);
    EXPECT_EQ(index_.Stats(3, kToday).count, 1);
}

TEST_F(RosterIndexTest, AnOldSecretaryWithoutReserveCadreIsASuccessionRisk) {
    Id old = AddPerson(2, "1968-01-01", Gender::kMale, Education::kHighSchool, "书记");  // 58
    AddPerson(3, "1967-01-01", Gender::kMale, Education::kHighSchool, "书记");           // 59, but 乙村 has a reserve
    AddPerson(3, "1998-01-01", Gender::kFemale, Education::kBachelor, nullptr, /*reserve=*/true);
    TeamStats s = index_.Stats(1, kToday);
    ASSERT_EQ(s.succession_risks.size(), 1u);
    EXPECT_EQ(s.succession_risks[0].unit_id, 2);
    EXPECT_EQ(s.succession_risks[0].person_id, old);
    EXPECT_EQ(s.succession_risks[0].age, 58);
}

TEST_F(RosterIndexTest, PeopleQueryFiltersSortsAndPages) {
    AddPerson(2, "1990-01-01", Gender::kMale, Education::kBachelor, "书记");
    AddPerson(2, "1970-01-01", Gender::kFemale, Education::kHighSchool, "委员");
    AddPerson(3, "1985-01-01", Gender::kFemale, Education::kBachelor, "书记");
    PeopleQuery q;
    q.unit = 1;
    q.position = "书记";
    EXPECT_EQ(index_.QueryPeople(q, kToday).total, 2u);
    q.position.clear();
    q.education = Education::kBachelor;
    EXPECT_EQ(index_.QueryPeople(q, kToday).total, 2u);
    q.education.reset();
    q.age_band = "56+";
    EXPECT_EQ(index_.QueryPeople(q, kToday).total, 1u);
    q.age_band.clear();
    q.sort = "birth_date";
    q.size = 2;
    Page first = index_.QueryPeople(q, kToday);
    EXPECT_EQ(first.total, 3u);
    ASSERT_EQ(first.ids.size(), 2u);
    EXPECT_EQ(index_.FindPerson(first.ids[0])->birth_date, "1970-01-01");
    q.page = 2;
    EXPECT_EQ(index_.QueryPeople(q, kToday).ids.size(), 1u);
    q.unit = 3;
    q.page = 1;
    EXPECT_EQ(index_.QueryPeople(q, kToday).total, 1u);
}

TEST_F(RosterIndexTest, RemovingAPersonRemovesTheirPositions) {
    Id id = AddPerson(2, "1990-01-01", Gender::kMale, Education::kBachelor, "书记");
    EXPECT_EQ(index_.TeamOf(2).size(), 1u);
    index_.RemovePerson(id);
    EXPECT_TRUE(index_.TeamOf(2).empty());
    EXPECT_EQ(index_.FindPosition(id + 1000), nullptr);
}

TEST_F(RosterIndexTest, IdNumbersHeldTwiceAreFoundAndFollowChangesAndRemovals) {
    Id a = AddPerson(2, "1990-01-01", Gender::kMale, Education::kBachelor, nullptr);
    Id b = AddPerson(3, "1990-01-01", Gender::kMale, Education::kBachelor, nullptr);
    Id c = AddPerson(3, "1991-01-01", Gender::kFemale, Education::kBachelor, nullptr);
    auto with_number = [&](Id id, const char* number) {
        Person p = *index_.FindPerson(id);
        p.id_number = number;
        index_.PutPerson(p);
    };
    with_number(a, "X1");
    with_number(b, "X1");
    with_number(c, "X2");
    ASSERT_EQ(index_.PeopleWithIdNumber("X1").size(), 2u);
    EXPECT_EQ(index_.PeopleWithIdNumber("X1")[0]->id, a);
    ASSERT_EQ(index_.SharedIdNumbers().size(), 1u);
    EXPECT_EQ(index_.SharedIdNumbers()[0].size(), 2u);

    with_number(b, "X2");  // corrected: X1 is one person's again, X2 now twice
    EXPECT_EQ(index_.PeopleWithIdNumber("X1").size(), 1u);
    ASSERT_EQ(index_.SharedIdNumbers().size(), 1u);
    EXPECT_EQ(index_.SharedIdNumbers()[0][0]->id_number, "X2");

    index_.RemovePerson(c);
    EXPECT_TRUE(index_.SharedIdNumbers().empty());
    EXPECT_TRUE(index_.PeopleWithIdNumber("nobody's").empty());
}

// Patched record by record (another server's changes), the index reads as one loaded afresh in id
// order: a person moved back into a unit, a position moved, an org put twice keep id order.
TEST_F(RosterIndexTest, ListsStayInIdOrderWhenRecordsMoveAndComeBack) {
    Id a = AddPerson(2, "1990-01-01", Gender::kMale, Education::kBachelor, "委员");
    Id b = AddPerson(2, "1991-01-01", Gender::kMale, Education::kBachelor, "委员");
    Id c = AddPerson(2, "1992-01-01", Gender::kMale, Education::kBachelor, "委员");
    Person moved = *index_.FindPerson(a);
    moved.unit_id = 3;
    index_.PutPerson(moved);
    moved.unit_id = 2;
    index_.PutPerson(moved);  // back: first again, not last
    PeopleQuery q;
    q.unit = 2;
    EXPECT_EQ(index_.QueryPeople(q, kToday).ids, (std::vector<Id>{a, b, c}));
    Position p = *index_.FindPosition(a + 1000);
    p.unit_id = 3;
    index_.PutPosition(p);
    p.unit_id = 2;
    index_.PutPosition(p);
    std::vector<Id> team;
    for (const Position* pos : index_.TeamOf(2)) team.push_back(pos->id);
    EXPECT_EQ(team, (std::vector<Id>{a + 1000, b + 1000, c + 1000}));
    index_.PutPartyOrg(PartyOrg{7, 2, "乙", PartyOrgKind::kBranch, 0, 0, "", "", ""});
    index_.PutPartyOrg(PartyOrg{5, 2, "甲", PartyOrgKind::kBranch, 0, 0, "", "", ""});
    index_.PutPartyOrg(PartyOrg{7, 2, "乙改", PartyOrgKind::kBranch, 0, 0, "", "", ""});
    ASSERT_EQ(index_.PartyOrgsOf(2).size(), 2u);
    EXPECT_EQ(index_.PartyOrgsOf(2)[0]->id, 5);
    EXPECT_EQ(index_.PartyOrgsOf(2)[1]->name, "乙改");
}

TEST_F(RosterIndexTest, ARemovedOrgLeavesItsUnitAndItsParentsSubOrgs) {
    index_.PutPartyOrg(PartyOrg{1, 1, "镇党委", PartyOrgKind::kCommittee, 0, 0, "", "", ""});
    index_.PutPartyOrg(PartyOrg{2, 2, "甲村支部", PartyOrgKind::kBranch, 0, 1, "", "", ""});
    ASSERT_EQ(index_.SubOrgsOf(1).size(), 1u);
    index_.RemovePartyOrg(2);
    EXPECT_EQ(index_.FindPartyOrg(2), nullptr);
    EXPECT_TRUE(index_.PartyOrgsOf(2).empty());
    EXPECT_TRUE(index_.SubOrgsOf(1).empty());
    index_.RemovePartyOrg(2);  // unknown: nothing happens
    index_.RemovePartyOrg(99);
    EXPECT_NE(index_.FindPartyOrg(1), nullptr);
    // An org read with another unit (the app never moves one) leaves the old unit's list.
    index_.PutPartyOrg(PartyOrg{1, 3, "镇党委", PartyOrgKind::kCommittee, 0, 0, "", "", ""});
    EXPECT_TRUE(index_.PartyOrgsOf(1).empty());
    ASSERT_EQ(index_.PartyOrgsOf(3).size(), 1u);
}

TEST_F(RosterIndexTest, SetIncomesReplacesEveryYearOfTheUnit) {
    index_.PutIncome({2, 2023, 100});
    index_.PutIncome({2, 2024, 200});
    index_.PutIncome({3, 2024, 300});
    index_.SetIncomes(2, {{2, 2024, 250}});
    ASSERT_EQ(index_.IncomesOf(2).size(), 1u);
    EXPECT_EQ(index_.IncomesOf(2)[0].amount_yuan, 250);
    index_.SetIncomes(2, {});
    EXPECT_TRUE(index_.IncomesOf(2).empty());
    EXPECT_EQ(index_.IncomesOf(3).size(), 1u);
}

}  // namespace
}  // namespace lingyan::core::roster
