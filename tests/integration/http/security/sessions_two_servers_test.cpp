// Two servers on one PostgreSQL keep sessions and workbenches in memory (issue 15): what one server
// ends or changes reaches the other through the change feed — a logout, a disabled account, a new
// password; a new account in the town officer's workbench card — and with the other's feed stopped its
// kept sessions fall back to being read again every second. Every wait has a deadline.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "integration/test_server.hpp"

namespace lingyan::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

// Polls `fn` until it returns true or `limit` passes.
template <typename Fn>
bool Within(std::chrono::seconds limit, Fn fn) {
    const auto started = Clock::now();
    while (Clock::now() - started < limit) {
        if (fn()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

std::int64_t Card(Client& c, const std::string& key) {
    auto r = c.Get("/api/v1/workbench");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = Json(r);
    for (const auto& card : body.at("cards").as_array())
        if (card.at("key").as_string() == key) return card.at("count").as_int64();
    ADD_FAILURE() << "no card " << key;
    return -1;
}

// Both feeds follow the database once SetUp returns: kept sessions are trusted for a minute, not a second.
class TwoServers : public TwoServersTest {};

TEST_F(TwoServers, ALogoutADisabledAccountOrANewPasswordOnOneServerEndsTheSessionOnTheOther) {
    Client county_a(a_->port()), town_a(a_->port()), judge_a(a_->port());
    ASSERT_EQ(county_a.Login("county").status, 200);
    ASSERT_EQ(town_a.Login("town").status, 200);
    ASSERT_EQ(judge_a.Login("judge").status, 200);
    Client county_b = county_a.On(b_->port()), town_b = town_a.On(b_->port()), judge_b = judge_a.On(b_->port());
    for (Client* c : {&county_b, &town_b, &judge_b}) ASSERT_EQ(c->Get("/api/v1/me").status, 200);  // kept on B

    // A logout on A.
    ASSERT_EQ(county_a.Send("DELETE", "/api/v1/session", "").status, 204);
    EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return county_b.Get("/api/v1/me").status == 401; }))
        << "a logout on A did not end the session kept on B";

    // An account disabled by an officer on A.
    Client admin_a(a_->port());
    ASSERT_EQ(admin_a.Login("admin").status, 200);
    std::int64_t town_id = 0;
    const auto accounts = Json(admin_a.Get("/api/v1/accounts?q=town"));
    for (const auto& u : accounts.at("items").as_array())
        if (u.at("username").as_string() == "town") town_id = u.at("id").as_int64();
    ASSERT_NE(town_id, 0);
    ASSERT_EQ(admin_a.Send("POST", "/api/v1/accounts/" + std::to_string(town_id) + "/disable", "").status, 200);
    EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return town_b.Get("/api/v1/me").status == 401; }))
        << "an account disabled on A kept its session on B";

    // A password set through A's runtime (as the CLI does).
    ASSERT_TRUE(a_->runtime().auth->SetPassword("judge", "another-secret-3").ok());
    EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return judge_b.Get("/api/v1/me").status == 401; }))
        << "a new password set on A kept the old session on B";
    EXPECT_EQ(judge_b.Get("/api/v1/me").status, 401);
}

TEST_F(TwoServers, WithItsFeedStoppedAServerReadsKeptSessionsAgainEverySecond) {
    Client member_a(a_->port());
    ASSERT_EQ(member_a.Login("member").status, 200);
    Client member_b = member_a.On(b_->port());
    ASSERT_EQ(member_b.Get("/api/v1/me").status, 200);
    b_->runtime().feed->Stop();  // B no longer hears of A's changes
    ASSERT_EQ(member_a.Send("DELETE", "/api/v1/session", "").status, 204);
    // B's feed is no longer current within 2 s; then its kept session is read again within a second or two.
    EXPECT_TRUE(Within(std::chrono::seconds(10), [&] { return member_b.Get("/api/v1/me").status == 401; }))
        << "B kept a session ended on A although its feed had stopped";
}

TEST_F(TwoServers, AnAccountCreatedOnOneServerShowsInTheWorkbenchKeptOnTheOther) {
    Client admin_a(a_->port()), town_a(a_->port());
    ASSERT_EQ(admin_a.Login("admin").status, 200);
    ASSERT_EQ(town_a.Login("town").status, 200);
    Client town_b = town_a.On(b_->port());
    const std::int64_t before = Card(town_b, "accounts_attention");  // computed and kept on B
    ASSERT_GE(before, 0);
    const auto units = Json(admin_a.Get("/api/v1/units?q=" + Encode("前塘村")));
    ASSERT_FALSE(units.at("items").as_array().empty());
    const auto village = units.at("items").at(0).at("id").as_int64();
    auto created = admin_a.Send("POST", "/api/v1/accounts",
                                json::serialize(json::object{{"username", "two.sec"}, {"role", "secretary"},
                                                             {"scope_unit_id", village}}));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Card(town_a, "accounts_attention"), before + 1);  // this server's write: at once
    EXPECT_TRUE(Within(std::chrono::seconds(5), [&] { return Card(town_b, "accounts_attention") == before + 1; }))
        << "B's kept workbench never showed the account created on A";
}

}  // namespace
}  // namespace lingyan::testing
