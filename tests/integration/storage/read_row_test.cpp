// ReadRow / RowAs: result rows (text columns, NULL as nullopt) into records.
#include "storage/db/read_row.hpp"

#include "storage/db/batches.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace lingyan::storage {
namespace {

enum class Colour { kRed, kBlue };
std::optional<Colour> ColourFromName(std::string_view s) {
    if (s == "red") return Colour::kRed;
    if (s == "blue") return Colour::kBlue;
    return std::nullopt;
}

struct Pair {
    std::int64_t id = 0;
    std::string name;
};

TEST(ReadRow, ReadsEachColumnIntoItsFieldByType) {
    const SqlRow row{"7", "塘马村", "2.5", "1", "3", std::nullopt, "12", "blue", "ignored"};
    std::int64_t id = 0;
    std::string name;
    double share = 0;
    bool active = false;
    int count = 0;
    std::optional<std::int64_t> cap = 99, parent;
    Colour colour = Colour::kRed;
    ReadRow(row, id, name, share, active, count, cap, parent, Named(colour, ColourFromName, Colour::kRed), Skip{});
    EXPECT_EQ(id, 7);
    EXPECT_EQ(name, "塘马村");
    EXPECT_DOUBLE_EQ(share, 2.5);
    EXPECT_TRUE(active);
    EXPECT_EQ(count, 3);
    EXPECT_EQ(cap, std::nullopt) << "NULL reads as nullopt";
    EXPECT_EQ(parent, 12);
    EXPECT_EQ(colour, Colour::kBlue);
}

TEST(ReadRow, AnUnknownNameReadsAsTheFallbackAndNullAsZeroOrEmpty) {
    const SqlRow row{"purple", std::nullopt, std::nullopt};
    Colour colour = Colour::kBlue;
    std::int64_t id = 5;
    std::string text = "x";
    ReadRow(row, Named(colour, ColourFromName, Colour::kRed), id, text);
    EXPECT_EQ(colour, Colour::kRed);
    EXPECT_EQ(id, 0);
    EXPECT_EQ(text, "");
}

TEST(ReadRow, ARowShorterThanTheFieldsIsAStoreError) {
    std::int64_t a = 0, b = 0;
    EXPECT_THROW(ReadRow(SqlRow{"1"}, a, b), StoreError);
    ReadRowFrom(SqlRow{"1", "2", "3"}, 1, a, b);
    EXPECT_EQ(a, 2);
    EXPECT_EQ(b, 3);
}

TEST(RowAs, ReadsAnAggregateInDeclarationOrderAndRefusesAnotherWidth) {
    const auto pair = RowAs<Pair>(SqlRow{"42", "北联村"});
    EXPECT_EQ(pair.id, 42);
    EXPECT_EQ(pair.name, "北联村");
    EXPECT_THROW(RowAs<Pair>(SqlRow{"42"}), StoreError);
    EXPECT_THROW(RowAs<Pair>(SqlRow{"42", "a", "b"}), StoreError);
}

TEST(RowsAs, ReadsEveryRowInOrder) {
    const auto pairs = RowsAs<Pair>({SqlRow{"1", "甲"}, SqlRow{"2", "乙"}});
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[1].id, 2);
    EXPECT_EQ(pairs[1].name, "乙");
}

TEST(ForEachBatch, SplitsTheListIntoInClausesOfAtMostTheBatchSize) {
    std::vector<std::string> ins;
    std::vector<std::size_t> sizes;
    ForEachBatch(std::vector<std::int64_t>{1, 2, 3, 4, 5}, 2, [&](const std::string& in, std::vector<SqlValue> v) {
        ins.push_back(in);
        sizes.push_back(v.size());
    });
    EXPECT_EQ(ins, (std::vector<std::string>{"(?, ?)", "(?, ?)", "(?)"}));
    EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2, 1}));
    ForEachBatch(std::vector<std::int64_t>{}, 2, [&](const std::string&, std::vector<SqlValue>) { ADD_FAILURE(); });
}

}  // namespace
}  // namespace lingyan::storage
