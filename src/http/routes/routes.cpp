#include "http/routes/routes.hpp"

#include <boost/json.hpp>

#include "core/text/cell_text.hpp"
#include "http/server/reply.hpp"

namespace lingyan::http {

Handler Bind(Services& s, ServiceHandler handler) {
    return [&s, handler](Request& req) { return handler(s, req); };
}

Handler Bind(Services& s, IdHandler handler) {
    return [&s, handler](Request& req) {
        auto id = PathId(req, 0);
        if (!id) return ErrorResponse(id.error());
        return handler(s, req, *id);
    };
}

Handler Bind(Services& s, IdsHandler handler) {
    return [&s, handler](Request& req) {
        auto first = PathId(req, 0);
        if (!first) return ErrorResponse(first.error());
        auto second = PathId(req, 1);
        if (!second) return ErrorResponse(second.error());
        return handler(s, req, *first, *second);
    };
}


std::string UploadName(const Request& req) {
    bool ok = true;
    std::string filename = PercentDecode(req.Header("x-filename"), false, &ok);
    return ok ? filename : std::string();
}

core::Result<bool> DryRun(const Request& req) {
    const auto value = req.Query("dry_run");
    if (!value || value->empty() || *value == "0" || *value == "false") return false;
    if (*value == "1" || *value == "true") return true;
    return core::Invalid("dry_run 应为 1 或 0", "dry_run");
}

Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure) {
    // Bounded answer whatever the file held (issue 11): at most kMaxListedErrors rows, each text
    // cut to what a person reads — a message quotes a cell, and a cell may hold 32,767 characters.
    constexpr std::size_t kMaxListedErrors = 1000;
    boost::json::array rows;
    for (std::size_t i = 0; i < errors.size() && i < kMaxListedErrors; ++i) {
        const auto& e = errors[i];
        rows.push_back(boost::json::object{{"sheet", core::text::Excerpt(e.sheet, 40)},
                                           {"row", e.row},
                                           {"field", core::text::Excerpt(e.field, 40)},
                                           {"message", core::text::Excerpt(e.message, 160)}});
    }
    boost::json::object err{{"code", "invalid"}, {"message", failure + "：" + app::ErrorRowsSummary(errors) + "，未写入任何数据"}};
    return Json(422, boost::json::object{{"error", err},
                                         {"rows", std::move(rows)},
                                         {"error_rows", app::CountErrorRows(errors)},
                                         {"error_count", errors.size()},
                                         {"rows_truncated", errors.size() > kMaxListedErrors}});
}

}  // namespace lingyan::http
