#pragma once
// The storage port of arena contests (擂台赛): the setup (contest, score sheet, contestants,
// judge seats, rounds, titles), the judges' join links bound to one device, the append-only event
// log the live state is rebuilt from, and the score table (every submitted score, a reopened one
// kept with why and by whom). Implemented by storage/sql/arena_store over the same connection as
// Store, so writes join the transaction opened with Store::Begin(). Methods throw
// storage::StoreError when the database fails; "not found" is std::nullopt. Used by one thread at
// a time (the app layer serializes access with the store mutex).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/arena/contest.hpp"
#include "core/arena/live.hpp"

namespace lingyan::core::ports {

using roster::Id;

struct ContestRecord {
    Id id = 0;
    arena::ContestSetup setup;     // contestant, seat ids filled in
    std::string status = "ready";  // ready, live, finished (a copy of the live state's, for lists)
    std::string created_by;
    std::string created_at;
    std::string results_pushed_at;  // when the results became campaign facts and honours ("" = not yet)
};

// A judge seat's join link and device (secrets only as SHA-256 hashes).
struct SeatAccessRecord {
    Id seat_id = 0;
    Id contest_id = 0;
    std::string token_hash;   // of the one-time link; "" = no link issued
    std::string device_hash;  // of the device cookie bound on first use; "" = not yet bound
    std::string device_csrf;  // the header a bound device sends with writes
    std::string link_issued_at;
    std::string bound_at;
};

struct ContestScoreRecord {
    Id id = 0;
    Id contest_id = 0;
    int round = 0;
    Id contestant_id = 0;
    Id seat_id = 0;
    std::vector<double> values;
    double total = 0;
    std::string key;  // idempotency key
    std::int64_t seq = 0;
    std::string submitted_by;   // user name or "seat:N"
    std::string submitted_at;   // ISO 8601 UTC
    std::int64_t void_seq = 0;  // 0 = counts; else the reopen event that voided it
    std::string void_reason, void_by, voided_at;
};

class ArenaStore {
public:
    virtual ~ArenaStore() = default;

    // Inserts a contest with its lists; contestant ids in `setup.rounds` are indexes into
    // `setup.contestants` (0-based) and are rewritten to the new record ids. Returns the record.
    virtual ContestRecord InsertContest(const arena::ContestSetup& setup, const std::string& by,
                                        const std::string& at) = 0;
    virtual std::vector<ContestRecord> ListContests() = 0;  // by id, lists included
    virtual std::optional<ContestRecord> FindContest(Id id) = 0;
    virtual void UpdateContestStatus(Id id, const std::string& status) = 0;
    virtual void MarkResultsPushed(Id id, const std::string& at) = 0;

    virtual std::vector<SeatAccessRecord> ListSeatAccess(Id contest_id) = 0;
    virtual std::optional<SeatAccessRecord> FindSeatByToken(const std::string& token_hash) = 0;
    virtual std::optional<SeatAccessRecord> FindSeatByDevice(const std::string& device_hash) = 0;
    // A new link for the seat: replaces the token and unbinds any device.
    virtual void IssueSeatLink(Id seat_id, const std::string& token_hash, const std::string& at) = 0;
    // Binds the device to the seat iff the seat's token is `token_hash` and no device is bound yet;
    // false otherwise (nothing changed).
    virtual bool BindSeatDevice(Id seat_id, const std::string& token_hash, const std::string& device_hash,
                                const std::string& device_csrf, const std::string& at) = 0;

    // Inside a transaction, before InsertEvent: takes the contest's row lock (PostgreSQL; writers of
    // one contest on several servers queue here until the holder commits) and returns the last
    // recorded seq, 0 if none. A writer whose state is behind it must not insert.
    virtual std::int64_t LockEvents(Id contest_id) = 0;
    virtual void InsertEvent(Id contest_id, const arena::Event& event) = 0;
    virtual std::vector<arena::Event> ListEvents(Id contest_id) = 0;  // by seq

    virtual Id InsertScore(const ContestScoreRecord& score) = 0;
    // Voids the counting score of (round, contestant, seat); false if there was none.
    virtual bool VoidScore(Id contest_id, int round, Id contestant_id, Id seat_id, std::int64_t void_seq,
                           const std::string& reason, const std::string& by, const std::string& at) = 0;
    virtual std::vector<ContestScoreRecord> ListScores(Id contest_id) = 0;  // by id, voided ones included
};

}  // namespace lingyan::core::ports
