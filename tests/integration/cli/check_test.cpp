// `lingyan check`: one line per check, exit 0 for a sound configuration and 1 naming each problem.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "integration/cli_run.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

class Check : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        url_ = FreshDatabase(GetParam());
        if (url_.empty()) GTEST_SKIP() << "LINGYAN_TEST_PG not set";
        key_ = TestAuditKey(url_);
        { composition::Runtime rt(url_, key_); }  // migrated, key created (0600)
        token_ = (dir_ / "metrics.token").string();
        std::ofstream(token_) << "0123456789abcdef-token\n";
        ::chmod(token_.c_str(), 0600);
    }
    std::vector<std::string> Args(std::vector<std::string> extra = {}) {
        std::vector<std::string> a = {"check",      "--db",         url_,         "--audit-key", key_,
                                      "--metrics-token-file", token_, "--data-dir", dir_.str(), "--min-free-mb", "1"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    std::string url_, key_, token_;
    TempDir dir_;
};

TEST_P(Check, ASoundConfigurationPassesEveryCheck) {
    auto r = RunCli(Args({"--bind", "0.0.0.0", "--port", "8443"}));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output.find("FAIL"), std::string::npos) << r.output;
    for (const char* line : {"ok    监听地址 0.0.0.0:8443", "ok    数据库可连接", "ok    数据库版本", "ok    审计密钥",
                             "ok    /metrics 令牌文件", "ok    数据目录可写"})
        EXPECT_NE(r.output.find(line), std::string::npos) << line << "\n" << r.output;
}

TEST_P(Check, EachProblemIsNamedAndFailsTheCheck) {
    ::chmod(key_.c_str(), 0644);
    ::chmod(token_.c_str(), 0604);
    auto r = RunCli(Args({"--bind", "localhost:80"}));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("FAIL  监听地址 --bind localhost:80"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("审计密钥文件权限 0644 过宽"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("/metrics 令牌文件任何人可读"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("3 项未通过"), std::string::npos) << r.output;
    ::chmod(key_.c_str(), 0600);
}

// --attachments re-hashes every stored content: a sound store passes; a file changed on disk or
// gone is named by its hash and fails the check.
TEST_P(Check, AttachmentsAreVerifiedAgainstTheirHashes) {
    std::string sha;
    {
        composition::Runtime rt(url_, key_, dir_.str());
        auto a = rt.attachments->Seed(core::attachments::kOwnerDeclaration, 1, "test", "2026-12-05T00:00:00Z",
                                      "签到表.pdf", "%PDF-1.4\n% a sign-in sheet\n%%EOF\n");
        ASSERT_TRUE(a) << a.error().message;
        sha = a->sha256;
    }
    auto sound = RunCli(Args({"--attachments"}));
    EXPECT_EQ(sound.exit_code, 0) << sound.output;
    EXPECT_NE(sound.output.find("ok    附件 1 个内容与哈希一致"), std::string::npos) << sound.output;
    const std::string file = dir_.str() + "/attachments/" + sha.substr(0, 2) + "/" + sha;
    std::ofstream(file, std::ios::app) << "tampered";
    auto changed = RunCli(Args({"--attachments"}));
    EXPECT_EQ(changed.exit_code, 1) << changed.output;
    EXPECT_NE(changed.output.find("FAIL  附件内容与哈希不符 " + sha), std::string::npos) << changed.output;
    fs::remove(file);
    auto gone = RunCli(Args({"--attachments"}));
    EXPECT_EQ(gone.exit_code, 1) << gone.output;
    EXPECT_NE(gone.output.find("FAIL  附件缺失 " + sha), std::string::npos) << gone.output;
}

TEST_P(Check, ADatabaseBehindTheBinaryNeedsAMigration) {
    // Pretend the last migration is not applied yet.
    storage::OpenSqlDb(url_)->Query("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)");
    auto r = RunCli(Args());
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("本程序需要"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("lingyan migrate"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(Backends, Check, ::testing::Values("sqlite", "postgres"));

TEST(CheckUnreachable, AMissingFileOrADownServerFailsFast) {
    TempDir dir;
    auto missing = RunCli({"check", "--db", "sqlite:" + (dir / "none.db").string(), "--data-dir", dir.str(),
                           "--min-free-mb", "1"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("数据库文件不存在"), std::string::npos) << missing.output;
    EXPECT_FALSE(fs::exists(dir / "none.db")) << "check must not create the database";
    EXPECT_FALSE(fs::exists(dir / "none.db.audit-key")) << "check must not create the key";
    // A closed port on loopback: refused at once.
    auto down = RunCli({"check", "--db", "host=127.0.0.1 port=1 dbname=lingyan connect_timeout=2", "--audit-key",
                        (dir / "k").string(), "--data-dir", dir.str(), "--min-free-mb", "1"});
    EXPECT_EQ(down.exit_code, 1);
    EXPECT_NE(down.output.find("FAIL  数据库无法连接"), std::string::npos) << down.output;
}

}  // namespace
}  // namespace lingyan::testing
