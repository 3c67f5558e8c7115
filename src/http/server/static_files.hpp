#pragma once
// Static files of the built web app, with path-traversal protection, content types and
// caching: hashed assets are immutable for a year, index.html is revalidated every time.
// Unknown non-API paths fall back to index.html (client-side routing).

#include <string>

#include "http/server/router.hpp"

namespace lingyan::http {

Response ServeStatic(const std::string& web_root, const std::string& path);
std::string ContentTypeOf(const std::string& path);

}  // namespace lingyan::http
