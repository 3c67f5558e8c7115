#pragma once
// A backend test with the demo's party-member points loaded (8 generated members a village, each
// a roster person with a membership): the points, workbench and one-register tests start here.
#include "demo/points_demo.hpp"
#include "integration/test_server.hpp"

namespace lingyan::testing {

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
