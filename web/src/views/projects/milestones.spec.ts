import { describe, expect, it } from 'vitest';
import { planBody } from './milestones';

describe('planBody', () => {
  it('sends a hand-set deadline instead of days, and trims titles', () => {
    expect(planBody([{ title: ' 调研 ', days: 5 }, { title: '实施', deadline: '2026-12-18', days: 10 }])).toEqual([
      { title: '调研', days: 5 },
      { title: '实施', deadline: '2026-12-18' },
    ]);
  });
});
