#include "core/roster/person_rules.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::roster {
namespace {

TEST(PersonRules, AgeCountsWholeYearsUpToTheBirthday) {
    struct Case {
        const char* birth;
        const char* today;
        int age;
    } cases[] = {{"1980-06-15", "2026-06-14", 45}, {"1980-06-15", "2026-06-15", 46}, {"2000-02-29", "2026-02-28", 25},
                 {"2000-02-29", "2026-03-01", 26}, {"bad", "2026-01-01", -1}};
    for (const auto& c : cases) EXPECT_EQ(AgeAt(c.birth, c.today), c.age) << c.birth << " " << c.today;
}

TEST(PersonRules, IdNumbersNeedTheGb11643CheckDigit) {
    EXPECT_TRUE(ValidIdNumber("11010519491231002X"));
    EXPECT_TRUE(ValidIdNumber("11010519491231002x"));
    EXPECT_FALSE(ValidIdNumber("110105194912310021"));
    EXPECT_FALSE(ValidIdNumber("1101051949123100"));
    EXPECT_FALSE(ValidIdNumber("11010519491331002X"));  // month 13
}

TEST(PersonRules, MaskingKeepsOnlyRegionAndLastFour) {
    EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
    EXPECT_EQ(MaskIdNumber("12345"), "*****");
    EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(PersonRules, ValidationNamesTheOffendingField) {
    Person p;
    p.name = "张三";
    p.birth_date = "1980-01-01";
    EXPECT_TRUE(ValidatePerson(p, "2026-01-01").ok());
    struct Case {
        void (*mutate)(Person&);
        const char* field;
    } cases[] = {{[](Person& x) { x.name.clear(); }, "name"},
                 {[](Person& x) { x.birth_date = "1980-02-30"; }, "birth_date"},
                 {[](Person& x) { x.birth_date = "2020-01-01"; }, "birth_date"},
                 {[](Person& x) { x.party_join_date = "1970-01-01"; }, "party_join_date"},
                 {[](Person& x) { x.id_number = "110105194912310021"; }, "id_number"},
                 {[](Person& x) { x.id_number = "11010519491231002X"; }, "id_number"},  // birth date disagrees
                 {[](Person& x) { x.phone = "12345"; }, "phone"}};
    for (const auto& c : cases) {
        Person q = p;
        c.mutate(q);
        auto st = ValidatePerson(q, "2026-01-01");
        ASSERT_FALSE(st.ok()) << c.field;
        EXPECT_EQ(st.error().field, c.field);
    }
}

TEST(PersonRules, UpgradeHintFollowsTheFiftyAndHundredMemberRule) {
    struct Case {
        PartyOrgKind kind;
        int members;
        std::optional<PartyOrgKind> hint;
    } cases[] = {{PartyOrgKind::kBranch, 49, std::nullopt},
                 {PartyOrgKind::kBranch, 50, PartyOrgKind::kGeneralBranch},
                 {PartyOrgKind::kBranch, 100, PartyOrgKind::kCommittee},
                 {PartyOrgKind::kGeneralBranch, 99, std::nullopt},
                 {PartyOrgKind::kGeneralBranch, 100, PartyOrgKind::kCommittee},
                 {PartyOrgKind::kCommittee, 300, std::nullopt}};
    for (const auto& c : cases) {
        PartyOrg o{1, 1, "x", c.kind, c.members};
        EXPECT_EQ(UpgradeHint(o), c.hint) << c.members;
    }
}

}  // namespace
}  // namespace lingyan::core::roster
