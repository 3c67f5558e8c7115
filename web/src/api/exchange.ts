import { download, upload, type Query, type UploadOptions } from './http';

/** 200 of POST /import/units (the division list). */
export interface UnitsImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** 200 of POST /import/roster. docs/api.md says `units`; the server may report `positions`. */
export interface ImportResult {
  imported: number;
  units?: number;
  positions?: number;
}

export const exchangeApi = {
  importRoster: (file: File, options: UploadOptions = {}) =>
    upload<ImportResult>('/import/roster', file, { quiet: true, ...options }),
  downloadTemplate: () => download('/import/roster/template', undefined, '队伍名册导入模板.xlsx'),
  importUnits: (file: File, options: UploadOptions = {}) =>
    upload<UnitsImportResult>('/import/units', file, { quiet: true, ...options }),
  downloadUnitsTemplate: () => download('/import/units/template', undefined, '区划导入模板.xlsx'),
  exportPeople: (query: Query) => download('/export/people', query, '人员名单.xlsx'),
  exportUnits: (parent: number | null) => download('/export/units', { parent }, '单位名单.xlsx'),
};
