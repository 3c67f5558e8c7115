#include "exchange/evaluation/framework_json.hpp"

#include <gtest/gtest.h>

#include "core/evaluation/templates.hpp"

namespace lingyan::exchange {
namespace {

TEST(FrameworkJson, EveryBuiltinTemplateRoundTrips) {
    for (const auto& t : core::evaluation::BuiltinTemplates()) {
        const std::string text = FrameworkToJson(t.framework);
        auto compiled = ParseFramework(text);
        ASSERT_TRUE(compiled) << t.key << ": " << compiled.error().message;
        EXPECT_EQ(FrameworkToJson(compiled->framework()), text) << t.key;
        EXPECT_EQ(compiled->nodes().size(), t.framework.criteria.size()) << t.key;
    }
}

TEST(FrameworkJson, SyntaxAndTypeErrorsNameTheLine) {
    struct Case {
        const char* text;
        std::size_t line;
    } cases[] = {
        {"{\n  \"name\": \"x\",\n  \"scale\": \"big\"\n}", 3},
        {"{\n  \"name\": \"x\",\n  \"criteria\": [\n    {\"id\": \"a\", \"weight\": 1, \"method\": \"guess\"}\n  ]\n}", 4},
        {"{\n  \"name\": \"x\",\n  \"colour\": 1\n}", 3},
        {"{\n  \"name\": \"x\",\n", 3},
    };
    for (const auto& c : cases) {
        FrameworkReader reader(c.text);
        FrameworkJsonError error;
        EXPECT_FALSE(reader.Read(error)) << c.text;
        EXPECT_EQ(error.line, c.line) << c.text << " → " << error.message;
        EXPECT_FALSE(error.message.empty());
    }
}

TEST(FrameworkJson, CompileErrorsComeBackAsInvalidWithTheCriterion) {
    auto compiled = ParseFramework(R"({"name":"x","criteria":[{"id":"a","weight":0,"method":"manual","max":10}]})");
    ASSERT_FALSE(compiled);
    EXPECT_EQ(compiled.error().code, core::errc::kInvalid);
    EXPECT_EQ(compiled.error().field, "a");
}

TEST(FrameworkJson, NumbersAreWrittenInShortestDecimalForm) {
    EXPECT_EQ(ShortestNumber(82.67), "82.67");
    EXPECT_EQ(ShortestNumber(100), "100");
    EXPECT_EQ(JsonString("a\"b\n"), "\"a\\\"b\\n\"");
}

}  // namespace
}  // namespace lingyan::exchange
