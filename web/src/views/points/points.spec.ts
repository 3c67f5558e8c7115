import { describe, expect, it } from 'vitest';
import { decisionBody, filterMembers, pageAfterRemoval, ruleGroups, signed, starOption, today, toggleVisible, withoutDecided } from './points';
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

  it('builds a bulk decision from the selection: ids once, a rejection only with a reason', () => {
    const rows = [{ id: 7 }, { id: 3 }, { id: 7 }];
    expect(decisionBody(rows, 'approve')).toEqual({ ids: [7, 3], decision: 'approve' });
    expect(decisionBody(rows, 'reject', '  ')).toBeNull();
    expect(decisionBody(rows, 'reject', ' 佐证材料不全 ')).toEqual({ ids: [7, 3], decision: 'reject', reason: '佐证材料不全' });
    expect(decisionBody([], 'approve')).toBeNull();
  });

  it('drops decided rows and steps back a page when the last one emptied', () => {
    expect(withoutDecided([{ id: 1 }, { id: 2 }, { id: 3 }], [2, 9])).toEqual([{ id: 1 }, { id: 3 }]);
    expect(pageAfterRemoval(3, 120, 20, 50)).toBe(2);
    expect(pageAfterRemoval(2, 120, 10, 50)).toBe(2);
    expect(pageAfterRemoval(1, 5, 5, 50)).toBe(1);
  });

  it('filters the bulk-record members by name and selects all of the filtered list only', () => {
    const m = (id: number, name: string) => ({ id, name, unit_id: 1, unit_name: '一组' });
    const members = [m(1, '王建国'), m(2, '李秀英'), m(3, '王芳')];
    const wang = filterMembers(members, ' 王 ');
    expect(wang.map((x) => x.id)).toEqual([1, 3]);
    expect(filterMembers(members, '')).toHaveLength(3);
    expect(toggleVisible([2], wang, true)).toEqual([2, 1, 3]);
    expect(toggleVisible([1, 2, 3], wang, false)).toEqual([2]);
  });
});
