#pragma once
// LiveHub: the screens watching live contests (app::LiveFeed).
//
// Watchers are spread over shards, one per I/O thread; a shard is a strand that owns its
// connections (their sockets, queues and its list of who watches which contest) and runs every
// operation on them, so nothing there is shared between threads. A published message becomes its
// frame once — the same bytes, WebSocket header included, for every watcher, stamped with one
// sent_at_ms — and one task per shard hands it to that shard's watchers of the contest, which
// write it at once when their socket takes it and queue it otherwise. A watcher whose queue is
// full (it reads too slowly) is dropped, never waited for. Order: the contest's writer publishes
// under its lock, and posts to a strand run in order, so each screen gets seq 1, 2, 3 …; a new
// screen is registered together with what it missed, under the same lock.
//
// Beast- and Asio-free: the server side (live_session.cpp) provides the shards and connections.
// Thread-safety: Publish, Attach, Stats and the shard registry may be called from any thread;
// Shard's other methods run on the shard only.

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/arena/arena_service.hpp"

namespace lingyan::http::ws {

// One message as sent: the WebSocket frame (header and JSON text) and its Server-Sent Events form.
struct Frame {
    std::int64_t seq = 0;
    std::string ws;   // a final text frame, unmasked (server to client)
    std::string sse;  // "id: N\ndata: {…}\n\n"
    std::string_view json() const;
};

class Watcher {
public:
    virtual ~Watcher() = default;
    // Writes or queues `frame` (on the shard). False once the watcher is gone (closed or dropped).
    virtual bool Send(const std::shared_ptr<const Frame>& frame) = 0;
    // Closes the connection (on the shard).
    virtual void Close() = 0;
};

class Shard : public std::enable_shared_from_this<Shard> {
public:
    // Watchers written per turn: between turns the I/O thread serves other work (a judge's answer
    // waits for at most one turn, not for thousands of screens).
    static constexpr std::size_t kTurn = 128;

    virtual ~Shard() = default;
    // Runs `task` on the shard, after the tasks posted before it.
    virtual void Post(std::function<void()> task) = 0;

    // On the shard only:
    void Add(core::roster::Id contest_id, std::shared_ptr<Watcher> watcher);
    void Remove(core::roster::Id contest_id, const Watcher* watcher);
    // Queues `frame` for the contest's watchers of this shard; deliveries keep their order.
    void Deliver(core::roster::Id contest_id, const std::shared_ptr<const Frame>& frame);
    void CloseAll();

    std::atomic<std::size_t> watchers{0};

private:
    struct Job {
        core::roster::Id contest_id;
        std::shared_ptr<const Frame> frame;
        std::vector<std::shared_ptr<Watcher>> targets;  // who watched when the job was queued
        std::size_t next = 0;
    };
    void Pump();  // one turn of the front job, then again later if work remains

    std::unordered_map<core::roster::Id, std::vector<std::shared_ptr<Watcher>>> by_contest_;
    std::deque<Job> jobs_;
    bool pumping_ = false;
};

struct LiveStats {
    std::size_t watchers = 0;
    std::uint64_t published = 0;  // messages framed and handed to the shards
    std::uint64_t dropped = 0;    // watchers dropped for reading too slowly
};

class LiveHub final : public app::LiveFeed {
public:
    // Frames queued per watcher before it counts as too slow and is dropped.
    static constexpr std::size_t kMaxQueuedFrames = 256;

    explicit LiveHub(app::ArenaService& arena) : arena_(arena) {}

    void Publish(core::roster::Id contest_id, const std::shared_ptr<const app::LiveMessage>& message) override;

    // Registers `watcher` (living on `shard`) after queueing the messages it missed (after `after`;
    // none given: the latest). not_found for an unknown contest.
    core::Status Attach(core::roster::Id contest_id, std::optional<std::int64_t> after,
                        const std::shared_ptr<Watcher>& watcher, const std::shared_ptr<Shard>& shard);

    // The shard for a new connection, round robin; `make` creates the shards on first use.
    std::shared_ptr<Shard> NextShard(const std::function<std::vector<std::shared_ptr<Shard>>()>& make);
    // Forgets every shard (server shutdown, before its I/O context goes).
    void CloseAll();

    std::size_t max_queued_frames() const { return max_queued_; }
    void set_max_queued_frames(std::size_t n) { max_queued_ = n; }  // tests
    void CountDrop() { dropped_++; }
    LiveStats Stats();

    // The frame of `message` stamped now.
    static std::shared_ptr<const Frame> MakeFrame(const app::LiveMessage& message);

private:
    app::ArenaService& arena_;
    std::mutex mutex_;
    std::vector<std::shared_ptr<Shard>> shards_;
    std::size_t next_shard_ = 0;
    std::atomic<std::uint64_t> published_{0}, dropped_{0};
    std::atomic<std::size_t> max_queued_{kMaxQueuedFrames};
};

// Unix time now in milliseconds with a fractional part.
double NowUnixMs();

}  // namespace lingyan::http::ws
