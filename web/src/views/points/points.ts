// Pure helpers of the points pages: signs, rule groups for the submit form, star chart option.
import type { PointsRule, StarDistribution } from '../../api/points';
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
