#include "exchange/calendar/calendar_json.hpp"

#include <boost/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "core/common/date.hpp"

namespace lingyan::exchange {
namespace {

namespace json = boost::json;
using core::CivilDate;
using core::Invalid;

constexpr std::size_t kMaxShown = 60;  // characters of an offending value quoted in a message

std::size_t LineAt(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t pos = 0; pos < offset && pos < text.size(); ++pos) line += text[pos] == '\n';
    return line;
}

// The value as JSON text, shortened, for a message.
std::string Shown(const json::value& value) {
    std::string text = json::serialize(value);
    if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "…";
    return text;
}

const char* KindName(const json::value& value) {
    switch (value.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_:
            return "a number";
        case json::kind::string:
            return "a string";
        case json::kind::array:
            return "an array";
        case json::kind::object:
            return "an object";
    }
    return "a value";
}

// How often `"key"` occurs as a member name in the text (Boost.JSON keeps only the last of
// repeated members, so a repeat is found in the text). A string followed by ':' is always a
// member name in valid JSON.
int MemberOccurrences(std::string_view text, std::string_view key) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    int count = 0;
    for (std::size_t pos = text.find(quoted); pos != std::string_view::npos; pos = text.find(quoted, pos + 1)) {
        std::size_t at = pos + quoted.size();
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
        if (at < text.size() && text[at] == ':') ++count;
    }
    return count;
}

core::Result<std::vector<CivilDate>> ReadDates(std::string_view key, const json::value& value) {
    if (!value.is_array()) {
        return Invalid("须为日期字符串数组 (must be an array of \"YYYY-MM-DD\" strings, got " +
                           std::string(KindName(value)) + " " + Shown(value) + ")",
                       std::string(key));
    }
    std::vector<CivilDate> dates;
    const json::array& items = value.as_array();
    dates.reserve(items.size());
    for (std::size_t item_idx = 0; item_idx < items.size(); ++item_idx) {
        const json::value& item = items[item_idx];
        const std::string where = std::string(key) + "[" + std::to_string(item_idx) + "]";
        if (!item.is_string()) {
            return Invalid("须为 \"YYYY-MM-DD\" 日期字符串 (expected a date string, got " +
                               std::string(KindName(item)) + " " + Shown(item) + ")",
                           where);
        }
        const std::string_view text = item.as_string();
        const std::optional<CivilDate> date = core::ParseIsoDate(text);
        if (!date) {
            return Invalid(Shown(item) + " 不是 YYYY-MM-DD 格式的有效日期 (not a valid date: " + Shown(item) + ")",
                           where);
        }
        dates.push_back(*date);
    }
    return dates;
}

}  // namespace

core::Result<core::calendar::WorkCalendar> ParseCalendarJson(std::string_view text) {
    json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t used = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        return Invalid("JSON 格式错误 (invalid JSON: " + ec.message() + ")",
                       "line " + std::to_string(LineAt(text, used)));
    }
    const json::value root = parser.release();
    if (!root.is_object()) {
        return Invalid(
            "日历须为 JSON 对象 {\"holidays\": […], \"workdays\": […]} (the calendar must be a JSON object, got " +
            std::string(KindName(root)) + ")");
    }
    std::vector<CivilDate> holidays;
    std::vector<CivilDate> workdays;
    for (const auto& [key, value] : root.as_object()) {
        const std::string_view name = key;
        if (name != "holidays" && name != "workdays") {
            return Invalid("未知字段 \"" + std::string(name) + "\"，只允许 holidays 与 workdays (unknown key \"" +
                               std::string(name) + "\"; expected \"holidays\" and \"workdays\")",
                           std::string(name));
        }
        if (MemberOccurrences(text, name) > 1) {
            return Invalid("字段重复出现 (\"" + std::string(name) + "\" appears more than once)", std::string(name));
        }
        auto dates = ReadDates(name, value);
        if (!dates) return dates.error();
        (name == "holidays" ? holidays : workdays) = std::move(*dates);
    }
    return core::calendar::WorkCalendar(std::move(holidays), std::move(workdays));
}

}  // namespace lingyan::exchange
