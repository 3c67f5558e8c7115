#pragma once
// The live stream of a contest on one connection: `GET /api/v1/contests/{id}/live` upgraded to a
// WebSocket, or answered as Server-Sent Events (Accept: text/event-stream) where a proxy blocks
// WebSockets. The server hands the connection over after reading the request; the session moves
// it onto a strand of its own, checks access off the I/O threads (the worker pool), registers
// with the LiveHub (which queues what the client missed after ?after=SEQ or Last-Event-ID) and
// then only writes frames from its bounded queue; reads serve to notice a closed connection (and
// to answer WebSocket pings). Included by server.cpp only: it is the Beast side of http/ws.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <string>

namespace lingyan::http {
struct Services;
}

namespace lingyan::http::ws {

using LiveRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Does the request ask for a live stream (a WebSocket upgrade, or an event stream)?
bool WantsLive(const LiveRequest& req);

// Serves the live stream of `contest_id` on `stream` until the client goes away or the server
// stops. Answers 404 (JSON) when the contest is unknown or private to the caller.
boost::asio::awaitable<void> ServeLive(boost::beast::tcp_stream stream, LiveRequest req, std::int64_t contest_id,
                                       Services& services, boost::asio::thread_pool& workers);

}  // namespace lingyan::http::ws
