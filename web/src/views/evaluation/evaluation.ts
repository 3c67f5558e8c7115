// Pure helpers of the evaluation pages: town list for the board filter, method names,
// explanation rows (inputs text, indentation) and the radar chart option.
import type { ExplainCriterion, ExplainInput, RankingRow, Subject, TopCriterion } from '../../api/evaluation';
import type { ChartOption } from '../../composables/use-echarts';
import { amount } from '../../utils/format';

export const METHODS = ['group', 'target', 'growth', 'judges', 'rating', 'rank', 'count', 'manual'] as const;

/** i18n key of a scoring method (unknown methods show as they are). */
export function methodKey(method: string): string | null {
  return (METHODS as readonly string[]).includes(method) ? `evaluation.method.${method}` : null;
}

/** Towns of the campaign's subjects, once each, in name order (the board's town filter). */
export function townsOf(subjects: Subject[]): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const s of subjects) if (s.town_id && !seen.has(s.town_id)) seen.set(s.town_id, s.town_name ?? String(s.town_id));
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function inputValue(value: ExplainInput['value']): string {
  if (typeof value === 'number') return amount(value, 4);
  return value ?? '—';
}

export interface InputPart {
  key: string;
  value: string;
  dropped: boolean;
  derived: boolean;
}

/** The inputs of one criterion as display parts; repeated judge scores keep their order. */
export function inputParts(inputs: ExplainInput[]): InputPart[] {
  return inputs.map((i) => ({ key: i.key, value: inputValue(i.value), dropped: !!i.dropped, derived: !!i.derived }));
}

export interface ExplainRow extends ExplainCriterion {
  /** Pre-order position, for the table's row key. */
  index: number;
  isGroup: boolean;
}

export function explainRows(criteria: ExplainCriterion[]): ExplainRow[] {
  return criteria.map((c, index) => ({ ...c, index, isGroup: c.method === 'group' }));
}

/** Input keys with a translation (evaluation.inputKey.*); others (e.g. 优秀) show as they are. */
export const INPUT_KEYS = ['judge', 'mean', 'max', 'count', 'actual', 'target', 'base', 'value', 'rate', 'growth'] as const;

export function inputKeyKey(key: string): string | null {
  return (INPUT_KEYS as readonly string[]).includes(key) ? `evaluation.inputKey.${key}` : null;
}

/**
 * Lower end of the radar's axes: a round 10 below the lowest score shown (as a percentage), so
 * that close subjects (90% vs 96%) still look different; 0 when scores are spread out.
 */
export function radarFloor(rows: RankingRow[], top: TopCriterion[]): number {
  let low = 100;
  for (const r of rows) for (const c of top) low = Math.min(low, (r.scores[c.id] ?? 0) * 100);
  const floor = Math.floor(low / 10) * 10 - 10;
  return floor >= 40 ? floor : 0;
}

/** The colours of the compared subjects' series, in order (the radar and the bar chart). */
const SUBJECT_COLOURS = ['#c62828', '#1565c0', '#c77700'];
/** A subject's s of each criterion as a percentage with one decimal (0–100). */
const percents = (top: TopCriterion[], r: RankingRow) => top.map((c) => Math.round((r.scores[c.id] ?? 0) * 1000) / 10);
/** What every chart of subjects shares: colours and a legend of their names. */
const subjectsBase = (rows: RankingRow[]) => ({ color: SUBJECT_COLOURS, legend: { bottom: 0, data: rows.map((r) => r.name) } });

/** Radar of the chosen subjects across the top-level criteria, s as a percentage (0–100). */
export function radarOption(top: TopCriterion[], rows: RankingRow[], floor = 0): ChartOption | null {
  if (!top.length || !rows.length) return null;
  return {
    ...subjectsBase(rows),
    tooltip: { trigger: 'item' },
    radar: {
      radius: '45%',
      center: ['50%', '46%'],
      indicator: top.map((c) => ({ name: c.name, max: 100, min: floor })),
      axisName: { color: '#303133', fontSize: 12 },
    },
    series: [
      {
        type: 'radar',
        data: rows.map((r, i) => ({
          name: r.name,
          value: percents(top, r),
          areaStyle: i === 0 ? { opacity: 0.2 } : undefined,
        })),
      },
    ],
  };
}

/** A radar needs three axes at least; with fewer it would be a line or a point. */
export const RADAR_MIN_AXES = 3;

/**
 * The subjects across the top-level criteria: a radar from three criteria up, grouped bars
 * below (one or two criteria), s as a percentage (0–100).
 */
export function subjectChartOption(top: TopCriterion[], rows: RankingRow[], floor = 0): ChartOption | null {
  if (top.length >= RADAR_MIN_AXES) return radarOption(top, rows, floor);
  if (!top.length || !rows.length) return null;
  return {
    ...subjectsBase(rows),
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: top.map((c) => c.name) },
    yAxis: { type: 'value', min: floor, max: 100 },
    series: rows.map((r) => ({
      type: 'bar',
      name: r.name,
      barMaxWidth: 40,
      data: percents(top, r),
    })),
  };
}
