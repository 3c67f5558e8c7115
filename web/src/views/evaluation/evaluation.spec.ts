import { describe, expect, it } from 'vitest';
import { inputParts, methodKey, radarFloor, radarOption, subjectChartOption, townsOf } from './evaluation';
import { amount, fixed, percent } from '../../utils/format';
import { rows, topCriteria } from './fixtures';

describe('evaluation helpers', () => {
  it('lists each town once, by name', () => {
    const subjects = [
      { id: 1, unit_id: 11, name: '甲村', unit_name: '甲村', town_id: 2, town_name: '白米镇' },
      { id: 2, unit_id: 12, name: '乙村', unit_name: '乙村', town_id: 1, town_name: '罗塘街道' },
      { id: 3, unit_id: 13, name: '丙村', unit_name: '丙村', town_id: 2, town_name: '白米镇' },
      { id: 4, unit_id: 14, name: '丁村', unit_name: '丁村', town_id: null, town_name: null },
    ];
    expect(townsOf(subjects).map((t) => t.id).sort()).toEqual([1, 2]);
    expect(townsOf(subjects)).toHaveLength(2);
  });

  it('formats numbers and inputs', () => {
    expect(fixed(93.0899)).toBe('93.09');
    expect(fixed(null)).toBe('—');
    expect(percent(0.25)).toBe('25.0%');
    expect(methodKey('judges')).toBe('evaluation.method.judges');
    expect(methodKey('custom')).toBeNull();
    expect(inputParts([{ key: 'judge', value: 89.1, dropped: true }, { key: 'mean', value: 1 / 3, derived: true }, { key: '优秀', value: 33 }])).toEqual([
      { key: 'judge', value: '89.1', dropped: true, derived: false },
      { key: 'mean', value: '0.3333', dropped: false, derived: true },
      { key: '优秀', value: '33', dropped: false, derived: false },
    ]);
  });

  it('builds a radar across the top-level criteria with a floor that keeps close scores apart', () => {
    expect(radarFloor(rows.slice(0, 2), topCriteria)).toBe(70);
    expect(radarFloor([{ ...rows[0], scores: { yinlingli: 0.2 } }], topCriteria)).toBe(0);
    const option = radarOption(topCriteria, rows.slice(0, 2), 70) as any;
    expect(option.radar.indicator.map((i: { name: string }) => i.name)).toEqual(['引领力强', '凝聚力强', '战斗力强', '公信力强']);
    expect(option.radar.indicator[0].min).toBe(70);
    expect(option.series[0].data[1]).toMatchObject({ name: '白米镇', value: [93, 95, 98, 84] });
    expect(radarOption(topCriteria, [])).toBeNull();
  });

  it('draws a radar from three criteria up and bars below three', () => {
    const radar = subjectChartOption(topCriteria.slice(0, 3), rows.slice(0, 2)) as any;
    expect(radar.series[0].type).toBe('radar');
    expect(radar.radar.indicator).toHaveLength(3);
    const two = subjectChartOption(topCriteria.slice(0, 2), rows.slice(0, 2), 70) as any;
    expect(two.radar).toBeUndefined();
    expect(two.xAxis.data).toEqual(['引领力强', '凝聚力强']);
    expect(two.series.map((s: { type: string }) => s.type)).toEqual(['bar', 'bar']);
    expect(two.series[1]).toMatchObject({ name: '白米镇', data: [93, 95] });
    expect(two.yAxis).toMatchObject({ min: 70, max: 100 });
    const one = subjectChartOption(topCriteria.slice(0, 1), rows.slice(0, 1)) as any;
    expect(one.series[0]).toMatchObject({ type: 'bar', data: [expect.any(Number)] });
    expect(subjectChartOption([], rows)).toBeNull();
  });

  it('writes every amount one way: thousands separators, at most two decimals', () => {
    expect(amount(2557.8)).toBe('2,557.8');
    expect(amount(2309.571)).toBe('2,309.57');
    expect(amount(12)).toBe('12');
    expect(amount(1234567.891, 4)).toBe('1,234,567.891');
    expect(amount(null)).toBe('—');
    expect(amount(Number.NaN)).toBe('—');
    expect(inputParts([{ key: 'actual', value: 2557.8 }])[0].value).toBe('2,557.8');
  });
});
