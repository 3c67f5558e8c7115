// Pure logic of the 经济指标 page (no Vue, no I/O): number and percent formats, the colour of a
// completion rate against the time elapsed (序时进度), the editable grid (target + 12 months per
// unit) ⇄ POST /metrics/values rows, and the completion bar chart.
import type { MetricValue, Progress, ProgressRow } from '../../api/indicators';
import type { ChartOption } from '../../composables/use-echarts';
import type { CellRef } from '../../utils/server-errors';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** Grid columns: the yearly target, then January … December. */
export const TARGET_COLUMN = 'target';
export const monthColumn = (month: number) => `m${month}`;
export const METRIC_COLUMNS = [TARGET_COLUMN, ...MONTHS.map(monthColumn)];

/** Amounts as every page writes them (utils/format). */
export { amount } from '../../utils/format';

/** A rate (0.853) as "85.3%"; "—" when missing. */
export function rate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)}%`;
}

/** A growth rate with its sign: "+12.5%", "−3.0%", "0.0%"; "—" when missing. */
export function growth(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const pct = Math.round(value * 1000) / 10;
  if (pct === 0) return '0.0%';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
}

/** Share of the year elapsed at the end of `month` (序时进度): 6 → 0.5. */
export function timeProgress(month: number): number {
  return Math.min(12, Math.max(1, month)) / 12;
}

export type CompletionLevel = 'done' | 'ahead' | 'behind' | 'far-behind' | 'none';

/**
 * How a completion rate stands at the end of `month`: done (≥ 100% of the year's target), ahead
 * (at or above the time elapsed), behind (within 20% of it), far-behind (further), none (no rate).
 */
export function completionLevel(completion: number | null | undefined, month: number): CompletionLevel {
  if (completion === null || completion === undefined || !Number.isFinite(completion)) return 'none';
  if (completion >= 1) return 'done';
  const due = timeProgress(month);
  if (completion >= due - 1e-9) return 'ahead';
  if (completion >= due * 0.8) return 'behind';
  return 'far-behind';
}

export const LEVEL_COLORS: Record<CompletionLevel, string> = {
  done: '#2e7d32',
  ahead: '#1565c0',
  behind: '#b45309',
  'far-behind': '#c62828',
  none: '#686b72',
};

// ---- the editable grid ----

/** unit id → column id → the cell's text ("" = empty). */
export type MetricCells = Record<number, Record<string, string>>;

export interface GridUnit {
  unit_id: number;
  unit_name: string;
  unit_code: string;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * Grid rows: every unit of the progress view plus the parent's other children (so that a new
 * metric can be entered), the view's order first, then the others by code.
 */
export function gridUnits(rows: ProgressRow[], children: GridUnit[]): GridUnit[] {
  const out: GridUnit[] = rows.map((r) => ({ unit_id: r.unit_id, unit_name: r.unit_name, unit_code: r.unit_code }));
  const seen = new Set(out.map((u) => u.unit_id));
  const rest = children.filter((c) => !seen.has(c.unit_id)).sort((a, b) => a.unit_code.localeCompare(b.unit_code));
  return [...out, ...rest];
}

export function gridCells(units: GridUnit[], rows: ProgressRow[]): MetricCells {
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const out: MetricCells = {};
  for (const u of units) {
    const r = byUnit.get(u.unit_id);
    const cells: Record<string, string> = { [TARGET_COLUMN]: text(r?.target) };
    for (const m of MONTHS) cells[monthColumn(m)] = text(r?.months[m - 1]);
    out[u.unit_id] = cells;
  }
  return out;
}

/** A cell's number, or null when empty; NaN when it is not a number. Accepts "1,234.5". */
export function parseCell(value: string | undefined): number | null {
  const s = (value ?? '').trim().replace(/,/g, '');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

export interface MetricChanges {
  /** Rows for POST /metrics/values, in grid order. */
  values: MetricValue[];
  /** values[i] came from cells[i] (to place the server's row errors, 1-based). */
  cells: CellRef[];
  /** Cells that are not numbers. */
  invalid: Record<number, Record<string, 'notNumber'>>;
}

/** The cells changed since loading, as rows to write; month 0 is the target. */
export function metricChanges(units: GridUnit[], stored: MetricCells, current: MetricCells, metric: string, year: number): MetricChanges {
  const out: MetricChanges = { values: [], cells: [], invalid: {} };
  for (const u of units) {
    for (const col of METRIC_COLUMNS) {
      const before = (stored[u.unit_id]?.[col] ?? '').trim();
      const after = (current[u.unit_id]?.[col] ?? '').trim();
      if (before === after) continue;
      const value = parseCell(after);
      if (value !== null && Number.isNaN(value)) {
        (out.invalid[u.unit_id] ??= {})[col] = 'notNumber';
        continue;
      }
      // A cleared cell removes the stored value (value null).
      const before_value = parseCell(before);
      if (before_value !== null && before_value === value) continue; // "1,000" → "1000"
      out.values.push({ unit_id: u.unit_id, metric, year, month: col === TARGET_COLUMN ? 0 : Number(col.slice(1)), value });
      out.cells.push({ subjectId: u.unit_id, columnId: col });
    }
  }
  return out;
}

/** Progress shown for a unit without data yet. */
export const EMPTY_PROGRESS: Progress = { target: null, cumulative: 0, months_reported: 0, last_year: null, completion: null, growth: null };

// ---- the chart ----

/** Bar chart of completion by unit (percent), coloured by level, with the 序时进度 line. */
export function completionOption(rows: ProgressRow[], month: number, labels: { completion: string; due: string }): ChartOption | null {
  const shown = rows.filter((r) => r.completion !== null);
  if (!shown.length) return null;
  const due = Math.round(timeProgress(month) * 1000) / 10;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: shown.map((r) => r.unit_name), axisLabel: { interval: 0, rotate: shown.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', name: '%' },
    series: [
      {
        type: 'bar',
        name: labels.completion,
        data: shown.map((r) => ({
          value: Math.round((r.completion ?? 0) * 1000) / 10,
          itemStyle: { color: LEVEL_COLORS[completionLevel(r.completion, month)] },
        })),
        label: { show: shown.length <= 16, position: 'top', formatter: '{c}%' },
        markLine: { symbol: 'none', data: [{ yAxis: due, name: labels.due }], label: { formatter: `${labels.due} {c}%`, position: 'insideEndTop' }, lineStyle: { type: 'dashed', color: '#606266' } },
      },
    ],
  } as ChartOption;
}
