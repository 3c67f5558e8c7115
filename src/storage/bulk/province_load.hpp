#pragma once
// The province data set (issue 15) generated and loaded into a migrated, empty PostgreSQL
// database with COPY: at scale 1.0 about 20,000 units (province → 13 cities → 8 counties each →
// 12 towns each → 15 villages each), a party branch per village and a committee per town,
// 4,000,000 party members (people with positions for each village's secretary, and their points
// members), the 12 points rules of bench/points_gen.cpp, one points period for the year, and
// 80,000,000 points events of that year (85 % approved, 10 % pending, 5 % rejected). Members,
// events and the village tree scale linearly. Deterministic for a scale and seed.
//
// Loading order: foreign keys and secondary indexes of the loaded tables, and the ledger's primary
// and unique keys, are dropped (their definitions read from the catalog first); the tables are
// copied (the events by `jobs` connections at once); then the keys and indexes are built, the
// foreign keys added back (validated) and every table analysed. The other primary keys stay (other
// tables refer to them; ids ascend, so they are appended to). No audit entries are written: this
// is a data set for benchmarks.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lingyan::storage {

struct ProvinceLoadOptions {
    double scale = 1.0;
    std::uint64_t seed = 2025;
    int year = 2025;
    int jobs = 2;  // connections copying the events at once
};

struct ProvinceLoadPhase {
    std::string name;
    std::uint64_t rows = 0;
    double seconds = 0;
};

struct ProvinceLoadReport {
    std::uint64_t units = 0, party_orgs = 0, people = 0, positions = 0, members = 0, events = 0;
    std::vector<ProvinceLoadPhase> phases;  // in order: each table copied, then indexes and keys, analyse
    double seconds = 0;
};

// "" when the options are usable, else what is wrong, naming the option (scale, jobs, year).
std::string ProvinceLoadOptionsError(const ProvinceLoadOptions& options);

// The statements that build keys and indexes, in chains: one connection builds a chain in turn,
// chains run side by side. PostgreSQL names a partition's index after its table and columns, so
// two indexes on the same columns of a partitioned table (points_events_member and
// points_events_pending) built at once pick the same name and one fails on the catalog's unique
// key; CREATE statements with the same table and columns share a chain. Order is kept.
std::vector<std::vector<std::string>> IndexBuildChains(const std::vector<std::string>& statements);

// Throws StoreError when the options are not usable, the database cannot be reached, is not migrated, or already holds units
// or points events (the loader fills an empty database only).
ProvinceLoadReport LoadProvince(const std::string& conninfo, const ProvinceLoadOptions& options,
                                const std::function<void(const ProvinceLoadPhase&)>& on_phase = {});

}  // namespace lingyan::storage
