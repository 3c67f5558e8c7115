// Projects (docs/api.md "Projects"): 书记项目, 班长示范项目, 班副争先项目 and 揭榜挂帅 — list, publish or
// create, detail with milestones, claims, reports and the timeline, claim → confirm/refuse → report → complete.
import { download, http, type Query } from './http';
import type { Colour, TicketEvent } from './tickets';

export type ProjectKind = 'secretary' | 'monitor' | 'deputy' | 'bounty';
export type ProjectState = 'published' | 'claimed' | 'active' | 'completed';
export type ProjectAction = 'claim' | 'confirm' | 'refuse' | 'report' | 'complete';

export const PROJECT_KINDS: ProjectKind[] = ['secretary', 'monitor', 'deputy', 'bounty'];
export const PROJECT_STATES: ProjectState[] = ['published', 'claimed', 'active', 'completed'];

export interface Project {
  id: number;
  kind: ProjectKind;
  kind_label: string;
  title: string;
  detail: string;
  office_unit_id: number;
  office_unit: string;
  unit_id: number | null;
  unit: string;
  owner_person_id: number | null;
  owner: string;
  responsibility: string;
  state: ProjectState;
  state_label: string;
  claim_id: number | null;
  started_on: string | null;
  completed_on: string | null;
  last_report_on: string | null;
  colour: Colour;
  red_on: string | null;
  milestones_total: number;
  milestones_done: number;
  next_deadline: string | null;
  working_days_left: number;
  created_by: string;
  created_at: string;
  actions: ProjectAction[];
}

export interface Milestone {
  id: number;
  claim_id: number;
  seq: number;
  title: string;
  deadline: string;
  done_on: string | null;
}

export interface Claim {
  id: number;
  unit_id: number;
  unit: string;
  owner_person_id: number;
  owner: string;
  responsibility: string;
  claimed_by: string;
  claimed_on: string;
  status: 'pending' | 'confirmed' | 'refused';
  reason: string;
  decided_by: string;
  decided_on: string | null;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export interface ProgressReport {
  id: number;
  milestone_id: number | null;
  milestone_done: boolean;
  on_date: string;
  text: string;
  figures: Figure[];
  /** Unused: report photos live in the attachment store (owner "project", sub_id = the report id). */
  attachment_ids: number[];
  user: string;
  at: string;
}

/** One entry of a project's timeline: the same shape as a ticket's. */
export type ProjectEvent = TicketEvent;

export interface ProjectDetail extends Project {
  milestones: Milestone[];
  proposed_milestones: Milestone[];
  claims: Claim[];
  reports: ProgressReport[];
  events: ProjectEvent[];
}

export interface MilestoneInput {
  title: string;
  deadline?: string;
  days?: number;
}

export interface NewProject {
  kind: ProjectKind;
  title: string;
  detail?: string;
  responsibility?: string;
  /** Admin only: the unit whose office publishes (others publish from their own unit). */
  office_unit_id?: number;
  unit_id?: number;
  owner_person_id?: number;
  milestones?: MilestoneInput[];
}

export interface ClaimBody {
  owner_person_id: number;
  responsibility: string;
  milestones: MilestoneInput[];
}

export interface ReportBody {
  text: string;
  figures?: Figure[];
  milestone_id?: number;
  milestone_done?: boolean;
}

export const projectsApi = {
  /** One page (`page`, `per_page` ≤ 200; default 20), newest first; `total` counts every match. */
  list: (query: Query = {}) => http.get<{ items: Project[]; total: number; page: number; per_page: number }>('/projects', query),
  /** 项目台账: every project of the list's filters (officers). */
  downloadLedger: (query: Query) => download('/projects/ledger.xlsx', query, '项目台账.xlsx'),
  get: (id: number) => http.get<ProjectDetail>(`/projects/${id}`),
  create: (body: NewProject) => http.post<Project>('/projects', body, { quiet: true }),
  claim: (id: number, body: ClaimBody) => http.post<Project>(`/projects/${id}/claim`, body, { quiet: true }),
  confirm: (id: number) => http.post<Project>(`/projects/${id}/confirm`, {}, { quiet: true }),
  refuse: (id: number, reason: string) => http.post<Project>(`/projects/${id}/refuse`, { reason }, { quiet: true }),
  report: (id: number, body: ReportBody) => http.post<Project>(`/projects/${id}/reports`, body, { quiet: true }),
  complete: (id: number, note: string) => http.post<Project>(`/projects/${id}/complete`, note ? { note } : {}, { quiet: true }),
};
