#pragma once
// Transport-independent request/response types and the route table. Only server.cpp knows
// Beast; handlers see these plain types, so route files compile fast and test without sockets.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/auth_service.hpp"
#include "core/common/result.hpp"

namespace lingyan::http {

struct Request {
    std::string method;  // GET, POST, PATCH, DELETE
    std::string path;    // decoded path without the query
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::string remote;  // client address
    std::vector<std::string> params;  // values of {…} path segments, in order
    std::optional<app::SessionUser> user;  // set by the router for authenticated routes

    std::string Header(const std::string& lower_name) const;
    std::optional<std::string> Query(const std::string& name) const;
    std::string Cookie(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // A body the handler keeps for many requests, sent instead of `body`: the handler does not copy
    // it; the server copies it into the answer only when it is the one sent (not for a gzip client).
    std::shared_ptr<const std::string> kept_body;
    // The same body gzip-compressed (compress.hpp), sent instead when the client accepts gzip.
    std::shared_ptr<const std::string> gzip;
};

using Handler = std::function<Response(Request&)>;
// An upload route's check before its body is read: the request line, headers, query and the
// session user, no body. nullopt lets the body be read; a response refuses the upload unread.
using Gate = std::function<std::optional<Response>(Request&)>;

enum class Access {
    kPublic,        // no session needed
    kSession,       // needs a valid session; writes also need the CSRF header
};

class Router;

// The outcome of matching a request line against the route table, computed once per request.
struct RouteMatch {
    const void* route = nullptr;  // opaque; null when nothing matched
    std::vector<std::string> params;
    bool path_matched = false;    // some route has this path (with another method)
    std::size_t body_limit = 1 << 20;
    std::string label;            // "GET /api/v1/units/{id}", "" when unmatched
    bool on_worker = false;       // run the handler on the worker pool, not an I/O thread
    bool upload = false;          // body limit above the JSON one: read on the upload thread
};

class Router {
public:
    // `pattern` like "/api/v1/units/{id}/stats"; `{x}` matches one non-empty segment.
    // `on_worker`: the handler may wait on the database (a live contest's writes), so the server
    // runs it on its worker pool and the I/O threads keep serving sockets meanwhile.
    void Add(std::string method, std::string pattern, Access access, Handler handler,
             std::size_t body_limit = kJsonBodyLimit, bool on_worker = false);
    // An upload route (session only) whose `gate` checks role, scope and limits before the body is
    // read; the body may be up to `body_limit` bytes of any type.
    void AddUpload(std::string method, std::string pattern, Handler handler, std::size_t body_limit, Gate gate);
    // Matches a request line: its route, path parameters, body limit and metrics label.
    RouteMatch Resolve(const std::string& method, const std::string& path) const;
    // Dispatches a resolved request; 404/405 JSON errors for unknown routes, 401/403 for
    // session/CSRF failures.
    Response Dispatch(Request& req, const RouteMatch& match, app::AuthService& auth) const;
    // Before an upload's body is read (`req` without its body): the session and CSRF checks of
    // Dispatch, then the route's gate. nullopt = read the body.
    std::optional<Response> Precheck(Request& req, const RouteMatch& match, app::AuthService& auth) const;

    // The route table as registered (method, pattern, access), for the authorization matrix test.
    struct RouteInfo {
        std::string method, pattern;
        Access access;
    };
    std::vector<RouteInfo> Routes() const;

    static constexpr std::size_t kJsonBodyLimit = 1 << 20;
    static constexpr std::size_t kUploadBodyLimit = 64u << 20;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        std::string pattern;
        Access access;
        Handler handler;
        std::size_t body_limit;
        bool on_worker = false;
        Gate gate;
    };
    // Session, CSRF and password-change checks of a session route; sets req.user.
    std::optional<Response> Authorize(Request& req, const Route& r, const RouteMatch& match,
                                      app::AuthService& auth) const;
    const Route* Match(const std::string& method, const std::string& path, std::vector<std::string>* params,
                       bool* path_matched) const;
    std::vector<Route> routes_;
};

// The `index`-th {…} path parameter as a positive record id; not_found otherwise.
core::Result<std::int64_t> PathId(const Request& req, std::size_t index = 0);

// An .xlsx download: `Content-Disposition: attachment` with the (Chinese) file name as RFC 5987
// `filename*` and `ascii_fallback` for old clients; never cached.
Response XlsxAttachment(std::string bytes, const std::string& filename, const std::string& ascii_fallback);

// A Content-Disposition value: `disposition` ("attachment" or "inline"), the file name as RFC 5987
// `filename*` and `ascii_fallback` as `filename`.
std::string ContentDisposition(std::string_view disposition, const std::string& filename,
                               const std::string& ascii_fallback);

// Maps an error to its HTTP status (the one table: error_map.cpp).
int StatusOf(const core::Error& e);
// `{"error":{"code","message","field"}}` with the status from StatusOf.
Response ErrorResponse(const core::Error& e);
Response ErrorResponse(int status, const std::string& code, const std::string& message, const std::string& field = {});
// A Gate's answer from a use case's check: nothing when `check` passed, its error response otherwise.
std::optional<Response> Refusal(const core::Status& check);
Response JsonResponse(int status, std::string body);

// Splits a path into segments, percent-decoding each; false on malformed escapes or bad UTF-8.
bool SplitPath(std::string_view path, std::vector<std::string>& segments);
bool ValidUtf8(std::string_view s);
std::string PercentDecode(std::string_view s, bool plus_is_space, bool* ok);

}  // namespace lingyan::http
