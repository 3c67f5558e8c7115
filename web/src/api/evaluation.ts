// 考核创争 evaluation campaigns (docs/api.md "Evaluation campaigns"): campaign list and detail,
// the ranking board (晾晒比拼) with the per-subject explanation, publishing, award lists;
// templates and campaign creation (the framework editor), facts for the data-entry grids.
import { download, http, upload, type Query, type UploadOptions } from './http';

export type CampaignStatus = 'draft' | 'published';

export interface Campaign {
  id: number;
  name: string;
  scope_unit_id: number;
  scope_unit_name: string;
  framework: string;
  framework_version: number;
  template: string | null;
  cycle_kind: 'year' | 'quarter' | 'month';
  cycle_label: string;
  status: CampaignStatus;
  version: number;
  subject_count: number;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
}

export interface TopCriterion {
  id: string;
  name: string;
  share: number;
}

/** A scoring method's parameters (docs/evaluate.md), each present when configured. */
export interface MethodParams {
  trim?: number;
  max?: number;
  floor?: number;
  ceiling?: number;
  per?: number;
  cap?: number;
}

// ---- FRAMEWORK.json (templates, campaign creation; docs/evaluate.md) ----

export interface CriterionJson extends MethodParams {
  id: string;
  name?: string;
  weight?: number;
  method?: string;
  parent?: string;
  description?: string;
  children?: CriterionJson[];
}

export interface AwardJson {
  name: string;
  quota: number;
  min_total?: number;
}

export interface FrameworkJson {
  name?: string;
  description?: string;
  version?: unknown;
  scale?: number;
  bonus_cap?: number | null;
  penalty_cap?: number | null;
  tiebreak?: string[];
  awards?: AwardJson[];
  criteria?: CriterionJson[];
}

export interface Criterion extends MethodParams {
  id: string;
  name: string;
  parent: string;
  level: number;
  method: string;
  weight: number;
  share: number;
  global_share: number;
}

export interface Award {
  name: string;
  quota: number;
  min_total: number | null;
}

export interface Subject {
  id: number;
  unit_id: number;
  name: string;
  unit_name: string;
  town_id: number | null;
  town_name: string | null;
  /** 赛道 name, "" = none. */
  track?: string;
  person_id?: number | null;
}

/** 赛道: subjects ranked separately; `coefficient` multiplies their totals (1 = none). */
export interface Track {
  name: string;
  coefficient: number;
}

/** Result band (分档): `share` of the ranked subjects as a fraction (0.2 = 20%). */
export interface Band {
  name: string;
  share: number;
  follow_up: boolean;
}

/** Negative list (e.g. 躺平奖): the bottom `count` by `criterion` ("" = the total). */
export interface NegativeSpec {
  name: string;
  criterion: string;
  count: number;
}

/** Criterion owner (username) and entry window (YYYY-MM-DD, "" = open). */
export interface Owner {
  criterion: string;
  owner: string;
  opens_on: string;
  closes_on: string;
}

/** Body of PUT /campaigns/{id}/settings (draft campaigns only). */
export interface CampaignSettings {
  tracks: Track[];
  subject_tracks: { subject_id: number; track: string }[];
  bands: Band[];
  negative: NegativeSpec | null;
  reason: string;
}

export interface FollowUp {
  id: number;
  subject_id: number;
  version: number;
  band: string;
  action: string;
  leader: string;
  deadline: string;
  status: 'open' | 'done';
  outcome: string;
  created_by: string;
  created_at: string;
  closed_by: string;
  closed_at: string;
}

export interface NewFollowUp {
  subject_id: number;
  action: string;
  leader: string;
  deadline: string;
}

export interface NegativeList extends NegativeSpec {
  overflow: number;
  subjects: { subject_id: number; name: string; value: number }[];
}

/** 200 of POST /facts/from-metric; `skipped` names the subjects without metric data. */
export interface MetricFillResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: string[];
}

export interface FactImportResult extends FactOutcome {
  layout: string;
}

export interface CampaignDetail extends Campaign {
  scale: number;
  bonus_cap?: number | null;
  penalty_cap?: number | null;
  tiebreak?: string[];
  top_criteria: TopCriterion[];
  criteria: Criterion[];
  awards: Award[];
  subjects: Subject[];
  fact_count: number;
  /** Older servers leave these out; the pages treat a missing list as empty. */
  tracks?: Track[];
  bands?: Band[];
  negative?: NegativeSpec | null;
  owners?: Owner[];
  /** Facts exist: the framework can no longer change. */
  locked?: boolean;
}

export interface RankingRow {
  rank: number;
  subject_id: number;
  unit_id: number;
  name: string;
  town_id: number | null;
  town_name: string | null;
  total: number;
  total_text: string;
  bonus: number;
  penalty: number;
  vetoed: boolean;
  veto_reason: string | null;
  incomplete: boolean;
  award: string | null;
  gap_to_best: number;
  gap_to_above: number;
  scores: Record<string, number>;
  track?: string | null;
  coefficient?: number;
  /** Rank within the subject's track (the overall rank without one). */
  track_rank?: number;
  band?: string | null;
  /** The subject's band asks for a follow-up (整改跟进). */
  follow_up?: boolean;
}

export interface AwardResult extends Award {
  overflow: number;
  winners: { subject_id: number; name: string; rank: number; total: number }[];
}

export interface Ranking {
  campaign: Campaign;
  top_criteria: TopCriterion[];
  rows: RankingRow[];
  awards: AwardResult[];
  pending: string[];
  negative?: NegativeList | null;
}

export interface ExplainInput {
  key: string;
  value: number | string | null;
  dropped?: boolean;
  derived?: boolean;
}

export interface ExplainCriterion {
  id: string;
  name: string;
  level: number;
  method: string;
  inputs: ExplainInput[];
  missing: boolean;
  s: number | null;
  weight: number;
  share: number;
  global_share: number;
  contribution: number | null;
}

export interface Explanation extends Omit<RankingRow, 'bonus' | 'penalty'> {
  campaign_id: number;
  scale: number;
  s_root: number;
  bonus: { raw: number; applied: number };
  penalty: { raw: number; applied: number };
  best: string | null;
  above: string | null;
  criteria: ExplainCriterion[];
}

export interface Snapshot {
  campaign_id: number;
  version: number;
  ranking: { subject_id: number; name: string; rank: number; total: number; vetoed: boolean; incomplete: boolean; award: string | null }[];
}

/** A built-in template (GET /templates): `framework` is its FRAMEWORK.json. */
export interface Template {
  key: string;
  title: string;
  subjects: string;
  name: string;
  framework: FrameworkJson;
}

/** Body of POST /campaigns: a built-in `template` or a `framework`, never both. */
export interface NewCampaign {
  name: string;
  scope_unit_id?: number;
  template?: string;
  framework?: FrameworkJson;
  cycle_kind: 'year' | 'quarter' | 'month';
  cycle_label: string;
  subjects: (number | { unit_id: number; label: string } | { project_id: number } | { person_id: number })[];
  awards?: { name: string; quota: number; min_total?: number }[];
}

/** A stored fact (GET /campaigns/{id}/facts); `judge` is "" except for judges scores. */
export interface FactRecord {
  id: number;
  subject_id: number;
  criterion: string;
  key: string;
  judge: string;
  value: string;
  entered_by: string;
  entered_at: string;
}

/** One row of POST /campaigns/{id}/facts; `value` null removes the stored fact. */
export interface FactInput {
  subject_id: number;
  criterion: string;
  key: string;
  value: string | null;
  judge?: string;
}

export interface FactOutcome {
  inserted: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Board filter: `town` keeps one town's subjects, `unit` any subtree (county, town…). */
export interface BoardFilter {
  town?: number | null;
  unit?: number | null;
}

/** Query of GET /campaigns/{id}/ranking: one of town= or unit=, never both, nothing when empty. */
export function rankingQuery(filter: BoardFilter = {}): Query {
  if (filter.town) return { town: filter.town };
  if (filter.unit) return { unit: filter.unit };
  return {};
}

export const evaluationApi = {
  campaigns: () => http.get<{ items: Campaign[] }>('/campaigns'),
  templates: () => http.get<{ items: Template[] }>('/templates'),
  /** 422 (field errors) is left to the form. */
  create: (body: NewCampaign) => http.post<CampaignDetail>('/campaigns', body),
  facts: (id: number, subjectId?: number) => http.get<{ items: FactRecord[] }>(`/campaigns/${id}/facts`, { subject: subjectId }),
  /** All or nothing; 422 carries `rows` (1-based positions in `facts`), shown by the grid. */
  saveFacts: (id: number, facts: FactInput[], reason?: string) =>
    http.post<FactOutcome>(`/campaigns/${id}/facts`, reason ? { facts, reason } : { facts }),
  campaign: (id: number) => http.get<CampaignDetail>(`/campaigns/${id}`, undefined, { quiet: true }),
  ranking: (id: number, filter: BoardFilter = {}) => http.get<Ranking>(`/campaigns/${id}/ranking`, rankingQuery(filter), { quiet: true }),
  explain: (id: number, subjectId: number) => http.get<Explanation>(`/campaigns/${id}/subjects/${subjectId}/explain`),
  publish: (id: number) => http.post<{ campaign: Campaign; result: Snapshot }>(`/campaigns/${id}/publish`),
  reopen: (id: number, reason: string) => http.post<Campaign>(`/campaigns/${id}/versions`, { reason }),
  result: (id: number) =>
    http.get<{ version: number; published_by: string; published_at: string; result: Snapshot }>(`/campaigns/${id}/result`, undefined, { quiet: true }),
  downloadAwards: (id: number, fallbackName: string) => download(`/campaigns/${id}/awards.xlsx`, undefined, fallbackName),
  /** Draft campaigns without facts only (409 once locked); 422 names the field. */
  replaceFramework: (id: number, framework: FrameworkJson) =>
    http.put<CampaignDetail>(`/campaigns/${id}/framework`, { framework }, { quiet: true }),
  saveSettings: (id: number, body: CampaignSettings) => http.put<CampaignDetail>(`/campaigns/${id}/settings`, body, { quiet: true }),
  saveOwners: (id: number, owners: Owner[]) => http.put<CampaignDetail>(`/campaigns/${id}/owners`, { owners }, { quiet: true }),
  followUps: (id: number) => http.get<{ items: FollowUp[] }>(`/campaigns/${id}/followups`, undefined, { quiet: true }),
  addFollowUp: (id: number, body: NewFollowUp) => http.post<FollowUp>(`/campaigns/${id}/followups`, body, { quiet: true }),
  closeFollowUp: (id: number, followUpId: number, outcome: string) =>
    http.post<FollowUp>(`/campaigns/${id}/followups/${followUpId}/close`, { outcome }, { quiet: true }),
  factsFromMetric: (id: number, criterion: string, metric: string, month: number) =>
    http.post<MetricFillResult>(`/campaigns/${id}/facts/from-metric`, { criterion, metric, month }, { quiet: true }),
  downloadFactsTemplate: (id: number, fallbackName: string) => download(`/campaigns/${id}/facts/template.xlsx`, undefined, fallbackName),
  /** Raw .xlsx body; 422 carries `rows` (sheet, row, field, message). */
  importFacts: (id: number, file: File, options: UploadOptions = {}) =>
    upload<FactImportResult>(`/campaigns/${id}/facts/import`, file, { quiet: true, ...options }),
};
