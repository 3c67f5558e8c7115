import { describe, expect, it } from 'vitest';
import {
  amount,
  completionLevel,
  completionOption,
  gridCells,
  gridUnits,
  growth,
  metricChanges,
  parseCell,
  rate,
  timeProgress,
} from './indicator-progress';
import { cellErrors } from '../../utils/server-errors';
import type { ProgressRow } from '../../api/indicators';

const row = (unit_id: number, name: string, code: string, target: number | null, months: (number | null)[], completion: number | null): ProgressRow => ({
  unit_id,
  unit_name: name,
  unit_code: code,
  target,
  cumulative: months.reduce<number>((s, v) => s + (v ?? 0), 0),
  months_reported: months.filter((v) => v !== null).length,
  last_year: null,
  completion,
  growth: null,
  months: [...months, ...Array(12 - months.length).fill(null)],
});

describe('formats', () => {
  it('shows amounts, rates and signed growth, with a dash when missing', () => {
    expect(amount(1234567.891)).toBe('1,234,567.89');
    expect(amount(0)).toBe('0');
    expect(amount(null)).toBe('—');
    expect(rate(0.8534)).toBe('85.3%');
    expect(rate(1.2)).toBe('120.0%');
    expect(rate(null)).toBe('—');
    expect(growth(0.125)).toBe('+12.5%');
    expect(growth(-0.03)).toBe('−3.0%');
    expect(growth(0.00004)).toBe('0.0%');
    expect(growth(null)).toBe('—');
  });
});

describe('completion against the time elapsed', () => {
  it('compares with 序时进度 (month / 12)', () => {
    expect(timeProgress(6)).toBe(0.5);
    expect(timeProgress(0)).toBeCloseTo(1 / 12);
    expect(timeProgress(13)).toBe(1);
  });

  it('classes a rate as done, ahead, behind or far behind', () => {
    const cases: [number | null, number, string][] = [
      [1.02, 3, 'done'],
      [1, 12, 'done'],
      [0.5, 6, 'ahead'],
      [0.45, 6, 'behind'],
      [0.4, 6, 'behind'],
      [0.39, 6, 'far-behind'],
      [0.9, 12, 'behind'],
      [null, 6, 'none'],
    ];
    for (const [completion, month, level] of cases) expect(completionLevel(completion, month), `${completion}@${month}`).toBe(level);
  });
});

describe('metric grid', () => {
  const rows = [row(3, '白米镇', '321204103000', 100, [10, 20], 0.3)];
  const children = [
    { unit_id: 2, unit_name: '娄庄镇', unit_code: '321204104000' },
    { unit_id: 3, unit_name: '白米镇', unit_code: '321204103000' },
    { unit_id: 1, unit_name: '罗塘街道', unit_code: '321204001000' },
  ];

  it('lists the view’s units first, then the other children by code, once each', () => {
    expect(gridUnits(rows, children).map((u) => u.unit_id)).toEqual([3, 1, 2]);
  });

  it('fills target and months from the view; units without data are empty', () => {
    const units = gridUnits(rows, children);
    const cells = gridCells(units, rows);
    expect(cells[3].target).toBe('100');
    expect(cells[3].m2).toBe('20');
    expect(cells[3].m3).toBe('');
    expect(Object.values(cells[1]).every((v) => v === '')).toBe(true);
  });

  it('turns edited cells into rows (month 0 = target), removes cleared ones and flags bad ones', () => {
    const units = gridUnits(rows, children);
    const stored = gridCells(units, rows);
    const current = JSON.parse(JSON.stringify(stored));
    current[1].target = '1,200';
    current[1].m1 = '90.5';
    current[3].m2 = '20.0'; // same number: not a change
    current[3].m3 = 'abc';
    current[3].m1 = '';
    const changes = metricChanges(units, stored, current, '开票销售', 2024);
    expect(changes.values).toEqual([
      { unit_id: 3, metric: '开票销售', year: 2024, month: 1, value: null },
      { unit_id: 1, metric: '开票销售', year: 2024, month: 0, value: 1200 },
      { unit_id: 1, metric: '开票销售', year: 2024, month: 1, value: 90.5 },
    ]);
    expect(changes.cells).toEqual([
      { subjectId: 3, columnId: 'm1' },
      { subjectId: 1, columnId: 'target' },
      { subjectId: 1, columnId: 'm1' },
    ]);
    expect(changes.invalid).toEqual({ 3: { m3: 'notNumber' } });
  });

  it('places the server’s 1-based row errors under their cells', () => {
    const units = gridUnits(rows, children);
    const stored = gridCells(units, rows);
    const current = JSON.parse(JSON.stringify(stored));
    current[2].target = '-5';
    current[2].m4 = '7';
    const changes = metricChanges(units, stored, current, '开票销售', 2024);
    const placed = cellErrors([{ row: 1, field: 'value', message: '目标值不能为负' }, { row: 9, field: '', message: '其他' }], changes.cells);
    expect(placed.cells).toEqual({ 2: { target: '目标值不能为负' } });
    expect(placed.other).toEqual(['其他']);
  });

  it('parses numbers with thousands separators', () => {
    expect(parseCell(' 1,234.5 ')).toBe(1234.5);
    expect(parseCell('')).toBeNull();
    expect(parseCell('1e3')).toBe(1000);
    expect(Number.isNaN(parseCell('12a'))).toBe(true);
  });
});

describe('completion chart', () => {
  it('draws units with a rate, coloured by level, with the 序时进度 line', () => {
    const rows = [row(1, '甲', '1', 100, [60], 0.6), row(2, '乙', '2', 100, [10], 0.1), row(3, '丙', '3', null, [5], null)];
    const option = completionOption(rows, 6, { completion: '完成率', due: '序时进度' }) as unknown as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[]; markLine: { data: { yAxis: number }[] } }[];
    };
    expect(option.xAxis.data).toEqual(['甲', '乙']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([60, 10]);
    expect(option.series[0].data[0].itemStyle.color).not.toBe(option.series[0].data[1].itemStyle.color);
    expect(option.series[0].markLine.data[0].yAxis).toBe(50);
    expect(completionOption([rows[2]], 6, { completion: '', due: '' })).toBeNull();
  });
});
