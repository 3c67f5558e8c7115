#include "core/text/csv.hpp"

#include <gtest/gtest.h>

namespace lingyan::core::text {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text) {
    CsvReader reader(text);
    std::vector<std::string_view> fields;
    std::vector<std::vector<std::string>> rows;
    while (reader.Next(fields)) rows.emplace_back(fields.begin(), fields.end());
    return rows;
}

TEST(CsvReader, SplitsPlainFieldsAndDropsCarriageReturns) {
    auto rows = ReadAll("a,b,c\r\n1,,3\r\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "", "3"}));
}

TEST(CsvReader, UnquotesDoubledQuotesAndKeepsCommasAndNewlines) {
    auto rows = ReadAll("name,note\n\"王,五\",\"他说\"\"好\"\"\n第二行\"\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0], "王,五");
    EXPECT_EQ(rows[1][1], "他说\"好\"\n第二行");
}

TEST(CsvReader, SkipsByteOrderMarkAndBlankLinesAndCountsLines) {
    CsvReader reader("\xEF\xBB\xBFh1,h2\n\n\nx,y\n");
    std::vector<std::string_view> f;
    ASSERT_TRUE(reader.Next(f));
    EXPECT_EQ(f[0], "h1");
    EXPECT_EQ(reader.line(), 1u);
    ASSERT_TRUE(reader.Next(f));
    EXPECT_EQ(reader.line(), 4u);
    EXPECT_FALSE(reader.Next(f));
}

// Found by tests/fuzz/csv_fuzz: a lone carriage return after a quoted field ended the record but
// not the line, so the next record was reported on the line before its own.
TEST(CsvReader, ALoneCarriageReturnAfterAQuotedFieldIsDataNotARecordEnd) {
    CsvReader reader("\"a\"\rb,c\n\"d\"\r\ne\r");
    std::vector<std::string_view> fields;
    ASSERT_TRUE(reader.Next(fields));
    EXPECT_EQ(reader.line(), 1u);
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_EQ(fields[0], "a\rb");
    ASSERT_TRUE(reader.Next(fields));
    EXPECT_EQ(reader.line(), 2u);
    EXPECT_EQ(fields[0], "d");
    ASSERT_TRUE(reader.Next(fields));
    EXPECT_EQ(reader.line(), 3u);
    EXPECT_EQ(fields[0], "e");
    EXPECT_FALSE(reader.Next(fields));
}

TEST(CsvReader, FlagsAnUnclosedQuote) {
    CsvReader reader("a,\"b\n");
    std::vector<std::string_view> f;
    ASSERT_TRUE(reader.Next(f));
    EXPECT_TRUE(reader.malformed());
}

TEST(CsvReader, ViewsOfManyQuotedFieldsStayValid) {
    std::string line;
    for (int i = 0; i < 200; ++i) line += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
    CsvReader reader(line);
    std::vector<std::string_view> f;
    ASSERT_TRUE(reader.Next(f));
    ASSERT_EQ(f.size(), 200u);
    for (int i = 0; i < 200; ++i) EXPECT_EQ(f[i], std::to_string(i));
}

TEST(AppendCsvField, QuotesOnlyAFieldWithADelimiterQuoteOrLineBreak) {
    std::string line;
    AppendCsvField(line, "张三");
    line += ',';
    AppendCsvField(line, "a,b");
    line += ',';
    AppendCsvField(line, "say \"hi\"");
    line += ',';
    AppendCsvField(line, "two\nlines");
    EXPECT_EQ(line, "张三,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
    CsvReader reader(line);
    std::vector<std::string_view> f;
    ASSERT_TRUE(reader.Next(f));
    EXPECT_EQ(f, (std::vector<std::string_view>{"张三", "a,b", "say \"hi\"", "two\nlines"}));
}

}  // namespace
}  // namespace lingyan::core::text
