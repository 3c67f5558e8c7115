// Data-entry grids of a campaign (pure, no Vue): one grid per scoring method with subjects as
// rows and (criterion, key[, judge]) as columns, the keys of docs/evaluate.md "考核数据"; the
// stored facts → cell values; edited cells → the rows of POST /campaigns/{id}/facts (with the
// cell of each row, for utils/server-errors.ts cellErrors); Excel's tab-separated clipboard → cells.
import type { Criterion, FactInput, FactRecord, Subject } from '../../api/evaluation';
import type { CellRef } from '../../utils/server-errors';

/** Keys per leaf method, in column order (docs/evaluate.md). Extension point: a new method
 * needs its keys here and a tab title evaluation.method.<name> in both locale files. */
export const METHOD_KEYS: Record<string, string[]> = {
  target: ['target', 'actual'],
  growth: ['base', 'actual'],
  judges: ['judge'],
  rating: ['优秀', '称职', '基本称职', '不称职'],
  rank: ['value'],
  count: ['count'],
  manual: ['value'],
};

/** Subject-level facts: criterion "-" with these keys; veto carries a reason (text). */
export const SUBJECT_LEVEL = '-';
export const SUBJECT_KEYS = ['veto', 'bonus', 'penalty'];
export const GRID_ORDER = ['target', 'growth', 'judges', 'rating', 'rank', 'count', 'manual', SUBJECT_LEVEL];

export interface GridColumn {
  /** Unique within the grid: criterion, key and judge. */
  id: string;
  criterion: string;
  criterionName: string;
  key: string;
  /** Judge name for `judge` scores, "" otherwise. */
  judge: string;
  numeric: boolean;
}

export interface GridSpec {
  /** A leaf method, or "-" for the subject-level grid. */
  method: string;
  columns: GridColumn[];
}

/** subject id → column id → text as shown in the cell. */
export type GridValues = Record<number, Record<string, string>>;

export const columnId = (criterion: string, key: string, judge = ''): string => `${criterion}\u241f${key}\u241f${judge}`;

function column(criterion: string, criterionName: string, key: string, judge = ''): GridColumn {
  return { id: columnId(criterion, key, judge), criterion, criterionName, key, judge, numeric: key !== 'veto' };
}

/** Judge names seen in the facts, in first-seen order. */
export function judgesOf(facts: FactRecord[]): string[] {
  const names: string[] = [];
  for (const f of facts) if (f.key === 'judge' && f.judge && !names.includes(f.judge)) names.push(f.judge);
  return names;
}

/**
 * The grids of a framework: one per method its leaves use (in GRID_ORDER), then the
 * subject-level grid. Judges grids get one column per judge in `judges` for each criterion.
 */
export function gridsFor(criteria: Criterion[], judges: string[]): GridSpec[] {
  const grids: GridSpec[] = [];
  for (const method of GRID_ORDER) {
    if (method === SUBJECT_LEVEL) {
      grids.push({ method, columns: SUBJECT_KEYS.map((key) => column(SUBJECT_LEVEL, '', key)) });
      continue;
    }
    const leaves = criteria.filter((c) => c.method === method);
    if (!leaves.length) continue;
    const columns: GridColumn[] = [];
    for (const c of leaves) {
      if (method === 'judges') for (const judge of judges) columns.push(column(c.id, c.name, 'judge', judge));
      else for (const key of METHOD_KEYS[method]) columns.push(column(c.id, c.name, key));
    }
    grids.push({ method, columns });
  }
  return grids;
}

/** Cell texts of a grid from the stored facts (every subject gets a row, empty cells ""). */
export function gridValues(grid: GridSpec, subjects: Subject[], facts: FactRecord[]): GridValues {
  const ids = new Set(grid.columns.map((c) => c.id));
  const values: GridValues = {};
  for (const s of subjects) {
    values[s.id] = {};
    for (const c of grid.columns) values[s.id][c.id] = '';
  }
  for (const f of facts) {
    const id = columnId(f.criterion, f.key, f.key === 'judge' ? f.judge : '');
    if (ids.has(id) && values[f.subject_id]) values[f.subject_id][id] = String(f.value ?? '');
  }
  return values;
}

/**
 * A number as typed or pasted from Excel, normalized: "1,234.5" → "1234.5", full-width digits
 * and "．" accepted, "" stays "". null when it is not a number.
 */
export function normalizeNumber(text: string): string | null {
  let s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/－/g, '-');
  if (!s) return '';
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? s : null;
}

export interface GridChanges {
  /** Rows for POST /facts: changed cells; a cleared stored value is sent as null (removed). */
  facts: FactInput[];
  /** cells[i] is the cell of facts[i] (row i + 1 in the server's errors). */
  cells: CellRef[];
  /** Cells that cannot be sent as they are (not a number), keyed like GridValues. */
  invalid: Record<number, Record<string, string>>;
}

/** The edits of a grid against the stored values. */
export function gridChanges(grid: GridSpec, subjects: Subject[], stored: GridValues, current: GridValues): GridChanges {
  const out: GridChanges = { facts: [], cells: [], invalid: {} };
  for (const s of subjects) {
    for (const c of grid.columns) {
      const before = (stored[s.id]?.[c.id] ?? '').trim();
      const raw = current[s.id]?.[c.id] ?? '';
      let after = raw.trim();
      if (c.numeric) {
        const normalized = normalizeNumber(raw);
        if (normalized === null) {
          (out.invalid[s.id] ??= {})[c.id] = 'notNumber';
          continue;
        }
        after = normalized;
        if (before && after && Number(before) === Number(after)) continue;
      }
      if (after === before) continue;
      if (!after && !before) continue;
      const fact: FactInput = { subject_id: s.id, criterion: c.criterion, key: c.key, value: after ? after : null };
      if (c.judge) fact.judge = c.judge;
      out.facts.push(fact);
      out.cells.push({ subjectId: s.id, columnId: c.id });
    }
  }
  return out;
}

/**
 * Parses what Excel (or WPS) puts on the clipboard: rows by newline, cells by tab, a cell with
 * a tab, newline or quote quoted as "…" with "" for a quote. The trailing newline Excel adds
 * does not make an extra row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Writes a pasted block into `values` from the cell (subjectIdx, columnIdx) rightwards and
 * downwards; what falls outside the grid is dropped. Returns the number of cells written and
 * whether anything was cut off.
 */
export function pasteBlock(
  grid: GridSpec,
  subjects: Subject[],
  values: GridValues,
  subjectIdx: number,
  columnIdx: number,
  block: string[][],
): { written: number; clipped: boolean } {
  let written = 0;
  let clipped = false;
  block.forEach((cells, r) => {
    const subject = subjects[subjectIdx + r];
    if (!subject) {
      clipped ||= cells.some((c) => c.trim() !== '');
      return;
    }
    cells.forEach((text, c) => {
      const col = grid.columns[columnIdx + c];
      if (!col) {
        clipped ||= text.trim() !== '';
        return;
      }
      (values[subject.id] ??= {})[col.id] = text.trim();
      written += 1;
    });
  });
  return { written, clipped };
}

/** Columns grouped by criterion for a two-level header: [{criterion, name, columns}]. */
export function headerGroups(grid: GridSpec): { criterion: string; name: string; columns: GridColumn[] }[] {
  const groups: { criterion: string; name: string; columns: GridColumn[] }[] = [];
  for (const c of grid.columns) {
    const last = groups[groups.length - 1];
    if (last && last.criterion === c.criterion) last.columns.push(c);
    else groups.push({ criterion: c.criterion, name: c.criterionName, columns: [c] });
  }
  return groups;
}
