// Generates province-scale inputs for `lingyan points tally` (issue 5): scale 1.0 = 20,000 units,
// 4,000,000 members, 80,000,000 events (about 3.5 GB of CSV). Built and run by
// points_tally_vs_duckdb.sh (g++ -O2 -I src; no project libraries: the rules come from a header-only file).
// Usage: points_gen OUT_DIR [SCALE] [SEED]. Writes rules.json, rules.csv (the same rules for
// DuckDB), units.csv, members.csv, events.csv. Deterministic for a given scale and seed.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "storage/bulk/province_rules.hpp"

namespace {

using lingyan::storage::province::kRules;
using lingyan::storage::province::RuleSpec;

FILE* Open(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        std::perror(path.c_str());
        std::exit(1);
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: points_gen OUT_DIR [SCALE] [SEED]\n");
        return 2;
    }
    const std::string out = argv[1];
    const double scale = argc > 2 ? std::atof(argv[2]) : 1.0;
    std::mt19937_64 rng(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 2025);

    FILE* f = Open(out + "/rules.json");
    std::fprintf(f, "{\"period\": {\"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}, \"stars\": [0, 60, 120, 180, 240],\n \"rules\": [\n");
    for (std::size_t idx = 0; idx < std::size(kRules); ++idx) {
        const RuleSpec& r = kRules[idx];
        std::fprintf(f, "  {\"code\": \"%s\", \"name\": \"%s\", \"category\": \"%s\", \"points\": %d", r.code, r.name, r.category, r.points);
        if (r.cap != 0) std::fprintf(f, ", \"cap\": %d", r.cap);
        std::fprintf(f, "}%s\n", idx + 1 < std::size(kRules) ? "," : "");
    }
    std::fprintf(f, " ]}\n");
    std::fclose(f);
    f = Open(out + "/rules.csv");
    std::fprintf(f, "code,points,cap\n");
    for (const RuleSpec& r : kRules) {
        if (r.cap != 0) std::fprintf(f, "%s,%d,%d\n", r.code, r.points, r.cap);
        else std::fprintf(f, "%s,%d,\n", r.code, r.points);
    }
    std::fclose(f);

    // Province → 13 cities → 8 counties → 12 towns → villages: about 20,000 units at scale 1.
    const int villages_per_town = std::max(1, static_cast<int>(15.0 * scale + 0.5));
    std::vector<std::string> leaves;
    std::size_t unit_count = 1;
    f = Open(out + "/units.csv");
    std::fprintf(f, "unit,parent,name\nP,,省\n");
    char id[64], parent[64];
    for (int city = 0; city < 13; ++city) {
        std::snprintf(id, sizeof id, "C%02d", city);
        std::fprintf(f, "%s,P,市%d\n", id, city);
        ++unit_count;
        for (int county = 0; county < 8; ++county) {
            std::snprintf(parent, sizeof parent, "C%02dK%d", city, county);
            std::fprintf(f, "%s,%s,县%d\n", parent, id, county);
            ++unit_count;
            for (int town = 0; town < 12; ++town) {
                char town_id[64];
                std::snprintf(town_id, sizeof town_id, "%sT%02d", parent, town);
                std::fprintf(f, "%s,%s,镇%d\n", town_id, parent, town);
                ++unit_count;
                for (int village = 0; village < villages_per_town; ++village) {
                    char village_id[80];
                    std::snprintf(village_id, sizeof village_id, "%sV%02d", town_id, village);
                    std::fprintf(f, "%s,%s,村%d\n", village_id, town_id, village);
                    leaves.emplace_back(village_id);
                    ++unit_count;
                }
            }
        }
    }
    std::fclose(f);

    const auto members = static_cast<std::uint64_t>(4'000'000 * scale);
    f = Open(out + "/members.csv");
    std::fprintf(f, "member,unit,name\n");
    for (std::uint64_t member = 0; member < members; ++member) {
        const std::string& unit = member % 7 != 0 ? leaves[member % leaves.size()] : leaves[rng() % leaves.size()];
        std::fprintf(f, "m%07llu,%s,党员%llu\n", static_cast<unsigned long long>(member), unit.c_str(),
                     static_cast<unsigned long long>(member));
    }
    std::fclose(f);

    std::vector<int> rule_pick;
    for (std::size_t idx = 0; idx < std::size(kRules); ++idx) rule_pick.insert(rule_pick.end(), kRules[idx].weight, static_cast<int>(idx));
    const auto events = static_cast<std::uint64_t>(80'000'000 * scale);
    const char* statuses[20];
    for (int idx = 0; idx < 20; ++idx) statuses[idx] = idx < 17 ? "approved" : idx < 19 ? "pending" : "rejected";
    const char* quantities[10] = {"", "", "", "", "", "", "", "", "2", "3"};
    f = Open(out + "/events.csv");
    std::vector<char> buffer(1 << 20);
    std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
    std::fprintf(f, "event,member,rule,date,status,quantity\n");
    for (std::uint64_t event = 1; event <= events; ++event) {
        const std::uint64_t r = rng();
        const auto member = static_cast<unsigned long long>(r % members);
        const RuleSpec& rule = kRules[rule_pick[(r >> 24) % rule_pick.size()]];
        const unsigned day_pick = static_cast<unsigned>((r >> 32) % 342);  // 336 in-period days + 6 outside
        char date[16];
        if (day_pick < 336) std::snprintf(date, sizeof date, "2025-%02u-%02u", day_pick / 28 + 1, day_pick % 28 + 1);
        else std::snprintf(date, sizeof date, "%s", day_pick < 339 ? "2024-12-31" : "2026-01-01");
        std::fprintf(f, "e%llu,m%07llu,%s,%s,%s,%s\n", static_cast<unsigned long long>(event), member, rule.code, date,
                     statuses[(r >> 44) % 20], quantities[(r >> 52) % 10]);
    }
    std::fclose(f);
    std::printf("%zu units, %llu members, %llu events in %s\n", unit_count, static_cast<unsigned long long>(members),
                static_cast<unsigned long long>(events), out.c_str());
    return 0;
}
