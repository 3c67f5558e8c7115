#pragma once
// The one way a handler answers with JSON. A use case returns a core::Result; the handler maps its
// value to JSON and replies: the error with the status of the error map (error_map.cpp), or the
// value with `status`.

#include <boost/json.hpp>

#include <utility>

#include "app/common/file_download.hpp"
#include "core/common/result.hpp"
#include "http/server/router.hpp"

namespace lingyan::http {

// `value` serialized with `status`.
Response Json(int status, const boost::json::value& value);

// The error of a failed result, or its JSON value with `status`.
Response Reply(const core::Result<boost::json::value>& result, int status = 200);

// 204 with no body when the change was made, else its error.
Response NoContent(const core::Status& status);

// A use case's result mapped through `to_json` (value → anything boost::json::value is built from).
template <typename T, typename F>
Response Reply(int status, const core::Result<T>& result, F&& to_json) {
    if (!result) return ErrorResponse(result.error());
    return Json(status, boost::json::value(std::forward<F>(to_json)(*result)));
}

// A `to_json` for a list: {"items": [to_json(v) for each v]}.
template <typename F>
auto Items(F to_json) {
    return [to_json](const auto& list) {
        boost::json::array items;
        for (const auto& v : list) items.push_back(to_json(v));
        return boost::json::object{{"items", std::move(items)}};
    };
}

// A file for download (Content-Disposition: attachment), or the error.
Response Download(const core::Result<app::FileDownload>& file);

}  // namespace lingyan::http
