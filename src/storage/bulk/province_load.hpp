#pragma once
// The province data set (issue 15) generated and loaded into a migrated, empty PostgreSQL
// database with COPY: at scale 1.0 about 20,000 units (province → 13 cities → 8 counties each →
// 12 towns each → 15 villages each), a party branch per village and a committee per town,
// 4,000,000 party members (people with positions for each village's secretary, and their points
// members), the 12 points rules of bench/points_gen.cpp, one points period for the year, and
// 80,000,000 points events of that year (85 % approved, 10 % pending, 5 % rejected). Members,
// events and the village tree scale linearly. Deterministic for a scale and seed.
//
// Loading order: foreign keys and secondary indexes of the loaded tables are dropped (their
// definitions read from the catalog first), the tables are copied, then the indexes are built and
// the foreign keys added back (validated) and every table analysed. Primary keys stay: ids ascend,
// so they are appended to. No audit entries are written: this is a data set for benchmarks.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lingyan::storage {

struct ProvinceLoadOptions {
    double scale = 1.0;
    std::uint64_t seed = 2025;
    int year = 2025;
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

// Throws StoreError when the database cannot be reached, is not migrated, or already holds units
// or points events (the loader fills an empty database only).
ProvinceLoadReport LoadProvince(const std::string& conninfo, const ProvinceLoadOptions& options,
                                const std::function<void(const ProvinceLoadPhase&)>& on_phase = {});

}  // namespace lingyan::storage
