// 党员积分 points (docs/api.md "Points"): rules catalog and period, my points, submitting
// activities, the approvals queue, leaderboards, star distribution and 公示. Points travel as
// decimal strings with two decimals ("12.50"); the pages show them as they come.
import { download, http, upload, type Query, type UploadOptions } from './http';

export type EventStatus = 'pending' | 'approved' | 'rejected';

export interface PointsRule {
  id: number;
  code: string;
  name: string;
  category: string;
  points: string;
  cap: string | null;
  needs_approval: boolean;
  evidence: string;
  active: boolean;
}

export interface GradeQuota {
  name: string;
  /** "1/3": at most that share of a branch; null for the last grade (everyone left). */
  max_share: string | null;
}

export interface PointsPeriod {
  id: number;
  name: string;
  from: string;
  to: string;
  stars: string[];
  base_points: string;
  zeroing_rules: string[];
  grades: GradeQuota[];
  /** The grades as typed: "优秀:1/3;合格". */
  grades_text: string;
  publicity_days: number;
  /** A closed period is read-only. */
  closed: boolean;
  /** The period containing today (else the latest): the default of every page. */
  current: boolean;
}

export interface NewPeriod {
  name: string;
  from: string;
  to: string;
  stars?: (string | number)[];
  base_points?: string | number;
  zeroing_rules?: string[];
  grades?: string;
  publicity_days?: number;
}

export type PeriodPatch = Partial<Omit<NewPeriod, 'from' | 'to'>> & { closed?: boolean };

export interface NewRule {
  code: string;
  name: string;
  category: string;
  points: string | number;
  cap?: string | number | null;
  needs_approval?: boolean;
  evidence?: string;
}

export type RulePatch = Partial<Omit<NewRule, 'code'>> & { active?: boolean };

/** What 导入积分细则 created and updated (or, on a dry run, would); `fields` names the changed columns. */
export interface RulesImportResult {
  dry_run: boolean;
  sheet: string;
  created: number;
  updated: number;
  unchanged: number;
  changes: { row: number; code: string; name: string; action: 'create' | 'update'; fields: string[] }[];
}

export interface BulkRecord {
  rule: string;
  date: string;
  quantity?: string | number;
  note: string;
  members: number[];
}

export interface PointsEvent {
  id: number;
  member_id: number;
  member_name: string;
  unit_name: string;
  rule: string;
  rule_name: string;
  category: string;
  date: string;
  quantity: string;
  worth: string;
  note: string;
  status: EventStatus;
  submitted_by: string;
  submitted_at: string;
  decided_by: string;
  decided_at: string;
  reason: string;
  reverses: number | null;
}

export interface MemberRef {
  id: number;
  name: string;
  unit_id: number;
  unit_name: string;
}

export interface ScopeRank {
  unit_id: number;
  unit_name: string;
  rank: number;
  size: number;
}

export interface SubTotal {
  from: string;
  to: string;
  total: string;
}

export interface MemberRanks {
  member: MemberRef;
  period_id: number;
  total: string;
  stars: number;
  /** A counted 清零 item zeroed the period total. */
  zeroed: boolean;
  /** Forced-distribution grade within the member's branch, or null. */
  grade: string | null;
  ranks: ScopeRank[];
  monthly: SubTotal[];
  quarterly: SubTotal[];
}

export interface MyPoints extends MemberRanks {
  base_points: string;
  by_category: { category: string; total: string }[];
  events: PointsEvent[];
}

export interface LeaderboardEntry extends MemberRef {
  rank: number;
  total: string;
  stars: number;
  grade: string | null;
}

export interface Leaderboard {
  unit_id: number;
  unit_name: string;
  period_id: number;
  category: string;
  size: number;
  top: number;
  /** Items beyond `top`, all tied with the top-th. */
  overflow: number;
  /** The tie was longer than a page carries. */
  truncated: boolean;
  items: LeaderboardEntry[];
}

export interface StarDistribution {
  unit_id: number;
  unit_name: string;
  period_id?: number;
  members: number;
  counts: { stars: number; count: number }[];
  grades?: { grade: string; count: number }[];
}

export interface Publicity {
  unit_id: number;
  unit_name: string;
  period_id: number;
  days: number;
  since: string;
  events: PointsEvent[];
  totals: LeaderboardEntry[];
}

export interface NewActivity {
  /** Omitted: the caller's own member. Approvers may submit for a member in their scope. */
  member_id?: number;
  rule: string;
  date: string;
  quantity?: string | number;
  note: string;
}

export interface LeaderboardQuery {
  unit?: number | null;
  category?: string | null;
  top?: number;
  period?: number | null;
}

/** Query of GET /points/leaderboard: empty unit = the caller's scope, empty category = total, empty period = current. */
export function leaderboardQuery(q: LeaderboardQuery): Query {
  return { unit: q.unit || undefined, category: q.category || undefined, top: q.top, period: q.period || undefined };
}

export type Decision = 'approve' | 'reject';

export interface BulkDecision {
  ids: number[];
  decision: Decision;
  reason?: string;
}

export interface ApprovalsPage {
  items: PointsEvent[];
  /** Pending events in scope and period (all pages). */
  total: number;
  offset: number;
}

const opt = (v?: number | null) => v || undefined;

export const pointsApi = {
  rules: (period?: number | null) =>
    http.get<{ items: PointsRule[]; categories: string[]; period: PointsPeriod }>('/points/rules', { period: opt(period) }, { quiet: true }),
  createRule: (rule: NewRule) => http.post<PointsRule>('/points/rules', rule),
  updateRule: (id: number, patch: RulePatch) => http.patch<PointsRule>(`/points/rules/${id}`, patch),
  /** 积分细则.xlsx: the catalog, in the columns the import reads. */
  exportRules: () => download('/points/rules.xlsx', {}, '积分细则.xlsx'),
  /** Bad rows come back as the ApiError's `rows` (quiet: the page lists them). */
  importRules: (file: File, dryRun: boolean, options: UploadOptions = {}) =>
    upload<RulesImportResult>('/points/rules/import', file, { quiet: true, ...options, query: dryRun ? { dry_run: 1 } : {} }),
  periods: () => http.get<{ items: PointsPeriod[] }>('/points/periods', undefined, { quiet: true }),
  createPeriod: (period: NewPeriod) => http.post<PointsPeriod>('/points/periods', period),
  updatePeriod: (id: number, patch: PeriodPatch) => http.patch<PointsPeriod>(`/points/periods/${id}`, patch),
  members: (unit?: number | null, q?: string, limit = 500) =>
    http.get<{ items: MemberRef[] }>('/points/members', { unit: opt(unit), q: q || undefined, limit }, { quiet: true }),
  createMember: (unitId: number, name: string) => http.post<MemberRef>('/points/members', { unit_id: unitId, name }),
  /** Links a party member's own account: admin at once, officers ask and the owner accepts. */
  linkAccount: (memberId: number, userId: number) => http.post<{ link: 'linked' | 'requested' }>(`/points/members/${memberId}/link`, { user_id: userId }),
  me: (period?: number | null) => http.get<MyPoints>('/points/me', { period: opt(period) }, { quiet: true }),
  submit: (activity: NewActivity) => http.post<PointsEvent>('/points/events', activity),
  recordBulk: (record: BulkRecord) => http.post<{ recorded: number; event_ids: number[] }>('/points/events/bulk', record),
  approvals: (unit?: number | null, limit = 200, period?: number | null, offset = 0, q = '') =>
    http.get<ApprovalsPage>('/points/approvals', { unit: opt(unit), limit, period: opt(period), offset: offset || undefined, q: q || undefined }, { quiet: true }),
  /** 批量审核: all the ids or none (the error names the first bad item); reject needs a reason. */
  decide: (body: BulkDecision) => http.post<{ decided: number; decision: Decision }>('/points/events/decide', body),
  approve: (id: number) => http.post<PointsEvent>(`/points/events/${id}/approve`),
  reject: (id: number, reason: string) => http.post<PointsEvent>(`/points/events/${id}/reject`, { reason }),
  reverse: (id: number, reason: string) => http.post<PointsEvent>(`/points/events/${id}/reverse`, { reason }),
  leaderboard: (q: LeaderboardQuery) => http.get<Leaderboard>('/points/leaderboard', leaderboardQuery(q), { quiet: true }),
  ranks: (memberId: number, category?: string, period?: number | null) =>
    http.get<MemberRanks>(`/points/members/${memberId}/ranks`, { category, period: opt(period) }, { quiet: true }),
  stars: (unit?: number | null, period?: number | null) =>
    http.get<StarDistribution>('/points/stars', { unit: opt(unit), period: opt(period) }, { quiet: true }),
  exportPublicity: (unit?: number | null, days?: number, period?: number | null) =>
    download('/points/publicity.xlsx', { unit: opt(unit), days, period: opt(period) }, '积分公示.xlsx'),
  exportLeaderboard: (q: LeaderboardQuery) => download('/points/leaderboard.xlsx', leaderboardQuery(q), '积分排行.xlsx'),
  publicity: (unit?: number | null, days?: number, period?: number | null) =>
    http.get<Publicity>('/points/publicity', { unit: opt(unit), days, period: opt(period) }, { quiet: true }),
};
