#pragma once
// What the campaigns' responses show of their records (http/server/described_json.hpp): the
// campaign, its tracks, bands, owners, awards and negative list, and follow-ups. The handlers add
// the rest.

#include "app/evaluation/campaign_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(CampaignRecord, (),
                      (id, name, scope_unit_id, cycle_kind, cycle_label, status, version, created_by, created_at,
                       published_by, published_at))
BOOST_DESCRIBE_STRUCT(TrackRecord, (), (name, coefficient))
BOOST_DESCRIBE_STRUCT(BandRecord, (), (name, share, follow_up))
BOOST_DESCRIBE_STRUCT(FactRecord, (), (id, subject_id, criterion, key, value, entered_by, entered_at))
BOOST_DESCRIBE_STRUCT(OwnerRecord, (), (criterion, owner, opens_on, closes_on))
BOOST_DESCRIBE_STRUCT(CampaignFollowUpRecord, (),
                      (id, campaign_id, subject_id, version, band, action, leader, deadline, status, outcome,
                       created_by, created_at, closed_by, closed_at))
}  // namespace lingyan::core::ports

namespace lingyan::core::evaluation {
BOOST_DESCRIBE_STRUCT(AwardSpec, (), (name, quota, min_total))
BOOST_DESCRIBE_STRUCT(CriterionExplanation, (), (id, name, missing, s, weight, share, global_share, contribution))
BOOST_DESCRIBE_STRUCT(NegativeListSpec, (), (name, criterion, count))
}  // namespace lingyan::core::evaluation

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(CampaignSummary, (), (scope_unit_name, framework_version, subject_count))
}  // namespace lingyan::app
