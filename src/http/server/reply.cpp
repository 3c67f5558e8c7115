#include "http/server/reply.hpp"

namespace lingyan::http {

Response Json(int status, const boost::json::value& value) { return JsonResponse(status, boost::json::serialize(value)); }

Response NoContent(const core::Status& status) {
    if (!status) return ErrorResponse(status.error());
    Response res;
    res.status = 204;
    return res;
}

Response Reply(const core::Result<boost::json::value>& result, int status) {
    if (!result) return ErrorResponse(result.error());
    return Json(status, *result);
}

Response Download(const core::Result<app::FileDownload>& file) {
    if (!file) return ErrorResponse(file.error());
    return XlsxAttachment(file->bytes, file->filename, file->ascii_fallback);
}

}  // namespace lingyan::http
