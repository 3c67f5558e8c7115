#include "core/training/placement.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::training {
namespace {

// 跟岗培育, first batch: one month in July.
const ProgramWindow kProgram{1, "南通赴苏州跟岗培育第一批", "2021-07-01", "2021-07-31"};

PlacementRecord Place(roster::Id id, roster::Id person, roster::Id host, const char* start, const char* end) {
    return PlacementRecord{id, 1, person, host, 0, start, end};
}

TEST(PlacementValidation, AcceptsAPlacementInsideTheProgram) {
    EXPECT_TRUE(ValidatePlacement(kProgram, {}, Place(0, 7, 100, "2021-07-01", "2021-07-31"), {{100, 3}}).ok());
}

TEST(PlacementValidation, RefusesDatesOutsideTheProgramOrReversed) {
    auto outside = ValidatePlacement(kProgram, {}, Place(0, 7, 100, "2021-06-30", "2021-07-20"), {});
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().code, errc::kInvalid);
    EXPECT_NE(outside.error().message.find("超出项目"), std::string::npos);
    EXPECT_FALSE(ValidatePlacement(kProgram, {}, Place(0, 7, 100, "2021-07-20", "2021-07-10"), {}).ok());
    EXPECT_FALSE(ValidatePlacement(kProgram, {}, Place(0, 7, 100, "2021-07-10", "2021-07-32"), {}).ok());
}

TEST(PlacementValidation, RefusesOverlappingPlacementsForOnePerson) {
    std::vector<PlacementRecord> existing{Place(1, 7, 100, "2021-07-01", "2021-07-15")};
    auto overlap = ValidatePlacement(kProgram, existing, Place(0, 7, 101, "2021-07-15", "2021-07-31"), {});
    ASSERT_FALSE(overlap.ok());
    EXPECT_EQ(overlap.error().code, errc::kConflict);
    EXPECT_EQ(overlap.error().field, "person_id");
    EXPECT_TRUE(ValidatePlacement(kProgram, existing, Place(0, 7, 101, "2021-07-16", "2021-07-31"), {}).ok());
    // Editing the stored record itself is not an overlap.
    EXPECT_TRUE(ValidatePlacement(kProgram, existing, Place(1, 7, 100, "2021-07-01", "2021-07-20"), {}).ok());
}

TEST(PlacementValidation, RefusesAHostAtCapacity) {
    std::vector<PlacementRecord> existing{Place(1, 7, 100, "2021-07-01", "2021-07-31"),
                                          Place(2, 8, 100, "2021-07-01", "2021-07-31")};
    auto full = ValidatePlacement(kProgram, existing, Place(0, 9, 100, "2021-07-10", "2021-07-20"), {{100, 2}});
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().field, "host_unit_id");
    EXPECT_EQ(full.error().code, errc::kConflict);
    // The officer is told the dates, how many are there and the places per batch.
    EXPECT_EQ(full.error().message, "接收单位在 2021-07-10 至 2021-07-20 已安排 2 人，已达每批名额 2 人");
    // A later batch at the same host does not count against these places.
    const ProgramWindow two_batches{1, "两批", "2021-07-01", "2021-09-30"};
    EXPECT_TRUE(ValidatePlacement(two_batches, existing, Place(0, 9, 100, "2021-08-01", "2021-08-20"), {{100, 2}}).ok());
    EXPECT_TRUE(ValidatePlacement(kProgram, existing, Place(0, 9, 100, "2021-07-10", "2021-07-20"), {{100, 3}}).ok());
}

TEST(PlacementValidation, BatchReportsEveryErrorAndCountsEarlierRowsOfTheBatch) {
    std::vector<PlacementRecord> batch{Place(0, 1, 100, "2021-07-01", "2021-07-31"),
                                       Place(0, 2, 100, "2021-07-01", "2021-07-31"),  // host full (capacity 1)
                                       Place(0, 1, 101, "2021-07-05", "2021-07-06"),  // person 1 already placed
                                       Place(0, 3, 101, "2021-08-01", "2021-08-02")};  // outside the program
    auto errors = ValidatePlacementBatch(kProgram, {}, batch, {{100, 1}});
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "placements[1].host_unit_id");
    EXPECT_EQ(errors[1].field, "placements[2].person_id");
    EXPECT_EQ(errors[2].field, "placements[3].start_date");
    EXPECT_TRUE(ValidatePlacementBatch(kProgram, {}, {batch[0]}, {{100, 1}}).empty());
}

}  // namespace
}  // namespace lingyan::core::training
