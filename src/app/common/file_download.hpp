#pragma once
// A file a use case hands back for download: its bytes and the name the user sees.

#include <string>

namespace lingyan::app {

struct FileDownload {
    std::string bytes;
    std::string filename;        // shown to the user, Chinese allowed
    std::string ascii_fallback;  // for clients that cannot read RFC 5987 names
};

}  // namespace lingyan::app
