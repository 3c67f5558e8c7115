// Roster import (issue 2: "200,000 people from .xlsx in under 5 s; memory stays under 1 GiB").
// Generates a 200,000-row roster with the exchange writer into /tmp once (valid ID numbers, dates
// as Excel date cells, codes as text), then times ParseRoster on the bytes, and, for comparison,
// the sheet XML loaded as a pugixml DOM (the approach the reader does not take). Prints figures;
// never fails on time.
//
// Peak memory of one parse: `roster_import_bench --parse-once FILE` parses FILE once and prints
// the figures and getrusage's peak RSS; run it under /usr/bin/time -v. Figures are in
// docs/performance.md ("名册导入 roster import").
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <pugixml.hpp>
#include <random>
#include <string>
#include <vector>

#include "exchange/common/file_io.hpp"
#include "exchange/roster/roster_export.hpp"
#include "exchange/roster/roster_fields.hpp"
#include "exchange/roster/roster_import.hpp"
#include "exchange/xlsx/civil_date.hpp"

namespace {

using namespace lingyan::exchange;

constexpr std::size_t kRows = 200000;

std::string GeneratedPath(std::size_t rows) {
    return (std::filesystem::temp_directory_path() / ("lingyan-roster-" + std::to_string(rows) + ".xlsx")).string();
}

// Deterministic synthetic people: no real person's data. ID numbers are unique and valid.
std::vector<roster::PersonExportRow> SyntheticPeople(std::size_t count) {
    static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                      "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
    static const char* kGiven[] = {"建国", "晓明", "红梅", "志强", "海燕", "文杰", "丽娟",
                                   "国华", "春生", "秀英", "俊",   "敏",   "磊",   "静"};
    static const char* kTitles[] = {"书记", "副书记", "委员", "主任", "委员", "委员"};
    std::mt19937_64 rng(20260101);
    std::vector<roster::PersonExportRow> rows(count);
    const std::int64_t base_day = xlsx::DaysFromCivil({1960, 1, 1});
    constexpr std::int64_t kSpanDays = 14600;  // 40 years of birthdays
    for (std::size_t i = 0; i < count; ++i) {
        roster::PersonExportRow& row = rows[i];
        auto& person = row.person;
        person.name = std::string(kSurnames[rng() % 16]) + kGiven[rng() % 14];
        const bool male = i % 2 == 0;
        person.gender = male ? lingyan::core::roster::Gender::kMale : lingyan::core::roster::Gender::kFemale;
        const xlsx::CivilDate birth = xlsx::CivilFromDays(base_day + static_cast<std::int64_t>(i % kSpanDays));
        person.birth_date = xlsx::FormatIsoDate(birth);
        person.education = static_cast<lingyan::core::roster::Education>(rng() % 5);
        if (rng() % 3 != 0)
            person.party_join_date = xlsx::FormatIsoDate({birth.year + 20 + static_cast<int>(rng() % 10), 7, 1});
        char id[19];
        std::snprintf(id, sizeof id, "320681%04d%02d%02d%03d", birth.year, birth.month, birth.day,
                      static_cast<int>((i / kSpanDays) * 2 + (male ? 1 : 0)));
        id[17] = roster::IdCheckCharacter(id);
        id[18] = '\0';
        person.id_number = id;
        person.phone = "13" + std::to_string(100000000 + rng() % 900000000);
        person.reserve_cadre = rng() % 10 == 0;
        char code[13];
        std::snprintf(code, sizeof code, "320681%03d%03d", static_cast<int>(100 + i % 13),
                      static_cast<int>(200 + i % 150));
        row.unit_code = code;
        row.unit_name = "测试村";
        row.title = kTitles[rng() % 6];
        row.start_date = xlsx::FormatIsoDate({2018 + static_cast<int>(rng() % 6), 1 + static_cast<int>(rng() % 12), 1});
    }
    return rows;
}

const std::string& RosterBytes(std::size_t rows) {
    static std::string bytes;
    static std::size_t cached_rows = 0;
    if (cached_rows != rows) {
        const std::string path = GeneratedPath(rows);
        if (!std::filesystem::exists(path)) {
            roster::WritePeopleXlsx(path + ".tmp", SyntheticPeople(rows), {.mask_id_numbers = false});
            std::filesystem::rename(path + ".tmp", path);
        }
        bytes = ReadFile(path);
        cached_rows = rows;
    }
    return bytes;
}

void BM_ParseRosterXlsx(benchmark::State& state) {
    const auto rows = static_cast<std::size_t>(state.range(0));
    const std::string& bytes = RosterBytes(rows);
    std::size_t good = 0;
    for (auto _ : state) {
        const roster::RosterParse parse = roster::ParseRoster(bytes, "roster.xlsx");
        if (!parse.ok()) {
            state.SkipWithError(("unexpected errors: " + parse.errors.front().message).c_str());
            break;
        }
        good = parse.rows.size();
        benchmark::DoNotOptimize(parse.rows.data());
    }
    state.counters["rows"] = static_cast<double>(good);
    state.counters["file_MB"] = static_cast<double>(bytes.size()) / 1e6;
    state.counters["rows_per_s"] =
        benchmark::Counter(static_cast<double>(good), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ParseRosterXlsx)->Arg(kRows)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same rows as CSV (what the reader would see after "save as CSV UTF-8").
void BM_ParseRosterCsv(benchmark::State& state) {
    static std::string csv;
    if (csv.empty()) {
        csv = "\xEF\xBB\xBF姓名,性别,出生日期,学历,入党日期,身份证号,手机号,单位代码,职务,任职日期,后备干部\n";
        for (const auto& row : SyntheticPeople(kRows)) {
            const auto& p = row.person;
            csv += p.name + "," + std::string(roster::GenderLabel(p.gender)) + "," + p.birth_date + "," +
                   std::string(roster::EducationLabel(p.education)) + "," + p.party_join_date + "," + p.id_number +
                   "," + p.phone + "," + row.unit_code + "," + row.title + "," + row.start_date + "," +
                   (p.reserve_cadre ? "是" : "否") + "\n";
        }
    }
    for (auto _ : state) {
        const roster::RosterParse parse = roster::ParseRoster(csv, "roster.csv");
        if (!parse.ok()) {
            state.SkipWithError("unexpected errors");
            break;
        }
        benchmark::DoNotOptimize(parse.rows.data());
    }
    state.counters["file_MB"] = static_cast<double>(csv.size()) / 1e6;
}
BENCHMARK(BM_ParseRosterCsv)->Unit(benchmark::kMillisecond)->UseRealTime();

std::string SheetXml(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_file_t* file = zip_fopen(archive, "xl/worksheets/sheet1.xml", 0);
    std::string xml;
    char buf[1 << 16];
    zip_int64_t got;
    while ((got = zip_fread(file, buf, sizeof buf)) > 0) xml.append(buf, static_cast<std::size_t>(got));
    zip_fclose(file);
    zip_discard(archive);
    zip_error_fini(&error);
    return xml;
}

// For comparison only: the worksheet as a pugixml DOM (in-place parse), visiting every cell.
void BM_SheetAsPugixmlDom(benchmark::State& state) {
    const std::string xml = SheetXml(RosterBytes(kRows));
    std::size_t cells = 0;
    std::size_t dom_bytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::string copy = xml;
        state.ResumeTiming();
        pugi::xml_document doc;
        doc.load_buffer_inplace(copy.data(), copy.size(), pugi::parse_default | pugi::parse_embed_pcdata);
        cells = 0;
        for (pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row")) {
            for (pugi::xml_node cell : row.children("c")) {
                cells += cell.attribute("r").value()[0] != 0;
            }
        }
        benchmark::DoNotOptimize(cells);
        state.PauseTiming();
        struct rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        dom_bytes = static_cast<std::size_t>(usage.ru_maxrss) * 1024;
        state.ResumeTiming();
    }
    state.counters["cells"] = static_cast<double>(cells);
    state.counters["sheet_xml_MB"] = static_cast<double>(xml.size()) / 1e6;
    state.counters["peak_rss_MB"] = static_cast<double>(dom_bytes) / 1e6;
}
BENCHMARK(BM_SheetAsPugixmlDom)->Unit(benchmark::kMillisecond)->UseRealTime();

int ParseOnce(const char* path) {
    const auto start = std::chrono::steady_clock::now();
    const std::string bytes = ReadFile(path);
    const roster::RosterParse parse = roster::ParseRoster(bytes, path);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    std::printf("file %s: %.1f MB, %zu good rows, %zu errors, %.3f s (read + parse), peak RSS %.1f MB\n", path,
                static_cast<double>(bytes.size()) / 1e6, parse.rows.size(), parse.errors.size(), seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--parse-once") == 0) return ParseOnce(argv[2]);
    if (argc == 3 && std::strcmp(argv[1], "--generate") == 0) {
        roster::WritePeopleXlsx(argv[2], SyntheticPeople(kRows), {.mask_id_numbers = false});
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
