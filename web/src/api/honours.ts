// 荣誉 the honours register (docs/api.md "Honours"): search within scope with counts per title and
// level, a person's titles, titles entered by hand (with the document number) or registered from a
// published campaign's award winners.
import { download, http, upload, type Query, type UploadOptions } from './http';

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

/** What 导入荣誉 registered (or, on a dry run, would), and how many rows were already registered. */
export interface HonoursImportResult {
  dry_run: boolean;
  sheet: string;
  added: { row: number; holder: string; unit: string; title: string; level: HonourLevel; level_label: string; year: number }[];
  already: number;
}

export const honoursApi = {
  search: (filter: HonourFilter = {}) => http.get<HonourPage>('/honours', filter as Query),
  /** The same search as a workbook (the honours and the count of each title). */
  exportXlsx: (filter: HonourFilter = {}) => download('/honours.xlsx', filter as Query, '荣誉库.xlsx'),
  ofPerson: (personId: number) => http.get<HonourPage>(`/people/${personId}/honours`),
  add: (body: { person_id: number; title: string; level: HonourLevel; year: number; document_no: string }) =>
    http.post<Honour>('/honours', body, { quiet: true }),
  /** The import's columns with an example row and instructions (officers). */
  downloadTemplate: () => download('/honours/template.xlsx', {}, '荣誉导入模板.xlsx'),
  /** Bad rows come back as the ApiError's `rows` (quiet: the page lists them). */
  importXlsx: (file: File, dryRun: boolean, options: UploadOptions = {}) =>
    upload<HonoursImportResult>('/honours/import', file, { quiet: true, ...options, query: dryRun ? { dry_run: 1 } : {} }),
  fromCampaign: (body: { campaign_id: number; award: string; title?: string; level: HonourLevel; year: number }) =>
    http.post<{ added: number }>('/honours/from-campaign', body, { quiet: true }),
};
