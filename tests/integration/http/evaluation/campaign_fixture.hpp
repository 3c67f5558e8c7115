#pragma once
// The campaign test fixture shared by the campaign integration tests: a fresh database per
// backend, a test server, and helpers to find units, create a campaign and enter facts.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "integration/test_server.hpp"

namespace lingyan::testing {

namespace json = boost::json;

// Two leaves of equal weight: s(sales) = actual/target, s(review) = mean judge score / 100.
constexpr const char* kFramework = R"({
  "name": "测试指标体系",
  "tiebreak": ["review"],
  "awards": [{"name": "一等奖", "quota": 1, "min_total": 60}],
  "criteria": [
    {"id": "sales", "name": "开票销售完成率", "weight": 1, "method": "target"},
    {"id": "review", "name": "述职评审", "weight": 1, "method": "judges", "trim": 0, "max": 100}
  ]
})";

class CampaignTest : public BackendTest {
protected:
    std::int64_t UnitId(Client& c, const std::string& name) {
        auto r = c.Get("/api/v1/units?q=" + Encode(name));
        EXPECT_EQ(r.status, 200) << r.body;
        auto items = Json(r).at("items").as_array();
        for (const auto& item : items)
            if (item.at("name").as_string() == name) return item.at("id").as_int64();
        ADD_FAILURE() << "no unit " << name;
        return 0;
    }
    std::vector<std::int64_t> Children(Client& c, std::int64_t parent, std::size_t count) {
        auto r = c.Get("/api/v1/units?parent=" + std::to_string(parent));
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::int64_t> out;
        const auto page = Json(r);
        for (const auto& item : page.at("items").as_array()) {
            if (out.size() < count) out.push_back(item.at("id").as_int64());
        }
        EXPECT_EQ(out.size(), count);
        return out;
    }
    // Creates a campaign with kFramework over `units`; returns its JSON detail.
    json::object Create(Client& c, std::int64_t scope, const std::vector<std::int64_t>& units) {
        json::array subjects;
        for (auto u : units) subjects.push_back(u);
        json::object body{{"name", "2021年度测试考核"},
                          {"scope_unit_id", scope},
                          {"framework", json::parse(kFramework)},
                          {"cycle_kind", "year"},
                          {"cycle_label", "2021"},
                          {"subjects", std::move(subjects)}};
        auto r = c.Send("POST", "/api/v1/campaigns", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Json(r).as_object() : json::object{};
    }
    static json::object Fact(std::int64_t subject, const char* criterion, const char* key, json::value value) {
        return json::object{{"subject_id", subject}, {"criterion", criterion}, {"key", key}, {"value", value}};
    }
    static std::string Facts(json::array facts, const std::string& reason = "") {
        json::object o{{"facts", std::move(facts)}};
        if (!reason.empty()) o["reason"] = reason;
        return json::serialize(o);
    }
    std::vector<core::ports::AuditEntry> Audit() {
        auto& rt = server_->runtime();
        std::lock_guard lock(rt.store_mutex);
        return rt.store->ListAudit(0, 100000);
    }
};

}  // namespace lingyan::testing
