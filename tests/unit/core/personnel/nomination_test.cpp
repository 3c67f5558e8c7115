#include "core/personnel/nomination.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::personnel {
namespace nomination_test {  // named: one unity-build unit holds several test files

Nomination Valid() {
    Nomination n;
    n.person_id = 9;
    n.year = 2026;
    n.category = Category::kSlow;
    n.reason = "分管项目三次督办仍未推进";
    return n;
}

TEST(Nomination, RefusesEachBadFieldByName) {
    EXPECT_TRUE(Validate(Valid()).ok());
    Nomination n = Valid();
    n.person_id = 0;
    EXPECT_EQ(Validate(n).error().field, "person_id");
    n = Valid();
    n.year = 1999;
    EXPECT_EQ(Validate(n).error().field, "year");
    n = Valid();
    n.reason.clear();
    EXPECT_EQ(Validate(n).error().field, "reason");
    n = Valid();
    n.evidence = std::string(1001, 'x');
    EXPECT_EQ(Validate(n).error().field, "evidence");
}

TEST(Nomination, AReviewNeedsAReasonAndHappensOnce) {
    auto none = Review(Valid(), true, "", "county", "2026-12-01T01:00:00Z");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().field, "reason");
    auto confirmed = Review(Valid(), true, "经核实属实", "county", "2026-12-01T01:00:00Z");
    ASSERT_TRUE(confirmed.ok());
    EXPECT_EQ(confirmed->state, NominationState::kConfirmed);
    EXPECT_EQ(confirmed->reviewed_by, "county");
    EXPECT_EQ(confirmed->review_reason, "经核实属实");
    auto again = Review(*confirmed, false, "重新核实", "admin", "2026-12-02T01:00:00Z");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, errc::kConflict);
    auto rejected = Review(Valid(), false, "证据不足", "county", "2026-12-01T01:00:00Z");
    ASSERT_TRUE(rejected.ok());
    EXPECT_EQ(rejected->state, NominationState::kRejected);
}

TEST(Nomination, CategoriesReadByNameOrLabel) {
    EXPECT_EQ(CategoryFromName("shirking"), Category::kShirking);
    EXPECT_EQ(CategoryFromName("不作为"), Category::kInaction);
    EXPECT_STREQ(CategoryLabel(Category::kSlow), "慢作为");
    EXPECT_FALSE(CategoryFromName("lazy"));
    EXPECT_EQ(StateFromName("confirmed"), NominationState::kConfirmed);
    EXPECT_FALSE(StateFromName("maybe"));
}

}  // namespace nomination_test
}  // namespace lingyan::core::personnel
