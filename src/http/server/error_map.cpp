// The one table from error codes (core/common/result.hpp errc) to HTTP statuses.
#include <string_view>

#include "http/server/router.hpp"

namespace lingyan::http {

int StatusOf(const core::Error& e) {
    static constexpr std::pair<std::string_view, int> kTable[] = {
        {core::errc::kInvalid, 422},      {core::errc::kNotFound, 404},    {core::errc::kForbidden, 403},
        {core::errc::kConflict, 409},     {core::errc::kUnauthorized, 401}, {core::errc::kRateLimited, 429},
        {core::errc::kTooLarge, 413},     {"bad_request", 400},             {"csrf", 403},
        {"password_change_required", 403},
    };
    for (auto [code, status] : kTable)
        if (e.code == code) return status;
    return 500;
}

}  // namespace lingyan::http
