#pragma once
// The demo's party-member points (`lingyan serve --demo`): the default rules catalog, the
// current year as the period, and a year (1 January to today) of Liyang-style 星级制 events for
// a few thousand synthetic members under 溧阳市 (their grids under 东门社区, 燕山社区, 庆丰村,
// 塘马村, 洑家村), plus small branches in 灵湖村 and 姜堰区's 三里村; the year before is a closed (read-only) period
// with one to six approved events per member. Generated in the binary (nothing is read from
// disk), deterministic, idempotent: nothing happens when members already exist.
//
// Who approves what in the demo:
//   - the `member` account is 演示党员 of 塘马村 with approved events and a few pending ones;
//   - 塘马村's pending events are approved by `tangma` (a secretary account of 塘马村 created
//     here, password as the other demo accounts) or by `admin` — the demo `town` (临湖镇) and
//     `county` (姜堰区) accounts do not cover 溧阳市;
//   - `county` approves the pending events of 三里村's members;
//   - `secretary` (灵湖村) approves the pending events of 灵湖村's members.

#include <string>

#include <mutex>

#include "app/attachments/attachment_service.hpp"
#include "app/points/points_service.hpp"
#include "app/roster/roster_service.hpp"
#include "core/ports/store.hpp"

namespace lingyan::demo {

struct DemoPointsOptions {
    int members_per_village = 600;  // under 溧阳市; 灵湖村 and 三里村 get a tenth of this (at least 10)
    unsigned seed = 20250101;
    // The real now (ISO, UTC): no demo moment is later ("" = no limit, for fixed-clock tests).
    std::string now_iso;
};

// Every member is a person of the roster with a membership (the village's party organization,
// joined on the person's party_join_date) and a points member row linked to that person, so that
// the unit page's member count and the leaderboards count the same people.
// Loads what is missing; returns the number of members created (0 when already loaded).
// Requires the demo roster (LoadDemo) and a reloaded RosterService. Throws std::runtime_error
// if the roster lacks 溧阳市 or 塘马村.
int LoadDemoPoints(app::PointsService& points, app::RosterService& roster, const core::ports::Crypto& crypto,
                   const DemoPointsOptions& options = {});

// The 佐证材料 of the demo's declarations, in the attachment store: 演示党员's approved
// declarations carry an activity photo and a sign-in sheet (PDF); its rejected ones — "佐证材料不全"
// — only the sign-in sheet, no photo; two of its pending ones a photo, the last one nothing yet;
// each pending declaration of 灵湖村 and 三里村 a photo, for the `secretary` to look at while approving.
// Requires LoadDemoPoints. Idempotent. Returns the files stored or found.
int LoadDemoEvidence(core::ports::PointsStore& points, core::ports::StoreMutex& store_mutex, const app::RosterService& roster,
                     app::AttachmentService& attachments);

}  // namespace lingyan::demo
