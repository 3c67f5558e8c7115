#pragma once
// SqlArenaStore: core::ports::ArenaStore over an SqlDb (SQLite or PostgreSQL), as a ModuleStore
// (storage/db/module_store.hpp: the SqlStore's connection and transaction).

#include "core/ports/arena_store.hpp"
#include "storage/db/module_store.hpp"

namespace lingyan::storage {

class SqlArenaStore final : public core::ports::ArenaStore, private ModuleStore {
public:
    using ModuleStore::ModuleStore;

    core::ports::ContestRecord InsertContest(const core::arena::ContestSetup& setup, const std::string& by,
                                             const std::string& at) override;
    std::vector<core::ports::ContestRecord> ListContests() override;
    std::optional<core::ports::ContestRecord> FindContest(core::ports::Id id) override;
    void UpdateContestStatus(core::ports::Id id, const std::string& status) override;
    void MarkResultsPushed(core::ports::Id id, const std::string& at) override;

    std::vector<core::ports::SeatAccessRecord> ListSeatAccess(core::ports::Id contest_id) override;
    std::optional<core::ports::SeatAccessRecord> FindSeatByToken(const std::string& token_hash) override;
    std::optional<core::ports::SeatAccessRecord> FindSeatByDevice(const std::string& device_hash) override;
    void IssueSeatLink(core::ports::Id seat_id, const std::string& token_hash, const std::string& at) override;
    bool BindSeatDevice(core::ports::Id seat_id, const std::string& token_hash, const std::string& device_hash,
                        const std::string& device_csrf, const std::string& at) override;

    std::int64_t LockEvents(core::ports::Id contest_id) override;
    void InsertEvent(core::ports::Id contest_id, const core::arena::Event& event) override;
    std::vector<core::arena::Event> ListEvents(core::ports::Id contest_id) override;

    core::ports::Id InsertScore(const core::ports::ContestScoreRecord& score) override;
    bool VoidScore(core::ports::Id contest_id, int round, core::ports::Id contestant_id, core::ports::Id seat_id,
                   std::int64_t void_seq, const std::string& reason, const std::string& by,
                   const std::string& at) override;
    std::vector<core::ports::ContestScoreRecord> ListScores(core::ports::Id contest_id) override;

private:
    void LoadLists(core::ports::ContestRecord& record);
};

}  // namespace lingyan::storage
