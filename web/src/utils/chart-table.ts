// The text alternative of a chart (WCAG 1.1.1): the data of an ECharts option as a table that
// echart-box.vue renders for screen readers beside the canvas. Reads the option shapes the app
// draws — bars (or lines) over a category axis, pies, radars — so a new chart needs no extra
// work unless it adds another series type (add it here, with a case in chart-table.spec.ts).

export interface ChartTable {
  /** Header of each column: the category, then one per series (or per radar subject). */
  columns: string[];
  /** One row per category: its name, then the values as text. */
  rows: string[][];
}

type Loose = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const valueOf = (item: unknown): unknown => (item && typeof item === 'object' && !Array.isArray(item) ? (item as Loose).value : item);
const nameOf = (item: unknown): string => {
  const v = item && typeof item === 'object' ? (item as Loose).value ?? (item as Loose).name : item;
  return v == null ? '' : String(v);
};

/** A value as text: numbers rounded to 2 decimals, a missing value as "—". */
export function cellText(value: unknown, magnitude = false): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const n = magnitude ? Math.abs(value) : value;
    return String(Math.round(n * 100) / 100);
  }
  if (value == null || value === '' || value === '-') return '—';
  return String(value);
}

/**
 * The table of `option`, or null when it has no data. `labels.category` heads the first column,
 * `labels.value` an unnamed series. A bar series whose values are all <= 0 is the left half of a
 * mirrored chart (the age pyramid): its values are shown as magnitudes.
 */
export function chartTable(option: unknown, labels: { category: string; value: string }): ChartTable | null {
  if (!option || typeof option !== 'object') return null;
  const opt = option as Loose;
  const series = asArray(opt.series as Loose | Loose[]);
  if (!series.length) return null;

  const radar = series.find((s) => s.type === 'radar');
  if (radar) {
    const indicators = asArray((asArray(opt.radar as Loose | Loose[])[0] ?? {}).indicator as Loose[]);
    const subjects = asArray(radar.data as Loose[]);
    if (!indicators.length || !subjects.length) return null;
    return {
      columns: [labels.category, ...subjects.map((s) => nameOf(s.name) || labels.value)],
      rows: indicators.map((ind, i) => [nameOf(ind.name), ...subjects.map((s) => cellText(asArray(s.value as unknown[])[i]))]),
    };
  }

  const pie = series.find((s) => s.type === 'pie');
  if (pie) {
    const data = asArray(pie.data as Loose[]);
    if (!data.length) return null;
    return {
      columns: [labels.category, nameOf(pie.name) || labels.value],
      rows: data.map((d) => [nameOf(d.name), cellText(valueOf(d))]),
    };
  }

  const axes = [...asArray(opt.xAxis as Loose | Loose[]), ...asArray(opt.yAxis as Loose | Loose[])];
  const categoryAxis = axes.find((a) => a.type === 'category' && Array.isArray(a.data));
  if (!categoryAxis) return null;
  const categories = (categoryAxis.data as unknown[]).map(nameOf);
  const plotted = series.filter((s) => s.type === 'bar' || s.type === 'line');
  if (!plotted.length || !categories.length) return null;
  const mirrored = plotted.map((s) => {
    const values = asArray(s.data as unknown[]).map(valueOf).filter((v): v is number => typeof v === 'number');
    return values.length > 0 && values.every((v) => v <= 0);
  });
  const rows = categories.map((name, i) => [name, ...plotted.map((s, k) => cellText(valueOf(asArray(s.data as unknown[])[i]), mirrored[k]))]);
  // Reference lines (the 序时进度 of the completion chart) as rows of their own.
  for (const s of plotted) {
    for (const line of asArray(((s.markLine as Loose | undefined)?.data ?? []) as Loose[])) {
      const value = line.yAxis ?? line.xAxis;
      if (value !== undefined) rows.push([nameOf(line.name), ...plotted.map((p) => (p === s ? cellText(value) : ''))]);
    }
  }
  return { columns: [labels.category, ...plotted.map((s) => nameOf(s.name) || labels.value)], rows };
}
