// Kept: a read result is served while this process has written nothing and it is younger than the
// maximum age; a full cache drops old results first, then the one kept longest.
#include "app/common/kept.hpp"

#include <gtest/gtest.h>

#include <string>

namespace lingyan::app {
namespace {

TEST(Kept, ServesAResultOnlyWhileTheGenerationIsTheSameAndItIsYoung) {
    Kept<int, std::string> kept(1000);
    kept.Put(1, 7, 100, "a");
    EXPECT_EQ(kept.Find(1, 7, 100), "a");
    EXPECT_EQ(kept.Find(1, 7, 1099), "a");
    EXPECT_FALSE(kept.Find(1, 7, 1100));  // as old as the maximum age
    EXPECT_FALSE(kept.Find(1, 8, 200));   // this process wrote since
    EXPECT_FALSE(kept.Find(1, 7, 99));    // a clock that went backwards
    EXPECT_FALSE(kept.Find(2, 7, 100));
    kept.Clear();
    EXPECT_FALSE(kept.Find(1, 7, 100));
}

TEST(Kept, WhenFullDropsOldResultsFirstThenTheOneKeptLongest) {
    Kept<int, int> kept(1000, 3);
    kept.Put(1, 1, 0, 10);     // old by the time the cache is full
    kept.Put(2, 1, 600, 20);
    kept.Put(3, 1, 700, 30);
    kept.Put(4, 1, 1050, 40);  // full: key 1 is old and goes, the others stay
    EXPECT_FALSE(kept.Find(1, 1, 1050));
    EXPECT_EQ(kept.Find(2, 1, 1050), 20);
    EXPECT_EQ(kept.Find(3, 1, 1050), 30);
    EXPECT_EQ(kept.Find(4, 1, 1050), 40);

    kept.Put(5, 1, 1100, 50);  // full and every result fresh: only the one kept longest (2) goes
    EXPECT_FALSE(kept.Find(2, 1, 1100));
    EXPECT_EQ(kept.Find(3, 1, 1100), 30);
    EXPECT_EQ(kept.Find(4, 1, 1100), 40);
    EXPECT_EQ(kept.Find(5, 1, 1100), 50);

    kept.Put(5, 1, 1200, 55);  // a key already kept is replaced, nothing else goes
    EXPECT_EQ(kept.Find(3, 1, 1200), 30);
    EXPECT_EQ(kept.Find(5, 1, 1200), 55);
}

}  // namespace
}  // namespace lingyan::app
