#include "http/server/reply.hpp"

namespace lingyan::http {

Response Json(int status, const boost::json::value& value) { return JsonResponse(status, boost::json::serialize(value)); }

Response Reply(const core::Result<boost::json::value>& result, int status) {
    if (!result) return ErrorResponse(result.error());
    return Json(status, *result);
}

}  // namespace lingyan::http
