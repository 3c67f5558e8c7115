// ReadRow / RowAs / RowsWith: result rows (text columns, NULL as nullopt) into records; IN lists and
// list columns.
#include "storage/db/read_row.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#include "storage/db/batches.hpp"
#include "storage/db/list_column.hpp"

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

TEST(RowsWith, MapsEveryRowThroughTheReaderAndFirstRowWithOnlyTheFirst) {
    const std::vector<SqlRow> rows{SqlRow{"1", "甲"}, SqlRow{"2", "乙"}};
    auto name_of = [](const SqlRow& r) { return AsText(r[1]); };
    EXPECT_EQ(RowsWith(rows, name_of), (std::vector<std::string>{"甲", "乙"}));
    EXPECT_EQ(FirstRowWith(rows, name_of), std::optional<std::string>("甲"));
    EXPECT_EQ(FirstRowWith(std::vector<SqlRow>{}, name_of), std::nullopt);
    const auto first = FirstRowAs<Pair>(rows);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->id, 1);
    EXPECT_FALSE(FirstRowAs<Pair>({}));
}

TEST(ReturnedId, ReadsTheFirstColumnOfTheFirstRowAndRefusesAnEmptyResult) {
    EXPECT_EQ(ReturnedId({SqlRow{"17"}}), 17);
    EXPECT_THROW(ReturnedId({}), std::out_of_range);
}

TEST(NullableId, StoresZeroAsNull) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(NullableId(0)));
    EXPECT_EQ(std::get<std::int64_t>(NullableId(9)), 9);
}

TEST(InList, AppendsOnePlaceholderAndValuePerItemOfTheRange) {
    std::vector<SqlValue> params{std::string("head")};
    EXPECT_EQ(InList(std::vector<std::int64_t>{4, 5, 6}, params), "(?, ?, ?)");
    ASSERT_EQ(params.size(), 4u);
    EXPECT_EQ(std::get<std::int64_t>(params[3]), 6);
    EXPECT_EQ(InList(std::vector<std::int64_t>{4, 5, 6}, params, 1, 2), "(?)");
    EXPECT_EQ(std::get<std::int64_t>(params.back()), 5);
}

TEST(ListColumn, SplitsOnTheSeparatorPassingEmptyItemsOverAndJoinsBack) {
    EXPECT_EQ(SplitColumn("a,,b,", ','), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(SplitColumn("", '\n').empty());
    EXPECT_EQ(SplitColumn("张三\n李四", '\n'), (std::vector<std::string>{"张三", "李四"}));
    EXPECT_EQ(JoinColumn(std::vector<std::string>{"张三", "李四"}, '\n'), "张三\n李四");
    EXPECT_EQ(JoinColumn(std::vector<int>{1, 20}, ',', [](int v) { return std::to_string(v); }), "1,20");
    EXPECT_EQ(JoinColumn(std::vector<std::string>{}, ','), "");
}

}  // namespace
}  // namespace lingyan::storage
