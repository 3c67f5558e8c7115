// 荣誉 the honours register (docs/api.md "Honours"): search within scope with counts per title and
// level, a person's titles, titles entered by hand (with the document number) or registered from a
// published campaign's award winners.
import { download, http, type Query } from './http';

export type HonourLevel = 'province' | 'city' | 'county' | 'town';
export type HonourSource = 'contest' | 'campaign' | 'manual';

export interface Honour {
  id: number;
  person_id: number | null;
  unit_id: number;
  unit: string;
  name: string;
  title: string;
  level: HonourLevel;
  level_label: string;
  year: number;
  source: HonourSource;
  source_id: number;
  document_no: string;
  granted_by: string;
  granted_at: string;
}

export interface HonourCount {
  title: string;
  level: HonourLevel;
  level_label: string;
  count: number;
  since: number;
}

export interface HonourPage {
  items: Honour[];
  counts: HonourCount[];
}

export interface HonourFilter {
  q?: string;
  title?: string;
  level?: HonourLevel | '';
  year?: number | null;
  unit?: number | null;
}

export const honoursApi = {
  search: (filter: HonourFilter = {}) => http.get<HonourPage>('/honours', filter as Query),
  /** The same search as a workbook (the honours and the count of each title). */
  exportXlsx: (filter: HonourFilter = {}) => download('/honours.xlsx', filter as Query, '荣誉库.xlsx'),
  ofPerson: (personId: number) => http.get<HonourPage>(`/people/${personId}/honours`),
  add: (body: { person_id: number; title: string; level: HonourLevel; year: number; document_no: string }) =>
    http.post<Honour>('/honours', body, { quiet: true }),
  fromCampaign: (body: { campaign_id: number; award: string; title?: string; level: HonourLevel; year: number }) =>
    http.post<{ added: number }>('/honours/from-campaign', body, { quiet: true }),
};
