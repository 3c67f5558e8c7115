// 交办督办 the closed loop (docs/api.md "Tickets"): tickets and their workflow actions, my tasks,
// the supervision board, statistics, meetings, 议事堂 records and the notification centre.
import { download, http, upload, type Query, type UploadOptions } from './http';

export type TicketState = 'registered' | 'assigned' | 'signed' | 'in_progress' | 'reported' | 'verified' | 'closed' | 'merged' | 'split';
export type Colour = 'none' | 'blue' | 'yellow' | 'red';
export type TicketSource = 'meeting' | 'minqing' | 'yishitang' | 'hotline' | 'seminar' | 'split';
export type TicketAction =
  | 'assign'
  | 'sign'
  | 'note'
  | 'report'
  | 'accept'
  | 'send_back'
  | 'satisfied'
  | 'dissatisfied'
  | 'request_extension'
  | 'approve_extension'
  | 'reject_extension'
  | 'reassign'
  | 'merge'
  | 'split';
export type Priority = 'urgent' | 'high' | 'normal';
export type MeetingKind = 'secretary_talk' | 'work_meeting' | 'seminar' | 'dispatch';

export const CATEGORIES = ['livelihood', 'infrastructure', 'environment', 'industry', 'governance', 'other'] as const;
export const COLOURS: Colour[] = ['red', 'yellow', 'blue', 'none'];
export const TICKET_STATES: TicketState[] = ['registered', 'assigned', 'signed', 'in_progress', 'reported', 'verified', 'closed', 'merged', 'split'];
export const TICKET_SOURCES: TicketSource[] = ['meeting', 'minqing', 'yishitang', 'hotline', 'seminar', 'split'];

export interface Ticket {
  id: number;
  source: TicketSource;
  source_label: string;
  source_id: number;
  source_title: string;
  title: string;
  detail: string;
  category: string;
  priority: Priority;
  unit_id: number;
  unit: string;
  location: string;
  raiser_name: string;
  raiser_phone: string;
  state: TicketState;
  state_label: string;
  office_unit: string;
  handler_unit_id: number;
  handler_unit: string;
  leader: string;
  allowed_days: number;
  assigned_on: string | null;
  deadline: string | null;
  signed_on: string | null;
  signed_late: boolean;
  reported_on: string | null;
  closed_on: string | null;
  colour: Colour;
  working_days_left: number;
  reopen_count: number;
  send_back_count: number;
  satisfied: boolean | null;
  extension_days: number;
  extension_reason: string;
  merged_into: number;
  created_at: string;
  actions: TicketAction[];
}

export interface TicketEvent {
  id: number;
  at: string;
  on_date: string;
  user: string;
  action: string;
  from: string;
  to: string;
  note: string;
  detail: string;
}

export interface TicketDetail extends Ticket {
  events: TicketEvent[];
  children: Ticket[];
  /** Imported from a 12345 hotline export: the hotline's number, call time and 办理时限. */
  hotline?: { ref: string; called_at: string; due_on: string; imported_at: string };
}

export type ColourCounts = Record<Colour, number>;

export interface TicketPage {
  items: Ticket[];
  total: number;
  colours: ColourCounts;
}

export interface BoardPage extends TicketPage {
  talks: { unit_id: number; unit: string; reds: number }[];
  period_from: string;
  rules: ColourRules;
}

export interface ColourRules {
  blue_days_left: number;
  yellow_numerator: number;
  yellow_denominator: number;
  talk_reds: number;
  talk_period_months: number;
}

export interface AssignInput {
  unit_id: number;
  leader: string;
  days?: number;
  deadline?: string;
}

export interface NewTicket {
  title: string;
  detail?: string;
  category?: string;
  priority?: Priority;
  unit_id: number;
  location?: string;
  raiser_name?: string;
  raiser_phone?: string;
  source?: TicketSource;
  source_id?: number;
  assign?: AssignInput;
}

export interface ActionBody {
  action: TicketAction;
  note?: string;
  assign?: AssignInput;
  extension_days?: number;
  merge_into?: number;
  parts?: { title: string; assign?: AssignInput }[];
}

export interface Meeting {
  id: number;
  kind: MeetingKind;
  kind_label: string;
  title: string;
  held_on: string;
  unit_id: number;
  unit: string;
  leaders: string[];
  participants: string[];
  minutes: string;
  items: number;
  closed: number;
}

export interface MeetingDetail extends Meeting {
  tickets: Ticket[];
}

export interface Deliberation {
  id: number;
  unit_id: number;
  unit: string;
  topic: string;
  held_on: string;
  participants: string[];
  decision: string;
  tickets: Ticket[];
}

export interface UnitStats {
  rank: number;
  unit_id: number;
  unit: string;
  received: number;
  closed: number;
  on_time: number;
  overdue: number;
  open: number;
  avg_days_to_close: number;
  on_time_rate: number;
  satisfaction_rate: number;
  reopen_rate: number;
}

export interface TicketStats {
  year: number;
  unit: string;
  meetings: number;
  items: number;
  received: number;
  closed: number;
  units: UnitStats[];
  by_meeting: Meeting[];
}

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  ticket_id: number;
  /** Set when the notification is about a project (then ticket_id is 0). */
  project_id: number | null;
  created_at: string;
  read: boolean;
}

export interface Digest {
  date: string;
  unread: number;
  tasks: number;
  colours: ColourCounts;
  urgent: Ticket[];
  recent: Notification[];
}

/** A row of a hotline import (or its preview): the ticket it creates (ticket_id 0 in a preview). */
export interface HotlineCreated {
  row: number;
  ref: string;
  title: string;
  unit: string;
  category: string;
  priority: string;
  called_at: string;
  due_on: string;
  ticket_id: number;
}

/** 200 (preview) or 201 of POST /tickets/import/hotline (docs/api.md). */
export interface HotlineImportResult {
  dry_run: boolean;
  sheet: string;
  rows: number;
  created: HotlineCreated[];
  /** Repeated 工单编号: imported before (ticket_id) or higher up in the file (first_row). */
  skipped: { row: number; ref: string; ticket_id: number; first_row: number }[];
  notes: string[];
}

export const ticketsApi = {
  list: (query: Query) => http.get<TicketPage>('/tickets', query),
  mine: (query: Query = {}) => http.get<TicketPage>('/tickets/mine', query),
  board: (query: Query = {}) => http.get<BoardPage>('/tickets/board', query),
  get: (id: number) => http.get<TicketDetail>(`/tickets/${id}`),
  create: (body: NewTicket) => http.post<Ticket>('/tickets', body, { quiet: true }),
  act: (id: number, body: ActionBody) => http.post<Ticket>(`/tickets/${id}/actions`, body, { quiet: true }),
  stats: (query: Query = {}) => http.get<TicketStats>('/tickets/stats', query),
  downloadStats: (query: Query, fallbackName: string) => download('/tickets/stats.xlsx', query, fallbackName),
  /** 交办台账: every ticket of the list's filters (offices). */
  downloadLedger: (query: Query) => download('/tickets/ledger.xlsx', query, '交办台账.xlsx'),
  rules: () => http.get<ColourRules>('/tickets/rules'),
  importHotline: (file: File, dryRun: boolean, options: UploadOptions = {}) =>
    upload<HotlineImportResult>('/tickets/import/hotline', file, { quiet: true, ...options, query: dryRun ? { dry_run: 1 } : {} }),
  downloadHotlineTemplate: () => download('/tickets/import/hotline/template', undefined, '12345热线工单导入模板.xlsx'),
  meetings: (year?: number) => http.get<{ items: Meeting[] }>('/meetings', year ? { year } : {}),
  /** 会议台账: the meetings of the year (or every year), as a workbook. */
  exportMeetings: (year?: number) => download('/meetings.xlsx', year ? { year } : {}, '会议台账.xlsx'),
  meeting: (id: number) => http.get<MeetingDetail>(`/meetings/${id}`),
  createMeeting: (body: Omit<Meeting, 'id' | 'kind_label' | 'unit' | 'items' | 'closed'>) =>
    http.post<Meeting>('/meetings', body, { quiet: true }),
  deliberations: () => http.get<{ items: Deliberation[] }>('/deliberations'),
  /** 议事堂台账: the records with the tickets raised from each, as a workbook. */
  exportDeliberations: () => download('/deliberations.xlsx', {}, '议事堂台账.xlsx'),
  createDeliberation: (body: { unit_id: number; topic: string; held_on: string; participants: string[]; decision: string }) =>
    http.post<Deliberation>('/deliberations', body, { quiet: true }),
};

export const notificationsApi = {
  list: (query: Query = {}) => http.get<{ items: Notification[]; unread: number }>('/notifications', query),
  count: () => http.get<{ unread: number }>('/notifications/count', undefined, { quiet: true }),
  digest: () => http.get<Digest>('/notifications/digest'),
  read: (id?: number) => http.post<{ marked: number }>('/notifications/read', id ? { id } : {}),
};
