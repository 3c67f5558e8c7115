#include "http/routes/routes.hpp"

#include <boost/json.hpp>

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


Response RowErrorsResponse(const std::vector<app::RowError>& errors, const std::string& failure) {
    boost::json::array rows;
    for (const auto& e : errors)
        rows.push_back(boost::json::object{{"sheet", e.sheet}, {"row", e.row}, {"field", e.field}, {"message", e.message}});
    boost::json::object err{{"code", "invalid"}, {"message", failure + "：" + app::ErrorRowsSummary(errors) + "，未写入任何数据"}};
    return Json(422, boost::json::object{{"error", err},
                                         {"rows", std::move(rows)},
                                         {"error_rows", app::CountErrorRows(errors)},
                                         {"error_count", errors.size()}});
}

}  // namespace lingyan::http
