#include "http/ws/live_hub.hpp"

#include <algorithm>
#include <chrono>

#include "http/ws/live_json.hpp"

namespace lingyan::http::ws {

double NowUnixMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string_view Frame::json() const {
    // Skip the WebSocket header: 2, 4 or 10 bytes by the payload length.
    const std::size_t head = ws.size() < 2 ? 0 : (ws[1] & 0x7f) == 126 ? 4 : (ws[1] & 0x7f) == 127 ? 10 : 2;
    return std::string_view(ws).substr(std::min(head, ws.size()));
}

std::shared_ptr<const Frame> LiveHub::MakeFrame(const app::LiveMessage& message) {
    auto frame = std::make_shared<Frame>();
    frame->seq = message.seq;
    const std::string json = MessageText(message.seq, NowUnixMs(), message.body);
    const std::uint64_t n = json.size();
    frame->ws.reserve(n + 10);
    frame->ws.push_back(static_cast<char>(0x81));  // FIN, text
    if (n < 126) {
        frame->ws.push_back(static_cast<char>(n));
    } else if (n < 65536) {
        frame->ws.push_back(static_cast<char>(126));
        frame->ws.push_back(static_cast<char>((n >> 8) & 0xff));
        frame->ws.push_back(static_cast<char>(n & 0xff));
    } else {
        frame->ws.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8) frame->ws.push_back(static_cast<char>((n >> shift) & 0xff));
    }
    frame->ws += json;
    frame->sse.reserve(n + 32);
    frame->sse = "id: " + std::to_string(message.seq) + "\ndata: " + json + "\n\n";
    return frame;
}

void Shard::Add(core::roster::Id contest_id, std::shared_ptr<Watcher> watcher) {
    by_contest_[contest_id].push_back(std::move(watcher));
    watchers++;
}

void Shard::Remove(core::roster::Id contest_id, const Watcher* watcher) {
    auto it = by_contest_.find(contest_id);
    if (it == by_contest_.end()) return;
    auto& list = it->second;
    for (std::size_t idx = 0; idx < list.size(); ++idx) {
        if (list[idx].get() != watcher) continue;
        list[idx] = std::move(list.back());
        list.pop_back();
        watchers--;
        return;
    }
}

void Shard::Deliver(core::roster::Id contest_id, const std::shared_ptr<const Frame>& frame) {
    auto it = by_contest_.find(contest_id);
    if (it == by_contest_.end() || it->second.empty()) return;
    jobs_.push_back(Job{contest_id, frame, it->second, 0});
    if (!pumping_) Pump();
}

void Shard::Pump() {
    pumping_ = true;
    std::size_t budget = kTurn;
    while (!jobs_.empty() && budget > 0) {
        Job& job = jobs_.front();
        while (job.next < job.targets.size() && budget > 0) {
            auto& w = job.targets[job.next++];
            --budget;
            if (!w->Send(job.frame)) Remove(job.contest_id, w.get());
        }
        if (job.next == job.targets.size()) jobs_.pop_front();
    }
    if (jobs_.empty()) {
        pumping_ = false;
        return;
    }
    Post([self = shared_from_this()] { self->Pump(); });
}

void Shard::CloseAll() {
    auto all = std::move(by_contest_);
    by_contest_.clear();
    jobs_.clear();
    watchers = 0;
    for (auto& [contest, list] : all)
        for (auto& w : list) w->Close();
}

void LiveHub::Publish(core::roster::Id contest_id, const std::shared_ptr<const app::LiveMessage>& message) {
    std::vector<std::shared_ptr<Shard>> shards;
    {
        std::lock_guard lock(mutex_);
        shards = shards_;
    }
    if (shards.empty()) return;  // no server, no screens
    // Stamped and framed once; every watcher gets the same bytes.
    auto frame = MakeFrame(*message);
    published_++;
    for (auto& shard : shards) shard->Post([shard, contest_id, frame] { shard->Deliver(contest_id, frame); });
}

core::Status LiveHub::Attach(core::roster::Id contest_id, std::optional<std::int64_t> after,
                             const std::shared_ptr<Watcher>& watcher, const std::shared_ptr<Shard>& shard) {
    return arena_.Watch(contest_id, after, [&](const std::vector<std::shared_ptr<const app::LiveMessage>>& missed) {
        std::vector<std::shared_ptr<const Frame>> frames;
        for (const auto& m : missed) frames.push_back(MakeFrame(*m));
        shard->Post([shard, contest_id, watcher, frames = std::move(frames)] {
            for (const auto& f : frames)
                if (!watcher->Send(f)) return;
            shard->Add(contest_id, watcher);
        });
    });
}

std::shared_ptr<Shard> LiveHub::NextShard(const std::function<std::vector<std::shared_ptr<Shard>>()>& make) {
    std::lock_guard lock(mutex_);
    if (shards_.empty()) shards_ = make();
    if (shards_.empty()) return nullptr;
    return shards_[next_shard_++ % shards_.size()];
}

void LiveHub::CloseAll() {
    std::vector<std::shared_ptr<Shard>> shards;
    {
        std::lock_guard lock(mutex_);
        shards.swap(shards_);
    }
    // The I/O threads have stopped: the shards' connections go with their last references.
    for (auto& shard : shards) shard->CloseAll();
}

LiveStats LiveHub::Stats() {
    LiveStats s;
    std::lock_guard lock(mutex_);
    for (const auto& shard : shards_) s.watchers += shard->watchers;
    s.published = published_;
    s.dropped = dropped_;
    return s;
}

}  // namespace lingyan::http::ws
