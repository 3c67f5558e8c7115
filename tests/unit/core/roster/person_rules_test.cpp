#include "core/roster/person_rules.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::roster {
namespace {

// The GB 11643 check character of an 18-character number's first 17 digits.
char IdCheck(const std::string& id) {
    static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return "10X98765432"[sum % 11];
}

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

// One name rule for the API and imports (issue 11, finding 13): the names the API accepted before.
TEST(PersonRules, ANameIsLettersWithoutDigitsControlsOrAFormulaStart) {
    for (const char* good : {"张三", "欧阳娜娜", "阿卜杜拉·买买提", "Anna Lee", "Jean-Pierre"})
        EXPECT_TRUE(ValidPersonName(good).ok()) << good;
    for (const char* bad : {"", "+1", "-1", "=1+1", "@张三", "=张三", "张三2", "-张"})
        EXPECT_FALSE(ValidPersonName(bad).ok()) << bad;
    EXPECT_FALSE(ValidPersonName(std::string("张\0三", 7)).ok());
    EXPECT_FALSE(ValidPersonName("张\t三").ok());
    EXPECT_TRUE(ValidPersonName(std::string(30 * 3, 'a').substr(0, 30)).ok());
    std::string thirty_one;
    for (int i = 0; i < 31; ++i) thirty_one += "张";
    EXPECT_EQ(ValidPersonName(thirty_one).error().field, "name");
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

TEST(PersonRules, ABirthMonthIsStoredAsSuchAndCountsFromItsFirstDay) {
    EXPECT_EQ(AgeAt("1976-05", "2026-05-01"), 50);
    EXPECT_EQ(AgeAt("1976-05", "2026-04-30"), 49);
    EXPECT_TRUE(ParseBirthDate("1976-05"));
    EXPECT_FALSE(ParseBirthDate("1976-13"));
    Person p;
    p.name = "王芳";
    p.birth_date = "1992-10";
    EXPECT_TRUE(ValidatePerson(p, "2026-01-01"));
    p.id_number = "320481199210150028";
    p.id_number.back() = IdCheck(p.id_number);
    EXPECT_TRUE(ValidatePerson(p, "2026-01-01")) << p.id_number;  // the ID's month agrees
    p.birth_date = "1992-11";
    EXPECT_FALSE(ValidatePerson(p, "2026-01-01"));
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
