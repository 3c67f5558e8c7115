// 考核创争 evaluation campaigns (docs/api.md "Evaluation campaigns"): campaign list and detail,
// the ranking board (晾晒比拼) with the per-subject explanation, publishing, award lists;
// templates and campaign creation (the framework editor), facts for the data-entry grids.
import { download, http, type Query } from './http';
import type { FrameworkJson } from '../utils/framework-tree';

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

export interface Criterion {
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
}

export interface CampaignDetail extends Campaign {
  scale: number;
  top_criteria: TopCriterion[];
  criteria: Criterion[];
  awards: Award[];
  subjects: Subject[];
  fact_count: number;
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
  subjects: (number | { unit_id: number; label: string })[];
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
};
