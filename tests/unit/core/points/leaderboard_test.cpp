#include "core/points/leaderboard.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/points/score_multiset.hpp"
#include "core/points/tally.hpp"

namespace lingyan::core::points {
namespace {

UnitTree SmallTree() {
    //        0 city
    //     1 town     2 town
    //   3 v   4 v      5 v
    return std::move(UnitTree::Build({kNoUnit, 0, 0, 1, 1, 2}).value());
}

// A random region tree of 1..max_units units (each unit's parent numbered before it) and up to
// max_members − 1 members, each in a unit at random.
struct RandomShape {
    UnitTree tree;
    int unit_count = 0;
    std::vector<UnitIdx> member_unit;
};
RandomShape RandomBoardShape(std::mt19937& rng, int max_units, int max_members) {
    const int unit_count = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_units));
    std::vector<UnitIdx> parent(static_cast<std::size_t>(unit_count), kNoUnit);
    for (int unit = 1; unit < unit_count; ++unit) parent[static_cast<std::size_t>(unit)] = static_cast<UnitIdx>(rng() % unit);
    auto tree = UnitTree::Build(parent).value();
    std::vector<UnitIdx> member_unit(rng() % static_cast<unsigned>(max_members));
    for (auto& unit : member_unit) unit = static_cast<UnitIdx>(rng() % unit_count);
    return {std::move(tree), unit_count, std::move(member_unit)};
}

TEST(Leaderboard, TiesShareTheBetterRank) {
    Leaderboard board(SmallTree(), {3, 3, 4, 5, 5}, 0);
    board.Apply(0, Leaderboard::kOverall, 500);
    board.Apply(1, Leaderboard::kOverall, 900);
    board.Apply(2, Leaderboard::kOverall, 500);
    board.Apply(3, Leaderboard::kOverall, 900);
    EXPECT_EQ(board.Rank(0, 0), 3);
    EXPECT_EQ(board.Rank(2, 0), 3);
    EXPECT_EQ(board.Rank(4, 0), 5);
    EXPECT_EQ(board.Rank(2, 4), 1);
    EXPECT_EQ(board.Rank(0, 1), 2);
    const auto ranks = board.Ranks(0);
    ASSERT_EQ(ranks.size(), 3u);
    EXPECT_EQ(ranks[0].scope, 3);
    EXPECT_EQ(ranks[0].rank, 2);
    EXPECT_EQ(ranks[2].size, 5);
}

TEST(Leaderboard, ApplySplitMovesTheOverallAndTheCategoryApart) {
    Leaderboard board(SmallTree(), {3, 3, 4}, 2);
    board.ApplySplit(0, 1, -300, 500);  // e.g. a 清零 item: the total falls while the category sum grows
    EXPECT_EQ(board.Total(0), -300);
    EXPECT_EQ(board.Total(0, 1), 500);
    EXPECT_EQ(board.Total(0, 0), 0);
    EXPECT_EQ(board.Rank(0, 0), 3);
    EXPECT_EQ(board.Rank(0, 0, 1), 1);
    board.ApplySplit(1, 0, 0, 200);
    EXPECT_EQ(board.Total(1), 0);
    EXPECT_EQ(board.Rank(1, 3, 0), 1);
}

TEST(Leaderboard, TopIncludesEveryMemberTiedWithTheNthAndSaysHowMany) {
    Leaderboard board(SmallTree(), {3, 3, 4, 5, 5, 5}, 0);
    board.Apply(0, Leaderboard::kOverall, 900);
    for (MemberIdx member : {1, 2, 3}) board.Apply(member, Leaderboard::kOverall, 500);
    // Top 2 of the city: 900, then three tied at 500 → all three are in, two beyond N.
    auto top = board.TopWithTies(0, 2, 100);
    ASSERT_EQ(top.entries.size(), 4u);
    EXPECT_EQ(top.overflow, 2);
    EXPECT_FALSE(top.truncated);
    EXPECT_EQ(top.entries[3].rank, 2);
    EXPECT_EQ(top.entries[3].total, 500);
    // No tie at the boundary: exactly N.
    top = board.TopWithTies(0, 4, 100);
    EXPECT_EQ(top.entries.size(), 4u);
    EXPECT_EQ(top.overflow, 0);
    // A long tie is cut at max_extra and says so.
    top = board.TopWithTies(0, 2, 1);
    EXPECT_EQ(top.entries.size(), 3u);
    EXPECT_EQ(top.overflow, 1);
    EXPECT_TRUE(top.truncated);
    // Everyone tied at 0 in town 2's subtree (members 3..5 minus member 3): top 1 takes both.
    top = board.TopWithTies(2, 2, 100);
    EXPECT_EQ(top.entries.size(), 3u);
    EXPECT_EQ(top.overflow, 1);
}

TEST(Leaderboard, PagesListTheScopeByTotalWithTiesInTreeOrder) {
    Leaderboard board(SmallTree(), {3, 3, 4, 5, 5}, 0);
    board.Load(std::vector<Points>{500, 900, 500, 900, -100}, {});
    const auto page = board.Page(0, 0, 3);
    ASSERT_EQ(page.size(), 3u);
    EXPECT_EQ(page[0].member, 1);
    EXPECT_EQ(page[1].member, 3);
    EXPECT_EQ(page[1].rank, 1);
    EXPECT_EQ(page[2].member, 0);
    EXPECT_EQ(page[2].rank, 3);
    const auto second = board.Page(0, 3, 10);
    ASSERT_EQ(second.size(), 2u);
    EXPECT_EQ(second[0].member, 2);
    EXPECT_EQ(second[0].rank, 3);
    EXPECT_EQ(second[1].rank, 5);
    EXPECT_TRUE(board.Page(2, 5, 10).empty());
}

TEST(Leaderboard, CategoriesRankSeparately) {
    Leaderboard board(SmallTree(), {3, 4}, 2);
    board.Apply(0, 0, 300);
    board.Apply(1, 1, 500);
    EXPECT_EQ(board.Rank(0, 0), 2);
    EXPECT_EQ(board.Rank(0, 0, 0), 1);
    EXPECT_EQ(board.Rank(1, 0, 0), 2);
    EXPECT_EQ(board.Total(1, 1), 500);
    EXPECT_EQ(board.Total(1), 500);
}

TEST(PointsBook, ApproveReturnsTheCappedChange) {
    PointsBook book({Rule{"S1", "学习", "学习活动", 400, 1000}, Rule{"N1", "扣分", "负面清单", -500, 800}});
    EXPECT_EQ(book.Approve(0, 0), 400);
    EXPECT_EQ(book.Approve(0, 0), 400);
    EXPECT_EQ(book.Approve(0, 0), 200);
    EXPECT_EQ(book.Approve(0, 0), 0);
    EXPECT_EQ(book.RawSum(0, 0), 1600);
    EXPECT_EQ(book.Approve(0, 1), -500);
    EXPECT_EQ(book.Approve(0, 1), -300);
    EXPECT_EQ(book.Approve(1, 0, 50), 200);
}

TEST(ScoreMultiset, CountsAndSelectsAcrossBlockSplits) {
    std::mt19937 rng(7);
    ScoreMultiset set;
    std::vector<Points> plain;
    for (int step = 0; step < 5000; ++step) {
        const Points value = static_cast<Points>(rng() % 300) - 50;
        if (!plain.empty() && rng() % 3 == 0) {
            const std::size_t victim = rng() % plain.size();
            const Points replacement = static_cast<Points>(rng() % 300) - 50;
            set.Replace(plain[victim], replacement);
            plain[victim] = replacement;
        } else {
            set.Insert(value);
            plain.push_back(value);
        }
    }
    std::vector<Points> sorted(plain);
    std::sort(sorted.rbegin(), sorted.rend());
    ASSERT_EQ(set.size(), static_cast<std::int64_t>(sorted.size()));
    for (std::size_t k = 0; k < sorted.size(); k += 37) EXPECT_EQ(set.KthLargest(static_cast<std::int64_t>(k)), sorted[k]);
    for (Points probe = -60; probe < 260; probe += 7) {
        EXPECT_EQ(set.CountGreater(probe), std::count_if(plain.begin(), plain.end(), [&](Points v) { return v > probe; }));
    }
}

// Property: after any sequence of approved events, the incremental leaderboard equals a full
// recount (TallyTotals/TallyByCategory + brute-force ranks) in every scope and category.
TEST(Leaderboard, IncrementalEqualsFullRecountAfterRandomEvents) {
    std::mt19937 rng(2025);
    for (int round = 0; round < 8; ++round) {
        const int unit_count = 2 + static_cast<int>(rng() % 40);
        std::vector<UnitIdx> parent(static_cast<std::size_t>(unit_count), kNoUnit);
        for (int unit = 1; unit < unit_count; ++unit) parent[static_cast<std::size_t>(unit)] = static_cast<UnitIdx>(rng() % unit);
        auto tree = UnitTree::Build(parent).value();
        const int member_count = 1 + static_cast<int>(rng() % 600);
        std::vector<UnitIdx> member_unit(static_cast<std::size_t>(member_count));
        for (auto& unit : member_unit) unit = static_cast<UnitIdx>(rng() % unit_count);
        TallyConfig config;
        config.period = Period{0, 364};
        config.rules = {Rule{"A", "a", "c0", 300, 1200}, Rule{"B", "b", "c1", 500, std::nullopt},
                        Rule{"C", "c", "c1", -200, 600}, Rule{"D", "d", "c0", 150, 450}};
        const std::vector<int> category_of_rule = {0, 1, 1, 0};
        Leaderboard board(tree, member_unit, 2);
        PointsBook book(config.rules);
        std::vector<LedgerEvent> events;
        const int event_count = static_cast<int>(rng() % 4000);
        for (int event_idx = 0; event_idx < event_count; ++event_idx) {
            LedgerEvent event{static_cast<MemberIdx>(rng() % member_count), static_cast<RuleIdx>(rng() % 4),
                              static_cast<Day>(rng() % 400) - 20, static_cast<EventStatus>(rng() % 3),
                              static_cast<Points>(1 + rng() % 3) * 100};
            events.push_back(event);
            if (!Counts(event, config.period)) continue;
            const Points delta = book.Approve(event.member, event.rule, event.quantity);
            board.Apply(event.member, category_of_rule[static_cast<std::size_t>(event.rule)], delta);
        }
        const auto totals = TallyTotals(config, static_cast<std::size_t>(member_count), events);
        const auto by_category =
            TallyByCategory(config, static_cast<std::size_t>(member_count), events, category_of_rule, 2);
        for (int category = Leaderboard::kOverall; category < 2; ++category) {
            const auto& expected = category == Leaderboard::kOverall ? totals : by_category[static_cast<std::size_t>(category)];
            for (UnitIdx scope = 0; scope < unit_count; ++scope) {
                std::vector<MemberIdx> inside;
                for (MemberIdx member = 0; member < member_count; ++member) {
                    if (tree.Contains(scope, member_unit[static_cast<std::size_t>(member)])) inside.push_back(member);
                }
                ASSERT_EQ(board.ScopeSize(scope), static_cast<std::int64_t>(inside.size()));
                for (const MemberIdx member : inside) {
                    ASSERT_EQ(board.Total(member, category), expected[static_cast<std::size_t>(member)]);
                    const auto greater = std::count_if(inside.begin(), inside.end(), [&](MemberIdx other) {
                        return expected[static_cast<std::size_t>(other)] > expected[static_cast<std::size_t>(member)];
                    });
                    ASSERT_EQ(board.Rank(member, scope, category), 1 + greater);
                }
                // Page of the top 7 after 3: the same totals and ranks as a sort of the recount.
                const auto top = TopWithTies(expected, inside, inside.size());
                const auto page = board.Page(scope, 3, 7, category);
                for (std::size_t idx = 0; idx < page.size(); ++idx) {
                    ASSERT_EQ(page[idx].total, top[3 + idx].total);
                    ASSERT_EQ(page[idx].rank, top[3 + idx].rank);
                }
                ASSERT_EQ(page.size(), std::min<std::size_t>(7, inside.size() > 3 ? inside.size() - 3 : 0));
            }
        }
        // A restart: Load from the recount (every scope's scores sorted by merging its children's)
        // gives the same answers in every scope and category.
        Leaderboard reloaded(tree, member_unit, 2);
        reloaded.Load(totals, by_category);
        for (int category = Leaderboard::kOverall; category < 2; ++category) {
            for (UnitIdx scope = 0; scope < unit_count; ++scope) {
                ASSERT_EQ(reloaded.ScopeSize(scope), board.ScopeSize(scope));
                for (MemberIdx member = 0; member < member_count; ++member) {
                    if (!tree.Contains(scope, member_unit[static_cast<std::size_t>(member)])) continue;
                    ASSERT_EQ(reloaded.Rank(member, scope, category), board.Rank(member, scope, category));
                }
                const auto expected_page = board.Page(scope, 0, 10, category);
                const auto page = reloaded.Page(scope, 0, 10, category);
                ASSERT_EQ(page.size(), expected_page.size());
                for (std::size_t idx = 0; idx < page.size(); ++idx) ASSERT_EQ(page[idx].total, expected_page[idx].total);
            }
        }
    }
}

// With a member order (SetMemberOrder: the points service's, by member id), members added or moved
// later stand among their unit's members — and among the members tied with them on a page — where a
// board built with every member numbered in that order has them, not after the others.
TEST(Leaderboard, MembersAddedLaterStandInTheMemberOrderAsInABoardBuiltAgain) {
    std::mt19937 rng(2024);
    for (int round = 0; round < 12; ++round) {
        auto [tree, unit_count, member_unit] = RandomBoardShape(rng, 12, 40);
        // Keys ascending with the index for the members the board is built with; later ones get any key.
        std::vector<std::int64_t> key;
        for (std::size_t member = 0; member < member_unit.size(); ++member) key.push_back(static_cast<std::int64_t>(member) * 1000);
        std::int64_t fresh = 1;
        Leaderboard board(tree, member_unit, 1);
        board.SetMemberOrder([&key](MemberIdx a, MemberIdx b) {
            return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
        });
        // Few distinct totals, so that most members are tied with others.
        std::vector<Points> totals(member_unit.size(), 0);
        const auto apply = [&](MemberIdx member) {
            const Points delta = static_cast<Points>(rng() % 2) * 100;
            board.Apply(member, 0, delta);
            totals[static_cast<std::size_t>(member)] += delta;
        };
        for (std::size_t member = 0; member < member_unit.size(); ++member) apply(static_cast<MemberIdx>(member));
        for (int step = 0; step < 40; ++step) {
            const auto unit = static_cast<UnitIdx>(rng() % unit_count);
            std::vector<MemberIdx> on;
            for (std::size_t m = 0; m < member_unit.size(); ++m)
                if (member_unit[m] != kNoUnit) on.push_back(static_cast<MemberIdx>(m));
            const int what = static_cast<int>(rng() % 4);
            if (what == 0 || on.empty()) {  // a key between two others (or below all): a member returning
                key.push_back(static_cast<std::int64_t>(rng() % (member_unit.size() + 1)) * 1000 - 500 + fresh++);
                ASSERT_EQ(board.AddMember(unit), static_cast<MemberIdx>(member_unit.size()));
                member_unit.push_back(unit);
                totals.push_back(0);
                apply(static_cast<MemberIdx>(member_unit.size() - 1));
                continue;
            }
            const MemberIdx member = on[rng() % on.size()];
            if (what == 1) {
                board.MoveMember(member, unit);
                member_unit[static_cast<std::size_t>(member)] = unit;
            } else if (what == 2) {
                board.RemoveMember(member);
                member_unit[static_cast<std::size_t>(member)] = kNoUnit;
                totals[static_cast<std::size_t>(member)] = 0;
            } else {
                apply(member);
            }
        }
        // Built again: the members numbered by key.
        std::vector<MemberIdx> by_key(member_unit.size());
        for (std::size_t m = 0; m < by_key.size(); ++m) by_key[m] = static_cast<MemberIdx>(m);
        std::sort(by_key.begin(), by_key.end(),
                  [&](MemberIdx a, MemberIdx b) { return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)]; });
        std::vector<UnitIdx> built_unit;
        std::vector<Points> built_totals;
        for (const MemberIdx m : by_key) {
            built_unit.push_back(member_unit[static_cast<std::size_t>(m)]);
            built_totals.push_back(totals[static_cast<std::size_t>(m)]);
        }
        Leaderboard built(tree, built_unit, 1);
        built.Load(built_totals, {built_totals});
        for (UnitIdx scope = 0; scope < unit_count; ++scope) {
            const auto size = built.ScopeSize(scope);
            const auto page = board.Page(scope, 0, size), expected = built.Page(scope, 0, size);
            ASSERT_EQ(page.size(), expected.size());
            for (std::size_t idx = 0; idx < page.size(); ++idx) {
                ASSERT_EQ(page[idx].member, by_key[static_cast<std::size_t>(expected[idx].member)])
                    << "round " << round << " scope " << scope << " entry " << idx;
                ASSERT_EQ(page[idx].total, expected[idx].total);
                ASSERT_EQ(page[idx].rank, expected[idx].rank);
            }
        }
    }
}

TEST(Leaderboard, MembersAddedMovedAndRemovedAnswerLikeABoardBuiltWithThem) {
    std::mt19937 rng(1066);
    for (int round = 0; round < 12; ++round) {
        auto [tree, unit_count, member_unit] = RandomBoardShape(rng, 30, 80);
        Leaderboard board(tree, member_unit, 2);
        // totals[slot][member]: slot 0 the overall total, then the two categories.
        std::vector<std::vector<Points>> totals(3, std::vector<Points>(member_unit.size(), 0));
        const auto apply = [&](MemberIdx member) {
            const int category = static_cast<int>(rng() % 2);
            const Points overall = static_cast<Points>(rng() % 7) * 100 - 200, in_category = static_cast<Points>(rng() % 5) * 100;
            board.ApplySplit(member, category, overall, in_category);
            totals[0][static_cast<std::size_t>(member)] += overall;
            totals[static_cast<std::size_t>(category) + 1][static_cast<std::size_t>(member)] += in_category;
        };
        for (std::size_t member = 0; member < member_unit.size(); ++member) apply(static_cast<MemberIdx>(member));
        // A member still on the board, at random; -1 when none is.
        const auto some_member = [&]() -> MemberIdx {
            std::vector<MemberIdx> on;
            for (std::size_t m = 0; m < member_unit.size(); ++m)
                if (member_unit[m] != kNoUnit) on.push_back(static_cast<MemberIdx>(m));
            return on.empty() ? -1 : on[rng() % on.size()];
        };
        for (int step = 0; step < 80; ++step) {
            const auto unit = static_cast<UnitIdx>(rng() % unit_count);
            const int what = static_cast<int>(rng() % 4);
            const MemberIdx member = some_member();
            if (what == 0 || member < 0) {
                ASSERT_EQ(board.AddMember(unit), static_cast<MemberIdx>(member_unit.size()));
                member_unit.push_back(unit);
                for (auto& slot : totals) slot.push_back(0);
            } else if (what == 1) {
                board.MoveMember(member, unit);
                member_unit[static_cast<std::size_t>(member)] = unit;
            } else if (what == 2) {
                board.RemoveMember(member);
                ASSERT_FALSE(board.OnBoard(member));
                member_unit[static_cast<std::size_t>(member)] = kNoUnit;
                for (auto& slot : totals) slot[static_cast<std::size_t>(member)] = 0;
            } else {
                apply(member);
            }
        }
        Leaderboard built(tree, member_unit, 2);
        built.Load(totals[0], {totals[1], totals[2]});
        ASSERT_EQ(board.member_count(), member_unit.size());
        for (int category = Leaderboard::kOverall; category < 2; ++category) {
            for (UnitIdx scope = 0; scope < unit_count; ++scope) {
                const auto size = built.ScopeSize(scope);
                ASSERT_EQ(board.ScopeSize(scope), size) << "round " << round << " scope " << scope;
                const auto page = board.Page(scope, 0, size, category), expected = built.Page(scope, 0, size, category);
                ASSERT_EQ(page.size(), expected.size());
                for (std::size_t idx = 0; idx < page.size(); ++idx) {  // the same order, ties in tree order included
                    ASSERT_EQ(page[idx].member, expected[idx].member) << "round " << round << " scope " << scope;
                    ASSERT_EQ(page[idx].total, expected[idx].total);
                    ASSERT_EQ(page[idx].rank, expected[idx].rank);
                }
            }
            for (std::size_t member = 0; member < member_unit.size(); ++member) {
                const auto m = static_cast<MemberIdx>(member);
                ASSERT_EQ(board.OnBoard(m), built.OnBoard(m));
                ASSERT_EQ(board.UnitOf(m), member_unit[member]);
                if (!board.OnBoard(m)) continue;
                ASSERT_EQ(board.Total(m, category), built.Total(m, category));
                const auto ranks = board.Ranks(m, category), expected = built.Ranks(m, category);
                ASSERT_EQ(ranks.size(), expected.size());
                for (std::size_t idx = 0; idx < ranks.size(); ++idx) {
                    ASSERT_EQ(ranks[idx].scope, expected[idx].scope);
                    ASSERT_EQ(ranks[idx].rank, expected[idx].rank);
                    ASSERT_EQ(ranks[idx].size, expected[idx].size);
                }
            }
        }
    }
}

}  // namespace
}  // namespace lingyan::core::points
