// The audit workbook's words (exchange/audit/audit_labels): taken from the web app's Chinese audit
// catalog — an action named for its entity where the catalog says so, a dotted code found under its
// underscored key, and an unknown code left as it is.
#include "exchange/audit/audit_labels.hpp"

#include <gtest/gtest.h>

namespace lingyan::exchange::audit {
namespace audit_labels_test {

TEST(AuditLabels, TheCatalogsWordsForEntitiesAndActions) {
    EXPECT_EQ(EntityLabel("ticket"), "交办事项");
    EXPECT_EQ(ActionLabel("ticket", "report"), "报结");       // a ticket's own meaning
    EXPECT_EQ(ActionLabel("project", "report"), "报告进展");  // a project's
    EXPECT_EQ(ActionLabel("person", "create"), "新建");       // the general word
    EXPECT_EQ(ActionLabel("contest", "arena.draw"), "抽签");  // "arena.draw" is arena_draw
    EXPECT_EQ(EntityLabel("e2e_thing"), "e2e_thing");
    EXPECT_EQ(ActionLabel("e2e_thing", "frobnicate"), "frobnicate");
}

}  // namespace audit_labels_test
}  // namespace lingyan::exchange::audit
