// libFuzzer target for JSON request bodies (issue 11): every body a handler reads goes through
// CheckJsonBody and ParseObject and then the typed field readers. Any input may be refused, but
// only with an error naming what is wrong; an accepted object must hold what the rules promise
// (fractional numbers finite and within ±1e15 — integers are range-checked by the field that
// reads them —, keys from the allowed list), and nothing may crash, leak or trip
// a sanitizer. Built and run by tests/fuzz/run.sh.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "http/server/json_io.hpp"

using namespace lingyan;

namespace {

void Check(bool ok) {
    if (!ok) std::abort();
}

void CheckNumbers(const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::double_:
            Check(std::isfinite(v.get_double()) && std::fabs(v.get_double()) <= 1e15);
            break;
        case boost::json::kind::array:
            for (const auto& item : v.get_array()) CheckNumbers(item);
            break;
        case boost::json::kind::object:
            for (const auto& [key, item] : v.get_object()) CheckNumbers(item);
            break;
        default:
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    const auto checked = http::CheckJsonBody(body);
    auto parsed = http::ParseObject(body, {"name", "unit_id", "members", "rows", "score", "public", "tags"});
    if (!parsed) {
        Check(!parsed.error().message.empty());
        return 0;
    }
    Check(static_cast<bool>(checked));  // an accepted object passed the body rules
    const boost::json::object& o = *parsed;
    for (const auto& [key, value] : o) {
        Check(key == "name" || key == "unit_id" || key == "members" || key == "rows" || key == "score" ||
              key == "public" || key == "tags");
        CheckNumbers(value);
    }
    std::string name;
    std::int64_t unit = 0;
    std::vector<std::int64_t> members;
    std::vector<std::string> tags;
    (void)http::ReadString(o, "name", name);
    (void)http::ReadInt(o, "unit_id", unit);
    (void)http::ReadIntArray(o, "members", members);
    (void)http::ReadStringArray(o, "tags", tags);
    (void)http::NumberField(o, "score");
    (void)http::BoolField(o, "public");
    (void)http::ObjectArray(o, "rows");
    return 0;
}
