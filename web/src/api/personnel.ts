// 人事 (docs/api.md "Personnel decisions", "躺平奖 nominations"): decisions about a roster person
// citing their ground — a campaign result, an honour or a talent-pool entry — listed in scope, per
// person and per campaign (人事决定台账 as a workbook); the nominated 躺平奖 with the county's review.
import { download, http, type Query } from './http';

export type DecisionKind = 'appointment' | 'promotion' | 'reward' | 'talk';
export type DecisionGround = 'campaign' | 'honour' | 'pool';
export const DECISION_KINDS: DecisionKind[] = ['appointment', 'promotion', 'reward', 'talk'];
export const DECISION_GROUNDS: DecisionGround[] = ['campaign', 'honour', 'pool'];

export interface Decision {
  id: number;
  person_id: number;
  name: string;
  unit_id: number;
  unit: string;
  kind: DecisionKind;
  kind_label: string;
  ground: DecisionGround;
  ground_id: number;
  ground_label: string;
  content: string;
  document_no: string;
  decided_on: string;
  /** An appointment's position, created in the roster with the decision. */
  position_id: number | null;
  decided_by: string;
  decided_at: string;
}

export interface NewDecision {
  person_id: number;
  kind: DecisionKind;
  ground: DecisionGround;
  ground_id: number;
  content: string;
  document_no?: string;
  decided_on?: string;
  position_unit_id?: number;
  position_title?: string;
}

export type NominationCategory = 'inaction' | 'slow' | 'shirking';
export type NominationState = 'pending' | 'confirmed' | 'rejected';
export const NOMINATION_CATEGORIES: NominationCategory[] = ['inaction', 'slow', 'shirking'];

export interface Nomination {
  id: number;
  person_id: number;
  name: string;
  unit_id: number;
  unit: string;
  position: string;
  year: number;
  category: NominationCategory;
  category_label: string;
  reason: string;
  evidence: string;
  state: NominationState;
  nominated_by: string;
  nominated_at: string;
  reviewed_by: string;
  reviewed_at: string;
  review_reason: string;
}

export interface NewNomination {
  person_id: number;
  year?: number;
  category: NominationCategory;
  reason: string;
  evidence?: string;
}

/** The decision list's filters: kind and the year decided ('' / null = any). */
export interface DecisionFilter {
  kind?: DecisionKind | '';
  year?: number | null;
}

const decisionQuery = (f: DecisionFilter): Query => ({ kind: f.kind || undefined, year: f.year || undefined });

export interface NominationFilter {
  year?: number | null;
  state?: NominationState | '';
}
const nominationQuery = (f: NominationFilter): Query => ({ year: f.year || undefined, state: f.state || undefined });

export const personnelApi = {
  decisions: (filter: DecisionFilter = {}) => http.get<{ items: Decision[] }>('/decisions', decisionQuery(filter)),
  /** 人事决定台账: the list's decisions with the same filters, as a workbook. */
  exportXlsx: (filter: DecisionFilter = {}) => download('/decisions.xlsx', decisionQuery(filter), '人事决定台账.xlsx'),
  ofPerson: (personId: number) => http.get<{ items: Decision[] }>(`/people/${personId}/decisions`, undefined, { quiet: true }),
  ofCampaign: (campaignId: number) => http.get<{ items: Decision[] }>(`/campaigns/${campaignId}/decisions`, undefined, { quiet: true }),
  /** 422 names the field; the dialog shows the message. */
  decide: (body: NewDecision) => http.post<Decision>('/decisions', body, { quiet: true }),
  nominations: (filter: NominationFilter = {}) => http.get<{ items: Nomination[] }>('/tangping/nominations', nominationQuery(filter)),
  /** 躺平奖提名台账: the list's nominations with the same filters, as a workbook. */
  exportNominations: (filter: NominationFilter = {}) => download('/tangping/nominations.xlsx', nominationQuery(filter), '躺平奖提名台账.xlsx'),
  nominate: (body: NewNomination) => http.post<Nomination>('/tangping/nominations', body, { quiet: true }),
  review: (id: number, body: { confirm: boolean; reason: string }) =>
    http.post<Nomination>(`/tangping/nominations/${id}/review`, body, { quiet: true }),
};
