// The rule that says whether the audit log is whole (core/audit/chain_check.hpp), on chains built
// here with a stand-in hash: each way the log can be broken is named at the first entry it spoils.
#include "core/audit/chain_check.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lingyan::core::audit {
namespace {

using ports::AuditAnchor;
using ports::AuditEntry;

// A stand-in for the keyed hash: what the entry says and the hash it follows.
std::string HashOf(const AuditEntry& e) {
    return (e.keyed ? "k:" : "p:") + e.prev_hash.substr(0, 8) + "|" + std::to_string(e.seq) + "|" + e.detail;
}

std::vector<AuditEntry> Chain(int n, int keyed_from = 1) {
    std::vector<AuditEntry> out;
    std::string prev(64, '0');
    for (int seq = 1; seq <= n; ++seq) {
        AuditEntry e;
        e.seq = seq;
        e.detail = "{\"n\":" + std::to_string(seq) + "}";
        e.prev_hash = prev;
        e.keyed = seq >= keyed_from;
        e.hash = HashOf(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

ChainReport Check(const std::vector<AuditEntry>& entries, const std::vector<AuditAnchor>& anchors = {}) {
    ChainCheck check(anchors);
    for (const auto& e : entries)
        if (!check.Add(e, HashOf(e))) break;
    return check.Finish();
}

TEST(ChainCheck, AWholeChainWithItsAnchorsIsIntact) {
    const auto chain = Chain(5, 3);  // entries 1–2 from before the key existed
    const auto report = Check(chain, {{2, chain[1].hash}, {5, chain[4].hash}});
    EXPECT_TRUE(report.intact) << report.problem;
    EXPECT_EQ(report.checked, 5);
    EXPECT_EQ(report.head_seq, 5);
    EXPECT_EQ(report.head_hash, chain[4].hash);
    EXPECT_EQ(report.anchors, 2);
    EXPECT_EQ(report.bad_seq, 0);
}

TEST(ChainCheck, AnEmptyLogIsIntactAtTheChainsStart) {
    const auto report = Check({});
    EXPECT_TRUE(report.intact);
    EXPECT_EQ(report.checked, 0);
    EXPECT_EQ(report.head_hash, std::string(64, '0'));
}

TEST(ChainCheck, AMissingEntryIsNamed) {
    auto chain = Chain(5);
    chain.erase(chain.begin() + 2);  // seq 3 deleted
    const auto report = Check(chain);
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.bad_seq, 3);
    EXPECT_EQ(report.checked, 2);
    EXPECT_NE(report.problem.find("缺少第 3 条"), std::string::npos) << report.problem;
}

TEST(ChainCheck, ARewrittenDetailIsNamedAtItsEntry) {
    auto chain = Chain(5);
    chain[3].detail = "{\"n\":0}";  // seq 4, its stored hash left
    const auto report = Check(chain);
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.bad_seq, 4);
    EXPECT_NE(report.problem.find("第 4 条处被篡改或断链"), std::string::npos) << report.problem;
}

TEST(ChainCheck, AnEntryThatDoesNotFollowTheHashBeforeItIsNamed) {
    auto chain = Chain(4);
    chain[2].prev_hash = std::string(64, 'f');
    chain[2].hash = HashOf(chain[2]);  // consistent with itself, not with entry 2
    EXPECT_EQ(Check(chain).bad_seq, 3);
}

TEST(ChainCheck, AnUnkeyedEntryAfterKeyedOnesIsARewrite) {
    auto chain = Chain(4);
    // Recomputed forward from entry 3 without the key, as an attacker could.
    for (std::size_t i = 2; i < chain.size(); ++i) {
        chain[i].keyed = false;
        chain[i].prev_hash = chain[i - 1].hash;
        chain[i].hash = HashOf(chain[i]);
    }
    const auto report = Check(chain);
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.bad_seq, 3);
    EXPECT_NE(report.problem.find("未用密钥签名"), std::string::npos) << report.problem;
}

TEST(ChainCheck, AnAnchorBeyondTheLastEntryMeansTheLogWasTruncated) {
    const auto chain = Chain(6);
    const auto report = Check({chain.begin(), chain.begin() + 4}, {{6, chain[5].hash}});
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.bad_seq, 6);
    EXPECT_EQ(report.checked, 4);
    EXPECT_NE(report.problem.find("被截断"), std::string::npos) << report.problem;
}

TEST(ChainCheck, AnAnchoredEntryWhoseHashChangedIsNamed) {
    const auto chain = Chain(4);
    const auto report = Check(chain, {{2, std::string(64, 'a')}});
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.bad_seq, 2);
    EXPECT_NE(report.problem.find("锚点文件记录的哈希不同"), std::string::npos) << report.problem;
}

}  // namespace
}  // namespace lingyan::core::audit
