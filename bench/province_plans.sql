-- EXPLAIN (ANALYZE, BUFFERS) of the heaviest pages' queries on the province data set
-- (`lingyan load-province`), as lingyan sends them (bench/province_plans.sh fills the unit lists).
-- psql variables: county_units (every unit of one county, the approvals' scope list),
-- town_units (one town), member (a member id), day_from/day_to (the period), since (公示 start).
\timing off
\pset pager off
\echo == leaderboard (built at start from the counted events; pages then come from memory)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at, decided_by, decided_at, reason, reverses FROM points_events WHERE status = 'approved' AND day BETWEEN :day_from AND :day_to ORDER BY id;
\echo == dashboard (workbench of an officer): pending declarations by unit
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT m.unit_id, COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id WHERE e.status = 'pending' AND m.ended_on = '' GROUP BY m.unit_id;
\echo == dashboard (workbench of a member): own declarations
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT status FROM points_events WHERE member_id = :member AND reverses IS NULL;
\echo == points approvals, a county, page 1 (20)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.member_id, e.rule_id, e.day, e.quantity, e.note, e.status, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.reason, e.reverses FROM points_events e JOIN (SELECT event_id, day FROM points_pending_queue WHERE day BETWEEN :day_from AND :day_to AND unit_id IN (:county_units) ORDER BY event_id LIMIT 20 OFFSET 0) q ON q.event_id = e.id AND q.day = e.day ORDER BY q.event_id;
\echo == points approvals, a county, total
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id WHERE e.status = 'pending' AND e.day BETWEEN :day_from AND :day_to AND m.ended_on = '' AND m.unit_id IN (:county_units);
\echo == points approvals, a town, page 1 and total
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.member_id, e.rule_id, e.day, e.quantity, e.note, e.status, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.reason, e.reverses FROM points_events e JOIN (SELECT event_id, day FROM points_pending_queue WHERE day BETWEEN :day_from AND :day_to AND unit_id IN (:town_units) ORDER BY event_id LIMIT 20 OFFSET 0) q ON q.event_id = e.id AND q.day = e.day ORDER BY q.event_id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id WHERE e.status = 'pending' AND e.day BETWEEN :day_from AND :day_to AND m.ended_on = '' AND m.unit_id IN (:town_units);
\echo == points approvals, the province (admin), page 1 and total
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.member_id, e.rule_id, e.day, e.quantity, e.note, e.status, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.reason, e.reverses FROM points_events e JOIN (SELECT event_id, day FROM points_pending_queue WHERE day BETWEEN :day_from AND :day_to ORDER BY event_id LIMIT 20 OFFSET 0) q ON q.event_id = e.id AND q.day = e.day ORDER BY q.event_id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id WHERE e.status = 'pending' AND e.day BETWEEN :day_from AND :day_to AND m.ended_on = '';
\echo == 公示 (approved since a day), a county, 200 newest
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.member_id, e.rule_id, e.day, e.quantity, e.note, e.status, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.reason, e.reverses FROM points_events e JOIN points_members m ON m.id = e.member_id WHERE e.status = 'approved' AND e.decided_at >= :'since' AND e.day BETWEEN :day_from AND :day_to AND m.ended_on = '' AND m.unit_id IN (:county_units) ORDER BY e.decided_at DESC, e.id DESC LIMIT 200;
\echo == the ledger of one member (我的积分)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at, decided_by, decided_at, reason, reverses FROM points_events WHERE member_id = :member ORDER BY day DESC, id DESC;
\echo == an event by id (approve, reverse)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, status FROM points_events WHERE id = 123457;
\echo == roster at start (the unit list and tree are served from memory)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, unit_id, name, gender, birth_date, education, party_join_date, id_number, phone, reserve_cadre, party_org_id FROM people ORDER BY id;
