#pragma once
// The storage port of the projects module: projects, their milestones (per claim), claims, progress
// reports and timeline. Implemented by storage/sql/project_store over the Store's connection, so
// writes join the transaction opened with Store::Begin(). Throws storage::StoreError when the
// database fails. Used by one thread at a time (the app layer serializes access with the store mutex).
// Notifications go through TicketStore::InsertNotification (NotificationRecord::project_id).

#include <optional>
#include <string>
#include <vector>

#include "core/projects/project.hpp"

namespace lingyan::core::ports {

using roster::Id;

// One entry of a project's timeline; never changed once written.
struct ProjectEvent {
    Id id = 0;
    Id project_id = 0;
    std::string at;       // ISO 8601 UTC
    std::string on_date;  // YYYY-MM-DD
    std::string user;     // username, "" for the system (colours)
    std::string action;   // an ActionName, or create, red
    std::string from_state, to_state;
    std::string note;
    std::string detail;  // JSON text
};

class ProjectStore {
public:
    virtual ~ProjectStore() = default;

    // InsertProject ignores p.id and returns the new one; UpdateProject writes every column.
    virtual Id InsertProject(const projects::Project& p) = 0;
    virtual void UpdateProject(const projects::Project& p) = 0;
    virtual std::optional<projects::Project> FindProject(Id id) = 0;
    virtual std::vector<projects::Project> ListProjects() = 0;  // newest first

    virtual Id InsertMilestone(const projects::Milestone& m) = 0;
    virtual void SetMilestoneDone(Id milestone_id, const std::string& done_on) = 0;
    virtual std::vector<projects::Milestone> ListMilestones(Id project_id) = 0;  // every claim's, by claim and seq
    virtual std::vector<projects::Milestone> ListAllMilestones() = 0;           // for the daily colours

    virtual Id InsertClaim(const projects::Claim& c) = 0;
    virtual void UpdateClaim(const projects::Claim& c) = 0;  // status, reason, decided_by, decided_on
    virtual std::vector<projects::Claim> ListClaims(Id project_id) = 0;  // by id

    virtual Id InsertReport(const projects::Report& r) = 0;
    virtual std::vector<projects::Report> ListReports(Id project_id) = 0;  // by id

    virtual void AppendEvent(const ProjectEvent& e) = 0;
    virtual std::vector<ProjectEvent> ListEvents(Id project_id) = 0;  // by id

    // Whether a notification of `kind` about the project was sent to the user since `since`.
    virtual bool HasNotification(Id user_id, const std::string& kind, Id project_id, const std::string& since) = 0;
};

}  // namespace lingyan::core::ports
