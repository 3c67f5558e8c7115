// 培育 training (docs/api.md "Talent pipeline and training"): talent pools with quotas and
// candidate checks, programs with batches, placements (host recommendation, override),
// seminars and attendance, agreements, follow-ups and the program dashboard.
import { http } from './http';

export type MemberState = 'nominated' | 'selected' | 'in_training' | 'graduated' | 'appointed' | 'left';

export interface Pool {
  id: number;
  name: string;
  scope_unit_id: number;
  scope_unit_name: string;
  quota: number;
  used: number;
  free: number;
  by_town: Record<string, { town: string; used: number; quota: number | null }>;
  by_state: Partial<Record<MemberState, number>>;
  rules: Record<string, unknown>;
  description: string;
  created_by: string;
  created_at: string;
}

export interface PoolMember {
  membership_id: number;
  person_id: number;
  name: string;
  unit_name: string;
  town_id: number | null;
  town_name: string | null;
  state: MemberState;
  nominated_on: string;
  override_reason: string;
  history: { from: string; to: string; date: string; note: string }[];
}

export interface PoolDetail extends Pool {
  members: PoolMember[];
}

export interface Check {
  rule: string;
  passed: boolean;
  reason: string;
}

export interface Candidate {
  person_id: number;
  name: string;
  unit_name: string;
  town_id: number | null;
  town_name: string | null;
  birth_date: string;
  education: string;
  current_post: string;
  party: string;
  eligible: boolean;
  checks: Check[];
  member_state: MemberState | '';
}

export interface Dashboard {
  batches: number;
  trainees: number;
  placements: number;
  hosts: number;
  placements_by_host: { host: string; count: number }[];
  seminars: number;
  attendance_present: number;
  attendance_total: number;
  attendance_rate: number;
  summaries_in: number;
  assessments_in: number;
  agreements_total: number;
  agreements_signed: number;
  followups_total: number;
  followups_due: number;
  followups_done: number;
  followup_completion: number;
}

export interface ProgramSummary {
  id: number;
  name: string;
  kind: 'shadow' | 'cohort' | 'demonstration' | 'secondment';
  scope_unit_id: number;
  scope_unit_name: string;
  start_date: string;
  end_date: string;
  description: string;
  created_by: string;
  created_at: string;
  dashboard: Dashboard;
}

export interface Placement {
  id: number;
  batch_id: number;
  person_id: number;
  person_name: string;
  trainee_unit_id: number;
  trainee_unit_name: string;
  host_unit_id: number;
  host_unit_name: string;
  mentor_person_id: number | null;
  mentor_name: string;
  start_date: string;
  end_date: string;
  focus: string;
  assessment_grade: string;
  assessment_text: string;
  summary_text: string;
  summary_date: string;
  followups: number;
  followups_done: number;
}

export interface Host {
  unit_id: number;
  name: string;
  capacity: number;
  mentor_person_id: number | null;
  mentor_name: string;
  placed: number;
}

export interface Program extends ProgramSummary {
  batches: { id: number; name: string; start_date: string; end_date: string; trainees: { person_id: number; name: string }[] }[];
  hosts: Host[];
  placements: Placement[];
  seminars: { id: number; batch_id: number | null; date: string; topic: string; location: string; present: number; absent: number }[];
  agreements: { id: number; unit_a: number; unit_a_name: string; unit_b: number; unit_b_name: string; title: string; content: string; signed_on: string; status: string }[];
  followups: { id: number; placement_id: number; item: string; months: number; due_date: string; status: 'open' | 'done'; note: string; done_on: string }[];
}

export interface Comparison {
  unit_id: number;
  name: string;
  economy: string;
  dev_zone: boolean;
  near_highway: boolean;
  population: number;
  income: number | null;
  income_year: number | null;
  incomes: { year: number; amount_yuan: number }[];
}

export interface RecommendationRow {
  person_id: number;
  person_name: string;
  trainee: Comparison;
  host: Comparison | null;
  similarity: number;
  gap: number;
  value: number;
  income_ratio: number;
  reason: string;
  alternatives: { host_unit_id: number; name: string; similarity: number; gap: number; value: number }[];
}

export interface Recommendation {
  batch_id: number;
  min_similarity: number;
  placed: number;
  unplaced: number;
  total_value: number;
  rows: RecommendationRow[];
}

export interface Gap {
  trainee: Comparison;
  host: Comparison;
  similarity: number;
  gap: number;
  years: { year: number; trainee: number | null; host: number | null; gap: number | null }[];
}

export interface NewPlacement {
  person_id: number;
  host_unit_id: number;
  batch_id?: number;
}

export const trainingApi = {
  pools: () => http.get<{ items: Pool[] }>('/pools'),
  pool: (id: number) => http.get<PoolDetail>(`/pools/${id}`, undefined, { quiet: true }),
  candidates: (id: number, unit?: number | null) => http.get<{ eligible: number; items: Candidate[] }>(`/pools/${id}/candidates`, { unit: unit || undefined }, { quiet: true }),
  setMember: (id: number, body: { person_id: number; state?: MemberState; date?: string; note?: string; override_reason?: string }) =>
    http.post<PoolMember>(`/pools/${id}/members`, body, { quiet: true }),
  programs: () => http.get<{ items: ProgramSummary[] }>('/programs'),
  program: (id: number) => http.get<Program>(`/programs/${id}`, undefined, { quiet: true }),
  recommendation: (id: number, batch: number, minSimilarity?: number) =>
    http.get<Recommendation>(`/programs/${id}/recommendation`, { batch, min_similarity: minSimilarity }, { quiet: true }),
  place: (id: number, placements: NewPlacement[]) => http.post<{ items: Placement[] }>(`/programs/${id}/placements`, { placements }, { quiet: true }),
  gap: (traineeUnit: number, hostUnit: number) => http.get<Gap>(`/units/${traineeUnit}/gap`, { host: hostUnit }, { quiet: true }),
};
