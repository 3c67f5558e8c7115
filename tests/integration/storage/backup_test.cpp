// `lingyan backup` / `lingyan restore` on each backend: a round trip keeps every table's rows, the
// audit chain (head, verification, anchors) and the side files; a backup taken while the server
// writes is one consistent state; wrong use is refused with a clear message.
#include "storage/backup/backup.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "integration/cli_run.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

void WriteText(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

std::string ReadText(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string PersonBody(std::int64_t unit, const std::string& name) {
    return json::serialize(json::object{{"unit_id", unit}, {"name", PersonName(name)}, {"gender", "female"},
                                        {"birth_date", "1988-03-01"}, {"education", "high"}});
}

class Backups : public BackendTest {
protected:
    // Writes through the API so that the audit chain grows, and anchors its head.
    void AddPeople(int n, const std::string& prefix) {
        Client town(port());
        ASSERT_EQ(town.Login("town").status, 200);
        const auto unit = Unit("灵湖村");
        for (int i = 0; i < n; ++i)
            ASSERT_EQ(town.Send("POST", "/api/v1/people", PersonBody(unit, prefix + std::to_string(i))).status, 201);
        server_->runtime().AnchorAudit();
    }
    std::vector<std::string> Db(const std::string& url, const std::string& key) {
        return {"--db", url, "--audit-key", key};
    }
    std::vector<std::string> Cmd(std::vector<std::string> head, const std::vector<std::string>& tail) {
        head.insert(head.end(), tail.begin(), tail.end());
        return head;
    }
};

TEST_P(Backups, RoundTripKeepsEveryRowTheAuditChainAndTheSideFiles) {
    AddPeople(3, "备份");
    TempDir dir;
    WriteText(dir / "data/attachments/2026/证明.pdf", "%PDF-1.4 fake");
    WriteText(dir / "data/extra.conf", "x = 1\n");
    const std::string key = TestAuditKey(url_);
    auto b = RunCli(Cmd({"backup", (dir / "bk").string()},
                        Cmd(Db(url_, key), {"--data-dir", (dir / "data").string(), "--with", "extra.conf"})));
    ASSERT_EQ(b.exit_code, 0) << b.output;
    EXPECT_NE(b.output.find("附带 attachments"), std::string::npos) << b.output;
    EXPECT_EQ(fs::status(dir / "bk").permissions() & fs::perms::others_all, fs::perms::none);

    const std::string url2 = FreshDatabase(GetParam());
    const std::string key2 = TestAuditKey(url2);
    auto r = RunCli(Cmd({"restore", (dir / "bk").string()}, Cmd(Db(url2, key2), {"--data-dir", (dir / "data2").string()})));
    ASSERT_EQ(r.exit_code, 0) << r.output;

    EXPECT_EQ(storage::CountRows(url2), storage::CountRows(url_));
    auto head1 = RunCli(Cmd({"audit", "head"}, Db(url_, key)));
    auto head2 = RunCli(Cmd({"audit", "head"}, Db(url2, key2)));
    EXPECT_EQ(head1.exit_code, 0);
    EXPECT_EQ(head1.output, head2.output);
    EXPECT_GE(std::stoll(head2.output), 3) << head2.output;
    auto verify = RunCli(Cmd({"audit", "verify"}, Db(url2, key2)));
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_NE(verify.output.find("核对锚点"), std::string::npos);
    EXPECT_EQ(ReadText(key2), ReadText(key));
    EXPECT_EQ(ReadText(dir / "data2/attachments/2026/证明.pdf"), "%PDF-1.4 fake");
    EXPECT_EQ(ReadText(dir / "data2/extra.conf"), "x = 1\n");

    // The restored deployment serves and takes new writes (its id sequences continue).
    server_.reset();
    TestServer restored(url2, /*demo=*/false);
    Client town(restored.port());
    ASSERT_EQ(town.Login("town").status, 200);
    auto people = Json(town.Get("/api/v1/people?q=" + Encode("备份"))).at("items").as_array();
    EXPECT_EQ(people.size(), 3u);
    std::int64_t unit = 0;
    restored.runtime().roster->WithIndex([&](const core::roster::RosterIndex& idx) {
        for (const auto& u : idx.tree().units())
            if (u.name == "灵湖村") unit = u.id;
    });
    EXPECT_EQ(town.Send("POST", "/api/v1/people", PersonBody(unit, "恢复后新增")).status, 201);
}

TEST_P(Backups, BackupWhileTheServerWritesIsOneConsistentState) {
    AddPeople(1, "先有");
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&, port = port(), unit = Unit("灵湖村")] {
        Client town(port);
        if (town.Login("town").status != 200) return;
        for (int i = 0; !stop; ++i)
            if (town.Send("POST", "/api/v1/people", PersonBody(unit, "并发" + std::to_string(i))).status == 201) ++written;
    });
    for (int waited = 0; written < 5 && waited < 500; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    TempDir dir;
    if (written < 5) {
        stop = true;
        writer.join();
        FAIL() << "the writer could not write";
    }
    const std::string key = TestAuditKey(url_);
    auto b = RunCli(Cmd({"backup", (dir / "bk").string(), "--data-dir", dir.str()}, Db(url_, key)));
    stop = true;
    writer.join();
    ASSERT_EQ(b.exit_code, 0) << b.output;

    const auto manifest = storage::ReadBackup((dir / "bk").string());
    const std::string url2 = FreshDatabase(GetParam());
    const std::string key2 = TestAuditKey(url2);
    auto r = RunCli(Cmd({"restore", (dir / "bk").string(), "--data-dir", dir.str()}, Db(url2, key2)));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // Every table as of one instant: the people and their audit entries agree.
    const auto rows = storage::CountRows(url2);
    EXPECT_EQ(rows, manifest.rows);
    const auto now = storage::CountRows(url_);
    EXPECT_LE(rows.at("people"), now.at("people"));
    EXPECT_LE(rows.at("audit_log"), now.at("audit_log"));
    EXPECT_EQ(now.at("people") - rows.at("people"), now.at("audit_log") - rows.at("audit_log"));
    auto verify = RunCli(Cmd({"audit", "verify"}, Db(url2, key2)));
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

INSTANTIATE_TEST_SUITE_P(Backends, Backups, ::testing::Values("sqlite", "postgres"));

// Wrong use, on SQLite (the checks are the same code for both backends).
TEST(BackupRefusals, ExistingDestinationNotABackupNewerVersionDamagedFilesAndOccupiedTargets) {
    const std::string url = FreshDatabase("sqlite");
    const std::string key = TestAuditKey(url);
    { TestServer server(url); }
    TempDir dir;
    fs::create_directories(dir / "taken");
    auto taken = RunCli({"backup", (dir / "taken").string(), "--db", url, "--audit-key", key});
    EXPECT_EQ(taken.exit_code, 1);
    EXPECT_NE(taken.output.find("备份目标已存在"), std::string::npos) << taken.output;

    const std::string bk = (dir / "bk").string();
    ASSERT_EQ(RunCli({"backup", bk, "--db", url, "--audit-key", key, "--data-dir", dir.str()}).exit_code, 0);

    auto not_backup = RunCli({"restore", (dir / "taken").string(), "--db", "sqlite:" + (dir / "x.db").string()});
    EXPECT_EQ(not_backup.exit_code, 1);
    EXPECT_NE(not_backup.output.find("不是 lingyan 备份"), std::string::npos) << not_backup.output;

    // Into an existing database file: refused, the file untouched.
    auto occupied = RunCli({"restore", bk, "--db", url, "--audit-key", (dir / "k2").string()});
    EXPECT_EQ(occupied.exit_code, 1);
    EXPECT_NE(occupied.output.find("目标数据库文件已存在"), std::string::npos) << occupied.output;

    // Another audit key already at the target: refused before the database is written.
    WriteText(dir / "other.audit-key", std::string(64, 'a') + "\n");
    auto other_key = RunCli({"restore", bk, "--db", "sqlite:" + (dir / "y.db").string(), "--audit-key",
                             (dir / "other.audit-key").string()});
    EXPECT_EQ(other_key.exit_code, 1);
    EXPECT_NE(other_key.output.find("另一把审计密钥"), std::string::npos) << other_key.output;
    EXPECT_FALSE(fs::exists(dir / "y.db"));

    // A damaged database copy: the checksum says so.
    fs::copy(bk, dir / "damaged", fs::copy_options::recursive);
    {
        std::fstream f(dir / "damaged/database.sqlite", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(5000);
        f.put('\x7f');
    }
    auto damaged = RunCli({"restore", (dir / "damaged").string(), "--db", "sqlite:" + (dir / "z.db").string()});
    EXPECT_EQ(damaged.exit_code, 1);
    EXPECT_NE(damaged.output.find("校验和不符"), std::string::npos) << damaged.output;

    // A backup from a newer lingyan (a schema this binary does not know).
    fs::copy(bk, dir / "newer", fs::copy_options::recursive);
    auto manifest = json::parse(ReadText(dir / "newer/manifest.json")).as_object();
    manifest["schema_version"] = 9999;
    manifest["lingyan_version"] = "9.0.0";
    fs::remove(dir / "newer/manifest.json");
    WriteText(dir / "newer/manifest.json", json::serialize(manifest));
    auto newer = RunCli({"restore", (dir / "newer").string(), "--db", "sqlite:" + (dir / "w.db").string()});
    EXPECT_EQ(newer.exit_code, 1);
    EXPECT_NE(newer.output.find("更新的 lingyan 9.0.0"), std::string::npos) << newer.output;
    EXPECT_FALSE(fs::exists(dir / "w.db"));
}

}  // namespace
}  // namespace lingyan::testing
