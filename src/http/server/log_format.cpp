#include "http/server/log_format.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json.hpp>

namespace lingyan::http {

namespace {

std::atomic<bool> g_json{false};
std::shared_ptr<spdlog::logger> g_access;

// %* — the message as the inside of a JSON string.
class JsonMessageFlag final : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
        const std::string quoted = boost::json::serialize(boost::json::string(std::string_view(msg.payload.data(), msg.payload.size())));
        dest.append(quoted.data() + 1, quoted.data() + quoted.size() - 1);
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonMessageFlag>(); }
};

constexpr const char* kTime = R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",)";

}  // namespace

void UseJsonLogs() {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonMessageFlag>('*').set_pattern(std::string(kTime) + R"("msg":"%*"})");
    spdlog::set_formatter(std::move(formatter));
    // Access lines carry their own fields; a logger of their own keeps the default's format.
    g_access = std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::stdout_sink_mt>());
    g_access->set_formatter(std::make_unique<spdlog::pattern_formatter>(std::string(kTime) + "%v}",
                                                                        spdlog::pattern_time_type::utc));
    g_json = true;
}

bool JsonLogs() { return g_json; }

void LogAccess(const AccessRecord& r) {
    if (!g_json) {
        spdlog::info("{} {} {} {} {:.2f}ms {}", r.remote, r.method, r.target, r.status, r.ms, r.user.empty() ? "-" : r.user);
        return;
    }
    const boost::json::object line{{"type", "access"}, {"remote", r.remote}, {"method", r.method},
                                   {"path", r.target},  {"route", r.route},   {"status", r.status},
                                   {"bytes", r.bytes},
                                   {"user", r.user.empty() ? boost::json::value(nullptr) : boost::json::value(r.user)}};
    const std::string text = boost::json::serialize(line);
    // Milliseconds with two decimals (Boost.JSON would print doubles in exponent form).
    g_access->info("{},\"ms\":{:.2f}", std::string_view(text).substr(1, text.size() - 2), r.ms);
}

}  // namespace lingyan::http
