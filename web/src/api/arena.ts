// 擂台赛 arena contests (docs/api.md "Arena"): the list, a contest's setup and live state, the
// host's actions, judges' links, the judge's phone (join, view, score), results and the live
// messages (WebSocket at /contests/{id}/live; see composables/use-live.ts). Scores are numbers.
import { download, http } from './http';

export type ContestStatus = 'ready' | 'live' | 'finished';
export type ScoringState = 'idle' | 'open' | 'closed';
export type SeatMark = 'counted' | 'dropped_high' | 'dropped_low' | 'recused' | 'missing' | 'void';

export interface ContestSummary {
  id: number;
  name: string;
  unit_id: number;
  unit: string;
  public: boolean;
  year: number;
  status: ContestStatus;
  contestants: number;
  seats: number;
  campaign_id: number | null;
  created_at: string;
  seq: number;
  can_host: boolean;
  my_seat: number | null;
}

export interface SheetCriterion {
  key: string;
  name: string;
  min: number;
  max: number;
  weight: number;
  pre_scored: boolean;
}

export interface LiveContestant {
  id: number;
  order: number;
  name: string;
  unit: string;
  topic: string;
  state: 'upcoming' | 'current' | 'done';
  final: number | null;
}

export interface LiveSeat {
  seat: number;
  label: string;
  town: string;
  status: 'waiting' | 'submitted' | 'recused';
  score: number | null;
  adjusted?: number | null;
  mark: SeatMark | null;
}

export interface LiveRank {
  rank: number;
  id: number;
  name: string;
  unit: string;
  final: number;
  stage: number;
  pre: number;
  tied: boolean;
}

export interface LiveTitle {
  name: string;
  level: string;
  winners: { id: number; name: string }[];
  tie_at_boundary: boolean;
}

/** The public state of a contest, as every live message carries it. */
export interface LiveState {
  contest: { id: number; name: string; unit: string; public: boolean; status: ContestStatus; round: number; round_name: string; rounds: number };
  status: ContestStatus;
  scoring: ScoringState;
  revealed: boolean;
  timer: { running: boolean; started_at_ms: number; elapsed_ms: number; allowed_s: number };
  sheet: { criteria: SheetCriterion[]; live_max: number; trim: number; normalize: boolean };
  current: LiveContestant | null;
  order: LiveContestant[];
  seats: LiveSeat[];
  result: { stage: number; pre: number; final: number; counted: number; present: number; trimmed: number; complete: boolean } | null;
  ranking: LiveRank[];
  titles: LiveTitle[];
}

/** One message of the live stream. */
export interface LiveMessage {
  seq: number;
  /** Server Unix time in ms when sent. */
  sent_at_ms: number;
  kind: string;
  seat: number | null;
  contestant_id: number | null;
  timer: string | null;
  state: LiveState;
}

export interface ContestDetail extends ContestSummary {
  criteria: SheetCriterion[];
  aggregation: { trim: number; normalize: boolean };
  recusal: string;
  seconds_per_contestant: number;
  campaign_criterion: string;
  contestants_list: { id: number; kind: 'person' | 'unit'; person_id: number | null; unit_id: number; name: string; unit: string; topic: string }[];
  seats_list: { id: number; seat: number; label: string; home_unit_id: number; town: string; username: string; link_issued: boolean; device_bound: boolean; bound_at: string }[];
  rounds: { name: string; order: number[] }[];
  titles: { name: string; quota: number; level: string; min_score: number | null }[];
  recusals: { seat_id: number; contestant_id: number }[];
  results_pushed_at: string;
  state: LiveState;
}

export interface HostAck {
  seq: number;
  state: LiveState;
}

export interface SeatLink {
  seat_id: number;
  seat: number;
  token: string;
  /** `/arena/{id}/judge#token`: the address to open on the judge's phone. */
  path: string;
}

export interface JudgeView {
  seat: { id: number; seat: number; label: string; town: string };
  own: { contestant_id: number; round: number; values: number[]; total: number }[];
  recused: number[];
  reopened: { round: number; contestant_id: number }[];
  state: LiveState;
  csrf_token?: string;
}

export interface ScoreAck {
  seq: number;
  duplicate: boolean;
  contestant_id: number;
  total: number;
}

export interface ResultLine {
  seat: number;
  label: string;
  town: string;
  values: number[];
  total: number | null;
  adjusted: number | null;
  mark: SeatMark;
  submitted_at: string;
  void_reason: string;
  void_by: string;
}

export interface ContestantSheet {
  contestant_id: number;
  order: number;
  name: string;
  unit: string;
  topic: string;
  rank: number | null;
  pre: (number | null)[];
  result: { stage: number; pre: number; final: number; present: number; trimmed: number; complete: boolean };
  title: string;
  lines: ResultLine[];
}

export interface ContestResults {
  contest: ContestSummary;
  criteria: SheetCriterion[];
  aggregation: { trim: number; normalize: boolean };
  recusal: string;
  rounds: { name: string; sheets: ContestantSheet[] }[];
  titles: LiveTitle[];
}

export type HostAction = 'advance' | 'open' | 'close' | 'reveal' | 'finish' | 'draw';

const base = (id: number) => `/contests/${id}`;

export const arenaApi = {
  list: () => http.get<{ items: ContestSummary[] }>('/contests'),
  get: (id: number) => http.get<ContestDetail>(base(id)),
  /** 422 names the refused field (quiet: the form shows it). */
  create: (body: Record<string, unknown>) => http.post<ContestDetail>('/contests', body, { quiet: true }),
  /** A host action; refusals (409) come back quiet so that the console shows the server's words. */
  act: (id: number, action: HostAction, body?: Record<string, unknown>) =>
    http.post<HostAck>(`${base(id)}/${action}`, body ?? {}, { quiet: true }),
  timer: (id: number, action: 'start' | 'stop' | 'reset') => http.post<HostAck>(`${base(id)}/timer`, { action }, { quiet: true }),
  preScore: (id: number, contestantId: number, criterion: string, value: number) =>
    http.post<HostAck>(`${base(id)}/pre-scores`, { contestant_id: contestantId, criterion, value }, { quiet: true }),
  reopen: (id: number, seat: number, contestantId: number, reason: string, round?: number) =>
    http.post<HostAck>(`${base(id)}/scores/reopen`, { seat, contestant_id: contestantId, reason, round }, { quiet: true }),
  issueLink: (id: number, seatId: number) => http.post<SeatLink>(`${base(id)}/seats/${seatId}/link`, {}),
  results: (id: number) => http.get<ContestResults>(`${base(id)}/results`),
  downloadResults: (id: number, fallbackName: string) => download(`${base(id)}/results.xlsx`, undefined, fallbackName),
  pushResults: (id: number) => http.post<{ facts: number; honours: number; skipped: string[] }>(`${base(id)}/push-results`, {}, { quiet: true }),
  /** Messages after `after` (the polling fallback of the live stream). */
  messages: (id: number, after: number | null) =>
    http.get<{ items: LiveMessage[] }>(`${base(id)}/messages`, after === null ? {} : { after }, { quiet: true, noAuthRedirect: true }),

  // The judge's phone: no login needed (the link's device cookie); errors are shown on the page.
  join: (id: number, token: string) => http.post<JudgeView>(`${base(id)}/judge/join`, { token }, { quiet: true, noAuthRedirect: true }),
  judge: (id: number) => http.get<JudgeView>(`${base(id)}/judge`, undefined, { quiet: true, noAuthRedirect: true }),
  score: (id: number, csrf: string, body: { contestant_id: number; round?: number; values: Record<string, number>; key: string }) =>
    http.post<ScoreAck>(`${base(id)}/judge/scores`, body, { quiet: true, noAuthRedirect: true, headers: csrf ? { 'X-CSRF-Token': csrf } : {} }),
};

/** The WebSocket address of a contest's live stream, resuming after `after`. */
export function liveUrl(id: number, after: number | null, origin: string = window.location.origin): string {
  const ws = origin.replace(/^http/, 'ws');
  return `${ws}/api/v1${base(id)}/live${after === null ? '' : `?after=${after}`}`;
}
