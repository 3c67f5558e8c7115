// The shared attachment store over the real server on each backend: photos on a ticket and on a
// progress note (thumbnail and display renditions made with libgd), content-hash deduplication,
// type checked from the bytes (a text file or a PDF named .jpg, a corrupt JPEG: refused naming the
// field), size and count limits, downloads scope-checked (out of scope answers as nonexistent and
// names nothing), soft removal with audit, and backup/restore carrying the files.
#include <gd.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "demo/points_demo.hpp"
#include "integration/test_server.hpp"
#include "storage/backup/backup.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// A real photo-like JPEG or PNG of the given size, drawn with libgd.
std::string MakeImage(int w, int h, bool png = false) {
    gdImagePtr im = gdImageCreateTrueColor(w, h);
    for (int y = 0; y < h; y += 8)
        gdImageFilledRectangle(im, 0, y, w - 1, y + 7, gdTrueColor((y * 3) % 256, 120, 200 - (y % 200)));
    int size = 0;
    void* data = png ? gdImagePngPtr(im, &size) : gdImageJpegPtr(im, &size, 85);
    std::string bytes(static_cast<const char*>(data), static_cast<std::size_t>(size));
    gdFree(data);
    gdImageDestroy(im);
    return bytes;
}

std::pair<int, int> SizeOfJpeg(const std::string& bytes) {
    gdImagePtr im = gdImageCreateFromJpegPtr(static_cast<int>(bytes.size()), const_cast<char*>(bytes.data()));
    if (!im) return {0, 0};
    std::pair<int, int> out{gdImageSX(im), gdImageSY(im)};
    gdImageDestroy(im);
    return out;
}

class Attachments : public BackendTest {
protected:
    std::int64_t NewTicket(Client& c) {
        json::object raise{{"title", "村口路灯不亮"}, {"detail", "三盏路灯坏了"}, {"category", "infrastructure"},
                           {"unit_id", Unit("灵湖村")}, {"location", "灵湖村村口"}, {"raiser_name", "王大爷"}};
        auto r = c.Send("POST", "/api/v1/tickets", json::serialize(raise));
        EXPECT_EQ(r.status, 201) << r.body;
        return Json(r).at("id").as_int64();
    }
    HttpResult Upload(Client& c, std::int64_t ticket, const std::string& name, const std::string& bytes,
                      std::int64_t sub_id = 0) {
        std::string target = "/api/v1/attachments?owner=ticket&owner_id=" + std::to_string(ticket) +
                             "&name=" + Encode(name);
        if (sub_id) target += "&sub_id=" + std::to_string(sub_id);
        return c.Send("POST", target, bytes, true, {{"Content-Type", "application/octet-stream"}});
    }
    std::string AttachmentsDir() { return TestDataDir(url_) + "/attachments"; }
    std::size_t FilesOnDisk() {
        std::size_t n = 0;
        if (!fs::exists(AttachmentsDir())) return 0;
        for (const auto& e : fs::recursive_directory_iterator(AttachmentsDir())) n += e.is_regular_file();
        return n;
    }
};

TEST_P(Attachments, PhotoOnATicketWithRenditionsDedupAndScope) {
    Client town(port()), secretary(port()), county(port()), member(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    const auto ticket = NewTicket(town);
    const auto audit_before = AuditCount();

    const std::string photo = MakeImage(2400, 1800);
    auto up = Upload(town, ticket, "现场照片.jpg", photo);
    ASSERT_EQ(up.status, 201) << up.body;
    auto a = Json(up).as_object();
    EXPECT_EQ(std::string(a.at("type").as_string()), "jpeg");
    EXPECT_EQ(a.at("width").as_int64(), 2400);
    EXPECT_EQ(a.at("height").as_int64(), 1800);
    EXPECT_EQ(a.at("size").as_int64(), static_cast<std::int64_t>(photo.size()));
    EXPECT_EQ(std::string(a.at("name").as_string()), "现场照片.jpg");
    EXPECT_EQ(AuditCount(), audit_before + 1);
    const std::string file = "/api/v1/attachments/" + std::to_string(a.at("id").as_int64()) + "/file";

    // The original comes back byte for byte; the thumbnail and display size are smaller JPEGs.
    auto original = town.Get(file);
    ASSERT_EQ(original.status, 200);
    EXPECT_EQ(original.body, photo);
    EXPECT_EQ(original.headers["content-type"], "image/jpeg");
    EXPECT_NE(original.headers["content-disposition"].find("inline"), std::string::npos);
    auto thumb = town.Get(file + "?variant=thumb");
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(SizeOfJpeg(thumb.body), (std::pair<int, int>{320, 240}));
    auto display = secretary.Get(file + "?variant=display");  // the village secretary sees it too
    ASSERT_EQ(display.status, 200);
    EXPECT_EQ(SizeOfJpeg(display.body), (std::pair<int, int>{1600, 1200}));
    EXPECT_EQ(town.Get(file + "?variant=huge").status, 422);

    // The same photo again: a second record, one stored content (original + two renditions).
    const auto files_before = FilesOnDisk();
    EXPECT_EQ(files_before, 3u);
    // The village secretary reads it but adds nothing before the ticket is assigned to the village.
    EXPECT_EQ(Upload(secretary, ticket, "IMG_0001.jpg", photo).status, 403);
    auto again = Upload(town, ticket, "IMG_0001.jpg", photo);
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(Json(again).at("sha256"), a.at("sha256"));
    EXPECT_EQ(FilesOnDisk(), files_before);
    auto list = Json(town.Get("/api/v1/attachments?owner=ticket&owner_id=" + std::to_string(ticket))).as_object();
    EXPECT_EQ(list.at("items").as_array().size(), 2u);

    // Out of scope (another county; a member elsewhere): the same answer as a record that does not
    // exist, naming nothing.
    for (Client* outsider : {&county, &member}) {
        auto r = outsider->Get(file);
        EXPECT_EQ(r.status, 404);
        EXPECT_EQ(r.body, town.Get("/api/v1/attachments/999999/file").body);
        EXPECT_EQ(r.body.find("照片"), std::string::npos);
        EXPECT_EQ(outsider->Get("/api/v1/attachments?owner=ticket&owner_id=" + std::to_string(ticket)).status, 404);
        EXPECT_EQ(Upload(*outsider, ticket, "x.jpg", photo).status, 404);
    }
    EXPECT_EQ(Upload(town, 999999, "x.jpg", photo).status, 404);
    EXPECT_EQ(town.Get("/api/v1/attachments?owner=meeting&owner_id=1").status, 422);

    // Soft removal: the secretary (a reader) and the county cannot; the uploader can; the row
    // stays, audited.
    const auto second = Json(again).at("id").as_int64();
    EXPECT_EQ(county.Send("DELETE", "/api/v1/attachments/" + std::to_string(second), "").status, 404);
    EXPECT_EQ(secretary.Send("DELETE", "/api/v1/attachments/" + std::to_string(second), "").status, 403);
    const auto before_remove = AuditCount();
    EXPECT_EQ(town.Send("DELETE", "/api/v1/attachments/" + std::to_string(second), "").status, 204);
    EXPECT_EQ(AuditCount(), before_remove + 1);
    EXPECT_EQ(town.Get("/api/v1/attachments/" + std::to_string(second) + "/file").status, 404);
    list = Json(town.Get("/api/v1/attachments?owner=ticket&owner_id=" + std::to_string(ticket))).as_object();
    EXPECT_EQ(list.at("items").as_array().size(), 1u);
    EXPECT_EQ(FilesOnDisk(), files_before);  // nothing deleted
    auto row = server_->runtime().attachment_store->FindAttachment(second);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->removed_by, "town");
}

TEST_P(Attachments, TypesChecksFromTheBytesAndLimits) {
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    const auto ticket = NewTicket(town);
    const auto audit_before = AuditCount();

    // Text named .jpg: not an image.
    auto text = Upload(town, ticket, "照片.jpg", "这不是照片，只是一段文字");
    EXPECT_EQ(text.status, 422);
    EXPECT_NE(text.body.find("不支持的文件类型"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("\"field\":\"file\""), std::string::npos) << text.body;
    // A PDF named .jpg: the name and the content disagree.
    auto pdf_as_jpg = Upload(town, ticket, "照片.jpg", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
    EXPECT_EQ(pdf_as_jpg.status, 422);
    EXPECT_NE(pdf_as_jpg.body.find("不是图片"), std::string::npos) << pdf_as_jpg.body;
    // A JPEG whose header reads but whose data is cut short: libgd cannot decode it.
    std::string photo = MakeImage(800, 600);
    std::string corrupt = photo.substr(0, 700);
    corrupt += std::string(3000, '\x55');
    auto broken = Upload(town, ticket, "坏照片.jpg", corrupt);
    EXPECT_EQ(broken.status, 422);
    EXPECT_NE(broken.body.find("图片已损坏"), std::string::npos) << broken.body;
    // Over the per-file limit: refused before the body is read.
    auto big = Upload(town, ticket, "大文件.pdf", "%PDF-" + std::string((10u << 20) - 4, ' '));
    EXPECT_EQ(big.status, 413);
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_EQ(FilesOnDisk(), 0u);

    // A PNG and documents are accepted; the PNG's renditions are JPEG.
    auto png = Upload(town, ticket, "示意图.png", MakeImage(300, 200, true));
    ASSERT_EQ(png.status, 201) << png.body;
    auto thumb = town.Get("/api/v1/attachments/" + std::to_string(Json(png).at("id").as_int64()) + "/file?variant=thumb");
    EXPECT_EQ(thumb.headers["content-type"], "image/jpeg");
    EXPECT_EQ(SizeOfJpeg(thumb.body), (std::pair<int, int>{300, 200}));  // small images keep their size
    auto pdf = Upload(town, ticket, "整改方案.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
    ASSERT_EQ(pdf.status, 201) << pdf.body;
    auto doc = town.Get("/api/v1/attachments/" + std::to_string(Json(pdf).at("id").as_int64()) + "/file");
    EXPECT_EQ(doc.headers["content-type"], "application/pdf");
    EXPECT_NE(doc.headers["content-disposition"].find("attachment;"), std::string::npos);
    EXPECT_EQ(town.Get("/api/v1/attachments/" + std::to_string(Json(pdf).at("id").as_int64()) +
                       "/file?variant=thumb").status, 404);

    // The count limit per record: 20 live files, the 21st refused before its body is read.
    for (int i = 2; i < 20; ++i)
        ASSERT_EQ(Upload(town, ticket, "第" + std::to_string(i) + "份.pdf", "%PDF-1.4 " + std::to_string(i)).status, 201);
    auto over = Upload(town, ticket, "多余.pdf", "%PDF-1.4 extra");
    EXPECT_EQ(over.status, 409);
    EXPECT_NE(over.body.find("上限"), std::string::npos);
}

TEST_P(Attachments, ProgressNotePhotosAndClosedTickets) {
    Client town(port()), secretary(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    const auto ticket = NewTicket(town);
    const std::string path = "/api/v1/tickets/" + std::to_string(ticket);
    // Assign to 灵湖村, the secretary signs and writes a progress note, then attaches its photo.
    ASSERT_EQ(town.Send("POST", path + "/actions",
                        json::serialize(json::object{
                            {"action", "assign"},
                            {"assign", json::object{{"unit_id", Unit("灵湖村")}, {"leader", "村书记"}, {"days", 5}}}}))
                  .status,
              200);
    ASSERT_EQ(secretary.Send("POST", path + "/actions", R"({"action":"sign"})").status, 200);
    ASSERT_EQ(secretary.Send("POST", path + "/actions", R"({"action":"note","note":"已更换灯泡两只"})").status, 200);
    std::int64_t note_id = 0;
    const auto detail = Json(secretary.Get(path));
    for (const auto& e : detail.at("events").as_array())
        if (e.at("action").as_string() == "note") note_id = e.at("id").as_int64();
    ASSERT_NE(note_id, 0);
    auto up = Upload(secretary, ticket, "更换后.jpg", MakeImage(640, 480), note_id);
    ASSERT_EQ(up.status, 201) << up.body;
    EXPECT_EQ(Json(up).at("sub_id").as_int64(), note_id);
    // An event of another ticket is not this ticket's.
    EXPECT_EQ(Upload(secretary, ticket, "x.jpg", MakeImage(64, 64), note_id + 100000).status, 404);
}

// Photos of a project's progress report: its owner (the village secretary) adds them under the
// report, every reader of the project sees them, another county does not, a report of another
// project is refused, and nothing is added once the project is completed.
TEST_P(Attachments, ProjectReportPhotos) {
    Client town(port()), secretary(port()), county(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    json::object body{{"kind", "secretary"},
                      {"title", "灵湖村道路硬化"},
                      {"unit_id", Unit("灵湖村")},
                      {"owner_person_id", Secretary("灵湖村")},
                      {"milestones", json::array{json::object{{"title", "完工"}, {"days", 5}}}}};
    auto made = town.Send("POST", "/api/v1/projects", json::serialize(body));
    ASSERT_EQ(made.status, 201) << made.body;
    const auto id = Json(made).at("id").as_int64();
    const auto path = "/api/v1/projects/" + std::to_string(id);
    const auto milestone = Json(secretary.Get(path)).at("milestones").at(0).at("id").as_int64();
    auto reported = secretary.Send("POST", path + "/reports",
                                   json::serialize(json::object{{"text", "路基完成"}, {"milestone_id", milestone},
                                                                {"milestone_done", true}}));
    ASSERT_EQ(reported.status, 200) << reported.body;
    const auto report = Json(secretary.Get(path)).at("reports").at(0).at("id").as_int64();
    auto upload = [&](Client& c, std::int64_t sub, const std::string& bytes) {
        return c.Send("POST",
                      "/api/v1/attachments?owner=project&owner_id=" + std::to_string(id) + "&sub_id=" + std::to_string(sub) +
                          "&name=" + Encode("路面.jpg"),
                      bytes, true, {{"Content-Type", "application/octet-stream"}});
    };
    auto up = upload(secretary, report, MakeImage(800, 600));
    ASSERT_EQ(up.status, 201) << up.body;
    EXPECT_EQ(Json(up).at("owner").as_string(), "project");
    EXPECT_EQ(Json(up).at("sub_id").as_int64(), report);
    EXPECT_EQ(upload(secretary, report + 100000, MakeImage(64, 64)).status, 404);  // not its report
    EXPECT_EQ(upload(county, report, MakeImage(64, 64)).status, 404);              // out of scope
    auto listed = Json(town.Get("/api/v1/attachments?owner=project&owner_id=" + std::to_string(id))).at("items");
    ASSERT_EQ(listed.as_array().size(), 1u);
    const auto thumb = town.Get("/api/v1/attachments/" + std::to_string(listed.at(0).at("id").as_int64()) +
                                "/file?variant=thumb");
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(SizeOfJpeg(thumb.body), (std::pair<int, int>{320, 240}));
    EXPECT_EQ(county.Get("/api/v1/attachments?owner=project&owner_id=" + std::to_string(id)).status, 404);
    // Completed: nothing more is added.
    ASSERT_EQ(town.Send("POST", path + "/complete", R"({"note":"验收通过"})").status, 200);
    EXPECT_EQ(upload(secretary, report, MakeImage(64, 64)).status, 403);
}

// Backup and restore carry the attachment folder (SQLite here; the side items are copied the same
// way for PostgreSQL, whose dump the backup tests cover).
TEST(AttachmentBackup, BackupAndRestoreCarryTheFiles) {
    const std::string url_ = FreshDatabase("sqlite");
    TestServer server(url_);
    auto port = [&] { return server.port(); };
    auto NewTicket = [&](Client& c) {
        core::roster::Id unit = 0;
        server.runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
            for (const auto& u : index.tree().units())
                if (u.name == "灵湖村") unit = u.id;
        });
        json::object raise{{"title", "村口路灯不亮"}, {"category", "infrastructure"}, {"unit_id", unit}};
        auto r = c.Send("POST", "/api/v1/tickets", json::serialize(raise));
        EXPECT_EQ(r.status, 201) << r.body;
        return Json(r).at("id").as_int64();
    };
    Client town(port());
    ASSERT_EQ(town.Login("town").status, 200);
    const auto ticket = NewTicket(town);
    const std::string photo = MakeImage(500, 400);
    auto up = town.Send("POST", "/api/v1/attachments?owner=ticket&owner_id=" + std::to_string(ticket) + "&name=" +
                                    Encode("现场.jpg"),
                        photo, true, {{"Content-Type", "image/jpeg"}});
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string sha(Json(up).at("sha256").as_string());

    const fs::path work = fs::path(TestDataDir(url_)).parent_path() / (fs::path(TestDataDir(url_)).filename().string() + "-bk");
    fs::remove_all(work);
    fs::create_directories(work);
    storage::BackupTarget from{url_, TestAuditKey(url_), TestDataDir(url_)};
    auto summary = storage::Backup(from, (work / "backup").string(), {"attachments"}, "test", "2026-12-05T00:00:00Z");
    ASSERT_EQ(summary.side, std::vector<std::string>{"attachments"});
    fs::create_directories(work / "restored");
    const std::string db2 = "sqlite:" + (work / "restored" / "lingyan.db").string();
    storage::Restore((work / "backup").string(),
                     storage::BackupTarget{db2, (work / "restored" / "key").string(), (work / "restored").string()});
    const fs::path copy = work / "restored" / "attachments" / sha.substr(0, 2) / sha;
    ASSERT_TRUE(fs::exists(copy));
    EXPECT_EQ(fs::file_size(copy), photo.size());
    EXPECT_TRUE(fs::exists(copy.string() + ".thumb.jpg"));
    fs::remove_all(work);
}

// 佐证材料 on points declarations (issue 14 §1): the member attaches a photo to a pending
// declaration; the approver of its branch sees it, another branch's secretary and another county do
// not (as nonexistent); once decided, nothing more is added. The demo's rejected "佐证材料不全"
// declarations carry a sign-in sheet and no photo.
TEST_P(Attachments, EvidenceOnPointsDeclarations) {
    demo::LoadDemoPoints(*server_->runtime().points, *server_->runtime().roster, server_->runtime().crypto,
                         {.members_per_village = 8});
    auto& rt = server_->runtime();
    const int seeded = demo::LoadDemoEvidence(*rt.points_store, rt.store_mutex, *rt.roster, *rt.attachments);
    EXPECT_GT(seeded, 0);
    EXPECT_EQ(demo::LoadDemoEvidence(*rt.points_store, rt.store_mutex, *rt.roster, *rt.attachments), seeded);  // idempotent
    Client member(port()), tangma(port()), secretary(port()), county(port());
    ASSERT_EQ(member.Login("member").status, 200);
    ASSERT_EQ(tangma.Login("tangma").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);

    // The demo member's rejected declarations: the sign-in sheet only, so "佐证材料不全" is visible.
    const auto me = Json(member.Get("/api/v1/points/me"));
    int rejected = 0;
    std::string today;
    for (const auto& e : me.at("events").as_array()) {
        today = std::max(today, std::string(e.at("date").as_string()));
        if (e.at("status").as_string() != "rejected") continue;
        ++rejected;
        EXPECT_EQ(std::string(e.at("reason").as_string()), "佐证材料不全");
        const auto files = Json(member.Get("/api/v1/attachments?owner=declaration&owner_id=" +
                                           std::to_string(e.at("id").as_int64())));
        ASSERT_EQ(files.at("items").as_array().size(), 1u);
        EXPECT_EQ(std::string(files.at("items").at(0).at("name").as_string()), "签到表.pdf");
        EXPECT_FALSE(files.at("items").at(0).at("image").as_bool());
    }
    EXPECT_GT(rejected + seeded, 0);

    auto created = member.Send("POST", "/api/v1/points/events",
                               json::serialize(json::object{{"rule", "XX01"}, {"date", today}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto event = Json(created).at("id").as_int64();
    const std::string target = "/api/v1/attachments?owner=declaration&owner_id=" + std::to_string(event);
    auto up = member.Send("POST", target + "&name=" + Encode("志愿服务.jpg"), MakeImage(800, 600), true,
                          {{"Content-Type", "image/jpeg"}});
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string file = "/api/v1/attachments/" + std::to_string(Json(up).at("id").as_int64()) + "/file";

    // The approver of 塘马村 sees it; 灵湖村's secretary and 姜堰区 do not, as if it did not exist.
    EXPECT_EQ(Json(tangma.Get(target)).at("items").as_array().size(), 1u);
    EXPECT_EQ(tangma.Get(file + "?variant=thumb").status, 200);
    for (Client* outsider : {&secretary, &county}) {
        EXPECT_EQ(outsider->Get(target).status, 404);
        EXPECT_EQ(outsider->Get(file).status, 404);
    }
    // The approver does not add to someone else's declaration; nobody adds once it is decided.
    EXPECT_EQ(tangma.Send("POST", target, MakeImage(64, 64)).status, 403);
    ASSERT_EQ(tangma.Send("POST", "/api/v1/points/events/" + std::to_string(event) + "/approve", "").status, 200);
    EXPECT_EQ(member.Send("POST", target, MakeImage(64, 64)).status, 403);
    EXPECT_EQ(member.Send("DELETE", file.substr(0, file.size() - 5), "").status, 403);
    EXPECT_EQ(Json(member.Get(target)).at("items").as_array().size(), 1u);
}

// 佐证材料 on 躺平奖 nominations (issue 14 §3): the town officer who nominated attaches the minutes
// and a photo while the nomination waits; the reviewer (admin; the county of the town's region)
// sees them; other officers of the region read but do not add; another county, a secretary and a
// member get the nonexistent answer; a role without the right is refused before the body is read
// (an oversized body answers 404/403, never 413); once reviewed, nothing more is added.
TEST_P(Attachments, EvidenceOnTangpingNominations) {
    Client town(port()), admin(port()), county(port()), secretary(port()), member(port());
    ASSERT_EQ(town.Login("town").status, 200);
    ASSERT_EQ(admin.Login("admin").status, 200);
    ASSERT_EQ(county.Login("county").status, 200);
    ASSERT_EQ(secretary.Login("secretary").status, 200);
    ASSERT_EQ(member.Login("member").status, 200);
    core::roster::Id cadre = 0;
    server_->runtime().roster->WithIndex([&](const core::roster::RosterIndex& index) {
        for (const auto* pos : index.TeamOf(Unit("临湖镇")))
            if (pos->title == "副镇长" && cadre == 0) cadre = pos->person_id;
    });
    ASSERT_NE(cadre, 0);
    auto named = town.Send("POST", "/api/v1/tangping/nominations",
                           json::serialize(json::object{{"person_id", cadre},
                                                        {"category", "slow"},
                                                        {"reason", "分管的农房改造项目三次督办仍未推进"}}));
    ASSERT_EQ(named.status, 201) << named.body;
    const auto id = Json(named).at("id").as_int64();
    const std::string target = "/api/v1/attachments?owner=nomination&owner_id=" + std::to_string(id);
    const std::string minutes = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";
    const auto audit_before = AuditCount();

    // Refused before the body is read: no right (member, secretary, another county: not found;
    // admin, who reviews, may read but not add), so even a body over the size limit gets that answer.
    const std::string huge = "%PDF-" + std::string((10u << 20) + 16, ' ');
    for (Client* outsider : {&member, &secretary, &county})
        EXPECT_EQ(outsider->Send("POST", target + "&name=x.pdf", huge).status, 404);
    EXPECT_EQ(admin.Send("POST", target + "&name=x.pdf", huge).status, 403);
    EXPECT_EQ(town.Send("POST", target + "&sub_id=3&name=x.pdf", minutes).status, 404);
    EXPECT_EQ(town.Send("POST", "/api/v1/attachments?owner=nomination&owner_id=999999", minutes).status, 404);
    // The nominating officer: over the size limit is 413 unread; a real PDF and a photo are stored.
    EXPECT_EQ(town.Send("POST", target + "&name=x.pdf", huge).status, 413);
    EXPECT_EQ(AuditCount(), audit_before);
    auto pdf = town.Send("POST", target + "&name=" + Encode("镇党委会议纪要.pdf"), minutes, true,
                         {{"Content-Type", "application/pdf"}});
    ASSERT_EQ(pdf.status, 201) << pdf.body;
    EXPECT_EQ(Json(pdf).at("owner").as_string(), "nomination");
    auto photo = town.Send("POST", target + "&name=" + Encode("现场照片.jpg"), MakeImage(640, 480), true,
                           {{"Content-Type", "image/jpeg"}});
    ASSERT_EQ(photo.status, 201) << photo.body;
    EXPECT_EQ(AuditCount(), audit_before + 2);
    const std::string file = "/api/v1/attachments/" + std::to_string(Json(pdf).at("id").as_int64()) + "/file";

    // The reviewer sees both and downloads the minutes; outsiders see nothing, as if none existed.
    const auto listed = Json(admin.Get(target)).at("items").as_array();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].at("name").as_string(), "镇党委会议纪要.pdf");
    EXPECT_EQ(listed[0].at("uploaded_by").as_string(), "town");
    auto download = admin.Get(file);
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.body, minutes);
    for (Client* outsider : {&member, &secretary, &county}) {
        EXPECT_EQ(outsider->Get(target).status, 404);
        EXPECT_EQ(outsider->Get(file).status, 404);
    }

    // Reviewed: the officer adds nothing more and the files stay.
    ASSERT_EQ(admin.Send("POST", "/api/v1/tangping/nominations/" + std::to_string(id) + "/review",
                         R"({"confirm":true,"reason":"会议纪要属实"})")
                  .status,
              200);
    EXPECT_EQ(town.Send("POST", target + "&name=y.pdf", minutes).status, 403);
    EXPECT_EQ(Json(town.Get(target)).at("items").as_array().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Attachments, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
