import { describe, expect, it } from 'vitest';
import { ruleGroups, signed, starOption, today } from './points';
import type { PointsRule } from '../../api/points';

const rule = (code: string, category: string, points: string, active = true): PointsRule => ({
  id: 1,
  code,
  name: code,
  category,
  points,
  cap: null,
  needs_approval: true,
  evidence: '',
  active,
});

describe('points helpers', () => {
  it('signs positive points only', () => {
    expect(signed('5.00')).toBe('+5.00');
    expect(signed('-3.00')).toBe('-3.00');
    expect(signed('0.00')).toBe('0.00');
  });

  it('groups active rules by category in the catalog order', () => {
    const rules = [rule('ZY01', '志愿服务', '5.00'), rule('XX01', '学习活动', '5.00'), rule('XX09', '学习活动', '1.00', false), rule('QT01', '其他', '2.00')];
    const groups = ruleGroups(rules, ['学习活动', '志愿服务']);
    expect(groups.map((g) => g.category)).toEqual(['学习活动', '志愿服务', '其他']);
    expect(groups[0].rules.map((r) => r.code)).toEqual(['XX01']);
  });

  it('formats today and the star chart', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
    const option = starOption({ unit_id: 1, unit_name: '塘马村', members: 3, counts: [{ stars: 0, count: 1 }, { stars: 1, count: 2 }] }, (n) => `${n} 星`, '人数') as any;
    expect(option.xAxis.data).toEqual(['0 星', '1 星']);
    expect(option.series[0].data).toEqual([1, 2]);
  });
});
