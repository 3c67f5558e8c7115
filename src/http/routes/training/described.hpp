#pragma once
// What the training responses show of their records (http/server/described_json.hpp): pools, programs,
// placements, seminars, agreements, follow-ups, batches and the dashboard; the ladder's steps,
// bonus splits and promotion checks. The handlers add the rest.

#include "app/training/ladder_service.hpp"
#include "app/training/pool_service.hpp"
#include "app/training/program_service.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::ports {
BOOST_DESCRIBE_STRUCT(ProgramHostRecord, (), (unit_id, capacity, mentor_person_id))
BOOST_DESCRIBE_STRUCT(PoolRecord, (), (id, name, scope_unit_id, quota, description, created_by, created_at))
BOOST_DESCRIBE_STRUCT(ProgramRecord, (),
                      (id, name, kind, scope_unit_id, start_date, end_date, description, created_by, created_at))
BOOST_DESCRIBE_STRUCT(PlacementRow, (),
                      (id, batch_id, person_id, trainee_unit_id, host_unit_id, mentor_person_id, start_date, end_date,
                       focus, assessment_grade, assessment_text, summary_text, summary_date))
BOOST_DESCRIBE_STRUCT(SeminarRecord, (), (id, batch_id, date, topic, location))
BOOST_DESCRIBE_STRUCT(AgreementRecord, (), (id, unit_a, unit_b, title, content, signed_on, status))
BOOST_DESCRIBE_STRUCT(FollowUpRecord, (), (id, placement_id, item, months, due_date, status, note, done_on))
BOOST_DESCRIBE_STRUCT(BatchRecord, (), (id, name, start_date, end_date))
BOOST_DESCRIBE_STRUCT(LadderStepRecord, (), (id, post, level, effective_date, reason, recorded_by, recorded_at))
BOOST_DESCRIBE_STRUCT(BonusSplitRecord, (),
                      (id, unit_id, period, pool_fen, total_weight, as_of, summary, created_by, created_at))
BOOST_DESCRIBE_STRUCT(BonusLineRecord, (),
                      (line_no, person_id, name, post, level, grade, level_weight, coefficient, weight, amount_fen,
                       arithmetic))
}  // namespace lingyan::core::ports

namespace lingyan::core::roster {
BOOST_DESCRIBE_STRUCT(UnitIncome, (), (year, amount_yuan))
}  // namespace lingyan::core::roster

namespace lingyan::core::training {
BOOST_DESCRIBE_STRUCT(PromotionCheck, (),
                      (eligible, current_level, next_level, years_at_level, years_required, reasons))
}  // namespace lingyan::core::training

namespace lingyan::app {
BOOST_DESCRIBE_STRUCT(PoolView, (), (scope_unit_name))
BOOST_DESCRIBE_STRUCT(Dashboard, (),
                      (batches, trainees, placements, hosts, seminars, attendance_present, attendance_total,
                       attendance_rate, summaries_in, assessments_in, agreements_total, agreements_signed,
                       followups_total, followups_due, followups_done, followup_completion))
BOOST_DESCRIBE_STRUCT(PlacementView, (),
                      (person_name, trainee_unit_name, host_unit_name, mentor_name, followups, followups_done))
BOOST_DESCRIBE_STRUCT(HostBatchLoad, (), (batch_id, batch_name, placed))
BOOST_DESCRIBE_STRUCT(HostView, (), (mentor_name, placed, by_batch))
BOOST_DESCRIBE_STRUCT(SeminarView, (), (present, absent))
BOOST_DESCRIBE_STRUCT(AgreementView, (), (unit_a_name, unit_b_name))
}  // namespace lingyan::app
