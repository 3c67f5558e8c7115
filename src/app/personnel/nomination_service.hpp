#pragma once
// NominationService: the nominated 躺平奖. A town officer (the town's party secretary) names
// cadres of his own town — people in his scope who hold a current position — for 不作为、慢作为
// or 不担当, with the reason and the evidence; the county (county officers and admin) reviews
// each pending nomination, confirming or rejecting it with a reason. Every nomination and review
// writes an audit entry. The computed list (a campaign's bottom N, CampaignSettings::negative)
// stays available beside it.
//
// Scope: officers (admin, county, town) nominate and read within their scope; review needs admin
// or county. Out-of-scope and nonexistent people or nominations answer the same not_found.
//
// Thread-safety: all methods may be called concurrently (the store mutex serializes the database).

#include <optional>
#include <string>
#include <vector>

#include "app/attachments/attachment_service.hpp"
#include "app/common/file_download.hpp"
#include "app/common/use_case_base.hpp"
#include "app/personnel/personnel_files.hpp"
#include "app/workbench/workbench_service.hpp"
#include "core/personnel/nomination.hpp"
#include "core/ports/personnel_store.hpp"

namespace lingyan::app {

struct NominationInput {
    Id person_id = 0;
    int year = 0;  // 0 = this year
    core::personnel::Category category = core::personnel::Category::kInaction;
    std::string reason;
    std::string evidence;
};

struct NominationView {
    core::personnel::Nomination nomination;
    std::string unit_name;
    std::string position;  // the person's current post, first one
};

struct NominationQuery {
    int year = 0;  // 0 = any
    std::optional<core::personnel::NominationState> state;
};

class NominationService : UseCaseBase {
public:
    NominationService(core::ports::Store& store, core::ports::PersonnelStore& personnel,
                      core::ports::StoreMutex& store_mutex, const core::ports::Clock& clock,
                      const RosterService& roster, PersonnelFiles files = {});

    Result<NominationView> Nominate(const Actor& actor, const NominationInput& input);
    // Year descending, newest first, within the caller's scope.
    Result<std::vector<NominationView>> List(const Actor& actor, const NominationQuery& query);
    // 躺平奖提名台账: what List gives for the same filters, as a workbook (at most kMaxExportRows).
    Result<FileDownload> RegisterXlsx(const Actor& actor, const NominationQuery& query);
    Result<NominationView> Review(const Actor& actor, Id id, bool confirm, const std::string& reason);
    // The workbench card of a reviewer (admin, county): pending nominations in scope.
    void Cards(const Actor& actor, std::vector<WorkCard>& cards);
    // The attachment store's rule for a nomination's evidence files (owner "nomination", sub_id 0):
    // officers (admin, county, town) with the nominee in scope read them — the reviewer among them;
    // the officer who nominated adds (and removes his own) while the nomination waits for review.
    // Anyone else, another sub_id or a nonexistent nomination: not found.
    Result<OwnerAccess> EvidenceAccess(const Actor& actor, Id nomination_id, Id sub_id);

private:
    NominationView ViewOf(core::personnel::Nomination n) const;

    core::ports::PersonnelStore& personnel_;
    PersonnelFiles files_;
};

}  // namespace lingyan::app
