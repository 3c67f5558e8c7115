#pragma once
// LiveHub: the screens watching live contests (app::LiveFeed). One channel per contest holds its
// watchers; a published message is turned into its frame once — the same bytes for every watcher,
// stamped with one sent_at_ms — and handed to each watcher, which queues it on its own strand and
// writes it when the previous write completes. A watcher whose queue is full (it reads too slowly)
// is dropped, never waited for, so one slow screen cannot delay the others. Beast-free: the
// sessions that own the sockets implement Watcher (live_session.cpp).
//
// Thread-safety: all methods may be called concurrently. Lock order: the contest's writer lock
// (app), then the hub's map lock, then a channel's lock; Deliver only posts.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/arena/arena_service.hpp"

namespace lingyan::http::ws {

// One message as sent: the JSON text (WebSocket payload) and its Server-Sent Events form.
struct Frame {
    std::int64_t seq = 0;
    std::string json;
    std::string sse;  // "id: N\ndata: {…}\n\n"
};

class Watcher {
public:
    virtual ~Watcher() = default;
    // Queues a frame for sending; never blocks. False once the watcher is gone (closed or dropped).
    virtual bool Deliver(const std::shared_ptr<const Frame>& frame) = 0;
    // Closes the connection (server shutdown).
    virtual void Close() = 0;
};

struct LiveStats {
    std::size_t watchers = 0;
    std::uint64_t delivered = 0;  // frames handed to watchers
    std::uint64_t dropped = 0;    // watchers dropped for reading too slowly
};

class LiveHub final : public app::LiveFeed {
public:
    // Frames queued per watcher before it counts as too slow and is dropped.
    static constexpr std::size_t kMaxQueuedFrames = 256;
    std::size_t max_queued_frames() const { return max_queued_; }
    void set_max_queued_frames(std::size_t n) { max_queued_ = n; }  // tests

    explicit LiveHub(app::ArenaService& arena) : arena_(arena) {}

    void Publish(core::roster::Id contest_id, const std::shared_ptr<const app::LiveMessage>& message) override;

    // Registers `watcher` for `contest_id` after queueing the messages it missed (after `after`;
    // none given: the latest). not_found for an unknown contest.
    core::Status Attach(core::roster::Id contest_id, std::optional<std::int64_t> after,
                        const std::shared_ptr<Watcher>& watcher);
    void Detach(core::roster::Id contest_id, const Watcher* watcher);
    // Closes every watcher and forgets them (server shutdown, before its I/O context goes).
    void CloseAll();

    void CountDrop() { dropped_++; }
    LiveStats Stats();
    // A frame of `message` stamped now.
    static std::shared_ptr<const Frame> MakeFrame(const app::LiveMessage& message);

private:
    struct Channel {
        std::mutex mutex;
        std::vector<std::shared_ptr<Watcher>> watchers;
    };
    std::shared_ptr<Channel> ChannelOf(core::roster::Id contest_id, bool create);

    app::ArenaService& arena_;
    std::mutex mutex_;
    std::map<core::roster::Id, std::shared_ptr<Channel>> channels_;
    std::atomic<std::uint64_t> delivered_{0}, dropped_{0};
    std::atomic<std::size_t> max_queued_{kMaxQueuedFrames};
};

// Unix time now in milliseconds with a fractional part.
double NowUnixMs();

}  // namespace lingyan::http::ws
