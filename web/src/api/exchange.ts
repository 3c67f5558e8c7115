import { download, upload, type Query, type UploadOptions } from './http';

/** 200 of POST /import/units (the division list). */
export interface UnitsImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** 200 of POST /import/roster (docs/api.md): people created, updated and unchanged. */
export interface ImportResult {
  imported: number;
  units?: number;
  positions?: number;
  dry_run?: boolean;
  rows?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  sheet?: string;
  notes?: string[];
  changes?: { row: number; person_id: number; name: string; action: 'create' | 'update'; fields: string[] }[];
}

export const exchangeApi = {
  importRoster: (file: File, options: UploadOptions = {}) =>
    upload<ImportResult>('/import/roster', file, { quiet: true, ...options }),
  /** The preview: what an import of the file would create, update and leave unchanged. */
  previewRoster: (file: File, options: UploadOptions = {}) =>
    upload<ImportResult>('/import/roster', file, { quiet: true, ...options, query: { dry_run: 1 } }),
  downloadTemplate: () => download('/import/roster/template', undefined, '队伍名册导入模板.xlsx'),
  importUnits: (file: File, options: UploadOptions = {}) =>
    upload<UnitsImportResult>('/import/units', file, { quiet: true, ...options }),
  downloadUnitsTemplate: () => download('/import/units/template', undefined, '区划导入模板.xlsx'),
  exportPeople: (query: Query) => download('/export/people', query, '人员名单.xlsx'),
  exportUnits: (parent: number | null) => download('/export/units', { parent }, '单位名单.xlsx'),
};
