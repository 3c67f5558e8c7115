#include "http/ws/live_hub.hpp"

#include <algorithm>
#include <chrono>

#include "http/ws/live_json.hpp"

namespace lingyan::http::ws {

double NowUnixMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::shared_ptr<const Frame> LiveHub::MakeFrame(const app::LiveMessage& message) {
    auto frame = std::make_shared<Frame>();
    frame->seq = message.seq;
    frame->json = MessageText(message.seq, NowUnixMs(), message.body);
    frame->sse.reserve(frame->json.size() + 32);
    frame->sse = "id: " + std::to_string(message.seq) + "\ndata: " + frame->json + "\n\n";
    return frame;
}

std::shared_ptr<LiveHub::Channel> LiveHub::ChannelOf(core::roster::Id contest_id, bool create) {
    std::lock_guard lock(mutex_);
    auto it = channels_.find(contest_id);
    if (it != channels_.end()) return it->second;
    if (!create) return nullptr;
    return channels_.emplace(contest_id, std::make_shared<Channel>()).first->second;
}

void LiveHub::Publish(core::roster::Id contest_id, const std::shared_ptr<const app::LiveMessage>& message) {
    auto channel = ChannelOf(contest_id, false);
    if (!channel) return;  // nobody watches
    std::lock_guard lock(channel->mutex);
    if (channel->watchers.empty()) return;
    // Stamped and framed once; every watcher gets the same bytes.
    auto frame = MakeFrame(*message);
    std::size_t kept = 0;
    for (auto& w : channel->watchers) {
        if (w->Deliver(frame)) channel->watchers[kept++] = std::move(w);
    }
    delivered_ += kept;
    channel->watchers.resize(kept);
}

core::Status LiveHub::Attach(core::roster::Id contest_id, std::optional<std::int64_t> after,
                             const std::shared_ptr<Watcher>& watcher) {
    auto channel = ChannelOf(contest_id, true);
    return arena_.Watch(contest_id, after, [&](const std::vector<std::shared_ptr<const app::LiveMessage>>& missed) {
        std::lock_guard lock(channel->mutex);
        for (const auto& m : missed) watcher->Deliver(MakeFrame(*m));
        channel->watchers.push_back(watcher);
    });
}

void LiveHub::Detach(core::roster::Id contest_id, const Watcher* watcher) {
    auto channel = ChannelOf(contest_id, false);
    if (!channel) return;
    std::lock_guard lock(channel->mutex);
    auto& ws = channel->watchers;
    ws.erase(std::remove_if(ws.begin(), ws.end(), [&](const auto& w) { return w.get() == watcher; }), ws.end());
}

void LiveHub::CloseAll() {
    std::map<core::roster::Id, std::shared_ptr<Channel>> channels;
    {
        std::lock_guard lock(mutex_);
        channels.swap(channels_);
    }
    for (auto& [id, channel] : channels) {
        std::vector<std::shared_ptr<Watcher>> watchers;
        {
            std::lock_guard lock(channel->mutex);
            watchers.swap(channel->watchers);
        }
        for (auto& w : watchers) w->Close();
    }
}

LiveStats LiveHub::Stats() {
    LiveStats s;
    std::vector<std::shared_ptr<Channel>> channels;
    {
        std::lock_guard lock(mutex_);
        for (auto& [id, c] : channels_) channels.push_back(c);
    }
    for (auto& c : channels) {
        std::lock_guard lock(c->mutex);
        s.watchers += c->watchers.size();
    }
    s.delivered = delivered_;
    s.dropped = dropped_;
    return s;
}

}  // namespace lingyan::http::ws
