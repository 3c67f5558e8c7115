#pragma once
// Kept<Key, Value>: read results kept while this process has written nothing and for at most a
// maximum age (issue 15: reads that need no database work). A result is fresh while
//   - the store's write generation (core::ports::Store::WriteGeneration, counted by the connection
//     pool: every commit and every write outside a transaction) is the one read *before* the
//     result was computed — a write of this process that commits meanwhile makes it old at once;
//   - it is younger than the maximum age — the bound for writes of another process (another
//     server on the same PostgreSQL, the CLI), which this process does not count.
// Times are milliseconds of any monotonic or wall clock the caller passes (no clock here); a time
// that goes backwards counts as old. At most `max_entries` results are kept: when full, the old
// ones are dropped, and if none is old, the one kept longest. Thread-safe.

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace lingyan::app {

template <typename Key, typename Value>
class Kept {
public:
    explicit Kept(std::int64_t max_age_ms, std::size_t max_entries = 4096)
        : max_age_ms_(max_age_ms), max_entries_(max_entries) {}

    std::optional<Value> Find(const Key& key, std::uint64_t generation, std::int64_t now_ms) const {
        std::lock_guard lock(mutex_);
        auto it = kept_.find(key);
        if (it == kept_.end() || !Fresh(it->second, generation, now_ms)) return std::nullopt;
        return it->second.value;
    }

    // `generation` and `now_ms` as read before the value was computed.
    void Put(const Key& key, std::uint64_t generation, std::int64_t now_ms, Value value) {
        std::lock_guard lock(mutex_);
        if (kept_.size() >= max_entries_ && !kept_.contains(key)) {
            std::erase_if(kept_, [&](const auto& entry) { return !Fresh(entry.second, generation, now_ms); });
            if (kept_.size() >= max_entries_)
                kept_.erase(std::min_element(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) {
                    return a.second.at_ms < b.second.at_ms;
                }));
        }
        kept_.insert_or_assign(key, Entry{generation, now_ms, std::move(value)});
    }

    void Clear() {
        std::lock_guard lock(mutex_);
        kept_.clear();
    }

private:
    struct Entry {
        std::uint64_t generation = 0;
        std::int64_t at_ms = 0;
        Value value;
    };
    bool Fresh(const Entry& e, std::uint64_t generation, std::int64_t now_ms) const {
        return e.generation == generation && now_ms >= e.at_ms && now_ms - e.at_ms < max_age_ms_;
    }

    const std::int64_t max_age_ms_;
    const std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::map<Key, Entry> kept_;
};

}  // namespace lingyan::app
