#pragma once
// A backend test with the demo's party-member points loaded (8 generated members a village, each
// a roster person with a membership): the points, workbench and one-register tests start here.
#include <ctime>
#include <string>

#include "demo/points_demo.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {

// Today in China (UTC+8) as YYYY-MM-DD: the date of a declaration made now.
inline std::string Today() {
    std::time_t t = std::time(nullptr) + 8 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class PointsDemoTest : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        demo::LoadDemoPoints(*server_->runtime().points, *server_->runtime().roster, server_->runtime().crypto,
                             {.members_per_village = 8});
    }
};

}  // namespace lingyan::testing
