// 培育 training (docs/api.md "Talent pipeline and training"): talent pools with quotas and
// candidate checks, programs with batches, placements (host recommendation, override),
// seminars and attendance, agreements, follow-ups and the program dashboard.
import { download, http } from './http';

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
  /** Placements at this host over all batches; the capacity is per batch (trainees at a time). */
  placed: number;
  by_batch: { batch_id: number; batch_name: string; placed: number }[];
}

/** Places a host offers per batch unless the officer says otherwise (the server's default too). */
export const DEFAULT_HOST_CAPACITY = 3;

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
  /** Why this host: what the units share and the income ratio. */
  why: string;
  reason: string;
  alternatives: { host_unit_id: number; name: string; similarity: number; gap: number; value: number }[];
}

export interface CandidateTrainee {
  person_id: number;
  person_name: string;
  unit_name: string;
  host_name: string;
  value: number;
  why: string;
}

export interface Recommendation {
  batch_id: number;
  min_similarity: number;
  /** Trainees of the batch; 0 → `candidates` suggests whom to enrol. */
  enrolled: number;
  candidates: CandidateTrainee[];
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

export interface CandidatePage {
  items: Candidate[];
  eligible: number;
  total: number;
  offset: number;
  limit: number;
}

export interface NewPool {
  name: string;
  scope_unit_id?: number;
  quota: number;
  description?: string;
  rules?: Record<string, unknown>;
  town_quota?: Record<string, number>;
}

export interface NewProgram {
  name: string;
  kind: ProgramSummary['kind'];
  scope_unit_id?: number;
  start_date: string;
  end_date: string;
  description?: string;
  hosts: { unit_id: number; capacity: number; mentor_person_id?: number }[];
  batches: { name: string; start_date: string; end_date: string; trainees?: number[] }[];
}

export type Agreement = Program['agreements'][number];
export type FollowUp = Program['followups'][number];

export interface PlacementPatch {
  host_unit_id?: number;
  mentor_person_id?: number;
  start_date?: string;
  end_date?: string;
  focus?: string[];
}

// ---- 四岗十五级 ladder and bonus pool ----
export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export type Grade = (typeof GRADES)[number];

export interface LadderStep {
  id: number;
  post: string;
  level: number;
  effective_date: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

export interface LadderPerson {
  person_id: number;
  name: string;
  unit_id: number;
  unit_name: string;
  current: LadderStep | null;
  pay_min_yuan: number | null;
  pay_max_yuan: number | null;
  history?: LadderStep[];
  promotion?: { eligible: boolean; current_level: number; next_level: number; years_at_level: number; years_required: number; reasons: string[] } | null;
}

export interface LadderConfig {
  posts: string[];
  levels: { level: number; pay_min_yuan: number; pay_max_yuan: number; bonus_weight: number }[];
  years_per_step: number;
  excellent_bonus_years: number;
}

export interface LadderChange {
  action: 'set' | 'promote' | 'demote';
  post?: string;
  level?: number;
  date?: string;
  reason?: string;
  grade?: Grade;
}

export interface LadderEvaluation {
  unit_id: number;
  as_of: string;
  applied: boolean;
  promoted: number;
  demoted: number;
  unchanged: number;
  rows: { person_id: number; name: string; unit_name: string; post: string; grade: string; level: number; new_level: number; action: 'promote' | 'demote' | 'stay'; reasons: string[] }[];
}

export interface BonusLine {
  line_no: number;
  person_id: number;
  name: string;
  post: string;
  level: number;
  grade: string;
  level_weight: number;
  coefficient: number;
  weight: number;
  amount_fen: number;
  amount_yuan: string;
  arithmetic: string;
}

export interface BonusSplit {
  id: number;
  unit_id: number;
  unit_name: string;
  period: string;
  pool_fen: number;
  pool_yuan: string;
  total_weight: number;
  as_of: string;
  summary: string;
  created_by: string;
  created_at: string;
  lines?: BonusLine[];
}

export interface NewBonusSplit {
  unit_id: number;
  period: string;
  pool_fen: number;
  as_of?: string;
  grades?: { person_id: number; grade: Grade }[];
  /** Grades from a published campaign of people, as for the ladder review. */
  campaign_id?: number;
  dry_run?: boolean;
}

/** Yuan as typed ("12345.6") to integer fen, or null when not a positive amount with ≤ 2 decimals. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 && Number.isSafeInteger(fen) ? fen : null;
}

export const trainingApi = {
  pools: () => http.get<{ items: Pool[] }>('/pools'),
  pool: (id: number) => http.get<PoolDetail>(`/pools/${id}`, undefined, { quiet: true }),
  /** 人才库名单: every member with the roster facts of a 名册 (no ID number, no phone), as a workbook. */
  exportPoolMembers: (id: number, poolName: string) => download(`/pools/${id}/members.xlsx`, undefined, `${poolName || '人才库'}-名单.xlsx`),
  /** 跟岗名单: a program's placements as a workbook. */
  exportPlacements: (id: number) => download(`/programs/${id}/placements.xlsx`, undefined, '跟岗名单.xlsx'),
  candidates: (id: number, page: { unit?: number | null; offset?: number; limit?: number } = {}) =>
    http.get<CandidatePage>(`/pools/${id}/candidates`, { unit: page.unit || undefined, offset: page.offset, limit: page.limit }, { quiet: true }),
  createPool: (body: NewPool) => http.post<Pool>('/pools', body, { quiet: true }),
  setMember: (id: number, body: { person_id: number; state?: MemberState; date?: string; note?: string; override_reason?: string }) =>
    http.post<PoolMember>(`/pools/${id}/members`, body, { quiet: true }),
  programs: () => http.get<{ items: ProgramSummary[] }>('/programs'),
  /** 培训项目台账: the programs with their figures, as a workbook (officers). */
  exportPrograms: () => download('/programs.xlsx', undefined, '培训项目台账.xlsx'),
  program: (id: number) => http.get<Program>(`/programs/${id}`, undefined, { quiet: true }),
  recommendation: (id: number, batch: number, minSimilarity?: number) =>
    http.get<Recommendation>(`/programs/${id}/recommendation`, { batch, min_similarity: minSimilarity }, { quiet: true }),
  place: (id: number, placements: NewPlacement[]) => http.post<{ items: Placement[] }>(`/programs/${id}/placements`, { placements }, { quiet: true }),
  createProgram: (body: NewProgram) => http.post<Program>('/programs', body, { quiet: true }),
  updateProgram: (id: number, body: Partial<Pick<ProgramSummary, 'name' | 'kind' | 'start_date' | 'end_date' | 'description'>>) =>
    http.patch<Program>(`/programs/${id}`, body, { quiet: true }),
  deleteProgram: (id: number) => http.delete<ProgramSummary>(`/programs/${id}`, { quiet: true }),
  addBatch: (id: number, body: { name: string; start_date: string; end_date: string; trainees?: number[] }) =>
    http.post(`/programs/${id}/batches`, body, { quiet: true }),
  addTrainees: (id: number, batch: number, trainees: number[]) => http.post(`/programs/${id}/batches/${batch}/trainees`, { trainees }, { quiet: true }),
  setHosts: (id: number, hosts: { unit_id: number; capacity: number; mentor_person_id?: number }[]) =>
    http.post<{ items: Host[] }>(`/programs/${id}/hosts`, { hosts }, { quiet: true }),
  updatePlacement: (id: number, pid: number, body: PlacementPatch) => http.patch<Placement>(`/programs/${id}/placements/${pid}`, body, { quiet: true }),
  deletePlacement: (id: number, pid: number) => http.delete<Placement>(`/programs/${id}/placements/${pid}`, { quiet: true }),
  addSeminar: (id: number, body: { batch_id?: number; date: string; topic: string; location?: string; attendance: { person_id: number; present: boolean }[] }) =>
    http.post(`/programs/${id}/seminars`, body, { quiet: true }),
  summary: (id: number, pid: number, body: { text: string; date?: string }) => http.post<Placement>(`/programs/${id}/placements/${pid}/summary`, body, { quiet: true }),
  assess: (id: number, pid: number, body: { grade: string; text?: string }) => http.post<Placement>(`/programs/${id}/placements/${pid}/assessment`, body, { quiet: true }),
  actions: (id: number, pid: number, items: string[]) => http.post<{ items: FollowUp[] }>(`/programs/${id}/placements/${pid}/actions`, { items }, { quiet: true }),
  completeFollowUp: (id: number, fid: number, body: { note?: string; date?: string }) => http.post<FollowUp>(`/programs/${id}/followups/${fid}`, body, { quiet: true }),
  addAgreements: (id: number, agreements: { unit_a: number; unit_b: number; title: string; content?: string; signed_on?: string; status: string }[]) =>
    http.post<{ items: Agreement[] }>(`/programs/${id}/agreements`, { agreements }, { quiet: true }),
  updateAgreement: (id: number, aid: number, body: Partial<Pick<Agreement, 'title' | 'content' | 'signed_on' | 'status'>>) =>
    http.patch<Agreement>(`/programs/${id}/agreements/${aid}`, body, { quiet: true }),
  deleteAgreement: (id: number, aid: number) => http.delete<Agreement>(`/programs/${id}/agreements/${aid}`, { quiet: true }),
  ladderConfig: () => http.get<LadderConfig>('/ladder/config'),
  ladder: (unit: number | null, asOf?: string, gradedOnly = false) =>
    http.get<{ items: LadderPerson[]; graded: number; people: number }>('/ladder', { unit: unit || undefined, as_of: asOf || undefined, graded: gradedOnly ? 1 : undefined }, { quiet: true }),
  personLadder: (person: number, grade?: Grade, asOf?: string) =>
    http.get<LadderPerson>(`/people/${person}/ladder`, { grade: grade || undefined, as_of: asOf || undefined }, { quiet: true }),
  changeLadder: (person: number, body: LadderChange) => http.post<LadderPerson>(`/people/${person}/ladder`, body, { quiet: true }),
  evaluateLadder: (body: {
    unit_id: number;
    as_of?: string;
    grades: { person_id: number; grade: Grade }[];
    apply: boolean;
    /** Grades from a published campaign of people; explicit `grades` win. */
    campaign_id?: number;
  }) =>
    http.post<LadderEvaluation>('/ladder/evaluate', body, { quiet: true }),
  bonusSplits: () => http.get<{ items: BonusSplit[] }>('/bonus-splits'),
  bonusSplit: (id: number) => http.get<BonusSplit>(`/bonus-splits/${id}`, undefined, { quiet: true }),
  splitBonus: (body: NewBonusSplit) => http.post<BonusSplit>('/bonus-splits', body, { quiet: true }),
  deleteBonusSplit: (id: number) => http.delete<BonusSplit>(`/bonus-splits/${id}`, { quiet: true }),
  bonusExportPath: (id: number) => `/bonus-splits/${id}/export.xlsx`,
  gap: (traineeUnit: number, hostUnit: number) => http.get<Gap>(`/units/${traineeUnit}/gap`, { host: hostUnit }, { quiet: true }),
};
