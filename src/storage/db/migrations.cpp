#include "storage/db/migrations.hpp"

#include <set>
#include <string>

namespace lingyan::storage {

namespace {

struct Migration {
    int version;
    const char* description;
    const char* sql;           // portable; {{pk}} becomes the dialect's auto-increment key
    const char* sqlite_extra = "";  // dialect-specific statements (may be empty)
    const char* postgres_extra = "";
};

constexpr Migration kMigrations[] = {
    {1, "roster, accounts, audit",
     R"SQL(
CREATE TABLE units (
  id {{pk}},
  parent_id BIGINT REFERENCES units(id),
  code TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  economy TEXT NOT NULL DEFAULT 'none',
  dev_zone INTEGER NOT NULL DEFAULT 0,
  near_highway INTEGER NOT NULL DEFAULT 0,
  population BIGINT NOT NULL DEFAULT 0,
  area_km2 DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX units_code ON units(code);
CREATE INDEX units_parent ON units(parent_id);
CREATE TABLE unit_incomes (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  amount_yuan BIGINT NOT NULL,
  PRIMARY KEY (unit_id, year)
);
CREATE TABLE party_orgs (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  member_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE people (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  education TEXT NOT NULL,
  party_join_date TEXT,
  id_number TEXT,
  phone TEXT,
  reserve_cadre INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_unit ON people(unit_id);
CREATE UNIQUE INDEX people_id_number ON people(id_number);
CREATE TABLE positions (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT
);
CREATE INDEX positions_person ON positions(person_id);
CREATE INDEX positions_unit ON positions(unit_id);
CREATE TABLE users (
  id {{pk}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  scope_unit_id BIGINT REFERENCES units(id),  -- NULL: the whole deployment (admin)
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
)SQL",
     R"SQL(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL",
     R"SQL(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)SQL"},
    {2, "evaluation campaigns",
     R"SQL(
CREATE TABLE frameworks (
  id {{pk}},
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE framework_versions (
  id {{pk}},
  framework_id BIGINT NOT NULL REFERENCES frameworks(id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  template_key TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (framework_id, version)
);
CREATE TABLE campaigns (
  id {{pk}},
  name TEXT NOT NULL,
  scope_unit_id BIGINT NOT NULL REFERENCES units(id),
  framework_version_id BIGINT NOT NULL REFERENCES framework_versions(id),
  cycle_kind TEXT NOT NULL,
  cycle_label TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_by TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE campaign_subjects (
  id {{pk}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  label TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, unit_id, label)
);
CREATE TABLE campaign_facts (
  id {{pk}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  subject_id BIGINT NOT NULL REFERENCES campaign_subjects(id),
  criterion TEXT NOT NULL,
  fact_key TEXT NOT NULL,
  slot TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (campaign_id, subject_id, criterion, fact_key, slot)
);
CREATE TABLE campaign_results (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  version INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (campaign_id, version)
);
)SQL",
     "", ""},
    {3, "points ledger",
     R"SQL(
CREATE TABLE points_rules (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  points BIGINT NOT NULL,
  cap BIGINT,
  needs_approval INTEGER NOT NULL DEFAULT 1,
  evidence TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE points_periods (
  id {{pk}},
  name TEXT NOT NULL,
  day_from INTEGER NOT NULL,
  day_to INTEGER NOT NULL,
  stars TEXT NOT NULL,
  base_points BIGINT NOT NULL DEFAULT 0,
  zeroing_rules TEXT NOT NULL DEFAULT '',
  publicity_days INTEGER NOT NULL DEFAULT 7
);
CREATE TABLE points_members (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  user_id BIGINT UNIQUE REFERENCES users(id)
);
CREATE INDEX points_members_unit ON points_members(unit_id);
CREATE TABLE points_events (
  id {{pk}},
  member_id BIGINT NOT NULL REFERENCES points_members(id),
  rule_id BIGINT NOT NULL REFERENCES points_rules(id),
  day INTEGER NOT NULL,
  quantity BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  reverses BIGINT UNIQUE REFERENCES points_events(id)
);
CREATE INDEX points_events_member ON points_events(member_id);
CREATE INDEX points_events_status ON points_events(status);
CREATE INDEX points_events_decided ON points_events(decided_at);
)SQL",
     R"SQL(
CREATE TRIGGER points_events_no_delete BEFORE DELETE ON points_events BEGIN SELECT RAISE(ABORT, 'points_events is append-only'); END;
)SQL",
     R"SQL(
CREATE FUNCTION points_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'points_events is append-only'; END $$;
CREATE TRIGGER points_events_no_delete BEFORE DELETE ON points_events
  FOR EACH ROW EXECUTE FUNCTION points_events_append_only();
)SQL"},
    {4, "talent pipeline and training",
     R"SQL(
CREATE TABLE talent_pools (
  id {{pk}},
  name TEXT NOT NULL,
  scope_unit_id BIGINT NOT NULL REFERENCES units(id),
  quota INTEGER NOT NULL,
  rules_json TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE pool_town_quotas (
  pool_id BIGINT NOT NULL REFERENCES talent_pools(id),
  town_id BIGINT NOT NULL REFERENCES units(id),
  quota INTEGER NOT NULL,
  PRIMARY KEY (pool_id, town_id)
);
CREATE TABLE pool_memberships (
  id {{pk}},
  pool_id BIGINT NOT NULL REFERENCES talent_pools(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  town_id BIGINT NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  nominated_on TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pool_memberships_pool ON pool_memberships(pool_id);
CREATE TABLE pool_member_events (
  id {{pk}},
  membership_id BIGINT NOT NULL REFERENCES pool_memberships(id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  event_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  done_by TEXT NOT NULL,
  done_at TEXT NOT NULL
);
CREATE TABLE ladder_steps (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  post TEXT NOT NULL,
  level INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ladder_steps_person ON ladder_steps(person_id);
CREATE TABLE training_programs (
  id {{pk}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  scope_unit_id BIGINT NOT NULL REFERENCES units(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE training_batches (
  id {{pk}},
  program_id BIGINT NOT NULL REFERENCES training_programs(id),
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL
);
CREATE TABLE batch_enrollments (
  batch_id BIGINT NOT NULL REFERENCES training_batches(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (batch_id, person_id)
);
CREATE TABLE program_hosts (
  program_id BIGINT NOT NULL REFERENCES training_programs(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  capacity INTEGER NOT NULL,
  mentor_person_id BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (program_id, unit_id)
);
CREATE TABLE placements (
  id {{pk}},
  program_id BIGINT NOT NULL REFERENCES training_programs(id),
  batch_id BIGINT NOT NULL DEFAULT 0,
  person_id BIGINT NOT NULL REFERENCES people(id),
  trainee_unit_id BIGINT NOT NULL REFERENCES units(id),
  host_unit_id BIGINT NOT NULL REFERENCES units(id),
  mentor_person_id BIGINT NOT NULL DEFAULT 0,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  focus TEXT NOT NULL DEFAULT '',
  assessment_grade TEXT NOT NULL DEFAULT '',
  assessment_text TEXT NOT NULL DEFAULT '',
  summary_text TEXT NOT NULL DEFAULT '',
  summary_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX placements_program ON placements(program_id);
CREATE INDEX placements_person ON placements(person_id);
CREATE TABLE seminars (
  id {{pk}},
  program_id BIGINT NOT NULL REFERENCES training_programs(id),
  batch_id BIGINT NOT NULL DEFAULT 0,
  seminar_date TEXT NOT NULL,
  topic TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT ''
);
CREATE TABLE seminar_attendance (
  seminar_id BIGINT NOT NULL REFERENCES seminars(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  present INTEGER NOT NULL,
  PRIMARY KEY (seminar_id, person_id)
);
CREATE TABLE placement_followups (
  id {{pk}},
  placement_id BIGINT NOT NULL REFERENCES placements(id),
  item TEXT NOT NULL,
  months INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  note TEXT NOT NULL DEFAULT '',
  done_on TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pairing_agreements (
  id {{pk}},
  program_id BIGINT NOT NULL DEFAULT 0,
  unit_a BIGINT NOT NULL REFERENCES units(id),
  unit_b BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  signed_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
);
CREATE INDEX pairing_agreements_program ON pairing_agreements(program_id);
)SQL",
     "", ""},
    {5, "evaluation tracks, bands, owners, follow-ups, person subjects; unit metrics",
     R"SQL(
ALTER TABLE campaign_subjects ADD COLUMN track TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign_subjects ADD COLUMN person_id BIGINT REFERENCES people(id);
ALTER TABLE campaigns ADD COLUMN negative_name TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN negative_criterion TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN negative_count INTEGER NOT NULL DEFAULT 0;
CREATE TABLE campaign_tracks (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  coefficient DOUBLE PRECISION NOT NULL DEFAULT 1,
  PRIMARY KEY (campaign_id, position)
);
CREATE TABLE campaign_bands (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  share DOUBLE PRECISION NOT NULL,
  follow_up INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, position)
);
CREATE TABLE campaign_owners (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  criterion TEXT NOT NULL,
  owner TEXT NOT NULL,
  opens_on TEXT NOT NULL DEFAULT '',
  closes_on TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, criterion)
);
CREATE TABLE campaign_followups (
  id {{pk}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  subject_id BIGINT NOT NULL REFERENCES campaign_subjects(id),
  version INTEGER NOT NULL,
  band TEXT NOT NULL,
  action TEXT NOT NULL,
  leader TEXT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  outcome TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_by TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaign_followups_campaign ON campaign_followups(campaign_id);
CREATE TABLE metric_targets (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  metric TEXT NOT NULL,
  year INTEGER NOT NULL,
  target DOUBLE PRECISION NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, metric, year)
);
CREATE TABLE metric_actuals (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  metric TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, metric, year, month)
);
CREATE INDEX metric_actuals_metric ON metric_actuals(metric, year);
)SQL",
     "", ""},
    {6, "points periods: closing, forced distribution; ledger indexes for approvals and 公示",
     R"SQL(
ALTER TABLE points_periods ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE points_periods ADD COLUMN grades TEXT NOT NULL DEFAULT '';
CREATE INDEX points_events_status_day ON points_events(status, day, id);
CREATE INDEX points_events_status_decided ON points_events(status, decided_at);
)SQL",
     "", ""},
    {7, "ladder history authorship, bonus pool splits",
     R"SQL(
ALTER TABLE ladder_steps ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ladder_steps ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';
CREATE TABLE bonus_splits (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  period TEXT NOT NULL,
  pool_fen BIGINT NOT NULL,
  total_weight DOUBLE PRECISION NOT NULL,
  as_of TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, period)
);
CREATE TABLE bonus_split_lines (
  split_id BIGINT NOT NULL REFERENCES bonus_splits(id),
  line_no INTEGER NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  name TEXT NOT NULL,
  post TEXT NOT NULL,
  level INTEGER NOT NULL,
  grade TEXT NOT NULL,
  level_weight DOUBLE PRECISION NOT NULL,
  coefficient DOUBLE PRECISION NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  amount_fen BIGINT NOT NULL,
  arithmetic TEXT NOT NULL,
  PRIMARY KEY (split_id, line_no)
);
)SQL",
     "", ""},
    // 20–29: security (issue 11). Version numbers are spaced so that parallel branches do not collide.
    {20, "sessions with absolute lifetime and devices; stored login throttling; keyed audit chain",
     R"SQL(
ALTER TABLE sessions ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_seen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL
);
ALTER TABLE audit_log ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
)SQL",
     "", ""},
    // Versions are taken per issue to keep parallel branches apart: 30 and 31 are the arena and honours (issue 13).
    {30, "arena contests: setup, judge seats and links, event log, scores",
     R"SQL(
CREATE TABLE contests (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  campaign_id BIGINT REFERENCES campaigns(id),
  campaign_criterion TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  year INTEGER NOT NULL,
  trim_count INTEGER NOT NULL,
  normalize_scores INTEGER NOT NULL,
  recusal TEXT NOT NULL,
  seconds_per_contestant INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  results_pushed_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contest_criteria (
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  idx INTEGER NOT NULL,
  crit_key TEXT NOT NULL,
  name TEXT NOT NULL,
  min_value DOUBLE PRECISION NOT NULL,
  max_value DOUBLE PRECISION NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  pre_scored INTEGER NOT NULL,
  PRIMARY KEY (contest_id, idx)
);
CREATE TABLE contest_contestants (
  id {{pk}},
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contest_contestants_contest ON contest_contestants(contest_id, idx);
CREATE TABLE contest_seats (
  id {{pk}},
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  seat_no INTEGER NOT NULL,
  label TEXT NOT NULL,
  home_unit_id BIGINT NOT NULL REFERENCES units(id),
  user_id BIGINT REFERENCES users(id),
  token_hash TEXT,
  device_hash TEXT,
  device_csrf TEXT NOT NULL DEFAULT '',
  link_issued_at TEXT NOT NULL DEFAULT '',
  bound_at TEXT NOT NULL DEFAULT '',
  UNIQUE (contest_id, seat_no)
);
CREATE UNIQUE INDEX contest_seats_token ON contest_seats(token_hash);
CREATE UNIQUE INDEX contest_seats_device ON contest_seats(device_hash);
CREATE TABLE contest_rounds (
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  contestant_ids TEXT NOT NULL,
  PRIMARY KEY (contest_id, idx)
);
CREATE TABLE contest_titles (
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  quota INTEGER NOT NULL,
  min_score DOUBLE PRECISION,
  level TEXT NOT NULL,
  PRIMARY KEY (contest_id, idx)
);
CREATE TABLE contest_events (
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  at_ms DOUBLE PRECISION NOT NULL,
  actor TEXT NOT NULL,
  round_idx INTEGER NOT NULL,
  contestant_id BIGINT NOT NULL,
  seat_id BIGINT NOT NULL,
  timer TEXT NOT NULL,
  score_values TEXT NOT NULL,
  criterion TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  reason TEXT NOT NULL,
  draw_order TEXT NOT NULL,
  seed TEXT NOT NULL,
  forced INTEGER NOT NULL,
  PRIMARY KEY (contest_id, seq)
);
CREATE TABLE contest_scores (
  id {{pk}},
  contest_id BIGINT NOT NULL REFERENCES contests(id),
  round_idx INTEGER NOT NULL,
  contestant_id BIGINT NOT NULL REFERENCES contest_contestants(id),
  seat_id BIGINT NOT NULL REFERENCES contest_seats(id),
  score_values TEXT NOT NULL,
  total DOUBLE PRECISION NOT NULL,
  idem_key TEXT NOT NULL,
  seq BIGINT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  void_seq BIGINT NOT NULL DEFAULT 0,
  void_reason TEXT NOT NULL DEFAULT '',
  void_by TEXT NOT NULL DEFAULT '',
  voided_at TEXT NOT NULL DEFAULT ''
);
-- A score counts once: one live (not voided) score per round, contestant and seat.
CREATE UNIQUE INDEX contest_scores_once ON contest_scores(contest_id, round_idx, contestant_id, seat_id)
  WHERE void_seq = 0;
)SQL",
     "", ""},
    {31, "honours register",
     R"SQL(
CREATE TABLE honours (
  id {{pk}},
  person_id BIGINT REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  year INTEGER NOT NULL,
  source TEXT NOT NULL,
  source_id BIGINT NOT NULL DEFAULT 0,
  document_no TEXT NOT NULL DEFAULT '',
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL
);
CREATE INDEX honours_person ON honours(person_id);
-- A title is conferred once per holder, year and level by the same source.
CREATE UNIQUE INDEX honours_once ON honours(unit_id, name, title, level, year, source, source_id);
)SQL",
     "", ""},
    // 40–49 are the tickets module (issue 12): tickets, their timeline and scope rows, meetings,
    // 议事堂 records, reds, colour rules and notifications.
    {40, "tickets: meetings, 议事堂 records, tickets, timeline, scope rows, reds, rules, notifications",
     R"SQL(
CREATE TABLE meetings (
  id {{pk}},
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  leaders TEXT NOT NULL DEFAULT '',
  participants TEXT NOT NULL DEFAULT '',
  minutes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE deliberations (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  topic TEXT NOT NULL,
  held_on TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE tickets (
  id {{pk}},
  source TEXT NOT NULL,
  source_id BIGINT NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  subject_unit_id BIGINT NOT NULL REFERENCES units(id),
  location TEXT NOT NULL DEFAULT '',
  raised_by BIGINT NOT NULL DEFAULT 0,
  raiser_name TEXT NOT NULL DEFAULT '',
  raiser_phone TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  office_unit_id BIGINT NOT NULL DEFAULT 0,
  handler_unit_id BIGINT NOT NULL DEFAULT 0,
  leader TEXT NOT NULL DEFAULT '',
  leader_user_id BIGINT NOT NULL DEFAULT 0,
  allowed_days INTEGER NOT NULL DEFAULT 0,
  assigned_on TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL DEFAULT '',
  signed_on TEXT NOT NULL DEFAULT '',
  signed_late INTEGER NOT NULL DEFAULT 0,
  last_note_on TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL DEFAULT '',
  closed_on TEXT NOT NULL DEFAULT '',
  days_to_close INTEGER NOT NULL DEFAULT 0,
  colour INTEGER NOT NULL DEFAULT 0,
  red_on TEXT NOT NULL DEFAULT '',
  reopen_count INTEGER NOT NULL DEFAULT 0,
  send_back_count INTEGER NOT NULL DEFAULT 0,
  satisfied INTEGER,
  extension_days INTEGER NOT NULL DEFAULT 0,
  extension_reason TEXT NOT NULL DEFAULT '',
  merged_into BIGINT NOT NULL DEFAULT 0,
  created_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tickets_raised_by ON tickets(raised_by, id);
CREATE INDEX tickets_source ON tickets(source, source_id);
CREATE INDEX tickets_running ON tickets(state);
CREATE INDEX tickets_handler_created ON tickets(handler_unit_id, created_on);
-- One row per ancestor of the ticket's units (and 0, the whole deployment) and kind (0 visible,
-- 1 handler, 2 office), with the keys "my tasks" and the board sort on: open, waiting (0 nobody,
-- 1 office, 2 handler), urgency (3 - colour: red first) and the deadline. A page is one index range.
CREATE TABLE ticket_scope (
  unit_id BIGINT NOT NULL,
  kind INTEGER NOT NULL,
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  open INTEGER NOT NULL,
  waiting INTEGER NOT NULL,
  urgency INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  PRIMARY KEY (unit_id, kind, ticket_id)
);
CREATE INDEX ticket_scope_urgency ON ticket_scope(unit_id, kind, open, waiting, urgency, deadline, ticket_id);
CREATE INDEX ticket_scope_ticket ON ticket_scope(ticket_id);
CREATE TABLE ticket_events (
  id {{pk}},
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  at TEXT NOT NULL,
  on_date TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
CREATE TABLE ticket_reds (
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  unit_id BIGINT NOT NULL,
  on_date TEXT NOT NULL
);
CREATE INDEX ticket_reds_on ON ticket_reds(on_date);
CREATE TABLE ticket_settings (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
CREATE TABLE notifications (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  ticket_id BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  read_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);
)SQL",
     "", ""},
    {50, "accounts in the web: first-login password change, last login, creation time",
     R"SQL(
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
)SQL",
     "", ""},
    // Issue 15 (ops): the change feed of several servers on one PostgreSQL (storage/feed/). A write
    // to a table behind an in-memory view notes its kind once per transaction and notifies the
    // listeners at commit; SQLite (one process) has no feed.
    {60, "change feed (PostgreSQL)", "", "",
     R"SQL(
CREATE TABLE change_feed (
  seq BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  origin TEXT NOT NULL,
  txid BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (txid, kind)
);
CREATE FUNCTION change_feed_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (kind, origin, txid)
    VALUES (TG_ARGV[0], current_setting('application_name'), txid_current())
    ON CONFLICT (txid, kind) DO NOTHING;
  PERFORM pg_notify('lingyan_changes', TG_ARGV[0]);
  RETURN NULL;
END $$;
CREATE TRIGGER units_feed AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('roster');
CREATE TRIGGER people_feed AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('roster');
CREATE TRIGGER positions_feed AFTER INSERT OR UPDATE OR DELETE ON positions
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('roster');
CREATE TRIGGER party_orgs_feed AFTER INSERT OR UPDATE OR DELETE ON party_orgs
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('roster');
CREATE TRIGGER unit_incomes_feed AFTER INSERT OR UPDATE OR DELETE ON unit_incomes
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('roster');
CREATE TRIGGER points_events_feed AFTER INSERT OR UPDATE OR DELETE ON points_events
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('points');
CREATE TRIGGER points_members_feed AFTER INSERT OR UPDATE OR DELETE ON points_members
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('points');
CREATE TRIGGER points_rules_feed AFTER INSERT OR UPDATE OR DELETE ON points_rules
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('points');
CREATE TRIGGER points_periods_feed AFTER INSERT OR UPDATE OR DELETE ON points_periods
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('points');
)SQL"},
    // Issue 11 (finding 4): an ID number is unique within what a caller may see, not across the
    // deployment; two units out of each other's scope may enter the same person, and admin resolves
    // it (GET /api/v1/people/shared-id-numbers).
    {65, "ID numbers: unique in scope, not across the deployment",
     R"SQL(
DROP INDEX people_id_number;
CREATE INDEX people_id_number ON people(id_number);
)SQL",
     "", ""},
    // Issue 11 (finding 8): an officer's link of a member's account waits for the owner's consent.
    {66, "points: account links wait for the account owner's consent",
     R"SQL(
ALTER TABLE points_members ADD COLUMN link_user_id BIGINT REFERENCES users(id);
ALTER TABLE points_members ADD COLUMN link_requested_by TEXT NOT NULL DEFAULT '';
ALTER TABLE points_members ADD COLUMN link_requested_at TEXT NOT NULL DEFAULT '';
CREATE INDEX points_members_link_user ON points_members(link_user_id);
)SQL",
     "", ""},
    {67, "projects: 书记项目 and 揭榜挂帅 — projects, milestones, claims, reports, timeline; project subjects",
     R"SQL(
CREATE TABLE projects (
  id {{pk}},
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  office_unit_id BIGINT NOT NULL DEFAULT 0,
  unit_id BIGINT NOT NULL DEFAULT 0,
  owner_person_id BIGINT NOT NULL DEFAULT 0,
  responsibility TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  claim_id BIGINT NOT NULL DEFAULT 0,
  started_on TEXT NOT NULL DEFAULT '',
  completed_on TEXT NOT NULL DEFAULT '',
  last_report_on TEXT NOT NULL DEFAULT '',
  colour INTEGER NOT NULL DEFAULT 0,
  red_on TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE project_claims (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  owner_person_id BIGINT NOT NULL,
  responsibility TEXT NOT NULL DEFAULT '',
  claimed_by BIGINT NOT NULL DEFAULT 0,
  claimed_by_name TEXT NOT NULL DEFAULT '',
  claimed_on TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_claims_project ON project_claims(project_id, id);
CREATE TABLE project_milestones (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  claim_id BIGINT NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  deadline TEXT NOT NULL,
  done_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_milestones_project ON project_milestones(project_id, claim_id, seq);
CREATE TABLE project_reports (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  milestone_id BIGINT NOT NULL DEFAULT 0,
  milestone_done INTEGER NOT NULL DEFAULT 0,
  on_date TEXT NOT NULL,
  text TEXT NOT NULL,
  figures TEXT NOT NULL DEFAULT '',
  attachment_ids TEXT NOT NULL DEFAULT '',
  username TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX project_reports_project ON project_reports(project_id, id);
CREATE TABLE project_events (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  at TEXT NOT NULL,
  on_date TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL DEFAULT '',
  to_state TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_events_project ON project_events(project_id, id);
ALTER TABLE notifications ADD COLUMN project_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_subjects ADD COLUMN project_id BIGINT NOT NULL DEFAULT 0;
)SQL",
     "", ""},
    // Issue 14: party organizations are created, renamed, upgraded and dissolved in the web with
    // their history (沿革); grid branches hang under a village's organization; 党员中心户; a person's
    // membership (party organization, joined on party_join_date).
    {68, "party organizations: history, grid branches, 党员中心户, memberships",
     R"SQL(
ALTER TABLE party_orgs ADD COLUMN parent_id BIGINT REFERENCES party_orgs(id);
ALTER TABLE party_orgs ADD COLUMN approved_on TEXT NOT NULL DEFAULT '';
ALTER TABLE party_orgs ADD COLUMN document_no TEXT NOT NULL DEFAULT '';
ALTER TABLE party_orgs ADD COLUMN dissolved_on TEXT NOT NULL DEFAULT '';
CREATE INDEX party_orgs_unit ON party_orgs(unit_id);
ALTER TABLE people ADD COLUMN party_org_id BIGINT REFERENCES party_orgs(id);
CREATE INDEX people_party_org ON people(party_org_id);
CREATE TABLE party_org_events (
  id {{pk}},
  org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  action TEXT NOT NULL,
  from_value TEXT NOT NULL DEFAULT '',
  to_value TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL DEFAULT '',
  document_no TEXT NOT NULL DEFAULT '',
  done_by TEXT NOT NULL,
  done_at TEXT NOT NULL
);
CREATE INDEX party_org_events_org ON party_org_events(org_id);
CREATE TABLE party_households (
  id {{pk}},
  org_id BIGINT NOT NULL REFERENCES party_orgs(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  place TEXT NOT NULL,
  created_on TEXT NOT NULL,
  dissolved_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX party_households_org ON party_households(org_id);
CREATE TABLE party_household_members (
  household_id BIGINT NOT NULL REFERENCES party_households(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (household_id, person_id)
);
)SQL",
     "", ""},
    // Issue 12 item 8: the shared attachment store. The bytes live in the data directory by
    // SHA-256 (storage/files/blob_store); a row per upload, marked removed, never deleted.
    {70, "attachments: photos and documents of tickets, timeline events and points declarations",
     R"SQL(
CREATE TABLE attachments (
  id {{pk}},
  owner_kind TEXT NOT NULL,
  owner_id BIGINT NOT NULL,
  sub_id BIGINT NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  removed_by TEXT NOT NULL DEFAULT '',
  removed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);
CREATE INDEX attachments_sha ON attachments(sha256);
)SQL",
     "", ""},
    {80, "tickets: scope rows keyed by ticket first (one index fewer to write when colours change)", "",
     R"SQL(
CREATE TABLE ticket_scope_by_ticket (
  unit_id BIGINT NOT NULL,
  kind INTEGER NOT NULL,
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  open INTEGER NOT NULL,
  waiting INTEGER NOT NULL,
  urgency INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  PRIMARY KEY (ticket_id, kind, unit_id)
);
INSERT INTO ticket_scope_by_ticket SELECT unit_id, kind, ticket_id, open, waiting, urgency, deadline FROM ticket_scope;
DROP TABLE ticket_scope;
ALTER TABLE ticket_scope_by_ticket RENAME TO ticket_scope;
CREATE INDEX ticket_scope_urgency ON ticket_scope(unit_id, kind, open, waiting, urgency, deadline, ticket_id);
)SQL",
     R"SQL(
ALTER TABLE ticket_scope DROP CONSTRAINT ticket_scope_pkey;
ALTER TABLE ticket_scope ADD PRIMARY KEY (ticket_id, kind, unit_id);
DROP INDEX ticket_scope_ticket;
)SQL"},
    {81, "tickets: the statistics read one covering index per handling unit",
     R"SQL(
CREATE INDEX tickets_stats ON tickets(handler_unit_id, created_on, state, red_on, reported_on, deadline, closed_on,
  satisfied, reopen_count, days_to_close);
DROP INDEX tickets_handler_created;
)SQL",
     "", ""},
    // Issue 14: a points membership ends with the party membership (the ledger stays), and rows
    // from before the one register — no person, or a person without a membership (people had no
    // party_org_id before 68) — are marked for PointsService::RegisterOldMembers at start.
    {82, "points: memberships end with the party membership; old members marked for the one register",
     R"SQL(
ALTER TABLE points_members ADD COLUMN ended_on TEXT NOT NULL DEFAULT '';
ALTER TABLE points_members ADD COLUMN register_pending INTEGER NOT NULL DEFAULT 0;
UPDATE points_members SET register_pending = 1
  WHERE person_id IS NULL OR person_id IN (SELECT id FROM people WHERE party_org_id IS NULL);
)SQL",
     "", ""},
    // Issue 12 item 1: 12345 hotline exports become tickets; the hotline's 工单编号 is imported once.
    {83, "tickets: 12345 hotline calls imported, by the hotline's number",
     R"SQL(
CREATE TABLE hotline_calls (
  ref TEXT PRIMARY KEY,
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  called_at TEXT NOT NULL,
  due_on TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL
);
CREATE INDEX hotline_calls_ticket ON hotline_calls(ticket_id);
)SQL",
     "", ""},
    // Issue 14: personnel decisions citing their ground, and the nominated 躺平奖 (84).
    {84, "personnel: decisions (任用, 晋升职级, 奖励, 谈话提醒) and 躺平奖 nominations with review",
     R"SQL(
CREATE TABLE personnel_decisions (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  ground TEXT NOT NULL,
  ground_id BIGINT NOT NULL,
  ground_label TEXT NOT NULL,
  content TEXT NOT NULL,
  document_no TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL,
  position_id BIGINT NOT NULL DEFAULT 0,  -- the position an appointment created (it may later be removed)
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX personnel_decisions_person ON personnel_decisions(person_id);
CREATE INDEX personnel_decisions_ground ON personnel_decisions(ground, ground_id);
CREATE TABLE tangping_nominations (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  category TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  nominated_by TEXT NOT NULL,
  nominated_at TEXT NOT NULL,
  reviewed_by TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT NOT NULL DEFAULT '',
  review_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tangping_nominations_person ON tangping_nominations(person_id);
-- One nomination of a person per year and category (a second one answers 409).
CREATE UNIQUE INDEX tangping_nominations_once ON tangping_nominations(person_id, year, category);
)SQL",
     "", ""},
    // Issue 15 (ops): the change feed also covers live contests (a host action or a judge's score on
    // one server reaches the screens watching through another) and the evaluated campaign boards.
    {88, "change feed: live contests and campaign boards (PostgreSQL)", "", "",
     R"SQL(
CREATE TRIGGER contests_feed AFTER INSERT OR UPDATE OR DELETE ON contests
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('arena');
CREATE TRIGGER contest_events_feed AFTER INSERT OR UPDATE OR DELETE ON contest_events
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('arena');
CREATE TRIGGER contest_seats_feed AFTER INSERT OR UPDATE OR DELETE ON contest_seats
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('arena');
CREATE TRIGGER contest_scores_feed AFTER INSERT OR UPDATE OR DELETE ON contest_scores
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('arena');
CREATE TRIGGER campaigns_feed AFTER INSERT OR UPDATE OR DELETE ON campaigns
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_subjects_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_subjects
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_facts_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_facts
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_results_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_results
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_tracks_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_tracks
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_bands_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_bands
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER campaign_owners_feed AFTER INSERT OR UPDATE OR DELETE ON campaign_owners
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER metric_targets_feed AFTER INSERT OR UPDATE OR DELETE ON metric_targets
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
CREATE TRIGGER metric_actuals_feed AFTER INSERT OR UPDATE OR DELETE ON metric_actuals
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('campaigns');
)SQL"},
    // Issue 15: on PostgreSQL the points ledger is range-partitioned by year of the event's day
    // (days since 1970-01-01), one partition a year, made ahead for last, this and next year and
    // on demand by points_events_ensure_day() (the store calls it before the first insert of a
    // year it has not seen). A primary key of a partitioned table must hold the partition key,
    // so it is (id, day); id stays unique through its sequence. A reversal copies its original's
    // day, so a unique index on (reverses, day) and the foreign key (reverses, day) → (id, day) keep
    // the old UNIQUE (reverses) and REFERENCES (id). SQLite keeps one table.
    {90, "points ledger partitioned by year (PostgreSQL)", "", "",
     R"SQL(
ALTER SEQUENCE points_events_id_seq OWNED BY NONE;
ALTER TABLE points_events RENAME TO points_events_unpartitioned;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT indexname FROM pg_indexes WHERE tablename = 'points_events_unpartitioned' LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.indexname, r.indexname || '_unpartitioned');
  END LOOP;
END $$;
-- The same columns, NOT NULLs and defaults (id: nextval of the kept sequence).
CREATE TABLE points_events (
  LIKE points_events_unpartitioned INCLUDING DEFAULTS,
  PRIMARY KEY (id, day),
  FOREIGN KEY (member_id) REFERENCES points_members(id),
  FOREIGN KEY (rule_id) REFERENCES points_rules(id)
) PARTITION BY RANGE (day);
ALTER SEQUENCE points_events_id_seq OWNED BY points_events.id;
-- TRUE when the year's partition was there already; FALSE when this call made it (made in the
-- caller's transaction, so it is gone again if that transaction rolls back).
CREATE FUNCTION points_events_ensure_year(y INTEGER) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
  part TEXT := 'points_events_y' || CASE WHEN y < 0 THEN 'm' || (-y)::TEXT ELSE y::TEXT END;
BEGIN
  IF to_regclass(part) IS NOT NULL THEN RETURN TRUE; END IF;
  -- Two servers making the same year: the second waits here, then finds it made.
  PERFORM pg_advisory_xact_lock(hashtext('points_events partitions'));
  IF to_regclass(part) IS NOT NULL THEN RETURN TRUE; END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF points_events FOR VALUES FROM (%s) TO (%s)', part,
                 make_date(y, 1, 1) - DATE '1970-01-01', make_date(y + 1, 1, 1) - DATE '1970-01-01');
  RETURN FALSE;
END $$;
CREATE FUNCTION points_events_ensure_day(d INTEGER) RETURNS BOOLEAN LANGUAGE sql AS
  $$ SELECT points_events_ensure_year(EXTRACT(YEAR FROM DATE '1970-01-01' + d)::INTEGER) $$;
SELECT points_events_ensure_year(y)
  FROM (SELECT DISTINCT EXTRACT(YEAR FROM DATE '1970-01-01' + day)::INTEGER AS y FROM points_events_unpartitioned
        UNION SELECT EXTRACT(YEAR FROM now())::INTEGER + k FROM generate_series(-1, 1) AS k) AS years;
INSERT INTO points_events SELECT * FROM points_events_unpartitioned;  -- LIKE kept the column order
DROP TABLE points_events_unpartitioned;
ALTER TABLE points_events ADD FOREIGN KEY (reverses, day) REFERENCES points_events (id, day);
-- One reversal per event: a partial index, as nearly no event is a reversal (a full one held a
-- NULL entry per event and took longer to build than the primary key).
CREATE UNIQUE INDEX points_events_reverses ON points_events(reverses, day) WHERE reverses IS NOT NULL;
-- A member's ledger and declarations (我的积分, the member's workbench).
CREATE INDEX points_events_member ON points_events(member_id, day, id);
-- Pending declarations only (the approvals list and its total, the officers' workbench): read by
-- the members of the scope, index-only; it replaces (status, day, id), whose other use, the
-- approved events of a period, reads the whole year's partition anyway (docs/postgresql-plans.md).
CREATE INDEX points_events_pending ON points_events(member_id, day, id) WHERE status = 'pending';
-- 公示: the newest decisions.
CREATE INDEX points_events_status_decided ON points_events(status, decided_at, id);
CREATE TRIGGER points_events_no_delete BEFORE DELETE ON points_events
  FOR EACH ROW EXECUTE FUNCTION points_events_append_only();
CREATE TRIGGER points_events_feed AFTER INSERT OR UPDATE OR DELETE ON points_events
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('points');
)SQL"},
    // Issue 15: the officers' workbench counted every pending declaration per request (920 ms at
    // scale 0.1, a grouped scan of the backlog). The count per unit is kept instead, by the points
    // store in the same transaction as each change (storage/sql/points_store.cpp), so every server
    // reads the same figure; `lingyan load-province` counts it once after its copy.
    {91, "points: pending declarations counted per unit (the officers' workbench)",
     R"SQL(
CREATE TABLE points_pending_units (
  unit_id BIGINT PRIMARY KEY,
  pending BIGINT NOT NULL
);
INSERT INTO points_pending_units (unit_id, pending)
  SELECT m.unit_id, COUNT(*) FROM points_events e JOIN points_members m ON m.id = e.member_id
  WHERE e.status = 'pending' AND m.ended_on = '' GROUP BY m.unit_id;
)SQL",
     "", ""},
    // Issue 15: servers keep sessions in memory and trust them for a minute while the change feed
    // follows (app/accounts/auth_service.hpp): a session ended or an account changed by another
    // process (a logout, a disabled account, a new password, the CLI) notes 'accounts' so that every
    // server drops its kept sessions. Not on new sessions or on the sliding expiry (nothing kept is
    // stale then), nor on last_login_at.
    {93, "change feed: ended sessions and changed accounts (PostgreSQL)", "", "",
     R"SQL(
CREATE TRIGGER sessions_feed AFTER DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('accounts');
CREATE TRIGGER users_feed AFTER UPDATE OF password_hash, role, scope_unit_id, active, must_change_password, display_name
  ON users FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('accounts');
CREATE TRIGGER users_deleted_feed AFTER DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note('accounts');
)SQL"},
    // Issue 15: another server's roster write is applied row by row instead of reloading the whole
    // roster (seconds at province scale). The roster tables' statement-level triggers read the
    // statement's rows from transition tables and note their keys in `change_feed_rows` beside the
    // transaction's `roster` entry (units, people, positions, party_orgs: id; unit_incomes: unit_id),
    // at most 1,000 keys a transaction: a bigger one (an import, a province load) notes ('*', 0) in
    // their place, and the readers reload the whole roster as before — as they do for a `roster`
    // entry without keys (one noted before this migration, or by hand). A statement that changed no
    // row notes nothing. Transition tables need one trigger per event. The keys are counted in the
    // transaction-local setting lingyan.feed_rows (-1 once over the limit); they are pruned with the
    // feed (storage/feed/change_feed.cpp).
    {94, "change feed: the roster's changed rows (PostgreSQL)", "", "",
     R"SQL(
CREATE TABLE change_feed_rows (
  txid BIGINT NOT NULL,
  kind TEXT NOT NULL,
  tbl TEXT NOT NULL,
  id BIGINT NOT NULL,
  PRIMARY KEY (txid, kind, tbl, id)
);
CREATE FUNCTION change_feed_note_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  feed_kind CONSTANT TEXT := TG_ARGV[0];
  keys CONSTANT TEXT := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %I FROM new_rows', TG_ARGV[1])
    WHEN 'DELETE' THEN format('SELECT %I FROM old_rows', TG_ARGV[1])
    ELSE format('SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows', TG_ARGV[1]) END;
  row_limit CONSTANT BIGINT := 1000;
  noted BIGINT := COALESCE(NULLIF(current_setting('lingyan.feed_rows', true), ''), '0')::BIGINT;
  n BIGINT;
BEGIN
  EXECUTE 'SELECT count(*) FROM (' || keys || ' LIMIT ' || (row_limit + 1) || ') s' INTO n;
  IF n = 0 THEN RETURN NULL; END IF;
  INSERT INTO change_feed (kind, origin, txid)
    VALUES (feed_kind, current_setting('application_name'), txid_current())
    ON CONFLICT (txid, kind) DO NOTHING;
  IF noted >= 0 AND noted + n > row_limit THEN
    DELETE FROM change_feed_rows WHERE txid = txid_current() AND kind = feed_kind;
    INSERT INTO change_feed_rows (txid, kind, tbl, id) VALUES (txid_current(), feed_kind, '*', 0);
    PERFORM set_config('lingyan.feed_rows', '-1', true);
  ELSIF noted >= 0 THEN
    EXECUTE format('INSERT INTO change_feed_rows (txid, kind, tbl, id) SELECT $1, $2, $3, k FROM (%s) s(k) '
                   'ON CONFLICT DO NOTHING', keys) USING txid_current(), feed_kind, TG_TABLE_NAME;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('lingyan.feed_rows', (noted + n)::TEXT, true);
  END IF;
  PERFORM pg_notify('lingyan_changes', feed_kind);
  RETURN NULL;
END $$;
DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('units', 'id'), ('people', 'id'), ('positions', 'id'), ('party_orgs', 'id'),
                                 ('unit_incomes', 'unit_id')) AS v(tbl, key) LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t.tbl || '_feed', t.tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note_rows(''roster'', %L)',
                   t.tbl || '_feed_insert', t.tbl, t.key);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note_rows(''roster'', %L)',
                   t.tbl || '_feed_update', t.tbl, t.key);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note_rows(''roster'', %L)',
                   t.tbl || '_feed_delete', t.tbl, t.key);
  END LOOP;
END $$;
)SQL"},
    // Issue 15: the approvals queue's total counted the scope's pending declarations per request
    // (~40 ms of PostgreSQL for a county at scale 0.1, ~380 ms at 1.0). When no pending declaration
    // lies outside the period asked for, the total is the sum of the counts kept per unit
    // (migration 91); this index answers that question at once (storage/sql/points_store.cpp).
    {95, "points: pending declarations by day (the approvals total)",
     R"SQL(
CREATE INDEX points_events_pending_day ON points_events(day) WHERE status = 'pending';
)SQL",
     "", ""},
    {96, "points: members by roster person (adding a member looked through all of them); those awaiting registration",
     R"SQL(
CREATE INDEX points_members_person ON points_members(person_id);
CREATE INDEX points_members_register_pending ON points_members(id) WHERE register_pending <> 0;
)SQL",
     "", ""},
    // Issue 15: another server's points write made every server rebuild its boards from the whole
    // ledger (~25 s at province scale) — also for a declaration that only waits for approval. Now
    // the ledger's triggers note only the events a statement made counted (inserted approved, or
    // approved from pending) in `change_feed_rows` (kind 'points', table 'points_events', with the
    // transaction's txid), at most 1,000 a transaction, and the readers add just those
    // (PointsService::ApplyCountedChanges); pending and rejected declarations note nothing. A
    // change to members, rules or periods notes ('*', 0): the readers rebuild the boards as before
    // — also when the same transaction counted events. The count is kept in the transaction-local
    // setting lingyan.feed_points (-1: whole). The province loader switches the insert trigger off
    // while it copies the ledger into an empty database (a transition table of 80 M rows). The
    // counting and the limit repeat migration 94's function on purpose: a transition table is
    // visible only inside the trigger's own function, so the body cannot be shared by a call.
    {97, "change feed: counted points events row by row (PostgreSQL)", "", "",
     R"SQL(
CREATE FUNCTION points_feed_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys CONSTANT TEXT := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT id FROM new_rows WHERE status = ''approved'''
    ELSE 'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
         'WHERE n.status = ''approved'' AND o.status <> ''approved''' END;
  row_limit CONSTANT BIGINT := 1000;
  noted BIGINT := COALESCE(NULLIF(current_setting('lingyan.feed_points', true), ''), '0')::BIGINT;
  n BIGINT;
BEGIN
  EXECUTE 'SELECT count(*) FROM (' || keys || ' LIMIT ' || (row_limit + 1) || ') s' INTO n;
  IF n = 0 THEN RETURN NULL; END IF;
  INSERT INTO change_feed (kind, origin, txid)
    VALUES ('points', current_setting('application_name'), txid_current())
    ON CONFLICT (txid, kind) DO NOTHING;
  IF noted >= 0 AND noted + n > row_limit THEN
    DELETE FROM change_feed_rows WHERE txid = txid_current() AND kind = 'points';
    INSERT INTO change_feed_rows (txid, kind, tbl, id) VALUES (txid_current(), 'points', '*', 0);
    PERFORM set_config('lingyan.feed_points', '-1', true);
  ELSIF noted >= 0 THEN
    EXECUTE format('INSERT INTO change_feed_rows (txid, kind, tbl, id) '
                   'SELECT $1, ''points'', ''points_events'', k FROM (%s) s(k) ON CONFLICT DO NOTHING', keys)
      USING txid_current();
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('lingyan.feed_points', (noted + n)::TEXT, true);
  END IF;
  PERFORM pg_notify('lingyan_changes', 'points');
  RETURN NULL;
END $$;
CREATE FUNCTION points_feed_whole() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (kind, origin, txid)
    VALUES ('points', current_setting('application_name'), txid_current())
    ON CONFLICT (txid, kind) DO NOTHING;
  IF COALESCE(NULLIF(current_setting('lingyan.feed_points', true), ''), '0')::BIGINT >= 0 THEN
    DELETE FROM change_feed_rows WHERE txid = txid_current() AND kind = 'points';
    INSERT INTO change_feed_rows (txid, kind, tbl, id) VALUES (txid_current(), 'points', '*', 0);
    PERFORM set_config('lingyan.feed_points', '-1', true);
  END IF;
  PERFORM pg_notify('lingyan_changes', 'points');
  RETURN NULL;
END $$;
DROP TRIGGER points_events_feed ON points_events;
CREATE TRIGGER points_events_feed_insert AFTER INSERT ON points_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION points_feed_counted();
CREATE TRIGGER points_events_feed_update AFTER UPDATE ON points_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION points_feed_counted();
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['points_members', 'points_rules', 'points_periods'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_feed', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION points_feed_whole()', t || '_feed', t);
  END LOOP;
END $$;
)SQL"},
    // A member moved, renamed, linked or ended is noted by id (another server moves, renames or links
    // it on its boards in place, and rebuilds for the rest); a new member too (a rebuild there: its ledger
    // may hold events the board's horizon saw). An update that changes none of those columns (a link
    // request, register_pending) notes nothing; deletes stay whole. The function is 97's with the key
    // query chosen by table: a transition table is visible only in the trigger's own function, so one
    // function serves both tables and their rows share one limit.
    {98, "change feed: points members row by row (PostgreSQL)", "", "",
     R"SQL(
CREATE OR REPLACE FUNCTION points_feed_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys CONSTANT TEXT := CASE
    WHEN TG_TABLE_NAME = 'points_members' AND TG_OP = 'INSERT' THEN 'SELECT id FROM new_rows'
    WHEN TG_TABLE_NAME = 'points_members' THEN
      'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.unit_id, n.name, n.person_id, '
      'n.user_id, n.ended_on) IS DISTINCT FROM (o.unit_id, o.name, o.person_id, o.user_id, o.ended_on)'
    WHEN TG_OP = 'INSERT' THEN 'SELECT id FROM new_rows WHERE status = ''approved'''
    ELSE 'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
         'WHERE n.status = ''approved'' AND o.status <> ''approved''' END;
  row_limit CONSTANT BIGINT := 1000;
  noted BIGINT := COALESCE(NULLIF(current_setting('lingyan.feed_points', true), ''), '0')::BIGINT;
  n BIGINT;
BEGIN
  EXECUTE 'SELECT count(*) FROM (' || keys || ' LIMIT ' || (row_limit + 1) || ') s' INTO n;
  IF n = 0 THEN RETURN NULL; END IF;
  INSERT INTO change_feed (kind, origin, txid)
    VALUES ('points', current_setting('application_name'), txid_current())
    ON CONFLICT (txid, kind) DO NOTHING;
  IF noted >= 0 AND noted + n > row_limit THEN
    DELETE FROM change_feed_rows WHERE txid = txid_current() AND kind = 'points';
    INSERT INTO change_feed_rows (txid, kind, tbl, id) VALUES (txid_current(), 'points', '*', 0);
    PERFORM set_config('lingyan.feed_points', '-1', true);
  ELSIF noted >= 0 THEN
    EXECUTE format('INSERT INTO change_feed_rows (txid, kind, tbl, id) '
                   'SELECT $1, ''points'', %L, k FROM (%s) s(k) ON CONFLICT DO NOTHING', TG_TABLE_NAME, keys)
      USING txid_current();
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('lingyan.feed_points', (noted + n)::TEXT, true);
  END IF;
  PERFORM pg_notify('lingyan_changes', 'points');
  RETURN NULL;
END $$;
DROP TRIGGER points_members_feed ON points_members;
CREATE TRIGGER points_members_feed_insert AFTER INSERT ON points_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION points_feed_counted();
CREATE TRIGGER points_members_feed_update AFTER UPDATE ON points_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION points_feed_counted();
CREATE TRIGGER points_members_feed_delete AFTER DELETE ON points_members
  FOR EACH STATEMENT EXECUTE FUNCTION points_feed_whole();
)SQL"},
    // Issue 15: the approvals queue of a county walked the ledger in id order testing each pending
    // event's member (full scale: p99 6.7 s under 200 users). The queue is kept by unit instead — the
    // pending declarations of current members, each with its member's unit and its day —, by the
    // points store in the same transaction as the per-unit counts of migration 91 (declaration,
    // decision, a member moved, ended or back); `lingyan load-province` fills it after its copy.
    {99, "points: the approvals queue kept by unit",
     R"SQL(
CREATE TABLE points_pending_queue (
  event_id BIGINT PRIMARY KEY,
  unit_id BIGINT NOT NULL,
  day INTEGER NOT NULL
);
-- Both covering: a page is read from an index alone — along the ids (a wide scope: the admin, a
-- city) or the scope's units, sorted (a county, a town); the planner picks by the scope's share.
CREATE INDEX points_pending_queue_unit ON points_pending_queue (unit_id, event_id, day);
CREATE INDEX points_pending_queue_order ON points_pending_queue (event_id, unit_id, day);
INSERT INTO points_pending_queue (event_id, unit_id, day)
  SELECT e.id, m.unit_id, e.day FROM points_events e JOIN points_members m ON m.id = e.member_id
  WHERE e.status = 'pending' AND m.ended_on = '';
)SQL",
     "", ""},
    // Issue 15: a start read the whole ledger to build the boards (80 M events at province scale,
    // 15–25 s of both cores). A board's totals are kept here as of a horizon of the ledger
    // (core/points/board_snapshot.hpp; PointsService writes them after a build and refreshes them
    // from the change feed), and a start reads them and only the events counted after. PostgreSQL
    // only: the horizon and the feed's rows exist there. The horizon's transaction numbers mean
    // something only in the cluster that wrote it: `system_id` (pg_control_system) tells a dump
    // restored elsewhere. Stored uncompressed (the varints do not compress, and pglz would try).
    {100, "points: board snapshots between starts (PostgreSQL)", "", "",
     R"SQL(
CREATE TABLE points_board_snapshots (
  period_id BIGINT PRIMARY KEY REFERENCES points_periods(id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  horizon TEXT NOT NULL,
  system_id BIGINT NOT NULL,
  taken_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  data BYTEA NOT NULL
);
ALTER TABLE points_board_snapshots ALTER COLUMN data SET STORAGE EXTERNAL;
)SQL"},
    // Issue 15: a points transaction of more than 1,000 noted rows was noted whole ('*'): a bulk
    // record for a town's members (up to 10,000, PointsService::RecordBulk) made every other server
    // rebuild its boards from the whole ledger and left the board snapshot unable to follow the feed
    // (the next start read the ledger). The points kind notes up to 10,000 rows a transaction now.
    // The function is migration 98's with that one constant changed, rewritten from its own
    // definition rather than restated (the migration refuses to run if the constant is not there).
    {101, "change feed: points transactions noted row by row up to 10,000 rows (PostgreSQL)", "", "",
     R"SQL(
DO $$
DECLARE
  def CONSTANT TEXT := pg_get_functiondef('points_feed_counted()'::regprocedure);
  was CONSTANT TEXT := 'row_limit CONSTANT BIGINT := 1000;';
BEGIN
  IF position(was IN def) = 0 THEN
    RAISE EXCEPTION 'points_feed_counted: row limit not found';
  END IF;
  EXECUTE replace(def, was, 'row_limit CONSTANT BIGINT := 10000;');
END $$;
)SQL"},
    // The audit page (app/audit AuditService::Find): a record's history, an account's changes and a
    // range of days are read from indexes, newest first, instead of scanning a log that grows by
    // every change (1 M entries: 1.3–1.5 s a page without them). Each ends in seq, so that a page's
    // seqs are found in the index alone (SqlStore::FindAudit) and only its 50 rows are read. Four, not
    // one per filter: each costs every audited change its insert (bench/audit_bench: the four add
    // 50–100 µs of CPU to an append of 170 µs); a kind alone is served by the record index's prefix.
    {102, "audit: indexes for the audit page's filters",
     R"SQL(
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
CREATE INDEX audit_log_action ON audit_log (entity, action, seq);
CREATE INDEX audit_log_user ON audit_log (username, seq);
CREATE INDEX audit_log_at ON audit_log (at, seq);
)SQL",
     "", ""},
    {103, "cases: the case library (经验案例库) and its Chinese full-text index",
     R"SQL(
CREATE TABLE cases (
  id {{pk}},
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL DEFAULT 0,
  url TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  owner_unit_id BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX cases_published ON cases (published, id);
CREATE INDEX cases_year ON cases (year);
CREATE TABLE case_units (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  unit_id BIGINT NOT NULL,
  PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_units_unit ON case_units (unit_id, case_id);
)SQL",
     // The tokens of core/cases/search_text, written by storage/sql/case_store.
     "CREATE VIRTUAL TABLE case_search USING fts5(title, body, tokenize = 'unicode61');",
     "ALTER TABLE cases ADD COLUMN search tsvector NOT NULL DEFAULT '';\n"
     "CREATE INDEX cases_search ON cases USING GIN (search);"},
};

std::string Render(const Migration& m, Dialect d) {
    std::string sql = m.sql;
    const std::string pk = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
    for (std::size_t pos; (pos = sql.find("{{pk}}")) != std::string::npos;) sql.replace(pos, 6, pk);
    sql += d == Dialect::kSqlite ? m.sqlite_extra : m.postgres_extra;
    return sql;
}

void EnsureVersionTable(SqlDb& db) {
    db.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
}

}  // namespace

int CurrentSchemaVersion(SqlDb& db) {
    EnsureVersionTable(db);
    auto rows = db.Query("SELECT MAX(version) FROM schema_migrations");
    return rows.empty() ? 0 : static_cast<int>(AsInt(rows[0][0]));
}

// The highest version, not the count: versions are taken by parallel branches and may have gaps
// until they are all merged.
int LatestSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

int ApplyMigrations(SqlDb& db, int up_to) {
    // Every migration not yet recorded, in version order — also one numbered below the newest
    // applied (work merged from a branch that numbered it earlier).
    EnsureVersionTable(db);
    std::set<int> done;
    for (const auto& r : db.Query("SELECT version FROM schema_migrations")) done.insert(static_cast<int>(AsInt(r[0])));
    int applied = 0;
    for (const Migration& m : kMigrations) {
        if (done.contains(m.version) || m.version > up_to) continue;
        db.Begin();
        try {
            db.ExecScript(Render(m, db.dialect()));
            db.Query("INSERT INTO schema_migrations (version, description) VALUES (?, ?)",
                     {static_cast<std::int64_t>(m.version), std::string(m.description)});
            db.Commit();
        } catch (...) {
            db.Rollback();
            throw;
        }
        ++applied;
    }
    return applied;
}

}  // namespace lingyan::storage
