// Pure helpers of the points pages: signs, rule groups for the submit form, star chart option.
import type { BulkDecision, Decision, MemberRef, PointsEvent, PointsRule, StarDistribution } from '../../api/points';
import type { ChartOption } from '../../composables/use-echarts';

/** "5.00" → "+5.00", "-3.00" stays, "0.00" stays. */
export function signed(points: string): string {
  return /^[0-9]/.test(points) && Number(points) !== 0 ? `+${points}` : points;
}

/** Active rules grouped by category, categories in the catalog's order. */
export function ruleGroups(rules: PointsRule[], categories: string[]): { category: string; rules: PointsRule[] }[] {
  const order = [...categories, ...rules.map((r) => r.category).filter((c) => !categories.includes(c))];
  return [...new Set(order)]
    .map((category) => ({ category, rules: rules.filter((r) => r.active && r.category === category) }))
    .filter((g) => g.rules.length);
}

/** Today as YYYY-MM-DD in local time (the activity date default). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Bar chart of members per star level (0–5 stars). */
export function starOption(dist: StarDistribution, label: (stars: number) => string, seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: dist.counts.map((c) => label(c.stars)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', data: dist.counts.map((c) => c.count), itemStyle: { color: '#c77700' }, label: { show: true, position: 'top' } }],
  };
}

/**
 * The body of a 批量审核 request for the selected rows, or null when it cannot be sent (nothing
 * selected, or a rejection without a reason). Ids keep the table's order, each once.
 */
export function decisionBody(selected: Pick<PointsEvent, 'id'>[], decision: Decision, reason = ''): BulkDecision | null {
  const ids = [...new Set(selected.map((e) => e.id))];
  if (!ids.length) return null;
  if (decision === 'approve') return { ids, decision };
  const why = reason.trim();
  return why ? { ids, decision, reason: why } : null;
}

/** The rows left on the page after `decided` ids were approved or rejected. */
export function withoutDecided<T extends { id: number }>(items: T[], decided: number[]): T[] {
  const gone = new Set(decided);
  return items.filter((e) => !gone.has(e.id));
}

/** The page to show after `removed` rows left a list of `total` (page size `size`): stays, or steps back when emptied. */
export function pageAfterRemoval(page: number, total: number, removed: number, size: number): number {
  const left = Math.max(0, total - removed);
  return Math.max(1, Math.min(page, Math.ceil(left / size)));
}

/** Members whose name contains `q` (trimmed; empty: all), for the 批量记录 picker. */
export function filterMembers(members: MemberRef[], q: string): MemberRef[] {
  const needle = q.trim();
  return needle ? members.filter((m) => m.name.includes(needle)) : members;
}

/** Ticks or unticks every visible (filtered) member, keeping what is ticked outside the filter. */
export function toggleVisible(picked: number[], visible: MemberRef[], all: boolean): number[] {
  const ids = visible.map((m) => m.id);
  if (!all) {
    const drop = new Set(ids);
    return picked.filter((id) => !drop.has(id));
  }
  return [...new Set([...picked, ...ids])];
}
