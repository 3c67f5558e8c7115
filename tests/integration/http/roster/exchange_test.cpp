// Roster and units files over HTTP, against each storage backend (issue 16): export → edit →
// import round trips that update the same people and units instead of duplicating them, the
// preview (dry run) with created / updated / unchanged, look-alike people flagged, absent
// columns left unchanged, the office fixtures through the imports, and row and error counts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "exchange/common/file_io.hpp"
#include "exchange/xlsx/reader.hpp"
#include "exchange/xlsx/writer.hpp"
#include "integration/http/evaluation/campaign_fixture.hpp"
#include "integration/sheet_file.hpp"

namespace lingyan::testing {
namespace {

namespace xlsx = exchange::xlsx;

std::string Fixture(const std::string& name) {
    return exchange::ReadFile(std::string(LINGYAN_FIXTURES) + "/sheets/" + name);
}

// A sheet as rows of cell texts (row 0 the header), and back to an .xlsx — what an officer's
// spreadsheet program does when the file is opened, edited and saved.
using Sheet = std::vector<std::vector<std::string>>;

Sheet ReadSheet(const std::string& bytes, const std::string& name) {
    const auto book = xlsx::Workbook::Open(bytes);
    const int idx = book.FindSheet(name);
    EXPECT_GE(idx, 0) << name;
    Sheet sheet;
    for (const auto& row : book.ReadRows(static_cast<std::size_t>(std::max(idx, 0)))) {
        std::vector<std::string> cells;
        for (const auto& cell : row.cells) {
            if (cells.size() <= cell.column) cells.resize(cell.column + 1);
            cells[cell.column] = cell.text;
        }
        sheet.push_back(std::move(cells));
    }
    return sheet;
}

std::string WriteSheet(const Sheet& sheet, const std::string& name) { return SheetBytes(sheet, name); }

std::size_t Column(const Sheet& sheet, const std::string& header) {
    for (std::size_t c = 0; c < sheet.front().size(); ++c)
        if (sheet.front()[c] == header) return c;
    ADD_FAILURE() << "no column " << header;
    return 0;
}

class ExchangeTest : public CampaignTest {
protected:
    HttpResult Upload(Client& c, const std::string& path, const std::string& bytes, const std::string& filename) {
        return c.Send("POST", path, bytes, true, {{"Content-Type", "application/octet-stream"}, {"X-Filename", Encode(filename)}});
    }
    std::int64_t PeopleIn(Client& c, std::int64_t unit) {
        return Json(c.Get("/api/v1/people?unit=" + std::to_string(unit) + "&size=1")).at("total").as_int64();
    }
    json::object UnitJson(Client& c, std::int64_t unit) {
        return Json(c.Get("/api/v1/units/" + std::to_string(unit))).at("unit").as_object();
    }
};

// Item 3: the web export carries 单位代码 and 人员编号; edited and imported again — IDs still
// masked — it updates the same people: 洑家村 keeps its head count, one person changes.
TEST_P(ExchangeTest, PeopleExportEditImportUpdatesTheSamePeople) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto fujia = UnitId(c, "洑家村");
    const auto before = PeopleIn(c, fujia);
    ASSERT_GT(before, 0);
    auto exported = c.Get("/api/v1/export/people?unit=" + std::to_string(fujia));
    ASSERT_EQ(exported.status, 200) << exported.body;
    Sheet sheet = ReadSheet(exported.body, "名册");
    ASSERT_GT(sheet.size(), 1u);
    const auto code = Column(sheet, "单位代码"), key = Column(sheet, "人员编号"), phone = Column(sheet, "手机号"),
               id = Column(sheet, "身份证号");
    std::set<std::string> keys;
    for (std::size_t r = 1; r < sheet.size(); ++r) {
        sheet[r].resize(sheet.front().size());
        EXPECT_EQ(sheet[r][code], "320481003202") << r;
        EXPECT_FALSE(sheet[r][key].empty()) << r;
        if (!sheet[r][id].empty()) {
            EXPECT_NE(sheet[r][id].find('*'), std::string::npos);  // masked
        }
        keys.insert(sheet[r][key]);
    }
    EXPECT_EQ(static_cast<std::int64_t>(keys.size()), before);
    sheet[1][phone] = "13912340000";

    const std::string edited = WriteSheet(sheet, "名册");
    auto preview = Upload(c, "/api/v1/import/roster?dry_run=1", edited, "名册.xlsx");
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_TRUE(Json(preview).at("dry_run").as_bool());
    EXPECT_EQ(Json(preview).at("created").as_int64(), 0);
    EXPECT_EQ(Json(preview).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(preview).at("unchanged").as_int64(), before - 1);
    const auto preview_json = Json(preview);
    const auto& change = preview_json.at("changes").at(0);
    EXPECT_EQ(change.at("action").as_string(), "update");
    EXPECT_EQ(change.at("fields").at(0).as_string(), "手机号");
    const auto audits = AuditCount();
    EXPECT_EQ(PeopleIn(c, fujia), before);

    auto imported = Upload(c, "/api/v1/import/roster", edited, "名册.xlsx");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_FALSE(Json(imported).at("dry_run").as_bool());
    EXPECT_EQ(Json(imported).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(imported).at("created").as_int64(), 0);
    EXPECT_EQ(PeopleIn(c, fujia), before);  // not 2 × before
    EXPECT_EQ(AuditCount(), audits + 1);
    const auto person = Json(c.Get("/api/v1/people/" + sheet[1][key]));
    EXPECT_EQ(person.at("phone").as_string(), "13912340000");

    // The same file again: nothing changes.
    auto again = Upload(c, "/api/v1/import/roster", edited, "名册.xlsx");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(Json(again).at("unchanged").as_int64(), before);
    EXPECT_EQ(PeopleIn(c, fujia), before);

    // Without the key column, the rows look like people already in the unit: flagged, not added.
    Sheet keyless = sheet;
    for (auto& row : keyless) {
        row.resize(keyless.front().size());
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(key));
        row[id].clear();
    }
    auto flagged = Upload(c, "/api/v1/import/roster", WriteSheet(keyless, "名册"), "名册.xlsx");
    ASSERT_EQ(flagged.status, 422) << flagged.body;
    const auto rows = Json(flagged).at("rows").as_array();
    ASSERT_EQ(static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(keyless.size() - 1));
    EXPECT_NE(std::string(rows[0].at("message").as_string()).find("人员编号"), std::string::npos) << rows[0];
    EXPECT_EQ(PeopleIn(c, fujia), before);

    // A 人员编号 from another system (name and birth date both differ) is refused.
    Sheet foreign = sheet;
    foreign.resize(2);
    foreign[1][Column(foreign, "姓名")] = "陌生人";
    foreign[1][Column(foreign, "出生日期")] = "1950-01-01";
    foreign[1][id].clear();
    auto refused = Upload(c, "/api/v1/import/roster", WriteSheet(foreign, "名册"), "名册.xlsx");
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(Json(refused).at("rows").at(0).at("field").as_string(), "人员编号");
}

// A person with positions in two units is two rows of the export; imported back they are one
// person, unchanged; a row naming another unit alone moves the person.
TEST_P(ExchangeTest, APersonWithPositionsInTwoUnitsRoundTripsAndOneUnitMoves) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto town = UnitId(c, "戴埠镇"), fujia = UnitId(c, "洑家村"), tangma = UnitId(c, "塘马村");
    const auto person = Json(c.Get("/api/v1/people?unit=" + std::to_string(fujia) + "&size=1")).at("items").at(0);
    const auto person_id = person.at("id").as_int64();
    auto pos = c.Send("POST", "/api/v1/positions",
                      json::serialize(json::object{{"person_id", person_id}, {"unit_id", tangma}, {"title", "网格员"},
                                                   {"start_date", "2023-03-01"}}));
    ASSERT_EQ(pos.status, 201) << pos.body;
    auto exported = c.Get("/api/v1/export/people?unit=" + std::to_string(town));
    ASSERT_EQ(exported.status, 200);
    Sheet sheet = ReadSheet(exported.body, "名册");
    const auto key = Column(sheet, "人员编号"), code = Column(sheet, "单位代码");
    int rows_of_person = 0;
    for (std::size_t r = 1; r < sheet.size(); ++r) {
        sheet[r].resize(sheet.front().size());
        if (sheet[r][key] == std::to_string(person_id)) ++rows_of_person;
    }
    EXPECT_EQ(rows_of_person, static_cast<int>(person.at("positions").as_array().size()) + 1);
    auto same = Upload(c, "/api/v1/import/roster", exported.body, "名册.xlsx");
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(Json(same).at("updated").as_int64(), 0) << same.body;
    EXPECT_EQ(Json(same).at("created").as_int64(), 0);

    // Only one row of someone else, now naming 塘马村: that person moves there.
    Sheet move{sheet.front()};
    for (std::size_t r = 1; r < sheet.size() && move.size() < 2; ++r)
        if (sheet[r][key] != std::to_string(person_id) && sheet[r][code] == "320481003202") move.push_back(sheet[r]);
    ASSERT_EQ(move.size(), 2u);
    move[1][code] = "320481003201";
    auto moved = Upload(c, "/api/v1/import/roster", WriteSheet(move, "名册"), "名册.xlsx");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(Json(moved).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(c.Get("/api/v1/people/" + move[1][key])).at("unit_id").as_int64(), tangma);
}

// Item 3, second half: a full ID number matches the person too; a masked one must stay the same.
TEST_P(ExchangeTest, AnIdNumberMatchesAnExistingPersonAndColumnsAbsentStayUnchanged) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto fujia = UnitId(c, "洑家村");
    const std::string csv_header = "姓名,性别,出生年月,学历,身份证号,手机号,单位代码\n";
    auto first = Upload(c, "/api/v1/import/roster",
                        csv_header + "刘　洋,男,1976.05,本科,320481197605150017,１３９１２３４５６７８,320481003202\n",
                        "名册.csv");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(Json(first).at("created").as_int64(), 1);
    const auto before = PeopleIn(c, fujia);
    // Found by 刘洋 (no ideographic space inside), phone in ASCII digits, the birth day from the ID.
    auto found = Json(c.Get("/api/v1/people?unit=" + std::to_string(fujia) + "&q=" + Encode("刘洋")));
    ASSERT_EQ(found.at("items").as_array().size(), 1u) << found;
    const auto& liu = found.at("items").at(0);
    EXPECT_EQ(liu.at("phone").as_string(), "13912345678");
    EXPECT_EQ(liu.at("birth_date").as_string(), "1976-05-15");

    // Same ID, no phone column: an update of 学历 only; the phone stays.
    auto second = Upload(c, "/api/v1/import/roster",
                         "姓名,性别,出生日期,学历,身份证号,单位代码\n刘洋,男,1976-05-15,研究生,320481197605150017,320481003202\n",
                         "名册.csv");
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(Json(second).at("updated").as_int64(), 1);
    EXPECT_EQ(PeopleIn(c, fujia), before);
    const auto after = Json(c.Get("/api/v1/people/" + std::to_string(liu.at("id").as_int64())));
    EXPECT_EQ(after.at("phone").as_string(), "13912345678");
    EXPECT_EQ(after.at("education").as_string(), "postgraduate");

    // A month-precision person without an ID: a second row like it is flagged.
    auto month = Upload(c, "/api/v1/import/roster", csv_header + "王芳,女,1992年10月,大专,,,320481003202\n", "名册.csv");
    ASSERT_EQ(month.status, 200) << month.body;
    auto twin = Upload(c, "/api/v1/import/roster", csv_header + "王芳,女,1992-10,大专,,,320481003202\n", "名册.csv");
    ASSERT_EQ(twin.status, 422) << twin.body;
    EXPECT_NE(twin.body.find("已有"), std::string::npos) << twin.body;
}

// Items 1, 4, 5, 8, 9, 10, 11 end to end: every fixture through POST /import/roster.
TEST_P(ExchangeTest, TheOfficeFixturesThroughTheRosterImport) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto fujia = UnitId(c, "洑家村");
    const auto before = PeopleIn(c, fujia);
    auto gbk = Upload(c, "/api/v1/import/roster", Fixture("roster_excel_gbk.csv"), "roster_excel_gbk.csv");
    ASSERT_EQ(gbk.status, 422) << gbk.body;
    EXPECT_EQ(Json(gbk).at("error_rows").as_int64(), 3);
    EXPECT_EQ(PeopleIn(c, fujia), before);  // the good row is not half-written

    auto preview = Upload(c, "/api/v1/import/roster?dry_run=true", Fixture("roster_libreoffice.xlsx"), "名册.xlsx");
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_EQ(Json(preview).at("created").as_int64(), 5);
    EXPECT_EQ(Json(preview).at("sheet").as_string(), "洑家村");
    EXPECT_GE(Json(preview).at("notes").as_array().size(), 2u);
    auto imported = Upload(c, "/api/v1/import/roster", Fixture("roster_libreoffice.xlsx"), "名册.xlsx");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(Json(imported).at("positions").as_int64(), 5);
    EXPECT_EQ(PeopleIn(c, fujia), before + 5);
    // The same people from Gnumeric's copy: probable duplicates (no IDs for three) refused.
    auto again = Upload(c, "/api/v1/import/roster", Fixture("roster_gnumeric.xlsx"), "名册.xlsx");
    ASSERT_EQ(again.status, 422) << again.body;
    EXPECT_EQ(PeopleIn(c, fujia), before + 5);

    auto xls = Upload(c, "/api/v1/import/roster", Fixture("roster_legacy.xls"), "名册.xls");
    ASSERT_EQ(xls.status, 422) << xls.body;
    const std::string message(Json(xls).at("error").at("message").as_string());
    EXPECT_NE(message.find("另存为"), std::string::npos) << message;
    EXPECT_EQ(message.find("无法读取文件：无法读取"), std::string::npos) << message;
    EXPECT_EQ(message.find("cannot"), std::string::npos) << message;
}

// Item 12: rows and errors are counted apart — one row with three errors is one row.
TEST_P(ExchangeTest, RowsWithErrorsAndErrorsAreCountedApart) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const std::string csv = "姓名,性别,出生日期,学历,单位代码\n"
                            "李四,未知,1980-13-01,博士后,320481003202\n"
                            "王五,男,1980-01-01,本科,999999999999\n";
    auto r = Upload(c, "/api/v1/import/roster", csv, "roster.csv");
    ASSERT_EQ(r.status, 422) << r.body;
    const auto body = Json(r);
    EXPECT_EQ(body.at("error_rows").as_int64(), 2);
    EXPECT_EQ(body.at("error_count").as_int64(), 4);
    EXPECT_NE(std::string(body.at("error").at("message").as_string()).find("共 2 行有错误（4 处）"), std::string::npos)
        << body;
}

// Items 2, 6 and 13: a GBK division list with four columns updates names and creates units but
// leaves economy, population and area as they were; errors name the sheet.
TEST_P(ExchangeTest, UnitsImportReadsGbkAndLeavesAbsentColumnsUnchanged) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto fujia = UnitId(c, "洑家村");
    const auto before = UnitJson(c, fujia);
    ASSERT_GT(before.at("population").as_int64(), 0);
    auto r = Upload(c, "/api/v1/import/units", Fixture("units_excel_gbk.csv"), "units_excel_gbk.csv");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Json(r).at("created").as_int64(), 1);
    EXPECT_EQ(Json(r).at("unchanged").as_int64(), 1);
    const auto after = UnitJson(c, fujia);
    EXPECT_EQ(after.at("economy"), before.at("economy"));
    EXPECT_EQ(after.at("population"), before.at("population"));
    EXPECT_EQ(after.at("area_km2"), before.at("area_km2"));

    // A present column with an empty cell clears it.
    auto cleared = Upload(c, "/api/v1/import/units", "单位编码,单位名称,上级编码,类型,人口\n320481003202,洑家村,,村,\n", "u.csv");
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_EQ(UnitJson(c, fujia).at("population").as_int64(), 0);
    EXPECT_EQ(UnitJson(c, fujia).at("economy"), before.at("economy"));

    auto bad = Upload(c, "/api/v1/import/units", "单位编码,单位名称,上级编码,类型\n123,坏编码,,村\n", "区划表.csv");
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(Json(bad).at("rows").at(0).at("sheet").as_string(), "区划表");
}

// Item 7: the units export has the import's columns and words; imported back unedited it changes
// nothing, and an edit to one cell updates one unit.
TEST_P(ExchangeTest, UnitsExportImportsBackOntoTheSameUnits) {
    Client c(port());
    ASSERT_EQ(c.Login("admin").status, 200);
    const auto town = UnitId(c, "戴埠镇");
    auto exported = c.Get("/api/v1/export/units?parent=" + std::to_string(town));
    ASSERT_EQ(exported.status, 200) << exported.body;
    Sheet sheet = ReadSheet(exported.body, "单位");
    ASSERT_EQ(sheet.size(), 3u);  // 塘马村, 洑家村
    EXPECT_EQ(sheet[0][0], "单位编码");
    EXPECT_EQ(sheet[0][3], "上级编码");
    for (std::size_t r = 1; r < sheet.size(); ++r) {
        sheet[r].resize(sheet[0].size());
        EXPECT_EQ(sheet[r][3], "320481003000") << r;  // 上级编码
        EXPECT_EQ(sheet[r][4], "戴埠镇");              // 上级单位
        EXPECT_EQ(sheet[r][2], "村");
        EXPECT_EQ(sheet[r][5], "旅游");
        EXPECT_NE(sheet[r][Column(sheet, "干部人数")], "0") << r;
        EXPECT_NE(sheet[r][Column(sheet, "党员人数")], "0") << r;
    }
    auto same = Upload(c, "/api/v1/import/units", exported.body, "单位列表.xlsx");
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(Json(same).at("unchanged").as_int64(), 2);
    EXPECT_EQ(Json(same).at("created").as_int64(), 0);
    EXPECT_EQ(Json(same).at("sheet").as_string(), "单位");

    sheet[2][Column(sheet, "人口")] = "3333";
    auto edited = Upload(c, "/api/v1/import/units", WriteSheet(sheet, "单位"), "单位列表.xlsx");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(Json(edited).at("updated").as_int64(), 1);
    EXPECT_EQ(Json(edited).at("unchanged").as_int64(), 1);
    EXPECT_EQ(UnitJson(c, UnitId(c, sheet[2][1])).at("population").as_int64(), 3333);

    // Labels of every kind and economy the export writes are read back (镇街, 区县, 综合 …).
    auto county = c.Get("/api/v1/export/units?parent=" + std::to_string(UnitId(c, "溧阳市")));
    ASSERT_EQ(county.status, 200);
    auto again = Upload(c, "/api/v1/import/units?dry_run=1", county.body, "单位列表.xlsx");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(Json(again).at("created").as_int64(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExchangeTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lingyan::testing
