#pragma once
// The HTTP server: Boost.Beast over Asio C++20 coroutines. Serves the API routes of a Router
// and the built web app's static files; one log line per request; Prometheus metrics;
// graceful shutdown on SIGINT/SIGTERM (stops accepting, lets requests in flight finish).

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "http/routes/routes.hpp"

namespace lingyan::http {

struct ServerConfig {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;
    std::string web_root;  // folder with index.html; empty → a minimal built-in page
    int threads = 2;
    bool access_log = true;  // one line per request (text, or JSON after UseJsonLogs: log_format.hpp)
    // Peers in this network (CIDR, e.g. "127.0.0.1/32" for an nginx on the same host) are proxies:
    // the client address is then the last entry of their X-Forwarded-For. "" = no proxy is trusted
    // and X-Forwarded-For is ignored.
    std::string trusted_proxy;
    // Called once the socket listens, with the bound port (tests bind port 0).
    std::function<void(unsigned short)> on_listening;
};

// Runs until SIGINT/SIGTERM (or RequestStop, which stops every server running in the process).
// Throws on bind failure.
void RunServer(const ServerConfig& config, Services& services);
// Asks a running server to shut down gracefully (used by tests and signal handling).
void RequestStop();

}  // namespace lingyan::http
