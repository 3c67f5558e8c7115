#include "core/personnel/decision.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::personnel {
namespace {

Decision Valid() {
    Decision d;
    d.person_id = 7;
    d.kind = Kind::kPromotion;
    d.ground = Ground::kCampaign;
    d.ground_id = 3;
    d.content = "晋升为二级调研员";
    d.decided_on = "2022-03-01";
    return d;
}

TEST(Decision, RefusesEachBadFieldByName) {
    struct Case {
        const char* what;
        void (*change)(Decision&);
        const char* field;
    } cases[] = {
        {"no person", [](Decision& d) { d.person_id = 0; }, "person_id"},
        {"no ground", [](Decision& d) { d.ground_id = 0; }, "ground_id"},
        {"no content", [](Decision& d) { d.content.clear(); }, "content"},
        {"long content", [](Decision& d) { d.content = std::string(501, 'x'); }, "content"},
        {"long document", [](Decision& d) { d.document_no = std::string(101, 'x'); }, "document_no"},
        {"no such day", [](Decision& d) { d.decided_on = "2022-02-30"; }, "decided_on"},
        {"appointment without post", [](Decision& d) { d.kind = Kind::kAppointment; }, "position_title"},
    };
    EXPECT_TRUE(Validate(Valid(), std::nullopt).ok());
    for (const auto& c : cases) {
        Decision d = Valid();
        c.change(d);
        auto st = Validate(d, std::nullopt);
        ASSERT_FALSE(st.ok()) << c.what;
        EXPECT_EQ(st.error().field, c.field) << c.what;
    }
}

TEST(Decision, AnAppointmentNeedsTheUnitAndTitleOfItsPost) {
    Decision d = Valid();
    d.kind = Kind::kAppointment;
    EXPECT_EQ(Validate(d, PositionSpec{0, "党委副书记"}).error().field, "position_unit_id");
    EXPECT_EQ(Validate(d, PositionSpec{5, ""}).error().field, "position_title");
    EXPECT_TRUE(Validate(d, PositionSpec{5, "党委副书记"}).ok());
}

TEST(Decision, KindsAndGroundsRoundTripByName) {
    for (Kind k : {Kind::kAppointment, Kind::kPromotion, Kind::kReward, Kind::kTalk})
        EXPECT_EQ(KindFromName(KindName(k)), k);
    for (Ground g : {Ground::kCampaign, Ground::kHonour, Ground::kPool}) EXPECT_EQ(GroundFromName(GroundName(g)), g);
    EXPECT_STREQ(KindLabel(Kind::kPromotion), "晋升职级");
    EXPECT_STREQ(GroundLabel(Ground::kCampaign), "考核结果");
    EXPECT_STREQ(GroundLabel(Ground::kHonour), "荣誉");
    EXPECT_STREQ(GroundLabel(Ground::kPool), "人才库");
    EXPECT_FALSE(KindFromName("fire"));
    EXPECT_FALSE(GroundFromName("rumour"));
}

}  // namespace
}  // namespace lingyan::core::personnel
