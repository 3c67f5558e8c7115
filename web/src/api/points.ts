// 党员积分 points (docs/api.md "Points"): rules catalog and period, my points, submitting
// activities, the approvals queue, leaderboards, star distribution and 公示. Points travel as
// decimal strings with two decimals ("12.50"); the pages show them as they come.
import { download, http, type Query } from './http';

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

export interface PointsPeriod {
  id: number;
  name: string;
  from: string;
  to: string;
  stars: string[];
  base_points: string;
  zeroing_rules: string[];
  publicity_days: number;
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

export interface MemberRanks {
  member: MemberRef;
  total: string;
  stars: number;
  ranks: ScopeRank[];
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
}

export interface Leaderboard {
  unit_id: number;
  unit_name: string;
  category: string;
  size: number;
  items: LeaderboardEntry[];
}

export interface StarDistribution {
  unit_id: number;
  unit_name: string;
  members: number;
  counts: { stars: number; count: number }[];
}

export interface Publicity {
  unit_id: number;
  unit_name: string;
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
}

/** Query of GET /points/leaderboard: empty unit = the caller's scope, empty category = total. */
export function leaderboardQuery(q: LeaderboardQuery): Query {
  return { unit: q.unit || undefined, category: q.category || undefined, top: q.top };
}

export const pointsApi = {
  rules: () => http.get<{ items: PointsRule[]; categories: string[]; period: PointsPeriod }>('/points/rules', undefined, { quiet: true }),
  me: () => http.get<MyPoints>('/points/me', undefined, { quiet: true }),
  submit: (activity: NewActivity) => http.post<PointsEvent>('/points/events', activity),
  approvals: (unit?: number | null, limit = 200) => http.get<{ items: PointsEvent[] }>('/points/approvals', { unit: unit || undefined, limit }, { quiet: true }),
  approve: (id: number) => http.post<PointsEvent>(`/points/events/${id}/approve`),
  reject: (id: number, reason: string) => http.post<PointsEvent>(`/points/events/${id}/reject`, { reason }),
  leaderboard: (q: LeaderboardQuery) => http.get<Leaderboard>('/points/leaderboard', leaderboardQuery(q), { quiet: true }),
  ranks: (memberId: number, category?: string) => http.get<MemberRanks>(`/points/members/${memberId}/ranks`, { category }, { quiet: true }),
  stars: (unit?: number | null) => http.get<StarDistribution>('/points/stars', { unit: unit || undefined }, { quiet: true }),
  exportPublicity: (unit?: number | null, days?: number) =>
    download('/points/publicity.xlsx', { unit: unit || undefined, days }, '积分公示.xlsx'),
  exportLeaderboard: (q: LeaderboardQuery) => download('/points/leaderboard.xlsx', leaderboardQuery(q), '积分排行.xlsx'),
  publicity: (unit?: number | null, days?: number) => http.get<Publicity>('/points/publicity', { unit: unit || undefined, days }, { quiet: true }),
};
