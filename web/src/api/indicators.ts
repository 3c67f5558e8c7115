// 经济指标 unit metrics (docs/api.md "Unit metrics"): yearly targets and monthly actuals per unit
// and metric, the progress view (cumulative, 完成率, 同比), entry as JSON rows or an .xlsx sheet.
import { download, http, upload, type UploadOptions } from './http';

/** Progress of one unit (or the total) up to the chosen month; null = not computable. */
export interface Progress {
  target: number | null;
  cumulative: number;
  months_reported: number;
  last_year: number | null;
  completion: number | null;
  growth: number | null;
}

export interface ProgressRow extends Progress {
  unit_id: number;
  unit_name: string;
  unit_code: string;
  /** January … December actuals of the year; null = not reported. */
  months: (number | null)[];
}

export interface ProgressView {
  metric: string;
  year: number;
  month: number;
  rows: ProgressRow[];
  total: Progress;
}

export interface ProgressQuery {
  metric: string;
  year: number;
  month: number;
  parent?: number | null;
}

/** One value to write: month 0 = the yearly target, 1..12 = that month's actual. */
export interface MetricValue {
  unit_id?: number;
  unit_code?: string;
  metric: string;
  year: number;
  month: number;
  /** null removes the stored value. */
  value: number | null;
}

export interface MetricOutcome {
  written: number;
  removed?: number;
  unchanged: number;
}

export const indicatorsApi = {
  names: () => http.get<{ items: string[] }>('/metrics', undefined, { quiet: true }),
  progress: (q: ProgressQuery) =>
    http.get<ProgressView>('/metrics/progress', { metric: q.metric, year: q.year, month: q.month, parent: q.parent }, { quiet: true }),
  /** All or nothing; 422 carries `rows` (1-based positions in `rows`). */
  save: (rows: MetricValue[], reason?: string) =>
    http.post<MetricOutcome>('/metrics/values', reason ? { rows, reason } : { rows }, { quiet: true }),
  importXlsx: (file: File, options: UploadOptions = {}) => upload<MetricOutcome>('/metrics/import', file, { quiet: true, ...options }),
  downloadTemplate: (query: { parent?: number | null; year: number; metric: string }) =>
    download('/metrics/template.xlsx', { parent: query.parent, year: query.year, metric: query.metric }, '经济指标导入模板.xlsx'),
};
