// Builds roster sheets for the import specs from the server's own template: the header row is
// read from GET /import/roster/template, and each column is filled by what its name says.
import { readXlsxRows, writeXlsx } from './zip.mjs';

export function templateHeader(xlsx) {
  return readXlsxRows(xlsx)[0] ?? [];
}

/** 18-digit resident ID with a valid check digit. */
export function idNumber(prefix17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...prefix17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return prefix17 + '10X98765432'[sum % 11];
}

/** A value for a template column, by the column's (Chinese or English) name. */
export function valueFor(column, person) {
  const c = column.toLowerCase();
  const has = (...words) => words.some((w) => c.includes(w));
  if (has('代码', 'code')) return person.unitCode;
  if (has('单位', 'unit')) return person.unitName;
  if (has('身份证', 'id_number')) return person.idNumber;
  if (has('姓名', 'name')) return person.name;
  if (has('性别', 'gender')) return person.gender;
  if (has('出生', 'birth')) return person.birth;
  if (has('入党', 'party')) return person.partyJoin;
  if (has('学历', 'education')) return person.education;
  if (has('任职', '开始', 'start')) return person.start;
  if (has('离任', 'end')) return '';
  if (has('职务', 'title', 'position')) return person.title;
  if (has('电话', '手机', 'phone')) return person.phone;
  if (has('后备', 'reserve')) return person.reserve ?? '否';
  return '';
}

export function sheetRows(header, people) {
  return [header, ...people.map((p) => header.map((col) => valueFor(col, p)))];
}

export const toCsv = (rows) => '\uFEFF' + rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
export const toXlsx = (rows) => writeXlsx(rows, '人员');
