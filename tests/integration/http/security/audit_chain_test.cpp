// The audit chain is keyed and anchored outside its table (issue 11, finding 6): with the triggers
// dropped, neither deleting the last entries nor rewriting one and recomputing the plain SHA-256
// chain forward passes `lingyan audit verify`.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "integration/test_server.hpp"
#include "storage/common/audit_anchor.hpp"
#include "storage/sql/sql_store.hpp"

namespace lingyan::testing {
namespace {

class AuditChainTest : public BackendTest {
protected:
    // Some audited changes, then the head anchored as the server does every 30 s.
    void MakeHistory() {
        for (const char* name : {"audit_a", "audit_b", "audit_c", "audit_d"})
            ASSERT_TRUE(server_->runtime().auth->AddUser(name, "", "member", Unit("灵湖村"), "a-password-1").ok());
        server_->runtime().AnchorAudit();
    }
    int Verify() {
        const std::string command = std::string(LINGYAN_BINARY) + " audit verify --db '" + url_ + "' --audit-key " +
                                    TestAuditKey(url_) + " >/dev/null 2>&1";
        return std::system(command.c_str());
    }
    void DropTriggers() {
        auto& db = server_->runtime().store->db();
        if (GetParam() == "sqlite")
            db.ExecScript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
        else
            db.ExecScript("DROP TRIGGER audit_log_no_change ON audit_log;");
    }
};

TEST_P(AuditChainTest, TheKeyIsPrivateAndTheChainKeyedAndAnIntactLogVerifies) {
    MakeHistory();
    struct stat st {};
    ASSERT_EQ(::stat(TestAuditKey(url_).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    const auto head = server_->runtime().store->LastAudit();
    ASSERT_TRUE(head);
    EXPECT_TRUE(head->keyed);
    EXPECT_FALSE(storage::ReadAuditAnchors(server_->runtime().audit_anchor_path).empty());
    EXPECT_EQ(Verify(), 0);
}

TEST_P(AuditChainTest, DeletingTheLastEntriesIsNamedAsTruncation) {
    MakeHistory();
    DropTriggers();
    const auto head = server_->runtime().store->LastAudit();
    server_->runtime().store->db().Query("DELETE FROM audit_log WHERE seq > ?", {head->seq - 2});
    EXPECT_NE(Verify(), 0);
}

TEST_P(AuditChainTest, RewritingAnEntryAndRecomputingAPlainChainIsNamed) {
    MakeHistory();
    DropTriggers();
    auto& store = *server_->runtime().store;
    const auto entries = store.ListAudit(0, 100000);
    ASSERT_GE(entries.size(), 4u);
    // The attacker changes an early entry and recomputes every later hash, unkeyed (no key to use).
    std::string prev = entries[entries.size() - 4].prev_hash;
    for (std::size_t i = entries.size() - 4; i < entries.size(); ++i) {
        auto e = entries[i];
        if (i == entries.size() - 4) e.detail = "{\"rewritten\":true}";
        e.prev_hash = prev;
        e.keyed = false;
        e.hash = storage::AuditHash(e, "");
        store.db().Query("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ?, keyed = 0 WHERE seq = ?",
                         {e.detail, e.prev_hash, e.hash, e.seq});
        prev = e.hash;
    }
    EXPECT_NE(Verify(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChainTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace lingyan::testing
