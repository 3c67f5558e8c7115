import { download, upload, type Query, type UploadOptions } from './http';

export interface ImportResult {
  imported: number;
  units: number;
}

export const exchangeApi = {
  importRoster: (file: File, options: UploadOptions = {}) =>
    upload<ImportResult>('/import/roster', file, { quiet: true, ...options }),
  downloadTemplate: () => download('/import/roster/template', undefined, '队伍名册导入模板.xlsx'),
  exportPeople: (query: Query) => download('/export/people', query, '人员名单.xlsx'),
  exportUnits: (parent: number) => download('/export/units', { parent }, '单位名单.xlsx'),
};
